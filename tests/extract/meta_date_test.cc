// Copyright 2026 The libdiff Authors.
//
// Published and modified times (meta_date.cc), through ExtractMetadata on
// hand-written pages. Each expectation is what a reader of the page would write
// down. Most cases are data, in testdata/metadata/date.txt; here are the pages
// that text cannot hold as they are (built in a loop, or with CRLF line ends).

#include <string>

#include <gtest/gtest.h>

#include "extract/metadata.h"
#include "metadata_test_util.h"

namespace libdiff::internal {
namespace {

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

TEST(MetaDate, PublishedLabelInACrlfSidebar) {
  // A page written with CRLF line ends keeps the '\r's in its text nodes.
  const Article a = ExtractMetadataOf(
      "<html><body><div class='sidebar-meta'><h4>Published</h4>\r\n    "
      "<div class='date'>July 8, 2025</div>\r\n</div><h1>The top 25 companies</h1>"
      "<p>" + std::string(1200, 'x') + "</p></body></html>",
      "https://report.example.com/the-top-25-companies/");
  EXPECT_EQ(a.published, "2025-07-08");
}

}  // namespace
}  // namespace libdiff::internal
