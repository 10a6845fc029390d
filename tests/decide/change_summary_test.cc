// Copyright 2026 The libdiff Authors.
#include "decide/change_summary.h"

#include <gtest/gtest.h>

namespace libdiff::internal {
namespace {

TEST(CountParagraphChanges, IdenticalIsNoChange) {
  const ParagraphChanges c = CountParagraphChanges({1, 2, 3}, {1, 2, 3});
  EXPECT_EQ(c.added + c.removed + c.changed, 0);
}

TEST(CountParagraphChanges, SeparatesAddedRemovedChanged) {
  // 2 changed to 20, 4 removed, 5 and 6 appended.
  const ParagraphChanges c = CountParagraphChanges({1, 2, 3, 4}, {1, 20, 3, 5, 6});
  EXPECT_EQ(c.changed, 2);  // 2->20, 4->5
  EXPECT_EQ(c.added, 1);    // 6
  EXPECT_EQ(c.removed, 0);
  const ParagraphChanges d = CountParagraphChanges({1, 2, 3, 4}, {1, 4});
  EXPECT_EQ(d.removed, 2);
  EXPECT_EQ(d.added + d.changed, 0);
}

TEST(CountParagraphChanges, LargeInputsUseMultisets) {
  std::vector<uint64_t> a(5000), b(5000);
  for (uint64_t i = 0; i < 5000; ++i) a[i] = b[i] = i;
  b[10] = 999999;
  const ParagraphChanges c = CountParagraphChanges(a, b);
  EXPECT_EQ(c.changed, 1);
  EXPECT_EQ(c.added + c.removed, 0);
}

}  // namespace
}  // namespace libdiff::internal
