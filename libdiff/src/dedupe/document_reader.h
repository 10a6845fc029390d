// Copyright 2026 The libdiff Authors.
//
// Reading one corpus file for dedupe: size limits, gzip, and deciding whether
// it is HTML, extracted text or something else. Private to libdiff.
#ifndef LIBDIFF_DEDUPE_DOCUMENT_READER_H_
#define LIBDIFF_DEDUPE_DOCUMENT_READER_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "libdiff/status.h"

namespace libdiff::internal {

enum class DocumentKind { kHtml, kText, kOther };

// How much of a file LooksLikeHtml looks at.
inline constexpr size_t kSniffBytes = 4096;

struct DocumentContent {
  DocumentKind kind = DocumentKind::kOther;
  std::string bytes;         // decompressed content
  uint64_t disk_bytes = 0;   // bytes read from disk
};

// The kind a file name implies: .html/.htm/.xhtml -> kHtml, .txt -> kText,
// anything else kOther (to be sniffed). For "x.html.gz" pass "x.html".
DocumentKind KindFromName(std::string_view name);

// True when `prefix` (the first bytes of a file) looks like HTML: after an
// optional BOM and whitespace it starts with "<!doctype html", "<html", "<?xml"
// followed by an <html element, or a comment, and contains no NUL byte; or an
// "<html"/"<body"/"<head" tag appears in the first 4 KiB of text.
bool LooksLikeHtml(std::string_view prefix);

// Decompresses gzip data; kResourceExhausted past `max_bytes` of output,
// kCorruption for damaged data.
Result<std::string> GunzipLimited(std::string_view data, size_t max_bytes);

// Reads `path` (following the rules above: .gz decompressed and judged by the
// inner name, other names sniffed; a file of another name that is not HTML is
// not read past its first kSniffBytes, and disk_bytes counts what was read).
// Fails with kResourceExhausted for files over the limits, kNotFound/kIOError when unreadable,
// kCorruption for damaged gzip. A file that is neither HTML nor text comes back with kind kOther.
Result<DocumentContent> ReadDocument(const std::string& path, size_t max_file_bytes,
                                     size_t max_decompressed_bytes);

}  // namespace libdiff::internal

#endif  // LIBDIFF_DEDUPE_DOCUMENT_READER_H_
