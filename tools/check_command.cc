// Copyright 2026 The libdiff Authors.
//
// libdiff check [--store DIR] [--url URL] [--list FILE] FILE...  (or --warc FILE...)
// Prints the verdict `ingest` would give each page, without writing: the store
// is opened read-only. A page that would be new reports article 0.
#include "store_flags.h"
#include "warc_input.h"

namespace libdiff::tools {
namespace {

CommandRunner SetupCheck(CLI::App& app) {
  auto flags = std::make_shared<PageFlags>();
  CLI::App* sub = app.add_subcommand(
      "check", "Print the verdict ingest would give each page, without writing (JSON lines)");
  AddPageOptions(sub, flags.get());
  return [flags] {
    return flags->warcs.empty() ? RunPages(*flags, /*write=*/false)
                                : RunWarcPages(*flags, /*write=*/false);
  };
}

}  // namespace

LIBDIFF_REGISTER_COMMAND(check, 41, SetupCheck);

}  // namespace libdiff::tools
