// Copyright 2026 The libdiff Authors.
//
// libdiff fingerprint [--format text|json] [--html|--text] [--shingle-size N] FILE...
// Prints, per file, the SimHash (16 hex digits), the exact hash of the
// normalised text (32 hex digits), and the token, shingle and paragraph counts.
// Text format, one line per file:
//   <simhash>  <exact>  tokens=N shingles=N paragraphs=N  <path>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "command.h"
#include "fingerprint_input.h"
#include "libdiff/article.h"
#include "libdiff/file.h"

namespace libdiff::tools {

namespace {

// A page is HTML when, after white space and a BOM, it starts with '<' and its
// first KB holds one of the tags every HTML page has at least one of.
bool LooksLikeHtml(std::string_view data) {
  std::string_view head = data.substr(0, 1024);
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  while (!head.empty() && std::isspace(static_cast<unsigned char>(head.front()))) {
    head.remove_prefix(1);
  }
  if (head.empty() || head.front() != '<') return false;
  std::string lower(head);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const char* tag : {"<html", "<head", "<body", "<!doctype"}) {
    if (lower.find(tag) != std::string::npos) return true;
  }
  return false;
}

struct FingerprintFlags {
  std::string format = "text";
  FingerprintInputFlags input;
  std::vector<std::string> files;
};

nlohmann::json ToJson(const FingerprintedFile& f) {
  const Fingerprint& fp = f.fingerprint;
  nlohmann::json paragraphs = nlohmann::json::array();
  for (uint64_t h : fp.paragraph_hashes) paragraphs.push_back(Hex64(h));
  return {{"file", f.path},
          {"input", f.html ? "html" : "text"},
          {"simhash", Hex64(fp.simhash)},
          {"exact", fp.exact.ToHex()},
          {"tokens", fp.token_count},
          {"shingles", fp.shingle_count},
          {"paragraphs", fp.paragraph_hashes.size()},
          {"paragraph_hashes", paragraphs},
          {"sketch", fp.sketch},
          {"algorithm_version", fp.params.algorithm_version},
          {"shingle_size", fp.params.shingle_size}};
}

int RunFingerprint(const FingerprintFlags& flags) {
  int status = 0;
  nlohmann::json all = nlohmann::json::array();
  for (const std::string& path : flags.files) {
    Result<FingerprintedFile> f = FingerprintFile(path, flags.input);
    if (!f.ok()) {
      status = ReportError(f.status().message());
      continue;
    }
    if (flags.format == "json") {
      all.push_back(ToJson(*f));
    } else {
      const Fingerprint& fp = f->fingerprint;
      std::printf("%s  %s  tokens=%llu shingles=%llu paragraphs=%zu  %s\n",
                  Hex64(fp.simhash).c_str(), fp.exact.ToHex().c_str(),
                  static_cast<unsigned long long>(fp.token_count),
                  static_cast<unsigned long long>(fp.shingle_count), fp.paragraph_hashes.size(),
                  path.c_str());
    }
  }
  if (flags.format == "json") std::printf("%s\n", all.dump(2).c_str());
  std::fflush(stdout);
  return status;
}

CommandRunner SetupFingerprint(CLI::App& app) {
  auto flags = std::make_shared<FingerprintFlags>();
  CLI::App* sub = app.add_subcommand(
      "fingerprint", "Print the SimHash, exact hash and counts of texts or HTML pages");
  sub->add_option("--format", flags->format, "Output: text (one line per file) or json")
      ->check(CLI::IsMember({"text", "json"}));
  AddFingerprintInputOptions(sub, &flags->input);
  sub->add_option("files", flags->files, "Text or HTML files ('-' reads standard input)")
      ->required();
  return [flags] { return RunFingerprint(*flags); };
}

}  // namespace

std::string Hex64(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

void AddFingerprintInputOptions(CLI::App* sub, FingerprintInputFlags* flags) {
  auto* html = sub->add_flag_callback(
      "--html", [flags] { flags->kind = InputKind::kHtml; },
      "Read files as HTML pages and fingerprint their article (default: detect)");
  auto* text = sub->add_flag_callback(
      "--text", [flags] { flags->kind = InputKind::kText; },
      "Read files as plain text (default: detect)");
  html->excludes(text);
  sub->add_option("--shingle-size", flags->shingle_size, "Tokens per shingle, 1..16 (default 3)")
      ->check(CLI::Range(1, 16));
  sub->add_option("--max-bytes", flags->max_bytes, "Larger files are refused (default 64 MiB)");
}

Result<FingerprintedFile> FingerprintFile(const std::string& path,
                                          const FingerprintInputFlags& flags) {
  Result<std::string> data = ReadFile(path, flags.max_bytes);
  if (!data.ok()) return data.status();  // its message names the path
  const size_t nul = std::string_view(*data).substr(0, 8192).find('\0');
  if (nul != std::string_view::npos) {
    return Status::InvalidArgument(path + ": looks like a binary file (NUL byte at offset " +
                                   std::to_string(nul) + "), not text or HTML");
  }
  FingerprintOptions options;
  options.shingle_size = flags.shingle_size;
  FingerprintedFile out;
  out.path = path;
  out.html =
      flags.kind == InputKind::kHtml || (flags.kind == InputKind::kAuto && LooksLikeHtml(*data));
  if (!out.html) {
    out.fingerprint = FingerprintText(*data, options);
    return out;
  }
  ExtractOptions extract;
  extract.max_input_bytes = flags.max_bytes;
  Result<Article> article = ExtractArticle(*data, extract);
  if (!article.ok()) return article.status().WithContext(path);
  std::vector<std::string> paragraphs;
  paragraphs.reserve(article->blocks.size());
  for (const Block& b : article->blocks) paragraphs.push_back(b.text);
  if (paragraphs.empty()) {
    return Status::InvalidArgument(
        path + ": no article text in this HTML page (" +
        (article->empty_reason.empty() ? "empty body" : article->empty_reason) +
        "); use --text to fingerprint the raw file");
  }
  out.fingerprint = FingerprintParagraphs(paragraphs, options);
  return out;
}

LIBDIFF_REGISTER_COMMAND(fingerprint, 20, SetupFingerprint);

}  // namespace libdiff::tools
