// Copyright 2026 The libdiff Authors.
//
// Fingerprint::sketch: the bottom-k MinHash sketch of the shingle set.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "fingerprint/cpu.h"
#include "fingerprint/simhash.h"
#include "fingerprint/tokenize.h"
#include "libdiff/fingerprint.h"

namespace libdiff {
namespace {

// The definition, computed the slow way: every shingle hash, top halves,
// sorted, distinct, the first kSketchSize.
std::vector<uint32_t> ReferenceSketch(const std::string& text, int w) {
  std::vector<uint64_t> tokens;
  internal::HashTokens(NormalizeText(text), &tokens);
  std::vector<uint64_t> shingles;
  internal::ShingleHashes(tokens, static_cast<size_t>(w), &shingles);
  std::vector<uint32_t> top;
  for (uint64_t h : shingles) top.push_back(static_cast<uint32_t>(h >> 32));
  std::sort(top.begin(), top.end());
  top.erase(std::unique(top.begin(), top.end()), top.end());
  if (top.size() > kSketchSize) top.resize(kSketchSize);
  return top;
}

std::string RandomText(std::mt19937* rng, size_t words, size_t vocabulary) {
  std::string text;
  for (size_t i = 0; i < words; ++i) {
    if (i > 0) text += (*rng)() % 40 == 0 ? "\n\n" : " ";
    text += "w" + std::to_string((*rng)() % vocabulary);
  }
  return text;
}

TEST(Sketch, EqualsTheDefinitionForAnyLengthAndShingleSize) {
  std::mt19937 rng(11);
  for (size_t words : {size_t{0}, size_t{1}, size_t{2}, size_t{3}, size_t{5}, size_t{20},
                       size_t{30}, size_t{200}, size_t{5000}}) {
    for (int w : {1, 3, 5}) {
      // A small vocabulary makes repeated shingles, which count once.
      const std::string text = RandomText(&rng, words, words < 100 ? 1000 : 50);
      FingerprintOptions options;
      options.shingle_size = w;
      internal::SetAvx512AllowedForTesting(false);  // the portable paths give the same
      EXPECT_EQ(FingerprintText(text, options).sketch, ReferenceSketch(text, w))
          << words << " words, w = " << w;
      internal::SetAvx512AllowedForTesting(true);
      const Fingerprint fp = FingerprintText(text, options);
      EXPECT_EQ(fp.sketch, ReferenceSketch(text, w)) << words << " words, w = " << w;
      EXPECT_LE(fp.sketch.size(), kSketchSize);
      EXPECT_TRUE(std::is_sorted(fp.sketch.begin(), fp.sketch.end()));
      EXPECT_EQ(std::adjacent_find(fp.sketch.begin(), fp.sketch.end()), fp.sketch.end());
      if (words == 0) {
        EXPECT_TRUE(fp.sketch.empty());
      }
      if (words >= 200) {
        EXPECT_EQ(fp.sketch.size(), kSketchSize);
      }
    }
  }
}

// Texts that repeat a few sentences many times: the threshold filter of the
// sketch finds fewer than kSketchSize distinct values below its threshold, or
// too many copies of a few, and falls back; the result is still exact.
TEST(Sketch, EqualsTheDefinitionForRepetitiveText) {
  for (size_t period : {size_t{5}, size_t{20}, size_t{26}, size_t{40}, size_t{300}}) {
    for (size_t repeats : {size_t{1}, size_t{3}, size_t{100}, size_t{2000}}) {
      std::string text;
      for (size_t r = 0; r < repeats; ++r) {
        for (size_t i = 0; i < period; ++i) text += "t" + std::to_string(i) + " ";
      }
      for (bool avx512 : {true, false}) {
        internal::SetAvx512AllowedForTesting(avx512);
        const Fingerprint fp = FingerprintText(text);
        internal::SetAvx512AllowedForTesting(true);
        EXPECT_EQ(fp.sketch, ReferenceSketch(text, 3))
            << period << " x " << repeats << " " << avx512;
      }
    }
  }
}

TEST(Sketch, DoesNotDependOnParagraphBreaks) {
  std::mt19937 rng(5);
  std::string text = RandomText(&rng, 400, 5000);
  std::string regrouped = text;
  // Move every paragraph break to another place, and add some.
  std::replace(regrouped.begin(), regrouped.end(), '\n', ' ');
  for (size_t at = 0, n = 0; (at = regrouped.find(' ', at + 37)) != std::string::npos; ++n) {
    if (n % 3 == 0) regrouped.replace(at, 1, "\n\n");
  }
  const Fingerprint a = FingerprintText(text);
  const Fingerprint b = FingerprintText(regrouped);
  EXPECT_NE(a.paragraph_hashes, b.paragraph_hashes);
  EXPECT_EQ(a.sketch, b.sketch);
  EXPECT_EQ(a.simhash, b.simhash);
}

TEST(Sketch, ACopyKeepsMostOfItAndAnotherTextSharesNone) {
  std::mt19937 rng(9);
  const std::string text = RandomText(&rng, 600, 20000);
  const std::string edited = "LONDON (Wire) - " + text.substr(0, text.size() * 9 / 10);
  const std::string other = RandomText(&rng, 600, 20000);
  const Fingerprint a = FingerprintText(text);
  const Fingerprint b = FingerprintText(edited);
  const Fingerprint c = FingerprintText(other);
  size_t with_b = 0, with_c = 0;
  for (uint32_t v : a.sketch) {
    with_b += std::binary_search(b.sketch.begin(), b.sketch.end(), v) ? 1u : 0u;
    with_c += std::binary_search(c.sketch.begin(), c.sketch.end(), v) ? 1u : 0u;
  }
  EXPECT_GE(with_b, kSketchSize / 2);
  EXPECT_EQ(with_c, 0u);
}

}  // namespace
}  // namespace libdiff
