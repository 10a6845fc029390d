// Copyright 2026 The libdiff Authors.
//
// The HTTP side of a WARC response record: status line and headers, chunked
// transfer coding, gzip/deflate content coding, and whether a payload is HTML.
// Private to libdiff.
#ifndef LIBDIFF_WARC_HTTP_PAYLOAD_H_
#define LIBDIFF_WARC_HTTP_PAYLOAD_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "libdiff/status.h"

namespace libdiff::internal {

struct HttpHead {
  int status = 0;
  std::string content_type;       // as sent, with parameters
  std::string transfer_encoding;  // lower case
  std::string content_encoding;   // lower case
  size_t body_offset = 0;         // where the body starts in the block
};

// Parses "HTTP/1.x NNN reason" and the header lines up to the blank line
// (CRLF or bare LF). kCorruption when the block does not start with an HTTP
// status line or the headers do not end.
Result<HttpHead> ParseHttpHead(std::string_view block);

// Undoes Transfer-Encoding: chunked. kCorruption for a bad chunk size or a
// chunk cut short (a missing last chunk is accepted: servers drop it);
// kResourceExhausted past `max_bytes`.
Result<std::string> Dechunk(std::string_view body, size_t max_bytes);

// Decompresses gzip, zlib or raw deflate data (the format is detected);
// kResourceExhausted past `max_bytes` of output, kCorruption for damaged or
// truncated data.
Result<std::string> InflateLimited(std::string_view data, size_t max_bytes);

// True for an HTML media type (text/html, application/xhtml+xml, any case,
// parameters ignored); when `content_type` is empty, true when the body
// starts with '<' after a BOM and white space.
bool IsHtmlPayload(std::string_view content_type, std::string_view body);

// Parses a WARC-Date ("2026-12-06T22:30:47Z", fractions of a second allowed)
// into Unix seconds; false when it is not one.
bool ParseWarcDate(std::string_view date, int64_t* seconds);

// ASCII lower case.
std::string AsciiLower(std::string_view s);

}  // namespace libdiff::internal

#endif  // LIBDIFF_WARC_HTTP_PAYLOAD_H_
