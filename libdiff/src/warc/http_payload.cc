// Copyright 2026 The libdiff Authors.
#include "warc/http_payload.h"

#include <zlib.h>

#include <cctype>
#include <cstring>
#include <ctime>

namespace libdiff::internal {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// One inflate pass with the given window bits.
Result<std::string> InflateWith(std::string_view data, size_t max_bytes, int window_bits) {
  z_stream zs;
  std::memset(&zs, 0, sizeof zs);
  if (inflateInit2(&zs, window_bits) != Z_OK) return Status::Internal("inflateInit2 failed");
  std::string out;
  char buf[1 << 16];
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    rc = inflate(&zs, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) {
      const std::string msg = zs.msg != nullptr ? zs.msg : "damaged data";
      inflateEnd(&zs);
      return Status::Corruption(rc == Z_BUF_ERROR ? "truncated data" : msg);
    }
    const size_t produced = sizeof buf - zs.avail_out;
    if (out.size() + produced > max_bytes) {
      inflateEnd(&zs);
      return Status::ResourceExhausted("content over the limit of " + std::to_string(max_bytes) +
                                       " bytes");
    }
    out.append(buf, produced);
    if (rc == Z_OK && produced == 0 && zs.avail_in == 0) {
      inflateEnd(&zs);
      return Status::Corruption("truncated data");
    }
  }
  inflateEnd(&zs);
  return out;
}

}  // namespace

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

Result<HttpHead> ParseHttpHead(std::string_view block) {
  HttpHead head;
  size_t pos = 0;
  bool first = true;
  for (;;) {
    const size_t nl = block.find('\n', pos);
    if (nl == std::string_view::npos) return Status::Corruption("HTTP headers do not end");
    std::string_view line = block.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = nl + 1;
    if (first) {
      first = false;
      int status = 0;
      if (line.size() < 12 || line.substr(0, 5) != "HTTP/" ||
          line.find(' ') == std::string_view::npos) {
        return Status::Corruption("no HTTP status line");
      }
      std::string_view code = line.substr(line.find(' ') + 1, 3);
      for (char c : code) {
        if (c < '0' || c > '9') return Status::Corruption("bad HTTP status line");
        status = status * 10 + (c - '0');
      }
      head.status = status;
      continue;
    }
    if (line.empty()) break;
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;  // tolerated, as browsers do
    const std::string name = AsciiLower(Trim(line.substr(0, colon)));
    const std::string_view value = Trim(line.substr(colon + 1));
    if (name == "content-type") {
      head.content_type = std::string(value);
    } else if (name == "transfer-encoding") {
      head.transfer_encoding = AsciiLower(value);
    } else if (name == "content-encoding") {
      head.content_encoding = AsciiLower(value);
    }
  }
  head.body_offset = pos;
  return head;
}

Result<std::string> Dechunk(std::string_view body, size_t max_bytes) {
  std::string out;
  size_t pos = 0;
  while (pos < body.size()) {
    const size_t nl = body.find('\n', pos);
    if (nl == std::string_view::npos) return Status::Corruption("chunk size line cut short");
    uint64_t size = 0;
    size_t digits = 0;
    for (size_t i = pos; i < nl && std::isxdigit(static_cast<unsigned char>(body[i])); ++i) {
      if (++digits > 15) return Status::Corruption("chunk size too large");
      const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(body[i])));
      size = size * 16 + static_cast<uint64_t>(c <= '9' ? c - '0' : c - 'a' + 10);
    }
    if (digits == 0) return Status::Corruption("bad chunk size");
    pos = nl + 1;
    if (size == 0) return out;  // trailers, if any, are ignored
    if (size > body.size() - pos) return Status::Corruption("chunk cut short");
    if (out.size() + size > max_bytes) {
      return Status::ResourceExhausted("content over the limit of " + std::to_string(max_bytes) +
                                       " bytes");
    }
    out.append(body.substr(pos, static_cast<size_t>(size)));
    pos += static_cast<size_t>(size);
    if (pos < body.size() && body[pos] == '\r') ++pos;
    if (pos < body.size() && body[pos] == '\n') ++pos;
  }
  return out;
}

Result<std::string> InflateLimited(std::string_view data, size_t max_bytes) {
  if (data.size() > UINT32_MAX) return Status::ResourceExhausted("compressed data over 4 GiB");
  // 15 + 32: gzip or zlib header, detected. "deflate" is often sent raw
  // (no zlib header): retried as raw deflate (-15).
  auto out = InflateWith(data, max_bytes, 15 + 32);
  if (!out.ok() && out.status().IsCorruption() && !data.empty() &&
      static_cast<unsigned char>(data[0]) != 0x1f) {
    auto raw = InflateWith(data, max_bytes, -15);
    if (raw.ok()) return raw;
  }
  return out;
}

bool IsHtmlPayload(std::string_view content_type, std::string_view body) {
  std::string type = AsciiLower(Trim(content_type.substr(0, content_type.find(';'))));
  if (!type.empty()) return type == "text/html" || type == "application/xhtml+xml";
  if (body.size() >= 3 && body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
  while (!body.empty() && std::isspace(static_cast<unsigned char>(body.front()))) {
    body.remove_prefix(1);
  }
  return !body.empty() && body.front() == '<';
}

bool ParseWarcDate(std::string_view date, int64_t* seconds) {
  // YYYY-MM-DDThh:mm:ss[.fraction]Z; WARC/1.1 also allows fewer fields.
  int fields[6] = {0, 1, 1, 0, 0, 0};
  const char seps[6] = {'-', '-', 'T', ':', ':', '\0'};
  const size_t widths[6] = {4, 2, 2, 2, 2, 2};
  size_t pos = 0;
  int parsed = 0;
  for (int f = 0; f < 6; ++f) {
    if (pos + widths[f] > date.size()) return false;
    int v = 0;
    for (size_t i = 0; i < widths[f]; ++i) {
      const char c = date[pos + i];
      if (c < '0' || c > '9') return false;
      v = v * 10 + (c - '0');
    }
    fields[f] = v;
    pos += widths[f];
    ++parsed;
    if (pos == date.size() || date[pos] == 'Z' || date[pos] == '.') break;
    if (seps[f] == '\0' || date[pos] != seps[f]) return false;
    ++pos;
  }
  if (pos < date.size() && date[pos] == '.') {
    ++pos;
    while (pos < date.size() && date[pos] >= '0' && date[pos] <= '9') ++pos;
  }
  if (pos < date.size() && date[pos] == 'Z') ++pos;
  if (pos != date.size() || parsed == 0) return false;
  if (fields[1] < 1 || fields[1] > 12 || fields[2] < 1 || fields[2] > 31 || fields[3] > 23 ||
      fields[4] > 59 || fields[5] > 60) {
    return false;
  }
  std::tm tm{};
  tm.tm_year = fields[0] - 1900;
  tm.tm_mon = fields[1] - 1;
  tm.tm_mday = fields[2];
  tm.tm_hour = fields[3];
  tm.tm_min = fields[4];
  tm.tm_sec = fields[5];
  *seconds = static_cast<int64_t>(timegm(&tm));
  return true;
}

}  // namespace libdiff::internal
