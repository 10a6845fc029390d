// Copyright 2026 The libdiff Authors.
//
// The store commands, run as the built binary over the demo pages.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "run_libdiff.h"
#include "store/temp_dir.h"

namespace libdiff {
namespace {

const std::string kBinary = LIBDIFF_BINARY_DIR "/tools/libdiff";
const std::string kDemo = LIBDIFF_SAMPLES_DIR "/pages/demo";
const std::string kStormUrl = "https://www.coastalherald.example/news/2026/11/28/storm-kills-coast";

using test::CommandRun;

CommandRun Exec(const std::string& args) { return test::RunLibdiff(args); }

std::vector<nlohmann::json> Lines(const std::string& out) {
  std::vector<nlohmann::json> v;
  for (const std::string& line : test::OutputLines(out)) v.push_back(nlohmann::json::parse(line));
  return v;
}

class CommandsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(kBinary)) GTEST_SKIP() << kBinary << " is not built";
    store_ = "--store " + tmp_.path() + "/s ";
  }
  testing::TempDir tmp_;
  std::string store_;
};

TEST_F(CommandsTest, IngestDemoListGivesEveryVerdict) {
  CommandRun r = Exec("ingest " + store_ + "--list " + kDemo + "/list.tsv");
  ASSERT_EQ(r.status, 0) << r.out;
  auto v = Lines(r.out);
  ASSERT_EQ(v.size(), 5u) << r.out;
  EXPECT_EQ(v[0]["verdict"], "new");
  EXPECT_EQ(v[1]["verdict"], "updated");
  EXPECT_EQ(v[1]["revision"], 2);
  EXPECT_TRUE(v[1]["changes"]["title_changed"].get<bool>());
  EXPECT_GE(v[1]["changes"]["paragraphs_changed"].get<int>(), 1);
  EXPECT_EQ(v[2]["verdict"], "unchanged");
  EXPECT_EQ(v[2]["article"], v[0]["article"]);
  EXPECT_EQ(v[3]["verdict"], "duplicate");
  EXPECT_EQ(v[3]["of"], kStormUrl);
  EXPECT_TRUE(v[3]["cross_site"].get<bool>());
  EXPECT_LE(v[3]["distance"].get<int>(), 3);
  EXPECT_GT(v[3]["similarity"].get<double>(), 0.5);
  EXPECT_GT(v[3]["containment"].get<double>(), 0.8);
  EXPECT_EQ(v[4]["verdict"], "new");
  EXPECT_NE(v[4]["article"], v[0]["article"]);

  CommandRun stats = Exec("stats --json " + store_);
  ASSERT_EQ(stats.status, 0);
  auto s = nlohmann::json::parse(stats.out);
  EXPECT_EQ(s["articles"], 3);
  EXPECT_EQ(s["revisions"], 4);
  EXPECT_EQ(s["duplicates"], 1);
  EXPECT_GT(s["bytes_per_revision"].get<double>(), 0);

  CommandRun show1 = Exec("show " + store_ + kStormUrl + "@1");
  ASSERT_EQ(show1.status, 0);
  EXPECT_NE(show1.out.find("At least 10 people died"), std::string::npos) << show1.out;
  CommandRun show = Exec("show " + store_ + kStormUrl + "?utm_source=x");
  EXPECT_NE(show.out.find("At least 14 people died"), std::string::npos) << show.out;

  CommandRun h = Exec("history " + store_ + kStormUrl);
  ASSERT_EQ(h.status, 0);
  auto hist = nlohmann::json::parse(h.out);
  ASSERT_EQ(hist["revisions"].size(), 2u);
  EXPECT_EQ(hist["revisions"][0]["stored"], "keyframe");
  EXPECT_EQ(hist["revisions"][1]["stored"], "delta");
}

TEST_F(CommandsTest, ExtractListGivesEachPageItsUrl) {
  // The demo list's paths are relative to the list: each page is read from
  // beside it and extracted with the URL of its own line.
  CommandRun r = Exec("extract --format jsonl --list " + kDemo + "/list.tsv");
  ASSERT_EQ(r.status, 0) << r.err;
  auto v = Lines(r.out);
  ASSERT_EQ(v.size(), 5u) << r.out;
  EXPECT_EQ(v[0]["url"], kStormUrl);
  EXPECT_EQ(v[0]["path"], kDemo + "/a-storm.html");
  EXPECT_EQ(v[3]["url"], "https://www.dailyledger.example/world/deadly-storm-hits-northern-coast");
  EXPECT_EQ(v[3]["path"], kDemo + "/b-storm-wire.html");
  EXPECT_EQ(v[4]["url"],
            "https://www.coastalherald.example/news/2026/11/28/council-approves-budget");
  for (const auto& j : v) EXPECT_FALSE(j["text"].get<std::string>().empty()) << j["path"];
}

TEST_F(CommandsTest, ExtractTakesFilesOrListOrWarc) {
  CommandRun r = Exec("extract --list " + kDemo + "/list.tsv --warc " + kDemo + "/x.warc");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("not both"), std::string::npos) << r.err;
  r = Exec("extract");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--list"), std::string::npos) << r.err;
}

TEST_F(CommandsTest, CheckDoesNotWrite) {
  ASSERT_EQ(Exec("ingest " + store_ + "--url " + kStormUrl + " " + kDemo + "/a-storm.html").status,
            0);
  CommandRun c =
      Exec("check " + store_ + "--url " + kStormUrl + " " + kDemo + "/a-storm-updated.html");
  ASSERT_EQ(c.status, 0);
  EXPECT_EQ(Lines(c.out).at(0)["verdict"], "updated");
  CommandRun again =
      Exec("check " + store_ + "--url " + kStormUrl + " " + kDemo + "/a-storm-updated.html");
  EXPECT_EQ(Lines(again.out).at(0)["verdict"], "updated");
  EXPECT_EQ(nlohmann::json::parse(Exec("stats --json " + store_).out)["revisions"], 1);
}

TEST_F(CommandsTest, PruneAndCompact) {
  Exec("ingest " + store_ + "--url " + kStormUrl + " " + kDemo + "/a-storm.html " + kDemo +
       "/a-storm-updated.html");
  CommandRun p = Exec("prune " + store_ + "--keep 1");
  ASSERT_EQ(p.status, 0);
  EXPECT_EQ(nlohmann::json::parse(p.out)["revisions_removed"], 1);
  CommandRun c = Exec("compact " + store_);
  ASSERT_EQ(c.status, 0);
  auto j = nlohmann::json::parse(c.out);
  EXPECT_LE(j["bytes_after"].get<uint64_t>(), j["bytes_before"].get<uint64_t>());
  EXPECT_NE(Exec("show " + store_ + kStormUrl).out.find("14 people"), std::string::npos);
  EXPECT_EQ(Exec("show " + store_ + kStormUrl + "@1").status, 2);
}

TEST_F(CommandsTest, ErrorsExitWithTwo) {
  EXPECT_EQ(Exec("ingest " + store_ + kDemo + "/a-storm.html").status, 2);  // no --url
  EXPECT_EQ(Exec("ingest " + store_ + "--url notaurl " + kDemo + "/a-storm.html").status, 2);
  EXPECT_EQ(Exec("ingest " + store_ + "--url " + kStormUrl + " /no/such/file.html").status, 2);
  EXPECT_EQ(Exec("stats --store " + tmp_.path() + "/missing").status, 2);
  EXPECT_EQ(Exec("history " + store_ + "https://unknown.example/x").status, 2);
}

TEST_F(CommandsTest, StoreDefaultsToEnvironmentVariable) {
  const std::string dir = tmp_.path() + "/env-store";
  setenv("LIBDIFF_STORE", dir.c_str(), 1);
  CommandRun i = Exec("ingest --url " + kStormUrl + " " + kDemo + "/a-storm.html");
  unsetenv("LIBDIFF_STORE");
  ASSERT_EQ(i.status, 0);
  EXPECT_TRUE(std::filesystem::exists(dir + "/data.mdb"));
}

}  // namespace
}  // namespace libdiff
