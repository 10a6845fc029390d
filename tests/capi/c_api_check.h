/* Copyright 2026 The libdiff Authors.
 *
 * What the C API tests share: CHECK/CHECK_RC/OK (each failed check prints
 * where it failed and the thread's last error), a news page to feed the
 * library, and Finish() for main. Each c_api_<surface>_test.c tests one
 * surface of libdiff.h (the files under libdiff/src/capi/ of the same name),
 * compiled as C99 and linked against the shared library like any C consumer. */
#ifndef LIBDIFF_TESTS_CAPI_C_API_CHECK_H_
#define LIBDIFF_TESTS_CAPI_C_API_CHECK_H_

#define _POSIX_C_SOURCE 200809L
#define LIBDIFF_EXPERIMENTAL 1
#include "libdiff/libdiff.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int g_failures = 0;
static int g_checks = 0;

#define CHECK(cond)                                                                \
  do {                                                                             \
    ++g_checks;                                                                    \
    if (!(cond)) {                                                                 \
      ++g_failures;                                                                \
      fprintf(stderr, "%s:%d: CHECK(%s) failed (last error: \"%s\")\n", __FILE__, \
              __LINE__, #cond, libdiff_last_error());                              \
    }                                                                              \
  } while (0)

static inline int Contains(const char *haystack, const char *needle) {
  return needle == NULL || strstr(haystack, needle) != NULL;
}

static inline const char *OrEmpty(const char *s) { return s != NULL ? s : ""; }

/* Checks that `expr` returns `code` and, for failures, that the thread's last
 * error contains `needle`. */
#define CHECK_RC(expr, code, needle)                                                  \
  do {                                                                                \
    int rc_ = (expr);                                                                 \
    ++g_checks;                                                                       \
    if (rc_ != (code)) {                                                              \
      ++g_failures;                                                                   \
      fprintf(stderr, "%s:%d: %s returned %d (%s), expected %d; last error \"%s\"\n", \
              __FILE__, __LINE__, #expr, rc_, libdiff_strerror(rc_), (code),          \
              libdiff_last_error());                                                  \
    } else if (!Contains(libdiff_last_error(), (needle))) {                            \
      ++g_failures;                                                                   \
      fprintf(stderr, "%s:%d: %s: last error \"%s\" lacks \"%s\"\n", __FILE__,        \
              __LINE__, #expr, libdiff_last_error(), OrEmpty(needle));                \
    }                                                                                 \
  } while (0)

#define OK(expr) CHECK_RC(expr, LIBDIFF_OK, NULL)

static const char *const kParagraphs[] = {
    "The city council voted on Tuesday to close the old harbour bridge to heavy traffic "
    "after engineers found deep cracks in two of its supporting piers.",
    "Mayor Elena Ruiz said the decision was painful but unavoidable, adding that repairs "
    "would begin in the spring and last at least eighteen months.",
    "Local businesses on the north bank fear the closure will cut them off from customers, "
    "and a group of shop owners has asked for a temporary ferry service.",
    "The bridge, opened in 1932, carries about 40,000 vehicles a day and is the only direct "
    "link between the port district and the city centre.",
    "Engineers first raised concerns in a report last year, which warned that salt water "
    "had corroded the steel reinforcement faster than expected.",
    "Council members also approved an emergency budget of twelve million euros to pay for "
    "the inspection work and the first stage of the repairs.",
};
#define kParagraphCount (sizeof kParagraphs / sizeof kParagraphs[0])

/* Builds a news page: a site template around a title and paragraphs. When
 * `extra` is not NULL it is appended as one more paragraph. Caller frees. */
static inline char *MakePage(const char *site, const char *title, const char *extra,
                      const char *sidebar) {
  size_t cap = 16384;
  char *p = malloc(cap);
  size_t n = 0;
  if (p == NULL) abort();
  n += (size_t)snprintf(p + n, cap - n,
                        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                        "<title>%s | %s</title>"
                        "<meta property=\"og:title\" content=\"%s\">"
                        "<meta name=\"author\" content=\"Jane Doe\"></head><body>"
                        "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>"
                        "<article><h1>%s</h1>",
                        title, site, title, title);
  for (size_t i = 0; i < kParagraphCount; ++i) {
    n += (size_t)snprintf(p + n, cap - n, "<p>%s</p>", kParagraphs[i]);
  }
  if (extra != NULL) n += (size_t)snprintf(p + n, cap - n, "<p>%s</p>", extra);
  n += (size_t)snprintf(p + n, cap - n,
                        "</article><aside><h2>Most read</h2><ul><li>%s</li></ul></aside>"
                        "<footer>&copy; %s</footer></body></html>",
                        sidebar, site);
  return p;
}

/* Prints the tally; main's exit status. */
static inline int Finish(void) {
  printf("%d checks, %d failed\n", g_checks, g_failures);
  return g_failures == 0 ? 0 : 1;
}

#endif  /* LIBDIFF_TESTS_CAPI_C_API_CHECK_H_ */
