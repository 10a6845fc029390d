// Copyright 2026 The libdiff Authors.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "diff/sentence_splitter.h"
#include "libdiff/diff.h"

namespace libdiff {
namespace {

using ::testing::ElementsAre;

TEST(SplitSentences, SplitsOnTerminatorsBeforeCapitals) {
  EXPECT_THAT(SplitSentences("The vote passed. Critics objected! Why now? Nobody knows."),
              ElementsAre("The vote passed.", "Critics objected!", "Why now?", "Nobody knows."));
}

TEST(SplitSentences, KeepsTitlesAndCompanyAbbreviations) {
  EXPECT_THAT(
      SplitSentences("Mr. Smith met Dr. Jones at Acme Inc. headquarters on Jan. 5. They talked."),
      ElementsAre("Mr. Smith met Dr. Jones at Acme Inc. headquarters on Jan. 5.", "They talked."));
}

TEST(SplitSentences, SplitsAfterAbbreviationBeforeSentenceOpener) {
  EXPECT_THAT(SplitSentences("He works for Apple Inc. The company declined to comment."),
              ElementsAre("He works for Apple Inc.", "The company declined to comment."));
}

TEST(SplitSentences, KeepsDottedAcronymsAndInitials) {
  EXPECT_THAT(SplitSentences("U.S. officials met J. R. R. Tolkien's heirs. Talks went on."),
              ElementsAre("U.S. officials met J. R. R. Tolkien's heirs.", "Talks went on."));
  EXPECT_THAT(SplitSentences("The meeting ended at 3 p.m. The police left."),
              ElementsAre("The meeting ended at 3 p.m.", "The police left."));
}

TEST(SplitSentences, KeepsDecimalsAndDomains) {
  EXPECT_THAT(SplitSentences("Growth was 3.5 percent, per example.com data. Rates rose."),
              ElementsAre("Growth was 3.5 percent, per example.com data.", "Rates rose."));
}

TEST(SplitSentences, KeepsClosingQuotesWithTheSentence) {
  EXPECT_THAT(SplitSentences("\"We will win.\" She smiled. \u201cReally?\u201d he asked."),
              ElementsAre("\"We will win.\"", "She smiled.", "\u201cReally?\u201d he asked."));
}

TEST(SplitSentences, HandlesEllipses) {
  EXPECT_THAT(SplitSentences("He paused... and went on. Then\u2026 Silence."),
              ElementsAre("He paused... and went on.", "Then\u2026", "Silence."));
}

TEST(SplitSentences, SplitsCjkWithoutSpaces) {
  EXPECT_THAT(SplitSentences(
                  "\u4eca\u65e5\u306f\u6674\u308c\u3002\u660e\u65e5\u306f\uff1f\u96e8\u3060\uff01"),
              ElementsAre("\u4eca\u65e5\u306f\u6674\u308c\u3002", "\u660e\u65e5\u306f\uff1f",
                          "\u96e8\u3060\uff01"));
}

TEST(SplitSentences, CollapsesWhitespaceAndDropsEmpty) {
  EXPECT_THAT(SplitSentences("  One\n two.\t\tThree  "), ElementsAre("One two.", "Three"));
  EXPECT_TRUE(SplitSentences(" \n\t ").empty());
}

TEST(SplitParagraphs, SplitsAtBlankLines) {
  EXPECT_THAT(internal::textdiff::SplitParagraphs("a\nb\n\n  \nc\r\n\r\nd"),
              ElementsAre("a b", "c", "d"));
  EXPECT_TRUE(internal::textdiff::SplitParagraphs("").empty());
}

TEST(SplitParagraphs, BlankLinesMayHoldUnicodeSpaces) {
  EXPECT_THAT(internal::textdiff::SplitParagraphs("a\n\u00a0\u3000\nb"), ElementsAre("a", "b"));
}

// IsCollapsed is the fast path that lets SplitSentences skip CollapseWhitespace.
TEST(IsCollapsed, AgreesWithCollapseWhitespace) {
  for (const char* s :
       {"", "a", "a b", "a  b", " a", "a ", "a\tb", "a\nb", "a\rb", "a\vb", "a\fb",
        "a\u00a0b", "a\u2028b", "a\u2029b", "a\u3000b", "caf\u00e9 \u201cquoted\u201d \u2014 ok",
        "\u00c2\u00a9 2026", "\u2026 and", "x\u00a0", "\u3000x", "\xc2", "\xe2\x80", "a \u00a0b"}) {
    EXPECT_EQ(internal::textdiff::IsCollapsed(s), internal::CollapseWhitespace(s) == s) << s;
  }
}

}  // namespace
}  // namespace libdiff
