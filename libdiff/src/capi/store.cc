// Copyright 2026 The libdiff Authors.
//
// The C API's store handle: open, close, one page's ingest and check, and the
// experimental maintenance calls (prune, compact, URL normalisation).
// A handle's shared_mutex lets calls run together and makes close wait for them.
#include "capi/boundary.h"

#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <utility>

#include "capi/conversions.h"
#include "libdiff/store.h"

using namespace libdiff::capi;  // NOLINT: the boundary helpers

extern "C" {

int libdiff_store_open(libdiff_store** out, const libdiff_store_options* options,
                       const char* path, size_t len) {
  ResetOut(out);
  return Guard(__func__, [&]() -> Status {
    RequireOut(out);
    static const libdiff::StoreOptions kDefaults;
    const libdiff::StoreOptions& o =
        options != nullptr ? Check(options, "options")->options : kDefaults;
    std::string dir = Name(path, len, "path");
    auto r = libdiff::Store::Open(o, dir);
    if (!r.ok()) return r.status();
    auto handle = std::make_unique<libdiff_store>();
    handle->store = std::move(r).value();
    handle->extract = o.extract;
    *out = handle.release();
    return Status::OK();
  });
}

int libdiff_store_close(libdiff_store* store) {
  if (store == nullptr) return LIBDIFF_OK;
  return Guard(__func__, [&] {
    Check(store, "store");
    std::unique_ptr<libdiff::Store> closing;
    {
      std::unique_lock lock(store->mu);
      closing = std::move(store->store);
    }
    closing.reset();  // closes the environment outside the lock
    return Status::OK();
  });
}

void libdiff_store_free(libdiff_store* store) {
  if (!IsLive(store)) return;
  Quiet(0, [&] {
    libdiff_store_close(store);
    return 0;
  });
  FreeHandle(store);
}

int libdiff_store_ingest(libdiff_verdict** out, libdiff_store* store, const char* url,
                         size_t url_len, const char* html, size_t html_len,
                         int64_t fetched_at) {
  ResetOut(out);
  return Guard(__func__, [&] {
    RequireOut(out);
    return WithStore(store, [&](libdiff::Store& s) -> Status {
      libdiff::Page page = MakePage(store, url, url_len, html, html_len, fetched_at);
      auto r = s.Ingest(page);
      if (!r.ok()) return r.status();
      auto v = std::make_unique<libdiff_verdict>();
      v->verdict = std::move(r).value();
      *out = v.release();
      return Status::OK();
    });
  });
}

int libdiff_store_check(libdiff_verdict** out, libdiff_store* store, const char* url,
                        size_t url_len, const char* html, size_t html_len, int64_t fetched_at) {
  ResetOut(out);
  return Guard(__func__, [&] {
    RequireOut(out);
    return WithStore(store, [&](libdiff::Store& s) -> Status {
      libdiff::Page page = MakePage(store, url, url_len, html, html_len, fetched_at);
      auto r = s.Check(page);
      if (!r.ok()) return r.status();
      auto v = std::make_unique<libdiff_verdict>();
      v->verdict = std::move(r).value();
      *out = v.release();
      return Status::OK();
    });
  });
}

int libdiff_store_prune(uint64_t* out_removed, libdiff_store* store, int64_t older_than,
                        uint32_t keep_revisions) {
  if (out_removed != nullptr) *out_removed = 0;
  return Guard(__func__, [&] {
    if (older_than < 0) InvalidArgument("older_than is negative");
    return WithStore(store, [&](libdiff::Store& s) -> Status {
      libdiff::PruneOptions o;
      o.older_than = older_than;
      o.keep_revisions = keep_revisions;
      auto r = s.Prune(o);
      if (!r.ok()) return r.status();
      if (out_removed != nullptr) *out_removed = r->revisions_removed;
      return Status::OK();
    });
  });
}

int libdiff_store_compact(uint64_t* out_bytes_after, libdiff_store* store) {
  if (out_bytes_after != nullptr) *out_bytes_after = 0;
  return Guard(__func__, [&] {
    return WithStore(store, [&](libdiff::Store& s) -> Status {
      auto r = s.Compact();
      if (!r.ok()) return r.status();
      if (out_bytes_after != nullptr) *out_bytes_after = r->bytes_after;
      return Status::OK();
    });
  });
}

int libdiff_normalize_url(char** out, size_t* out_len, const char* url, size_t len) {
  ResetOut(out);
  ResetLen(out_len);
  return Guard(__func__, [&]() -> Status {
    RequireOut(out);
    auto r = libdiff::NormalizeUrl(Name(url, len, "url"));
    if (!r.ok()) return r.status();
    OutString(out, out_len, *r);
    return Status::OK();
  });
}

}  // extern "C"
