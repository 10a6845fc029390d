// Copyright 2026 The libdiff Authors.
#include "dedupe/document_reader.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "util/file.h"
#include "warc/http_payload.h"

namespace libdiff::internal {
namespace {

bool EndsWithNoCase(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[s.size() - suffix.size() + i])) != suffix[i]) {
      return false;
    }
  }
  return true;
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  }
  return true;
}

bool ContainsNoCase(std::string_view s, std::string_view needle) {
  auto it = std::search(s.begin(), s.end(), needle.begin(), needle.end(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) == b;
  });
  return it != s.end();
}

}  // namespace

DocumentKind KindFromName(std::string_view name) {
  if (EndsWithNoCase(name, ".html") || EndsWithNoCase(name, ".htm") ||
      EndsWithNoCase(name, ".xhtml")) {
    return DocumentKind::kHtml;
  }
  if (EndsWithNoCase(name, ".txt")) return DocumentKind::kText;
  return DocumentKind::kOther;
}

bool LooksLikeHtml(std::string_view prefix) {
  std::string_view s = prefix.substr(0, kSniffBytes);
  if (s.find('\0') != std::string_view::npos) return false;  // binary (or UTF-16, unsupported)
  if (s.size() >= 3 && static_cast<unsigned char>(s[0]) == 0xEF &&
      static_cast<unsigned char>(s[1]) == 0xBB && static_cast<unsigned char>(s[2]) == 0xBF) {
    s.remove_prefix(3);
  }
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  if (StartsWithNoCase(s, "<!doctype html") || StartsWithNoCase(s, "<html")) return true;
  if (StartsWithNoCase(s, "<?xml") || StartsWithNoCase(s, "<!--") || StartsWithNoCase(s, "<")) {
    return ContainsNoCase(s, "<html") || ContainsNoCase(s, "<body") || ContainsNoCase(s, "<head");
  }
  return false;
}

Result<std::string> GunzipLimited(std::string_view data, size_t max_bytes) {
  auto out = InflateLimited(data, max_bytes);
  if (!out.ok()) return out.status().WithContext("gzip");
  return out;
}

Result<DocumentContent> ReadDocument(const std::string& path, size_t max_file_bytes,
                                     size_t max_decompressed_bytes) {
  DocumentContent doc;
  if (KindFromName(path) == DocumentKind::kOther && !EndsWithNoCase(path, ".gz")) {
    // Sniff before reading a file of any other name whole: a large data file
    // (a log, an image, a label list) is rejected after 4 KiB.
    LIBDIFF_ASSIGN_OR_RETURN(std::string prefix, ReadFilePrefix(path, kSniffBytes));
    const bool gzip_magic = prefix.size() >= 2 && static_cast<unsigned char>(prefix[0]) == 0x1f &&
                            static_cast<unsigned char>(prefix[1]) == 0x8b;
    if (!gzip_magic && !LooksLikeHtml(prefix)) {
      doc.disk_bytes = prefix.size();
      doc.kind = DocumentKind::kOther;
      return doc;
    }
  }
  LIBDIFF_ASSIGN_OR_RETURN(std::string raw, ReadFile(path, max_file_bytes));
  doc.disk_bytes = raw.size();
  std::string_view name = path;
  const bool gz = EndsWithNoCase(name, ".gz") ||
                  (raw.size() >= 2 && static_cast<unsigned char>(raw[0]) == 0x1f &&
                   static_cast<unsigned char>(raw[1]) == 0x8b);
  if (EndsWithNoCase(name, ".gz")) name.remove_suffix(3);
  if (gz) {
    auto inflated = GunzipLimited(raw, max_decompressed_bytes);
    if (!inflated.ok()) return inflated.status().WithContext(path);
    doc.bytes = *std::move(inflated);
  } else {
    doc.bytes = std::move(raw);
  }
  doc.kind = KindFromName(name);
  if (doc.kind == DocumentKind::kText && doc.bytes.find('\0') != std::string::npos) {
    doc.kind = DocumentKind::kOther;  // a binary file named .txt
  } else if (doc.kind == DocumentKind::kOther && LooksLikeHtml(doc.bytes)) {
    doc.kind = DocumentKind::kHtml;
  }
  return doc;
}

}  // namespace libdiff::internal
