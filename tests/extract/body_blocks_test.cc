// Copyright 2026 The libdiff Authors.
//
// The block classes of the body extractor (extract/body_blocks.cc): what makes
// a block prose, clutter or neither on its own, before any container is chosen.
#include <gtest/gtest.h>

#include <string>

#include "extract/body_blocks.h"

namespace libdiff::internal {
namespace {

RawBlock Block(const std::string& text, size_t link_bytes = 0,
               BlockKind kind = BlockKind::kParagraph) {
  RawBlock b;
  b.text = text;
  for (char c : text) b.bytes += c != ' ';
  b.link_bytes = link_bytes;
  b.kind = kind;
  return b;
}

TEST(BodyBlocks, EndsSentence) {
  for (const char* s : {"The council voted.", "Why now?", "It rose (again).", "He said: \"no.\"",
                        "\xE2\x80\x9CWe will.\xE2\x80\x9D", "\xE5\xA5\xBD\xE3\x80\x82",
                        "Then \xE2\x80\xA6"}) {
    EXPECT_TRUE(EndsSentence(s)) << s;
  }
  for (const char* s : {"", "Read more", "Share this article", "\xE2\x80\x9CWe will\xE2\x80\x9D"}) {
    EXPECT_FALSE(EndsSentence(s)) << s;
  }
}

TEST(BodyBlocks, LongProseWithFewLinksIsGood) {
  RawBlock b = Block(
      "The council voted on Monday to build the flood wall, which engineers say will protect "
      "four thousand homes along the river.");
  Classify(b);
  EXPECT_GT(b.good, 0);
  EXPECT_EQ(b.bad, 0);
  EXPECT_FALSE(b.volatile_text);
  // The same text, mostly inside links: a list of headlines, not prose.
  RawBlock linked = Block(b.text, b.bytes * 3 / 4);
  Classify(linked);
  EXPECT_EQ(linked.good, 0);
  EXPECT_GT(linked.bad, 0);
}

TEST(BodyBlocks, ShortSentenceIsHalfGoodAndAFragmentIsNeither) {
  RawBlock sentence = Block("Residents of the riverside streets were told to leave by noon.");
  Classify(sentence);
  EXPECT_GT(sentence.good, 0);
  EXPECT_LT(sentence.good, static_cast<double>(sentence.bytes));
  RawBlock fragment = Block("Residents of the riverside streets told to leave by noon");
  Classify(fragment);
  EXPECT_EQ(fragment.good, 0);
  EXPECT_EQ(fragment.bad, 0);
}

TEST(BodyBlocks, VolatileTextIsBadAndHeadingsAreNeutral) {
  RawBlock updated = Block("Updated 5 mins ago");
  Classify(updated);
  EXPECT_TRUE(updated.volatile_text);
  EXPECT_GT(updated.bad, 0);
  RawBlock heading = Block(
      "What the council decided about the flood wall and why it took eleven years to get here",
      0, BlockKind::kHeading);
  Classify(heading);
  EXPECT_EQ(heading.good, 0);
  EXPECT_EQ(heading.bad, 0);
}

}  // namespace
}  // namespace libdiff::internal
