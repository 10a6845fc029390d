// Copyright 2026 The libdiff Authors.
//
// `libdiff diff` run as the built binary: revisions read from a store
// (URL@REV, URL@latest, URL), mixed with files, and the exit statuses.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

#include "run_libdiff.h"
#include "store/temp_dir.h"

namespace libdiff {
namespace {

const std::string kDemo = LIBDIFF_SAMPLES_DIR "/pages/demo";
const std::string kStormUrl = "https://www.coastalherald.example/news/2026/11/28/storm-kills-coast";

class DiffCommandStore : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(test::LibdiffBinary())) {
      GTEST_SKIP() << test::LibdiffBinary() << " is not built";
    }
    store_ = tmp_.path() + "/store";
    // Revision 1 is the first version of the storm article, revision 2 its update.
    for (const char* page : {"a-storm.html", "a-storm-updated.html"}) {
      test::CommandRun r = test::RunLibdiff("ingest --store " + store_ + " --url " + kStormUrl +
                                            " " + kDemo + "/" + page);
      ASSERT_EQ(r.status, 0) << r.err;
    }
  }

  test::CommandRun Diff(const std::string& args) {
    return test::RunLibdiff("diff --store " + store_ + " --no-color " + args);
  }

  testing::TempDir tmp_;
  std::string store_;
};

TEST_F(DiffCommandStore, TwoRevisionsShowTheChangedWords) {
  test::CommandRun r = Diff(kStormUrl + "@1 " + kStormUrl + "@2");
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_NE(r.out.find("title: Storm kills [-10-]{+14+} on the coast"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("At least [-10-]{+14+} people died"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("opened in [-three-]{+five+} towns"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("{+Two people remain missing.+}"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("\x1b["), std::string::npos);  // --no-color
}

TEST_F(DiffCommandStore, SameRevisionIsNoChange) {
  test::CommandRun r = Diff(kStormUrl + "@1 " + kStormUrl + "@1");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.find("[-"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("{+"), std::string::npos) << r.out;
}

TEST_F(DiffCommandStore, UrlAloneAndLatestMeanTheNewestRevision) {
  test::CommandRun two = Diff("--format json " + kStormUrl + "@2 " + kStormUrl);
  EXPECT_EQ(two.status, 0) << two.err;
  test::CommandRun latest = Diff("--format json " + kStormUrl + "@1 " + kStormUrl + "@latest");
  EXPECT_EQ(latest.status, 1) << latest.err;
  // The labels name what was read.
  const nlohmann::json j = nlohmann::json::parse(latest.out);
  EXPECT_EQ(j["old_label"], kStormUrl + "@1");
  EXPECT_EQ(j["new_label"], kStormUrl + "@latest");
  EXPECT_TRUE(j["changed"].get<bool>());
  // A tracking parameter does not change the article (the store normalises URLs).
  EXPECT_EQ(Diff(kStormUrl + "?utm_source=x@2 " + kStormUrl).status, 0);
}

TEST_F(DiffCommandStore, MixesRevisionsWithFiles) {
  // The stored revision 1 is what the first page extracts to.
  test::CommandRun same = Diff(kDemo + "/a-storm.html " + kStormUrl + "@1");
  EXPECT_EQ(same.status, 0) << same.err << same.out;
  test::CommandRun changed = Diff(kStormUrl + "@1 " + kDemo + "/a-storm-updated.html");
  EXPECT_EQ(changed.status, 1) << changed.err;
  EXPECT_NE(changed.out.find("opened in [-three-]{+five+} towns"), std::string::npos)
      << changed.out;
}

TEST_F(DiffCommandStore, MissingRevisionIsTroubleWithAClearMessage) {
  test::CommandRun r = Diff(kStormUrl + "@1 " + kStormUrl + "@7");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "libdiff: store " + store_ + ": " + kStormUrl +
                       " has no revision 7 (its revisions: 1, 2)\n");
}

TEST_F(DiffCommandStore, UnknownUrlBadRevisionAndMissingStoreAreTrouble) {
  test::CommandRun unknown = Diff("https://elsewhere.example/story@1 " + kStormUrl);
  EXPECT_EQ(unknown.status, 2);
  EXPECT_NE(unknown.err.find("https://elsewhere.example/story: not in the store"),
            std::string::npos)
      << unknown.err;
  test::CommandRun zero = Diff(kStormUrl + "@0 " + kStormUrl);
  EXPECT_EQ(zero.status, 2);
  EXPECT_NE(zero.err.find("revisions are numbered from 1"), std::string::npos) << zero.err;
  test::CommandRun no_store = test::RunLibdiff("diff --store " + tmp_.path() + "/none " +
                                               kStormUrl + "@1 " + kStormUrl + "@2");
  EXPECT_EQ(no_store.status, 2);
  EXPECT_NE(no_store.err.find(tmp_.path() + "/none"), std::string::npos) << no_store.err;
  EXPECT_FALSE(std::filesystem::exists(tmp_.path() + "/none"));  // read-only: nothing created
}

TEST_F(DiffCommandStore, AnAtInsideTheUrlIsPartOfIt) {
  // "@someone/story" is no revision: the whole argument is the URL (latest).
  test::CommandRun r = Diff("https://blog.example/@someone/story " + kStormUrl);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("https://blog.example/@someone/story: not in the store"), std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace libdiff
