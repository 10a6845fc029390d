// Copyright 2026 The libdiff Authors.
//
// libdiff show [--store DIR] [--format text|json] [--html] URL[@REV]
// Prints a stored revision (the latest without @REV) byte-exact as ingested:
// as text (title, blank line, body) or as the article's JSON; --html prints
// the kept raw HTML instead (ingest --keep-html).
#include <cstdio>

#include "store_flags.h"

namespace libdiff::tools {
namespace {

struct ShowFlags {
  std::string store;
  std::string target;
  std::string format = "text";
  bool html = false;
};

int RunShow(const ShowFlags& flags) {
  Result<StoreReference> ref = ParseStoreReference(flags.target);
  if (!ref.ok()) return ReportError(ref.status().message());
  const std::string& url = ref->url;
  const uint32_t revision = ref->revision;
  auto store = OpenStoreOrReport(flags.store, /*read_only=*/true);
  if (!store) return 2;
  std::string out;
  if (flags.html) {
    auto html = store->ReadRawHtml(url, revision);
    if (!html.ok()) return ReportError(html.status().message());
    out = std::move(*html);
  } else {
    auto article = store->ReadRevision(url, revision);
    if (!article.ok()) return ReportError(article.status().message());
    if (flags.format == "json") {
      out = ArticleToJson(*article) + "\n";
    } else {
      if (!article->title.empty()) out += article->title + "\n\n";
      out += article->Text() + "\n";
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

CommandRunner SetupShow(CLI::App& app) {
  auto flags = std::make_shared<ShowFlags>();
  CLI::App* sub =
      app.add_subcommand("show", "Print a stored revision: URL[@REV] (latest by default)");
  AddStoreOption(sub, &flags->store);
  sub->add_option("--format", flags->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  sub->add_flag("--html", flags->html, "Print the kept raw HTML (ingest --keep-html)");
  sub->add_option("target", flags->target, "URL or URL@REV")->required();
  return [flags] { return RunShow(*flags); };
}

}  // namespace

LIBDIFF_REGISTER_COMMAND(show, 43, SetupShow);

}  // namespace libdiff::tools
