// Copyright 2026 The libdiff Authors.
//
// libdiff stats [--store DIR] [--json]
// Prints the store's counts and sizes: articles, revisions, URL keys,
// duplicates, compressed snapshot bytes, record bytes and bytes per revision,
// raw HTML bytes, file and map size.
#include <cstdio>

#include "store_flags.h"

namespace libdiff::tools {
namespace {

struct StatsFlags {
  std::string store;
  bool json = false;
};

int RunStats(const StatsFlags& flags) {
  auto store = OpenStoreOrReport(flags.store, /*read_only=*/true);
  if (!store) return 2;
  auto s = store->Stats();
  if (!s.ok()) return ReportError(s.status().message());
  if (flags.json) {
    const std::string line = StatsToJson(*s, flags.store) + "\n";
    std::fwrite(line.data(), 1, line.size(), stdout);
    return 0;
  }
  std::printf("store               %s\n", flags.store.c_str());
  std::printf("articles            %llu\n", static_cast<unsigned long long>(s->articles));
  std::printf("revisions           %llu\n", static_cast<unsigned long long>(s->revisions));
  std::printf("url keys            %llu\n", static_cast<unsigned long long>(s->urls));
  std::printf("duplicates          %llu\n", static_cast<unsigned long long>(s->duplicates));
  std::printf("snapshot bytes      %llu\n", static_cast<unsigned long long>(s->snapshot_bytes));
  std::printf("record bytes        %llu\n", static_cast<unsigned long long>(s->record_bytes));
  std::printf("bytes per revision  %.1f\n", s->bytes_per_revision);
  std::printf("raw html bytes      %llu\n", static_cast<unsigned long long>(s->raw_html_bytes));
  std::printf("file bytes          %llu\n", static_cast<unsigned long long>(s->file_bytes));
  return 0;
}

CommandRunner SetupStats(CLI::App& app) {
  auto flags = std::make_shared<StatsFlags>();
  CLI::App* sub = app.add_subcommand("stats", "Print the store's counts and sizes");
  AddStoreOption(sub, &flags->store);
  sub->add_flag("--json", flags->json, "One JSON object instead of text");
  return [flags] { return RunStats(*flags); };
}

}  // namespace

LIBDIFF_REGISTER_COMMAND(stats, 44, SetupStats);

}  // namespace libdiff::tools
