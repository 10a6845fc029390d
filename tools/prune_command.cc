// Copyright 2026 The libdiff Authors.
//
// libdiff prune [--store DIR] [--older-than DAYS] [--keep N]
// Removes revisions fetched more than DAYS ago and/or all but the N latest
// revisions of each article; the latest revision is always kept. Prints
// {"revisions_removed":..,"articles_touched":..}. Run `compact` afterwards to
// give the space back to the file system.
#include <chrono>

#include "store_flags.h"

namespace libdiff::tools {
namespace {

struct PruneFlags {
  std::string store;
  double older_than_days = 0;
  uint32_t keep = 0;
};

int RunPrune(const PruneFlags& flags) {
  if (flags.older_than_days <= 0 && flags.keep == 0) {
    return ReportError("prune needs --older-than DAYS and/or --keep N");
  }
  auto store = OpenStoreOrReport(flags.store, /*read_only=*/false);
  if (!store) return 2;
  PruneOptions options;
  options.keep_revisions = flags.keep;
  if (flags.older_than_days > 0) {
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    options.older_than = now - static_cast<int64_t>(flags.older_than_days * 86400.0);
  }
  auto r = store->Prune(options);
  if (!r.ok()) return ReportError(r.status().message());
  nlohmann::json j;
  j["revisions_removed"] = r->revisions_removed;
  j["articles_touched"] = r->articles_touched;
  PrintJsonLine(j);
  return 0;
}

CommandRunner SetupPrune(CLI::App& app) {
  auto flags = std::make_shared<PruneFlags>();
  CLI::App* sub = app.add_subcommand("prune", "Remove old revisions (by age and/or count kept)");
  AddStoreOption(sub, &flags->store);
  sub->add_option("--older-than", flags->older_than_days, "Remove revisions older than DAYS");
  sub->add_option("--keep", flags->keep, "Keep at most N latest revisions per article");
  return [flags] { return RunPrune(*flags); };
}

}  // namespace

LIBDIFF_REGISTER_COMMAND(prune, 45, SetupPrune);

}  // namespace libdiff::tools
