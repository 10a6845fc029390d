// Copyright 2026 The libdiff Authors.
//
// The C API's history surface: an article's URLs and revisions, one revision
// read back as an article (libdiff.h, "The revision store").
#include "capi/boundary.h"

#include <cstdio>
#include <memory>
#include <string>
#include <utility>

#include "capi/conversions.h"
#include "libdiff/store.h"

using namespace libdiff::capi;  // NOLINT: the boundary helpers

namespace {

const libdiff::RevisionInfo& RevisionAt(const libdiff_history* history, size_t index) {
  const auto& revs = Check(history, "history")->history.revisions;
  if (index >= revs.size()) {
    Fail(StatusCode::kNotFound,
         "revision index " + std::to_string(index) + " of " + std::to_string(revs.size()));
  }
  return revs[index];
}

}  // namespace

extern "C" {

int libdiff_store_history(libdiff_history** out, libdiff_store* store, const char* url,
                          size_t url_len) {
  ResetOut(out);
  return Guard(__func__, [&] {
    RequireOut(out);
    return WithStore(store, [&](libdiff::Store& s) -> Status {
      std::string key = Name(url, url_len, "url");
      auto r = s.History(key);
      if (!r.ok()) return r.status();
      auto h = std::make_unique<libdiff_history>();
      h->history = std::move(r).value();
      h->url = std::move(key);
      *out = h.release();
      return Status::OK();
    });
  });
}

void libdiff_history_free(libdiff_history* history) { FreeHandle(history); }

int libdiff_history_int(int64_t* out, const libdiff_history* history, int field) {
  if (out != nullptr) *out = 0;
  return Guard(__func__, [&] {
    RequireOut(out);
    const libdiff::ArticleHistory& h = Check(history, "history")->history;
    switch (field) {
      case LIBDIFF_HISTORY_ARTICLE: *out = static_cast<int64_t>(h.article); break;
      case LIBDIFF_HISTORY_DUPLICATE_OF: *out = static_cast<int64_t>(h.duplicate_of); break;
      case LIBDIFF_HISTORY_FIRST_SEEN: *out = h.first_seen; break;
      case LIBDIFF_HISTORY_REVISION_COUNT: *out = static_cast<int64_t>(h.revisions.size()); break;
      case LIBDIFF_HISTORY_URL_COUNT: *out = static_cast<int64_t>(h.urls.size()); break;
      default: InvalidArgument("unknown history field " + std::to_string(field));
    }
    return Status::OK();
  });
}

int libdiff_history_first_url(const char** out, size_t* out_len,
                              const libdiff_history* history) {
  ResetOut(out);
  ResetLen(out_len);
  return Guard(__func__, [&] {
    RequireOut(out);
    OutView(out, out_len, Check(history, "history")->history.first_url);
    return Status::OK();
  });
}

int libdiff_history_url(const char** out, size_t* out_len, const libdiff_history* history,
                        size_t index) {
  ResetOut(out);
  ResetLen(out_len);
  return Guard(__func__, [&] {
    RequireOut(out);
    const auto& urls = Check(history, "history")->history.urls;
    if (index >= urls.size()) {
      Fail(StatusCode::kNotFound,
           "url " + std::to_string(index) + " of " + std::to_string(urls.size()));
    }
    OutView(out, out_len, urls[index]);
    return Status::OK();
  });
}

int libdiff_history_revision_int(int64_t* out, const libdiff_history* history, size_t index,
                                 int field) {
  if (out != nullptr) *out = 0;
  return Guard(__func__, [&] {
    RequireOut(out);
    const libdiff::RevisionInfo& r = RevisionAt(history, index);
    switch (field) {
      case LIBDIFF_REVISION_NUMBER: *out = r.revision; break;
      case LIBDIFF_REVISION_FETCHED_AT: *out = r.fetched_at; break;
      case LIBDIFF_REVISION_SAME_AS: *out = r.same_as; break;
      case LIBDIFF_REVISION_KEYFRAME: *out = r.keyframe ? 1 : 0; break;
      case LIBDIFF_REVISION_STORED_BYTES: *out = static_cast<int64_t>(r.stored_bytes); break;
      case LIBDIFF_REVISION_SIMHASH: *out = static_cast<int64_t>(r.simhash); break;
      default: InvalidArgument("unknown revision integer field " + std::to_string(field));
    }
    return Status::OK();
  });
}

int libdiff_history_revision_string(const char** out, size_t* out_len,
                                    const libdiff_history* history, size_t index, int field) {
  ResetOut(out);
  ResetLen(out_len);
  return Guard(__func__, [&] {
    RequireOut(out);
    const libdiff::RevisionInfo& r = RevisionAt(history, index);
    switch (field) {
      case LIBDIFF_REVISION_URL: OutView(out, out_len, r.url); break;
      case LIBDIFF_REVISION_TITLE: OutView(out, out_len, r.title); break;
      default: InvalidArgument("unknown revision string field " + std::to_string(field));
    }
    return Status::OK();
  });
}

int libdiff_history_to_json(char** out, size_t* out_len, const libdiff_history* history) {
  ResetOut(out);
  ResetLen(out_len);
  return Guard(__func__, [&] {
    RequireOut(out);
    const libdiff_history* handle = Check(history, "history");
    OutString(out, out_len, libdiff::HistoryToJson(handle->history, handle->url));
    return Status::OK();
  });
}

int libdiff_store_read_revision(libdiff_article** out, libdiff_store* store, const char* url,
                                size_t url_len, uint32_t revision) {
  ResetOut(out);
  return Guard(__func__, [&] {
    RequireOut(out);
    return WithStore(store, [&](libdiff::Store& s) -> Status {
      auto r = s.ReadRevision(Name(url, url_len, "url"), revision);
      if (!r.ok()) return r.status();
      *out = NewArticle(std::move(r).value());
      return Status::OK();
    });
  });
}

}  // extern "C"
