// Copyright 2026 The libdiff Authors.
//
// Metadata cases written as data: every tests/extract/testdata/metadata/*.txt
// holds hand-written pages and what ExtractMetadata must find on each, one
// GoogleTest per case (named <file>_<case>). A page and its expectation read
// better as a page than as C++ string literals, and a new rule's case is a few
// lines of text. The format, also described at the top of each file:
//
//   # A comment line (anywhere outside a page).
//   === CaseName                  starts a case; letters, digits and '_'
//   url: https://...              the page's URL (required)
//   title: ...                    each further "key: value" line is checked,
//   authors: Jane Roe | John Doe  keys left out are not; "authors:" with no
//                                 names expects none
//   file: name.html               the page is samples/pages/metadata/name.html,
//   --- html                      or the lines after "--- html" up to the next
//   <html>...                     "===": joined with "\n", except that a line
//                                 ending in '\' joins the next one directly.
//                                 Blank and '#' lines ending the page are not
//                                 part of it (they space and comment the next
//                                 case).
//
// Checked keys: title, published, modified, authors, site_name, canonical_url,
// language, description, type. An unknown key, a case without a URL or a page,
// or a malformed line is itself a failing case, so a typo cannot pass silently.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "extract/metadata.h"
#include "metadata_test_util.h"

namespace libdiff::internal {
namespace {

struct Case {
  std::string name;      // <file stem>_<case name>
  std::string location;  // file:line of the "===" line
  std::string url;
  std::string file;  // a samples/pages/metadata page, or empty
  std::string html;
  std::vector<std::pair<std::string, std::string>> expect;
  std::string error;  // why the case could not be read; the test fails with it
  std::vector<std::string> html_lines;  // the page as written, until the file is read
};

// What GoogleTest prints for a failing case: where it is written.
void PrintTo(const Case& c, std::ostream* os) { *os << c.location; }

bool IsName(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) {
    return std::isalnum(c) || c == '_';
  });
}

const std::vector<std::string>& CheckedKeys() {
  static const auto* keys = new std::vector<std::string>{
      "title", "published", "modified", "authors", "site_name", "canonical_url",
      "language", "description", "type"};
  return *keys;
}

// Sets c->html from the page's lines (see the format above).
void JoinHtmlLines(Case* c) {
  std::vector<std::string>& lines = c->html_lines;
  while (!lines.empty() && (lines.back().empty() || lines.back()[0] == '#')) lines.pop_back();
  bool join_next = false;
  for (const std::string& line : lines) {
    if (!c->html.empty() && !join_next) c->html += '\n';
    join_next = !line.empty() && line.back() == '\\';
    c->html += join_next ? line.substr(0, line.size() - 1) : line;
  }
  lines.clear();
}

// Appends the cases of one file to `out`.
void ParseCases(const std::filesystem::path& path, std::vector<Case>* out) {
  std::ifstream in(path, std::ios::binary);
  const std::string stem = path.stem().string();
  std::string line;
  int line_no = 0;
  Case* c = nullptr;
  bool in_html = false;
  auto fail = [&](const std::string& why) {
    if (c == nullptr) {
      out->push_back(Case{stem + "_line" + std::to_string(line_no), "", "", "", "", {}, "", {}});
      c = &out->back();
    }
    if (c->error.empty()) c->error = path.filename().string() + ":" +
                                     std::to_string(line_no) + ": " + why;
  };
  while (std::getline(in, line)) {
    ++line_no;
    if (line.rfind("===", 0) == 0) {
      const std::string name = line.size() > 4 ? line.substr(4) : "";
      out->push_back(Case{stem + "_" + name,
                          path.filename().string() + ":" + std::to_string(line_no), "", "", "",
                          {}, "", {}});
      c = &out->back();
      in_html = false;
      if (line.size() < 4 || line[3] != ' ' || !IsName(name)) fail("bad case name: " + line);
      continue;
    }
    if (in_html) {
      c->html_lines.push_back(line);
      continue;
    }
    if (line.empty() || line[0] == '#') continue;
    if (c == nullptr) {
      fail("text before the first case: " + line);
      continue;
    }
    if (line == "--- html") {
      in_html = true;
      continue;
    }
    const size_t colon = line.find(':');
    if (colon == std::string::npos) {
      fail("expected 'key: value': " + line);
      continue;
    }
    const std::string key = line.substr(0, colon);
    std::string value = line.substr(colon + 1);
    if (!value.empty() && value[0] == ' ') value.erase(0, 1);
    if (key == "url") {
      c->url = value;
    } else if (key == "file") {
      c->file = value;
    } else if (std::find(CheckedKeys().begin(), CheckedKeys().end(), key) !=
               CheckedKeys().end()) {
      c->expect.emplace_back(key, value);
    } else {
      fail("unknown key '" + key + "'");
    }
  }
  for (Case& each : *out) {
    if (each.location.rfind(path.filename().string(), 0) != 0) continue;
    JoinHtmlLines(&each);
    if (!each.error.empty()) continue;
    if (each.url.empty()) each.error = each.location + ": no url";
    if (each.html.empty() == each.file.empty()) {
      each.error = each.location + ": give either '--- html' or 'file:'";
    }
    if (each.expect.empty()) each.error = each.location + ": nothing to check";
  }
}

std::string CasesDir() { return std::string(LIBDIFF_TESTS_DIR) + "/extract/testdata/metadata"; }

std::vector<Case> LoadCases() {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(CasesDir(), ec)) {
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<Case> cases;
  for (const auto& f : files) ParseCases(f, &cases);
  return cases;
}

// Each author on its own, joined as the files write them.
std::string JoinAuthors(const std::vector<std::string>& authors) {
  std::string s;
  for (const std::string& a : authors) s += (s.empty() ? "" : " | ") + a;
  return s;
}

std::string Field(const Article& a, const std::string& key) {
  if (key == "title") return a.title;
  if (key == "published") return a.published;
  if (key == "modified") return a.modified;
  if (key == "authors") return JoinAuthors(a.authors);
  if (key == "site_name") return a.site_name;
  if (key == "canonical_url") return a.canonical_url;
  if (key == "language") return a.language;
  if (key == "description") return a.description;
  return a.type;  // CheckedKeys() holds no other key
}

class MetadataCase : public ::testing::TestWithParam<Case> {};

TEST_P(MetadataCase, FindsWhatAReaderWould) {
  const Case& c = GetParam();
  ASSERT_TRUE(c.error.empty()) << c.error;
  const Article a = c.file.empty() ? ExtractMetadataOf(c.html, c.url)
                                   : ExtractMetadataSample(c.file, c.url);
  for (const auto& [key, want] : c.expect) {
    EXPECT_EQ(Field(a, key), want) << c.location << ": " << key;
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, MetadataCase, ::testing::ValuesIn(LoadCases()),
                         [](const ::testing::TestParamInfo<Case>& case_info) {
                           return IsName(case_info.param.name)
                                      ? case_info.param.name
                                      : "Unnamed" + std::to_string(case_info.index);
                         });

// The reader itself: a case file's mistakes fail instead of vanishing.
TEST(MetadataCaseFiles, MistakesAreFailingCases) {
  const auto dir = std::filesystem::temp_directory_path() / "libdiff_meta_cases_test";
  std::filesystem::create_directories(dir);
  const auto path = dir / "bad.txt";
  {
    std::ofstream out(path);
    out << "=== Good\nurl: https://a.example/x\ntitle: T\n--- html\n<h1>T\\\n</h1>\n"
        << "#1\n\n<p>x</p>\n\n# The next case has no URL.\n"
        << "=== NoUrl\ntitle: T\n--- html\n<h1>T</h1>\n"
        << "=== Typo\nurl: https://a.example/y\ntitel: T\n--- html\n<h1>T</h1>\n";
  }
  std::vector<Case> cases;
  ParseCases(path, &cases);
  std::filesystem::remove_all(dir);
  ASSERT_EQ(cases.size(), 3u);
  EXPECT_EQ(cases[0].name, "bad_Good");
  EXPECT_EQ(cases[0].error, "");
  // A '#' or blank line inside the page is part of it; those ending it are not.
  EXPECT_EQ(cases[0].html, "<h1>T</h1>\n#1\n\n<p>x</p>");
  EXPECT_NE(cases[1].error.find("no url"), std::string::npos) << cases[1].error;
  EXPECT_NE(cases[2].error.find("unknown key 'titel'"), std::string::npos) << cases[2].error;
}

TEST(MetadataCaseFiles, TheCasesAreThere) {
  EXPECT_FALSE(LoadCases().empty()) << "no *.txt cases under " << CasesDir();
}

}  // namespace
}  // namespace libdiff::internal
