// Copyright 2026 The libdiff Authors.
//
// The block layout and the in-memory backend of the near-duplicate index.
#include "index/near_duplicate_index.h"

#include <algorithm>
#include <bit>
#include <cassert>
#include <limits>
#include <utility>

namespace libdiff::internal {

TableLayout TableLayout::ForMaxK(int max_k) {
  assert(max_k >= 0 && max_k <= kMaxSupportedK);
  TableLayout layout;
  layout.max_k = max_k;
  layout.tables = max_k + 1;
  const int base = 64 / layout.tables;
  const int extra = 64 % layout.tables;
  int start = 0;
  for (int t = 0; t < layout.tables; ++t) {
    layout.width[static_cast<size_t>(t)] = base + (t < extra ? 1 : 0);
    layout.shift[static_cast<size_t>(t)] = start;
    start += layout.width[static_cast<size_t>(t)];
  }
  return layout;
}

uint64_t TableLayout::Permute(int table, uint64_t h) const {
  return std::rotl(h, shift[static_cast<size_t>(table)]);
}

uint64_t TableLayout::Unpermute(int table, uint64_t p) const {
  return std::rotr(p, shift[static_cast<size_t>(table)]);
}

uint64_t TableLayout::Key(int table, uint64_t h) const {
  const int w = width[static_cast<size_t>(table)];
  return Permute(table, h) >> (64 - w);  // w >= 8, so the shift is < 64
}

namespace {

// Sorts matches appended after `from` by (distance, id) and keeps the first
// (closest) match of each id.
void SortAndUniqueById(std::vector<IndexMatch>* out, size_t from) {
  auto begin = out->begin() + static_cast<std::ptrdiff_t>(from);
  std::sort(begin, out->end(), [](const IndexMatch& a, const IndexMatch& b) {
    return a.id != b.id ? a.id < b.id : a.distance < b.distance;
  });
  auto last = std::unique(begin, out->end(),
                          [](const IndexMatch& a, const IndexMatch& b) { return a.id == b.id; });
  out->erase(last, out->end());
  std::sort(begin, out->end(), [](const IndexMatch& a, const IndexMatch& b) {
    return a.distance != b.distance ? a.distance < b.distance : a.id < b.id;
  });
}

}  // namespace

NearDuplicateIndex::NearDuplicateIndex(int max_k) : layout_(TableLayout::ForMaxK(max_k)) {}

void NearDuplicateIndex::Add(uint64_t simhash, uint64_t id) {
  hashes_.push_back(simhash);
  ids_.push_back(id);
}

void NearDuplicateIndex::Reserve(size_t n) {
  hashes_.reserve(n);
  ids_.reserve(n);
}

Status NearDuplicateIndex::Build() {
  const size_t n0 = hashes_.size();
  if (n0 >= std::numeric_limits<uint32_t>::max()) {
    return Status::ResourceExhausted("near-duplicate index: more than 2^32-1 entries");
  }
  // De-duplicate (simhash, id) pairs.
  {
    std::vector<std::pair<uint64_t, uint64_t>> pairs(n0);
    for (size_t i = 0; i < n0; ++i) pairs[i] = {hashes_[i], ids_[i]};
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    hashes_.resize(pairs.size());
    ids_.resize(pairs.size());
    for (size_t i = 0; i < pairs.size(); ++i) {
      hashes_[i] = pairs[i].first;
      ids_[i] = pairs[i].second;
    }
    hashes_.shrink_to_fit();
    ids_.shrink_to_fit();
  }
  const size_t n = hashes_.size();
  const int n_bits = static_cast<int>(std::bit_width(n));
  tables_.assign(static_cast<size_t>(layout_.tables), Table());
  std::vector<std::pair<uint64_t, uint32_t>> scratch(n);
  for (int t = 0; t < layout_.tables; ++t) {
    Table& table = tables_[static_cast<size_t>(t)];
    // About one entry per directory slot, never more bits than the block.
    table.dir_bits = std::min({layout_.width[static_cast<size_t>(t)], std::max(1, n_bits - 1), 22});
    for (size_t i = 0; i < n; ++i) {
      scratch[i] = {layout_.Permute(t, hashes_[i]), static_cast<uint32_t>(i)};
    }
    std::sort(scratch.begin(), scratch.end());
    table.permuted.resize(n);
    table.position.resize(n);
    for (size_t i = 0; i < n; ++i) {
      table.permuted[i] = scratch[i].first;
      table.position[i] = scratch[i].second;
    }
    const size_t slots = size_t{1} << table.dir_bits;
    table.directory.assign(slots + 1, 0);
    const int down = 64 - table.dir_bits;
    // directory[b] = first index whose top bits are >= b.
    size_t i = 0;
    for (size_t b = 0; b < slots; ++b) {
      while (i < n && (table.permuted[i] >> down) < b) ++i;
      table.directory[b] = static_cast<uint32_t>(i);
    }
    table.directory[slots] = static_cast<uint32_t>(n);
  }
  built_size_ = n;
  return Status::OK();
}

void NearDuplicateIndex::Query(uint64_t simhash, int k, std::vector<IndexMatch>* out) const {
  assert(k >= 0 && k <= layout_.max_k);
  assert(out != nullptr);
  if (built_size_ == 0) return;
  const size_t from = out->size();
  uint64_t qkeys[kMaxSupportedK + 1];
  for (int t = 0; t <= k; ++t) qkeys[t] = layout_.Key(t, simhash);
  for (int t = 0; t <= k; ++t) {
    const Table& table = tables_[static_cast<size_t>(t)];
    const uint64_t qp = layout_.Permute(t, simhash);
    const size_t slot = static_cast<size_t>(qp >> (64 - table.dir_bits));
    const uint32_t lo = table.directory[slot];
    const uint32_t hi = table.directory[slot + 1];
    const uint64_t* p = table.permuted.data();
    for (uint32_t i = lo; i < hi; ++i) {
      const int d = std::popcount(p[i] ^ qp);
      if (d > k) continue;
      const uint64_t h = layout_.Unpermute(t, p[i]);
      // Report from the first probed table whose block is identical.
      bool first = layout_.Key(t, h) == qkeys[t];
      for (int u = 0; first && u < t; ++u) first = layout_.Key(u, h) != qkeys[u];
      if (!first) continue;
      const uint32_t pos = table.position[i];
      out->push_back(IndexMatch{ids_[pos], h, d});
    }
  }
  SortAndUniqueById(out, from);
}

size_t NearDuplicateIndex::MemoryBytes() const {
  size_t bytes = hashes_.capacity() * sizeof(uint64_t) + ids_.capacity() * sizeof(uint64_t);
  for (const Table& t : tables_) {
    bytes += t.permuted.capacity() * sizeof(uint64_t) + t.position.capacity() * sizeof(uint32_t) +
             t.directory.capacity() * sizeof(uint32_t);
  }
  return bytes;
}

}  // namespace libdiff::internal
