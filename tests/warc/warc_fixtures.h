// Copyright 2026 The libdiff Authors.
//
// Hand-written WARC records for the tests: each builder returns the bytes of
// one record (WARC header, block, the two CRLFs), so a test can join them,
// gzip them one member per record or as one stream, and cut or damage them.
#ifndef LIBDIFF_TESTS_WARC_WARC_FIXTURES_H_
#define LIBDIFF_TESTS_WARC_WARC_FIXTURES_H_

#include <cstdio>
#include <string>

#include "dedupe/corpus_util.h"

namespace libdiff::test {

// A WARC record; `extra` holds more header lines, each ending in "\r\n".
// `with_length` false leaves out Content-Length.
inline std::string WarcRecordBytes(const std::string& type, const std::string& uri,
                                   const std::string& content_type, const std::string& block,
                                   const std::string& extra = "", bool with_length = true,
                                   const std::string& version = "WARC/1.0",
                                   const std::string& date = "2026-11-28T04:00:00Z") {
  std::string r = version + "\r\nWARC-Type: " + type + "\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + uri + "\r\n";
  r += "WARC-Date: " + date + "\r\n";
  r += "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000000>\r\n";
  if (!content_type.empty()) r += "Content-Type: " + content_type + "\r\n";
  r += extra;
  if (with_length) r += "Content-Length: " + std::to_string(block.size()) + "\r\n";
  return r + "\r\n" + block + "\r\n\r\n";
}

// An HTTP response as a WARC response block: status line, headers, body.
inline std::string HttpBlock(const std::string& body, const std::string& content_type = "text/html",
                             const std::string& extra_headers = "", int status = 200) {
  std::string h = "HTTP/1.1 " + std::to_string(status) + " OK\r\n";
  if (!content_type.empty()) h += "Content-Type: " + content_type + "\r\n";
  return h + extra_headers + "\r\n" + body;
}

// A response record for `url` with an HTML body.
inline std::string HtmlResponse(const std::string& url, const std::string& html,
                                const std::string& content_type = "text/html; charset=utf-8") {
  return WarcRecordBytes("response", "<" + url + ">", "application/http;msgtype=response",
                         HttpBlock(html, content_type));
}

// `data` as one gzip member.
using dedupe_test::Gzip;

// `body` in HTTP chunks of `size` bytes.
inline std::string Chunked(const std::string& body, size_t size) {
  std::string out;
  char hex[32];
  for (size_t i = 0; i < body.size(); i += size) {
    const std::string piece = body.substr(i, size);
    std::snprintf(hex, sizeof hex, "%zx", piece.size());
    out += std::string(hex) + "\r\n" + piece + "\r\n";
  }
  return out + "0\r\n\r\n";
}

inline const char* kArticleHtml =
    "<!doctype html><html><head><title>Harbour bridge reopens</title></head><body><article>"
    "<h1>Harbour bridge reopens</h1>"
    "<p>The harbour bridge reopened to traffic on Monday morning after eight months of repairs "
    "to its deck and cables, the city's transport department said in a statement.</p>"
    "<p>Engineers replaced more than four hundred steel plates and repainted the towers, work "
    "that cost the city almost twelve million pounds and closed the crossing to cars.</p>"
    "<p>Commuters who had used the ferry during the closure said the reopening would cut "
    "their journeys by half an hour each way.</p></article></body></html>";

}  // namespace libdiff::test

#endif  // LIBDIFF_TESTS_WARC_WARC_FIXTURES_H_
