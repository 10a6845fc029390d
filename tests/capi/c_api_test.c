/* Copyright 2026 The libdiff Authors.
 *
 * Tests of the C API (libdiff.h), compiled as C99 and linked against the
 * shared library, like any C consumer. Each check prints where it failed; the
 * program exits non-zero when any check failed. */
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

static int Contains(const char *haystack, const char *needle) {
  return needle == NULL || strstr(haystack, needle) != NULL;
}

static const char *OrEmpty(const char *s) { return s != NULL ? s : ""; }

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
static char *MakePage(const char *site, const char *title, const char *extra,
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

static void TestExtract(void) {
  char *html = MakePage("Harbour Times", "Council closes harbour bridge", NULL, "Other news");
  libdiff_extract_options *opts = NULL;
  libdiff_article *a = NULL;
  const char *s = NULL;
  size_t len = 0;
  int kind = -1;
  const char *url = "https://harbour.example/news/bridge-closure";

  OK(libdiff_extract_options_create(&opts));
  OK(libdiff_extract_options_set_url(opts, url, strlen(url)));
  OK(libdiff_extract(&a, opts, html, strlen(html)));
  CHECK(a != NULL);
  OK(libdiff_article_string(&s, &len, a, LIBDIFF_ARTICLE_URL));
  CHECK(s != NULL && strcmp(s, url) == 0 && len == strlen(url));
  OK(libdiff_article_string(&s, &len, a, LIBDIFF_ARTICLE_TITLE));
  CHECK(s != NULL && strstr(s, "Council closes harbour bridge") != NULL);
  OK(libdiff_article_string(&s, &len, a, LIBDIFF_ARTICLE_TEXT));
  CHECK(s != NULL && strstr(s, "deep cracks in two of its supporting piers") != NULL);
  CHECK(s != NULL && strstr(s, "Most read") == NULL);
  CHECK(s != NULL && strlen(s) == len);
  OK(libdiff_article_string(&s, &len, a, LIBDIFF_ARTICLE_BODY_SOURCE));
  CHECK(s != NULL && strcmp(s, "dom") == 0 && len == 3);
  CHECK(libdiff_article_block_count(a) >= kParagraphCount);
  {
    /* Every paragraph appears as a block, in order. */
    size_t found = 0;
    for (size_t i = 0; i < libdiff_article_block_count(a); ++i) {
      OK(libdiff_article_block(&s, &len, &kind, a, i));
      if (found < kParagraphCount && strcmp(s, kParagraphs[found]) == 0) {
        CHECK(kind == LIBDIFF_BLOCK_PARAGRAPH);
        ++found;
      }
    }
    CHECK(found == kParagraphCount);
  }
  CHECK_RC(libdiff_article_block(&s, &len, &kind, a, 100000), LIBDIFF_ERROR_NOT_FOUND,
           "block 100000 of");
  CHECK(s == NULL && len == 0);
  CHECK(libdiff_article_author_count(a) == 1);
  if (libdiff_article_author_count(a) == 1) {
    OK(libdiff_article_author(&s, NULL, a, 0));
    CHECK(strcmp(s, "Jane Doe") == 0);
  }
  CHECK_RC(libdiff_article_author(&s, NULL, a, 1), LIBDIFF_ERROR_NOT_FOUND, "author 1 of 1");
  CHECK_RC(libdiff_article_string(&s, &len, a, 99), LIBDIFF_ERROR_INVALID_ARGUMENT,
           "unknown article field 99");
  {
    char *json = NULL;
    size_t json_len = 0;
    OK(libdiff_article_to_json(&json, &json_len, a));
    CHECK(json != NULL && json[0] == '{' && json_len == strlen(json));
    CHECK(json != NULL && strstr(json, "\"title\":\"Council closes harbour bridge") != NULL);
    CHECK(json != NULL && strstr(json, "\"blocks\":[") != NULL);
    {
      /* Round trip: the article read back has the same fields. */
      libdiff_article *back = NULL;
      const char *t1 = NULL, *t2 = NULL;
      OK(libdiff_article_from_json(&back, json, json_len));
      OK(libdiff_article_string(&t1, NULL, a, LIBDIFF_ARTICLE_TEXT));
      OK(libdiff_article_string(&t2, NULL, back, LIBDIFF_ARTICLE_TEXT));
      CHECK(t1 != NULL && t2 != NULL && strcmp(t1, t2) == 0);
      CHECK(libdiff_article_block_count(back) == libdiff_article_block_count(a));
      libdiff_article_free(back);
      back = (libdiff_article *)1;
      CHECK_RC(libdiff_article_from_json(&back, "[1,2]", 5), LIBDIFF_ERROR_INVALID_ARGUMENT,
               NULL);
      CHECK(back == NULL);
      CHECK_RC(libdiff_article_from_json(&back, "{\"title\":", 9),
               LIBDIFF_ERROR_INVALID_ARGUMENT, NULL);
      CHECK_RC(libdiff_article_from_json(&back, "", 0), LIBDIFF_ERROR_INVALID_ARGUMENT,
               "json is empty");
    }
    libdiff_string_free(json);
  }

  /* Bad input at the boundary. */
  {
    libdiff_article *b = (libdiff_article *)1;
    CHECK_RC(libdiff_extract(&b, NULL, NULL, 10), LIBDIFF_ERROR_INVALID_ARGUMENT,
             "html is NULL with length 10");
    CHECK(b == NULL);
    CHECK_RC(libdiff_extract(&b, NULL, html, 0), LIBDIFF_ERROR_INVALID_ARGUMENT,
             "html is empty");
    CHECK_RC(libdiff_extract(&b, NULL, NULL, 0), LIBDIFF_ERROR_INVALID_ARGUMENT,
             "html is empty");
    /* A length past the hard limit is refused before the data is read. */
    CHECK_RC(libdiff_extract(&b, NULL, html, LIBDIFF_MAX_INPUT_BYTES + 1),
             LIBDIFF_ERROR_RESOURCE_EXHAUSTED, "over the limit");
    CHECK_RC(libdiff_extract(&b, NULL, html, (size_t)-1), LIBDIFF_ERROR_RESOURCE_EXHAUSTED,
             "over the limit");
    OK(libdiff_extract_options_set_max_input_bytes(opts, 100));
    CHECK_RC(libdiff_extract(&b, opts, html, strlen(html)), LIBDIFF_ERROR_RESOURCE_EXHAUSTED,
             "over max_input_bytes 100");
    CHECK(b == NULL);
    CHECK_RC(libdiff_extract_options_set_max_input_bytes(opts, 0),
             LIBDIFF_ERROR_INVALID_ARGUMENT, "max_input_bytes 0");
    CHECK_RC(libdiff_extract_options_set_max_depth(opts, 0), LIBDIFF_ERROR_INVALID_ARGUMENT,
             "max_depth 0");
    CHECK_RC(libdiff_extract_options_set_url(opts, "\xff\xfe", 2),
             LIBDIFF_ERROR_INVALID_ARGUMENT, "url is not valid UTF-8");
    CHECK_RC(libdiff_extract_options_set_url(NULL, "x", 1), LIBDIFF_ERROR_INVALID_ARGUMENT,
             "options is NULL");
    /* A handle of another type is refused by its magic number. */
    CHECK_RC(libdiff_extract(&b, (const libdiff_extract_options *)a, html, strlen(html)),
             LIBDIFF_ERROR_INVALID_ARGUMENT, "not a libdiff_extract_options handle");
    CHECK_RC(libdiff_article_string(&s, &len, (const libdiff_article *)opts,
                                    LIBDIFF_ARTICLE_TITLE),
             LIBDIFF_ERROR_INVALID_ARGUMENT, "not a libdiff_article handle");
    CHECK(libdiff_article_block_count((const libdiff_article *)opts) == 0);
    CHECK_RC(libdiff_article_string(&s, &len, NULL, LIBDIFF_ARTICLE_TITLE),
             LIBDIFF_ERROR_INVALID_ARGUMENT, "article is NULL");
    /* Binary garbage is recovered, not a crash: it extracts, maybe to nothing. */
    {
      char garbage[4096];
      unsigned x = 12345;
      for (size_t i = 0; i < sizeof garbage; ++i) {
        x = x * 1103515245u + 12345u;
        garbage[i] = (char)(x >> 16);
      }
      OK(libdiff_extract(&b, NULL, garbage, sizeof garbage));
      libdiff_article_free(b);
      b = NULL;
    }
  }
  libdiff_article_free(a);
  libdiff_extract_options_free(opts);
  free(html);
}

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

static char g_dir[256];

static void RemoveTree(const char *dir) {
  char cmd[512];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", dir);
}

static int VerdictKindOf(const libdiff_verdict *v) { return libdiff_verdict_kind(v); }

static void TestStore(void) {
  const char *url = "https://harbour.example/news/bridge-closure";
  const char *url_tracked = "https://harbour.example/news/bridge-closure?utm_source=rss#top";
  const char *copy_url = "https://other-paper.example/world/harbour-bridge";
  char *v1 = MakePage("Harbour Times", "Council closes harbour bridge", NULL, "Weather");
  char *v1_chrome = MakePage("Harbour Times", "Council closes harbour bridge", NULL,
                             "Football results");
  char *v2 = MakePage("Harbour Times", "Council closes harbour bridge",
                      "Update: the ferry service will start on Monday, officials confirmed.",
                      "Weather");
  /* A syndicated copy of the latest version, in another site's template. */
  char *copy = MakePage("Other Paper", "Council closes harbour bridge",
                        "Update: the ferry service will start on Monday, officials confirmed.",
                        "Markets");
  char path[300];
  libdiff_store_options *opts = NULL;
  libdiff_store *store = NULL;
  libdiff_verdict *v = NULL;
  int64_t n = 0;
  const char *s = NULL;
  size_t len = 0;

  snprintf(g_dir, sizeof g_dir, "/tmp/libdiff_c_api_test_XXXXXX");
  if (mkdtemp(g_dir) == NULL) {
    perror("mkdtemp");
    ++g_failures;
    return;
  }
  snprintf(path, sizeof path, "%s/store", g_dir);

  OK(libdiff_store_options_create(&opts));
  /* Missing store without create_if_missing: not found. */
  OK(libdiff_store_options_set_create_if_missing(opts, 0));
  store = (libdiff_store *)1;
  CHECK_RC(libdiff_store_open(&store, opts, path, strlen(path)), LIBDIFF_ERROR_NOT_FOUND, NULL);
  CHECK(store == NULL);
  CHECK_RC(libdiff_store_options_set_create_if_missing(opts, 2),
           LIBDIFF_ERROR_INVALID_ARGUMENT, "must be 0 or 1");
  OK(libdiff_store_options_set_create_if_missing(opts, 1));
  OK(libdiff_store_options_set_initial_map_size(opts, (size_t)4 << 20));
  CHECK_RC(libdiff_store_options_set_initial_map_size(opts, 1000),
           LIBDIFF_ERROR_INVALID_ARGUMENT, "below 1 MiB");
  CHECK_RC(libdiff_store_options_set_max_distance(opts, 65), LIBDIFF_ERROR_INVALID_ARGUMENT,
           "max_distance 65");
  CHECK_RC(libdiff_store_open(&store, opts, "", 0), LIBDIFF_ERROR_INVALID_ARGUMENT,
           "path is empty");
  CHECK_RC(libdiff_store_open(&store, opts, "/tmp/\xc0\xaf", 7), LIBDIFF_ERROR_INVALID_ARGUMENT,
           "path is not valid UTF-8");
  OK(libdiff_store_open(&store, opts, path, strlen(path)));
  CHECK(store != NULL);
  if (store == NULL) return;

  /* new, unchanged (boilerplate only), updated, duplicate. */
  OK(libdiff_store_ingest(&v, store, url, strlen(url), v1, strlen(v1), 1700000000));
  CHECK(VerdictKindOf(v) == LIBDIFF_VERDICT_NEW);
  OK(libdiff_verdict_int(&n, v, LIBDIFF_VERDICT_REVISION));
  CHECK(n == 1);
  OK(libdiff_verdict_string(&s, &len, v, LIBDIFF_VERDICT_URL));
  CHECK(strcmp(s, url) == 0);
  libdiff_verdict_free(v);

  OK(libdiff_store_ingest(&v, store, url_tracked, strlen(url_tracked), v1_chrome,
                          strlen(v1_chrome), 1700000100));
  CHECK(VerdictKindOf(v) == LIBDIFF_VERDICT_UNCHANGED);
  libdiff_verdict_free(v);

  /* check does not write: asking twice gives "updated" both times. */
  OK(libdiff_store_check(&v, store, url, strlen(url), v2, strlen(v2), 0));
  CHECK(VerdictKindOf(v) == LIBDIFF_VERDICT_UPDATED);
  libdiff_verdict_free(v);
  OK(libdiff_store_check(&v, store, url, strlen(url), v2, strlen(v2), 0));
  CHECK(VerdictKindOf(v) == LIBDIFF_VERDICT_UPDATED);
  libdiff_verdict_free(v);

  OK(libdiff_store_ingest(&v, store, url, strlen(url), v2, strlen(v2), 1700003600));
  CHECK(VerdictKindOf(v) == LIBDIFF_VERDICT_UPDATED);
  OK(libdiff_verdict_int(&n, v, LIBDIFF_VERDICT_REVISION));
  CHECK(n == 2);
  OK(libdiff_verdict_int(&n, v, LIBDIFF_VERDICT_PARAGRAPHS_ADDED));
  CHECK(n == 1);
  {
    char *json = NULL;
    OK(libdiff_verdict_to_json(&json, NULL, v));
    CHECK(json != NULL && strstr(json, "\"verdict\":\"updated\"") != NULL);
    CHECK(json != NULL && strstr(json, "\"changes\":{") != NULL);
    libdiff_string_free(json);
  }
  CHECK_RC(libdiff_verdict_int(&n, v, 77), LIBDIFF_ERROR_INVALID_ARGUMENT,
           "unknown verdict integer field 77");
  libdiff_verdict_free(v);

  OK(libdiff_store_ingest(&v, store, copy_url, strlen(copy_url), copy, strlen(copy), 0));
  CHECK(VerdictKindOf(v) == LIBDIFF_VERDICT_DUPLICATE);
  {
    double sim = 0;
    OK(libdiff_verdict_string(&s, &len, v, LIBDIFF_VERDICT_OF_URL));
    CHECK(strstr(s, "harbour.example/news/bridge-closure") != NULL);
    OK(libdiff_verdict_int(&n, v, LIBDIFF_VERDICT_CROSS_SITE));
    CHECK(n == 1);
    OK(libdiff_verdict_similarity(&sim, v));
    CHECK(sim > 0.8 && sim <= 1.0);
    OK(libdiff_verdict_containment(&sim, v));
    CHECK(sim > 0.8 && sim <= 1.0);
  }
  libdiff_verdict_free(v);

  /* History and revisions. */
  {
    libdiff_history *h = NULL;
    libdiff_article *a = NULL;
    int64_t rev = 0;
    OK(libdiff_store_history(&h, store, url_tracked, strlen(url_tracked)));
    OK(libdiff_history_int(&n, h, LIBDIFF_HISTORY_REVISION_COUNT));
    CHECK(n == 2);
    OK(libdiff_history_revision_int(&rev, h, 1, LIBDIFF_REVISION_NUMBER));
    CHECK(rev == 2);
    OK(libdiff_history_revision_int(&rev, h, 0, LIBDIFF_REVISION_FETCHED_AT));
    CHECK(rev == 1700000000);
    CHECK_RC(libdiff_history_revision_int(&rev, h, 2, LIBDIFF_REVISION_NUMBER),
             LIBDIFF_ERROR_NOT_FOUND, "revision index 2 of 2");
    OK(libdiff_history_first_url(&s, &len, h));
    CHECK(strcmp(s, url) == 0);
    {
      char *json = NULL;
      OK(libdiff_history_to_json(&json, NULL, h));
      CHECK(json != NULL && strstr(json, "\"revisions\":[") != NULL);
      CHECK(json != NULL && strstr(json, "\"url\":\"https://harbour.example/news/bridge-closure"
                                         "?utm_source=rss#top\"") != NULL);
      CHECK(json != NULL && strstr(json, "\"stored\":\"") != NULL);
      libdiff_string_free(json);
    }
    libdiff_history_free(h);

    OK(libdiff_store_read_revision(&a, store, url, strlen(url), 1));
    OK(libdiff_article_string(&s, &len, a, LIBDIFF_ARTICLE_TEXT));
    CHECK(strstr(s, "deep cracks") != NULL && strstr(s, "ferry service will start") == NULL);
    libdiff_article_free(a);
    OK(libdiff_store_read_revision(&a, store, url, strlen(url), 0));
    OK(libdiff_article_string(&s, &len, a, LIBDIFF_ARTICLE_TEXT));
    CHECK(strstr(s, "ferry service will start on Monday") != NULL);
    libdiff_article_free(a);
    a = (libdiff_article *)1;
    CHECK_RC(libdiff_store_read_revision(&a, store, url, strlen(url), 9),
             LIBDIFF_ERROR_NOT_FOUND, NULL);
    CHECK(a == NULL);
    CHECK_RC(libdiff_store_history(&h, store, "https://nowhere.example/x", 25),
             LIBDIFF_ERROR_NOT_FOUND, NULL);
  }

  /* Diffs of the two stored revisions, every format. */
  {
    libdiff_diff_options *d = NULL;
    char *out = NULL;
    size_t out_len = 0;
    int changed = -1;
    OK(libdiff_diff_options_create(&d));
    for (int format = LIBDIFF_FORMAT_WORD; format <= LIBDIFF_FORMAT_STAT; ++format) {
      OK(libdiff_diff_options_set_format(d, format));
      OK(libdiff_store_diff(&out, &out_len, &changed, store, d, url, strlen(url), 1, 2));
      CHECK(out != NULL && out_len > 0 && strlen(out) == out_len && changed == 1);
      if (format == LIBDIFF_FORMAT_JSON) CHECK(out != NULL && out[0] == '{');
      if (format == LIBDIFF_FORMAT_HTML) CHECK(out != NULL && strstr(out, "<html") != NULL);
      if (format == LIBDIFF_FORMAT_WORD)
        CHECK(out != NULL && strstr(out, "{+Update: the ferry service") != NULL);
      libdiff_string_free(out);
    }
    CHECK_RC(libdiff_diff_options_set_format(d, 5), LIBDIFF_ERROR_INVALID_ARGUMENT,
             "unknown diff format 5");
    OK(libdiff_diff_options_set_format(d, LIBDIFF_FORMAT_WORD));
    OK(libdiff_store_diff(&out, &out_len, &changed, store, d, url, strlen(url), 2, 2));
    CHECK(changed == 0);
    libdiff_string_free(out);
    OK(libdiff_diff_texts(&out, &out_len, &changed, d, "One two three.", 14,
                          "One two four.", 13));
    CHECK(changed == 1 && strstr(out, "[-three-]{+four+}") != NULL);
    libdiff_string_free(out);
    OK(libdiff_diff_texts(&out, &out_len, &changed, NULL, "", 0, "", 0));
    CHECK(changed == 0);
    libdiff_string_free(out);
    CHECK_RC(libdiff_diff_texts(&out, &out_len, &changed, d, "\xff", 1, "x", 1),
             LIBDIFF_ERROR_INVALID_ARGUMENT, "old_text is not valid UTF-8");
    CHECK(out == NULL);
    libdiff_diff_options_free(d);
  }

  /* Batches: one transaction, later pages see earlier ones. */
  {
    libdiff_batch *batch = NULL;
    libdiff_verdict_list *list = NULL;
    const libdiff_verdict *bv = NULL;
    const char *u3 = "https://harbour.example/news/new-stadium";
    OK(libdiff_batch_create(&batch));
    OK(libdiff_batch_add(batch, u3, strlen(u3), v2, strlen(v2), 0));
    OK(libdiff_batch_add(batch, url, strlen(url), v2, strlen(v2), 0));
    CHECK(libdiff_batch_count(batch) == 2);
    CHECK_RC(libdiff_batch_add(batch, "", 0, v2, strlen(v2), 0), LIBDIFF_ERROR_INVALID_ARGUMENT,
             "url is empty");
    CHECK_RC(libdiff_batch_add(batch, u3, strlen(u3), NULL, 0, 0),
             LIBDIFF_ERROR_INVALID_ARGUMENT, "html is empty");
    CHECK(libdiff_batch_count(batch) == 2);
    OK(libdiff_store_check_batch(&list, store, batch));
    CHECK(libdiff_verdict_list_count(list) == 2);
    libdiff_verdict_list_free(list);
    libdiff_batch_free(batch);

    OK(libdiff_batch_create(&batch));
    {
      const char *u4 = "https://river.example/a/1";
      const char *u5 = "https://river.example/a/1?utm_medium=social";
      char *p4 = malloc(8192);
      snprintf(p4, 8192,
               "<html><head><title>Floods in the valley</title></head><body><article>"
               "<h1>Floods in the valley</h1><p>Heavy rain overnight flooded dozens of homes "
               "in the lower valley, and rescue teams used boats to reach families stranded "
               "on upper floors.</p><p>Forecasters expect more rain on Thursday and have "
               "issued an amber warning for the whole region until the weekend.</p><p>The "
               "regional government opened three shelters in school gyms and asked "
               "volunteers to bring blankets and dry food.</p></article></body></html>");
      OK(libdiff_batch_add(batch, u4, strlen(u4), p4, strlen(p4), 0));
      OK(libdiff_batch_add(batch, u5, strlen(u5), p4, strlen(p4), 0));
      OK(libdiff_store_ingest_batch(&list, store, batch));
      CHECK(libdiff_verdict_list_count(list) == 2);
      OK(libdiff_verdict_list_get(&bv, list, 0));
      CHECK(libdiff_verdict_kind(bv) == LIBDIFF_VERDICT_NEW);
      OK(libdiff_verdict_list_get(&bv, list, 1));
      CHECK(libdiff_verdict_kind(bv) == LIBDIFF_VERDICT_UNCHANGED);
      CHECK_RC(libdiff_verdict_list_get(&bv, list, 2), LIBDIFF_ERROR_NOT_FOUND,
               "verdict 2 of 2");
      CHECK(bv == NULL);
      libdiff_verdict_list_free(list);
      free(p4);
    }
    /* An empty batch is an empty list. */
    OK(libdiff_batch_clear(batch));
    OK(libdiff_store_ingest_batch(&list, store, batch));
    CHECK(list != NULL && libdiff_verdict_list_count(list) == 0);
    libdiff_verdict_list_free(list);
    libdiff_batch_free(batch);
  }

  /* Stats. */
  {
    libdiff_stats *st = NULL;
    uint64_t u = 0;
    double bpr = 0;
    char *json = NULL;
    OK(libdiff_store_stats(&st, store));
    OK(libdiff_stats_get(&u, st, LIBDIFF_STATS_ARTICLES));
    CHECK(u == 3);
    OK(libdiff_stats_get(&u, st, LIBDIFF_STATS_REVISIONS));
    CHECK(u == 4);
    OK(libdiff_stats_get(&u, st, LIBDIFF_STATS_DUPLICATES));
    CHECK(u == 1);
    OK(libdiff_stats_bytes_per_revision(&bpr, st));
    CHECK(bpr > 0);
    OK(libdiff_stats_to_json(&json, NULL, st));
    CHECK(json != NULL && strstr(json, "\"revisions\":4") != NULL);
    CHECK(json != NULL && strstr(json, path) != NULL); /* "store": its directory */
    libdiff_string_free(json);
    CHECK_RC(libdiff_stats_get(&u, st, 99), LIBDIFF_ERROR_INVALID_ARGUMENT,
             "unknown stats field 99");
    libdiff_stats_free(st);
  }

  /* Boundary errors on a live store. */
  CHECK_RC(libdiff_store_ingest(&v, store, url, strlen(url), NULL, 5, 0),
           LIBDIFF_ERROR_INVALID_ARGUMENT, "html is NULL with length 5");
  CHECK_RC(libdiff_store_ingest(&v, store, "\xe2\x82", 2, v1, strlen(v1), 0),
           LIBDIFF_ERROR_INVALID_ARGUMENT, "url is not valid UTF-8");
  CHECK_RC(libdiff_store_ingest(&v, store, url, strlen(url), v1, LIBDIFF_MAX_INPUT_BYTES + 1, 0),
           LIBDIFF_ERROR_RESOURCE_EXHAUSTED, "over the limit");
  CHECK_RC(libdiff_store_ingest(&v, store, "ftp://x/y", 9, v1, strlen(v1), 0),
           LIBDIFF_ERROR_INVALID_ARGUMENT, NULL);
  CHECK_RC(libdiff_store_ingest(&v, (libdiff_store *)opts, url, strlen(url), v1, strlen(v1), 0),
           LIBDIFF_ERROR_INVALID_ARGUMENT, "not a libdiff_store handle");
  CHECK_RC(libdiff_store_ingest(&v, NULL, url, strlen(url), v1, strlen(v1), 0),
           LIBDIFF_ERROR_INVALID_ARGUMENT, "store is NULL");

  /* Close: idempotent, and every later call fails cleanly. */
  OK(libdiff_store_close(store));
  OK(libdiff_store_close(store));
  CHECK_RC(libdiff_store_ingest(&v, store, url, strlen(url), v1, strlen(v1), 0),
           LIBDIFF_ERROR_INVALID_ARGUMENT, "store is closed");
  CHECK(v == NULL);
  {
    libdiff_stats *st = NULL;
    CHECK_RC(libdiff_store_stats(&st, store), LIBDIFF_ERROR_INVALID_ARGUMENT, "store is closed");
  }
  libdiff_store_free(store);

  /* Read-only: reads work, writes are refused. */
  OK(libdiff_store_options_set_read_only(opts, 1));
  OK(libdiff_store_open(&store, opts, path, strlen(path)));
  OK(libdiff_store_check(&v, store, url, strlen(url), v2, strlen(v2), 0));
  CHECK(VerdictKindOf(v) == LIBDIFF_VERDICT_UNCHANGED);
  libdiff_verdict_free(v);
  CHECK_RC(libdiff_store_ingest(&v, store, url, strlen(url), v2, strlen(v2), 0),
           LIBDIFF_ERROR_INVALID_ARGUMENT, NULL);
  libdiff_store_free(store);
  libdiff_store_options_free(opts);

  /* A foreign file where the store should be: a clear error, not a crash. */
  {
    char bad[300];
    char file[320];
    FILE *f;
    snprintf(bad, sizeof bad, "%s/foreign", g_dir);
    snprintf(file, sizeof file, "%s/data.mdb", bad);
    CHECK(mkdir(bad, 0700) == 0);
    f = fopen(file, "wb");
    if (f != NULL) {
      for (int i = 0; i < 10000; ++i) fputs("not an lmdb file ", f);
      fclose(f);
    }
    store = (libdiff_store *)1;
    CHECK(libdiff_store_open(&store, NULL, bad, strlen(bad)) < 0);
    CHECK(store == NULL && strlen(libdiff_last_error()) > 0);
  }

  RemoveTree(g_dir);
  free(v1);
  free(v1_chrome);
  free(v2);
  free(copy);
}

int main(void) {
  TestVersionAndErrors();
  TestExtract();
  TestFingerprint();
  TestStore();
  printf("%d checks, %d failed\n", g_checks, g_failures);
  return g_failures == 0 ? 0 : 1;
}
