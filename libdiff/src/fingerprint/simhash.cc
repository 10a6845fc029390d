// Copyright 2026 The libdiff Authors.
#include "fingerprint/simhash.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <memory>

#define XXH_INLINE_ALL  // shingle inputs are 8*w bytes: inlining XXH3 saves the call
#include <xxhash.h>

namespace libdiff::internal {

namespace {

// Open-addressing set of 64-bit hashes (linear probing, 0 marks an empty slot,
// the value 0 itself is tracked apart). Sized once for the most shingles the
// text can have, so it never grows.
class HashSet {
 public:
  HashSet(size_t max_items, ScratchBuffer* memory) {
    size_t capacity = 16;
    while (capacity < max_items + max_items / 4) capacity <<= 1;  // load <= 0.8
    slots_ = memory->Reserve(capacity);
    std::memset(slots_, 0, capacity * sizeof(uint64_t));
    mask_ = capacity - 1;
  }
  void Prefetch(uint64_t h) const { __builtin_prefetch(&slots_[static_cast<size_t>(h) & mask_]); }
  // True when `h` was not in the set before.
  bool Insert(uint64_t h) {
    if (h == 0) {
      const bool fresh = !has_zero_;
      has_zero_ = true;
      return fresh;
    }
    // XXH3 output is uniform in all bits, so the low bits can pick the slot.
    size_t i = static_cast<size_t>(h) & mask_;
    while (true) {
      const uint64_t s = slots_[i];
      if (s == h) return false;
      if (s == 0) {
        slots_[i] = h;
        return true;
      }
      i = (i + 1) & mask_;
    }
  }

 private:
  uint64_t* slots_;
  size_t mask_ = 0;
  bool has_zero_ = false;
};

}  // namespace

uint64_t ShingleHash(const uint64_t* tokens, size_t count) {
  if constexpr (std::endian::native == std::endian::little) {
    return XXH3_64bits(tokens, count * sizeof(uint64_t));
  } else {
    std::vector<uint64_t> le(tokens, tokens + count);
    for (uint64_t& t : le) t = __builtin_bswap64(t);
    return XXH3_64bits(le.data(), count * sizeof(uint64_t));
  }
}

void ShingleHashes(const std::vector<uint64_t>& tokens, size_t w, std::vector<uint64_t>* out) {
  if (tokens.empty()) return;
  if (tokens.size() < w) {
    out->push_back(ShingleHash(tokens.data(), tokens.size()));
    return;
  }
  for (size_t i = 0; i + w <= tokens.size(); ++i) out->push_back(ShingleHash(&tokens[i], w));
}

void BitCounter::Flush() {
  for (size_t j = 0; j < 8; ++j) {
    for (size_t k = 0; k < 8; ++k) {
      totals_[8 * k + j] += static_cast<uint32_t>((lanes_[j] >> (8 * k)) & 0xFF);
    }
    lanes_[j] = 0;
  }
  pending_ = 0;
}

const std::array<uint32_t, 64>& BitCounter::Totals() {
  Flush();
  return totals_;
}

uint64_t BitCounter::Majority() {
  Flush();
  uint64_t result = 0;
  for (size_t b = 0; b < 64; ++b) {
    if (2 * static_cast<uint64_t>(totals_[b]) > count_) result |= uint64_t{1} << b;
  }
  return result;
}

SimHashResult SimHashOfShinglesInPlace(uint64_t* tokens, size_t count, size_t w,
                                       SimHashScratch* scratch) {
  SimHashResult result;
  if (count == 0) return result;
  SimHashScratch local;
  if (scratch == nullptr) scratch = &local;
  BitCounter counter;
  if (count < w) {
    counter.Add(ShingleHash(tokens, count));
  } else {
    // Two passes: all shingle hashes first, sequentially, written over the
    // token hashes (shingle i needs tokens i..i+w-1 only, so position i is free
    // once it is computed); then the set. The second pass prefetches the slot a
    // few shingles ahead (32: a miss to L3 costs about as much as 30 inserts
    // that hit), which hides the cache misses of a table larger than
    // L2 (1 MB of English text: 180,000 shingles, a 2 MB table).
    const size_t n = count - w + 1;
    uint64_t* const shingles = tokens;
    if (w == 3) {  // the default gets a loop with a constant-size hash
      for (size_t i = 0; i < n; ++i) shingles[i] = ShingleHash(tokens + i, 3);
    } else {
      for (size_t i = 0; i < n; ++i) shingles[i] = ShingleHash(tokens + i, w);
    }
    HashSet seen(n, &scratch->slots);
    constexpr size_t kAhead = 32;
    for (size_t i = 0; i < n; ++i) {
      if (i + kAhead < n) seen.Prefetch(shingles[i + kAhead]);
      if (seen.Insert(shingles[i])) counter.Add(shingles[i]);
    }
  }
  result.distinct = counter.count();
  result.simhash = counter.Majority();
  return result;
}

SimHashResult SimHashOfShingles(const uint64_t* tokens, size_t count, size_t w,
                                SimHashScratch* scratch) {
  if (count == 0) return SimHashResult();
  SimHashScratch local;
  if (scratch == nullptr) scratch = &local;
  uint64_t* copy = scratch->shingles.Reserve(count);
  std::memcpy(copy, tokens, count * sizeof(uint64_t));
  return SimHashOfShinglesInPlace(copy, count, w, scratch);
}

SimHashResult SimHashOfShinglesReference(const std::vector<uint64_t>& tokens, size_t w) {
  std::vector<uint64_t> shingles;
  ShingleHashes(tokens, w, &shingles);
  std::sort(shingles.begin(), shingles.end());
  shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
  int64_t votes[64] = {};
  for (uint64_t h : shingles) {
    for (int b = 0; b < 64; ++b) votes[b] += ((h >> b) & 1) ? 1 : -1;
  }
  SimHashResult result;
  result.distinct = shingles.size();
  for (int b = 0; b < 64; ++b) {
    if (votes[b] > 0) result.simhash |= uint64_t{1} << b;
  }
  return result;
}

}  // namespace libdiff::internal
