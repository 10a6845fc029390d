// Copyright 2026 The libdiff Authors.
//
// libdiff diff [--format word|unified|json|html] [--stat] [--no-color] [--store DIR] OLD NEW
// Compares two versions of an article. OLD and NEW are HTML files (the
// article is extracted first), plain-text files (paragraphs separated by
// blank lines; a first line "# Title" is the title), "-" for standard input
// (one of them), or revisions in a store: URL@REV, URL@latest or URL (the
// latest), read with Store::ReadRevision. Files and revisions mix. Exit
// status as diff(1): 0 when body and title are the same, 1 when they differ,
// 2 on trouble.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "command.h"
#include "libdiff/article.h"
#include "libdiff/diff.h"
#include "libdiff/file.h"
#include "libdiff/store.h"
#include "store_flags.h"

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
  std::string store;  // for URL[@REV] arguments
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
  for (const char* tag :
       {"<!doctype html", "<html", "<head", "<body", "<?xml", "<!--", "<meta", "<article"}) {
    if (head.rfind(tag, 0) == 0) return true;
  }
  return false;
}

// Git's rule: a NUL byte in the first 8,000 bytes means binary.
bool LooksBinary(std::string_view data) {
  return data.substr(0, 8000).find('\0') != std::string_view::npos;
}

Result<Article> LoadArticle(const std::string& path, const DiffFlags& flags) {
  LIBDIFF_ASSIGN_OR_RETURN(std::string data, ReadFile(path, flags.max_bytes));
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

// An argument naming a stored revision rather than a file.
bool IsStoreReference(std::string_view arg) {
  const std::string head = Lower(arg.substr(0, 8));
  return head.rfind("http://", 0) == 0 || head.rfind("https://", 0) == 0;
}

// Reads the revision `arg` names; *label becomes URL@REV or URL@latest.
Result<Article> LoadRevision(Store* store, const std::string& arg, std::string* label) {
  LIBDIFF_ASSIGN_OR_RETURN(StoreReference ref, ParseStoreReference(arg));
  *label = ref.url + "@" + (ref.revision == 0 ? "latest" : std::to_string(ref.revision));
  const std::string where = "store " + store->dir() + ": ";
  Result<Article> article = store->ReadRevision(ref.url, ref.revision);
  if (article.ok() || !article.status().IsNotFound()) {
    if (!article.ok()) return article.status().WithContext(where + *label);
    return article;
  }
  // Unknown URL, or a revision it does not have: say which ones it has.
  Result<ArticleHistory> history = store->History(ref.url);
  if (!history.ok()) return Status::NotFound(where + history.status().message());
  std::string revisions;
  for (size_t i = 0; i < history->revisions.size(); ++i) {
    if (i == 10) {
      revisions += ", ... " + std::to_string(history->revisions.back().revision);
      break;
    }
    revisions += (i == 0 ? "" : ", ") + std::to_string(history->revisions[i].revision);
  }
  return Status::NotFound(where + ref.url + " has no revision " + std::to_string(ref.revision) +
                          " (its revisions: " + revisions + ")");
}

int RunDiff(const DiffFlags& flags) {
  Result<DiffFormat> format = ParseDiffFormat(flags.stat ? "stat" : flags.format);
  if (!format.ok()) return ReportError(format.status().message());
  if (flags.old_input == "-" && flags.new_input == "-") {
    return ReportError("only one of OLD and NEW can be standard input");
  }
  std::unique_ptr<Store> store;
  if (IsStoreReference(flags.old_input) || IsStoreReference(flags.new_input)) {
    store = OpenStoreOrReport(flags.store, /*read_only=*/true);
    if (!store) return 2;
  }
  std::string old_label = flags.old_input, new_label = flags.new_input;
  auto load = [&](const std::string& arg, std::string* label) {
    return IsStoreReference(arg) ? LoadRevision(store.get(), arg, label) : LoadArticle(arg, flags);
  };
  Result<Article> old_article = load(flags.old_input, &old_label);
  if (!old_article.ok()) return ReportError(old_article.status().message());
  Result<Article> new_article = load(flags.new_input, &new_label);
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
  render.old_label = old_label;
  render.new_label = new_label;
  const std::string out = RenderDiff(*diff, *format, render);
  if (std::fwrite(out.data(), 1, out.size(), stdout) != out.size() || std::fflush(stdout) != 0) {
    return ReportError("writing the diff to standard output failed");
  }
  return diff->summary.BodyOrTitleChanged() ? 1 : 0;
}

CommandRunner SetupDiff(CLI::App& app) {
  auto flags = std::make_shared<DiffFlags>();
  CLI::App* sub = app.add_subcommand(
      "diff",
      "Show what changed between two versions of an article (exit 0 same, 1 differ, 2 trouble)");
  sub->add_option("--format", flags->format,
                  "word (inline [-old-]{+new+} or colour), unified (one sentence per line), "
                  "json, html")
      ->check(CLI::IsMember({"word", "unified", "json", "html", "stat"}));
  sub->add_flag("--stat", flags->stat, "Print only the summary (counts and significance)");
  sub->add_flag("--no-color", flags->no_color,
                "Never colour; colour is used only when stdout is a terminal");
  sub->add_flag("--color", flags->color, "Colour even when stdout is not a terminal");
  sub->add_option("-U,--context", flags->context,
                  "Unified: sentences of context (default 3). Word: paragraphs of context "
                  "around changes (default 3, -1 = whole text)");
  sub->add_flag("--full", flags->full, "Word format: print the whole text");
  sub->add_flag("--no-moves", flags->no_moves, "Report moved sentences as deleted and inserted");
  sub->add_flag("--no-metadata", flags->no_metadata, "Compare title and body only");
  sub->add_option("--max-bytes", flags->max_bytes, "Larger inputs are refused (default 64 MiB)");
  AddStoreOption(sub, &flags->store);
  sub->add_option("old", flags->old_input,
                  "The old version: HTML or text file ('-' = stdin), or URL@REV, URL@latest or URL "
                  "(latest) from --store")
      ->required();
  sub->add_option("new", flags->new_input, "The new version: as OLD")->required();
  sub->footer(
      "Revisions: an argument starting with http:// or https:// is a stored article, "
      "URL@REV (numbered from 1, as `libdiff history` lists them), URL@latest or URL; "
      "files and revisions mix.\n"
      "Example: libdiff diff --store DIR https://example.com/news/a@1 "
      "https://example.com/news/a@2");
  return [flags] { return RunDiff(*flags); };
}

}  // namespace

LIBDIFF_REGISTER_COMMAND(diff, 50, SetupDiff);

}  // namespace libdiff::tools
