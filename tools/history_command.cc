// Copyright 2026 The libdiff Authors.
//
// libdiff history [--store DIR] URL
// Prints the stored history of the URL's article as one JSON object: its id,
// first URL, URL keys, duplicate link, and per revision the number, fetch time,
// URL key, title, SimHash, revert target and stored size.
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
  const std::string line = HistoryToJson(*h, flags.url) + "\n";
  std::fwrite(line.data(), 1, line.size(), stdout);
  return 0;
}

CommandRunner SetupHistory(CLI::App& app) {
  auto flags = std::make_shared<HistoryFlags>();
  CLI::App* sub =
      app.add_subcommand("history", "List the stored revisions of a URL's article (JSON)");
  AddStoreOption(sub, &flags->store);
  sub->add_option("url", flags->url, "The article URL (any known variant)")->required();
  return [flags] { return RunHistory(*flags); };
}

}  // namespace

LIBDIFF_REGISTER_COMMAND(history, 42, SetupHistory);

}  // namespace libdiff::tools
