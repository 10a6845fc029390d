/* Copyright 2026 The libdiff Authors.
 *
 * Tests of the version and error surface of libdiff.h: codes, messages, the
 * last error and its cap (capi/errors.cc). */
#include "c_api_check.h"

static void TestVersionAndErrors(void) {
  CHECK(libdiff_version_number() == LIBDIFF_VERSION_NUMBER);
  CHECK(strcmp(libdiff_version_string(), LIBDIFF_VERSION_STRING) == 0);
  CHECK(libdiff_version_number() / 10000 == LIBDIFF_VERSION_MAJOR);
  CHECK(strcmp(libdiff_strerror(LIBDIFF_OK), "OK") == 0);
  CHECK(strcmp(libdiff_strerror(LIBDIFF_ERROR_INVALID_ARGUMENT), "invalid argument") == 0);
  CHECK(strcmp(libdiff_strerror(LIBDIFF_ERROR_NOT_FOUND), "not found") == 0);
  CHECK(strcmp(libdiff_strerror(LIBDIFF_ERROR_CORRUPTION), "corruption") == 0);
  CHECK(strcmp(libdiff_strerror(LIBDIFF_ERROR_IO), "I/O error") == 0);
  CHECK(strcmp(libdiff_strerror(LIBDIFF_ERROR_RESOURCE_EXHAUSTED), "resource exhausted") == 0);
  CHECK(strcmp(libdiff_strerror(LIBDIFF_ERROR_INTERNAL), "internal error") == 0);
  CHECK(strcmp(libdiff_strerror(-7), "unknown error") == 0);
  CHECK(strcmp(libdiff_strerror(3), "unknown error") == 0);
  /* The pinned values themselves. */
  CHECK(LIBDIFF_ERROR_INVALID_ARGUMENT == -1 && LIBDIFF_ERROR_INTERNAL == -6);
  /* Frees accept NULL. */
  libdiff_string_free(NULL);
  libdiff_article_free(NULL);
  libdiff_extract_options_free(NULL);
  libdiff_fingerprint_free(NULL);
  libdiff_store_options_free(NULL);
  libdiff_store_free(NULL);
  libdiff_batch_free(NULL);
  libdiff_verdict_free(NULL);
  libdiff_verdict_list_free(NULL);
  libdiff_history_free(NULL);
  libdiff_stats_free(NULL);
  libdiff_diff_options_free(NULL);
  CHECK(libdiff_store_close(NULL) == LIBDIFF_OK);
  /* A success clears the thread's last error. */
  CHECK_RC(libdiff_extract(NULL, NULL, "<p>x</p>", 8), LIBDIFF_ERROR_INVALID_ARGUMENT,
           "libdiff_extract: out is NULL");
  {
    libdiff_fingerprint *f = NULL;
    OK(libdiff_fingerprint_text(&f, "a b c", 5));
    CHECK(strcmp(libdiff_last_error(), "") == 0);
    libdiff_fingerprint_free(f);
  }
  /* A long message is cut at a character boundary and ends in "...". */
  {
    static char path[6016];
    size_t n = (size_t)snprintf(path, sizeof path, "/nonexistent/");
    while (n + 2 < sizeof path) {
      path[n++] = '\xc3'; /* U+00E9 */
      path[n++] = '\xa9';
    }
    libdiff_store_options *options = NULL;
    libdiff_store *store = NULL;
    OK(libdiff_store_options_create(&options));
    OK(libdiff_store_options_set_read_only(options, 1));
    CHECK(libdiff_store_open(&store, options, path, n) != LIBDIFF_OK);
    const char *error = libdiff_last_error();
    const size_t len = strlen(error);
    CHECK(len > LIBDIFF_LAST_ERROR_MAX - 4 && len <= LIBDIFF_LAST_ERROR_MAX);
    CHECK(len >= 4 && strcmp(error + len - 3, "...") == 0 && (unsigned char)error[len - 4] == 0xa9);
    libdiff_store_options_free(options);
  }
}

int main(void) {
  TestVersionAndErrors();
  return Finish();
}
