// Copyright 2026 The libdiff Authors.
//
// The C API's store statistics: counts and sizes, and their JSON (libdiff.h,
// "The revision store").
#include "capi/boundary.h"

#include <memory>
#include <string>
#include <utility>

#include "capi/conversions.h"
#include "libdiff/store.h"

using namespace libdiff::capi;  // NOLINT: the boundary helpers

extern "C" {

int libdiff_store_stats(libdiff_stats** out, libdiff_store* store) {
  ResetOut(out);
  return Guard(__func__, [&] {
    RequireOut(out);
    return WithStore(store, [&](libdiff::Store& s) -> Status {
      auto r = s.Stats();
      if (!r.ok()) return r.status();
      auto h = std::make_unique<libdiff_stats>();
      h->stats = std::move(r).value();
      h->dir = s.dir();
      *out = h.release();
      return Status::OK();
    });
  });
}

void libdiff_stats_free(libdiff_stats* stats) { FreeHandle(stats); }

int libdiff_stats_get(uint64_t* out, const libdiff_stats* stats, int field) {
  if (out != nullptr) *out = 0;
  return Guard(__func__, [&] {
    RequireOut(out);
    const libdiff::StoreStats& s = Check(stats, "stats")->stats;
    switch (field) {
      case LIBDIFF_STATS_ARTICLES: *out = s.articles; break;
      case LIBDIFF_STATS_REVISIONS: *out = s.revisions; break;
      case LIBDIFF_STATS_URLS: *out = s.urls; break;
      case LIBDIFF_STATS_DUPLICATES: *out = s.duplicates; break;
      case LIBDIFF_STATS_SNAPSHOT_BYTES: *out = s.snapshot_bytes; break;
      case LIBDIFF_STATS_RAW_HTML_BYTES: *out = s.raw_html_bytes; break;
      case LIBDIFF_STATS_RECORD_BYTES: *out = s.record_bytes; break;
      case LIBDIFF_STATS_FILE_BYTES: *out = s.file_bytes; break;
      case LIBDIFF_STATS_MAP_SIZE: *out = s.map_size; break;
      default: InvalidArgument("unknown stats field " + std::to_string(field));
    }
    return Status::OK();
  });
}

int libdiff_stats_bytes_per_revision(double* out, const libdiff_stats* stats) {
  if (out != nullptr) *out = 0.0;
  return Guard(__func__, [&] {
    RequireOut(out);
    *out = Check(stats, "stats")->stats.bytes_per_revision;
    return Status::OK();
  });
}

int libdiff_stats_to_json(char** out, size_t* out_len, const libdiff_stats* stats) {
  ResetOut(out);
  ResetLen(out_len);
  return Guard(__func__, [&] {
    RequireOut(out);
    const libdiff_stats* handle = Check(stats, "stats");
    OutString(out, out_len, libdiff::StatsToJson(handle->stats, handle->dir));
    return Status::OK();
  });
}

}  // extern "C"
