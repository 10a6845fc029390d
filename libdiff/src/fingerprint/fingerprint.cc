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

#include "fingerprint/normalize.h"
#include "fingerprint/simhash.h"
#include "fingerprint/tokenize.h"
#include "libdiff/fingerprint.h"

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

uint32_t ClampShingleSize(int w) { return static_cast<uint32_t>(std::clamp(w, 1, kMaxShingleSize)); }

// The kSketchSize smallest distinct top halves of `shingles`, ascending. After
// the first few hundred values almost every value fails the first comparison,
// so this costs about one compare per shingle.
void BottomSketch(const uint64_t* shingles, size_t n, std::vector<uint32_t>* out) {
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

  // Per-thread scratch memory, reused between calls (see ScratchBuffer).
  thread_local Scratch scratch;
  uint64_t* const tokens = scratch.tokens.Reserve(internal::MaxTokens(normalized.size()));
  const size_t token_count = internal::HashTokens(normalized, tokens);
  const internal::SimHashResult sim =
      internal::SimHashOfShinglesInPlace(tokens, token_count, fp.params.shingle_size, &scratch.simhash);
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
    if (end > begin) fp.paragraph_hashes.push_back(XXH3_64bits(normalized.data() + begin, end - begin));
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
