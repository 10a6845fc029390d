// Copyright 2026 The libdiff Authors.

#include "extract/jsonld.h"

#include "extract/embedded_body.h"

#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace libdiff::internal {
namespace {

using ::testing::ElementsAre;

TEST(ParseJsonLd, ValidJsonIsParsedAsIs) {
  const nlohmann::json j = ParseJsonLd(R"({"@type": "NewsArticle", "headline": "A"})");
  ASSERT_FALSE(j.is_discarded());
  EXPECT_EQ(j["headline"], "A");
}

TEST(ParseJsonLd, RepairsCommonBreakage) {
  // Trailing commas, a raw newline in a string, an HTML comment wrapper.
  const nlohmann::json a = ParseJsonLd("<!-- {\"a\": [1, 2,], \"b\": \"x\ny\",} -->");
  ASSERT_FALSE(a.is_discarded());
  EXPECT_EQ(a["b"], "x y");
  EXPECT_EQ(a["a"].size(), 2u);
  // CDATA wrapper and a trailing semicolon.
  const nlohmann::json b = ParseJsonLd("//<![CDATA[\n{\"a\": 1};\n//]]>");
  ASSERT_FALSE(b.is_discarded());
  EXPECT_EQ(b["a"], 1);
  // Two objects one after another become an array.
  const nlohmann::json c = ParseJsonLd("{\"a\": 1}\n{\"a\": 2}");
  ASSERT_TRUE(c.is_array());
  EXPECT_EQ(c.size(), 2u);
}

TEST(ParseJsonLd, HopelessInputIsDiscarded) {
  EXPECT_TRUE(ParseJsonLd("").is_discarded());
  EXPECT_TRUE(ParseJsonLd("{\"a\": ").is_discarded());
  EXPECT_TRUE(ParseJsonLd("var x = {};").is_discarded());
  EXPECT_TRUE(ParseJsonLd(std::string(200000, '[')).is_discarded());
}

TEST(JsonLdFacts, GraphWithReferencesAndNestedTypes) {
  JsonLdFacts facts;
  AddJsonLdScript(R"({"@context": "https://schema.org", "@graph": [
      {"@type": "WebPage", "@id": "#page", "datePublished": "2020-01-01"},
      {"@type": "http://schema.org/LiveBlogPosting", "headline": "Live: vote count",
       "author": [{"@id": "#p1"}, {"@id": "#p2"}, "Desk &amp; Wire"],
       "publisher": {"@id": "#org"}, "datePublished": "2023-11-05T10:00:00Z",
       "mainEntityOfPage": {"@id": "https://example.com/live"}},
      {"@type": "Person", "@id": "#p1", "name": "Ada Byron"},
      {"@type": "Person", "@id": "#p2", "givenName": "Alan", "familyName": "Turing"},
      {"@type": "NewsMediaOrganization", "@id": "#org", "name": "Example News"}]})",
                  &facts);
  EXPECT_TRUE(facts.article_found);
  EXPECT_EQ(facts.type, "LiveBlogPosting");
  EXPECT_EQ(facts.headline, "Live: vote count");
  EXPECT_THAT(facts.authors, ElementsAre("Ada Byron", "Alan Turing", "Desk & Wire"));
  EXPECT_EQ(facts.publisher, "Example News");
  EXPECT_EQ(facts.date_published, "2023-11-05T10:00:00Z");
  EXPECT_EQ(facts.url, "https://example.com/live");
  EXPECT_EQ(facts.page_date_published, "2020-01-01");
}

TEST(JsonLdFacts, FirstArticleWinsAndListsAreSkipped) {
  JsonLdFacts facts;
  AddJsonLdScript(R"({"@type": "ItemList", "itemListElement": [
      {"@type": "NewsArticle", "headline": "Other story"}]})",
                  &facts);
  EXPECT_FALSE(facts.article_found);
  AddJsonLdScript(R"([{"@type": "NewsArticle", "headline": "Main story",
                       "articleBody": "...", "relatedLink": [{"@type": "Article"}]},
                      {"@type": "NewsArticle", "headline": "Second"}])",
                  &facts);
  EXPECT_EQ(facts.headline, "Main story");
  AddJsonLdScript(R"({"@type": "Article", "headline": "Later script"})", &facts);
  EXPECT_EQ(facts.headline, "Main story");
}

TEST(JsonLdFacts, LargeScriptWithArticleBodyKeepsItsFacts) {
  // Past 4 KiB, article bodies are blanked before parsing; keys quoted inside
  // the body and escaped quotes must not confuse that.
  std::string body;
  for (int i = 0; i < 300; ++i) body += "He said \\\"headline\\\": \\\"Fake\\\" again. ";
  JsonLdFacts facts;
  AddJsonLdScript("{\"@type\": \"NewsArticle\", \"articleBody\": \"" + body +
                      "\", \"headline\": \"Real headline\", \"datePublished\": \"2023-01-02\"}",
                  &facts);
  EXPECT_GT(body.size(), 4096u);
  EXPECT_EQ(facts.headline, "Real headline");
  EXPECT_EQ(facts.date_published, "2023-01-02");
}

TEST(JsonLdFacts, BrokenScriptIsIgnoredWithoutHarm) {
  JsonLdFacts facts;
  AddJsonLdScript("{not json at all", &facts);
  AddJsonLdScript("", &facts);
  EXPECT_FALSE(facts.article_found);
}

TEST(SharedJsonLdParse, OneParsePerTextWhileAScopeIsOpen) {
  const std::string script = R"({"@type": "NewsArticle", "headline": "A"})";
  EXPECT_EQ(SharedJsonLdParse(script), nullptr);  // no scope open
  const nlohmann::json* first = nullptr;
  {
    const JsonLdParseScope scope;
    first = SharedJsonLdParse(script);
    ASSERT_NE(first, nullptr);
    EXPECT_EQ((*first)["headline"], "A");
    EXPECT_EQ(SharedJsonLdParse(std::string(script)), first);
    EXPECT_NE(SharedJsonLdParse(R"({"headline": "B"})"), first);
    {
      const JsonLdParseScope inner;  // hides the outer scope's parses
      EXPECT_NE(SharedJsonLdParse(script), first);
    }
    EXPECT_EQ(SharedJsonLdParse(script), first);
    // Strict: what needs repair is discarded here (AddJsonLdScript repairs it).
    EXPECT_TRUE(SharedJsonLdParse(R"({"a": 1,})")->is_discarded());
  }
  EXPECT_EQ(SharedJsonLdParse(script), nullptr);
}

TEST(SharedJsonLdParse, MetadataAndBodyReadTheSharedParseAsTheirOwn) {
  std::string body;
  for (int i = 0; i < 300; ++i) body += "He said \\\"headline\\\": \\\"Fake\\\" again. ";
  const std::string large = "{\"@type\": \"NewsArticle\", \"articleBody\": \"" + body +
                            "\", \"headline\": \"Real headline\", \"author\": {\"name\": \"Ada\"}}";
  // A trailing comma: strict parsing fails, the metadata repairs it.
  const std::string broken = R"({"@type": "Article", "headline": "Fixed", "articleBody": "B",})";
  for (const std::string& script : {large, broken}) {
    JsonLdFacts alone, shared;
    bool article_alone = false, article_shared = false;
    AddJsonLdScript(script, &alone);
    const std::string body_alone = JsonLdArticleBody({script}, &article_alone);
    {
      const JsonLdParseScope scope;
      AddJsonLdScript(script, &shared);
      EXPECT_EQ(JsonLdArticleBody({script}, &article_shared), body_alone);
    }
    EXPECT_EQ(article_shared, article_alone);
    EXPECT_EQ(shared.headline, alone.headline);
    EXPECT_EQ(shared.authors, alone.authors);
    EXPECT_EQ(shared.type, alone.type);
    EXPECT_FALSE(shared.headline.empty());
  }
  JsonLdFacts facts;
  {
    const JsonLdParseScope scope;
    AddJsonLdScript(large, &facts);
    AddJsonLdScript(broken, &facts);
  }
  EXPECT_EQ(facts.headline, "Real headline");
  EXPECT_THAT(facts.authors, ElementsAre("Ada"));
  bool is_article = false;
  EXPECT_EQ(JsonLdArticleBody({large}, &is_article).substr(0, 34),
            "He said \"headline\": \"Fake\" again. ");
  EXPECT_TRUE(is_article);
}

TEST(DecodeHtmlEntities, NumericAndNamed) {
  EXPECT_EQ(DecodeHtmlEntities("Rock &amp; roll &#8216;now&#x2019; &hellip;"),
            "Rock & roll \u2018now\u2019 \u2026");
  EXPECT_EQ(DecodeHtmlEntities("AT&T &unknown; &#xZZ; &"), "AT&T &unknown; &#xZZ; &");
  EXPECT_EQ(DecodeHtmlEntities("&#0;&#xD800;"), "\uFFFD\uFFFD");
}

}  // namespace
}  // namespace libdiff::internal
