// Copyright 2026 The libdiff Authors.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>

#include "libdiff/article.h"
#include "util/utf8.h"

namespace libdiff {
namespace {

Article SampleArticle() {
  Article a;
  a.url = "https://example.com/a";
  a.canonical_url = "https://example.com/a";
  a.title = "Title \"quoted\"";
  a.site_name = "Example";
  a.authors = {"Jane Doe", "John Roe"};
  a.published = "2025-09-09T09:15:00-04:00";
  a.modified = "2025-09-09T14:50:00-04:00";
  a.language = "en";
  a.description = "A description.";
  a.type = "NewsArticle";
  a.blocks = {{BlockKind::kParagraph, "First paragraph."},
              {BlockKind::kHeading, "A heading"},
              {BlockKind::kListItem, "An item"}};
  return a;
}

TEST(ArticleJson, HasTheDocumentedFieldsInOrder) {
  const std::string json = ArticleToJson(SampleArticle());
  const nlohmann::ordered_json j = nlohmann::ordered_json::parse(json);
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"url", "canonical_url", "title", "site_name",
                                            "authors", "published", "modified", "language",
                                            "description", "type", "text", "blocks"}));
  EXPECT_EQ(j["text"], "First paragraph.\n\nA heading\n\nAn item");
  EXPECT_EQ(j["blocks"][1]["kind"], "heading");
  EXPECT_EQ(j["authors"][1], "John Roe");
  EXPECT_EQ(json.find('\n'), std::string::npos);
}

TEST(ArticleJson, EmptyReasonOnlyWhenSet) {
  Article a;
  EXPECT_EQ(ArticleToJson(a).find("empty_reason"), std::string::npos);
  a.empty_reason = "no article content";
  EXPECT_EQ(nlohmann::json::parse(ArticleToJson(a))["empty_reason"], "no article content");
}

TEST(ArticleJson, BodySourceFollowsTheBlocksWhenSet) {
  Article a = SampleArticle();
  EXPECT_EQ(ArticleToJson(a).find("body_source"), std::string::npos);
  a.body_source = "json-ld";
  const nlohmann::ordered_json j = nlohmann::ordered_json::parse(ArticleToJson(a));
  EXPECT_EQ(j["body_source"], "json-ld");
  auto blocks = j.find("blocks");
  ASSERT_NE(blocks, j.end());
  EXPECT_EQ(std::next(blocks).key(), "body_source");
  Result<Article> back = ArticleFromJson(ArticleToJson(a));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->body_source, "json-ld");
}

TEST(ArticleJson, RoundTrips) {
  const Article a = SampleArticle();
  Result<Article> back = ArticleFromJson(ArticleToJson(a));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(*back, a);
}

TEST(ArticleJson, InvalidUtf8IsRepairedInOutput) {
  Article a;
  a.title = "bad \xFF byte";
  a.blocks = {{BlockKind::kParagraph, "also \xC3 bad"}};
  const std::string json = ArticleToJson(a);
  EXPECT_TRUE(internal::IsValidUtf8(json));
  EXPECT_FALSE(nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false).is_discarded());
}

TEST(ArticleJson, RejectsWhatIsNotAnArticle) {
  EXPECT_TRUE(ArticleFromJson("[1,2]").status().IsInvalidArgument());
  EXPECT_TRUE(ArticleFromJson("{not json").status().IsInvalidArgument());
  EXPECT_TRUE(ArticleFromJson("{\"title\": 3}").status().IsInvalidArgument());
  EXPECT_TRUE(ArticleFromJson("{\"blocks\": [{\"kind\": \"poem\", \"text\": \"x\"}]}")
                  .status()
                  .IsInvalidArgument());
  EXPECT_TRUE(ArticleFromJson("{}").ok());
}

}  // namespace
}  // namespace libdiff
