// Copyright 2026 The libdiff Authors.
//
// libdiff extract [--url URL] [--content-type CT] [--format text|json|jsonl] FILE...
// libdiff extract --list FILE: the pages of a url<TAB>path list, each with its URL.
// Prints each page's article: as text (title, blank line, body), as one JSON
// object per page (json), or as one JSON line per page with its "path" (jsonl,
// for running over thousands of files in one process). "-" reads stdin.
// libdiff extract --warc FILE...: one JSON line per HTML record of the WARC
// files, the article with "warc", "offset" and the record's "url" first.
#include <cstdio>
#include <string>
#include <vector>

#include "command.h"
#include "libdiff/article.h"
#include "libdiff/file.h"
#include "page_list.h"
#include "warc_input.h"

namespace libdiff::tools {

namespace {

struct ExtractFlags {
  std::string url;
  std::string content_type;
  std::string format = "text";
  std::string list;
  std::vector<std::string> files;
  std::vector<std::string> warcs;
  size_t max_bytes = size_t{32} << 20;
};

std::string JsonString(const std::string& s) {
  // The path as a JSON string, through the library's encoder.
  Article a;
  a.url = s;
  const std::string j = ArticleToJson(a);
  // {"url":"...","canonical_url":...: take the value of the first field.
  const size_t start = j.find(':') + 1;
  const size_t end = j.find(",\"canonical_url\"");
  return j.substr(start, end - start);
}

int RunExtractWarc(const ExtractFlags& flags) {
  return ForEachWarcRecord(
      "extract", flags.warcs, flags.max_bytes, false, true,
      [&](const std::string& file, WarcRecord& r) {
        if (r.type == WarcRecordType::kRevisit) return 0;  // no payload to extract
        ExtractOptions options;
        options.url = r.url;
        options.content_type = r.content_type;
        options.max_input_bytes = flags.max_bytes;
        Result<Article> article = ExtractArticle(r.body, options);
        if (!article.ok()) {
          return ReportError(file + "#" + std::to_string(r.offset) + ": " +
                             article.status().message());
        }
        const std::string json = ArticleToJson(*article);
        const std::string line = "{\"warc\":" + JsonString(file) + ",\"offset\":" +
                                 std::to_string(r.offset) + "," + json.substr(1) + "\n";
        std::fwrite(line.data(), 1, line.size(), stdout);
        return 0;
      });
}

int RunExtract(const ExtractFlags& flags) {
  if (!flags.warcs.empty()) {
    if (!flags.files.empty() || !flags.list.empty()) {
      return ReportError("give FILEs or --list, or --warc, not both");
    }
    const int status = RunExtractWarc(flags);
    std::fflush(stdout);
    return status;
  }
  if (flags.files.empty() && flags.list.empty()) {
    return ReportError("no input: give FILEs, --list FILE or --warc FILE");
  }
  std::vector<PageSource> pages;
  if (!flags.list.empty() && !ReadPageListOrReport(flags.list, &pages)) return 2;
  for (const std::string& f : flags.files) pages.push_back(PageSource{flags.url, f, 0, f});
  int status = 0;
  for (const PageSource& page : pages) {
    const std::string& path = page.path;
    Result<std::string> html = ReadFile(path, flags.max_bytes);
    if (!html.ok()) {
      // ReadFile's message names the path; a list line adds where it was listed.
      const std::string& m = html.status().message();
      status = ReportError(page.origin == path ? m : page.origin + ": " + m);
      continue;
    }
    ExtractOptions options;
    options.url = page.url;
    options.content_type = flags.content_type;
    options.max_input_bytes = flags.max_bytes;
    Result<Article> article = ExtractArticle(*html, options);
    if (!article.ok()) {
      status = ReportError(page.origin + ": " + article.status().message());
      continue;
    }
    if (flags.format == "text") {
      std::string out;
      if (pages.size() > 1) out += "==> " + path + " <==\n";
      if (!article->title.empty()) out += article->title + "\n\n";
      out += article->Text();
      if (article->blocks.empty()) out += "(no body: " + article->empty_reason + ")";
      out += "\n";
      std::fwrite(out.data(), 1, out.size(), stdout);
    } else {
      std::string json = ArticleToJson(*article);
      if (flags.format == "jsonl") json = "{\"path\":" + JsonString(path) + "," + json.substr(1);
      json += "\n";
      std::fwrite(json.data(), 1, json.size(), stdout);
    }
  }
  std::fflush(stdout);
  return status;
}

CommandRunner SetupExtract(CLI::App& app) {
  auto flags = std::make_shared<ExtractFlags>();
  CLI::App* sub = app.add_subcommand(
      "extract", "Extract the article (body text and metadata) from HTML pages");
  sub->add_option("--url", flags->url, "The page URL (resolves relative links; a metadata source)");
  sub->add_option("--content-type", flags->content_type,
                  "The HTTP Content-Type header (its charset wins over <meta>)");
  sub->add_option("--format", flags->format, "Output: text, json, or jsonl (one line per file)")
      ->check(CLI::IsMember({"text", "json", "jsonl"}));
  sub->add_option("--max-bytes", flags->max_bytes, "Larger inputs are refused (default 32 MiB)");
  sub->add_option("files", flags->files, "HTML files ('-' reads standard input)");
  sub->add_option("--list", flags->list,
                  "File of url<TAB>path[<TAB>fetched_at] lines, each page with its URL "
                  "('-' reads standard input)");
  sub->add_option("--warc", flags->warcs,
                  "WARC files: one JSON line per HTML record (url, warc, offset, article)")
      ->expected(1, -1);
  return [flags] { return RunExtract(*flags); };
}

}  // namespace

LIBDIFF_REGISTER_COMMAND(extract, 10, SetupExtract);

}  // namespace libdiff::tools
