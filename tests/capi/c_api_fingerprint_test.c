/* Copyright 2026 The libdiff Authors.
 *
 * Tests of fingerprints from C (libdiff.h): texts, articles, comparisons
 * (capi/fingerprint.cc). */
#include "c_api_check.h"

static void TestFingerprint(void) {
  const char *t1 = "The quick brown fox jumps over the lazy dog near the river bank today.";
  const char *t2 = "The quick brown fox jumps over the lazy dog near the river bank today!";
  const char *t3 = "Completely different words about elections, budgets and parliament votes.";
  libdiff_fingerprint *a = NULL, *b = NULL, *c = NULL, *e = NULL;
  int d = -1, identical = -1;
  double sim = -1;
  uint64_t v = 0;

  OK(libdiff_fingerprint_text(&a, t1, strlen(t1)));
  OK(libdiff_fingerprint_text(&b, t2, strlen(t2)));
  OK(libdiff_fingerprint_text(&c, t3, strlen(t3)));
  OK(libdiff_fingerprint_compare(&d, &sim, &identical, a, a));
  CHECK(d == 0 && sim == 1.0 && identical == 1);
  OK(libdiff_fingerprint_compare(&d, &sim, &identical, a, c));
  CHECK(d > 3 && sim < 1.0 && identical == 0);
  CHECK(d == libdiff_simhash_distance(libdiff_fingerprint_simhash(a),
                                      libdiff_fingerprint_simhash(c)));
  OK(libdiff_fingerprint_compare(&d, NULL, NULL, a, b));
  CHECK(d <= 3);
  OK(libdiff_fingerprint_get(&v, a, LIBDIFF_FINGERPRINT_TOKEN_COUNT));
  CHECK(v == 14);
  OK(libdiff_fingerprint_get(&v, a, LIBDIFF_FINGERPRINT_PARAGRAPH_COUNT));
  CHECK(v == 1);
  OK(libdiff_fingerprint_get(&v, a, LIBDIFF_FINGERPRINT_SHINGLE_SIZE));
  CHECK(v == 3);
  OK(libdiff_fingerprint_paragraph_hash(&v, a, 0));
  CHECK_RC(libdiff_fingerprint_paragraph_hash(&v, a, 1), LIBDIFF_ERROR_NOT_FOUND,
           "paragraph 1 of 1");
  /* 14 tokens: 12 shingles, all in the sketch, ascending. */
  OK(libdiff_fingerprint_get(&v, a, LIBDIFF_FINGERPRINT_SKETCH_COUNT));
  CHECK(v == 12);
  {
    uint32_t prev = 0, value = 0;
    for (size_t i = 0; i < 12; ++i) {
      OK(libdiff_fingerprint_sketch_value(&value, a, i));
      CHECK(i == 0 || value > prev);
      prev = value;
    }
    CHECK_RC(libdiff_fingerprint_sketch_value(&value, a, 12), LIBDIFF_ERROR_NOT_FOUND,
             "sketch value 12 of 12");
  }
  CHECK_RC(libdiff_fingerprint_get(&v, a, 42), LIBDIFF_ERROR_INVALID_ARGUMENT,
           "unknown fingerprint field 42");
  CHECK(libdiff_simhash_distance(0, ~(uint64_t)0) == 64);

  /* Empty text is a valid fingerprint with no tokens. */
  OK(libdiff_fingerprint_text(&e, "", 0));
  OK(libdiff_fingerprint_get(&v, e, LIBDIFF_FINGERPRINT_TOKEN_COUNT));
  CHECK(v == 0);
  libdiff_fingerprint_free(e);
  e = (libdiff_fingerprint *)1;
  OK(libdiff_fingerprint_text(&e, NULL, 0));
  libdiff_fingerprint_free(e);
  e = (libdiff_fingerprint *)1;
  CHECK_RC(libdiff_fingerprint_text(&e, "ab\xc3", 3), LIBDIFF_ERROR_INVALID_ARGUMENT,
           "text is not valid UTF-8");
  CHECK(e == NULL);
  CHECK_RC(libdiff_fingerprint_text(&e, "\xed\xa0\x80", 3), LIBDIFF_ERROR_INVALID_ARGUMENT,
           "not valid UTF-8"); /* a UTF-16 surrogate */
  CHECK_RC(libdiff_fingerprint_text(&e, NULL, 3), LIBDIFF_ERROR_INVALID_ARGUMENT,
           "text is NULL with length 3");
  CHECK_RC(libdiff_fingerprint_compare(NULL, NULL, NULL, a, b), LIBDIFF_ERROR_INVALID_ARGUMENT,
           "out_distance is NULL");
  CHECK_RC(libdiff_fingerprint_compare(&d, NULL, NULL, a, NULL),
           LIBDIFF_ERROR_INVALID_ARGUMENT, "b is NULL");
  CHECK(libdiff_fingerprint_simhash(NULL) == 0);
  libdiff_fingerprint_free(a);
  libdiff_fingerprint_free(b);
  libdiff_fingerprint_free(c);
}

int main(void) {
  TestFingerprint();
  return Finish();
}
