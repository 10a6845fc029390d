// Copyright 2026 The libdiff Authors.
//
// `libdiff dedupe`, run as the built binary over small generated corpora.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "corpus_util.h"
#include "run_libdiff.h"

namespace libdiff::dedupe_test {
namespace {

const std::string kBinary = LIBDIFF_BINARY_DIR "/tools/libdiff";

using test::CommandRun;

std::vector<std::string> Lines(const std::string& out) { return test::OutputLines(out); }

class DedupeCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(kBinary)) GTEST_SKIP() << kBinary << " is not built";
    corpus_ = root_.path() + "/corpus";
    // Story A on two sites (the copy later, with a dateline), story B alone,
    // one file that is not HTML, and a path that needs CSV quoting.
    Paragraphs a = MakeArticle(1, 9);
    Paragraphs copy = a;
    copy[0] = "LONDON (Wire) -- " + copy[0];
    WriteFile(corpus_ + "/alpha/a.html", MakeHtml("Storm", a, "2024-03-01T08:00:00Z", "Alpha"));
    WriteFile(corpus_ + "/beta/a,copy.html",
              MakeHtml("Storm", copy, "2024-03-01T11:30:00Z", "Beta"));
    WriteFile(corpus_ + "/beta/b.html",
              MakeHtml("Budget", MakeArticle(2, 9), "2024-03-02T08:00:00Z", "Beta"));
    WriteFile(corpus_ + "/logo.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  }
  CommandRun Run(const std::string& args) { return test::RunLibdiff(args); }

  TempDir root_;
  std::string corpus_;
};

TEST_F(DedupeCommandTest, JsonlHasOneSortedCompactLinePerCluster) {
  const CommandRun r = Run("dedupe " + corpus_ + " --threads 2");
  ASSERT_EQ(r.status, 0) << r.err;
  const std::vector<std::string> lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 1u) << r.out;
  const nlohmann::json c = nlohmann::json::parse(lines[0]);
  // Keys sorted, no spaces: the bytes python3 -m libdiff.dask_dedupe prints.
  EXPECT_EQ(c.dump(), lines[0]);
  EXPECT_EQ(c["cluster"], 1);
  EXPECT_EQ(c["size"], 2);
  EXPECT_EQ(c["representative"]["path"], "alpha/a.html");  // the earlier one
  EXPECT_EQ(c["representative"]["published"], "2024-03-01T08:00:00Z");
  ASSERT_EQ(c["members"].size(), 1u);
  const nlohmann::json& m = c["members"][0];
  EXPECT_EQ(m["path"], "beta/a,copy.html");
  EXPECT_FALSE(m["exact"].get<bool>());
  EXPECT_LE(m["distance"].get<int>(), 3);
  EXPECT_GT(m["similarity"].get<double>(), 0.7);
  EXPECT_LT(m["similarity"].get<double>(), 1.0);
  EXPECT_NE(r.err.find("dedupe: skipped logo.png: not html"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find('\r'), std::string::npos) << "no progress when stderr is not a terminal";
}

TEST_F(DedupeCommandTest, OutputDoesNotDependOnThreads) {
  const CommandRun one = Run("dedupe " + corpus_ + " --threads 1");
  const CommandRun two = Run("dedupe " + corpus_ + " --threads 2 --format jsonl");
  ASSERT_EQ(one.status, 0);
  EXPECT_FALSE(one.out.empty());
  EXPECT_EQ(one.out, two.out);
}

TEST_F(DedupeCommandTest, CsvHasAHeaderAndOneQuotedRowPerDocument) {
  const CommandRun r = Run("dedupe " + corpus_ + " --format csv");
  ASSERT_EQ(r.status, 0) << r.err;
  const std::vector<std::string> lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 3u) << r.out;
  EXPECT_EQ(lines[0], "cluster,role,path,distance,similarity,exact,published,body_bytes");
  EXPECT_EQ(lines[1].rfind("1,representative,alpha/a.html,0,1.000,false,2024-03-01T08:00:00Z,", 0),
            0u)
      << lines[1];
  EXPECT_EQ(lines[2].rfind("1,member,\"beta/a,copy.html\",", 0), 0u) << lines[2];
}

TEST_F(DedupeCommandTest, SummaryCountsDocumentsClustersAndSkips) {
  const CommandRun r = Run("dedupe " + corpus_ + " --format summary");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("documents   3 (of 4 files)\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("clusters    1\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("duplicates  1 (0 exact)\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("not html 1,"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("files/s"), std::string::npos) << r.out;
  EXPECT_TRUE(r.err.empty()) << "summary lists no skipped files: " << r.err;
}

TEST_F(DedupeCommandTest, ProgressOnRequestShowsRate) {
  const CommandRun r = Run("dedupe " + corpus_ + " --progress --format summary");
  ASSERT_EQ(r.status, 0);
  EXPECT_NE(r.err.find("\rdedupe: 4/4 files 100%"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("files/s"), std::string::npos) << r.err;
}

TEST_F(DedupeCommandTest, StoreRunsGiveTheSameClustersEveryTime) {
  const CommandRun plain = Run("dedupe " + corpus_);
  const std::string store = root_.path() + "/store";
  const CommandRun first = Run("dedupe " + corpus_ + " --store " + store);
  const CommandRun again = Run("dedupe " + corpus_ + " --store " + store);
  ASSERT_EQ(first.status, 0) << first.err;
  ASSERT_EQ(again.status, 0) << again.err;
  EXPECT_EQ(first.out, plain.out);
  EXPECT_EQ(again.out, plain.out);
  // The pages are in the store: one duplicate verdict, three articles.
  const CommandRun stats = Run("stats --store " + store);
  ASSERT_EQ(stats.status, 0) << stats.err;
  EXPECT_NE(stats.out.find("articles            3\n"), std::string::npos) << stats.out;
  EXPECT_NE(stats.out.find("duplicates          1\n"), std::string::npos) << stats.out;
}

TEST_F(DedupeCommandTest, BadArgumentsExitWithTwo) {
  const CommandRun missing = Run("dedupe " + root_.path() + "/nope");
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.err.find("no such file or directory"), std::string::npos) << missing.err;
  const CommandRun distance = Run("dedupe " + corpus_ + " --distance 9");
  EXPECT_NE(distance.status, 0);
  EXPECT_TRUE(distance.out.empty());
  const CommandRun format = Run("dedupe " + corpus_ + " --format xml");
  EXPECT_NE(format.status, 0);
}

TEST_F(DedupeCommandTest, ListedPagesAreNamedByPathAndCarryTheirUrls) {
  // Paths relative to the list's directory; the list's pages beside a
  // directory, two lists, a comment and a page that is gone (skipped, with
  // the list line named).
  const std::string lists = root_.path() + "/lists";
  WriteFile(lists + "/one.tsv",
            "# url\tpath\n"
            "https://alpha.example/2024/02/28/storm\t../corpus/alpha/a.html\n");
  WriteFile(lists + "/two.tsv",
            "https://beta.example/b\t../corpus/beta/b.html\t2024-03-02T09:00:00Z\n"
            "https://gone.example/x\tgone.html\n");
  WriteFile(root_.path() + "/more/c.html",
            MakeHtml("Budget", MakeArticle(2, 9), "", "Gamma"));
  const CommandRun r = Run("dedupe --no-progress --list " + lists + "/one.tsv --list " + lists +
                           "/two.tsv " + root_.path() + "/more");
  ASSERT_EQ(r.status, 0) << r.err;
  const std::vector<std::string> lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 1u) << r.out;
  const nlohmann::json c = nlohmann::json::parse(lines[0]);
  EXPECT_EQ(c["representative"]["path"], lists + "/../corpus/beta/b.html");
  EXPECT_EQ(c["representative"]["url"], "https://beta.example/b");
  ASSERT_EQ(c["members"].size(), 1u);
  EXPECT_EQ(c["members"][0]["path"], root_.path() + "/more/c.html");
  EXPECT_EQ(c["members"][0].count("url"), 0u);
  EXPECT_NE(r.err.find("dedupe: skipped " + lists + "/gone.html (" + lists +
                       "/two.tsv:2): unreadable: "),
            std::string::npos)
      << r.err;
  // Listed with a dated URL, the undated copy is extracted with that date
  // and represents (it is the earlier).
  WriteFile(lists + "/three.tsv",
            "https://gamma.example/2024/03/01/budget\t../more/c.html\n");
  const CommandRun dated = Run("dedupe --no-progress --format csv --list " + lists +
                               "/three.tsv " + corpus_ + "/beta");
  ASSERT_EQ(dated.status, 0) << dated.err;
  EXPECT_NE(dated.out.find("1,representative," + lists +
                           "/../more/c.html,0,1.000,false,2024-03-01T00:00:00Z,"),
            std::string::npos)
      << dated.out;
}

TEST_F(DedupeCommandTest, ListsFileTheirPagesUnderTheirUrls) {
  const std::string list = root_.path() + "/pages.tsv";
  WriteFile(list, "https://alpha.example/storm\tcorpus/alpha/a.html\n"
                  "https://beta.example/budget\tcorpus/beta/b.html\n");
  const std::string store = root_.path() + "/store";
  const CommandRun r = Run("dedupe --no-progress --list " + list + " --store " + store);
  ASSERT_EQ(r.status, 0) << r.err;
  const CommandRun history = Run("history --store " + store + " https://alpha.example/storm");
  EXPECT_EQ(history.status, 0) << history.err;
  const CommandRun unlisted =
      Run("history --store " + store + " https://dedupe.invalid/" + root_.path() +
          "/corpus/alpha/a.html");
  EXPECT_NE(unlisted.status, 0) << unlisted.out;
}

TEST_F(DedupeCommandTest, BadListsExitWithTwoNamingTheLine) {
  const std::string list = root_.path() + "/bad.tsv";
  WriteFile(list, "# pages\nhttps://alpha.example/a\tcorpus/alpha/a.html\njust-a-url\n");
  const CommandRun bad = Run("dedupe --no-progress --list " + list + " " + corpus_);
  EXPECT_EQ(bad.status, 2);
  EXPECT_TRUE(bad.out.empty()) << bad.out;
  EXPECT_NE(bad.err.find(list + ":3: expected url<TAB>path"), std::string::npos) << bad.err;
  const CommandRun missing = Run("dedupe --no-progress --list " + root_.path() + "/none.tsv");
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.err.find("none.tsv"), std::string::npos) << missing.err;
  const CommandRun nothing = Run("dedupe --no-progress");
  EXPECT_EQ(nothing.status, 2);
  EXPECT_NE(nothing.err.find("no input given"), std::string::npos) << nothing.err;
  WriteFile(list, "https://alpha.example/a\tcorpus/alpha/a.html\n"
                  "https://beta.example/b\tcorpus/beta/b.html\n"
                  "https://alpha.example/a-again\tcorpus/alpha/a.html\n");
  const CommandRun twice = Run("dedupe --no-progress --list " + list);
  EXPECT_EQ(twice.status, 2);
  EXPECT_NE(twice.err.find(list + ":3: " + root_.path() + "/corpus/alpha/a.html listed twice "
                           "(also at " + list + ":1)"),
            std::string::npos)
      << twice.err;
  // Two spellings of one path are one file: caught before the library sees them.
  WriteFile(list, "https://alpha.example/a\tcorpus/alpha/a.html\n"
                  "https://alpha.example/a-again\t./corpus/beta/../alpha/a.html\n");
  const CommandRun spelt = Run("dedupe --no-progress --list " + list);
  EXPECT_EQ(spelt.status, 2);
  EXPECT_EQ(spelt.err, "libdiff: " + list + ":2: " + root_.path() +
                           "/./corpus/beta/../alpha/a.html listed twice (also at " + list +
                           ":1)\n");
  WriteFile(list, "https://alpha.example/a\tcorpus/alpha/a.html\n");
  const CommandRun inside = Run("dedupe --no-progress --list " + list + " " + corpus_);
  EXPECT_EQ(inside.status, 2);
  EXPECT_NE(inside.err.find("given twice"), std::string::npos) << inside.err;
}

}  // namespace
}  // namespace libdiff::dedupe_test
