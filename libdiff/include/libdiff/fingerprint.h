// Copyright 2026 The libdiff Authors.
//
// Text fingerprints: Unicode-normalised tokens -> word shingles hashed with XXH3
// -> a 64-bit SimHash, plus an exact 128-bit hash of the normalised text and a
// 64-bit hash per paragraph.
//
//   libdiff::Fingerprint a = libdiff::FingerprintText(old_text);
//   libdiff::Fingerprint b = libdiff::FingerprintText(new_text);
//   int d = libdiff::HammingDistance(a.simhash, b.simhash);   // 0..64
//
// Fingerprints are a persistent format: stores keep them for years. Every
// fingerprint records the parameters that made it (FingerprintParams), and
// golden vectors in tests/fingerprint pin the output of each version.
//
// Thread safety: all functions here are pure and safe to call concurrently.
#ifndef LIBDIFF_FINGERPRINT_H_
#define LIBDIFF_FINGERPRINT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace libdiff {

struct Hash128 {
  uint64_t high = 0;
  uint64_t low = 0;
  friend bool operator==(const Hash128&, const Hash128&) = default;
  // 32 lower-case hex digits, high half first.
  std::string ToHex() const;
};

struct FingerprintOptions {
  // Tokens per shingle. Default: 3 (see fingerprint.cc for why).
  int shingle_size = 3;
};

// The parameters a fingerprint was computed with; stored beside it.
struct FingerprintParams {
  uint32_t algorithm_version = 1;  // bumped whenever output for the same input changes
  uint32_t shingle_size = 3;
  friend bool operator==(const FingerprintParams&, const FingerprintParams&) = default;
};

struct Fingerprint {
  FingerprintParams params;
  uint64_t simhash = 0;
  Hash128 exact;                           // XXH3-128 of the normalised text
  std::vector<uint64_t> paragraph_hashes;  // XXH3-64 of each normalised, non-empty paragraph
  uint64_t token_count = 0;
  uint64_t shingle_count = 0;              // distinct shingles that went into the SimHash
};

// Normalises text for comparison: repairs invalid UTF-8 (U+FFFD), NFKC, case
// folding, folds typographic variants (quotes, dashes, NBSP, zero-width, soft
// hyphen) and collapses whitespace. Paragraph breaks ("\n\n") are kept as "\n".
std::string NormalizeText(std::string_view text);

// Splits normalised text into word tokens (letters/digits by Unicode category;
// scripts without spaces become overlapping character bigrams).
std::vector<std::string> Tokenize(std::string_view normalized);

// Fingerprints `text`; paragraphs are separated by blank lines.
Fingerprint FingerprintText(std::string_view text,
                            const FingerprintOptions& options = FingerprintOptions());

// Fingerprints a text given as paragraphs (an extracted article's blocks).
Fingerprint FingerprintParagraphs(const std::vector<std::string>& paragraphs,
                                  const FingerprintOptions& options = FingerprintOptions());

// Number of differing bits, 0..64.
inline int HammingDistance(uint64_t a, uint64_t b) { return __builtin_popcountll(a ^ b); }

// Estimated similarity in [0, 1] from a Hamming distance (1 - d/32, floored at 0:
// unrelated texts differ in 32 bits on average).
double EstimatedSimilarity(int distance);

}  // namespace libdiff

#endif  // LIBDIFF_FINGERPRINT_H_
