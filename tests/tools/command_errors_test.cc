// Copyright 2026 The libdiff Authors.
//
// The command-line tools' error lines, run as the built binary: a file that
// cannot be read is named once, in "libdiff: <path>: <reason>", by every
// subcommand that reads files.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "run_libdiff.h"
#include "store/temp_dir.h"

namespace libdiff {
namespace {

using test::CommandRun;

class CommandErrorsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(test::LibdiffBinary())) {
      GTEST_SKIP() << test::LibdiffBinary() << " is not built";
    }
    missing_ = tmp_.path() + "/nonexist.html";
    page_ = LIBDIFF_SAMPLES_DIR "/pages/demo/a-storm.html";
    ASSERT_TRUE(std::filesystem::exists(page_)) << page_;
  }

  // Runs `libdiff <args>` and expects exit status 2 and exactly one line
  // naming the missing file once.
  void ExpectMissingFileNamedOnce(const std::string& args) {
    CommandRun r = test::RunLibdiff(args);
    EXPECT_EQ(r.status, 2) << args;
    EXPECT_EQ(r.err, "libdiff: " + missing_ + ": No such file or directory\n") << args;
  }

  // Writes a page list into the temporary directory; returns its path.
  std::string WriteList(const std::string& content) {
    const std::string list = tmp_.path() + "/list.tsv";
    FILE* f = std::fopen(list.c_str(), "w");
    EXPECT_NE(f, nullptr) << list;
    if (f != nullptr) {
      std::fwrite(content.data(), 1, content.size(), f);
      std::fclose(f);
    }
    return list;
  }

  testing::TempDir tmp_;
  std::string missing_;
  std::string page_;
};

TEST_F(CommandErrorsTest, ExtractNamesAMissingFileOnce) {
  ExpectMissingFileNamedOnce("extract " + missing_);
}

TEST_F(CommandErrorsTest, FingerprintNamesAMissingFileOnce) {
  ExpectMissingFileNamedOnce("fingerprint " + missing_);
}

TEST_F(CommandErrorsTest, CompareNamesAMissingFileOnce) {
  ExpectMissingFileNamedOnce("compare " + page_ + " " + missing_);
}

TEST_F(CommandErrorsTest, DiffNamesAMissingFileOnce) {
  ExpectMissingFileNamedOnce("diff " + page_ + " " + missing_);
}

TEST_F(CommandErrorsTest, IngestNamesAMissingFileOnce) {
  ExpectMissingFileNamedOnce("ingest --store " + tmp_.path() + "/s --url https://a.example/x " +
                             missing_);
}

TEST_F(CommandErrorsTest, CheckNamesAMissingFileOnce) {
  // check opens the store read-only: make it first.
  ASSERT_EQ(test::RunLibdiff("ingest --store " + tmp_.path() + "/s --url https://a.example/x " +
                             page_).status, 0);
  ExpectMissingFileNamedOnce("check --store " + tmp_.path() + "/s --url https://a.example/x " +
                             missing_);
}

TEST_F(CommandErrorsTest, IngestListLineAddsWhereTheFileWasListed) {
  // A page list names the list line first, then the file once.
  const std::string list = WriteList("https://a.example/x\t" + missing_ + "\n");
  CommandRun r = test::RunLibdiff("ingest --store " + tmp_.path() + "/s --list " + list);
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "libdiff: " + list + ":1: " + missing_ + ": No such file or directory\n");
}

TEST_F(CommandErrorsTest, ExtractListLineAddsWhereTheFileWasListed) {
  const std::string list = WriteList("# pages\nhttps://a.example/x\t" + missing_ + "\n");
  CommandRun r = test::RunLibdiff("extract --list " + list);
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "libdiff: " + list + ":2: " + missing_ + ": No such file or directory\n");
}

TEST_F(CommandErrorsTest, ExtractOfAMissingWarcNamesItOnce) {
  ExpectMissingFileNamedOnce("extract --warc " + missing_);
}

}  // namespace
}  // namespace libdiff
