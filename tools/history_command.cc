// Copyright 2026 The libdiff Authors.
//
// libdiff history [--store DIR] URL
// Prints the stored history of the URL's article as one JSON object: its id,
// first URL, URL keys, duplicate link, and per revision the number, fetch time,
// URL key, title, SimHash, revert target and stored size.
#include <cinttypes>
#include <cstdio>

#include "store_flags.h"

namespace libdiff::tools {
namespace {

struct HistoryFlags {
  std::string store;
  std::string url;
};

int RunHistory(const HistoryFlags& flags) {
  auto store = OpenStoreOrReport(flags.store, /*read_only=*/true);
  if (!store) return 2;
  auto h = store->History(flags.url);
  if (!h.ok()) return ReportError(h.status().message());
  nlohmann::json j;
  j["url"] = flags.url;
  j["article"] = h->article;
  j["first_url"] = h->first_url;
  j["urls"] = h->urls;
  if (h->duplicate_of != 0) j["duplicate_of"] = h->duplicate_of;
  j["first_seen"] = h->first_seen;
  nlohmann::json revs = nlohmann::json::array();
  for (const auto& r : h->revisions) {
    nlohmann::json e;
    e["revision"] = r.revision;
    e["fetched_at"] = r.fetched_at;
    e["url"] = r.url;
    e["title"] = r.title;
    char hex[17];
    std::snprintf(hex, sizeof(hex), "%016" PRIx64, r.simhash);
    e["simhash"] = hex;
    if (r.same_as != 0) e["same_as"] = r.same_as;
    e["stored"] = r.keyframe ? "keyframe" : (r.same_as != 0 ? "reference" : "delta");
    e["stored_bytes"] = r.stored_bytes;
    revs.push_back(e);
  }
  j["revisions"] = revs;
  PrintJsonLine(j);
  return 0;
}

CommandRunner SetupHistory(CLI::App& app) {
  auto flags = std::make_shared<HistoryFlags>();
  CLI::App* sub = app.add_subcommand("history", "List the stored revisions of a URL's article (JSON)");
  AddStoreOption(sub, &flags->store);
  sub->add_option("url", flags->url, "The article URL (any known variant)")->required();
  return [flags] { return RunHistory(*flags); };
}

}  // namespace

LIBDIFF_REGISTER_COMMAND(history, 42, SetupHistory);

}  // namespace libdiff::tools
