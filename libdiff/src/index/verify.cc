// Copyright 2026 The libdiff Authors.
//
// VerifyNearDuplicate: the rule documented in near_duplicate_index.h.
#include <algorithm>
#include <bit>

#include "index/near_duplicate_index.h"
#include "libdiff/near_duplicate.h"

namespace libdiff::internal {
namespace {

double SimHashSimilarity(int distance) {
  return std::max(0.0, 1.0 - static_cast<double>(distance) / 32.0);
}

// REQUIRES: a and b sorted ascending without repeats.
template <typename T>
size_t CountShared(std::span<const T> a, std::span<const T> b) {
  size_t shared = 0;
  size_t i = 0;
  size_t j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++shared;
      ++i;
      ++j;
    }
  }
  return shared;
}

// Shingle evidence from two bottom-k sketches (the rule in the header).
struct SketchEvidence {
  bool usable = false;     // enough samples to decide
  double containment = 0;  // of the smaller text in the larger
  double jaccard = 0;      // estimated from the bottom-k of the union
  double size_ratio = 0;   // smaller / larger distinct shingles
  size_t samples = 0;
  size_t shared = 0;
};

SketchEvidence CompareSketches(std::span<const uint32_t> sa, uint64_t na,
                               std::span<const uint32_t> sb, uint64_t nb,
                               const VerifyOptions& options) {
  SketchEvidence e;
  if (sa.empty() || sb.empty()) return e;
  if (na > nb || (na == nb && sa.size() > sb.size())) {
    std::swap(sa, sb);
    std::swap(na, nb);
  }
  // A sketch shorter than kSketchSize holds its text's whole set: nothing
  // above its last value is unknown.
  const bool b_whole = sb.size() < kSketchSize;
  const uint32_t b_limit = sb.back();
  for (uint32_t v : sa) {
    if (!b_whole && v > b_limit) break;  // sa is ascending
    ++e.samples;
    if (std::binary_search(sb.begin(), sb.end(), v)) ++e.shared;
  }
  const size_t need =
      std::min(sa.size(), static_cast<size_t>(std::max(1, options.min_sketch_samples)));
  e.usable = e.samples >= need;
  e.containment =
      e.samples == 0 ? 0.0 : static_cast<double>(e.shared) / static_cast<double>(e.samples);
  e.size_ratio = nb == 0 ? 0.0 : static_cast<double>(na) / static_cast<double>(nb);
  // Jaccard: of the k smallest values of the union, the fraction in both.
  size_t i = 0, j = 0, taken = 0, both = 0;
  const size_t k = std::max(sa.size(), sb.size());
  while (taken < k && (i < sa.size() || j < sb.size())) {
    if (j == sb.size() || (i < sa.size() && sa[i] < sb[j])) {
      ++i;
    } else if (i == sa.size() || sb[j] < sa[i]) {
      ++j;
    } else {
      ++both;
      ++i;
      ++j;
    }
    ++taken;
  }
  e.jaccard = taken == 0 ? 0.0 : static_cast<double>(both) / static_cast<double>(taken);
  return e;
}

// The shingle rule (sketches on both sides), after the length and exact checks.
void DecideBySketches(const SketchEvidence& e, const VerifyOptions& options, VerifyResult* r) {
  if (e.size_ratio < options.min_size_ratio) {
    r->reason = "sizes too different";
  } else if (!e.usable) {
    r->reason = "too few sketch samples";
  } else if (r->distance > options.sketch_max_distance) {
    r->reason = "too far apart";
  } else if (e.containment < options.min_containment) {
    r->reason = "too few shared shingles";
  } else if (e.containment < options.strong_containment &&
             r->distance > options.sketch_partial_max_distance) {
    r->reason = "too far apart for the containment";
  } else {
    r->is_duplicate = true;
    r->reason = "shingles contained";
  }
}

// The paragraph rule (a side without a sketch), after the same checks.
void DecideByParagraphs(size_t smaller, const VerifyOptions& options, VerifyResult* r) {
  const bool paragraph_evidence = smaller >= 2;
  const size_t need_shared =
      std::min(smaller, static_cast<size_t>(std::max(0, options.min_shared_paragraphs)));
  const size_t need_edited = std::min(
      smaller, static_cast<size_t>(std::max(0, options.edited_min_shared_paragraphs)));
  const size_t shared = r->shared_paragraphs;
  r->is_duplicate = true;
  if (r->distance <= options.max_distance && !paragraph_evidence) {
    r->reason = "simhash within distance (single paragraph)";
  } else if (r->distance <= options.max_distance && r->containment >= options.min_containment &&
             shared >= need_shared) {
    r->reason = "simhash within distance and shared paragraphs";
  } else if (paragraph_evidence && r->distance <= options.containment_max_distance &&
             r->containment >= options.strong_containment && shared >= need_shared) {
    r->reason = "paragraphs contained";
  } else if (paragraph_evidence && r->distance <= options.edited_max_distance &&
             r->containment >= options.min_containment && shared >= need_edited &&
             shared >= need_shared) {
    r->reason = "edited copy";
  } else {
    r->is_duplicate = false;
    r->reason = r->distance <= options.max_distance ? "too few shared paragraphs" : "too far apart";
  }
}

template <typename T>
VerifyResult Verify(uint64_t simhash_a, uint64_t simhash_b, bool exact_equal, uint64_t tokens_a,
                    uint64_t tokens_b, uint64_t shingles_a, uint64_t shingles_b,
                    std::span<const uint32_t> sketch_a, std::span<const uint32_t> sketch_b,
                    std::span<const T> pa, std::span<const T> pb, const VerifyOptions& options) {
  VerifyResult r;
  r.distance = std::popcount(simhash_a ^ simhash_b);
  r.exact = exact_equal;
  const bool sketches = !sketch_a.empty() && !sketch_b.empty();
  SketchEvidence e;
  const size_t smaller = std::min(pa.size(), pb.size());
  if (sketches) {
    e = CompareSketches(sketch_a, shingles_a, sketch_b, shingles_b, options);
    r.containment = e.containment;
    r.similarity = e.jaccard;
    r.sketch_samples = e.samples;
    r.sketch_shared = e.shared;
    if (exact_equal) {
      r.similarity = 1.0;
      r.containment = 1.0;
    } else {
      // The estimate moves in steps of 1/24: a copy that differs in a few
      // shingles can sample as 1. Texts that differ are reported below 1, at
      // most the Jaccard of sets that differ in one shingle.
      const double total = static_cast<double>(shingles_a + shingles_b);
      r.similarity = std::min(r.similarity, total > 0 ? 1.0 - 1.0 / total : 0.0);
    }
  } else {
    r.shared_paragraphs = CountShared(pa, pb);
    const size_t uni = pa.size() + pb.size() - r.shared_paragraphs;
    r.containment = smaller == 0 ? 0.0
                                 : static_cast<double>(r.shared_paragraphs) /
                                       static_cast<double>(smaller);
    r.similarity = uni == 0 ? SimHashSimilarity(r.distance)
                            : static_cast<double>(r.shared_paragraphs) / static_cast<double>(uni);
    if (exact_equal) {
      r.similarity = 1.0;
      r.containment = smaller == 0 ? 0.0 : 1.0;
    }
  }
  if (std::min(tokens_a, tokens_b) < options.min_tokens ||
      std::min(shingles_a, shingles_b) < options.min_shingles) {
    r.reason = "too short";
  } else if (exact_equal) {
    r.is_duplicate = true;
    r.reason = "identical text";
  } else if (sketches) {
    DecideBySketches(e, options, &r);
  } else {
    DecideByParagraphs(smaller, options, &r);
  }
  return r;
}

std::vector<uint64_t> SortedUnique(const std::vector<uint64_t>& v) {
  std::vector<uint64_t> s = v;
  std::sort(s.begin(), s.end());
  s.erase(std::unique(s.begin(), s.end()), s.end());
  return s;
}

}  // namespace

VerifyResult VerifyNearDuplicate(const Fingerprint& a, const Fingerprint& b,
                                 const VerifyOptions& options) {
  const std::vector<uint64_t> pa = SortedUnique(a.paragraph_hashes);
  const std::vector<uint64_t> pb = SortedUnique(b.paragraph_hashes);
  // An all-zero exact hash is "not computed", never evidence of equality.
  const bool exact = a.exact == b.exact && !(a.exact == Hash128{});
  return Verify<uint64_t>(a.simhash, b.simhash, exact, a.token_count, b.token_count,
                          a.shingle_count, b.shingle_count, a.sketch, b.sketch, pa, pb, options);
}

VerifyResult VerifyNearDuplicateSorted(uint64_t simhash_a, uint64_t simhash_b, bool exact_equal,
                                       uint64_t tokens_a, uint64_t tokens_b, uint64_t shingles_a,
                                       uint64_t shingles_b, std::span<const uint32_t> sketch_a,
                                       std::span<const uint32_t> sketch_b,
                                       std::span<const uint32_t> paragraphs_a,
                                       std::span<const uint32_t> paragraphs_b,
                                       const VerifyOptions& options) {
  return Verify<uint32_t>(simhash_a, simhash_b, exact_equal, tokens_a, tokens_b, shingles_a,
                          shingles_b, sketch_a, sketch_b, paragraphs_a, paragraphs_b, options);
}

}  // namespace libdiff::internal

namespace libdiff {

NearDuplicateMatch MatchNearDuplicate(const Fingerprint& a, const Fingerprint& b) {
  const internal::VerifyResult r = internal::VerifyNearDuplicate(a, b);
  NearDuplicateMatch m;
  m.is_duplicate = r.is_duplicate;
  m.distance = r.distance;
  m.containment = r.containment;
  m.similarity = r.similarity;
  m.exact = r.exact;
  m.reason = r.reason;
  return m;
}

}  // namespace libdiff
