/* Copyright 2026 The libdiff Authors.
 *
 * libdiff_dedupe_verify_batch from C: every pair's answer equals
 * libdiff_dedupe_verify on the same two records, and bad indices or sketch
 * counts are invalid arguments that leave the outputs untouched. Exits
 * non-zero on failure. */
#include "c_api_check.h"

enum { kDocs = 4, kStride = 24 };

int main(void) {
  /* Doc 0 and 1: the same text. Doc 2: one bit away with most of the sketch
   * shared. Doc 3: far from all. */
  uint64_t simhash[kDocs] = {0x0123456789abcdefULL, 0x0123456789abcdefULL,
                             0x0123456789abcdeeULL, 0xfedcba9876543210ULL};
  uint64_t high[kDocs] = {7, 7, 8, 9};
  uint64_t low[kDocs] = {1, 1, 2, 3};
  uint32_t tokens[kDocs] = {300, 300, 310, 280};
  uint32_t shingles[kDocs] = {296, 296, 306, 276};
  uint32_t sketches[kDocs * kStride];
  uint8_t counts[kDocs] = {24, 24, 24, 24};
  for (uint32_t i = 0; i < kStride; ++i) {
    sketches[0 * kStride + i] = 100 + 10 * i;
    sketches[1 * kStride + i] = 100 + 10 * i;
    sketches[2 * kStride + i] = i < 20 ? 100 + 10 * i : 1000 + i; /* 20 of 24 shared */
    sketches[3 * kStride + i] = 5000 + 7 * i;
  }
  uint32_t pair_a[] = {0, 0, 0, 2, 3};
  uint32_t pair_b[] = {1, 2, 3, 1, 3};
  enum { kPairs = sizeof(pair_a) / sizeof(pair_a[0]) };
  uint8_t dup[kPairs], exact[kPairs];
  int distance[kPairs];
  double similarity[kPairs];
  CHECK(libdiff_dedupe_verify_batch(dup, distance, similarity, exact, pair_a, pair_b, kPairs,
                                    simhash, high, low, tokens, shingles, sketches, kStride,
                                    counts, kDocs, 3) == LIBDIFF_OK);
  int duplicates = 0;
  for (int i = 0; i < kPairs; ++i) {
    uint32_t a = pair_a[i], b = pair_b[i];
    int one_dup = -1, one_distance = -1, one_exact = -1;
    double one_similarity = -1;
    CHECK(libdiff_dedupe_verify(&one_dup, &one_distance, &one_similarity, &one_exact,
                                simhash[a], simhash[b], high[a] == high[b] && low[a] == low[b],
                                tokens[a], tokens[b], shingles[a], shingles[b],
                                sketches + a * kStride, counts[a], sketches + b * kStride,
                                counts[b], 3) == LIBDIFF_OK);
    CHECK(dup[i] == one_dup);
    CHECK(distance[i] == one_distance);
    CHECK(similarity[i] == one_similarity);
    CHECK(exact[i] == one_exact);
    duplicates += dup[i];
  }
  CHECK(dup[0] == 1 && exact[0] == 1 && distance[0] == 0); /* the same text */
  CHECK(dup[2] == 0 && distance[2] > 3);                     /* far apart */
  CHECK(duplicates >= 2 && duplicates < kPairs);

  /* Only the duplicate flags asked for. */
  uint8_t only[kPairs];
  memset(only, 9, sizeof(only));
  CHECK(libdiff_dedupe_verify_batch(only, NULL, NULL, NULL, pair_a, pair_b, kPairs, simhash,
                                    high, low, tokens, shingles, sketches, kStride, counts,
                                    kDocs, 3) == LIBDIFF_OK);
  CHECK(memcmp(only, dup, sizeof(dup)) == 0);

  /* Bad input: an index past the documents, a sketch count above the stride,
   * a NULL column, a distance out of range. The outputs stay untouched. */
  uint32_t bad_b[] = {1, 2, 3, 1, kDocs};
  memset(only, 9, sizeof(only));
  CHECK(libdiff_dedupe_verify_batch(only, NULL, NULL, NULL, pair_a, bad_b, kPairs, simhash,
                                    high, low, tokens, shingles, sketches, kStride, counts,
                                    kDocs, 3) == LIBDIFF_ERROR_INVALID_ARGUMENT);
  CHECK(strstr(libdiff_last_error(), "pair 4") != NULL);
  CHECK(only[0] == 9);
  uint8_t bad_counts[kDocs] = {24, 25, 24, 24};
  CHECK(libdiff_dedupe_verify_batch(only, NULL, NULL, NULL, pair_a, pair_b, kPairs, simhash,
                                    high, low, tokens, shingles, sketches, kStride, bad_counts,
                                    kDocs, 3) == LIBDIFF_ERROR_INVALID_ARGUMENT);
  CHECK(only[0] == 9);
  CHECK(libdiff_dedupe_verify_batch(only, NULL, NULL, NULL, pair_a, pair_b, kPairs, NULL, high,
                                    low, tokens, shingles, sketches, kStride, counts, kDocs,
                                    3) == LIBDIFF_ERROR_INVALID_ARGUMENT);
  CHECK(libdiff_dedupe_verify_batch(only, NULL, NULL, NULL, pair_a, pair_b, kPairs, simhash,
                                    high, low, tokens, shingles, sketches, kStride, counts,
                                    kDocs, 8) == LIBDIFF_ERROR_INVALID_ARGUMENT);
  CHECK(only[0] == 9);
  /* No pairs: nothing to check or write. */
  CHECK(libdiff_dedupe_verify_batch(NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL, NULL, NULL,
                                    NULL, NULL, NULL, 0, NULL, 0, 3) == LIBDIFF_OK);

  return Finish();
}
