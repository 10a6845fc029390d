// Copyright 2026 The libdiff Authors.
//
// The clustering core of DedupeDirectory, kept apart so benchmarks run the
// same code on synthetic fingerprints: a union-find over document numbers,
// the SimHash candidate step (a self-join over permuted tables), and the star
// clustering of verified pairs (DuplicatePairs).
#ifndef LIBDIFF_DEDUPE_CLUSTER_H_
#define LIBDIFF_DEDUPE_CLUSTER_H_

#include <algorithm>
#include <bit>
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

// The number of passes JoinSimHashNeighbours makes over each table in
// DedupeDirectory: each pass holds a quarter of the documents.
inline constexpr int kDefaultJoinPasses = 4;

// Calls visit(a, b) (a < b) for every pair of documents of `docs` whose
// SimHashes (simhash_of(d)) are within `k` bits: a self-join over the permuted
// tables of TableLayout::ForMaxK(k): per table, the documents sorted by
// permuted hash; within each run sharing the table's key block, every pair is
// compared. By the pigeonhole principle a pair within k bits agrees on at
// least one of the k + 1 blocks, so every such pair is seen (the pairs a
// NearDuplicateIndex query of each document would return); a pair that agrees
// on several blocks is visited once per block.
// Each table is scanned in `passes` passes, each taking the documents whose
// permuted hash has one value of its top bits (a run sharing the key block
// falls in one pass), so the sort buffer holds about 16 / passes bytes per
// document.
// Work: per table a sort, plus the pairs inside runs, about N^2 / 2^(64/(k+1))
// per table, plus `passes` scans of `docs`.
// REQUIRES: 0 <= k <= kMaxSupportedK; passes is a power of two, 1..256 (no
// more than 2^width of the narrowest block, which is at least 8 bits).
template <typename SimHashOf, typename Visit>
Status VisitSimHashNeighbours(std::span<const uint32_t> docs, int k, SimHashOf simhash_of,
                              Visit visit, int passes = 1) {
  if (k < 0 || k > kMaxSupportedK) return Status::InvalidArgument("distance outside 0..7");
  if (passes < 1 || passes > 256 || !std::has_single_bit(static_cast<unsigned>(passes))) {
    return Status::InvalidArgument("passes must be a power of two in 1..256");
  }
  const TableLayout layout = TableLayout::ForMaxK(k);
  const int pass_bits = std::countr_zero(static_cast<unsigned>(passes));
  struct Entry {
    uint64_t permuted;
    uint32_t doc;
  };
  std::vector<Entry> entries;
  for (int t = 0; t < layout.tables; ++t) {
    const int rest = 64 - layout.width[static_cast<size_t>(t)];
    // Entries per pass, to size the buffer once.
    std::vector<size_t> count(static_cast<size_t>(passes), 0);
    if (passes > 1) {
      for (uint32_t d : docs) ++count[layout.Permute(t, simhash_of(d)) >> (64 - pass_bits)];
      entries.reserve(*std::max_element(count.begin(), count.end()));
    }
    for (int pass = 0; pass < passes; ++pass) {
      entries.clear();
      for (uint32_t d : docs) {
        const uint64_t permuted = layout.Permute(t, simhash_of(d));
        if (pass_bits == 0 || static_cast<int>(permuted >> (64 - pass_bits)) == pass) {
          entries.push_back({permuted, d});
        }
      }
      std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        return a.permuted != b.permuted ? a.permuted < b.permuted : a.doc < b.doc;
      });
      for (size_t i = 0; i < entries.size();) {
        const uint64_t key = entries[i].permuted >> rest;
        size_t j = i + 1;
        while (j < entries.size() && (entries[j].permuted >> rest) == key) ++j;
        for (size_t a = i; a + 1 < j; ++a) {
          const uint64_t pa = entries[a].permuted;
          for (size_t b = a + 1; b < j; ++b) {
            if (std::popcount(pa ^ entries[b].permuted) > k) continue;
            uint32_t x = entries[a].doc;
            uint32_t y = entries[b].doc;
            if (x > y) std::swap(x, y);
            visit(x, y);
          }
        }
        i = j;
      }
    }
  }
  return Status::OK();
}

// Verified duplicate pairs, and the clusters they make. Clusters are stars:
// a document joins the earliest original (the smallest number whose
// component it would join) that it verifies against directly, as the store
// files a page as a duplicate of an original only after verifying it against
// that original (store/store.cc). Plain connected components would chain
// two different articles through a copy that carries part of each (a
// template that kept some of its own story).
class DuplicatePairs {
 public:
  // Records that a and b verified as duplicates (repeats are fine: a pair
  // met through several keys or tables is kept once).
  void Add(uint32_t a, uint32_t b) {
    // Repeats are dropped before the buffer grows, so it holds about the
    // distinct pairs, not every meeting of them.
    if (pairs_.size() == pairs_.capacity() && pairs_.size() >= kCompactFrom) SortUnique();
    pairs_.push_back((static_cast<uint64_t>(std::max(a, b)) << 32) | std::min(a, b));
  }
  size_t size() const { return pairs_.size(); }

  // Joins, in `uf`, each document to its original: documents in ascending
  // order; for document d, the originals of its verified partners below it
  // (uf.Find) are tried in ascending order, a partner that is itself the
  // original counting as verified, any other original checked with
  // verify(original, d); d joins the first that passes, else it is an
  // original itself. Documents already joined in `uf` (exact copies of a
  // smaller document, joined beforehand) follow their component. Consumes the
  // pairs.
  // REQUIRES: every number < uf's size; uf's components so far are each
  // rooted at their smallest member, which is the document the pairs name.
  template <typename Verify>
  void JoinToOriginals(Verify verify, UnionFind* uf) {
    SortUnique();
    std::vector<uint32_t> originals;
    for (size_t i = 0; i < pairs_.size();) {
      const uint32_t d = static_cast<uint32_t>(pairs_[i] >> 32);
      size_t j = i;
      originals.clear();
      for (; j < pairs_.size() && (pairs_[j] >> 32) == d; ++j) {
        originals.push_back(uf->Find(static_cast<uint32_t>(pairs_[j])));
      }
      std::sort(originals.begin(), originals.end());
      originals.erase(std::unique(originals.begin(), originals.end()), originals.end());
      for (uint32_t o : originals) {
        const bool partner = std::binary_search(pairs_.begin() + static_cast<std::ptrdiff_t>(i),
                                                pairs_.begin() + static_cast<std::ptrdiff_t>(j),
                                                (static_cast<uint64_t>(d) << 32) | o);
        if (partner || verify(o, d)) {
          uf->Union(o, d);
          break;
        }
      }
      i = j;
    }
    pairs_.clear();
    pairs_.shrink_to_fit();
  }

 private:
  static constexpr size_t kCompactFrom = 4096;

  void SortUnique() {
    std::sort(pairs_.begin(), pairs_.end());
    pairs_.erase(std::unique(pairs_.begin(), pairs_.end()), pairs_.end());
  }

  std::vector<uint64_t> pairs_;  // (larger << 32) | smaller
};

}  // namespace libdiff::internal

#endif  // LIBDIFF_DEDUPE_CLUSTER_H_
