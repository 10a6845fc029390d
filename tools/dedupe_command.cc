// Copyright 2026 The libdiff Authors.
//
// libdiff dedupe [INPUT...] [--list FILE]... [--threads N] [--distance K]
//                [--format jsonl|csv|summary] [--store DIR]
// Clusters the near-duplicate documents of the inputs together (see
// libdiff/dedupe.h DedupeInputs): directories, .warc/.warc.gz files and page
// files. WARC files count as their HTML records, named "FILE#OFFSET" with a
// "url" field. --list FILE reads a page list (url<TAB>path[<TAB>fetched_at]
// lines, as ingest, check and extract read them; libdiff/page_list.h): each
// page is a document named by its path as resolved (relative to the list's
// directory), with a "url" field, extracted with its URL and filed under it
// with --store. One directory names its files relative to it; with several
// inputs (or a list) each path starts with its input as given.
//
//   jsonl    one line per cluster of two or more documents, in representative
//            path order: {"cluster":N,"size":N,"representative":{...},
//            "members":[{...,"distance":D,"similarity":S,"exact":B}]} with
//            keys sorted (python3 -m libdiff.dask_dedupe prints the same bytes)
//   csv      one row per clustered document: cluster,role,path,distance,
//            similarity,exact,published,body_bytes
//   summary  documents, clusters, duplicates, skips, bytes, time and rate
//
// Skipped files are listed on stderr ("dedupe: skipped PATH: REASON: DETAIL",
// a listed page's PATH followed by " (LIST:LINE)") with jsonl and csv. A
// progress line with rate and ETA goes to stderr while it is a terminal
// (--progress/--no-progress override). Exit status 0, or 2
// when an input or a list cannot be read, a list line is malformed (the
// error names LIST:LINE), a page is listed twice (paths compared lexically
// normalised) or an option is out of range.
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "command.h"
#include "libdiff/dedupe.h"
#include "page_list.h"
#include "store_flags.h"

namespace libdiff::tools {
namespace {

struct DedupeFlags {
  std::vector<std::string> inputs;
  std::vector<std::string> lists;
  int threads = 0;
  int distance = 3;
  std::string format = "jsonl";
  std::string store;
  bool progress = false;
  bool no_progress = false;
};

double Round3(double x) { return std::round(x * 1000) / 1000; }

nlohmann::json MemberJson(const DedupeMember& m, bool representative) {
  nlohmann::json j = nlohmann::json::object();
  j["path"] = m.path;
  if (!m.url.empty()) j["url"] = m.url;
  j["published"] = m.published.empty() ? nlohmann::json(nullptr) : nlohmann::json(m.published);
  j["body_bytes"] = m.body_bytes;
  if (!representative) {
    j["distance"] = m.distance;
    j["similarity"] = Round3(m.similarity);
    j["exact"] = m.exact;
  }
  return j;
}

std::string Dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// RFC 4180: quoted when the field has a comma, a quote or a line break.
std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void PrintCsvRow(size_t cluster, const char* role, const DedupeMember& m) {
  std::printf("%zu,%s,%s,%d,%.3f,%s,%s,%llu\n", cluster, role, CsvField(m.path).c_str(),
              m.distance, Round3(m.similarity), m.exact ? "true" : "false",
              CsvField(m.published).c_str(), static_cast<unsigned long long>(m.body_bytes));
}

std::string HumanBytes(double b) {
  const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
  int u = 0;
  while (b >= 1024 && u < 4) {
    b /= 1024;
    ++u;
  }
  char buf[32];
  std::snprintf(buf, sizeof(buf), u == 0 ? "%.0f %s" : "%.1f %s", b, units[u]);
  return buf;
}

// One status line, redrawn in place: "files 1200/5000 24% 310 files/s 4.1 MiB/s ETA 12s".
void DrawProgress(const DedupeProgress& p, bool final_line) {
  const double done = static_cast<double>(p.files_done);
  const double found = static_cast<double>(p.files_found);
  const double rate = p.elapsed_seconds > 0 ? done / p.elapsed_seconds : 0;
  const double bytes_rate =
      p.elapsed_seconds > 0 ? static_cast<double>(p.bytes_done) / p.elapsed_seconds : 0;
  std::string line = "dedupe: " + std::to_string(p.files_done) + "/" +
                     std::to_string(p.files_found) + (p.walk_finished ? "" : "+") + " files";
  char buf[128];
  if (p.walk_finished && p.files_found > 0) {
    std::snprintf(buf, sizeof(buf), " %3.0f%%", 100.0 * done / found);
    line += buf;
  }
  std::snprintf(buf, sizeof(buf), "  %.0f files/s  %s/s", rate, HumanBytes(bytes_rate).c_str());
  line += buf;
  if (p.walk_finished && rate > 0 && !final_line) {
    std::snprintf(buf, sizeof(buf), "  ETA %.0fs", (found - done) / rate);
    line += buf;
  }
  std::fprintf(stderr, "\r%-78s%s", line.c_str(), final_line ? "\n" : "");
  std::fflush(stderr);
}

void PrintCsvHeader() {
  std::printf("cluster,role,path,distance,similarity,exact,published,body_bytes\n");
}

int RunDedupe(const DedupeFlags& flags) {
  // Every list is read (and checked) before any page is: a malformed line
  // fails the run before it starts.
  std::vector<PageSource> sources;
  for (const std::string& list : flags.lists) {
    if (!ReadPageListOrReport(list, &sources)) return 2;
  }
  if (flags.inputs.empty() && sources.empty()) {
    return ReportError("dedupe: no input given (INPUT... or --list FILE)");
  }
  // The library refuses a path listed twice as given; this also catches two
  // spellings of one path ("./a.html", "a.html") and names both lines.
  if (Status s = CheckPageListUnique(sources); !s.ok()) return ReportError(s.message());
  std::vector<DedupePage> pages;
  pages.reserve(sources.size());
  for (const PageSource& s : sources) pages.push_back(DedupePage{s.url, s.path, s.fetched_at});
  DedupeOptions options;
  options.threads = flags.threads;
  options.max_distance = flags.distance;
  std::unique_ptr<Store> store;
  if (!flags.store.empty()) {
    StoreOptions store_options;
    store_options.max_distance = flags.distance;
    store = OpenStoreOrReport(flags.store, /*read_only=*/false, store_options);
    if (store == nullptr) return 2;
    options.store = store.get();
  }
  const bool show_progress =
      flags.progress || (!flags.no_progress && isatty(STDERR_FILENO) == 1);
  if (show_progress) {
    // The library reports once more when every file is read, before the
    // clusters are formed: that report ends the line.
    auto ended = std::make_shared<bool>(false);
    options.progress = [ended](const DedupeProgress& p) {
      if (*ended) return;
      *ended = p.walk_finished && p.files_done == p.files_found;
      DrawProgress(p, *ended);
    };
  }
  // Clusters are printed as they are formed, not kept: memory stays at the
  // per-document state however many clusters there are.
  size_t id = 0;
  if (flags.format == "jsonl") {
    options.on_cluster = [&id](const DedupeCluster& c) {
      nlohmann::json j = nlohmann::json::object();
      j["cluster"] = ++id;
      j["size"] = c.members.size() + 1;
      j["representative"] = MemberJson(c.representative, true);
      j["members"] = nlohmann::json::array();
      for (const DedupeMember& m : c.members) j["members"].push_back(MemberJson(m, false));
      std::printf("%s\n", Dump(j).c_str());
    };
  } else if (flags.format == "csv") {
    options.on_cluster = [&id](const DedupeCluster& c) {
      if (++id == 1) PrintCsvHeader();
      PrintCsvRow(id, "representative", c.representative);
      for (const DedupeMember& m : c.members) PrintCsvRow(id, "member", m);
    };
  } else {
    options.on_cluster = [](const DedupeCluster&) {};  // counted in cluster_count
  }
  Result<DedupeResult> r = DedupeInputs(flags.inputs, pages, options);
  if (!r.ok()) return ReportError(r.status().message());
  if (flags.format == "csv" && id == 0) PrintCsvHeader();

  if (flags.format != "summary") {
    // A listed page's skip names the list line it came from.
    std::unordered_map<std::string, std::string> origin;
    if (!r->skipped.empty()) {
      for (PageSource& s : sources) origin.emplace(std::move(s.path), std::move(s.origin));
    }
    for (const DedupeSkipped& s : r->skipped) {
      auto listed = origin.find(s.path);
      const std::string where = listed == origin.end() ? "" : " (" + listed->second + ")";
      std::fprintf(stderr, "dedupe: skipped %s%s: %s%s%s\n", s.path.c_str(), where.c_str(),
                   s.reason.c_str(), s.detail.empty() ? "" : ": ", s.detail.c_str());
    }
  } else {
    const double secs = r->seconds > 0 ? r->seconds : 1e-9;
    std::printf("documents   %llu (of %llu files)\n", static_cast<unsigned long long>(r->documents),
                static_cast<unsigned long long>(r->files));
    std::printf("clusters    %llu\n", static_cast<unsigned long long>(r->cluster_count));
    std::printf("duplicates  %llu (%llu exact)\n", static_cast<unsigned long long>(r->duplicates),
                static_cast<unsigned long long>(r->exact_duplicates));
    std::printf("skipped     unreadable %llu, symlink loops %llu, not html %llu, too large %llu, "
                "no article %llu",
                static_cast<unsigned long long>(r->unreadable),
                static_cast<unsigned long long>(r->symlink_loops),
                static_cast<unsigned long long>(r->not_html),
                static_cast<unsigned long long>(r->too_large),
                static_cast<unsigned long long>(r->no_article));
    if (options.store != nullptr) {
      std::printf(", store errors %llu", static_cast<unsigned long long>(r->store_errors));
    }
    std::printf("\nbytes       %s\n", HumanBytes(static_cast<double>(r->bytes)).c_str());
    std::printf("time        %.2f s\n", r->seconds);
    std::printf("rate        %.0f files/s, %s/s\n", static_cast<double>(r->files) / secs,
                HumanBytes(static_cast<double>(r->bytes) / secs).c_str());
  }
  std::fflush(stdout);
  return 0;
}

CommandRunner SetupDedupe(CLI::App& app) {
  auto flags = std::make_shared<DedupeFlags>();
  CLI::App* sub = app.add_subcommand(
      "dedupe",
      "Cluster the near-duplicate pages of directories, WARC files and page lists (jsonl, csv "
      "or a summary)");
  sub->add_option("inputs", flags->inputs,
                  "Directories of .html/.htm/.xhtml/.txt/.gz/.warc/.warc.gz files, WARC files "
                  "and pages, deduplicated together");
  sub->add_option("--list", flags->lists,
                  "Page list of url<TAB>path[<TAB>fetched_at] lines ('-' reads standard "
                  "input; repeatable): each page is extracted with its URL")
      ->allow_extra_args(false);
  sub->add_option("--threads", flags->threads, "Worker threads (default: all cores)")
      ->check(CLI::Range(0, 1024));
  sub->add_option("--distance", flags->distance, "SimHash Hamming distance, 0..7 (default 3)")
      ->check(CLI::Range(0, 7));
  sub->add_option("--format", flags->format, "Output: jsonl (default), csv or summary")
      ->check(CLI::IsMember({"jsonl", "csv", "summary"}));
  sub->add_option("--store", flags->store,
                  "Also file every page in this store (created if missing); clusters are "
                  "the same");
  sub->add_flag("--progress", flags->progress, "Progress on stderr even when it is not a terminal");
  sub->add_flag("--no-progress", flags->no_progress, "No progress line");
  return [flags] { return RunDedupe(*flags); };
}

}  // namespace

LIBDIFF_REGISTER_COMMAND(dedupe, 60, SetupDedupe);

}  // namespace libdiff::tools
