// Copyright 2026 The libdiff Authors.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>

#include "libdiff/diff.h"

namespace libdiff {
namespace {

ArticleDiff Sample() {
  Article a, b;
  a.title = "Storm hits coast";
  b.title = "Storm hits coast, 3 dead";
  a.blocks = {{BlockKind::kParagraph, "The storm arrived at night. Winds reached 120 km/h."},
              {BlockKind::kParagraph, "Schools are closed."},
              {BlockKind::kParagraph, "Residents <fled> inland."}};
  b.blocks = {{BlockKind::kParagraph, "The storm arrived at night. Winds reached 140 km/h."},
              {BlockKind::kParagraph, "Residents <fled> inland."},
              {BlockKind::kParagraph, "Three people died, police said."}};
  Result<ArticleDiff> d = DiffArticles(a, b, DiffOptions());
  EXPECT_TRUE(d.ok());
  return *std::move(d);
}

TEST(RenderDiff, WordFormatUsesGitMarkers) {
  std::string out = RenderDiff(Sample(), DiffFormat::kWord, RenderOptions());
  EXPECT_NE(out.find("title: Storm hits coast{+, 3 dead+}"), std::string::npos) << out;
  EXPECT_NE(out.find("Winds reached [-120-]{+140+} km/h."), std::string::npos) << out;
  EXPECT_NE(out.find("[-Schools are closed.-]"), std::string::npos) << out;
  EXPECT_NE(out.find("{+Three people died, police said.+}"), std::string::npos) << out;
  EXPECT_EQ(out.find("\x1b["), std::string::npos);
}

TEST(RenderDiff, WordFormatColours) {
  RenderOptions options;
  options.color = true;
  std::string out = RenderDiff(Sample(), DiffFormat::kWord, options);
  EXPECT_NE(out.find("\x1b[31m120\x1b[0m\x1b[32m140\x1b[0m"), std::string::npos) << out;
  EXPECT_EQ(out.find("{+"), std::string::npos);
}

TEST(RenderDiff, UnifiedFormatHasHunks) {
  RenderOptions options;
  options.context = 1;
  std::string out = RenderDiff(Sample(), DiffFormat::kUnified, options);
  EXPECT_EQ(out.rfind("--- old\n+++ new\n", 0), 0u) << out;
  EXPECT_NE(out.find("@@ title @@\n-Storm hits coast\n+Storm hits coast, 3 dead\n"),
            std::string::npos);
  EXPECT_NE(out.find("@@ -1,4 +1,4 @@\n The storm arrived at night.\n-Winds reached 120 km/h.\n"
                     "+Winds reached 140 km/h.\n-Schools are closed.\n Residents <fled> inland.\n"
                     "+Three people died, police said.\n"),
            std::string::npos)
      << out;
}

TEST(RenderDiff, JsonFollowsSchema) {
  ArticleDiff d = Sample();
  nlohmann::json j = nlohmann::json::parse(RenderDiff(d, DiffFormat::kJson, RenderOptions()));
  EXPECT_EQ(j["schema"], "libdiff.diff/1");
  EXPECT_EQ(j["changed"], true);
  EXPECT_EQ(j["summary"]["significance"], "substantive");
  EXPECT_EQ(j["summary"]["sentences"]["added"], 1);
  EXPECT_EQ(j["summary"]["sentences"]["removed"], 1);
  EXPECT_EQ(j["summary"]["sentences"]["changed"], 1);
  EXPECT_EQ(j["fields"][0]["field"], "title");
  ASSERT_EQ(j["ops"].size(), d.ops.size());
  EXPECT_EQ(j["ops"][1]["op"], "change");
  EXPECT_EQ(j["ops"][1]["significance"], "numbers");
  EXPECT_EQ(j["ops"][1]["words"][1]["op"], "delete");
  EXPECT_EQ(j["ops"][1]["words"][1]["text"], "120");
  EXPECT_TRUE(j["ops"][2]["new_index"].is_null());  // the deletion
}

TEST(RenderDiff, HtmlIsEscapedAndSelfContained) {
  std::string out = RenderDiff(Sample(), DiffFormat::kHtml, RenderOptions());
  EXPECT_EQ(out.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(out.find("Residents &lt;fled&gt; inland."), std::string::npos);
  EXPECT_EQ(out.find("<fled>"), std::string::npos);
  EXPECT_NE(out.find("<del class=\"d\">120</del><ins class=\"i\">140</ins>"), std::string::npos);
  EXPECT_EQ(out.find("src="), std::string::npos);
  EXPECT_EQ(out.find("href="), std::string::npos);
}

TEST(RenderDiff, StatSummarises) {
  std::string out = RenderDiff(Sample(), DiffFormat::kStat, RenderOptions());
  EXPECT_NE(out.find("significance: substantive"), std::string::npos) << out;
  EXPECT_NE(out.find("sentences: 1 added, 1 removed, 1 changed, 0 moved, 2 unchanged"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("title: changed"), std::string::npos);
}

TEST(ParseDiffFormat, RoundTripsNames) {
  for (DiffFormat f : {DiffFormat::kWord, DiffFormat::kUnified, DiffFormat::kJson,
                       DiffFormat::kHtml, DiffFormat::kStat}) {
    Result<DiffFormat> r = ParseDiffFormat(DiffFormatName(f));
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(*r, f);
  }
  EXPECT_TRUE(ParseDiffFormat("xml").status().IsInvalidArgument());
}

}  // namespace
}  // namespace libdiff
