// Copyright 2026 The libdiff Authors.
#include "dedupe/cluster.h"

#include <gtest/gtest.h>

#include <set>
#include <utility>
#include <vector>

namespace libdiff::internal {
namespace {

// The components of `uf` over n documents, each as its sorted members.
std::vector<std::vector<uint32_t>> Groups(UnionFind* uf, uint32_t n) {
  std::vector<std::vector<uint32_t>> by_root(n);
  for (uint32_t d = 0; d < n; ++d) by_root[uf->Find(d)].push_back(d);
  std::vector<std::vector<uint32_t>> out;
  for (auto& g : by_root) {
    if (g.size() > 1) out.push_back(g);
  }
  return out;
}

TEST(DuplicatePairs, EachDocumentJoinsTheEarliestOriginalItVerifiesAgainst) {
  // 0 is an article, 1 a copy of it that also carries part of article 2.
  // 1 verifies against 0 and 2; 2 does not verify against 0.
  const std::set<std::pair<uint32_t, uint32_t>> verified = {{0, 1}, {1, 2}};
  auto verify = [&](uint32_t a, uint32_t b) { return verified.count({a, b}) > 0; };
  DuplicatePairs pairs;
  pairs.Add(1, 0);  // either order
  pairs.Add(1, 2);
  pairs.Add(0, 1);  // repeats are fine
  UnionFind uf(3);
  pairs.JoinToOriginals(verify, &uf);
  EXPECT_EQ(Groups(&uf, 3), (std::vector<std::vector<uint32_t>>{{0, 1}}));
  EXPECT_EQ(pairs.size(), 0u);  // consumed
}

TEST(DuplicatePairs, ACopyOfACopyJoinsTheOriginalWhenItVerifiesAgainstIt) {
  // 2 was only paired with 1 (say, through a candidate key), but it verifies
  // against 1's original 0 as well: it joins 0.
  auto verify = [](uint32_t, uint32_t) { return true; };
  DuplicatePairs pairs;
  pairs.Add(0, 1);
  pairs.Add(1, 2);
  UnionFind uf(4);
  pairs.JoinToOriginals(verify, &uf);
  EXPECT_EQ(Groups(&uf, 4), (std::vector<std::vector<uint32_t>>{{0, 1, 2}}));
}

TEST(DuplicatePairs, ExactCopiesJoinedBeforehandFollowTheirLeader) {
  // 3 is an exact copy of 2 (joined before); 2 is a copy of 0.
  std::vector<std::pair<uint32_t, uint32_t>> asked;
  auto verify = [&](uint32_t a, uint32_t b) {
    asked.emplace_back(a, b);
    return true;
  };
  UnionFind uf(4);
  uf.Union(2, 3);
  DuplicatePairs pairs;
  pairs.Add(0, 2);
  pairs.JoinToOriginals(verify, &uf);
  EXPECT_EQ(Groups(&uf, 4), (std::vector<std::vector<uint32_t>>{{0, 2, 3}}));
  EXPECT_TRUE(asked.empty());  // the pair itself was the evidence
}

TEST(DuplicatePairs, AnOriginalThatFailsIsSkippedForTheNextOne) {
  // 0 and 1 are distinct originals; 2 is a copy of 0. 3 pairs with 2 (whose
  // original is 0) and with 1; it fails against 0 and joins 1.
  const std::set<std::pair<uint32_t, uint32_t>> verified = {{0, 2}, {2, 3}, {1, 3}};
  auto verify = [&](uint32_t a, uint32_t b) { return verified.count({a, b}) > 0; };
  DuplicatePairs pairs;
  pairs.Add(0, 2);
  pairs.Add(2, 3);
  pairs.Add(1, 3);
  UnionFind uf(4);
  pairs.JoinToOriginals(verify, &uf);
  EXPECT_EQ(Groups(&uf, 4), (std::vector<std::vector<uint32_t>>{{0, 2}, {1, 3}}));
}

TEST(DuplicatePairs, ManyRepeatsAreKeptOnceAndGiveTheSameStars) {
  // Pairs met many times over (through several keys and tables), past the
  // size where the buffer drops repeats as it grows.
  auto verify = [](uint32_t a, uint32_t b) { return b - a <= 1; };  // chain neighbours
  DuplicatePairs pairs;
  for (int round = 0; round < 8; ++round) {
    for (uint32_t d = 1; d < 3000; ++d) pairs.Add(d - 1, d);
  }
  EXPECT_LT(pairs.size(), 2u * 3000u);
  UnionFind uf(3000);
  pairs.JoinToOriginals(verify, &uf);
  // 0-1 join; 2 pairs with 1 (whose original 0 fails) and with 3 (later):
  // stars of two, 0-1, 2-3, 4-5, ...
  for (uint32_t d = 0; d < 3000; ++d) EXPECT_EQ(uf.Find(d), d - d % 2) << d;
}

TEST(VisitSimHashNeighbours, VisitsEveryPairWithinKBits) {
  const std::vector<uint64_t> hashes = {0x0, 0x7, 0xF, 0xFFFF000000000000ull, 0x1};
  std::vector<uint32_t> docs = {0, 1, 2, 3, 4};
  std::set<std::pair<uint32_t, uint32_t>> seen;
  ASSERT_TRUE(VisitSimHashNeighbours(
                  std::span<const uint32_t>(docs), 3, [&](uint32_t d) { return hashes[d]; },
                  [&](uint32_t a, uint32_t b) {
                    ASSERT_LT(a, b);
                    seen.emplace(a, b);
                  })
                  .ok());
  std::set<std::pair<uint32_t, uint32_t>> want;
  for (uint32_t a = 0; a < 5; ++a) {
    for (uint32_t b = a + 1; b < 5; ++b) {
      if (__builtin_popcountll(hashes[a] ^ hashes[b]) <= 3) want.emplace(a, b);
    }
  }
  EXPECT_EQ(seen, want);
}

}  // namespace
}  // namespace libdiff::internal
