/* Copyright 2026 The libdiff Authors.
 * A tiny program using an installed libdiff: fingerprints two texts and
 * prints their distance. Built by find_package(libdiff) and by pkg-config. */
#include <libdiff/libdiff.h>
#include <stdio.h>
#include <string.h>

int main(void) {
  const char *a = "The harbour bridge closes to heavy traffic on Monday.";
  const char *b = "The harbour bridge closes to heavy traffic on Tuesday.";
  libdiff_fingerprint *fa = NULL, *fb = NULL;
  int distance = -1;
  if (libdiff_version_number() / 10000 != LIBDIFF_VERSION_MAJOR) {
    fprintf(stderr, "header %s, library %s\n", LIBDIFF_VERSION_STRING, libdiff_version_string());
    return 1;
  }
  if (libdiff_fingerprint_text(&fa, a, strlen(a)) != LIBDIFF_OK ||
      libdiff_fingerprint_text(&fb, b, strlen(b)) != LIBDIFF_OK ||
      libdiff_fingerprint_compare(&distance, NULL, NULL, fa, fb) != LIBDIFF_OK) {
    fprintf(stderr, "error: %s\n", libdiff_last_error());
    return 1;
  }
  printf("libdiff %s distance %d\n", libdiff_version_string(), distance);
  libdiff_fingerprint_free(fa);
  libdiff_fingerprint_free(fb);
  return distance >= 0 && distance <= 64 ? 0 : 1;
}
