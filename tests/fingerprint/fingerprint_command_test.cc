// Copyright 2026 The libdiff Authors.
//
// Runs the built `libdiff fingerprint` and `libdiff compare` on the sample texts.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <algorithm>
#include <sstream>
#include <string>

#include "libdiff/fingerprint.h"
#include "run_libdiff.h"

namespace libdiff {
namespace {

const std::string kBinary = LIBDIFF_BINARY_DIR "/tools/libdiff";
const std::string kTexts = LIBDIFF_SAMPLES_DIR "/texts/";

using test::RunLibdiff;
using RunResult = test::CommandRun;

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class FingerprintCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(kBinary)) GTEST_SKIP() << "libdiff binary not built: " << kBinary;
  }
};

TEST_F(FingerprintCommand, PrintsOneLinePerFile) {
  const RunResult r =
      RunLibdiff("fingerprint " + kTexts + "original.txt " + kTexts + "updated.txt");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "");
  // Each line: <16 hex>  <32 hex>  tokens=N shingles=N paragraphs=N  <path>
  const auto is_hex = [](const std::string& s) {
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
  };
  std::istringstream lines(r.out);
  std::string l;
  int count = 0;
  while (std::getline(lines, l)) {
    ASSERT_GT(l.size(), 52u) << l;
    EXPECT_TRUE(is_hex(l.substr(0, 16))) << l;
    EXPECT_EQ(l.substr(16, 2), "  ") << l;
    EXPECT_TRUE(is_hex(l.substr(18, 32))) << l;
    unsigned long long tokens = 0, shingles = 0, paragraphs = 0;
    EXPECT_EQ(std::sscanf(l.c_str() + 50, "  tokens=%llu shingles=%llu paragraphs=%llu", &tokens,
                          &shingles, &paragraphs),
              3)
        << l;
    EXPECT_GT(tokens, 500u);
    EXPECT_GT(paragraphs, 10u);
    ++count;
  }
  EXPECT_EQ(count, 2);
  EXPECT_NE(r.out.find("original.txt\n"), std::string::npos);
}

TEST_F(FingerprintCommand, JsonMatchesTheLibrary) {
  const RunResult r = RunLibdiff("fingerprint --format json " + kTexts + "original.txt");
  ASSERT_EQ(r.status, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j.size(), 1u);
  const Fingerprint fp = FingerprintText(ReadAll(kTexts + "original.txt"));
  char simhash[17];
  std::snprintf(simhash, sizeof simhash, "%016llx", static_cast<unsigned long long>(fp.simhash));
  EXPECT_EQ(j[0]["simhash"], simhash);
  EXPECT_EQ(j[0]["exact"], fp.exact.ToHex());
  EXPECT_EQ(j[0]["tokens"], fp.token_count);
  EXPECT_EQ(j[0]["shingles"], fp.shingle_count);
  EXPECT_EQ(j[0]["paragraphs"], fp.paragraph_hashes.size());
  EXPECT_EQ(j[0]["input"], "text");
  EXPECT_EQ(j[0]["algorithm_version"], 1);
}

TEST_F(FingerprintCommand, DashReadsStandardInput) {
  const RunResult from_file = RunLibdiff("fingerprint " + kTexts + "unrelated.txt");
  const RunResult from_stdin = RunLibdiff("fingerprint -", kTexts + "unrelated.txt");
  ASSERT_EQ(from_stdin.status, 0) << from_stdin.err;
  EXPECT_EQ(from_file.out.substr(0, 50), from_stdin.out.substr(0, 50));
  EXPECT_NE(from_stdin.out.find("  -\n"), std::string::npos);
}

TEST_F(FingerprintCommand, MissingFileExitsTwoNamingThePath) {
  const RunResult r = RunLibdiff("fingerprint /nonexistent/libdiff/article.txt");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("/nonexistent/libdiff/article.txt"), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

TEST_F(FingerprintCommand, BinaryFileIsRefused) {
  const auto path = std::filesystem::temp_directory_path() / "libdiff_fp_binary.bin";
  {
    std::ofstream out(path, std::ios::binary);
    out << std::string("\x7F" "ELF\0\0\x01", 7);
  }
  const RunResult r = RunLibdiff("fingerprint " + path.string());
  std::filesystem::remove(path);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("binary"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(path.string()), std::string::npos) << r.err;
}

TEST_F(FingerprintCommand, CompareRanksTheUpdateCloserThanTheUnrelatedArticle) {
  const RunResult updated =
      RunLibdiff("compare --format json " + kTexts + "original.txt " + kTexts + "updated.txt");
  const RunResult unrelated =
      RunLibdiff("compare --format json " + kTexts + "original.txt " + kTexts + "unrelated.txt");
  ASSERT_EQ(updated.status, 0) << updated.err;
  ASSERT_EQ(unrelated.status, 0) << unrelated.err;
  const nlohmann::json u = nlohmann::json::parse(updated.out);
  const nlohmann::json x = nlohmann::json::parse(unrelated.out);
  EXPECT_LT(u["distance"].get<int>(), x["distance"].get<int>());
  EXPECT_GT(u["similarity"].get<double>(), x["similarity"].get<double>());
  EXPECT_FALSE(u["exact_match"].get<bool>());
  EXPECT_GT(u["shared_paragraphs"].get<int>(), 0);
  EXPECT_EQ(x["shared_paragraphs"].get<int>(), 0);
}

TEST_F(FingerprintCommand, CompareOfAFileWithItselfIsAnExactMatch) {
  const RunResult r = RunLibdiff("compare " + kTexts + "original.txt " + kTexts + "original.txt");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("distance: 0 of 64 bits"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("similarity: 1.000"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("exact match: yes"), std::string::npos) << r.out;
}

TEST_F(FingerprintCommand, CompareWithAMissingFileExitsTwo) {
  const RunResult r = RunLibdiff("compare " + kTexts + "original.txt /nonexistent/b.txt");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("/nonexistent/b.txt"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST_F(FingerprintCommand, HtmlPagesAreFingerprintedByTheirArticle) {
  // The original article as a web page with navigation and a footer around it.
  const std::string text = ReadAll(kTexts + "original.txt");
  std::string html =
      "<!DOCTYPE html><html><head><title>Floods</title></head><body>"
      "<nav><a href='/'>Home</a> <a href='/world'>World</a> "
      "<a href='/sport'>Sport</a></nav><article>";
  std::istringstream paragraphs(text);
  std::string p;
  while (std::getline(paragraphs, p)) {
    if (!p.empty()) html += "<p>" + p + "</p>\n";
  }
  html +=
      "</article><footer>Copyright 2026 Example News. All rights reserved.</footer></body></html>";
  const auto path = std::filesystem::temp_directory_path() / "libdiff_fp_page.html";
  { std::ofstream(path, std::ios::binary) << html; }

  const RunResult fp = RunLibdiff("fingerprint --format json " + path.string());
  ASSERT_EQ(fp.status, 0) << fp.err;
  EXPECT_EQ(nlohmann::json::parse(fp.out)[0]["input"], "html");
  const RunResult as_text = RunLibdiff("fingerprint --text --format json " + path.string());
  EXPECT_EQ(nlohmann::json::parse(as_text.out)[0]["input"], "text");

  const RunResult same =
      RunLibdiff("compare --format json " + path.string() + " " + kTexts + "original.txt");
  const RunResult other =
      RunLibdiff("compare --format json " + path.string() + " " + kTexts + "unrelated.txt");
  std::filesystem::remove(path);
  ASSERT_EQ(same.status, 0) << same.err;
  const int d_same = nlohmann::json::parse(same.out)["distance"].get<int>();
  const int d_other = nlohmann::json::parse(other.out)["distance"].get<int>();
  EXPECT_LE(d_same, 10);
  EXPECT_LT(d_same, d_other);
}

TEST_F(FingerprintCommand, HelpListsTheOptions) {
  const RunResult r = RunLibdiff("fingerprint --help");
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("--format"), std::string::npos);
  EXPECT_NE(r.out.find("--shingle-size"), std::string::npos);
}

}  // namespace
}  // namespace libdiff
