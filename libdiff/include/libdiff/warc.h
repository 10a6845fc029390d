// Copyright 2026 The libdiff Authors.
//
// Reading the HTML pages out of a WARC file (a crawl archive, ISO 28500), one
// record at a time.
//
//   libdiff::Result<std::unique_ptr<libdiff::WarcReader>> r =
//       libdiff::WarcReader::Open("crawl.warc.gz", libdiff::WarcReaderOptions());
//   if (!r.ok()) return Fail(r.status());
//   libdiff::WarcRecord record;
//   for (;;) {
//     libdiff::Result<bool> more = (*r)->Next(&record);
//     if (!more.ok()) return Fail(more.status());  // damage: what came before is good
//     if (!*more) break;
//     Use(record.url, record.body);
//   }
//
// What it reads:
//   - WARC/1.0 and WARC/1.1, uncompressed, gzip with one member per record (the
//     usual .warc.gz), or one gzip stream over the whole file. Detected from the
//     first bytes, not the file name.
//   - `response` records: the HTTP status line and headers are parsed; the body
//     is de-chunked (Transfer-Encoding: chunked) and decoded (Content-Encoding:
//     gzip, x-gzip, deflate). Only 2xx responses whose Content-Type is HTML
//     (text/html, application/xhtml+xml; or no Content-Type and a body starting
//     with '<') are returned.
//   - `resource` records whose Content-Type is HTML, returned as such.
//   - `revisit` records of HTTP responses are returned with type kRevisit, an
//     empty body and the URI and date of the record they refer to (a revisit
//     says "this payload was fetched again, unchanged"), not dropped.
//   - Everything else (request, metadata, warcinfo, conversion records; images,
//     robots.txt and other non-HTML responses; non-2xx statuses; records over
//     max_record_bytes) is skipped and counted in WarcStats.
//   - The URL is WARC-Target-URI (the angle brackets WARC/1.0 writers such as
//     wget put around it are removed); the fetch time is WARC-Date.
//
// Memory: one record at a time, at most max_record_bytes of it (plus its
// decoded body, also bounded by max_record_bytes); the file is never read whole.
//
// Damage: framing errors (a record header that is not a WARC header, a missing
// or bad Content-Length, a record cut short, a damaged gzip member, a header
// line over 64 KiB) end the reading: Next returns a kCorruption status naming
// the file and the record's offset, and every record returned before it is
// good. A response whose HTTP part cannot be decoded (bad chunking, bad gzip
// payload) is skipped and counted as `undecodable`; reading goes on.
//
// Offsets: WarcRecord::offset is where the record starts in the file: for an
// uncompressed file the offset of its "WARC/" line; for a gzip file the offset
// of the gzip member it starts (what CDX indexes record, so
// `tail -c +$((offset+1)) FILE | zcat` shows it) when it starts a member, and
// otherwise (one gzip stream over several records) its offset in the
// decompressed stream.
//
// Thread safety: a WarcReader is used by one thread at a time; distinct
// readers are independent.
#ifndef LIBDIFF_WARC_H_
#define LIBDIFF_WARC_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "libdiff/status.h"

namespace libdiff {

enum class WarcRecordType { kResponse, kResource, kRevisit };

// "response", "resource", "revisit".
const char* WarcRecordTypeName(WarcRecordType type);

struct WarcRecord {
  WarcRecordType type = WarcRecordType::kResponse;
  uint64_t offset = 0;       // see "Offsets" above
  std::string url;           // WARC-Target-URI without angle brackets
  std::string date;          // WARC-Date as written, e.g. "2026-12-06T22:30:47Z"
  int64_t fetched_at = 0;    // WARC-Date in Unix seconds; 0 when absent or unreadable
  int http_status = 0;       // the HTTP status; 0 for resource records
  // The HTTP Content-Type header (response, revisit) or the record's
  // Content-Type (resource), with its parameters ("text/html; charset=utf-8").
  std::string content_type;
  std::string body;          // the decoded payload; empty for revisits
  // Revisits only: WARC-Refers-To-Target-URI and WARC-Refers-To-Date ("" when
  // the record does not name them) and WARC-Profile.
  std::string refers_to_url;
  std::string refers_to_date;
  std::string profile;
};

struct WarcReaderOptions {
  // A record whose content block is larger, or whose decoded body would be,
  // is skipped (counted in too_large). Default: 64 MiB.
  size_t max_record_bytes = size_t{64} << 20;
};

// What a reader has seen so far.
struct WarcStats {
  uint64_t records = 0;        // WARC records read, of every type
  uint64_t html = 0;           // response and resource records returned
  uint64_t revisits = 0;       // revisit records returned
  uint64_t not_html = 0;       // response/resource/revisit records of another type
  uint64_t not_ok = 0;         // responses with a status other than 2xx
  uint64_t other_types = 0;    // request, metadata, warcinfo, conversion, ... records
  uint64_t too_large = 0;      // records over max_record_bytes
  uint64_t undecodable = 0;    // bad HTTP headers, chunking or payload encoding
  uint64_t bytes_in = 0;       // bytes read from the file (compressed)
  uint64_t bytes_out = 0;      // bytes of WARC data (decompressed)
};

class WarcReader {
 public:
  // Opens `path` ("-" reads standard input). Fails with kNotFound or kIOError
  // when it cannot be opened, kInvalidArgument for max_record_bytes 0.
  static Result<std::unique_ptr<WarcReader>> Open(const std::string& path,
                                                  const WarcReaderOptions& options);
  // Reads a WARC held in memory; `name` is used in messages only.
  static Result<std::unique_ptr<WarcReader>> OpenBuffer(std::string data,
                                                        const std::string& name,
                                                        const WarcReaderOptions& options);
  ~WarcReader();
  WarcReader(const WarcReader&) = delete;
  WarcReader& operator=(const WarcReader&) = delete;

  // Fills *record with the next HTML or revisit record and returns true;
  // returns false at the end of the file. On damage returns a kCorruption
  // (or kIOError) status; every later call returns the same status.
  Result<bool> Next(WarcRecord* record);

  const WarcStats& stats() const;
  // The file's name as given to Open.
  const std::string& name() const;

 private:
  class Impl;
  explicit WarcReader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// True when `name` ends in ".warc" or ".warc.gz" (any case): how dedupe and
// the command-line tools recognise a WARC among loose pages.
bool IsWarcFileName(const std::string& name);

}  // namespace libdiff

#endif  // LIBDIFF_WARC_H_
