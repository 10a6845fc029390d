// Copyright 2026 The libdiff Authors.
//
// Quality guard on the NAEB development corpus (../shared/corpus/naeb): the
// metadata scores must stay at the goals of the extraction issue. Scored as
// ../shared/eval/score.py does (date: day-level F1; title: exact after
// whitespace folding; author: unordered, case-insensitive set of names).
// Skips when the corpus is absent.

#include <libxml/HTMLparser.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <re2/re2.h>

#include "extract/metadata.h"
#include "extract/meta_author.h"

namespace libdiff::internal {
namespace {

std::string ReadAll(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// score.py's names(): split on , ; & | / and the word "and", lower case.
std::set<std::string> NameSet(const std::string& joined) {
  std::string lower = joined;
  for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  static const RE2* sep = new RE2("\\s*(?:[,;&|/]|\\band\\b)\\s*");
  RE2::GlobalReplace(&lower, *sep, "\x01");
  std::set<std::string> names;
  std::stringstream parts(lower);
  std::string part;
  while (std::getline(parts, part, '\x01')) {
    part = SqueezeWhitespace(part);
    if (!part.empty()) names.insert(part);
  }
  return names;
}

TEST(MetadataNaeb, ScoresMeetTheGoals) {
  const std::filesystem::path corpus =
      std::filesystem::path(LIBDIFF_SHARED_DIR) / "corpus" / "naeb";
  if (!std::filesystem::exists(corpus / "ground-truth-metadata.json")) {
    GTEST_SKIP() << "NAEB corpus not found at " << corpus;
  }
  const nlohmann::json gold =
      nlohmann::json::parse(ReadAll(corpus / "ground-truth-metadata.json"), nullptr, false);
  ASSERT_TRUE(gold.is_object());
  int tp = 0, fp = 0, fn = 0, titles = 0, titles_ok = 0, authors = 0, authors_ok = 0;
  for (const auto& [id, g] : gold.items()) {
    const std::string html = ReadAll(corpus / "html" / (id + ".html"));
    if (html.empty()) continue;
    const std::string url = g.value("url", "");
    xmlDocPtr doc = htmlReadMemory(html.data(), static_cast<int>(html.size()), url.c_str(),
                                   nullptr,
                                   HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                       HTML_PARSE_NONET | HTML_PARSE_COMPACT);
    ExtractOptions options;
    options.url = url;
    Article a;
    ExtractMetadata(doc, options, &a);
    if (doc != nullptr) xmlFreeDoc(doc);

    const std::string gold_date = g["date"].is_string() ? g["date"].get<std::string>() : "";
    if (!gold_date.empty()) {
      if (a.published.empty()) {
        ++fn;
      } else if (a.published.substr(0, 10) == gold_date.substr(0, 10)) {
        ++tp;
      } else {
        ++fp;
      }
    }
    const std::string gold_title = SqueezeWhitespace(g.value("title", ""));
    if (!gold_title.empty()) {
      ++titles;
      titles_ok += SqueezeWhitespace(a.title) == gold_title ? 1 : 0;
    }
    const std::string gold_authors = g.value("authors_raw", "");
    if (!gold_authors.empty()) {
      std::string joined;
      for (const std::string& name : a.authors) joined += (joined.empty() ? "" : ", ") + name;
      ++authors;
      authors_ok += NameSet(joined) == NameSet(gold_authors) ? 1 : 0;
    }
  }
  ASSERT_GT(titles, 400);
  const double date_f1 = 2.0 * tp / (2.0 * tp + fp + fn);
  const double title_exact = static_cast<double>(titles_ok) / titles;
  const double author_exact = static_cast<double>(authors_ok) / authors;
  RecordProperty("date_f1", std::to_string(date_f1));
  RecordProperty("title_exact", std::to_string(title_exact));
  RecordProperty("author_exact", std::to_string(author_exact));
  EXPECT_GE(date_f1, 0.93);
  EXPECT_GE(title_exact, 0.85);
  EXPECT_GE(author_exact, 0.80);
}

}  // namespace
}  // namespace libdiff::internal
