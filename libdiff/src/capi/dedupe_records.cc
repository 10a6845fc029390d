// Copyright 2026 The libdiff Authors.
//
// libdiff_dedupe_records: libdiff_dedupe_record over a list of files in one
// call, the documents' fields written to caller-owned structs; and
// libdiff_dedupe_page_records, the same for the pages of a page list, each
// extracted with its URL (experimental;
// used by bindings/python/libdiff/dask_dedupe.py, whose records task then
// crosses the boundary once per task and decodes no JSON per file).
#include "capi/boundary.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "libdiff/article.h"
#include "libdiff/fingerprint.h"
#include "dedupe/document_reader.h"
#include "dedupe/document_record.h"

using namespace libdiff::capi;  // NOLINT: the boundary helpers

namespace {

static_assert(sizeof(libdiff_dedupe_doc) == 152, "libdiff.h documents 152 bytes");
static_assert(libdiff::kSketchSize == LIBDIFF_DEDUPE_SKETCH_SIZE);

// Fills *doc for the file at `path`; the skip reason when it is no document.
libdiff::internal::DocumentRecord FillDoc(const std::string& path, const std::string& url,
                                          size_t max_file, size_t max_gz,
                                          libdiff_dedupe_doc* doc) {
  libdiff::internal::DocumentRecordOptions ro;
  ro.max_file_bytes = max_file;
  ro.max_decompressed_bytes = max_gz;
  ro.url = url;  // as DedupeRun passes a listed page's URL
  libdiff::internal::DocumentRecord r = libdiff::internal::MakeDocumentRecord(
      libdiff::internal::ReadDocument(path, max_file, max_gz), ro);
  doc->disk_bytes = r.disk_bytes;
  if (r.skip_reason != nullptr) return r;
  const libdiff::Fingerprint& fp = r.fp;
  doc->is_document = 1;
  doc->published = r.published;
  doc->has_published = r.has_published ? 1 : 0;
  doc->simhash = fp.simhash;
  doc->exact_high = fp.exact.high;
  doc->exact_low = fp.exact.low;
  doc->body_bytes = static_cast<uint32_t>(std::min<uint64_t>(r.body_bytes, UINT32_MAX));
  doc->tokens = static_cast<uint32_t>(std::min<uint64_t>(fp.token_count, UINT32_MAX));
  doc->shingles = static_cast<uint32_t>(std::min<uint64_t>(fp.shingle_count, UINT32_MAX));
  doc->sketch_count = static_cast<uint8_t>(fp.sketch.size());
  std::copy(fp.sketch.begin(), fp.sketch.end(), doc->sketch);
  return r;
}

// Both entry points: `urls` NULL means no URLs.
Status Records(libdiff_dedupe_doc* out_docs, char** out_skips, size_t* out_skips_len,
               const char* const* paths, const size_t* path_lens, const char* const* urls,
               const size_t* url_lens, size_t n_files, uint64_t max_file_bytes,
               uint64_t max_decompressed_bytes) {
  RequireOut(out_skips, "out_skips");
  if (n_files > 0 && (out_docs == nullptr || paths == nullptr || path_lens == nullptr)) {
    InvalidArgument("out_docs, paths or path_lens is NULL");
  }
  if (n_files > 0 && (urls == nullptr) != (url_lens == nullptr)) {
    InvalidArgument("urls and url_lens must both be NULL or both be set");
  }
  // Every path and URL is checked before any file is read.
  std::vector<std::string> names;
  std::vector<std::string> page_urls(urls != nullptr ? n_files : 0);
  names.reserve(n_files);
  for (size_t i = 0; i < n_files; ++i) {
    names.push_back(Name(paths[i], path_lens[i], ("path " + std::to_string(i)).c_str()));
    if (urls != nullptr) {
      page_urls[i] = Name(urls[i], url_lens[i], ("url " + std::to_string(i)).c_str(), true);
    }
  }
  const size_t max_file = static_cast<size_t>(max_file_bytes);
  const size_t max_gz = static_cast<size_t>(max_decompressed_bytes);
  nlohmann::json skips = nlohmann::json::array();
  const std::string none;
  for (size_t i = 0; i < n_files; ++i) {
    libdiff_dedupe_doc* doc = &out_docs[i];
    std::memset(doc, 0, sizeof(*doc));
    libdiff::internal::DocumentRecord s =
        FillDoc(names[i], urls != nullptr ? page_urls[i] : none, max_file, max_gz, doc);
    if (s.skip_reason != nullptr) {
      const uint64_t disk_bytes = doc->disk_bytes;
      std::memset(doc, 0, sizeof(*doc));
      doc->disk_bytes = disk_bytes;
      skips.push_back(nlohmann::json::array({i, s.skip_reason, std::move(s.skip_detail)}));
    }
  }
  OutString(out_skips, out_skips_len,
            skips.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  return Status::OK();
}

}  // namespace

extern "C" {

int libdiff_dedupe_records(libdiff_dedupe_doc* out_docs, char** out_skips, size_t* out_skips_len,
                           const char* const* paths, const size_t* path_lens, size_t n_files,
                           uint64_t max_file_bytes, uint64_t max_decompressed_bytes) {
  ResetOut(out_skips);
  ResetLen(out_skips_len);
  return Guard(__func__, [&]() -> Status {
    return Records(out_docs, out_skips, out_skips_len, paths, path_lens, nullptr, nullptr,
                   n_files, max_file_bytes, max_decompressed_bytes);
  });
}

int libdiff_dedupe_page_records(libdiff_dedupe_doc* out_docs, char** out_skips,
                                size_t* out_skips_len, const char* const* paths,
                                const size_t* path_lens, const char* const* urls,
                                const size_t* url_lens, size_t n_files, uint64_t max_file_bytes,
                                uint64_t max_decompressed_bytes) {
  ResetOut(out_skips);
  ResetLen(out_skips_len);
  return Guard(__func__, [&]() -> Status {
    return Records(out_docs, out_skips, out_skips_len, paths, path_lens, urls, url_lens, n_files,
                   max_file_bytes, max_decompressed_bytes);
  });
}

}  // extern "C"
