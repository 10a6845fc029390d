// Copyright 2026 The libdiff Authors.
//
// Authors (meta_byline.cc), through ExtractMetadata on hand-written pages. Most
// cases are data, in testdata/metadata/byline.txt; here is the page built in a
// loop.

#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "extract/metadata.h"
#include "metadata_test_util.h"

namespace libdiff::internal {
namespace {

using ::testing::ElementsAre;

TEST(MetaByline, WrittenByLabelAnywhereInALongPageWithIndentedMarkup) {
  // The label sits past the first 2,000 nodes, and the indented markup between
  // it and the name leaves more than three blank lines.
  std::string body;
  for (int i = 0; i < 1500; ++i) body += "<p>Paragraph <b>" + std::to_string(i) + "</b></p>";
  const Article a = ExtractMetadataOf(
      "<html><body><h1>What is an online course?</h1>" + body +
          "<div>\n  <span>Written by</span>\n  <div>\n    \n\n    <div>\n      \n"
          "      <span>Eliz</span>\n    </div>\n  </div>\n</div></body></html>",
      "https://lms.example.com/knowledge-center/online-course");
  EXPECT_THAT(a.authors, ElementsAre("Eliz"));
}

}  // namespace
}  // namespace libdiff::internal
