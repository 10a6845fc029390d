// Copyright 2026 The libdiff Authors.
//
// WarcReader: WARC record framing (header block, Content-Length, the blank
// lines after the block) over WarcStream, and the choice of records to return.
#include "libdiff/warc.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "warc/http_payload.h"
#include "warc/warc_stream.h"

namespace libdiff {
namespace {

constexpr size_t kMaxHeaderLine = size_t{64} << 10;
constexpr size_t kMaxHeaderLines = 1024;

struct WarcHeader {
  std::string type;
  std::string target_uri;
  std::string date;
  std::string content_type;
  std::string refers_to_uri;
  std::string refers_to_date;
  std::string profile;
  bool has_length = false;
  uint64_t length = 0;
};

bool ParseLength(std::string_view s, uint64_t* out) {
  if (s.empty() || s.size() > 18) return false;
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  *out = v;
  return true;
}

std::string TrimValue(std::string_view v) {
  while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
  while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
  return std::string(v);
}

// WARC/1.0 writers (wget among them) put the URI in angle brackets.
std::string Unbracket(std::string uri) {
  if (uri.size() >= 2 && uri.front() == '<' && uri.back() == '>') {
    return uri.substr(1, uri.size() - 2);
  }
  return uri;
}

bool IsOkStatus(int status) { return status >= 200 && status < 300; }

}  // namespace

const char* WarcRecordTypeName(WarcRecordType type) {
  switch (type) {
    case WarcRecordType::kResponse: return "response";
    case WarcRecordType::kResource: return "resource";
    case WarcRecordType::kRevisit: return "revisit";
  }
  return "response";
}

bool IsWarcFileName(const std::string& name) {
  const std::string lower = internal::AsciiLower(name);
  auto ends = [&](std::string_view suffix) {
    return lower.size() >= suffix.size() &&
           lower.compare(lower.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  return ends(".warc") || ends(".warc.gz");
}

class WarcReader::Impl {
 public:
  Impl(FILE* file, std::string memory, std::string name, const WarcReaderOptions& options)
      : name_(std::move(name)), stream_(file, std::move(memory)), options_(options) {}

  Result<bool> Next(WarcRecord* record) {
    if (!status_.ok()) return status_;
    Result<bool> r = NextRecord(record);
    stats_.bytes_in = stream_.bytes_in();
    stats_.bytes_out = stream_.bytes_out();
    if (!r.ok()) status_ = r.status();
    return r;
  }

  WarcStats stats_;
  const std::string name_;

 private:
  Status Fail(uint64_t offset, const std::string& what) {
    return Status::Corruption(name_ + ": record at offset " + std::to_string(offset) + ": " + what);
  }

  Result<bool> NextRecord(WarcRecord* record) {
    for (;;) {
      LIBDIFF_ASSIGN_OR_RETURN(bool more, stream_.SkipBlankLines());
      if (!more) return false;
      const uint64_t offset = stream_.Offset();
      WarcHeader h;
      Status read = ReadHeader(offset, &h);
      if (!read.ok()) return read;
      ++stats_.records;
      const bool wanted = h.type == "response" || h.type == "resource" || h.type == "revisit";
      if (!wanted || h.length > options_.max_record_bytes) {
        ++(wanted ? stats_.too_large : stats_.other_types);
        Status s = stream_.Skip(h.length);
        if (!s.ok()) return Fail(offset, h.type + " record cut short: " + s.message());
        continue;
      }
      std::string block;
      block.reserve(static_cast<size_t>(h.length));
      Status s = stream_.Read(h.length, &block);
      if (!s.ok()) return Fail(offset, h.type + " record cut short: " + s.message());
      if (Convert(h, offset, std::move(block), record)) return true;
    }
  }

  Status ReadHeader(uint64_t offset, WarcHeader* h) {
    std::string line;
    auto first = stream_.ReadLine(&line, kMaxHeaderLine);
    if (!first.ok()) return Fail(offset, first.status().message());
    if (line.rfind("WARC/", 0) != 0) {
      return Fail(offset, "not a WARC record header (\"" + line.substr(0, 40) + "\")");
    }
    for (size_t n = 0;; ++n) {
      if (n == kMaxHeaderLines) return Fail(offset, "more than 1024 header lines");
      auto more = stream_.ReadLine(&line, kMaxHeaderLine);
      if (!more.ok()) return Fail(offset, more.status().message());
      if (!*more) return Fail(offset, "the file ends inside the record header");
      if (line.empty()) break;
      const size_t colon = line.find(':');
      if (colon == std::string::npos) continue;
      const std::string name =
          internal::AsciiLower(TrimValue(std::string_view(line).substr(0, colon)));
      std::string value = TrimValue(std::string_view(line).substr(colon + 1));
      if (name == "warc-type") {
        h->type = internal::AsciiLower(value);
      } else if (name == "warc-target-uri") {
        h->target_uri = Unbracket(std::move(value));
      } else if (name == "warc-date") {
        h->date = std::move(value);
      } else if (name == "content-type") {
        h->content_type = std::move(value);
      } else if (name == "warc-refers-to-target-uri") {
        h->refers_to_uri = Unbracket(std::move(value));
      } else if (name == "warc-refers-to-date") {
        h->refers_to_date = std::move(value);
      } else if (name == "warc-profile") {
        h->profile = std::move(value);
      } else if (name == "content-length") {
        if (!ParseLength(value, &h->length)) {
          return Fail(offset, "bad Content-Length \"" + value + "\"");
        }
        h->has_length = true;
      }
    }
    if (!h->has_length) {
      return Fail(offset, "no Content-Length (the record cannot be framed)");
    }
    return Status::OK();
  }

  // Fills *record from a response, resource or revisit record; false (and
  // counted) when it is skipped.
  bool Convert(const WarcHeader& h, uint64_t offset, std::string block, WarcRecord* record) {
    WarcRecord r;
    r.offset = offset;
    r.url = h.target_uri;
    r.date = h.date;
    if (!internal::ParseWarcDate(h.date, &r.fetched_at)) r.fetched_at = 0;
    if (h.type == "resource") {
      r.type = WarcRecordType::kResource;
      if (!internal::IsHtmlPayload(h.content_type, block)) return Count(&stats_.not_html);
      r.content_type = h.content_type;
      r.body = std::move(block);
      ++stats_.html;
      *record = std::move(r);
      return true;
    }
    internal::HttpHead head;
    const bool http = block.rfind("HTTP/", 0) == 0;
    if (http) {
      auto parsed = internal::ParseHttpHead(block);
      if (!parsed.ok()) return Count(&stats_.undecodable);
      head = *std::move(parsed);
      r.http_status = head.status;
      r.content_type = head.content_type;
    }
    if (h.type == "revisit") {
      if (http && !IsOkStatus(head.status)) return Count(&stats_.not_ok);
      if (!r.content_type.empty() && !internal::IsHtmlPayload(r.content_type, "")) {
        return Count(&stats_.not_html);
      }
      r.type = WarcRecordType::kRevisit;
      r.refers_to_url = h.refers_to_uri;
      r.refers_to_date = h.refers_to_date;
      r.profile = h.profile;
      ++stats_.revisits;
      *record = std::move(r);
      return true;
    }
    if (!http) return Count(&stats_.undecodable);
    if (!IsOkStatus(head.status)) return Count(&stats_.not_ok);
    if (!r.content_type.empty() && !internal::IsHtmlPayload(r.content_type, "")) {
      return Count(&stats_.not_html);
    }
    std::string decoded = std::move(block);
    decoded.erase(0, head.body_offset);  // the body, without a second copy
    if (head.transfer_encoding.find("chunked") != std::string::npos) {
      auto d = internal::Dechunk(decoded, options_.max_record_bytes);
      // Some writers store the de-chunked body and keep the header: a body
      // that is not chunked is taken as it is.
      if (d.ok()) {
        decoded = *std::move(d);
      } else if (d.status().IsResourceExhausted()) {
        return Count(&stats_.too_large);
      }
    }
    const std::string& ce = head.content_encoding;
    if (ce == "gzip" || ce == "x-gzip" || ce == "deflate") {
      auto d = internal::InflateLimited(decoded, options_.max_record_bytes);
      if (!d.ok()) {
        return Count(d.status().IsResourceExhausted() ? &stats_.too_large : &stats_.undecodable);
      }
      decoded = *std::move(d);
    } else if (!ce.empty() && ce != "identity") {
      return Count(&stats_.undecodable);
    }
    if (!internal::IsHtmlPayload(r.content_type, decoded)) return Count(&stats_.not_html);
    r.type = WarcRecordType::kResponse;
    r.body = std::move(decoded);
    ++stats_.html;
    *record = std::move(r);
    return true;
  }

  static bool Count(uint64_t* counter) {
    ++*counter;
    return false;
  }

  internal::WarcStream stream_;
  const WarcReaderOptions options_;
  Status status_;
};

WarcReader::WarcReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
WarcReader::~WarcReader() = default;

Result<std::unique_ptr<WarcReader>> WarcReader::Open(const std::string& path,
                                                     const WarcReaderOptions& options) {
  if (options.max_record_bytes == 0) return Status::InvalidArgument("warc: max_record_bytes is 0");
  FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    const int err = errno;
    const std::string msg = path + ": " + std::strerror(err);
    return err == ENOENT ? Status::NotFound(msg) : Status::IOError(msg);
  }
  return std::unique_ptr<WarcReader>(
      new WarcReader(std::make_unique<Impl>(f, std::string(), path, options)));
}

Result<std::unique_ptr<WarcReader>> WarcReader::OpenBuffer(std::string data,
                                                           const std::string& name,
                                                           const WarcReaderOptions& options) {
  if (options.max_record_bytes == 0) return Status::InvalidArgument("warc: max_record_bytes is 0");
  return std::unique_ptr<WarcReader>(
      new WarcReader(std::make_unique<Impl>(nullptr, std::move(data), name, options)));
}

Result<bool> WarcReader::Next(WarcRecord* record) { return impl_->Next(record); }
const WarcStats& WarcReader::stats() const { return impl_->stats_; }
const std::string& WarcReader::name() const { return impl_->name_; }

}  // namespace libdiff
