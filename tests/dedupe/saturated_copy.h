// Copyright 2026 The libdiff Authors.
//
// The candidate-key case of near_duplicate_index.h that the store, dedupe and
// the Dask pipeline must all find: a copy inside a larger template whose only
// filed keys shared with its original are saturated (a common sentence that
// more than kMaxPostings other texts file), while the original's other filed
// keys sit among the copy's deeper query keys.
#ifndef LIBDIFF_TESTS_DEDUPE_SATURATED_COPY_H_
#define LIBDIFF_TESTS_DEDUPE_SATURATED_COPY_H_

#include <algorithm>
#include <cstdint>
#include <random>
#include <span>
#include <string>
#include <vector>

#include "index/near_duplicate_index.h"
#include "libdiff/fingerprint.h"

namespace libdiff::testing {

// `n` words from a 100,000-word vocabulary: texts that share no phrase.
inline std::string RandomWords(unsigned seed, int n) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> word(0, 99999);
  std::string s;
  for (int i = 0; i < n; ++i) s += (i ? " v" : "v") + std::to_string(word(rng));
  return s;
}

// A copy inside a larger template whose filed keys shared with its original
// are all a common sentence's, filed by more than kMaxPostings texts (the
// fillers), so they give no candidates; the original's other filed keys sit
// deeper in the copy's sketch, among its 8 smallest values (its query keys,
// near_duplicate_index.h; the fixture does not depend on kQueryKeys).
struct SaturatedCopy {
  std::string original, copy;
  std::vector<std::string> fillers;
};

inline bool Contains(std::span<const uint32_t> keys, uint32_t v) {
  return std::find(keys.begin(), keys.end(), v) != keys.end();
}

// The first (sentence, template) seeds that give that case, or false.
inline bool MakeSaturatedCopy(SaturatedCopy* out) {
  using internal::SketchKeys;
  for (unsigned s = 0; s < 20; ++s) {
    const std::string sentence = RandomWords(1000 + s, 30);
    out->original = sentence + " " + RandomWords(5000 + s, 120);
    out->fillers.clear();
    std::vector<Fingerprint> fillers;
    for (unsigned k = 0; k < 100; ++k) {
      out->fillers.push_back(sentence + " " + RandomWords(2000 + k, 60));
      fillers.push_back(FingerprintText(out->fillers.back()));
    }
    auto saturated = [&](uint32_t v) {
      size_t filed = 0;
      for (const auto& f : fillers) {
        if (Contains(SketchKeys(f.sketch), v)) ++filed;
      }
      return filed > internal::kMaxPostings;
    };
    const Fingerprint o = FingerprintText(out->original);
    for (unsigned t = 0; t < 100; ++t) {
      out->copy = RandomWords(6000 + t, 120) + " " + out->original;
      const Fingerprint c = FingerprintText(out->copy);
      bool shared = false, missed = true, found = false;
      for (uint32_t v : SketchKeys(o.sketch)) {
        if (Contains(SketchKeys(c.sketch), v)) {
          shared = true;
          missed = missed && saturated(v);
        }
        const auto deep =
            std::span<const uint32_t>(c.sketch).first(std::min<size_t>(c.sketch.size(), 8));
        found = found || (Contains(deep, v) && !saturated(v));
      }
      if (shared && missed && found && internal::VerifyNearDuplicate(o, c).is_duplicate) {
        return true;
      }
    }
  }
  return false;
}
}  // namespace libdiff::testing

#endif  // LIBDIFF_TESTS_DEDUPE_SATURATED_COPY_H_
