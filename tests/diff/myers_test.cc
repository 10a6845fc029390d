// Copyright 2026 The libdiff Authors.
#include "diff/myers.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

namespace libdiff::internal::textdiff {
namespace {

size_t LcsLength(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  std::vector<size_t> prev(b.size() + 1, 0), cur(b.size() + 1, 0);
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : std::max(prev[j], cur[j - 1]);
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

void ExpectValidMatches(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b,
                        const MatchResult& r) {
  for (size_t k = 0; k < r.matches.size(); ++k) {
    auto [i, j] = r.matches[k];
    ASSERT_LT(i, a.size());
    ASSERT_LT(j, b.size());
    EXPECT_EQ(a[i], b[j]);
    if (k > 0) {
      EXPECT_LT(r.matches[k - 1].first, i);
      EXPECT_LT(r.matches[k - 1].second, j);
    }
  }
}

TEST(MatchSequences, FindsALongestCommonSubsequence) {
  std::mt19937 rng(7);
  for (int iter = 0; iter < 500; ++iter) {
    std::uniform_int_distribution<uint32_t> sym(0, static_cast<uint32_t>(iter % 3 == 0 ? 3 : 12));
    std::uniform_int_distribution<size_t> len(0, 40);
    std::vector<uint32_t> a(len(rng)), b(len(rng));
    for (auto& x : a) x = sym(rng);
    for (auto& x : b) x = sym(rng);
    MatchResult r = MatchSequences(a, b, 1000);
    ExpectValidMatches(a, b, r);
    EXPECT_FALSE(r.coarse);
    EXPECT_EQ(r.matches.size(), LcsLength(a, b)) << "iteration " << iter;
  }
}

TEST(MatchSequences, EmptyAndIdenticalInputs) {
  EXPECT_TRUE(MatchSequences({}, {1, 2}, 10).matches.empty());
  EXPECT_TRUE(MatchSequences({1, 2}, {}, 10).matches.empty());
  MatchResult same = MatchSequences({1, 2, 3}, {1, 2, 3}, 10);
  EXPECT_EQ(same.matches.size(), 3u);
}

TEST(MatchSequences, CostLimitGivesValidCoarseResult) {
  // Alternating inputs need many edits; a limit of 2 cannot find the optimum.
  std::vector<uint32_t> a, b;
  for (uint32_t i = 0; i < 200; ++i) {
    a.push_back(i % 2);
    b.push_back((i / 3) % 2);
  }
  MatchResult r = MatchSequences(a, b, 2);
  ExpectValidMatches(a, b, r);
  EXPECT_TRUE(r.coarse);
  EXPECT_LT(r.matches.size(), LcsLength(a, b));
}

TEST(MatchSequences, UnrelatedSequencesAreCheap) {
  std::vector<uint32_t> a(200000), b(200000);
  for (uint32_t i = 0; i < a.size(); ++i) {
    a[i] = i;
    b[i] = i + 1000000;
  }
  MatchResult r = MatchSequences(a, b, 4096);
  EXPECT_TRUE(r.matches.empty());
  EXPECT_FALSE(r.coarse);
}

TEST(MatchSequences, WorkBudgetIsSharedAndSpentRegionsAreCoarse) {
  std::mt19937 rng(11);
  std::uniform_int_distribution<uint32_t> sym(0, 30);
  std::vector<uint32_t> a(2000), b(2000);
  for (auto& x : a) x = sym(rng);
  for (auto& x : b) x = sym(rng);
  // A budget larger than the search needs changes nothing and is charged.
  size_t budget = size_t{1} << 40;
  MatchResult full = MatchSequences(a, b, 4096, &budget);
  EXPECT_FALSE(full.coarse);
  EXPECT_EQ(full.matches, MatchSequences(a, b, 4096).matches);
  EXPECT_LT(budget, size_t{1} << 40);
  // A small budget runs out: valid but coarse, and the budget ends at 0.
  budget = 1000;
  MatchResult cut = MatchSequences(a, b, 4096, &budget);
  ExpectValidMatches(a, b, cut);
  EXPECT_TRUE(cut.coarse);
  EXPECT_LT(cut.matches.size(), full.matches.size());
  EXPECT_EQ(budget, 0u);
  // A spent budget still matches common prefixes and suffixes.
  MatchResult spent = MatchSequences({1, 2, 3, 2, 4}, {1, 3, 2, 3, 4}, 4096, &budget);
  EXPECT_TRUE(spent.coarse);
  EXPECT_EQ(spent.matches, (std::vector<std::pair<size_t, size_t>>{{0, 0}, {4, 4}}));
}

}  // namespace
}  // namespace libdiff::internal::textdiff
