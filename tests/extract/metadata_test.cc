// Copyright 2026 The libdiff Authors.
//
// ExtractMetadata as a whole: JSON-LD sources, and bad input (null, empty, binary,
// deeply nested, adversarial, invalid UTF-8). The field families have their
// own cases, as data in testdata/metadata/<family>.txt (run by
// metadata_cases_test.cc), and tests beside them by name (meta_date_test.cc, ...).

#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "extract/metadata.h"
#include "metadata_test_util.h"
#include "util/utf8.h"

namespace libdiff::internal {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(Metadata, JsonLdGraphWithPersonReferences) {
  const Article a =
      ExtractMetadataSample("jsonld_graph.html", "https://gazette.example.co.uk/n/1?utm=x");
  EXPECT_EQ(a.title, "Council approves new river bridge");
  EXPECT_EQ(a.site_name, "The Riverside Gazette");
  EXPECT_EQ(a.canonical_url, "https://gazette.example.co.uk/news/council-approves-bridge");
  EXPECT_THAT(a.authors, ElementsAre("Amira Haddad", "Tom Okafor"));
  // The article's own date, not the WebPage's nor the related box's.
  EXPECT_EQ(a.published, "2023-03-14T09:30:00Z");
  EXPECT_EQ(a.modified, "2023-03-15T17:05:12Z");
  EXPECT_EQ(a.language, "en-GB");
  EXPECT_EQ(a.description, "The \u00a340m crossing will open in 2026.");
  EXPECT_EQ(a.type, "NewsArticle");
}

TEST(Metadata, BrokenJsonLdIsRepaired) {
  const Article a =
      ExtractMetadataSample("broken_jsonld.html", "https://harbour.example.com/storm");
  EXPECT_EQ(a.type, "ReportageNewsArticle");
  EXPECT_EQ(a.title, "Storm closes coastal road");
  EXPECT_THAT(a.authors, ElementsAre("Luc\u00eda Fern\u00e1ndez"));
  EXPECT_EQ(a.published, "2023-11-02T06:45:00-03:00");
  EXPECT_EQ(a.description, "Waves up to six metres battered the sea wall overnight.");
  EXPECT_EQ(a.site_name, "Harbour Weekly");
  EXPECT_EQ(a.canonical_url, "https://harbour.example.com/storm");
}

TEST(Metadata, NullDocumentKeepsOnlyTheUrl) {
  ExtractOptions options;
  options.url = "https://example.com/a";
  Article a;
  a.title = "stale";
  ExtractMetadata(nullptr, options, &a);
  EXPECT_EQ(a.title, "");
  EXPECT_EQ(a.canonical_url, "https://example.com/a");
}

TEST(Metadata, EmptyAndBinaryInputGiveEmptyFields) {
  for (const std::string& input : {std::string(), std::string("\x00\x01\xff\xfe garbage", 13)}) {
    const Article a = ExtractMetadataOf(input, "");
    EXPECT_EQ(a.title, "");
    EXPECT_EQ(a.published, "");
    EXPECT_THAT(a.authors, IsEmpty());
    EXPECT_EQ(a.canonical_url, "");
  }
}

TEST(Metadata, DeepNestingDoesNotOverflow) {
  std::string html = "<html><body>";
  for (int i = 0; i < 10000; ++i) html += "<div>";
  html += "<h1>Deep headline here today</h1><time datetime='2023-01-02'>x</time>";
  for (int i = 0; i < 10000; ++i) html += "</div>";
  html += "<script type='application/ld+json'>";
  for (int i = 0; i < 100000; ++i) html += "[";
  html += "</script></body></html>";
  const Article a = ExtractMetadataOf(html, "https://example.com/deep");
  // Past the depth limit nothing is read; what is read is still valid.
  EXPECT_TRUE(IsValidUtf8(a.title));
  EXPECT_EQ(a.canonical_url, "https://example.com/deep");
}

TEST(Metadata, AdversarialMarkupStaysBounded) {
  // Deeply nested and very wide author/date markup: every element's text and
  // subtree scan is capped, so this stays linear in the page size.
  std::string html = "<html><body><h1>A headline with five words</h1>";
  for (int i = 0; i < 20000; ++i) {
    html += "<a rel='author' href='/author/x'></a><time class='published'></time>"
            "<span itemprop='author'></span>";
  }
  // libxml2 itself stops nesting at depth 256.
  for (int i = 0; i < 240; ++i) {
    html += "<div itemprop='author' class='byline' itemscope><span itemprop='datePublished'>";
  }
  for (int i = 0; i < 240; ++i) html += "</span></div>";
  html += "</body></html>";
  const Article a = ExtractMetadataOf(html, "https://example.com/wide");
  EXPECT_EQ(a.title, "A headline with five words");
  EXPECT_EQ(a.published, "");
  EXPECT_THAT(a.authors, IsEmpty());
}

TEST(Metadata, InvalidUtf8IsRepaired) {
  const Article a = ExtractMetadataOf(
      "<html><head><meta charset='utf-8'><meta name='author' content='Jos\xc3 Ruiz'>"
      "<meta property='og:title' content='Caf\xe9 opens'></head><body></body></html>",
      "https://example.com/cafe");
  EXPECT_TRUE(IsValidUtf8(a.title));
  for (const std::string& author : a.authors) EXPECT_TRUE(IsValidUtf8(author));
}

}  // namespace
}  // namespace libdiff::internal
