// Copyright 2026 The libdiff Authors.
//
// One document's dedupe record: what `libdiff dedupe` (DedupeRun) and the C
// API's scale-out entry points (capi/dedupe.cc, capi/dedupe_records.cc) know of
// a file or WARC member before any pair is compared — its fingerprint, body
// size and publication time, or the reason it is not a document. One function
// makes it for both, so the CLI and the Dask pipeline cannot drift apart.
// Private to libdiff.
#ifndef LIBDIFF_DEDUPE_DOCUMENT_RECORD_H_
#define LIBDIFF_DEDUPE_DOCUMENT_RECORD_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "dedupe/document_reader.h"
#include "libdiff/article.h"
#include "libdiff/fingerprint.h"
#include "libdiff/status.h"

namespace libdiff::internal {

struct DocumentRecordOptions {
  size_t max_file_bytes = 0;          // limits the content was read under
  size_t max_decompressed_bytes = 0;  // (the extractor's input limit is the larger)
  std::string url;                    // a WARC member's, passed to the extractor
  std::string content_type;           // likewise
  // Keep the extracted article (a text file's paragraphs, split at blank
  // lines, for text content) in DocumentRecord::article, for filing it in a
  // store. Off, the body text is not kept.
  bool keep_article = false;
};

struct DocumentRecord {
  // Set when the content is not a document: "unreadable", "too large",
  // "not html" or "no article"; skip_detail says why.
  const char* skip_reason = nullptr;
  std::string skip_detail;
  uint64_t disk_bytes = 0;  // bytes read from disk; 0 when the file could not be read
  Fingerprint fp;
  uint64_t body_bytes = 0;  // bytes of body text
  bool has_published = false;
  int64_t published = 0;           // Unix seconds, when has_published
  std::optional<Article> article;  // with keep_article, for documents
};

// The record of one document's content, as ReadDocument returned it (or a
// WARC member's HTML, given as kHtml content).
DocumentRecord MakeDocumentRecord(Result<DocumentContent> content,
                                  const DocumentRecordOptions& options);

}  // namespace libdiff::internal

#endif  // LIBDIFF_DEDUPE_DOCUMENT_RECORD_H_
