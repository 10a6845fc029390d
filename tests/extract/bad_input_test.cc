// Copyright 2026 The libdiff Authors.
//
// Hostile and broken input: never a crash, a hang or invalid UTF-8 out.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "extract/extract_test_util.h"
#include "libdiff/article.h"
#include "util/utf8.h"

namespace libdiff {
namespace {

using testing::Contains;
using testing::MustExtract;
using testing::ReadSample;

constexpr char kParagraph[] =
    "<p>The harbour commission met on Thursday and agreed to repair the old pier before the "
    "summer season, after a survey found cracks in three of its pillars.</p>";

TEST(ExtractBadInput, EmptyInputGivesEmptyBodyAndReason) {
  const Article a = MustExtract("");
  EXPECT_TRUE(a.blocks.empty());
  EXPECT_FALSE(a.empty_reason.empty());
}

TEST(ExtractBadInput, WhitespaceOnlyInputGivesEmptyBodyAndReason) {
  const Article a = MustExtract("  \n\t  ");
  EXPECT_TRUE(a.blocks.empty());
  EXPECT_FALSE(a.empty_reason.empty());
}

TEST(ExtractBadInput, BinaryDataGivesValidUtf8) {
  std::mt19937 rng(42);
  for (int round = 0; round < 20; ++round) {
    std::string bytes(4096 + static_cast<size_t>(round) * 1000, '\0');
    for (char& c : bytes) c = static_cast<char>(rng() & 0xFF);
    const Article a = MustExtract(bytes);
    EXPECT_TRUE(internal::IsValidUtf8(ArticleToJson(a)));
    for (const Block& b : a.blocks) EXPECT_EQ(b.text.find('\0'), std::string::npos);
  }
}

TEST(ExtractBadInput, TruncatedHtmlKeepsWhatWasThere) {
  const std::string page = ReadSample("news_template.html");
  const size_t cut = page.find("Construction is expected");
  ASSERT_NE(cut, std::string::npos);
  const Article a = MustExtract(page.substr(0, cut + 40));
  EXPECT_TRUE(Contains(a.Text(), "The city council voted 7 to 2")) << a.Text();
  EXPECT_TRUE(Contains(a.Text(), "We have waited long enough"));
}

TEST(ExtractBadInput, NulBytesAreDroppedNotTruncating) {
  using namespace std::string_literals;
  const std::string html =
      "<html><body><article>"s + kParagraph +
      "<p>Before the NUL\0after the NUL, the sentence goes on to its end.</p>"s + kParagraph +
      "</article></body></html>";
  ASSERT_NE(html.find('\0'), std::string::npos);
  const Article a = MustExtract(html);
  const std::string text = a.Text();
  EXPECT_EQ(text.find('\0'), std::string::npos);
  EXPECT_TRUE(Contains(text, "after the NUL, the sentence goes on")) << text;
  EXPECT_TRUE(internal::IsValidUtf8(text));
}

TEST(ExtractBadInput, TenThousandLevelsOfNestingNeitherCrashNorHang) {
  std::string html = std::string("<html><body><article>") + kParagraph + kParagraph;
  for (int i = 0; i < 10000; ++i) html += "<div>";
  html += "deep text";
  for (int i = 0; i < 10000; ++i) html += "</div>";
  html += "</article></body></html>";
  const Article a = MustExtract(html);
  EXPECT_TRUE(Contains(a.Text(), "The harbour commission met on Thursday")) << a.Text();
  EXPECT_TRUE(internal::IsValidUtf8(ArticleToJson(a)));
}

TEST(ExtractBadInput, DeepInlineNestingNeitherCrashesNorHangs) {
  std::string html = std::string("<html><body>") + kParagraph;
  for (int i = 0; i < 10000; ++i) html += "<span><b>";
  html += "x";
  const Article a = MustExtract(html);
  EXPECT_TRUE(internal::IsValidUtf8(ArticleToJson(a)));
}

TEST(ExtractBadInput, InputOverTheLimitIsResourceExhausted) {
  ExtractOptions options;
  options.max_input_bytes = 1000;
  const std::string html(1001, 'a');
  Result<Article> r = ExtractArticle(html, options);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.status().IsResourceExhausted());
  EXPECT_TRUE(Contains(r.status().message(), "1000")) << r.status().message();
  EXPECT_TRUE(ExtractArticle(std::string(1000, 'a'), options).ok());
}

TEST(ExtractBadInput, DefaultLimitIs32MiB) {
  EXPECT_EQ(ExtractOptions{}.max_input_bytes, size_t{32} << 20);
  const std::string html((size_t{32} << 20) + 1, ' ');
  Result<Article> r = ExtractArticle(html, ExtractOptions{});
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.status().IsResourceExhausted());
}

TEST(ExtractBadInput, InvalidUtf8InTextAndAttributesGivesValidUtf8) {
  const std::string html = std::string("<html><body class=\"\xC3\x28\"><article>") + kParagraph +
                           "<p>Broken \xE2\x82 bytes \xFF\xFE in a sentence that goes on long "
                           "enough to be kept in the body of the article.</p>" +
                           kParagraph + "</article></body></html>";
  const Article a = MustExtract(html);
  EXPECT_TRUE(internal::IsValidUtf8(ArticleToJson(a)));
  EXPECT_TRUE(Contains(a.Text(), "in a sentence that goes on")) << a.Text();
}

TEST(ExtractBadInput, InvalidUtf8UrlIsRepaired) {
  ExtractOptions options;
  options.url = "https://example.com/\xFF";
  const Article a = MustExtract(kParagraph, options);
  EXPECT_TRUE(internal::IsValidUtf8(ArticleToJson(a)));
}

TEST(ExtractBadInput, HugeJsonLdNestingIsIgnored) {
  std::string json(200000, '[');
  const std::string html = "<html><head><script type='application/ld+json'>" + json +
                           "</script></head><body>" + kParagraph + "</body></html>";
  const Article a = MustExtract(html);
  EXPECT_TRUE(internal::IsValidUtf8(ArticleToJson(a)));
}

}  // namespace
}  // namespace libdiff
