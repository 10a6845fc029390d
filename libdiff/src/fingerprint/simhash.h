// Copyright 2026 The libdiff Authors.
//
// Shingles and SimHash over token hashes. Private to libdiff.
#ifndef LIBDIFF_FINGERPRINT_SIMHASH_H_
#define LIBDIFF_FINGERPRINT_SIMHASH_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace libdiff::internal {

// The hash of shingle i is XXH3-64 (seed 0) of the w token hashes
// tokens[i..i+w-1], taken as 8*w little-endian bytes: one short XXH3 call per
// shingle instead of re-hashing the shingle's text, with XXH3's full avalanche
// over all w tokens and their order. When there are fewer than w tokens (but
// at least one) there is one shingle: the same hash over all of them.
// REQUIRES: w >= 1.
uint64_t ShingleHash(const uint64_t* tokens, size_t count);
void ShingleHashes(const std::vector<uint64_t>& tokens, size_t w, std::vector<uint64_t>* out);

// Counts, for each of the 64 bit positions, how many added hashes have that
// bit set. Byte-lane (SWAR) accumulation: lane j holds eight 8-bit counters for
// bits j, j+8, ..., j+56, so one Add is 8 shift/and/add steps instead of 64
// branches; the 8-bit counters are flushed into 32-bit totals every 255 adds.
class BitCounter {
 public:
  void Add(uint64_t h) {
    constexpr uint64_t kLowBits = 0x0101010101010101ULL;
    // Unrolled so that the lanes can live in registers.
#pragma GCC unroll 8
    for (int j = 0; j < 8; ++j) lanes_[static_cast<size_t>(j)] += (h >> j) & kLowBits;
    ++count_;
    if (++pending_ == 255) Flush();
  }
  // Adds counts gathered in the same byte-lane layout elsewhere (the AVX2
  // loop): lanes[j] byte k counts bit 8k+j over `adds` values.
  // REQUIRES: adds <= 255.
  void AddLanes(const std::array<uint64_t, 8>& lanes, uint32_t adds);
  uint64_t count() const { return count_; }
  // The majority vote: bit b is set when more than half of the added hashes
  // have it set (ties give 0). 0 when nothing was added.
  uint64_t Majority();
  // The per-bit totals (flushes first).
  const std::array<uint32_t, 64>& Totals();

 private:
  void Flush();

  std::array<uint64_t, 8> lanes_{};
  std::array<uint32_t, 64> totals_{};
  uint32_t pending_ = 0;
  uint64_t count_ = 0;
};

// Uninitialised scratch space for 64-bit values that keeps its memory between
// uses, so that repeated fingerprinting of large texts does not pay for page
// faults of fresh allocations on every call.
class ScratchBuffer {
 public:
  // Returns room for at least n values; the contents are unspecified.
  uint64_t* Reserve(size_t n) {
    if (n > capacity_) {
      data_.reset(new uint64_t[n]);
      capacity_ = n;
    }
    return data_.get();
  }
  // Frees the memory when it holds more than `max_values`.
  void Trim(size_t max_values) {
    if (capacity_ > max_values) {
      data_.reset();
      capacity_ = 0;
    }
  }

 private:
  std::unique_ptr<uint64_t[]> data_;
  size_t capacity_ = 0;
};

// The scratch space SimHashOfShingles uses; see FingerprintNormalizedText.
struct SimHashScratch {
  ScratchBuffer shingles;
  ScratchBuffer slots;
  ScratchBuffer partitions;
};

// Whether the AVX2 voting loop may be used (it is when the CPU has AVX2).
// Tests turn it off to check the portable loop gives the same results.
void SetAvx2AllowedForTesting(bool allowed);

// Adds each distinct value of hashes[0..n) to `counter` once.
void VoteDistinct(const uint64_t* hashes, size_t n, SimHashScratch* scratch, BitCounter* counter);

struct SimHashResult {
  uint64_t simhash = 0;
  uint64_t distinct = 0;  // distinct shingle hashes that voted
};

// SimHash of the set of shingles of `tokens` (w tokens each, see ShingleHash):
// each distinct shingle hash votes once.
// `scratch` may be null (then the call allocates its own).
SimHashResult SimHashOfShingles(const uint64_t* tokens, size_t count, size_t w,
                                SimHashScratch* scratch);
// The same, overwriting tokens[0..count) (saves a copy of large inputs). On
// return, when count >= w, tokens[i] holds the hash of shingle i for i in
// 0..count-w (FingerprintNormalizedText builds the sketch from them; the
// sketch tests check it); a shorter input is left as it was.
SimHashResult SimHashOfShinglesInPlace(uint64_t* tokens, size_t count, size_t w,
                                       SimHashScratch* scratch);
inline SimHashResult SimHashOfShingles(const std::vector<uint64_t>& tokens, size_t w) {
  return SimHashOfShingles(tokens.data(), tokens.size(), w, nullptr);
}

// The same result computed the obvious way (sort, unique, a per-bit loop).
// For tests and as the benchmark's baseline.
SimHashResult SimHashOfShinglesReference(const std::vector<uint64_t>& tokens, size_t w);

}  // namespace libdiff::internal

#endif  // LIBDIFF_FINGERPRINT_SIMHASH_H_
