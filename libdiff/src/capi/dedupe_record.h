// Copyright 2026 The libdiff Authors.
//
// One document's dedupe record for the C API's scale-out entry points
// (dedupe.cc: one file or a WARC's members as JSON; dedupe_records.cc: a list
// of files into caller-owned structs). The fields and skip reasons are
// DedupeRun::ProcessOne's (libdiff/src/dedupe/dedupe.cc); the C tests compare
// the two entry points field by field.
#ifndef LIBDIFF_CAPI_DEDUPE_RECORD_H_
#define LIBDIFF_CAPI_DEDUPE_RECORD_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "dedupe/document_reader.h"
#include "libdiff/fingerprint.h"
#include "libdiff/status.h"

namespace libdiff::capi {

struct DedupeRecord {
  const char* skip_reason = nullptr;  // set when the content is not a document
  std::string skip_detail;
  uint64_t disk_bytes = 0;             // 0 when the file could not be read
  Fingerprint fp;
  uint64_t body_bytes = 0;
  bool has_published = false;
  int64_t published = 0;  // Unix seconds
};

// The record of one document's content; `url` and `content_type` (a WARC
// member's) go to the extractor as dedupe.cc gives them.
DedupeRecord DedupeRecordOf(Result<internal::DocumentContent> content, size_t max_file,
                            size_t max_gz, const std::string& url = "",
                            const std::string& content_type = "");

}  // namespace libdiff::capi

#endif  // LIBDIFF_CAPI_DEDUPE_RECORD_H_
