// Copyright 2026 The libdiff Authors.
//
// The page-list reader (libdiff/page_list.h): every rule and every error.
#include "libdiff/page_list.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <string>
#include <vector>

#include "dedupe/corpus_util.h"
#include "store/temp_dir.h"

namespace libdiff {
namespace {

class PageListTest : public ::testing::Test {
 protected:
  // Writes `content` to DIR/name; returns its path.
  std::string Write(const std::string& content, const std::string& name = "list.tsv") {
    const std::string path = tmp_.path() + "/" + name;
    dedupe_test::WriteFile(path, content);
    return path;
  }

  // Reads a list of `content`; expects it to fail and returns the message.
  std::string Error(const std::string& content, StatusCode code = StatusCode::kInvalidArgument) {
    std::vector<PageListEntry> pages;
    const Status s = ReadPageList(Write(content), &pages);
    EXPECT_EQ(s.code(), code) << s.message();
    EXPECT_TRUE(pages.empty());
    return s.message();
  }

  testing::TempDir tmp_;
};

TEST_F(PageListTest, ReadsUrlPathAndFetchedAt) {
  const std::string list = Write("https://a.example/1\ta.html\t1764300000\n"
                                 "https://a.example/2\t/abs/b.html\n");
  std::vector<PageListEntry> pages;
  ASSERT_TRUE(ReadPageList(list, &pages).ok());
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(pages[0].url, "https://a.example/1");
  EXPECT_EQ(pages[0].path, tmp_.path() + "/a.html");  // relative to the list's directory
  EXPECT_EQ(pages[0].fetched_at, 1764300000);
  EXPECT_EQ(pages[0].origin, list + ":1");
  EXPECT_EQ(pages[1].path, "/abs/b.html");  // absolute paths stay
  EXPECT_EQ(pages[1].fetched_at, 0);
  EXPECT_EQ(pages[1].origin, list + ":2");
  EXPECT_TRUE(pages[0].has_fetched_at);
  EXPECT_FALSE(pages[1].has_fetched_at);
}

TEST_F(PageListTest, FetchedAtOfZeroIsSetAnEmptyColumnIsNot) {
  std::vector<PageListEntry> pages;
  ASSERT_TRUE(ReadPageList(Write("u1\tp1\t0\nu2\tp2\t1970-01-01\nu3\tp3\t\n"), &pages).ok());
  ASSERT_EQ(pages.size(), 3u);
  EXPECT_EQ(pages[0].fetched_at, 0);
  EXPECT_TRUE(pages[0].has_fetched_at);
  EXPECT_EQ(pages[1].fetched_at, 0);
  EXPECT_TRUE(pages[1].has_fetched_at);
  EXPECT_EQ(pages[2].fetched_at, 0);
  EXPECT_FALSE(pages[2].has_fetched_at);
}

TEST_F(PageListTest, SkipsCommentsBlankLinesAndCarriageReturns) {
  const std::string list = Write("# a comment\r\n\r\n\nu1\tp1\r\n#u\tp\n  \nu2\tp2");
  std::vector<PageListEntry> pages;
  // "  " is not blank: it is a line without a tab.
  EXPECT_EQ(ReadPageList(list, &pages).message(),
            list + ":6: expected url<TAB>path[<TAB>fetched_at]");
  const std::string ok = Write("# a comment\r\n\r\n\nu1\tp1\r\n#u\tp\nu2\tp2", "ok.tsv");
  pages.clear();
  ASSERT_TRUE(ReadPageList(ok, &pages).ok());
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(pages[0].path, tmp_.path() + "/p1");  // no '\r' left on the path
  EXPECT_EQ(pages[0].origin, ok + ":4");
  EXPECT_EQ(pages[1].path, tmp_.path() + "/p2");  // last line without '\n'
  EXPECT_EQ(pages[1].origin, ok + ":6");
}

TEST_F(PageListTest, DashPathStaysStandardInput) {
  std::vector<PageListEntry> pages;
  ASSERT_TRUE(ReadPageList(Write("u\t-\n"), &pages).ok());
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_EQ(pages[0].path, "-");
}

TEST_F(PageListTest, ListFromStandardInputResolvesAgainstWorkingDirectory) {
  const std::string list = Write("u\tsub/a.html\t2026-11-28\n");
  FILE* saved = std::freopen(list.c_str(), "rb", stdin);
  ASSERT_NE(saved, nullptr);
  std::vector<PageListEntry> pages;
  const Status s = ReadPageList("-", &pages);
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_EQ(pages[0].path, "sub/a.html");
  EXPECT_EQ(pages[0].origin, "-:1");
  EXPECT_EQ(pages[0].fetched_at, 1795824000);
}

TEST_F(PageListTest, AppendsToWhatIsThere) {
  std::vector<PageListEntry> pages(1);
  ASSERT_TRUE(ReadPageList(Write("u\tp\n"), &pages).ok());
  EXPECT_EQ(pages.size(), 2u);
}

TEST_F(PageListTest, MalformedLinesNameListAndLine) {
  for (const std::string line : {"only-a-url", "u\t", "\tp", "u\tp\t1\textra", "u\t\t1"}) {
    const std::string msg = Error("# head\n" + line + "\n");
    EXPECT_EQ(msg, tmp_.path() + "/list.tsv:2: expected url<TAB>path[<TAB>fetched_at]") << line;
  }
}

TEST_F(PageListTest, BadFetchedAtIsAnError) {
  EXPECT_EQ(Error("u\tp\tyesterday\n"),
            tmp_.path() + "/list.tsv:1: fetched_at \"yesterday\" is neither Unix seconds nor an "
                          "ISO 8601 UTC time");
  for (const std::string bad : {"1234567890123456789", "2026-11-28T04:00:00+02:00", "-5",
                                "2026-13-01", "2026-11-32", "2026-11-28T24:00:00",
                                "+2026-11-28", "2026- 1-01", "2026-11-28T", "20260-1-1"}) {
    std::vector<PageListEntry> pages;
    EXPECT_FALSE(ReadPageList(Write("u\tp\t" + bad + "\n"), &pages).ok()) << bad;
  }
}

TEST_F(PageListTest, ParsesFetchedAtForms) {
  EXPECT_EQ(ParseFetchedAt(""), 0);
  EXPECT_EQ(ParseFetchedAt("1764300000"), 1764300000);
  EXPECT_EQ(ParseFetchedAt("2026-11-28T04:00:00Z"), 1795838400);
  EXPECT_EQ(ParseFetchedAt("2026-11-28T04:00:00"), 1795838400);
  EXPECT_EQ(ParseFetchedAt("2026-11-28 04:00:00+00:00"), 1795838400);
  EXPECT_EQ(ParseFetchedAt("2026-11-28"), 1795824000);
  EXPECT_EQ(ParseFetchedAt("2026-1-2"), ParseFetchedAt("2026-01-02"));
  EXPECT_EQ(ParseFetchedAt("2026-11-28X"), std::nullopt);
  EXPECT_EQ(ParseFetchedAt("2026-11-28T04:00"), std::nullopt);
}

TEST_F(PageListTest, InvalidUtf8UrlIsAnErrorAndPathBytesPass) {
  EXPECT_EQ(Error("https://a.example/\xff\tp\n"),
            tmp_.path() + "/list.tsv:1: url is not valid UTF-8");
  std::vector<PageListEntry> pages;
  ASSERT_TRUE(ReadPageList(Write("https://a.example/\xc3\xa9\tp\xff.html\n"), &pages).ok());
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_EQ(pages[0].url, "https://a.example/\xc3\xa9");
  EXPECT_EQ(pages[0].path, tmp_.path() + "/p\xff.html");
}

TEST_F(PageListTest, NulByteIsAnError) {
  EXPECT_EQ(Error(std::string("u\tp\0q\n", 6)), tmp_.path() + "/list.tsv:1: NUL byte in the line");
}

TEST_F(PageListTest, OverlongLineIsAnError) {
  const std::string line = "u\t" + std::string(kMaxPageListLineBytes, 'p');
  EXPECT_EQ(Error("u\tp\n" + line + "\n", StatusCode::kResourceExhausted),
            tmp_.path() + "/list.tsv:2: line of " + std::to_string(line.size()) +
                " bytes, over the limit of " + std::to_string(kMaxPageListLineBytes));
}

TEST_F(PageListTest, OversizedListIsAnError) {
  const std::string list = tmp_.path() + "/huge.tsv";
  FILE* f = std::fopen(list.c_str(), "wb");
  ASSERT_NE(f, nullptr);
  std::fclose(f);
  ASSERT_EQ(truncate(list.c_str(), static_cast<off_t>(kMaxPageListBytes) + 1), 0);  // sparse
  std::vector<PageListEntry> pages;
  const Status s = ReadPageList(list, &pages);
  EXPECT_EQ(s.code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(s.message(), list + ": " + std::to_string(kMaxPageListBytes + 1) +
                             " bytes, over the limit of " + std::to_string(kMaxPageListBytes));
}

TEST_F(PageListTest, MissingListIsNotFound) {
  std::vector<PageListEntry> pages;
  const Status s = ReadPageList(tmp_.path() + "/none.tsv", &pages);
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
  EXPECT_EQ(s.message(), tmp_.path() + "/none.tsv: No such file or directory");
}

TEST(PageListPaths, KeysAreLexicallyNormal) {
  EXPECT_EQ(PageListPathKey("./crawl/a.html"), "crawl/a.html");
  EXPECT_EQ(PageListPathKey("crawl//x/../a.html"), "crawl/a.html");
  EXPECT_EQ(PageListPathKey("/d/./a.html"), "/d/a.html");
  EXPECT_EQ(PageListPathKey("-"), "-");
}

TEST(PageListPaths, TwoSpellingsOfOnePathAreListedTwice) {
  std::vector<PageListEntry> pages = {{"u1", "crawl/a.html", 0, "l:1"},
                                      {"u2", "crawl/b.html", 0, "l:2"},
                                      {"u3", "./crawl/a.html", 0, "m:7"}};
  const Status s = CheckPageListUnique(pages);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "m:7: ./crawl/a.html listed twice (also at l:1)");
  pages.pop_back();
  EXPECT_TRUE(CheckPageListUnique(pages).ok());
}

}  // namespace
}  // namespace libdiff
