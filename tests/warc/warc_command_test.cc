// Copyright 2026 The libdiff Authors.
//
// ingest/check/extract --warc and dedupe over WARC files, run as the built
// binary over hand-written WARCs.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "run_libdiff.h"
#include "store/temp_dir.h"
#include "warc/warc_fixtures.h"

namespace libdiff {
namespace {

using test::Gzip;
using test::HtmlResponse;
using test::kArticleHtml;
using test::RunLibdiff;
using test::WarcRecordBytes;
using dedupe_test::WriteFile;

std::vector<nlohmann::json> JsonLines(const std::string& out) {
  std::vector<nlohmann::json> v;
  for (const std::string& line : test::OutputLines(out)) v.push_back(nlohmann::json::parse(line));
  return v;
}

const std::string kOtherHtml =
    "<html><head><title>Library extends opening hours</title></head><body><article>"
    "<p>The central library will open until nine in the evening from next month, the council "
    "announced, after a consultation in which most readers asked for later hours.</p>"
    "<p>Staff numbers will rise by six and the reading rooms will be repainted over the "
    "summer, when visits usually fall by a third.</p></article></body></html>";

class WarcCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(test::LibdiffBinary())) GTEST_SKIP() << "libdiff is not built";
    first_ = Gzip(WarcRecordBytes("warcinfo", "", "application/warc-fields", "software: t\r\n"));
    second_ = Gzip(HtmlResponse("http://a.example/story", kArticleHtml));
    std::string data = first_ + second_;
    data += Gzip(HtmlResponse("http://b.example/library", kOtherHtml));
    data += Gzip(WarcRecordBytes(
        "revisit", "<http://a.example/story>", "application/http;msgtype=response",
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n",
        "WARC-Refers-To-Target-URI: <http://a.example/story>\r\n"
        "WARC-Refers-To-Date: 2026-11-28T04:00:00Z\r\n"));
    data += Gzip(HtmlResponse("http://c.example/copy", kArticleHtml));
    warc_ = dir_.path() + "/crawl.warc.gz";
    WriteFile(warc_, data);
    store_ = dir_.path() + "/store";
  }

  testing::TempDir dir_;
  std::string first_, second_;
  std::string warc_, store_;
};

TEST_F(WarcCommandTest, IngestFilesRecordsInArchiveOrder) {
  test::CommandRun r = RunLibdiff("ingest --store " + store_ + " --warc " + warc_);
  ASSERT_EQ(r.status, 0) << r.err;
  auto lines = JsonLines(r.out);
  ASSERT_EQ(lines.size(), 4u) << r.out;
  EXPECT_EQ(lines[0]["url"], "http://a.example/story");
  EXPECT_EQ(lines[0]["verdict"], "new");
  EXPECT_EQ(lines[0]["warc"], warc_);
  EXPECT_EQ(lines[0]["offset"], first_.size());
  EXPECT_EQ(lines[1]["url"], "http://b.example/library");
  EXPECT_EQ(lines[2]["verdict"], "revisit");
  EXPECT_EQ(lines[2]["refers_to"], "http://a.example/story");
  EXPECT_EQ(lines[3]["url"], "http://c.example/copy");
  EXPECT_EQ(lines[3]["verdict"], "duplicate");
  EXPECT_EQ(lines[3]["of"], "http://a.example/story");
  EXPECT_NE(r.err.find("1 revisits"), std::string::npos) << r.err;

  // check over the same WARC: the pages are known now.
  test::CommandRun c = RunLibdiff("check --store " + store_ + " --warc " + warc_);
  ASSERT_EQ(c.status, 0) << c.err;
  auto checked = JsonLines(c.out);
  ASSERT_EQ(checked.size(), 4u);
  EXPECT_EQ(checked[0]["verdict"], "unchanged");
  EXPECT_EQ(checked[0]["offset"], first_.size());
}

TEST_F(WarcCommandTest, DamagedWarcKeepsEarlierRecordsAndFails) {
  std::string data = first_ + second_;
  const std::string third = Gzip(HtmlResponse("http://b.example/library", kOtherHtml));
  data += third.substr(0, third.size() - 20);
  const std::string cut = dir_.path() + "/cut.warc.gz";
  WriteFile(cut, data);
  test::CommandRun r = RunLibdiff("ingest --store " + store_ + " --warc " + cut);
  EXPECT_EQ(r.status, 2);
  auto lines = JsonLines(r.out);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["url"], "http://a.example/story");
  EXPECT_NE(r.err.find("gzip member at offset " + std::to_string(first_.size() + second_.size())),
            std::string::npos)
      << r.err;
}

TEST_F(WarcCommandTest, ExtractPrintsOneLinePerHtmlRecord) {
  test::CommandRun r = RunLibdiff("extract --warc " + warc_);
  ASSERT_EQ(r.status, 0) << r.err;
  auto lines = JsonLines(r.out);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0]["url"], "http://a.example/story");
  EXPECT_EQ(lines[0]["offset"], first_.size());
  EXPECT_EQ(lines[0]["title"], "Harbour bridge reopens");
  EXPECT_EQ(lines[2]["url"], "http://c.example/copy");
}

TEST_F(WarcCommandTest, DedupeNamesMembersFileHashOffset) {
  const std::string corpus = dir_.path() + "/corpus";
  std::filesystem::create_directories(corpus);
  std::filesystem::copy_file(warc_, corpus + "/crawl.warc.gz");
  WriteFile(corpus + "/loose.html", kOtherHtml);
  test::CommandRun r = RunLibdiff("dedupe --no-progress --threads 2 " + corpus);
  ASSERT_EQ(r.status, 0) << r.err;
  auto clusters = JsonLines(r.out);
  ASSERT_EQ(clusters.size(), 2u) << r.out;
  // Clusters in representative path order: the WARC's members come first.
  const nlohmann::json& story = clusters[0];
  EXPECT_EQ(story["representative"]["path"], "crawl.warc.gz#" + std::to_string(first_.size()));
  EXPECT_EQ(story["representative"]["url"], "http://a.example/story");
  ASSERT_EQ(story["members"].size(), 1u);
  EXPECT_EQ(story["members"][0]["url"], "http://c.example/copy");
  const nlohmann::json& library = clusters[1];
  EXPECT_EQ(library["members"][0]["path"], "loose.html");
  EXPECT_FALSE(library["members"][0].contains("url"));
  EXPECT_NE(r.err.find("revisit"), std::string::npos) << r.err;

  // One WARC file as the argument.
  test::CommandRun one = RunLibdiff("dedupe --no-progress " + warc_);
  ASSERT_EQ(one.status, 0) << one.err;
  auto c = JsonLines(one.out);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0]["representative"]["path"], warc_ + "#" + std::to_string(first_.size()));
}

TEST_F(WarcCommandTest, DedupeTakesSeveralWarcFilesAndDirectories) {
  // pages/ holds a loose copy of the library story and a WARC; more.warc.gz is
  // given on its own and holds another copy, so clusters cross the inputs.
  const std::string pages = dir_.path() + "/pages";
  std::filesystem::create_directories(pages);
  WriteFile(pages + "/loose.html", kOtherHtml);
  std::filesystem::copy_file(warc_, pages + "/inner.warc.gz");
  const std::string more = dir_.path() + "/more.warc.gz";
  const std::string library_copy = Gzip(HtmlResponse("http://d.example/library", kOtherHtml));
  WriteFile(more, first_ + library_copy);
  test::CommandRun r = RunLibdiff("dedupe --no-progress --threads 2 " + more + " " + pages + "/ " +
                                  warc_);
  ASSERT_EQ(r.status, 0) << r.err;
  auto clusters = JsonLines(r.out);
  ASSERT_EQ(clusters.size(), 2u) << r.out;
  // Paths start with their input as given; clusters come in representative
  // path order over all inputs (crawl.warc.gz < more.warc.gz < pages/).
  const std::string story_at = "#" + std::to_string(first_.size());
  EXPECT_EQ(clusters[0]["representative"]["path"], warc_ + story_at);
  EXPECT_EQ(clusters[0]["representative"]["url"], "http://a.example/story");
  EXPECT_EQ(clusters[0]["size"], 4) << r.out;  // two in crawl.warc.gz, two in pages/inner
  EXPECT_EQ(clusters[0]["members"][1]["path"], pages + "/inner.warc.gz" + story_at);
  const nlohmann::json& library = clusters[1];
  EXPECT_EQ(library["size"], 4) << r.out;
  std::vector<std::string> paths;
  for (const auto& m : library["members"]) paths.push_back(m["path"]);
  const std::vector<std::string> expected = {
      more + "#" + std::to_string(first_.size()),
      pages + "/inner.warc.gz#" + std::to_string(first_.size() + second_.size()),
      pages + "/loose.html"};
  EXPECT_EQ(paths, expected) << r.out;
  EXPECT_EQ(library["members"][0]["url"], "http://d.example/library");
  EXPECT_FALSE(library["members"][2].contains("url"));

  // The order of the inputs does not matter.
  test::CommandRun again = RunLibdiff("dedupe --no-progress --threads 1 " + warc_ + " " + pages +
                                      " " + more);
  ASSERT_EQ(again.status, 0) << again.err;
  EXPECT_EQ(again.out, r.out);

  // An input given twice, inside another, or missing is refused.
  test::CommandRun twice = RunLibdiff("dedupe --no-progress " + pages + " " + pages +
                                      "/inner.warc.gz");
  EXPECT_EQ(twice.status, 2);
  EXPECT_NE(twice.err.find("given twice"), std::string::npos) << twice.err;
  EXPECT_TRUE(twice.out.empty());
  test::CommandRun missing = RunLibdiff("dedupe --no-progress " + more + " " + dir_.path() +
                                        "/nope.warc.gz");
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.err.find("nope.warc.gz: no such file or directory"), std::string::npos)
      << missing.err;
}

}  // namespace
}  // namespace libdiff
