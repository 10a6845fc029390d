// Copyright 2026 The libdiff Authors.
//
// VerifyNearDuplicate: the rule documented in near_duplicate_index.h.
#include <algorithm>
#include <bit>

#include "index/near_duplicate_index.h"

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

template <typename T>
VerifyResult Verify(uint64_t simhash_a, uint64_t simhash_b, bool exact_equal, uint64_t tokens_a,
                    uint64_t tokens_b, uint64_t shingles_a, uint64_t shingles_b,
                    std::span<const T> pa, std::span<const T> pb, const VerifyOptions& options) {
  VerifyResult r;
  r.distance = std::popcount(simhash_a ^ simhash_b);
  r.exact = exact_equal;
  const size_t na = pa.size();
  const size_t nb = pb.size();
  const size_t smaller = std::min(na, nb);
  r.shared_paragraphs = CountShared(pa, pb);
  const size_t uni = na + nb - r.shared_paragraphs;
  r.containment = smaller == 0 ? 0.0
                               : static_cast<double>(r.shared_paragraphs) /
                                     static_cast<double>(smaller);
  r.similarity = uni == 0 ? SimHashSimilarity(r.distance)
                          : static_cast<double>(r.shared_paragraphs) / static_cast<double>(uni);
  if (exact_equal) {
    r.similarity = 1.0;
    r.containment = smaller == 0 ? 0.0 : 1.0;
  }

  if (std::min(tokens_a, tokens_b) < options.min_tokens ||
      std::min(shingles_a, shingles_b) < options.min_shingles) {
    r.reason = "too short";
    return r;
  }
  if (exact_equal) {
    r.is_duplicate = true;
    r.reason = "identical text";
    return r;
  }
  const bool paragraph_evidence = smaller >= 2;
  const size_t need_shared =
      std::min(smaller, static_cast<size_t>(std::max(0, options.min_shared_paragraphs)));
  if (r.distance <= options.max_distance) {
    if (!paragraph_evidence) {
      r.is_duplicate = true;
      r.reason = "simhash within distance (single paragraph)";
      return r;
    }
    if (r.containment >= options.min_containment && r.shared_paragraphs >= need_shared) {
      r.is_duplicate = true;
      r.reason = "simhash within distance and shared paragraphs";
      return r;
    }
  }
  if (paragraph_evidence && r.distance <= options.containment_max_distance &&
      r.containment >= options.strong_containment && r.shared_paragraphs >= need_shared) {
    r.is_duplicate = true;
    r.reason = "paragraphs contained";
    return r;
  }
  const size_t need_edited = std::min(
      smaller, static_cast<size_t>(std::max(0, options.edited_min_shared_paragraphs)));
  if (paragraph_evidence && r.distance <= options.edited_max_distance &&
      r.containment >= options.min_containment && r.shared_paragraphs >= need_edited &&
      r.shared_paragraphs >= need_shared) {
    r.is_duplicate = true;
    r.reason = "edited copy";
    return r;
  }
  r.reason = r.distance <= options.max_distance ? "too few shared paragraphs" : "too far apart";
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
                          a.shingle_count, b.shingle_count, pa, pb, options);
}

VerifyResult VerifyNearDuplicateSorted(uint64_t simhash_a, uint64_t simhash_b, bool exact_equal,
                                       uint64_t tokens_a, uint64_t tokens_b, uint64_t shingles_a,
                                       uint64_t shingles_b, std::span<const uint32_t> paragraphs_a,
                                       std::span<const uint32_t> paragraphs_b,
                                       const VerifyOptions& options) {
  return Verify<uint32_t>(simhash_a, simhash_b, exact_equal, tokens_a, tokens_b, shingles_a,
                          shingles_b, paragraphs_a, paragraphs_b, options);
}

}  // namespace libdiff::internal
