// Copyright 2026 The libdiff Authors.
//
// Published and modified times (meta_date.cc), through ExtractMetadata on
// hand-written pages. Each expectation is what a reader of the page would write down.

#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "extract/metadata.h"
#include "metadata_test_util.h"

namespace libdiff::internal {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(MetaDate, VisiblePublishedAndUpdatedText) {
  const Article a =
      ExtractMetadataSample("visible_dates.html", "https://library.example.org/news/library-reopens");
  EXPECT_EQ(a.title, "Library reopens after two-year renovation");
  EXPECT_EQ(a.published, "2023-03-03T21:15:00-05:00");
  EXPECT_EQ(a.modified, "2023-03-04T08:00:00-05:00");
  EXPECT_THAT(a.authors, ElementsAre("Jane Roe", "John Doe"));
  EXPECT_EQ(a.language, "en");
  EXPECT_EQ(a.site_name, "library.example.org");
  EXPECT_EQ(a.canonical_url, "https://library.example.org/news/library-reopens");
}

TEST(MetaDate, DateFromUrlWhenPageHasNone) {
  const Article a =
      ExtractMetadataSample("url_date.html", "https://ferry.example.net/2022/11/05/ferry-timetable/");
  EXPECT_EQ(a.title, "Ferry timetable changes for winter");
  EXPECT_EQ(a.published, "2022-11-05");
  EXPECT_EQ(a.modified, "");
  EXPECT_THAT(a.authors, IsEmpty());
}

// The date line above the headline, when the page gives no other date.

TEST(MetaDate, DateShownAboveTheHeadlineWhenThePageHasNoOther) {
  const Article a = ExtractMetadataOf(
      "<html><head><title>Top agencies</title></head><body><div class='meta'><div>Last updated:"
      "</div><div>Dec 12, 2025</div></div><h1>Top agencies</h1><p>The list follows.</p>"
      "</body></html>",
      "https://agency.example.com/top-agencies");
  EXPECT_EQ(a.title, "Top agencies");
  EXPECT_EQ(a.published, "2025-12-12");
}

// A dated teaser far above the headline (a "latest" box) is not the page's date.

TEST(MetaDate, DateFarAboveTheHeadlineIsNotTaken) {
  std::string html = "<html><body><div class='latest'><p>Other story, Dec 1, 2025</p>";
  for (int i = 0; i < 8; ++i) {
    html += "<p>Another headline about something else that happened in the town this week</p>";
  }
  html += "</div><h1>Top agencies</h1><p>The list follows.</p></body></html>";
  const Article a = ExtractMetadataOf(html, "https://agency.example.com/top-agencies");
  EXPECT_EQ(a.published, "");
}

TEST(MetaDate, UtcTimeIsGivenInThePagesOwnOffset) {
  const Article a = ExtractMetadataSample("timezones.html", "https://city.example.com/night-market");
  // JSON-LD says 01:30Z; article:published_time states the same instant in
  // the newsroom's zone, whose calendar day readers saw.
  EXPECT_EQ(a.published, "2023-12-19T20:30:00-05:00");
  EXPECT_EQ(a.modified, "2023-12-20T02:10:00Z");
}

TEST(MetaDate, ImplausibleDatesAreIgnored) {
  const Article a = ExtractMetadataOf(
      "<html><head><meta property='article:published_time' content='1970-01-01T00:00:00Z'>"
      "<meta name='date' content='2099-05-01'></head><body><h1>A headline of words</h1>"
      "</body></html>",
      "https://example.com/2021/07/08/story");
  EXPECT_EQ(a.published, "2021-07-08");
}

TEST(MetaDate, LabelledDateAnywhereWhenNoOtherSource) {
  // The only date is under the article, after a "Published On:" label.
  const std::string body = "<p>" + std::string(1200, 'x') + "</p>";
  const Article a = ExtractMetadataOf(
      "<html><body><h1>How to repot a fern</h1>" + body +
      "<div class='meta'><span>Published On: 15 August 2025</span></div></body></html>",
      "https://plants.example.com/ferns");
  EXPECT_EQ(a.published, "2025-08-15");
  // The label opens an element of its own, the date the next one.
  const Article b = ExtractMetadataOf(
      "<html><body><h1>How to repot a fern</h1>" + body +
      "<div><h4>Posted on</h4>\n<div>the 15/12/2025</div></div></body></html>",
      "https://plants.example.com/ferns");
  EXPECT_EQ(b.published, "2025-12-15");
  // Prose far below the headline does not capitalise the label: no date.
  const Article c = ExtractMetadataOf(
      "<html><body><h1>How to repot a fern</h1>" + body +
      "<p>The study was published on March 3, 2021 in a journal.</p></body></html>",
      "https://plants.example.com/ferns");
  EXPECT_EQ(c.published, "");
}

TEST(MetaDate, DrupalMetaTimesAndAPublishedMetaTag) {
  const Article a = ExtractMetadataOf(
      "<html><head><meta property='article:published_time' content='Thu, 09/25/2025 - 11:38'>"
      "</head><body><h1>Concerns with unapproved drugs</h1><p>Text.</p></body></html>",
      "https://agency.example.gov/drugs/concerns");
  EXPECT_EQ(a.published, "2025-09-25T11:38:00");
  const Article b = ExtractMetadataOf(
      "<html><head><meta name='published' content='July 17, 2025'></head>"
      "<body><h1>Twelve tools for data analysis</h1><p>Text.</p></body></html>",
      "https://vendor.example.com/blog/tools.html");
  EXPECT_EQ(b.published, "2025-07-17");
}

TEST(MetaDate, InlineNeighboursAboveTheHeadlineAreSeparateWords) {
  // "Dec 17, 2025" and the author's name in adjacent spans over the h1.
  const Article a = ExtractMetadataOf(
      "<html><body><div class='meta'><span>Dec 17, 2025</span><span>Julian K. Arni</span></div>"
      "<h1>Hardware-attested builds</h1><p>Text.</p></body></html>",
      "https://build.example.io/blog/attested");
  EXPECT_EQ(a.published, "2025-12-17");
}

TEST(MetaDate, LastUpdatedLabelDatesAPageWithoutAnyOtherDate) {
  const Article a = ExtractMetadataOf(
      "<html><body><h1>Webcams</h1><p>Text.</p><p>More text.</p>"
      "<p>Last updated: November 13, 2025</p></body></html>",
      "https://parks.example.gov/webcams.htm");
  EXPECT_EQ(a.published, "2025-11-13");
  // A site-wide "Site Last Updated" footer (past the text read under the
  // headline) does not date the page.
  const Article b = ExtractMetadataOf(
      "<html><body><h1>Meditation and mindfulness</h1><p>" + std::string(1200, 'x') +
          "</p><footer><p>Site Last Updated: December 20, 2025</p></footer></body></html>",
      "https://health.example.gov/meditation");
  EXPECT_EQ(b.published, "");
  // A "Published" label still wins over an "Updated" one.
  const Article c = ExtractMetadataOf(
      "<html><body><h1>Webcams</h1><p>Text.</p><p>Updated: November 13, 2025</p>"
      "<p>Published: March 2, 2024</p></body></html>",
      "https://parks.example.gov/webcams.htm");
  EXPECT_EQ(c.published, "2024-03-02");
}

TEST(MetaDate, PublishedLabelInACrlfSidebar) {
  // A page written with CRLF line ends keeps the '\r's in its text nodes.
  const Article a = ExtractMetadataOf(
      "<html><body><div class='sidebar-meta'><h4>Published</h4>\r\n    "
      "<div class='date'>July 8, 2025</div>\r\n</div><h1>The top 25 companies</h1>"
      "<p>" + std::string(1200, 'x') + "</p></body></html>",
      "https://report.example.com/the-top-25-companies/");
  EXPECT_EQ(a.published, "2025-07-08");
}

TEST(MetaDate, OnlyAModifiedTimeDatesThePage) {
  const Article a = ExtractMetadataOf(
      "<html><head><meta property='article:modified_time' "
      "content='2023-06-12T10:39:42+00:00'></head><body><h1>Website design portfolio</h1>"
      "<p>Text.</p></body></html>",
      "https://agency.example.com/portfolio-work/");
  EXPECT_EQ(a.published, "2023-06-12T10:39:42Z");
  EXPECT_EQ(a.modified, "2023-06-12T10:39:42Z");
  // With a published time as well, each keeps its own.
  const Article b = ExtractMetadataOf(
      "<html><head><meta property='article:published_time' content='2021-01-05'>"
      "<meta property='article:modified_time' content='2023-06-12T10:39:42+00:00'></head>"
      "<body><h1>Website design portfolio</h1><p>Text.</p></body></html>",
      "https://agency.example.com/portfolio-work/");
  EXPECT_EQ(b.published, "2021-01-05");
  EXPECT_EQ(b.modified, "2023-06-12T10:39:42Z");
}

TEST(MetaDate, AnUpdatedMetaTagConfirmsTheShownDate) {
  const Article a = ExtractMetadataOf(
      "<html><head><meta property='article:published_time' content='2025-06-17'>"
      "<meta name='updated' content='2025-12-18'></head><body>"
      "<h1>Emerging blockchain trends</h1><p>Updated Dec 18, 2025 &middot; 12 min read</p>"
      "<p>Text.</p></body></html>",
      "https://dev.example.com/blog/emerging-blockchain-technology-trends/");
  EXPECT_EQ(a.modified, "2025-12-18");
  EXPECT_EQ(a.published, "2025-12-18");
}

}  // namespace
}  // namespace libdiff::internal
