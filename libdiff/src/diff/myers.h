// Copyright 2026 The libdiff Authors.
//
// Linear-space Myers O(ND) diff over integer ids with a cost limit. Private to
// libdiff.
#ifndef LIBDIFF_DIFF_MYERS_H_
#define LIBDIFF_DIFF_MYERS_H_

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace libdiff::internal::textdiff {

struct MatchResult {
  // Pairs (i, j) with a[i] == b[j], strictly increasing in both: a common
  // subsequence, the longest one unless `coarse`.
  std::vector<std::pair<size_t, size_t>> matches;
  // True when some region exceeded the cost limit and was left unmatched.
  bool coarse = false;
};

// Matches `a` against `b`. Elements whose id occurs only on one side are set
// aside first (they can never be matched), which keeps unrelated inputs cheap.
// Each middle-snake search explores at most `max_cost` edit steps; a region
// that needs more is reported as all deletions and insertions. Memory is
// O(|a| + |b| + max_cost); time O((|a| + |b|) * min(D, max_cost)).
//
// `work_budget`, when not null, is a budget shared by many calls: each
// middle-snake search takes the diagonals and snake steps it explores from
// it, and once it is spent every remaining region is left unmatched (coarse).
// This bounds the total time of many word-level diffs, each within max_cost.
MatchResult MatchSequences(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b,
                           size_t max_cost, size_t* work_budget = nullptr);

}  // namespace libdiff::internal::textdiff

#endif  // LIBDIFF_DIFF_MYERS_H_
