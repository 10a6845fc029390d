// Copyright 2026 The libdiff Authors.
//
// libdiff_dedupe_verify_batch: the dedupe verification rule over many pairs of
// records held as columns (experimental; used by
// bindings/python/libdiff/dask_dedupe.py, which verifies a whole candidate
// group or shuffle bucket in one call instead of one call per pair).
#include "capi/boundary.h"

#include <cstdint>
#include <span>
#include <string>

#include "libdiff/fingerprint.h"
#include "index/near_duplicate_index.h"

using namespace libdiff::capi;  // NOLINT: the boundary helpers

extern "C" {

int libdiff_dedupe_verify_batch(uint8_t* out_duplicate, int* out_distance,
                                double* out_similarity, uint8_t* out_exact,
                                const uint32_t* pair_a, const uint32_t* pair_b, size_t n_pairs,
                                const uint64_t* simhash, const uint64_t* exact_high,
                                const uint64_t* exact_low, const uint32_t* tokens,
                                const uint32_t* shingles, const uint32_t* sketches,
                                size_t sketch_stride, const uint8_t* sketch_counts,
                                size_t n_docs, int max_distance) {
  return Guard(__func__, [&]() -> Status {
    if (n_pairs == 0) return Status::OK();
    if (pair_a == nullptr || pair_b == nullptr) InvalidArgument("pair_a or pair_b is NULL");
    if (n_docs == 0) InvalidArgument("pairs given but no documents");
    if (simhash == nullptr || exact_high == nullptr || exact_low == nullptr ||
        tokens == nullptr || shingles == nullptr || sketch_counts == nullptr) {
      InvalidArgument("a document column is NULL");
    }
    if (sketch_stride > 0 && sketches == nullptr) InvalidArgument("sketches is NULL");
    if (max_distance < 0 || max_distance > libdiff::internal::kMaxSupportedK) {
      InvalidArgument("max_distance outside 0..7");
    }
    // Check every input before writing any output: a bad call leaves the
    // outputs as they were.
    for (size_t d = 0; d < n_docs; ++d) {
      if (sketch_counts[d] > sketch_stride || sketch_counts[d] > libdiff::kSketchSize) {
        InvalidArgument("document " + std::to_string(d) + ": sketch count " +
                        std::to_string(sketch_counts[d]) + " above the stride " +
                        std::to_string(sketch_stride) + " or " +
                        std::to_string(libdiff::kSketchSize));
      }
    }
    for (size_t i = 0; i < n_pairs; ++i) {
      if (pair_a[i] >= n_docs || pair_b[i] >= n_docs) {
        InvalidArgument("pair " + std::to_string(i) + ": document index outside 0.." +
                        std::to_string(n_docs - 1));
      }
    }
    libdiff::internal::VerifyOptions vo;
    vo.max_distance = max_distance;
    auto sketch = [&](uint32_t d) {
      return std::span<const uint32_t>(sketches + static_cast<size_t>(d) * sketch_stride,
                                       sketch_counts[d]);
    };
    for (size_t i = 0; i < n_pairs; ++i) {
      const uint32_t a = pair_a[i];
      const uint32_t b = pair_b[i];
      const bool exact_equal = exact_high[a] == exact_high[b] && exact_low[a] == exact_low[b];
      const libdiff::internal::VerifyResult v = libdiff::internal::VerifyNearDuplicateSorted(
          simhash[a], simhash[b], exact_equal, tokens[a], tokens[b], shingles[a], shingles[b],
          sketch(a), sketch(b), {}, {}, vo);
      if (out_duplicate != nullptr) out_duplicate[i] = v.is_duplicate ? 1 : 0;
      if (out_distance != nullptr) out_distance[i] = v.distance;
      if (out_similarity != nullptr) out_similarity[i] = v.similarity;
      if (out_exact != nullptr) out_exact[i] = v.exact ? 1 : 0;
    }
    return Status::OK();
  });
}

}  // extern "C"
