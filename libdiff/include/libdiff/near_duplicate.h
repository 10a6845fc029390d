// Copyright 2026 The libdiff Authors.
//
// The near-duplicate rule: one definition of "the same article", used by the
// store (a page with no known URL is a duplicate of the earliest article it
// matches) and by dedupe (clusters), and offered here for callers that keep
// their own fingerprints.
//
//   libdiff::Fingerprint a = libdiff::FingerprintText(original);
//   libdiff::Fingerprint b = libdiff::FingerprintText(copy);
//   libdiff::NearDuplicateMatch m = libdiff::MatchNearDuplicate(a, b);
//   if (m.is_duplicate) printf("%.0f%% contained\n", 100 * m.containment);
//
// The rule (docs/dedupe.md, "The near-duplicate rule"): both texts have at
// least 25 tokens and 20 distinct shingles; identical normalised texts are
// duplicates; otherwise the bottom-k shingle sketches estimate how much of the
// smaller text (fewer distinct shingles) the larger one contains, and the two
// are duplicates when that containment is at least one half, the smaller text
// has at least a quarter of the larger's shingles, and the SimHashes are not
// unrelated (the bound depends on the containment). Paragraph breaks do not
// matter, so a copy in another site's template, with a dateline added, the
// last paragraph dropped or a trailer added, is still a duplicate, and two
// articles that share one boilerplate paragraph are not.
//
// Thread safety: a pure function of its arguments.
#ifndef LIBDIFF_NEAR_DUPLICATE_H_
#define LIBDIFF_NEAR_DUPLICATE_H_

#include "libdiff/fingerprint.h"

namespace libdiff {

struct NearDuplicateMatch {
  bool is_duplicate = false;
  int distance = 64;         // SimHash Hamming distance, 0..64
  // Estimated share of the smaller text's shingles found in the larger, 0..1.
  double containment = 0;
  // Estimated shingle Jaccard similarity of the two texts, 0..1.
  double similarity = 0;
  bool exact = false;        // identical normalised text
  const char* reason = "";   // which part of the rule decided (static text)
};

// Applies the rule to two fingerprints (made with the same FingerprintParams).
NearDuplicateMatch MatchNearDuplicate(const Fingerprint& a, const Fingerprint& b);

}  // namespace libdiff

#endif  // LIBDIFF_NEAR_DUPLICATE_H_
