// Copyright 2026 The libdiff Authors.
#include "libdiff/article.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "extract/extract_test_util.h"
#include "util/utf8.h"

namespace libdiff {
namespace {

using testing::Contains;
using testing::MustExtract;
using testing::ReadSample;

TEST(ArticleExtractor, NewsTemplateKeepsEveryArticleParagraphInOrder) {
  const Article a = MustExtract(ReadSample("news_template.html"));
  const std::string text = a.Text();
  const std::vector<std::string> paragraphs = {
      "The city council voted 7 to 2 on Monday night",
      "The wall, which will run for 2.3 kilometres",
      "\"We have waited long enough,\" said councillor Maria Ortiz",
      "Construction is expected to begin next spring",
      "Opponents on the council argued",
      "Engineers will present the final design",
  };
  size_t last = 0;
  for (const std::string& p : paragraphs) {
    const size_t at = text.find(p);
    ASSERT_NE(at, std::string::npos) << "missing: " << p << "\nbody:\n" << text;
    EXPECT_GE(at, last) << "out of order: " << p;
    last = at;
  }
  EXPECT_TRUE(a.empty_reason.empty());
}

TEST(ArticleExtractor, NewsTemplateTypesSubheadingsAsHeadings) {
  const Article a = MustExtract(ReadSample("news_template.html"));
  bool found = false;
  for (const Block& b : a.blocks) {
    if (b.text == "Costs and timeline") {
      EXPECT_EQ(b.kind, BlockKind::kHeading);
      found = true;
    }
  }
  EXPECT_TRUE(found);
}

TEST(ArticleExtractor, NewsTemplateLeavesOutEveryKindOfBoilerplate) {
  const Article a = MustExtract(ReadSample("news_template.html"));
  const std::string text = a.Text();
  const std::vector<std::string> boilerplate = {
      "We use cookies",                                   // cookie notice
      "Politics",                                         // menu
      "Breaking:",                                        // ticker
      "City council approves the riverside flood wall",   // headline
      "The $48 million project",                          // standfirst
      "Jane Doe",                                         // byline
      "Updated September",                                // volatile timestamp
      "min read",                                         // reading time
      "42 comments",                                      // comment counter
      "Facebook",                                         // share bar
      "Workers survey the riverbank",                     // caption
      "Sign up for our free newsletter",                  // newsletter box
      "Get the morning briefing",                         // its heading
      "Advertisement",                                    // ad label
      "Remembering the flood of 1998",                    // related links
      "Flooding",                                         // tags
      "About time!",                                      // comments
      "Latest Stories",                                   // sidebar
      "Ferry service suspended",                          // latest stories list
      "Most Popular",                                     // most popular
      "Route 9",                                          // most popular list
      "All rights reserved",                              // footer
      "Privacy policy",                                   // footer links
  };
  for (const std::string& b : boilerplate) {
    EXPECT_FALSE(Contains(text, b)) << "leaked: " << b << "\nbody:\n" << text;
  }
}

TEST(ArticleExtractor, RightToLeftPageKeepsArabicParagraphs) {
  const Article a = MustExtract(ReadSample("rtl_arabic.html"));
  const std::string text = a.Text();
  EXPECT_EQ(a.blocks.size(), 3u) << text;
  EXPECT_TRUE(Contains(text, "افتتحت البلدية يوم الاثنين مكتبة عامة جديدة"));
  EXPECT_TRUE(Contains(text, "ويأمل سكان الحي"));
  EXPECT_FALSE(Contains(text, "الرئيسية"));     // menu
  EXPECT_FALSE(Contains(text, "بقلم"));         // byline
  EXPECT_FALSE(Contains(text, "جميع الحقوق"));  // footer
}

TEST(ArticleExtractor, ChinesePageKeepsParagraphsWithoutSpaces) {
  const Article a = MustExtract(ReadSample("chinese.html"));
  const std::string text = a.Text();
  EXPECT_EQ(a.blocks.size(), 3u) << text;
  EXPECT_TRUE(Contains(text, "本市最大的城市公园扩建工程于昨日正式启动"));
  EXPECT_TRUE(Contains(text, "公园变大了"));
  EXPECT_FALSE(Contains(text, "首页"));      // menu
  EXPECT_FALSE(Contains(text, "相关新闻"));  // related
  EXPECT_FALSE(Contains(text, "地铁五号线"));
  EXPECT_FALSE(Contains(text, "版权所有"));  // footer
}

TEST(ArticleExtractor, UndeclaredWindows1252IsDecoded) {
  const Article a = MustExtract(ReadSample("windows1252_undeclared.html"));
  const std::string text = a.Text();
  EXPECT_TRUE(Contains(text, "Café Bellevue")) << text;
  EXPECT_TRUE(Contains(text, "€300"));
  EXPECT_TRUE(Contains(text, "“fair for a whole season”"));
}

TEST(ArticleExtractor, Latin1DeclarationOnUtf8BytesIsOverruled) {
  const Article a = MustExtract(ReadSample("wrong_charset_declared_latin1.html"));
  const std::string text = a.Text();
  EXPECT_TRUE(Contains(text, "city of Zürich announced")) << text;
  EXPECT_FALSE(Contains(text, "Ã"));
}

TEST(ArticleExtractor, Utf8DeclarationOnWindows1252BytesIsOverruled) {
  const Article a = MustExtract(ReadSample("wrong_charset_declared_utf8.html"));
  const std::string text = a.Text();
  EXPECT_TRUE(Contains(text, "crème brûlée contest")) << text;
  EXPECT_TRUE(Contains(text, "This year’s winner"));
  EXPECT_FALSE(Contains(text, "\xEF\xBF\xBD"));  // no replacement characters
}

TEST(ArticleExtractor, ContentTypeCharsetWinsOverMeta) {
  // KOI8-R bytes for "Привет" inside a page whose <meta> claims UTF-8.
  std::string para = "<p>\xF0\xD2\xC9\xD7\xC5\xD4, this paragraph is long enough to be read as the "
                     "article body of the page, so it must come out decoded.</p>";
  std::string html = "<html><head><meta charset=\"utf-8\"></head><body><article>" + para +
                     "</article></body></html>";
  ExtractOptions options;
  options.content_type = "text/html; charset=KOI8-R";
  const Article a = MustExtract(html, options);
  EXPECT_TRUE(Contains(a.Text(), "Привет, this paragraph")) << a.Text();
}

TEST(ArticleExtractor, IndexPageHasEmptyBodyAndReason) {
  const Article a = MustExtract(ReadSample("index_page.html"));
  EXPECT_TRUE(a.blocks.empty()) << a.Text();
  EXPECT_FALSE(a.empty_reason.empty());
}

TEST(ArticleExtractor, ErrorPageHasEmptyBodyAndReason) {
  const Article a = MustExtract(
      "<html><head><title>404 Not Found</title></head><body><nav><a href='/'>Home</a></nav>"
      "<h1>Page not found</h1><p>Sorry.</p></body></html>");
  EXPECT_TRUE(a.blocks.empty()) << a.Text();
  EXPECT_EQ(a.empty_reason, "error page");
}

TEST(ArticleExtractor, ConsentWallHasEmptyBodyAndReason) {
  const Article a = MustExtract(
      "<html><body><div class='wall'><h2>Before you continue</h2>"
      "<p>We and our partners use cookies</p><a href='#'>Accept all</a> <a href='#'>Reject all</a>"
      "</div></body></html>");
  EXPECT_TRUE(a.blocks.empty()) << a.Text();
  EXPECT_EQ(a.empty_reason, "consent wall");
}

TEST(ArticleExtractor, JsonLdArticleBodyIsTheFallbackWhenTheMarkupHasNoProse) {
  const Article a = MustExtract(
      "<html><head><script type='application/ld+json'>"
      "{\"@type\": \"NewsArticle\", \"articleBody\": \"The first paragraph of the story is told "
      "here in full, with enough words to count as prose.\\nThe second paragraph follows on its "
      "own line and closes the story with a quote from the mayor.\"}"
      "</script></head><body><div id='app'>Loading</div></body></html>");
  ASSERT_EQ(a.blocks.size(), 2u) << a.Text();
  EXPECT_TRUE(Contains(a.blocks[0].text, "The first paragraph of the story"));
  EXPECT_TRUE(Contains(a.blocks[1].text, "quote from the mayor"));
  EXPECT_EQ(a.body_source, "json-ld");
}

// The visible text wins over an embedded copy that differs from it: a page
// edited after publication keeps the old articleBody in its JSON-LD, and the
// edit must be seen.
TEST(ArticleExtractor, VisibleTextWinsOverAStaleJsonLdArticleBody) {
  const Article a = MustExtract(
      "<html><head><script type='application/ld+json'>"
      "{\"@type\": \"NewsArticle\", \"articleBody\": \"The council voted on Monday to build "
      "the wall, which will protect three thousand homes from the river when it floods.\\n"
      "Engineers said the first section would rise along the old towpath, where the water came "
      "over the bank twice in the last ten years.\"}"
      "</script></head><body><article><p>The council voted on Monday to build the wall, which "
      "will protect four thousand homes from the river when it floods.</p><p>Engineers said the "
      "first section would rise along the old towpath, where the water came over the bank twice "
      "in the last ten years.</p></article></body></html>");
  EXPECT_EQ(a.Text(),
            "The council voted on Monday to build the wall, which will protect four thousand "
            "homes from the river when it floods.\n\nEngineers said the first section would "
            "rise along the old towpath, where the water came over the bank twice in the last "
            "ten years.");
  EXPECT_EQ(a.body_source, "dom");
}

// A script-rendered Next.js page: the markup is an empty shell, the article
// is in the page data as HTML.
TEST(ArticleExtractor, NextJsPageDataIsTheLastFallback) {
  const std::string first =
      "The council voted on Monday to build the wall, which will protect four thousand homes "
      "from the river when it floods in the spring.";
  const std::string second =
      "Engineers said the first section would rise along the old towpath, where the water came "
      "over the bank twice in the last ten years, and residents asked why it took so long to "
      "start, since the money had been promised four years ago and the design was finished.";
  const Article a = MustExtract(
      "<html><body><div id='__next'><div class='spinner'>Loading</div></div>"
      "<script id='__NEXT_DATA__' type='application/json'>{\"props\": {\"pageProps\": "
      "{\"article\": {\"title\": \"The wall\", \"teaser\": \"A wall for the town.\", "
      "\"bodyHtml\": \"<p>" + first + "</p><p>" + second.substr(0, 60) + " &amp; " +
      second.substr(60) + "</p>\"}}}}</script></body></html>");
  EXPECT_EQ(a.Text(), first + "\n\n" + second.substr(0, 60) + " & " + second.substr(60));
  EXPECT_EQ(a.body_source, "app-state");
}

// The same with a shell that shows no text at all.
TEST(ArticleExtractor, NextJsPageDataIsReadWhenTheShellHasNoText) {
  const std::string para =
      "The council voted on Monday to build the wall, which will protect four thousand homes "
      "from the river when it floods in the spring, and engineers said the first section would "
      "rise along the old towpath, where the water came over the bank twice in the last ten "
      "years; residents asked why it took so long to start, since the money had been promised "
      "four years ago and the design was finished long before the vote.";
  const Article a = MustExtract(
      "<html><body><div id='__next'></div><script id='__NEXT_DATA__' type='application/json'>"
      "{\"props\": {\"pageProps\": {\"post\": {\"content\": \"<p>" + para +
      "</p>\"}}}}</script></body></html>");
  EXPECT_EQ(a.Text(), para);
  EXPECT_EQ(a.body_source, "app-state");
  EXPECT_EQ(a.empty_reason, "");
}

TEST(ArticleExtractor, AnEmptyBodyHasNoSource) {
  const Article a = MustExtract("<html><body><nav><a href='/'>Home</a></nav></body></html>");
  EXPECT_TRUE(a.blocks.empty());
  EXPECT_EQ(a.body_source, "");
}

TEST(ArticleExtractor, KeepsTheUrlGiven) {
  ExtractOptions options;
  options.url = "https://ledger.example/news/flood-wall";
  const Article a = MustExtract(ReadSample("news_template.html"), options);
  EXPECT_EQ(a.url, options.url);
}

TEST(ArticleExtractor, SampleOutputsAreValidUtf8) {
  for (const char* name :
       {"news_template.html", "rtl_arabic.html", "chinese.html", "index_page.html",
        "windows1252_undeclared.html", "wrong_charset_declared_latin1.html",
        "wrong_charset_declared_utf8.html"}) {
    const Article a = MustExtract(ReadSample(name));
    EXPECT_TRUE(internal::IsValidUtf8(ArticleToJson(a))) << name;
    for (const Block& b : a.blocks) {
      EXPECT_TRUE(internal::IsValidUtf8(b.text)) << name;
      EXPECT_EQ(b.text.find('\n'), std::string::npos) << name;
    }
  }
}

TEST(ArticleExtractor, BlockKindsHaveStableNames) {
  EXPECT_STREQ(BlockKindName(BlockKind::kParagraph), "paragraph");
  EXPECT_STREQ(BlockKindName(BlockKind::kHeading), "heading");
  EXPECT_STREQ(BlockKindName(BlockKind::kListItem), "list_item");
  EXPECT_STREQ(BlockKindName(BlockKind::kQuote), "quote");
  EXPECT_STREQ(BlockKindName(BlockKind::kPreformatted), "preformatted");
  EXPECT_STREQ(BlockKindName(BlockKind::kTableRow), "table_row");
}

TEST(ArticleExtractor, ListsQuotesAndTablesKeepTheirKinds) {
  const std::string p =
      "<p>This is a paragraph of the article with enough words in it to count as real prose.</p>";
  const Article a = MustExtract(
      "<html><body><article>" + p + p +
      "<ul><li>The first point of the list, stated in full.</li></ul>"
      "<blockquote><p>A quoted passage from the report, stated in full.</p></blockquote>"
      "<table><tr><td>Region</td><td>Votes cast in the election</td></tr></table>" + p +
      "</article></body></html>");
  std::vector<BlockKind> kinds;
  for (const Block& b : a.blocks) kinds.push_back(b.kind);
  EXPECT_NE(std::find(kinds.begin(), kinds.end(), BlockKind::kListItem), kinds.end()) << a.Text();
  EXPECT_NE(std::find(kinds.begin(), kinds.end(), BlockKind::kQuote), kinds.end()) << a.Text();
  EXPECT_NE(std::find(kinds.begin(), kinds.end(), BlockKind::kTableRow), kinds.end()) << a.Text();
}

TEST(ArticleExtractor, TextJoinsBlocksWithBlankLines) {
  Article a;
  a.blocks = {{BlockKind::kParagraph, "One."}, {BlockKind::kHeading, "Two"}};
  EXPECT_EQ(a.Text(), "One.\n\nTwo");
  EXPECT_EQ(Article{}.Text(), "");
}

}  // namespace
}  // namespace libdiff
