// Copyright 2026 The libdiff Authors.
//
// The middle-snake search follows Myers (1986), "An O(ND) Difference Algorithm
// and Its Variations", section 4b: forward and reverse searches meet on a
// snake of an optimal path, and the two halves are solved recursively, so only
// O(D) state is kept per search.
#include "diff/myers.h"

#include <algorithm>
#include <cstdint>
#include <unordered_set>

namespace libdiff::internal::textdiff {
namespace {

using Index = int64_t;

class MyersMatcher {
 public:
  MyersMatcher(const uint32_t* a, const uint32_t* b, size_t max_cost, size_t* work_budget,
               MatchResult* out)
      : a_(a), b_(b), max_cost_(static_cast<Index>(std::max<size_t>(max_cost, 1))),
        work_budget_(work_budget), out_(out) {}

  // Matches a_[a0, a1) against b_[b0, b1).
  void Match(Index a0, Index a1, Index b0, Index b1) {
    // Common prefix.
    while (a0 < a1 && b0 < b1 && a_[a0] == b_[b0]) {
      out_->matches.emplace_back(static_cast<size_t>(a0), static_cast<size_t>(b0));
      ++a0;
      ++b0;
    }
    // Common suffix, emitted after the middle.
    Index suffix = 0;
    while (a0 < a1 - suffix && b0 < b1 - suffix && a_[a1 - 1 - suffix] == b_[b1 - 1 - suffix]) {
      ++suffix;
    }
    const Index ma1 = a1 - suffix, mb1 = b1 - suffix;
    if (a0 < ma1 && b0 < mb1) {
      Index x = 0, y = 0;
      if (MiddleSnake(a0, ma1, b0, mb1, &x, &y) &&
          !((x == a0 && y == b0) || (x == ma1 && y == mb1))) {
        Match(a0, x, b0, y);
        Match(x, ma1, y, mb1);
      } else {
        out_->coarse = true;  // the whole region stays unmatched
      }
    }
    for (Index s = 0; s < suffix; ++s) {
      out_->matches.emplace_back(static_cast<size_t>(ma1 + s), static_cast<size_t>(mb1 + s));
    }
  }

 private:
  // Finds where the forward and reverse D-paths of a_[a0,a1) x b_[b0,b1)
  // overlap; sets (*x, *y) to the split point in absolute coordinates. False
  // past the cost limit or the work budget. Charges the work to the budget.
  bool MiddleSnake(Index a0, Index a1, Index b0, Index b1, Index* x, Index* y) {
    if (work_budget_ == nullptr) return Search(a0, a1, b0, b1, x, y, nullptr);
    if (*work_budget_ == 0) return false;
    size_t work = 0;
    const bool found = Search(a0, a1, b0, b1, x, y, &work);
    *work_budget_ -= std::min(work, *work_budget_);
    return found;
  }

  // MiddleSnake's search; counts diagonals and snake steps in *work (when not
  // null) and gives up once they exceed the budget.
  bool Search(Index a0, Index a1, Index b0, Index b1, Index* x, Index* y, size_t* work) {
    const Index n = a1 - a0, m = b1 - b0;
    // The paths meet by d = ceil((n + m) / 2); the budget may stop earlier.
    const Index max_d = std::min((n + m + 1) / 2, max_cost_);
    const Index offset = max_d + 2;
    const Index length = 2 * max_d + 4;
    fwd_.assign(static_cast<size_t>(length), -1);
    rev_.assign(static_cast<size_t>(length), -1);
    fwd_[static_cast<size_t>(offset + 1)] = 0;
    rev_[static_cast<size_t>(offset + 1)] = 0;
    const Index delta = n - m;
    const bool front = (delta % 2) != 0;
    Index k1start = 0, k1end = 0, k2start = 0, k2end = 0;
    Index steps = 0;
    const auto done = [&](bool found) {
      if (work != nullptr) *work += static_cast<size_t>(steps);
      return found;
    };
    for (Index d = 0; d <= max_d; ++d) {
      if (work != nullptr && static_cast<size_t>(steps) > *work_budget_) return done(false);
      for (Index k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
        const Index k1o = offset + k1;
        Index x1;
        if (k1 == -d || (k1 != d && V(fwd_, k1o - 1) < V(fwd_, k1o + 1))) {
          x1 = V(fwd_, k1o + 1);
        } else {
          x1 = V(fwd_, k1o - 1) + 1;
        }
        Index y1 = x1 - k1;
        const Index x1_start = x1;
        while (x1 < n && y1 < m && a_[a0 + x1] == b_[b0 + y1]) {
          ++x1;
          ++y1;
        }
        steps += 1 + (x1 - x1_start);
        fwd_[static_cast<size_t>(k1o)] = x1;
        if (x1 > n) {
          k1end += 2;
        } else if (y1 > m) {
          k1start += 2;
        } else if (front) {
          const Index k2o = offset + delta - k1;
          if (k2o >= 0 && k2o < length && V(rev_, k2o) != -1) {
            if (x1 >= n - V(rev_, k2o)) {
              *x = a0 + x1;
              *y = b0 + y1;
              return done(true);
            }
          }
        }
      }
      for (Index k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
        const Index k2o = offset + k2;
        Index x2;
        if (k2 == -d || (k2 != d && V(rev_, k2o - 1) < V(rev_, k2o + 1))) {
          x2 = V(rev_, k2o + 1);
        } else {
          x2 = V(rev_, k2o - 1) + 1;
        }
        Index y2 = x2 - k2;
        const Index x2_start = x2;
        while (x2 < n && y2 < m && a_[a0 + n - x2 - 1] == b_[b0 + m - y2 - 1]) {
          ++x2;
          ++y2;
        }
        steps += 1 + (x2 - x2_start);
        rev_[static_cast<size_t>(k2o)] = x2;
        if (x2 > n) {
          k2end += 2;
        } else if (y2 > m) {
          k2start += 2;
        } else if (!front) {
          const Index k1o = offset + delta - k2;
          if (k1o >= 0 && k1o < length && V(fwd_, k1o) != -1) {
            const Index x1 = V(fwd_, k1o);
            const Index y1 = offset + x1 - k1o;
            if (x1 >= n - x2) {
              *x = a0 + x1;
              *y = b0 + y1;
              return done(true);
            }
          }
        }
      }
    }
    return done(false);
  }

  static Index V(const std::vector<Index>& v, Index i) { return v[static_cast<size_t>(i)]; }

  const uint32_t* a_;
  const uint32_t* b_;
  Index max_cost_;
  size_t* work_budget_;  // may be null
  MatchResult* out_;
  std::vector<Index> fwd_, rev_;
};

}  // namespace

MatchResult MatchSequences(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b,
                           size_t max_cost, size_t* work_budget) {
  MatchResult result;
  if (a.empty() || b.empty()) return result;
  // Keep only elements that occur on both sides; remember where they came from.
  std::unordered_set<uint32_t> in_a(a.begin(), a.end()), in_b(b.begin(), b.end());
  std::vector<uint32_t> fa, fb;
  std::vector<size_t> ia, ib;
  for (size_t i = 0; i < a.size(); ++i) {
    if (in_b.count(a[i])) {
      fa.push_back(a[i]);
      ia.push_back(i);
    }
  }
  for (size_t j = 0; j < b.size(); ++j) {
    if (in_a.count(b[j])) {
      fb.push_back(b[j]);
      ib.push_back(j);
    }
  }
  if (fa.empty() || fb.empty()) return result;
  MyersMatcher matcher(fa.data(), fb.data(), max_cost, work_budget, &result);
  matcher.Match(0, static_cast<Index>(fa.size()), 0, static_cast<Index>(fb.size()));
  for (auto& [i, j] : result.matches) {
    i = ia[i];
    j = ib[j];
  }
  return result;
}

}  // namespace libdiff::internal::textdiff
