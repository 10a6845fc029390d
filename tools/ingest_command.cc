// Copyright 2026 The libdiff Authors.
//
// libdiff ingest [--store DIR] [--url URL] [--list FILE] [--batch N] [--keep-html] FILE...
// libdiff ingest [--store DIR] [--batch N] --warc FILE.warc[.gz]...
// Files each page in the store and prints one JSON line per page: url, verdict
// (new, unchanged, updated, duplicate, skipped), article, revision, title, and
// of/distance/similarity/cross_site for duplicates, changes for updates.
// Pages are committed in batches of N (one transaction each).
#include "store_flags.h"
#include "warc_input.h"

namespace libdiff::tools {
namespace {

CommandRunner SetupIngest(CLI::App& app) {
  auto flags = std::make_shared<PageFlags>();
  CLI::App* sub = app.add_subcommand(
      "ingest", "File pages in the store: new, unchanged, updated or duplicate (JSON lines)");
  AddPageOptions(sub, flags.get());
  sub->add_option("--batch", flags->batch, "Pages per write transaction (default 64)");
  sub->add_flag("--keep-html", flags->keep_html, "Also keep the raw HTML (zstd-compressed)");
  return [flags] {
    return flags->warcs.empty() ? RunPages(*flags, /*write=*/true)
                                : RunWarcPages(*flags, /*write=*/true);
  };
}

}  // namespace

LIBDIFF_REGISTER_COMMAND(ingest, 40, SetupIngest);

}  // namespace libdiff::tools
