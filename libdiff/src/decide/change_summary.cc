// Copyright 2026 The libdiff Authors.
#include "decide/change_summary.h"

#include <algorithm>
#include <unordered_map>

namespace libdiff::internal {
namespace {

void CountGap(size_t old_gap, size_t new_gap, ParagraphChanges* c) {
  const size_t changed = std::min(old_gap, new_gap);
  c->changed += static_cast<int>(changed);
  c->removed += static_cast<int>(old_gap - changed);
  c->added += static_cast<int>(new_gap - changed);
}

}  // namespace

ParagraphChanges CountParagraphChanges(const std::vector<uint64_t>& a,
                                       const std::vector<uint64_t>& b) {
  ParagraphChanges c;
  const size_t n = a.size(), m = b.size();
  if (n > 4096 || m > 4096) {
    std::unordered_map<uint64_t, int> count;
    for (uint64_t h : a) ++count[h];
    size_t common = 0;
    for (uint64_t h : b) {
      auto it = count.find(h);
      if (it != count.end() && it->second > 0) {
        --it->second;
        ++common;
      }
    }
    CountGap(n - common, m - common, &c);
    return c;
  }
  // lcs[i][j] = LCS length of a[i..] and b[j..].
  std::vector<uint32_t> lcs((n + 1) * (m + 1), 0);
  const auto at = [m](size_t i, size_t j) { return i * (m + 1) + j; };
  for (size_t i = n; i-- > 0;) {
    for (size_t j = m; j-- > 0;) {
      lcs[at(i, j)] = a[i] == b[j] ? lcs[at(i + 1, j + 1)] + 1
                                   : std::max(lcs[at(i + 1, j)], lcs[at(i, j + 1)]);
    }
  }
  size_t i = 0, j = 0, old_gap = 0, new_gap = 0;
  while (i < n && j < m) {
    if (a[i] == b[j]) {
      CountGap(old_gap, new_gap, &c);
      old_gap = new_gap = 0;
      ++i;
      ++j;
    } else if (lcs[at(i + 1, j)] >= lcs[at(i, j + 1)]) {
      ++old_gap;
      ++i;
    } else {
      ++new_gap;
      ++j;
    }
  }
  CountGap(old_gap + (n - i), new_gap + (m - j), &c);
  return c;
}

}  // namespace libdiff::internal
