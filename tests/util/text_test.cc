// Copyright 2026 The libdiff Authors.
#include "util/text.h"

#include <gtest/gtest.h>

namespace libdiff::internal {
namespace {

TEST(CollapseWhitespace, CollapsesRunsAndTrims) {
  EXPECT_EQ(CollapseWhitespace("  a \t\n b\r\n\fc  "), "a b c");
  EXPECT_EQ(CollapseWhitespace(""), "");
  EXPECT_EQ(CollapseWhitespace(" \n\t "), "");
}

TEST(CollapseWhitespace, TreatsUnicodeSpacesAsWhitespace) {
  EXPECT_EQ(CollapseWhitespace("a\xC2\xA0\xC2\xA0" "b"), "a b");
  EXPECT_EQ(CollapseWhitespace("a\xE2\x80\xA8" "b\xE3\x80\x80" "c"), "a b c");
}

TEST(CollapseWhitespace, KeepsOtherBytesUnchanged) {
  EXPECT_EQ(CollapseWhitespace("caf\xC3\xA9  \xE4\xB8\xAD"), "caf\xC3\xA9 \xE4\xB8\xAD");
  EXPECT_EQ(CollapseWhitespace("x\xC2"), "x\xC2");  // truncated sequence copied as is
}

}  // namespace
}  // namespace libdiff::internal
