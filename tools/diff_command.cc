// Copyright 2026 The libdiff Authors.
//
// libdiff diff [--format word|unified|json|html] [--stat] [--no-color] OLD NEW
// Compares two versions of an article. OLD and NEW are HTML files (the
// article is extracted first) or plain-text files (paragraphs separated by
// blank lines; a first line "# Title" is the title); "-" reads standard input for one of them. Exit status as
// diff(1): 0 when body and title are the same, 1 when they differ, 2 on trouble.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "command.h"
#include "libdiff/article.h"
#include "libdiff/diff.h"
#include "util/file.h"

namespace libdiff::tools {
namespace {

struct DiffFlags {
  std::string old_input, new_input;
  std::string format = "word";
  bool stat = false;
  bool no_color = false;
  bool color = false;
  bool full = false;
  bool no_moves = false;
  bool no_metadata = false;
  int context = -2;  // -2: the format's default
  size_t max_bytes = size_t{64} << 20;
};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// HTML by file name, or by a leading tag when the name says nothing.
bool LooksLikeHtml(const std::string& path, std::string_view data) {
  const std::string name = Lower(path);
  if (EndsWith(name, ".html") || EndsWith(name, ".htm") || EndsWith(name, ".xhtml")) return true;
  if (EndsWith(name, ".txt") || EndsWith(name, ".text") || EndsWith(name, ".md")) return false;
  if (data.substr(0, 3) == "\xEF\xBB\xBF") data.remove_prefix(3);
  size_t i = data.find_first_not_of(" \t\r\n");
  if (i == std::string_view::npos) return false;
  const std::string head = Lower(data.substr(i, 64));
  for (const char* tag : {"<!doctype html", "<html", "<head", "<body", "<?xml", "<!--", "<meta", "<article"}) {
    if (head.rfind(tag, 0) == 0) return true;
  }
  return false;
}

// Git's rule: a NUL byte in the first 8,000 bytes means binary.
bool LooksBinary(std::string_view data) {
  return data.substr(0, 8000).find('\0') != std::string_view::npos;
}

Result<Article> LoadArticle(const std::string& path, const DiffFlags& flags) {
  LIBDIFF_ASSIGN_OR_RETURN(std::string data, internal::ReadFile(path, flags.max_bytes));
  if (LooksBinary(data)) return Status::InvalidArgument(path + ": binary file, not HTML or text");
  if (LooksLikeHtml(path, data)) {
    ExtractOptions options;
    options.max_input_bytes = flags.max_bytes;
    Result<Article> article = ExtractArticle(data, options);
    if (!article.ok()) return article.status().WithContext(path);
    return article;
  }
  return ArticleFromText(data);
}

int RunDiff(const DiffFlags& flags) {
  Result<DiffFormat> format = ParseDiffFormat(flags.stat ? "stat" : flags.format);
  if (!format.ok()) return ReportError(format.status().message());
  if (flags.old_input == "-" && flags.new_input == "-") {
    return ReportError("only one of OLD and NEW can be standard input");
  }
  Result<Article> old_article = LoadArticle(flags.old_input, flags);
  if (!old_article.ok()) return ReportError(old_article.status().message());
  Result<Article> new_article = LoadArticle(flags.new_input, flags);
  if (!new_article.ok()) return ReportError(new_article.status().message());

  DiffOptions options;
  options.detect_moves = !flags.no_moves;
  options.compare_metadata = !flags.no_metadata;
  options.max_input_bytes = flags.max_bytes;
  Result<ArticleDiff> diff = DiffArticles(*old_article, *new_article, options);
  if (!diff.ok()) return ReportError(diff.status().message());

  RenderOptions render;
  const bool terminal = isatty(STDOUT_FILENO) == 1 && std::getenv("NO_COLOR") == nullptr;
  render.color = flags.color || (terminal && !flags.no_color);
  if (*format == DiffFormat::kJson || *format == DiffFormat::kHtml) render.color = false;
  render.full_text = flags.full;
  if (flags.context != -2) render.context = flags.context;
  render.old_label = flags.old_input;
  render.new_label = flags.new_input;
  const std::string out = RenderDiff(*diff, *format, render);
  if (std::fwrite(out.data(), 1, out.size(), stdout) != out.size() || std::fflush(stdout) != 0) {
    return ReportError("writing the diff to standard output failed");
  }
  return diff->summary.BodyOrTitleChanged() ? 1 : 0;
}

CommandRunner SetupDiff(CLI::App& app) {
  auto flags = std::make_shared<DiffFlags>();
  CLI::App* sub = app.add_subcommand(
      "diff", "Show what changed between two versions of an article (exit 0 same, 1 differ, 2 trouble)");
  sub->add_option("--format", flags->format,
                  "word (inline [-old-]{+new+} or colour), unified (one sentence per line), json, html")
      ->check(CLI::IsMember({"word", "unified", "json", "html", "stat"}));
  sub->add_flag("--stat", flags->stat, "Print only the summary (counts and significance)");
  sub->add_flag("--no-color", flags->no_color, "Never colour; colour is used only when stdout is a terminal");
  sub->add_flag("--color", flags->color, "Colour even when stdout is not a terminal");
  sub->add_option("-U,--context", flags->context,
                  "Unified: sentences of context (default 3). Word: paragraphs of context "
                  "around changes (default 3, -1 = whole text)");
  sub->add_flag("--full", flags->full, "Word format: print the whole text");
  sub->add_flag("--no-moves", flags->no_moves, "Report moved sentences as deleted and inserted");
  sub->add_flag("--no-metadata", flags->no_metadata, "Compare title and body only");
  sub->add_option("--max-bytes", flags->max_bytes, "Larger inputs are refused (default 64 MiB)");
  sub->add_option("old", flags->old_input, "The old version: HTML or text file ('-' = stdin)")->required();
  sub->add_option("new", flags->new_input, "The new version: HTML or text file ('-' = stdin)")->required();
  return [flags] { return RunDiff(*flags); };
}

}  // namespace

LIBDIFF_REGISTER_COMMAND(diff, 50, SetupDiff);

}  // namespace libdiff::tools
