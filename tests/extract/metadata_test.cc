// Copyright 2026 The libdiff Authors.
//
// ExtractMetadata on the hand-written pages in samples/pages/metadata/ and on
// bad input. Each expectation is what a reader of the page would write down.

#include "extract/metadata.h"

#include <libxml/HTMLparser.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "util/utf8.h"

namespace libdiff::internal {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocFree>;

DocPtr Parse(const std::string& html) {
  return DocPtr(htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
                               HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                   HTML_PARSE_NONET | HTML_PARSE_NOBLANKS));
}

std::string ReadSample(const std::string& name) {
  std::ifstream in(std::string(LIBDIFF_SAMPLES_DIR) + "/pages/metadata/" + name,
                   std::ios::binary);
  EXPECT_TRUE(in.good()) << "missing sample " << name;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

Article Extract(const std::string& html, const std::string& url) {
  DocPtr doc = Parse(html);
  ExtractOptions options;
  options.url = url;
  Article article;
  article.url = url;
  ExtractMetadata(doc.get(), options, &article);
  return article;
}

Article ExtractSample(const std::string& name, const std::string& url) {
  return Extract(ReadSample(name), url);
}

TEST(Metadata, JsonLdGraphWithPersonReferences) {
  const Article a = ExtractSample("jsonld_graph.html", "https://gazette.example.co.uk/n/1?utm=x");
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
  const Article a = ExtractSample("broken_jsonld.html", "https://harbour.example.com/storm");
  EXPECT_EQ(a.type, "ReportageNewsArticle");
  EXPECT_EQ(a.title, "Storm closes coastal road");
  EXPECT_THAT(a.authors, ElementsAre("Luc\u00eda Fern\u00e1ndez"));
  EXPECT_EQ(a.published, "2023-11-02T06:45:00-03:00");
  EXPECT_EQ(a.description, "Waves up to six metres battered the sea wall overnight.");
  EXPECT_EQ(a.site_name, "Harbour Weekly");
  EXPECT_EQ(a.canonical_url, "https://harbour.example.com/storm");
}

TEST(Metadata, MetaTagsOnlyWithRelativeCanonicalAndBase) {
  const Article a = ExtractSample("meta_only.html", "https://m.noticias.example.com.br/x");
  EXPECT_EQ(a.canonical_url,
            "https://www.noticias.example.com.br/economia/2023/05/04/inflacao-desacelera.html");
  // No h1: og:title without the site name.
  EXPECT_EQ(a.title, "Infla\u00e7\u00e3o desacelera em abril");
  EXPECT_EQ(a.site_name, "Di\u00e1rio do Vale");
  // article:author holds a URL, which is not a name.
  EXPECT_THAT(a.authors, ElementsAre("Ana Souza"));
  EXPECT_EQ(a.published, "2023-05-04T10:20:00-03:00");
  EXPECT_EQ(a.modified, "2023-05-04T15:02:00-03:00");
  EXPECT_EQ(a.language, "pt-BR");
  EXPECT_EQ(a.description, "O \u00edndice ficou abaixo do esperado.");
  EXPECT_EQ(a.type, "");
}

TEST(Metadata, VisiblePublishedAndUpdatedText) {
  const Article a =
      ExtractSample("visible_dates.html", "https://library.example.org/news/library-reopens");
  EXPECT_EQ(a.title, "Library reopens after two-year renovation");
  EXPECT_EQ(a.published, "2023-03-03T21:15:00-05:00");
  EXPECT_EQ(a.modified, "2023-03-04T08:00:00-05:00");
  EXPECT_THAT(a.authors, ElementsAre("Jane Roe", "John Doe"));
  EXPECT_EQ(a.language, "en");
  EXPECT_EQ(a.site_name, "library.example.org");
  EXPECT_EQ(a.canonical_url, "https://library.example.org/news/library-reopens");
}

TEST(Metadata, DateFromUrlWhenPageHasNone) {
  const Article a =
      ExtractSample("url_date.html", "https://ferry.example.net/2022/11/05/ferry-timetable/");
  EXPECT_EQ(a.title, "Ferry timetable changes for winter");
  EXPECT_EQ(a.published, "2022-11-05");
  EXPECT_EQ(a.modified, "");
  EXPECT_THAT(a.authors, IsEmpty());
}

// The date line above the headline, when the page gives no other date.
TEST(Metadata, DateShownAboveTheHeadlineWhenThePageHasNoOther) {
  const Article a = Extract(
      "<html><head><title>Top agencies</title></head><body><div class='meta'><div>Last updated:"
      "</div><div>Dec 12, 2025</div></div><h1>Top agencies</h1><p>The list follows.</p>"
      "</body></html>",
      "https://agency.example.com/top-agencies");
  EXPECT_EQ(a.title, "Top agencies");
  EXPECT_EQ(a.published, "2025-12-12");
}

// A dated teaser far above the headline (a "latest" box) is not the page's date.
TEST(Metadata, DateFarAboveTheHeadlineIsNotTaken) {
  std::string html = "<html><body><div class='latest'><p>Other story, Dec 1, 2025</p>";
  for (int i = 0; i < 8; ++i) {
    html += "<p>Another headline about something else that happened in the town this week</p>";
  }
  html += "</div><h1>Top agencies</h1><p>The list follows.</p></body></html>";
  const Article a = Extract(html, "https://agency.example.com/top-agencies");
  EXPECT_EQ(a.published, "");
}

TEST(Metadata, AuthorsInMixedFormsAreCleanedAndDeduplicated) {
  const Article a = ExtractSample("authors_mixed.html", "https://wire.example.com/a/1");
  EXPECT_THAT(a.authors, ElementsAre("Priya Natarajan", "Kim Lee", "Marc Dubois", "Sofia Rossi"));
  EXPECT_EQ(a.published, "2023-12-21T09:45:16-08:00");
  EXPECT_EQ(a.type, "Article");
}

TEST(Metadata, UtcTimeIsGivenInThePagesOwnOffset) {
  const Article a = ExtractSample("timezones.html", "https://city.example.com/night-market");
  // JSON-LD says 01:30Z; article:published_time states the same instant in
  // the newsroom's zone, whose calendar day readers saw.
  EXPECT_EQ(a.published, "2023-12-19T20:30:00-05:00");
  EXPECT_EQ(a.modified, "2023-12-20T02:10:00Z");
}

TEST(Metadata, HeadlineLabelAndSiteSuffixAreDropped) {
  const Article a = Extract(
      "<html><head><title>Opinion | Why we walk - The Daily Stride</title>"
      "<meta property='og:title' content='Opinion | Why we walk'>"
      "<meta property='og:site_name' content='The Daily Stride'>"
      "<script type='application/ld+json'>{\"@type\":\"OpinionNewsArticle\","
      "\"headline\":\"Why we walk\"}</script></head>"
      "<body><h1><span>Opinion</span> Why we walk</h1><p>Text.</p></body></html>",
      "https://stride.example.com/why-we-walk");
  EXPECT_EQ(a.title, "Why we walk");
  EXPECT_EQ(a.type, "OpinionNewsArticle");
}

TEST(Metadata, MediaLabelAfterTheHeadlineIsDropped) {
  EXPECT_EQ(Extract("<html><body><h1>Cat video beamed from deep space (Video)</h1></body></html>",
                    "https://space.example.com/cat")
                .title,
            "Cat video beamed from deep space");
  EXPECT_EQ(Extract("<html><body><h1>Duo sings at the finale [Watch]</h1></body></html>",
                    "https://music.example.com/finale")
                .title,
            "Duo sings at the finale");
  // Other brackets are part of the headline.
  EXPECT_EQ(Extract("<html><body><h1>Lexus RZ arrives (and it is cheaper)</h1></body></html>",
                    "https://cars.example.com/rz")
                .title,
            "Lexus RZ arrives (and it is cheaper)");
}

TEST(Metadata, PrefersTheH1ThatAgreesWithMetadata) {
  const Article a = Extract(
      "<html><head><title>Rail strike called off - Metro News</title></head><body>"
      "<h1 class='sr-only'>Metro News</h1><div class='kicker'><h1>Transport</h1></div>"
      "<h1>Rail strike called off</h1></body></html>",
      "https://metro.example.com/rail");
  EXPECT_EQ(a.title, "Rail strike called off");
}

TEST(Metadata, TitleWithoutAnySourceFallsBackToTheTitleElement) {
  const Article a = Extract(
      "<html><head><title>Quarterly results \u2013 Example Corp</title></head><body>"
      "<p>No headings.</p></body></html>",
      "https://www.examplecorp.com/q3");
  EXPECT_EQ(a.title, "Quarterly results");
  EXPECT_EQ(a.site_name, "Example Corp");
}

TEST(Metadata, VisibleBylineCompletesTheStructuredAuthors) {
  // The structured source names one author; the byline under the headline,
  // written as separate block and inline elements, names both.
  const Article a = Extract(
      "<html><head><meta name='author' content='Starr Bowenbank'></head><body>"
      "<h1>Seven songs to know</h1><p>A dek about the songs.</p>"
      "<div class='byline'><div>By</div><div><a href='/a/1'>Starr Bowenbank</a></div>"
      "<div>, <a href='/a/2'>Rania Aniftos</a></div><time>12/22/2023</time></div>"
      "<p>Body text.</p></body></html>",
      "https://music.example.com/lists/songs");
  EXPECT_THAT(a.authors, ElementsAre("Starr Bowenbank", "Rania Aniftos"));
  EXPECT_EQ(a.published, "2023-12-22");
}

TEST(Metadata, BylineLabelJoinedToTheName) {
  const Article a = Extract(
      "<html><body><h1>Awards of the year in tennis</h1>"
      "<div><span>By</span><a href='/people/van'>Van Sias</a></div>"
      "<p>By the way, this sentence is not a byline.</p></body></html>",
      "https://tennis.example.com/awards");
  EXPECT_THAT(a.authors, ElementsAre("Van Sias"));
}

TEST(Metadata, BylineAfterAPostedLabel) {
  const Article a = Extract(
      "<html><body><h1>Anime film to open in Indonesia</h1>"
      "<div class='meta'>posted on 2023-12-19 23:30 EST by Rafael Antonio Pineda</div>"
      "<p>The film opened in Japan on December 8.</p></body></html>",
      "https://anime.example.com/news/film");
  EXPECT_THAT(a.authors, ElementsAre("Rafael Antonio Pineda"));
  EXPECT_EQ(a.published, "2023-12-19T23:30:00-05:00");
}

TEST(Metadata, ProseIsNotABylineAndEditorsAreNotAuthors) {
  const Article a = Extract(
      "<html><head><script type='application/ld+json'>{\"@type\":\"NewsArticle\","
      "\"headline\":\"Budget passes\",\"author\":[{\"name\":\"Grace Dean\"},"
      "{\"name\":\"Leon Hurley\"}]}</script></head><body><h1>Budget passes</h1>"
      "<div>By Grace Dean Contributions from Leon Hurley</div>"
      "<p>It was passed by a narrow margin.</p></body></html>",
      "https://news.example.com/budget");
  EXPECT_THAT(a.authors, ElementsAre("Grace Dean"));
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
    const Article a = Extract(input, "");
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
  const Article a = Extract(html, "https://example.com/deep");
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
  const Article a = Extract(html, "https://example.com/wide");
  EXPECT_EQ(a.title, "A headline with five words");
  EXPECT_EQ(a.published, "");
  EXPECT_THAT(a.authors, IsEmpty());
}

TEST(Metadata, InvalidUtf8IsRepaired) {
  const Article a = Extract(
      "<html><head><meta charset='utf-8'><meta name='author' content='Jos\xc3 Ruiz'>"
      "<meta property='og:title' content='Caf\xe9 opens'></head><body></body></html>",
      "https://example.com/cafe");
  EXPECT_TRUE(IsValidUtf8(a.title));
  for (const std::string& author : a.authors) EXPECT_TRUE(IsValidUtf8(author));
}

TEST(Metadata, ImplausibleDatesAreIgnored) {
  const Article a = Extract(
      "<html><head><meta property='article:published_time' content='1970-01-01T00:00:00Z'>"
      "<meta name='date' content='2099-05-01'></head><body><h1>A headline of words</h1>"
      "</body></html>",
      "https://example.com/2021/07/08/story");
  EXPECT_EQ(a.published, "2021-07-08");
}

}  // namespace
}  // namespace libdiff::internal
