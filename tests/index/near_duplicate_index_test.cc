// Copyright 2026 The libdiff Authors.
#include "index/near_duplicate_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <random>
#include <set>
#include <vector>

#include "index/index_test_util.h"

namespace libdiff::internal {
namespace {

TEST(TableLayout, BlocksCoverAllBitsOnce) {
  for (int k = 0; k <= kMaxSupportedK; ++k) {
    const TableLayout layout = TableLayout::ForMaxK(k);
    ASSERT_EQ(layout.tables, k + 1);
    int total = 0;
    uint64_t covered = 0;
    for (int t = 0; t < layout.tables; ++t) {
      const int w = layout.width[static_cast<size_t>(t)];
      total += w;
      // The block's bits, as a mask in the unrotated hash.
      const uint64_t top = w == 64 ? ~uint64_t{0} : ((uint64_t{1} << w) - 1) << (64 - w);
      const uint64_t mask = layout.Unpermute(t, top);
      EXPECT_EQ(covered & mask, 0u) << "k=" << k << " t=" << t;
      covered |= mask;
      EXPECT_EQ(layout.Unpermute(t, layout.Permute(t, 0x0123456789abcdefULL)),
                0x0123456789abcdefULL);
    }
    EXPECT_EQ(total, 64);
    EXPECT_EQ(covered, ~uint64_t{0});
  }
}

TEST(NearDuplicateIndex, EmptyIndexFindsNothing) {
  NearDuplicateIndex index(3);
  std::vector<IndexMatch> out;
  index.Query(42, 3, &out);
  EXPECT_TRUE(out.empty());
  ASSERT_TRUE(index.Build().ok());
  index.Query(42, 3, &out);
  EXPECT_TRUE(out.empty());
}

TEST(NearDuplicateIndex, FindsExactAndNearButNotFar) {
  NearDuplicateIndex index(3);
  const uint64_t h = 0xfeedfacecafebeefULL;
  index.Add(h, 1);
  index.Add(h ^ 0x7, 2);                    // distance 3
  index.Add(h ^ 0xf, 3);                    // distance 4
  index.Add(h ^ 0x8000000000000001ULL, 4);  // distance 2, bits in different blocks
  ASSERT_TRUE(index.Build().ok());
  std::vector<IndexMatch> out;
  index.Query(h, 3, &out);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0], (IndexMatch{1, h, 0}));
  EXPECT_EQ(out[1], (IndexMatch{4, h ^ 0x8000000000000001ULL, 2}));
  EXPECT_EQ(out[2], (IndexMatch{2, h ^ 0x7, 3}));
  out.clear();
  index.Query(h, 1, &out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].id, 1u);
}

TEST(NearDuplicateIndex, SharedFingerprintsAndRepeatedPairsAppearOnce) {
  NearDuplicateIndex index(3);
  const uint64_t h = 0x0123456789abcdefULL;
  index.Add(h, 7);
  index.Add(h, 7);      // the same pair twice
  index.Add(h, 8);      // another article, same fingerprint
  index.Add(h ^ 1, 7);  // the same id under a second hash
  ASSERT_TRUE(index.Build().ok());
  EXPECT_EQ(index.size(), 3u);
  std::vector<IndexMatch> out;
  index.Query(h, 3, &out);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].id, 7u);
  EXPECT_EQ(out[0].distance, 0);
  EXPECT_EQ(out[1].id, 8u);
}

TEST(NearDuplicateIndex, RebuildSeesLaterAdds) {
  NearDuplicateIndex index(2);
  index.Add(100, 1);
  ASSERT_TRUE(index.Build().ok());
  index.Add(101, 2);
  std::vector<IndexMatch> out;
  index.Query(100, 2, &out);
  EXPECT_EQ(out.size(), 1u);
  ASSERT_TRUE(index.Build().ok());
  out.clear();
  index.Query(100, 2, &out);
  EXPECT_EQ(out.size(), 2u);
}

// Exact recall: for every schema K and every query k <= K, the index returns
// exactly what a linear scan returns.
TEST(NearDuplicateIndex, RecallMatchesBruteForceForEveryK) {
  for (int max_k = 0; max_k <= kMaxSupportedK; ++max_k) {
    const std::vector<IndexEntry> entries = index_test::RandomEntriesWithNeighbours(
        /*seed=*/static_cast<uint32_t>(100 + max_k), /*base=*/1500, max_k);
    NearDuplicateIndex index(max_k);
    for (const IndexEntry& e : entries) index.Add(e.simhash, e.id);
    ASSERT_TRUE(index.Build().ok());
    const std::vector<uint64_t> queries =
        index_test::QueriesNear(entries, 300, max_k, 7u + static_cast<uint32_t>(max_k));
    size_t total_matches = 0;
    for (int k = 0; k <= max_k; ++k) {
      for (uint64_t q : queries) {
        std::vector<IndexMatch> got;
        index.Query(q, k, &got);
        const std::vector<IndexMatch> want = index_test::BruteForce(entries, q, k);
        ASSERT_EQ(index_test::IdsAndDistances(got), index_test::IdsAndDistances(want))
            << "max_k=" << max_k << " k=" << k << " q=" << q;
        total_matches += got.size();
      }
    }
    EXPECT_GT(total_matches, queries.size() / 4) << "the planted neighbours must be found";
  }
}

}  // namespace
}  // namespace libdiff::internal
