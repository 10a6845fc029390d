// Copyright 2026 The libdiff Authors.
//
// The C API's fingerprint surface: fingerprints of texts and articles, their
// fields, and comparisons (libdiff.h, "Fingerprints").
#include "capi/boundary.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "libdiff/fingerprint.h"

using namespace libdiff::capi;  // NOLINT: the boundary helpers

namespace {

// The index-th element of a fingerprint's `field` (paragraph hashes, sketch).
template <typename T>
int FingerprintElement(const char* function, T* out, const libdiff_fingerprint* fingerprint,
                       size_t index, std::vector<T> libdiff::Fingerprint::*field,
                       const char* what) {
  if (out != nullptr) *out = 0;
  return Guard(function, [&] {
    RequireOut(out);
    const std::vector<T>& values = Check(fingerprint, "fingerprint")->fingerprint.*field;
    if (index >= values.size()) {
      Fail(StatusCode::kNotFound, std::string(what) + " " + std::to_string(index) + " of " +
                                      std::to_string(values.size()));
    }
    *out = values[index];
    return Status::OK();
  });
}

}  // namespace

extern "C" {

int libdiff_fingerprint_text(libdiff_fingerprint** out, const char* text, size_t len) {
  ResetOut(out);
  return Guard(__func__, [&] {
    RequireOut(out);
    std::string_view s = Utf8(text, len, "text");
    auto f = std::make_unique<libdiff_fingerprint>();
    f->fingerprint = libdiff::FingerprintText(s);
    *out = f.release();
    return Status::OK();
  });
}

int libdiff_fingerprint_article(libdiff_fingerprint** out, const libdiff_article* article) {
  ResetOut(out);
  return Guard(__func__, [&] {
    RequireOut(out);
    const libdiff::Article& a = Check(article, "article")->article;
    std::vector<std::string> paragraphs;
    paragraphs.reserve(a.blocks.size());
    for (const libdiff::Block& b : a.blocks) paragraphs.push_back(b.text);
    auto f = std::make_unique<libdiff_fingerprint>();
    f->fingerprint = libdiff::FingerprintParagraphs(paragraphs);
    *out = f.release();
    return Status::OK();
  });
}

void libdiff_fingerprint_free(libdiff_fingerprint* fingerprint) { FreeHandle(fingerprint); }

uint64_t libdiff_fingerprint_simhash(const libdiff_fingerprint* fingerprint) {
  return IsLive(fingerprint) ? fingerprint->fingerprint.simhash : 0;
}

int libdiff_fingerprint_get(uint64_t* out, const libdiff_fingerprint* fingerprint, int field) {
  if (out != nullptr) *out = 0;
  return Guard(__func__, [&] {
    RequireOut(out);
    const libdiff::Fingerprint& f = Check(fingerprint, "fingerprint")->fingerprint;
    switch (field) {
      case LIBDIFF_FINGERPRINT_TOKEN_COUNT: *out = f.token_count; break;
      case LIBDIFF_FINGERPRINT_SHINGLE_COUNT: *out = f.shingle_count; break;
      case LIBDIFF_FINGERPRINT_PARAGRAPH_COUNT: *out = f.paragraph_hashes.size(); break;
      case LIBDIFF_FINGERPRINT_ALGORITHM_VERSION: *out = f.params.algorithm_version; break;
      case LIBDIFF_FINGERPRINT_SHINGLE_SIZE: *out = f.params.shingle_size; break;
      case LIBDIFF_FINGERPRINT_EXACT_HIGH: *out = f.exact.high; break;
      case LIBDIFF_FINGERPRINT_EXACT_LOW: *out = f.exact.low; break;
      case LIBDIFF_FINGERPRINT_SKETCH_COUNT: *out = f.sketch.size(); break;
      default: InvalidArgument("unknown fingerprint field " + std::to_string(field));
    }
    return Status::OK();
  });
}

int libdiff_fingerprint_paragraph_hash(uint64_t* out, const libdiff_fingerprint* fingerprint,
                                       size_t index) {
  return FingerprintElement(__func__, out, fingerprint, index,
                            &libdiff::Fingerprint::paragraph_hashes, "paragraph");
}

int libdiff_fingerprint_sketch_value(uint32_t* out, const libdiff_fingerprint* fingerprint,
                                     size_t index) {
  return FingerprintElement(__func__, out, fingerprint, index, &libdiff::Fingerprint::sketch,
                            "sketch value");
}

int libdiff_fingerprint_compare(int* out_distance, double* out_similarity, int* out_identical,
                                const libdiff_fingerprint* a, const libdiff_fingerprint* b) {
  if (out_distance != nullptr) *out_distance = 0;
  if (out_similarity != nullptr) *out_similarity = 0.0;
  if (out_identical != nullptr) *out_identical = 0;
  return Guard(__func__, [&] {
    RequireOut(out_distance, "out_distance");
    const libdiff::Fingerprint& fa = Check(a, "a")->fingerprint;
    const libdiff::Fingerprint& fb = Check(b, "b")->fingerprint;
    if (!(fa.params == fb.params)) {
      InvalidArgument("fingerprints were made with different parameters (algorithm " +
                      std::to_string(fa.params.algorithm_version) + "/shingle " +
                      std::to_string(fa.params.shingle_size) + " vs algorithm " +
                      std::to_string(fb.params.algorithm_version) + "/shingle " +
                      std::to_string(fb.params.shingle_size) + ")");
    }
    const int d = libdiff::HammingDistance(fa.simhash, fb.simhash);
    *out_distance = d;
    if (out_similarity != nullptr) *out_similarity = libdiff::EstimatedSimilarity(d);
    if (out_identical != nullptr) *out_identical = fa.exact == fb.exact ? 1 : 0;
    return Status::OK();
  });
}

int libdiff_simhash_distance(uint64_t a, uint64_t b) { return libdiff::HammingDistance(a, b); }

}  // extern "C"
