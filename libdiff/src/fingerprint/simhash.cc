// Copyright 2026 The libdiff Authors.
#include "fingerprint/simhash.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cstring>
#include <memory>

#include "fingerprint/cpu.h"  // <immintrin.h> on x86-64

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
    // Load <= 1/4: in text nearly every shingle is new, and at this load the
    // first probe finds an empty slot 3 times in 4 or more, so the probe loop
    // rarely mispredicts (at load 0.7 the set cost twice as much).
    while (capacity < 4 * max_items) capacity <<= 1;
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

void BitCounter::AddLanes(const std::array<uint64_t, 8>& lanes, uint32_t adds) {
  for (size_t j = 0; j < 8; ++j) {
    for (size_t k = 0; k < 8; ++k) {
      totals_[8 * k + j] += static_cast<uint32_t>((lanes[j] >> (8 * k)) & 0xFF);
    }
  }
  count_ += adds;
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

namespace {

// Prefetching the slot kAhead values ahead hides the misses of a table that
// does not fit the caches (a miss costs about as much as 30 hits); tables of
// up to kPrefetchMin values (at most 16 KB at load 1/4) stay in L1, and there
// the prefetches are wasted work.
constexpr size_t kAhead = 32;
constexpr size_t kPrefetchMin = 512;

// Inserts hashes[0..n) into one set; each new value votes.
void VoteDistinctOneTable(const uint64_t* hashes, size_t n, ScratchBuffer* slots,
                          BitCounter* counter) {
  HashSet seen(n, slots);
  const size_t ahead_end = n > kPrefetchMin ? n : 0;
  for (size_t i = 0; i < n; ++i) {
    if (i + kAhead < ahead_end) seen.Prefetch(hashes[i + kAhead]);
    if (seen.Insert(hashes[i])) counter->Add(hashes[i]);
  }
}

#if defined(__x86_64__)
// The same loop with the vote in two AVX2 registers: one broadcast, two
// variable shifts, two ANDs and two adds per vote instead of 24 scalar steps.
__attribute__((target("avx2"))) void FlushAvx2Lanes(__m256i* lo, __m256i* hi, uint32_t* pending,
                                                    BitCounter* counter) {
  alignas(32) std::array<uint64_t, 8> lanes;
  _mm256_store_si256(reinterpret_cast<__m256i*>(lanes.data()), *lo);
  _mm256_store_si256(reinterpret_cast<__m256i*>(lanes.data() + 4), *hi);
  counter->AddLanes(lanes, *pending);
  *lo = _mm256_setzero_si256();
  *hi = _mm256_setzero_si256();
  *pending = 0;
}

__attribute__((target("avx2"))) void VoteDistinctOneTableAvx2(const uint64_t* hashes, size_t n,
                                                              ScratchBuffer* slots,
                                                              BitCounter* counter) {
  HashSet seen(n, slots);
  const __m256i shift_lo = _mm256_setr_epi64x(0, 1, 2, 3);
  const __m256i shift_hi = _mm256_setr_epi64x(4, 5, 6, 7);
  const __m256i low_bits = _mm256_set1_epi64x(0x0101010101010101LL);
  __m256i lo = _mm256_setzero_si256();
  __m256i hi = _mm256_setzero_si256();
  uint32_t pending = 0;
  // Prefetching only pays for a table that does not fit L1 (see
  // VoteDistinctOneTable); the parts of a partitioned input fit.
  const size_t ahead_end = n > kPrefetchMin ? n : 0;
  for (size_t i = 0; i < n; ++i) {
    if (i + kAhead < ahead_end) seen.Prefetch(hashes[i + kAhead]);
    if (!seen.Insert(hashes[i])) continue;
    const __m256i v = _mm256_set1_epi64x(static_cast<long long>(hashes[i]));
    lo = _mm256_add_epi64(lo, _mm256_and_si256(_mm256_srlv_epi64(v, shift_lo), low_bits));
    hi = _mm256_add_epi64(hi, _mm256_and_si256(_mm256_srlv_epi64(v, shift_hi), low_bits));
    if (++pending == 255) FlushAvx2Lanes(&lo, &hi, &pending, counter);
  }
  if (pending > 0) FlushAvx2Lanes(&lo, &hi, &pending, counter);
}

// The voting loop with AVX-512 (VL): the set is a table of 32-byte buckets
// of 4 slots (filled from the front, never emptied), and one compare of a
// whole bucket tells whether a value is there and where its first free slot
// is. At load <= 1/4 a bucket is almost never full, so the only branches are
// the rare "seen before" and "bucket full" ones; linear probing's "is this
// slot free" branch, mispredicted about once in eight values, is gone. (With
// 8-slot buckets at load 1/2 the loop was slower: a bucket load that overlaps
// a recent one-slot store to the same bucket waits for the store.) Which
// values are distinct does not depend on the table, so neither does the vote,
// which takes one 512-bit add per distinct value.
constexpr size_t kBucket = 4;

LIBDIFF_TARGET_AVX512 void VoteDistinctBucketsAvx512(const uint64_t* hashes, size_t n,
                                                     ScratchBuffer* memory, BitCounter* counter) {
  size_t buckets = 1;
  while (buckets * kBucket < 4 * n) buckets <<= 1;
  // kBucket more values to align the table.
  uint64_t* const raw = memory->Reserve(buckets * kBucket + kBucket);
  const size_t misalign = (reinterpret_cast<uintptr_t>(raw) / sizeof(uint64_t)) % kBucket;
  uint64_t* const slots = raw + (misalign == 0 ? 0 : kBucket - misalign);
  std::memset(slots, 0, buckets * kBucket * sizeof(uint64_t));
  const size_t mask = buckets - 1;
  bool has_zero = false;
  const __m512i shifts = _mm512_setr_epi64(0, 1, 2, 3, 4, 5, 6, 7);
  const __m512i low_bits = _mm512_set1_epi64(0x0101010101010101LL);
  __m512i lanes = _mm512_setzero_si512();
  uint32_t pending = 0;
  for (size_t i = 0; i < n; ++i) {
    const uint64_t h = hashes[i];
    const __m512i v = _mm512_set1_epi64(static_cast<long long>(h));
    if (h == 0) {
      if (has_zero) continue;
      has_zero = true;
    } else {
      size_t b = static_cast<size_t>(h) & mask;
      bool seen = false;
      while (true) {
        uint64_t* const bucket = slots + kBucket * b;
        const __m256i s = _mm256_load_si256(reinterpret_cast<const __m256i*>(bucket));
        if (_mm256_cmpeq_epi64_mask(s, _mm512_castsi512_si256(v)) != 0) {
          seen = true;
          break;
        }
        const unsigned free_slots = _mm256_testn_epi64_mask(s, s);
        if (free_slots != 0) {
          bucket[__builtin_ctz(free_slots)] = h;
          break;
        }
        b = (b + 1) & mask;
      }
      if (seen) continue;
    }
    lanes = _mm512_add_epi64(lanes, _mm512_and_si512(_mm512_srlv_epi64(v, shifts), low_bits));
    if (++pending == 255) {
      alignas(64) std::array<uint64_t, 8> flushed;
      _mm512_store_si512(flushed.data(), lanes);
      counter->AddLanes(flushed, pending);
      lanes = _mm512_setzero_si512();
      pending = 0;
    }
  }
  if (pending > 0) {
    alignas(64) std::array<uint64_t, 8> flushed;
    _mm512_store_si512(flushed.data(), lanes);
    counter->AddLanes(flushed, pending);
  }
}

std::atomic<bool> g_avx2_allowed{true};

bool UseAvx2() {
  static const bool has_avx2 = __builtin_cpu_supports("avx2");
  return has_avx2 && g_avx2_allowed.load(std::memory_order_relaxed);
}
#endif

void VoteDistinctPart(const uint64_t* hashes, size_t n, ScratchBuffer* slots, BitCounter* counter) {
#if defined(__x86_64__)
  if (UseAvx512()) {
    VoteDistinctBucketsAvx512(hashes, n, slots, counter);
    return;
  }
  if (UseAvx2()) {
    VoteDistinctOneTableAvx2(hashes, n, slots, counter);
    return;
  }
#endif
  VoteDistinctOneTable(hashes, n, slots, counter);
}

}  // namespace

void SetAvx2AllowedForTesting(bool allowed) {
#if defined(__x86_64__)
  g_avx2_allowed.store(allowed, std::memory_order_relaxed);
#else
  (void)allowed;
#endif
}

void VoteDistinct(const uint64_t* hashes, size_t n, SimHashScratch* scratch, BitCounter* counter) {
  // Up to this many values one table (at most 128 KB) stays in L2.
  constexpr size_t kOneTableMax = 4096;
  constexpr size_t kPartSize = 512;  // a part's table (16-32 KB) stays in L1
  if (n <= kOneTableMax) {
    VoteDistinctPart(hashes, n, &scratch->slots, counter);
    return;
  }
  // Larger inputs are radix-partitioned by their top bits first (equal values
  // land in the same part), two sequential passes that replace a cache miss
  // per value in a table of megabytes: 180,000 shingles vote in about half
  // the time of one prefetched table.
  int bits = 0;
  while ((n >> bits) > kPartSize) ++bits;
  const int shift = 64 - bits;
  const size_t parts = size_t{1} << bits;
  std::vector<size_t> begin(parts + 1, 0);
  for (size_t i = 0; i < n; ++i) ++begin[(hashes[i] >> shift) + 1];
  for (size_t p = 0; p < parts; ++p) begin[p + 1] += begin[p];
  std::vector<size_t> next(begin.begin(), begin.end() - 1);
  uint64_t* const grouped = scratch->partitions.Reserve(n);
  for (size_t i = 0; i < n; ++i) grouped[next[hashes[i] >> shift]++] = hashes[i];
  for (size_t p = 0; p < parts; ++p) {
    VoteDistinctPart(grouped + begin[p], begin[p + 1] - begin[p], &scratch->slots, counter);
  }
}

namespace {

#if defined(__x86_64__)
// Shingle hashes for w = 3, 8 at once: XXH3_64bits of 24 bytes is
// XXH3_len_17to128_64b, two folded 128-bit products (bytes 0-15 and 8-23)
// and XXH3's avalanche. Overwrites tokens[0..n) in place (the loads of a
// step come before its store, and later steps read only later tokens).
LIBDIFF_TARGET_AVX512 size_t ShingleHashes3Avx512(uint64_t* tokens, size_t n) {
  const auto* secret = XXH3_kSecret;
  const __m512i s0 = _mm512_set1_epi64(static_cast<long long>(XXH_readLE64(secret)));
  const __m512i s1 = _mm512_set1_epi64(static_cast<long long>(XXH_readLE64(secret + 8)));
  const __m512i s2 = _mm512_set1_epi64(static_cast<long long>(XXH_readLE64(secret + 16)));
  const __m512i s3 = _mm512_set1_epi64(static_cast<long long>(XXH_readLE64(secret + 24)));
  const __m512i start = _mm512_set1_epi64(static_cast<long long>(24 * XXH_PRIME64_1));
  const __m512i avalanche = _mm512_set1_epi64(static_cast<long long>(0x165667919E3779F9ULL));
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    const __m512i t0 = _mm512_loadu_si512(tokens + i);
    const __m512i t1 = _mm512_loadu_si512(tokens + i + 1);
    const __m512i t2 = _mm512_loadu_si512(tokens + i + 2);
    __m512i acc =
        _mm512_add_epi64(start, Mul128Fold64(_mm512_xor_si512(t0, s0), _mm512_xor_si512(t1, s1)));
    acc = _mm512_add_epi64(acc, Mul128Fold64(_mm512_xor_si512(t1, s2), _mm512_xor_si512(t2, s3)));
    acc = _mm512_xor_si512(acc, _mm512_srli_epi64(acc, 37));
    acc = _mm512_mullo_epi64(acc, avalanche);
    acc = _mm512_xor_si512(acc, _mm512_srli_epi64(acc, 32));
    _mm512_storeu_si512(tokens + i, acc);
  }
  return i;
}
#endif

}  // namespace

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
    // All shingle hashes first, sequentially, written over the token hashes
    // (shingle i needs tokens i..i+w-1 only, so position i is free once it
    // is computed); then the distinct ones vote.
    const size_t n = count - w + 1;
    uint64_t* const shingles = tokens;
    if (w == 3) {  // the default gets a loop with a constant-size hash
      size_t i = 0;
#if defined(__x86_64__)
      if (UseAvx512()) i = ShingleHashes3Avx512(tokens, n);
#endif
      for (; i < n; ++i) shingles[i] = ShingleHash(tokens + i, 3);
    } else {
      for (size_t i = 0; i < n; ++i) shingles[i] = ShingleHash(tokens + i, w);
    }
    VoteDistinct(shingles, n, scratch, &counter);
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
