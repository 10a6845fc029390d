// Copyright 2026 The libdiff Authors.
//
// Why 3 tokens per shingle (the default): a one-word edit changes at most w
// shingles of the text, so a small w keeps the SimHash of a lightly edited
// article close to the original's; but with w = 1 the fingerprint is a bag of
// words, and two different articles about the same event share most of their
// vocabulary. Three-word shingles are rare enough to tell such articles apart
// (they share only stock phrases) while a one-word edit in a 600-word article
// changes at most 3 of about 600 shingles. docs/fingerprint.md has the
// measurements behind this choice.
#include <algorithm>
#include <array>
#include <memory>

#include "fingerprint/cpu.h"  // <immintrin.h> on x86-64
#include "fingerprint/normalize.h"
#include "fingerprint/simhash.h"
#include "fingerprint/tokenize.h"
#include "libdiff/fingerprint.h"
#include "util/thread_cache.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace libdiff {

namespace {

constexpr int kMaxShingleSize = 16;

// A thread keeps the scratch memory of its largest text, up to this many
// values per buffer (64 MiB; about a 16 MB text); larger texts free it again.
constexpr size_t kMaxKeptScratchValues = size_t{8} << 20;

struct Scratch {
  internal::ScratchBuffer tokens;
  internal::SimHashScratch simhash;
  void Trim() {
    tokens.Trim(kMaxKeptScratchValues);
    simhash.shingles.Trim(kMaxKeptScratchValues);
    simhash.slots.Trim(kMaxKeptScratchValues);
    simhash.partitions.Trim(kMaxKeptScratchValues);
  }
};

uint32_t ClampShingleSize(int w) {
  return static_cast<uint32_t>(std::clamp(w, 1, kMaxShingleSize));
}

// The kSketchSize smallest distinct top halves of `shingles`, ascending, by
// insertion into a sorted array: exact for any input, but each of the first
// hundred or so values costs a binary search and a shift full of mispredicted
// branches.
void BottomSketchByInsertion(const uint64_t* shingles, size_t n, std::vector<uint32_t>* out) {
  std::array<uint32_t, kSketchSize> best{};
  size_t size = 0;
  for (size_t i = 0; i < n; ++i) {
    const auto v = static_cast<uint32_t>(shingles[i] >> 32);
    if (size == kSketchSize && v >= best[kSketchSize - 1]) continue;
    const size_t pos = static_cast<size_t>(std::lower_bound(best.begin(), best.begin() + size, v) -
                                           best.begin());
    if (pos < size && best[pos] == v) continue;
    if (size < kSketchSize) ++size;
    for (size_t j = size - 1; j > pos; --j) best[j] = best[j - 1];
    best[pos] = v;
  }
  out->assign(best.begin(), best.begin() + size);
}

#if defined(__x86_64__)
// The filter of BottomSketch, 8 values at a time: the top halves of
// shingles[i..i+8) below `threshold` are packed (in order) into out[*m..]
// with a compress in registers (compress-to-memory is microcoded on some
// CPUs). Stops when fewer than 8 values are left or out may have fewer than 8
// free places before kCapacity; returns where it stopped.
template <size_t kCapacity>
LIBDIFF_TARGET_AVX512 size_t FilterBelowAvx512(const uint64_t* shingles, size_t n,
                                               uint64_t threshold, uint32_t* out, size_t* m) {
  const __m512i limit = _mm512_set1_epi64(static_cast<long long>(threshold));
  size_t count = *m;
  size_t i = 0;
  for (; i + 8 <= n && count + 8 <= kCapacity; i += 8) {
    const __m512i top = _mm512_srli_epi64(_mm512_loadu_si512(shingles + i), 32);
    const __mmask8 below = _mm512_cmplt_epu64_mask(top, limit);
    const __m256i packed = _mm512_cvtepi64_epi32(_mm512_maskz_compress_epi64(below, top));
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(out + count), packed);
    count += static_cast<size_t>(__builtin_popcount(below));
  }
  *m = count;
  return i;
}
#endif

// The same result. The top halves are uniform, so of n values about
// 2 * kSketchSize lie below 2 * kSketchSize * 2^32 / n: one branch-free pass
// keeps those (a compare and a store per value), and only they are sorted.
// When fewer than kSketchSize distinct values fall below the threshold (the
// text repeats itself, or bad luck) it is raised and the pass repeated; the
// values below any threshold include the smallest ones, so the result is
// exact either way.
void BottomSketch(const uint64_t* shingles, size_t n, std::vector<uint32_t>* out) {
  constexpr size_t kCapacity = 512;  // candidates kept; more falls back to insertion
  uint64_t threshold =
      std::max<uint64_t>((uint64_t{2 * kSketchSize} << 32) / std::max<size_t>(n, 1), 1);
  std::array<uint32_t, kCapacity + 1> candidates;
  while (threshold < (uint64_t{1} << 32)) {
    size_t m = 0;
    size_t i = 0;
#if defined(__x86_64__)
    if (internal::UseAvx512()) {
      i = FilterBelowAvx512<kCapacity>(shingles, n, threshold, candidates.data(), &m);
    }
#endif
    for (; i < n && m + 8 <= kCapacity; i += 8) {
      // Blocks of 8 between capacity checks; the store always happens, the
      // count only advances for a value below the threshold.
      const size_t end = std::min(n, i + 8);
      for (size_t j = i; j < end; ++j) {
        const uint64_t v = shingles[j] >> 32;
        candidates[m] = static_cast<uint32_t>(v);
        m += v < threshold ? 1 : 0;
      }
    }
    if (i < n) break;  // too many candidates (a text of few distinct shingles)
    std::sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(m));
    const size_t distinct = static_cast<size_t>(
        std::unique(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(m)) -
        candidates.begin());
    if (distinct >= kSketchSize) {
      out->assign(candidates.begin(), candidates.begin() + kSketchSize);
      return;
    }
    threshold *= 8;
  }
  BottomSketchByInsertion(shingles, n, out);
}

}  // namespace

std::string Hash128::ToHex() const {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex(32, '0');
  for (int i = 0; i < 16; ++i) {
    hex[static_cast<size_t>(15 - i)] = kDigits[(high >> (4 * i)) & 0xF];
    hex[static_cast<size_t>(31 - i)] = kDigits[(low >> (4 * i)) & 0xF];
  }
  return hex;
}

std::string NormalizeText(std::string_view text) { return internal::NormalizeFast(text); }

std::vector<std::string> Tokenize(std::string_view normalized) {
  std::vector<std::string> tokens;
  internal::TokenizeInto(normalized, &tokens);
  return tokens;
}

Fingerprint FingerprintNormalizedText(std::string_view normalized,
                                      const FingerprintOptions& options) {
  Fingerprint fp;
  fp.params.shingle_size = ClampShingleSize(options.shingle_size);

  // Per-thread scratch memory, reused between calls (see ScratchBuffer); a
  // ThreadCache, so a call at thread or process exit finds it intact.
  internal::ThreadCache<Scratch> cache;
  Scratch& scratch = *cache;
  uint64_t* const tokens = scratch.tokens.Reserve(internal::MaxTokens(normalized.size()));
  const size_t token_count = internal::HashTokens(normalized, tokens);
  const internal::SimHashResult sim = internal::SimHashOfShinglesInPlace(
      tokens, token_count, fp.params.shingle_size, &scratch.simhash);
  // SimHashOfShinglesInPlace leaves the shingle hashes in `tokens`; a text
  // shorter than one shingle has one shingle of all its tokens.
  if (token_count >= fp.params.shingle_size) {
    BottomSketch(tokens, token_count - fp.params.shingle_size + 1, &fp.sketch);
  } else if (token_count > 0) {
    const uint64_t only = internal::ShingleHash(tokens, token_count);
    BottomSketch(&only, 1, &fp.sketch);
  }
  scratch.Trim();
  fp.simhash = sim.simhash;
  fp.token_count = token_count;
  fp.shingle_count = sim.distinct;

  const XXH128_hash_t exact = XXH3_128bits(normalized.data(), normalized.size());
  fp.exact.high = exact.high64;
  fp.exact.low = exact.low64;

  size_t begin = 0;
  while (begin < normalized.size()) {
    size_t end = normalized.find('\n', begin);
    if (end == std::string_view::npos) end = normalized.size();
    if (end > begin) {
      fp.paragraph_hashes.push_back(XXH3_64bits(normalized.data() + begin, end - begin));
    }
    begin = end + 1;
  }
  return fp;
}

Fingerprint FingerprintText(std::string_view text, const FingerprintOptions& options) {
  const std::string normalized = NormalizeText(text);
  return FingerprintNormalizedText(normalized, options);
}

Fingerprint FingerprintParagraphs(const std::vector<std::string>& paragraphs,
                                  const FingerprintOptions& options) {
  size_t size = 0;
  for (const std::string& p : paragraphs) size += p.size() + 2;
  std::string joined;
  joined.reserve(size);
  for (const std::string& p : paragraphs) {
    if (!joined.empty()) joined += "\n\n";
    joined += p;
  }
  return FingerprintText(joined, options);
}

double EstimatedSimilarity(int distance) {
  const int d = std::clamp(distance, 0, 64);
  return std::max(0.0, 1.0 - d / 32.0);
}

}  // namespace libdiff
