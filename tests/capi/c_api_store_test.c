/* Copyright 2026 The libdiff Authors.
 *
 * Tests of stores from C (libdiff.h): options, ingest and check, verdicts,
 * batches, history, stats and diffs (capi/store_options.cc, store.cc,
 * batch.cc, verdict.cc, history.cc, stats.cc, diff.cc). */
#include "c_api_check.h"

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
    /* A copy of the latest text matched revision 2. */
    OK(libdiff_verdict_int(&n, v, LIBDIFF_VERDICT_OF_REVISION));
    CHECK(n == 2);
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
  TestStore();
  return Finish();
}
