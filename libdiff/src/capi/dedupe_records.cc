// Copyright 2026 The libdiff Authors.
//
// libdiff_dedupe_records: libdiff_dedupe_record over a list of files in one
// call, the documents' fields written to caller-owned structs (experimental;
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
#include "extract/date.h"

using namespace libdiff::capi;  // NOLINT: the boundary helpers

namespace {

static_assert(sizeof(libdiff_dedupe_doc) == 152, "libdiff.h documents 152 bytes");
static_assert(libdiff::kSketchSize == LIBDIFF_DEDUPE_SKETCH_SIZE);

// Why a file is not a document: the reason `libdiff dedupe` counts it under.
struct Skip {
  const char* reason = nullptr;
  std::string detail;
};

const char* ReasonOf(const libdiff::Status& s) {
  return s.IsResourceExhausted() ? "too large" : "unreadable";
}

// Fills *doc for the file at `path` (as DedupeRun::ProcessOne does) or
// returns why it is skipped.
Skip FillDoc(const std::string& path, size_t max_file, size_t max_gz, libdiff_dedupe_doc* doc) {
  using libdiff::internal::DocumentKind;
  auto content = libdiff::internal::ReadDocument(path, max_file, max_gz);
  if (!content.ok()) return {ReasonOf(content.status()), content.status().message()};
  doc->disk_bytes = content->disk_bytes;
  if (content->kind == DocumentKind::kOther) return {"not html", ""};
  libdiff::Fingerprint fp;
  uint64_t body = 0;
  if (content->kind == DocumentKind::kText) {
    body = content->bytes.size();
    fp = libdiff::FingerprintText(content->bytes);
    if (fp.token_count == 0) return {"no article", "empty text"};
  } else {
    libdiff::ExtractOptions eo;
    eo.max_input_bytes = std::max(max_file, max_gz);
    auto article = libdiff::ExtractArticle(content->bytes, eo);
    if (!article.ok()) return {ReasonOf(article.status()), article.status().message()};
    if (article->blocks.empty()) return {"no article", article->empty_reason};
    std::vector<std::string> texts;
    texts.reserve(article->blocks.size());
    for (libdiff::Block& b : article->blocks) {
      body += b.text.size();
      texts.push_back(std::move(b.text));
    }
    fp = libdiff::FingerprintParagraphs(texts);
    int64_t t = 0;
    if (!article->published.empty() &&
        libdiff::internal::IsoToUnixSeconds(article->published, &t)) {
      doc->published = t;
      doc->has_published = 1;
    }
  }
  doc->is_document = 1;
  doc->simhash = fp.simhash;
  doc->exact_high = fp.exact.high;
  doc->exact_low = fp.exact.low;
  doc->body_bytes = static_cast<uint32_t>(std::min<uint64_t>(body, UINT32_MAX));
  doc->tokens = static_cast<uint32_t>(std::min<uint64_t>(fp.token_count, UINT32_MAX));
  doc->shingles = static_cast<uint32_t>(std::min<uint64_t>(fp.shingle_count, UINT32_MAX));
  doc->sketch_count = static_cast<uint8_t>(fp.sketch.size());
  std::copy(fp.sketch.begin(), fp.sketch.end(), doc->sketch);
  return {};
}

}  // namespace

extern "C" {

int libdiff_dedupe_records(libdiff_dedupe_doc* out_docs, char** out_skips, size_t* out_skips_len,
                           const char* const* paths, const size_t* path_lens, size_t n_files,
                           uint64_t max_file_bytes, uint64_t max_decompressed_bytes) {
  ResetOut(out_skips);
  ResetLen(out_skips_len);
  return Guard(__func__, [&]() -> Status {
    RequireOut(out_skips, "out_skips");
    if (n_files > 0 && (out_docs == nullptr || paths == nullptr || path_lens == nullptr)) {
      InvalidArgument("out_docs, paths or path_lens is NULL");
    }
    // Every path is checked before any file is read.
    std::vector<std::string> names;
    names.reserve(n_files);
    for (size_t i = 0; i < n_files; ++i) {
      names.push_back(Name(paths[i], path_lens[i], ("path " + std::to_string(i)).c_str()));
    }
    const size_t max_file = static_cast<size_t>(max_file_bytes);
    const size_t max_gz = static_cast<size_t>(max_decompressed_bytes);
    nlohmann::json skips = nlohmann::json::array();
    for (size_t i = 0; i < n_files; ++i) {
      libdiff_dedupe_doc* doc = &out_docs[i];
      std::memset(doc, 0, sizeof(*doc));
      Skip s = FillDoc(names[i], max_file, max_gz, doc);
      if (s.reason != nullptr) {
        const uint64_t disk_bytes = doc->disk_bytes;
        std::memset(doc, 0, sizeof(*doc));
        doc->disk_bytes = disk_bytes;
        skips.push_back(nlohmann::json::array({i, s.reason, std::move(s.detail)}));
      }
    }
    OutString(out_skips, out_skips_len,
              skips.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    return Status::OK();
  });
}

}  // extern "C"
