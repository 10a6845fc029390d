// Copyright 2026 The libdiff Authors.
#include "fingerprint/simhash.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <random>
#include <vector>

#include "fingerprint/cpu.h"

namespace libdiff::internal {
namespace {

TEST(BitCounter, CountsEveryBitAcrossFlushes) {
  std::mt19937_64 rng(7);
  BitCounter counter;
  std::array<uint32_t, 64> expected{};
  // 1000 adds crosses the 255-add flush of the 8-bit lanes several times.
  for (int i = 0; i < 1000; ++i) {
    const uint64_t h = rng() & rng();  // biased towards 0 so totals differ per bit
    counter.Add(h);
    for (size_t b = 0; b < 64; ++b) expected[b] += static_cast<uint32_t>((h >> b) & 1);
  }
  EXPECT_EQ(counter.count(), 1000u);
  EXPECT_EQ(counter.Totals(), expected);
}

TEST(BitCounter, MajorityIsStrictAndEmptyIsZero) {
  BitCounter empty;
  EXPECT_EQ(empty.Majority(), 0u);
  BitCounter tie;
  tie.Add(0b01);
  tie.Add(0b10);
  EXPECT_EQ(tie.Majority(), 0u);  // one vote each: a tie gives 0
  tie.Add(0b11);
  EXPECT_EQ(tie.Majority(), 0b11u);
}

// Runs `body` with the AVX-512 paths allowed (when the CPU has them), with
// AVX2 only, and with the portable loops forced, so all are checked on an
// AVX-512 machine.
template <typename Body>
void WithAndWithoutAvx2(Body body) {
  for (int level : {2, 1, 0}) {
    SCOPED_TRACE(level == 2 ? "AVX-512 allowed" : level == 1 ? "AVX2 allowed" : "portable loop");
    SetAvx512AllowedForTesting(level >= 2);
    SetAvx2AllowedForTesting(level >= 1);
    body();
  }
  SetAvx512AllowedForTesting(true);
  SetAvx2AllowedForTesting(true);
}

TEST(SimHash, MatchesPerBitReference) {
  WithAndWithoutAvx2([] {
  std::mt19937_64 rng(99);
  for (size_t w : {1u, 2u, 3u, 5u}) {
    // 100,000 tokens takes the radix-partitioned path of VoteDistinct.
    for (size_t n : {0u, 1u, 2u, 3u, 4u, 10u, 254u, 255u, 256u, 600u, 5000u, 100000u}) {
      std::vector<uint64_t> tokens(n);
      // Draw from a small vocabulary so that repeated shingles occur.
      for (uint64_t& t : tokens) t = rng() % 40;
      const SimHashResult fast = SimHashOfShingles(tokens, w);
      const SimHashResult slow = SimHashOfShinglesReference(tokens, w);
      EXPECT_EQ(fast.simhash, slow.simhash) << "w=" << w << " n=" << n;
      EXPECT_EQ(fast.distinct, slow.distinct) << "w=" << w << " n=" << n;
    }
  }
  });
}

TEST(SimHash, LargeInputsWithDistinctShinglesMatchReference) {
  WithAndWithoutAvx2([] {
  std::mt19937_64 rng(5);
  std::vector<uint64_t> tokens(300000);
  for (uint64_t& t : tokens) t = rng();
  for (size_t i = 0; i < 1000; ++i) tokens[200000 + i] = tokens[i];  // a repeated passage
  const SimHashResult fast = SimHashOfShingles(tokens, 3);
  const SimHashResult slow = SimHashOfShinglesReference(tokens, 3);
  EXPECT_EQ(fast.simhash, slow.simhash);
  EXPECT_EQ(fast.distinct, slow.distinct);
  EXPECT_EQ(fast.distinct, tokens.size() - 2 - 998);
  });
}

// VoteDistinct against sort/unique and a per-bit count, on values chosen to
// stress the set: many with equal low bits (one bucket's chain runs on and
// wraps around the end of the table), duplicates near and far, and 0 (the
// empty-slot marker, tracked apart).
TEST(SimHash, VoteDistinctHandlesCollidingDuplicateAndZeroValues) {
  WithAndWithoutAvx2([] {
    std::mt19937_64 rng(17);
    for (size_t n : {1u, 7u, 100u, 255u, 256u, 511u, 4096u, 4097u, 20000u}) {
      for (uint64_t low_mask : {~uint64_t{0}, ~uint64_t{0xFFF}, ~uint64_t{0xFFFFFFFF}}) {
        std::vector<uint64_t> values(n);
        for (size_t i = 0; i < n; ++i) {
          const uint64_t r = rng() % 10;
          if (r == 0 && i > 0) {
            values[i] = values[rng() % i];  // a duplicate
          } else if (r == 1) {
            values[i] = 0;
          } else {
            // Equal low bits for some: they share a home slot and bucket. The
            // table's last slots are the home of values with all low bits set.
            values[i] = rng() & (r < 5 ? low_mask : ~uint64_t{0});
            if (r == 2) values[i] |= 0xFFFFF;
          }
        }
        SimHashScratch scratch;
        BitCounter counter;
        VoteDistinct(values.data(), values.size(), &scratch, &counter);
        std::vector<uint64_t> unique = values;
        std::sort(unique.begin(), unique.end());
        unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
        std::array<uint32_t, 64> totals{};
        for (uint64_t v : unique) {
          for (size_t b = 0; b < 64; ++b) totals[b] += static_cast<uint32_t>((v >> b) & 1);
        }
        EXPECT_EQ(counter.count(), unique.size()) << "n=" << n << " mask=" << low_mask;
        EXPECT_EQ(counter.Totals(), totals) << "n=" << n << " mask=" << low_mask;
      }
    }
  });
}

TEST(SimHash, RepeatedShinglesCountOnce) {
  // a b c a b c a b c: shingles abc, bca, cab, abc, bca, cab, abc -> 3 distinct.
  const std::vector<uint64_t> tokens = {1, 2, 3, 1, 2, 3, 1, 2, 3};
  EXPECT_EQ(SimHashOfShingles(tokens, 3).distinct, 3u);
  const std::vector<uint64_t> once = {1, 2, 3, 1, 2};
  EXPECT_EQ(SimHashOfShingles(tokens, 3).simhash, SimHashOfShingles(once, 3).simhash);
}

TEST(SimHash, ShingleHashDependsOnTokenOrder) {
  const uint64_t abc[] = {11, 22, 33};
  const uint64_t cba[] = {33, 22, 11};
  EXPECT_NE(ShingleHash(abc, 3), ShingleHash(cba, 3));
  EXPECT_NE(ShingleHash(abc, 3), ShingleHash(abc, 2));
}

TEST(SimHash, FewerTokensThanShingleSizeGiveOneShingle) {
  const std::vector<uint64_t> two = {5, 6};
  const SimHashResult r = SimHashOfShingles(two, 3);
  EXPECT_EQ(r.distinct, 1u);
  EXPECT_EQ(r.simhash, ShingleHash(two.data(), 2));  // one vote decides every bit
  EXPECT_EQ(SimHashOfShingles({}, 3).distinct, 0u);
  EXPECT_EQ(SimHashOfShingles({}, 3).simhash, 0u);
}

TEST(SimHash, ShingleHashesListsEveryWindow) {
  const std::vector<uint64_t> tokens = {1, 2, 3, 4};
  std::vector<uint64_t> shingles;
  ShingleHashes(tokens, 2, &shingles);
  ASSERT_EQ(shingles.size(), 3u);
  EXPECT_EQ(shingles[1], ShingleHash(&tokens[1], 2));
}

// SimHashOfShinglesInPlace leaves shingle i's hash at position i: for w = 3
// the AVX-512 path computes 8 at a time, so every count around the 8-wide
// steps (and the scalar tail) is checked against ShingleHash.
TEST(SimHash, InPlaceShingleHashesMatchShingleHash) {
  WithAndWithoutAvx2([] {
    std::mt19937_64 rng(31);
    for (size_t w : {1u, 2u, 3u, 4u}) {
      for (size_t count = 0; count < 40; ++count) {
        std::vector<uint64_t> tokens(count);
        for (uint64_t& t : tokens) t = rng();
        std::vector<uint64_t> in_place = tokens;
        SimHashScratch scratch;
        const SimHashResult result = SimHashOfShinglesInPlace(in_place.data(), count, w, &scratch);
        EXPECT_EQ(result.simhash, SimHashOfShinglesReference(tokens, w).simhash)
            << count << " " << w;
        for (size_t i = 0; i + w <= count; ++i) {
          ASSERT_EQ(in_place[i], ShingleHash(tokens.data() + i, w))
              << "shingle " << i << " of " << count;
        }
      }
    }
  });
}

}  // namespace
}  // namespace libdiff::internal
