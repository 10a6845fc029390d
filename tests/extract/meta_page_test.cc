// Copyright 2026 The libdiff Authors.
#include "extract/meta_page.h"

#include <gtest/gtest.h>

#include <string>

namespace libdiff::internal {
namespace {

TEST(IsOffTopicContainer, WordsAtTheStartOfAToken) {
  EXPECT_TRUE(IsOffTopicContainer("aside", ""));
  EXPECT_TRUE(IsOffTopicContainer("div", "related-stories"));
  EXPECT_TRUE(IsOffTopicContainer("div", "main Comments-list"));
  EXPECT_TRUE(IsOffTopicContainer("div", "x\tMOSTPOPULAR"));
  EXPECT_TRUE(IsOffTopicContainer("div", "a  \r\n\fread-more"));
  EXPECT_TRUE(IsOffTopicContainer("div", "wrap most-popular-list"));
  EXPECT_TRUE(IsOffTopicContainer("section", "ob taboola-feed"));
  // Inside a token, or words the list does not hold.
  EXPECT_FALSE(IsOffTopicContainer("div", "has-sidebar no-comments"));
  EXPECT_FALSE(IsOffTopicContainer("div", "most_popular readmor relate"));
  EXPECT_FALSE(IsOffTopicContainer("div", "article-body"));
  EXPECT_FALSE(IsOffTopicContainer("div", ""));
  // A vertical tab is no token boundary (RE2's \s does not hold it).
  EXPECT_FALSE(IsOffTopicContainer("div", "x\vsidebar"));
}

TEST(IsOffTopicContainer, TextBeyondAsciiFoldsCaseAsRe2Does) {
  // U+017F LATIN SMALL LETTER LONG S folds to 's', U+212A KELVIN SIGN to 'k'.
  EXPECT_TRUE(IsOffTopicContainer("div", "caf\xC3\xA9 \xC5\xBFidebar"));
  EXPECT_TRUE(IsOffTopicContainer("div", "\xC3\xA9 related"));
  EXPECT_FALSE(IsOffTopicContainer("div", "caf\xC3\xA9 main"));
  EXPECT_FALSE(IsOffTopicContainer("div", "\xC3\xA9sidebar"));
}

}  // namespace
}  // namespace libdiff::internal
