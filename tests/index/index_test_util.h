// Copyright 2026 The libdiff Authors.
//
// Random fingerprints with planted near neighbours, and the brute-force
// answer the index must reproduce.
#ifndef LIBDIFF_TESTS_INDEX_INDEX_TEST_UTIL_H_
#define LIBDIFF_TESTS_INDEX_INDEX_TEST_UTIL_H_

#include <algorithm>
#include <bit>
#include <map>
#include <random>
#include <utility>
#include <vector>

#include "index/near_duplicate_index.h"

namespace libdiff::internal::index_test {

inline uint64_t FlipRandomBits(uint64_t h, int bits, std::mt19937_64& rng) {
  std::uniform_int_distribution<int> pick(0, 63);
  uint64_t mask = 0;
  while (std::popcount(mask) < bits) mask |= uint64_t{1} << pick(rng);
  return h ^ mask;
}

// `base` random hashes, each with neighbours at distances 0..max_k+1 (some
// sharing the hash with another id), and some ids stored under two hashes.
inline std::vector<IndexEntry> RandomEntriesWithNeighbours(uint32_t seed, size_t base, int max_k) {
  std::mt19937_64 rng(seed);
  std::vector<IndexEntry> entries;
  uint64_t next_id = 1;
  for (size_t i = 0; i < base; ++i) {
    const uint64_t h = rng();
    entries.push_back({h, next_id++});
    if (i % 3 == 0) {
      for (int d = 0; d <= max_k + 1; ++d) {
        entries.push_back({FlipRandomBits(h, d, rng), next_id++});
      }
    }
    if (i % 17 == 0) entries.push_back({FlipRandomBits(h, 1, rng), entries.back().id});
  }
  return entries;
}

// Queries: stored hashes moved by 0..max_k+1 bits, and unrelated hashes.
inline std::vector<uint64_t> QueriesNear(const std::vector<IndexEntry>& entries, size_t n,
                                         int max_k, uint32_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<uint64_t> queries;
  std::uniform_int_distribution<size_t> pick(0, entries.size() - 1);
  std::uniform_int_distribution<int> bits(0, max_k + 1);
  for (size_t i = 0; i < n; ++i) {
    if (i % 5 == 4) {
      queries.push_back(rng());
    } else {
      queries.push_back(FlipRandomBits(entries[pick(rng)].simhash, bits(rng), rng));
    }
  }
  return queries;
}

// Every id with some stored hash within k bits, at its closest distance,
// sorted by (distance, id).
inline std::vector<IndexMatch> BruteForce(const std::vector<IndexEntry>& entries, uint64_t q,
                                          int k) {
  std::map<uint64_t, IndexMatch> best;
  for (const IndexEntry& e : entries) {
    const int d = std::popcount(e.simhash ^ q);
    if (d > k) continue;
    auto it = best.find(e.id);
    if (it == best.end() || d < it->second.distance) best[e.id] = IndexMatch{e.id, e.simhash, d};
  }
  std::vector<IndexMatch> out;
  for (const auto& [id, m] : best) out.push_back(m);
  std::sort(out.begin(), out.end(), [](const IndexMatch& a, const IndexMatch& b) {
    return a.distance != b.distance ? a.distance < b.distance : a.id < b.id;
  });
  return out;
}

// (id, distance) pairs: what a query promises (the hash reported for an id
// stored under two equally close hashes is either one).
inline std::vector<std::pair<uint64_t, int>> IdsAndDistances(const std::vector<IndexMatch>& m) {
  std::vector<std::pair<uint64_t, int>> out;
  for (const IndexMatch& x : m) out.emplace_back(x.id, x.distance);
  return out;
}

}  // namespace libdiff::internal::index_test

#endif  // LIBDIFF_TESTS_INDEX_INDEX_TEST_UTIL_H_
