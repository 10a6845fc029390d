// Copyright 2026 The libdiff Authors.
//
// What the store commands (ingest, check, history, show, stats, prune, compact)
// share: the --store flag and its default, collecting pages (page_list.h), and the JSON
// form of a verdict. Header-only, used by tools/*_command.cc only.
#ifndef LIBDIFF_TOOLS_STORE_FLAGS_H_
#define LIBDIFF_TOOLS_STORE_FLAGS_H_

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "command.h"
#include "libdiff/file.h"
#include "libdiff/store.h"
#include "page_list.h"

namespace libdiff::tools {

// --store DIR: default $LIBDIFF_STORE, else ./.libdiff.
inline std::string DefaultStoreDir() {
  const char* env = std::getenv("LIBDIFF_STORE");
  return env != nullptr && *env != '\0' ? env : "./.libdiff";
}

inline void AddStoreOption(CLI::App* sub, std::string* dir) {
  *dir = DefaultStoreDir();
  sub->add_option("--store", *dir, "Store directory (default $LIBDIFF_STORE or ./.libdiff)");
}

// Opens the store; on failure prints "libdiff: <reason>" and returns null.
inline std::unique_ptr<Store> OpenStoreOrReport(const std::string& dir, bool read_only,
                                                StoreOptions options = StoreOptions()) {
  options.read_only = read_only;
  options.create_if_missing = !read_only;
  auto store = Store::Open(options, dir);
  if (!store.ok()) {
    ReportError(store.status().message());
    return nullptr;
  }
  return std::move(*store);
}

// The pages named on the command line: --list entries, or FILEs with --url.
inline bool CollectPages(const std::string& list, const std::string& url,
                         const std::vector<std::string>& files, std::vector<PageSource>* out) {
  if (!list.empty() && !ReadPageListOrReport(list, out)) return false;
  if (!files.empty() && url.empty()) {
    ReportError("FILE arguments need --url (or give a --list of url<TAB>path lines)");
    return false;
  }
  for (const auto& f : files) out->push_back(PageSource{url, f, 0, f});
  if (out->empty()) {
    ReportError("no pages: give --url URL FILE... or --list FILE");
    return false;
  }
  return true;
}

inline void PrintJsonLine(const nlohmann::json& j) {
  const std::string s = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  std::fwrite(s.data(), 1, s.size(), stdout);
}

struct PageFlags {
  std::string store;
  std::string url;
  std::string list;
  std::vector<std::string> files;
  size_t batch = 64;
  bool keep_html = false;
  size_t max_bytes = size_t{32} << 20;
  std::vector<std::string> warcs;  // --warc: file the HTML records of these WARCs
  bool progress = false;
};

inline void AddPageOptions(CLI::App* sub, PageFlags* flags) {
  AddStoreOption(sub, &flags->store);
  sub->add_option("--url", flags->url, "The URL the FILEs were fetched from");
  sub->add_option("--list", flags->list,
                  "File of url<TAB>path[<TAB>fetched_at] lines ('-' reads standard input)");
  sub->add_option("--max-bytes", flags->max_bytes, "Larger pages are refused (default 32 MiB)");
  sub->add_option("files", flags->files, "HTML files ('-' reads standard input)");
  sub->add_option("--warc", flags->warcs,
                  "WARC files (.warc, .warc.gz): their HTML responses, in archive order")
      ->expected(1, -1);
  sub->add_flag("--progress", flags->progress,
                "With --warc: progress on stderr even when it is not a terminal");
}

// Files `pages` in one batch (ingest when `write`, else check) and prints one
// JSON line per page, with the fields of extra[i] (when given) added. A batch
// the store refuses as a whole is filed page by page, so only the failing page
// is lost; its error names origin[i]. Returns 0, or 2 when a page failed.
inline int FilePages(Store* store, std::vector<Page>& pages,
                     const std::vector<nlohmann::json>& extra,
                     const std::vector<std::string>& origin, bool write) {
  auto print = [&](const Verdict& v, size_t i) {
    nlohmann::json j = nlohmann::json::parse(VerdictToJson(v));
    if (i < extra.size()) j.update(extra[i]);
    PrintJsonLine(j);
  };
  int status = 0;
  if (pages.empty()) return 0;
  if (write) {
    auto verdicts = store->IngestBatch(pages);
    if (verdicts.ok()) {
      for (size_t i = 0; i < verdicts->size(); ++i) print((*verdicts)[i], i);
      std::fflush(stdout);
      return 0;
    }
  }
  for (size_t i = 0; i < pages.size(); ++i) {
    auto v = write ? store->Ingest(pages[i]) : store->Check(pages[i]);
    if (v.ok()) {
      print(*v, i);
    } else {
      status = ReportError(origin[i] + ": " + v.status().message());
    }
  }
  std::fflush(stdout);
  return status;
}

// Runs ingest (write) or check over the pages; one JSON line per page on
// stdout, errors on stderr. Returns 0, or 2 when any page failed.
inline int RunPages(const PageFlags& flags, bool write) {
  std::vector<PageSource> sources;
  if (!CollectPages(flags.list, flags.url, flags.files, &sources)) return 2;
  StoreOptions options;
  options.keep_raw_html = flags.keep_html;
  options.extract.max_input_bytes = flags.max_bytes;
  auto store = OpenStoreOrReport(flags.store, !write, options);
  if (!store) return 2;
  int status = 0;
  const size_t batch = write ? std::max<size_t>(flags.batch, 1) : 1;
  for (size_t start = 0; start < sources.size(); start += batch) {
    const size_t end = std::min(sources.size(), start + batch);
    std::vector<Page> pages;
    std::vector<std::string> origin;
    for (size_t i = start; i < end; ++i) {
      auto html = ReadFile(sources[i].path, flags.max_bytes);
      if (!html.ok()) {
        // ReadFile's message names the path; a list line adds where it was listed.
        const std::string& m = html.status().message();
        status =
            ReportError(sources[i].origin == sources[i].path ? m : sources[i].origin + ": " + m);
        continue;
      }
      Page page;
      page.url = sources[i].url;
      page.html = std::move(*html);
      page.fetched_at = sources[i].fetched_at;
      pages.push_back(std::move(page));
      origin.push_back(sources[i].origin);
    }
    if (FilePages(store.get(), pages, {}, origin, write) != 0) status = 2;
  }
  return status;
}

// A stored revision named on the command line: URL@REV (numbered from 1),
// URL@latest or URL (the latest).
struct StoreReference {
  std::string url;
  uint32_t revision = 0;  // 0: the latest
};

// URL@REV, URL@latest or URL. An '@' followed by anything else belongs to the
// URL ("https://medium.com/@someone/story"), which then means the latest.
inline Result<StoreReference> ParseStoreReference(const std::string& arg) {
  StoreReference ref{arg, 0};
  const size_t at = arg.rfind('@');
  if (at == std::string::npos) return ref;
  const std::string rev = arg.substr(at + 1);
  if (rev == "latest") {
    ref.url = arg.substr(0, at);
  } else if (!rev.empty() && rev.find_first_not_of("0123456789") == std::string::npos) {
    if (rev.size() > 9 || std::stoul(rev) == 0) {
      return Status::InvalidArgument(arg + ": revisions are numbered from 1");
    }
    ref.url = arg.substr(0, at);
    ref.revision = static_cast<uint32_t>(std::stoul(rev));
  }
  return ref;
}


}  // namespace libdiff::tools

#endif  // LIBDIFF_TOOLS_STORE_FLAGS_H_
