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
// Each thread keeps scratch memory in proportion to the largest text it has
// fingerprinted (a few bytes per byte of text; buffers above 64 MiB are freed
// after use), and the first call in a process builds two lookup tables from
// utf8proc's data (about 10 ms, once).
//
// Speed and algorithm details: docs/fingerprint.md.
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
  // Tokens per shingle; values outside 1..16 are clamped into that range (the
  // value used is recorded in FingerprintParams). Default: 3 (see
  // docs/fingerprint.md for why).
  int shingle_size = 3;
};

// The parameters a fingerprint was computed with; stored beside it. Two
// fingerprints are comparable only when their params are equal.
struct FingerprintParams {
  // Bumped whenever the output for the same input and shingle size changes
  // (normalisation, tokens, hashing or voting); the golden vectors in
  // tests/fingerprint/golden_test.cc fail until it is. Default: 1.
  uint32_t algorithm_version = 1;
  // Default: 3.
  uint32_t shingle_size = 3;
  friend bool operator==(const FingerprintParams&, const FingerprintParams&) = default;
};

// Values in Fingerprint::sketch, at most.
inline constexpr size_t kSketchSize = 24;

// What FingerprintText computes. SimHash: every distinct shingle (repeats count
// once: the fingerprint is of the set of shingles, so a repeated boilerplate
// line or slogan cannot outvote the story) votes on each of the 64 bits with
// its XXH3-64 hash; a bit is 1 when more than half the votes are 1. A text with
// fewer tokens than shingle_size has one shingle made of all its tokens; a
// text with no tokens has simhash 0 and shingle_count 0.
struct Fingerprint {
  FingerprintParams params;
  uint64_t simhash = 0;
  Hash128 exact;                           // XXH3-128 of the normalised text
  std::vector<uint64_t> paragraph_hashes;  // XXH3-64 of each normalised, non-empty paragraph
  uint64_t token_count = 0;
  uint64_t shingle_count = 0;              // distinct shingles that went into the SimHash
  // A bottom-k MinHash sketch of the shingle set: the kSketchSize smallest
  // distinct values of (shingle hash >> 32), ascending (all of them when the
  // text has fewer). Two texts' sketches estimate how much of one's shingles
  // the other contains, whatever their paragraph breaks: near-duplicate
  // verification uses it (docs/index.md). Part of the persistent format.
  std::vector<uint32_t> sketch;
};

// Normalises text for comparison: repairs invalid UTF-8 (U+FFFD) and drops NUL
// bytes, NFKC, case folding, removes default-ignorable characters (zero-width
// spaces and joiners, soft hyphen, BOM), folds typographic variants (curly and
// angle quotes to ASCII quotes, dashes and minus to '-'; NBSP and other spaces
// become spaces by NFKC) and collapses whitespace. Paragraph breaks (white
// space holding a blank line, "\n\n") become one "\n", other white space one
// " "; no leading or trailing white space. Numbers are kept as they are.
// Never fails; any byte string is accepted. Mostly-ASCII text takes a fast path
// with identical output.
std::string NormalizeText(std::string_view text);

// Splits normalised text into word tokens: maximal runs of letters, numbers and
// combining marks (Unicode categories L*, N*, M*); everything else separates.
// Scripts written without spaces (Han, Hiragana, Katakana, Thai, Lao, Khmer,
// Myanmar) become overlapping bigrams of characters (a base with its marks):
// "東京都" -> {"東京", "京都"}; a lone such character is one token.
std::vector<std::string> Tokenize(std::string_view normalized);

// Fingerprints `text`: NormalizeText, then FingerprintNormalizedText.
// Paragraphs are separated by blank lines. Never fails.
Fingerprint FingerprintText(std::string_view text,
                            const FingerprintOptions& options = FingerprintOptions());

// Fingerprints a text given as paragraphs (an extracted article's blocks).
// Same result as FingerprintText of the paragraphs joined by "\n\n"; paragraphs
// that are empty after normalisation are skipped.
Fingerprint FingerprintParagraphs(const std::vector<std::string>& paragraphs,
                                  const FingerprintOptions& options = FingerprintOptions());

// Fingerprints text that is already normalised, skipping NormalizeText (for
// callers that keep the normalised text, and for benchmarks).
// REQUIRES: `normalized` is an output of NormalizeText; otherwise the result is
// well defined but will not match FingerprintText of the same text.
Fingerprint FingerprintNormalizedText(std::string_view normalized,
                                      const FingerprintOptions& options = FingerprintOptions());

// Number of differing bits, 0..64.
inline int HammingDistance(uint64_t a, uint64_t b) { return __builtin_popcountll(a ^ b); }

// Estimated similarity in [0, 1] from a Hamming distance (1 - d/32, floored at 0:
// unrelated texts differ in 32 bits on average).
double EstimatedSimilarity(int distance);

}  // namespace libdiff

#endif  // LIBDIFF_FINGERPRINT_H_
