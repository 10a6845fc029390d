// Copyright 2026 The libdiff Authors.
//
// libdiff compact [--store DIR]
// Rewrites data.mdb without free pages and prints {"bytes_before":..,"bytes_after":..}.
// No other process may have the store open meanwhile.
#include "store_flags.h"

namespace libdiff::tools {
namespace {

int RunCompact(const std::string& dir) {
  auto store = OpenStoreOrReport(dir, /*read_only=*/false);
  if (!store) return 2;
  auto r = store->Compact();
  if (!r.ok()) return ReportError(r.status().message());
  nlohmann::json j;
  j["bytes_before"] = r->bytes_before;
  j["bytes_after"] = r->bytes_after;
  PrintJsonLine(j);
  return 0;
}

CommandRunner SetupCompact(CLI::App& app) {
  auto dir = std::make_shared<std::string>();
  CLI::App* sub = app.add_subcommand("compact", "Rewrite the store file without free space");
  AddStoreOption(sub, dir.get());
  return [dir] { return RunCompact(*dir); };
}

}  // namespace

LIBDIFF_REGISTER_COMMAND(compact, 46, SetupCompact);

}  // namespace libdiff::tools
