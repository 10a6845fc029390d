// Copyright 2026 The libdiff Authors.
//
// The C API's page lists (libdiff.h, "Page lists") over libdiff/page_list.h.
#include <string>
#include <vector>

#include "capi/boundary.h"
#include "libdiff/page_list.h"

using namespace libdiff::capi;  // NOLINT: the boundary helpers

struct libdiff_page_list {
  static constexpr Magic kMagic = Magic::kPageList;
  Magic magic = kMagic;
  std::vector<libdiff::PageListEntry> pages;
};

namespace {

const libdiff::PageListEntry& Page(const libdiff_page_list* list, size_t index) {
  Check(list, "list");
  if (index >= list->pages.size()) {
    Fail(StatusCode::kNotFound, "page " + std::to_string(index) + " of " +
                                    std::to_string(list->pages.size()));
  }
  return list->pages[index];
}

}  // namespace

extern "C" {

int libdiff_page_list_read(libdiff_page_list** out, const char* path, size_t path_len) {
  ResetOut(out);
  return Guard(__func__, [&] {
    RequireOut(out);
    // A path is bytes (a list may be named in any encoding); only NUL is refused.
    const std::string p(Bytes(path, path_len, "path"));
    if (p.empty()) InvalidArgument("path is empty");
    if (p.find('\0') != std::string::npos) InvalidArgument("path contains a NUL byte");
    auto list = std::make_unique<libdiff_page_list>();
    Status s = libdiff::ReadPageList(p, &list->pages);
    if (!s.ok()) return s;
    *out = list.release();
    return Status::OK();
  });
}

void libdiff_page_list_free(libdiff_page_list* list) { FreeHandle(list); }

size_t libdiff_page_list_count(const libdiff_page_list* list) {
  return IsLive(list) ? list->pages.size() : 0;
}

int libdiff_page_list_string(const char** out, size_t* out_len, const libdiff_page_list* list,
                             size_t index, int field) {
  ResetOut(out);
  ResetLen(out_len);
  return Guard(__func__, [&] {
    RequireOut(out);
    const libdiff::PageListEntry& page = Page(list, index);
    switch (field) {
      case LIBDIFF_PAGE_LIST_URL: OutView(out, out_len, page.url); break;
      case LIBDIFF_PAGE_LIST_PATH: OutView(out, out_len, page.path); break;
      case LIBDIFF_PAGE_LIST_ORIGIN: OutView(out, out_len, page.origin); break;
      default: InvalidArgument("unknown field " + std::to_string(field));
    }
    return Status::OK();
  });
}

int libdiff_page_list_fetched_at(int64_t* out, const libdiff_page_list* list, size_t index) {
  if (out != nullptr) *out = 0;
  return Guard(__func__, [&] {
    RequireOut(out);
    *out = Page(list, index).fetched_at;
    return Status::OK();
  });
}

int libdiff_page_list_get(libdiff_page_list_entry* out, const libdiff_page_list* list,
                          size_t index) {
  if (out != nullptr) *out = libdiff_page_list_entry{};
  return Guard(__func__, [&] {
    RequireOut(out);
    const libdiff::PageListEntry& page = Page(list, index);
    OutView(&out->url, &out->url_len, page.url);
    OutView(&out->path, &out->path_len, page.path);
    OutView(&out->origin, &out->origin_len, page.origin);
    out->fetched_at = page.fetched_at;
    out->has_fetched_at = page.has_fetched_at ? 1 : 0;
    return Status::OK();
  });
}

int libdiff_page_list_check_unique(const libdiff_page_list* const* lists, size_t n_lists) {
  return Guard(__func__, [&] {
    if (lists == nullptr && n_lists != 0) InvalidArgument("lists is NULL");
    std::vector<libdiff::PageListEntry> all;
    for (size_t i = 0; i < n_lists; ++i) {
      const libdiff_page_list* list = Check(lists[i], "lists[i]");
      all.insert(all.end(), list->pages.begin(), list->pages.end());
    }
    return libdiff::CheckPageListUnique(all);
  });
}

}  // extern "C"
