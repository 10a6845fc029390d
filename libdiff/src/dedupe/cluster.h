// Copyright 2026 The libdiff Authors.
//
// The clustering core of DedupeDirectory, kept apart so benchmarks run the
// same code on synthetic fingerprints: a union-find over document numbers and
// the SimHash step (every document queried against a permuted-table index of
// all of them; candidate pairs confirmed by a verification callback).
#ifndef LIBDIFF_DEDUPE_CLUSTER_H_
#define LIBDIFF_DEDUPE_CLUSTER_H_

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "index/near_duplicate_index.h"
#include "libdiff/status.h"

namespace libdiff::internal {

// Union-find with path halving; the smaller number becomes the root, so
// components (and their roots) do not depend on the order of Union calls.
class UnionFind {
 public:
  explicit UnionFind(size_t n) : parent_(n) {
    for (size_t i = 0; i < n; ++i) parent_[i] = static_cast<uint32_t>(i);
  }
  uint32_t Find(uint32_t x) {
    while (parent_[x] != x) {
      parent_[x] = parent_[parent_[x]];
      x = parent_[x];
    }
    return x;
  }
  void Union(uint32_t a, uint32_t b) {
    a = Find(a);
    b = Find(b);
    if (a == b) return;
    if (a < b) std::swap(a, b);
    parent_[a] = b;
  }

 private:
  std::vector<uint32_t> parent_;
};

// Joins, for each document d in `docs`, every other document of `docs` whose
// SimHash (simhash_of(d)) is within `k` bits and for which verify(d, other)
// is true. Each pair is verified at most once, and not at all when the two
// are already in one component. Memory: the index, about 48 bytes per
// document at k = 3 (NearDuplicateIndex::MemoryBytes).
// REQUIRES: 0 <= k <= kMaxSupportedK; every number in docs < uf's size.
template <typename SimHashOf, typename Verify>
Status JoinSimHashNeighbours(std::span<const uint32_t> docs, int k, SimHashOf simhash_of,
                             Verify verify, UnionFind* uf) {
  NearDuplicateIndex index(k);
  index.Reserve(docs.size());
  for (uint32_t d : docs) index.Add(simhash_of(d), d);
  LIBDIFF_RETURN_IF_ERROR(index.Build());
  std::vector<IndexMatch> matches;
  for (uint32_t d : docs) {
    matches.clear();
    index.Query(simhash_of(d), k, &matches);
    for (const IndexMatch& m : matches) {
      const uint32_t other = static_cast<uint32_t>(m.id);
      if (other <= d || uf->Find(other) == uf->Find(d)) continue;
      if (verify(d, other)) uf->Union(d, other);
    }
  }
  return Status::OK();
}

}  // namespace libdiff::internal

#endif  // LIBDIFF_DEDUPE_CLUSTER_H_
