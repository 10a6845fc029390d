// Copyright 2026 The libdiff Authors.
//
// WARC input for the page commands (ingest, check, extract --warc): the HTML
// records of WARC files in archive order, a progress line on stderr, and a
// per-file summary of what was skipped. Header-only, used by tools/ only.
#ifndef LIBDIFF_TOOLS_WARC_INPUT_H_
#define LIBDIFF_TOOLS_WARC_INPUT_H_

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "command.h"
#include "libdiff/warc.h"
#include "store_flags.h"

namespace libdiff::tools {

// Redraws "NAME: R records  F/N files  X MB/s  ETA Ts" on stderr at most
// every 200 ms; the ETA comes from the files' sizes on disk.
class WarcProgress {
 public:
  WarcProgress(std::string command, const std::vector<std::string>& files, bool enabled)
      : command_(std::move(command)), files_(files.size()), enabled_(enabled) {
    for (const auto& f : files) {
      std::error_code ec;
      const auto size = std::filesystem::file_size(f, ec);
      if (!ec) total_bytes_ += size;
    }
  }
  // `done` bytes of earlier files plus what the current reader has read.
  void Update(uint64_t records, size_t file_index, uint64_t bytes, bool final_line) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (!final_line && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    const double secs = std::chrono::duration<double>(now - start_).count();
    const double rate = secs > 0 ? static_cast<double>(bytes) / secs : 0;
    char line[160];
    int n = std::snprintf(line, sizeof line, "%s: %llu records  %zu/%zu files  %.1f MB/s",
                          command_.c_str(), static_cast<unsigned long long>(records),
                          file_index + (final_line ? 0 : 1), files_, rate / 1e6);
    if (!final_line && rate > 0 && total_bytes_ > bytes && n > 0) {
      std::snprintf(line + n, sizeof line - static_cast<size_t>(n), "  ETA %.0fs",
                    static_cast<double>(total_bytes_ - bytes) / rate);
    }
    std::fprintf(stderr, "\r%-78s%s", line, final_line ? "\n" : "");
    std::fflush(stderr);
  }

 private:
  const std::string command_;
  const size_t files_;
  const bool enabled_;
  uint64_t total_bytes_ = 0;
  const std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_{};
};

// Calls fn(file, record) for every HTML or revisit record of `files`, in
// order. A file that cannot be opened or is damaged is reported ("libdiff:
// FILE: record at offset N: ...") after its earlier records were passed on,
// and the next file is read. A summary line per file goes to stderr when
// `verbose`. Returns 0, or 2 when a file failed or fn returned non-zero.
inline int ForEachWarcRecord(const std::string& command, const std::vector<std::string>& files,
                             size_t max_record_bytes, bool progress, bool verbose,
                             const std::function<int(const std::string&, WarcRecord&)>& fn) {
  WarcReaderOptions options;
  options.max_record_bytes = max_record_bytes;
  WarcProgress bar(command, files, progress || isatty(STDERR_FILENO) == 1);
  int status = 0;
  uint64_t records = 0, bytes_before = 0;
  for (size_t i = 0; i < files.size(); ++i) {
    auto reader = WarcReader::Open(files[i], options);
    if (!reader.ok()) {
      status = ReportError(reader.status().message());
      continue;
    }
    WarcRecord record;
    for (;;) {
      Result<bool> more = (*reader)->Next(&record);
      if (!more.ok()) {
        status = ReportError(more.status().message());
        break;
      }
      if (!*more) break;
      ++records;
      if (fn(files[i], record) != 0) status = 2;
      bar.Update(records, i, bytes_before + (*reader)->stats().bytes_in, false);
    }
    const WarcStats& s = (*reader)->stats();
    bytes_before += s.bytes_in;
    if (verbose) {
      std::fprintf(stderr,
                   "%s: %s: %llu records: %llu html, %llu revisits; skipped %llu not html, "
                   "%llu not 2xx, %llu other types, %llu too large, %llu undecodable\n",
                   command.c_str(), files[i].c_str(), static_cast<unsigned long long>(s.records),
                   static_cast<unsigned long long>(s.html),
                   static_cast<unsigned long long>(s.revisits),
                   static_cast<unsigned long long>(s.not_html),
                   static_cast<unsigned long long>(s.not_ok),
                   static_cast<unsigned long long>(s.other_types),
                   static_cast<unsigned long long>(s.too_large),
                   static_cast<unsigned long long>(s.undecodable));
    }
  }
  bar.Update(records, files.size(), bytes_before, true);
  return status;
}

// The "warc" and "offset" fields every --warc output line carries.
inline nlohmann::json WarcFields(const std::string& file, const WarcRecord& r) {
  nlohmann::json j;
  j["warc"] = file;
  j["offset"] = r.offset;
  return j;
}

// ingest/check --warc: files the HTML records in archive order, in batches of
// flags.batch pages (ingest) or one by one (check). Each verdict line is the
// one --list prints plus "warc" and "offset"; a revisit record prints
// {"url","verdict":"revisit","refers_to","refers_to_date","warc","offset"}
// and is not filed (it carries no payload).
inline int RunWarcPages(const PageFlags& flags, bool write) {
  if (!flags.files.empty() || !flags.list.empty() || !flags.url.empty()) {
    return ReportError("--warc takes no FILE, --list or --url: the WARC records name their URLs");
  }
  StoreOptions options;
  options.keep_raw_html = flags.keep_html;
  options.extract.max_input_bytes = flags.max_bytes;
  auto store = OpenStoreOrReport(flags.store, !write, options);
  if (!store) return 2;
  const size_t batch = write ? std::max<size_t>(flags.batch, 1) : 1;
  std::vector<Page> pages;
  std::vector<nlohmann::json> extra;
  std::vector<std::string> origin;
  int status = 0;
  auto flush = [&] {
    if (FilePages(store.get(), pages, extra, origin, write) != 0) status = 2;
    pages.clear();
    extra.clear();
    origin.clear();
  };
  const int read = ForEachWarcRecord(
      write ? "ingest" : "check", flags.warcs, flags.max_bytes, flags.progress, true,
      [&](const std::string& file, WarcRecord& r) {
        if (r.type == WarcRecordType::kRevisit) {
          flush();  // keeps the output in archive order
          nlohmann::json j = WarcFields(file, r);
          j["url"] = r.url;
          j["verdict"] = "revisit";
          j["refers_to"] = r.refers_to_url;
          j["refers_to_date"] = r.refers_to_date;
          PrintJsonLine(j);
          return 0;
        }
        Page page;
        page.url = r.url;
        page.html = std::move(r.body);
        page.content_type = r.content_type;
        page.fetched_at = r.fetched_at;
        pages.push_back(std::move(page));
        extra.push_back(WarcFields(file, r));
        origin.push_back(file + "#" + std::to_string(r.offset));
        if (pages.size() >= batch) flush();
        return 0;
      });
  flush();
  return read != 0 ? read : status;
}

}  // namespace libdiff::tools

#endif  // LIBDIFF_TOOLS_WARC_INPUT_H_
