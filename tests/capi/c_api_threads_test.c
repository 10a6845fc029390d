/* Copyright 2026 The libdiff Authors.
 *
 * One libdiff_store handle shared by many threads: writers (ingest) are
 * serialised inside, readers (check, history, read revision, stats) run
 * concurrently with them, and a close racing with calls in progress makes later
 * calls fail cleanly. Meant to run under ThreadSanitizer (the `tsan` preset),
 * and checks its results in every build. */
#define _POSIX_C_SOURCE 200809L
#include "libdiff/libdiff.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { kThreads = 6, kRevisions = 5, kReaders = 3 };

static const char *const kWords[] = {
    "harbour", "council", "bridge",  "budget",   "storm",   "election", "minister", "river",
    "school",  "police",  "report",  "vote",     "market",  "price",    "energy",   "train",
    "station", "doctor",  "patient", "festival", "museum",  "court",    "judge",    "farmer",
    "weather", "flood",   "summer",  "winter",   "airport", "pilot",    "factory",  "worker"};

/* Appends `count` pseudo-random words from `seed` to buf. */
static size_t Words(char *buf, size_t cap, size_t n, unsigned *seed, int count) {
  for (int i = 0; i < count && n + 16 < cap; ++i) {
    *seed = *seed * 1103515245u + 12345u;
    n += (size_t)snprintf(buf + n, cap - n, "%s%s", i ? " " : "",
                          kWords[(*seed >> 16) % (sizeof kWords / sizeof kWords[0])]);
  }
  return n;
}

/* The page of article `id` at revision `rev` (1-based): five paragraphs of its
 * own words, plus one more paragraph per later revision. Caller frees. */
static char *Page(int id, int rev, size_t *len) {
  size_t cap = 32768, n = 0;
  char *p = malloc(cap);
  unsigned seed = 7919u * (unsigned)(id + 1);
  if (p == NULL) abort();
  n += (size_t)snprintf(p + n, cap - n,
                        "<html><head><title>Story %d</title></head><body><article>"
                        "<h1>Story %d</h1>",
                        id, id);
  for (int para = 0; para < 5 + rev - 1; ++para) {
    n += (size_t)snprintf(p + n, cap - n, "<p>");
    n = Words(p, cap, n, &seed, 40);
    n += (size_t)snprintf(p + n, cap - n, ".</p>");
  }
  n += (size_t)snprintf(p + n, cap - n, "</article></body></html>");
  *len = n;
  return p;
}

static void Url(char *buf, size_t cap, int id) {
  snprintf(buf, cap, "https://site%d.example/news/story-%d", id, id);
}

static libdiff_store *g_store;
static int g_errors;
static pthread_mutex_t g_errors_mu = PTHREAD_MUTEX_INITIALIZER;
static int g_stop;
static pthread_mutex_t g_stop_mu = PTHREAD_MUTEX_INITIALIZER;

static int Stopped(void) {
  int stop;
  pthread_mutex_lock(&g_stop_mu);
  stop = g_stop;
  pthread_mutex_unlock(&g_stop_mu);
  return stop;
}

static void Error(const char *what, int rc) {
  pthread_mutex_lock(&g_errors_mu);
  ++g_errors;
  fprintf(stderr, "%s failed: %d %s\n", what, rc, libdiff_last_error());
  pthread_mutex_unlock(&g_errors_mu);
}

static void *Writer(void *arg) {
  int id = (int)(size_t)arg;
  char url[128];
  Url(url, sizeof url, id);
  for (int rev = 1; rev <= kRevisions; ++rev) {
    size_t len = 0;
    char *html = Page(id, rev, &len);
    libdiff_verdict *v = NULL;
    int rc = libdiff_store_ingest(&v, g_store, url, strlen(url), html, len, 0);
    if (rc != LIBDIFF_OK) {
      Error("ingest", rc);
    } else {
      int want = rev == 1 ? LIBDIFF_VERDICT_NEW : LIBDIFF_VERDICT_UPDATED;
      if (libdiff_verdict_kind(v) != want) Error("verdict kind", libdiff_verdict_kind(v));
    }
    libdiff_verdict_free(v);
    free(html);
  }
  return NULL;
}

static void *Reader(void *arg) {
  unsigned seed = (unsigned)(size_t)arg;
  while (!Stopped()) {
    char url[128];
    int id;
    seed = seed * 1103515245u + 12345u;
    id = (int)((seed >> 16) % kThreads);
    Url(url, sizeof url, id);
    {
      size_t len = 0;
      char *html = Page(id, 1, &len);
      libdiff_verdict *v = NULL;
      int rc = libdiff_store_check(&v, g_store, url, strlen(url), html, len, 0);
      if (rc != LIBDIFF_OK) Error("check", rc);
      libdiff_verdict_free(v);
      free(html);
    }
    {
      libdiff_history *h = NULL;
      int rc = libdiff_store_history(&h, g_store, url, strlen(url));
      if (rc != LIBDIFF_OK && rc != LIBDIFF_ERROR_NOT_FOUND) Error("history", rc);
      libdiff_history_free(h);
    }
    {
      libdiff_article *a = NULL;
      int rc = libdiff_store_read_revision(&a, g_store, url, strlen(url), 0);
      if (rc != LIBDIFF_OK && rc != LIBDIFF_ERROR_NOT_FOUND) Error("read revision", rc);
      libdiff_article_free(a);
    }
    {
      libdiff_stats *st = NULL;
      int rc = libdiff_store_stats(&st, g_store);
      if (rc != LIBDIFF_OK) Error("stats", rc);
      libdiff_stats_free(st);
    }
  }
  return NULL;
}

/* After the close, every call returns OK (it started before) or the closed
 * error; nothing else. */
static void *LateCaller(void *arg) {
  (void)arg;
  for (int i = 0; i < 200; ++i) {
    libdiff_stats *st = NULL;
    int rc = libdiff_store_stats(&st, g_store);
    if (rc != LIBDIFF_OK &&
        !(rc == LIBDIFF_ERROR_INVALID_ARGUMENT && strstr(libdiff_last_error(), "closed"))) {
      Error("stats during close", rc);
    }
    libdiff_stats_free(st);
  }
  return NULL;
}

int main(void) {
  char dir[] = "/tmp/libdiff_threads_test_XXXXXX";
  pthread_t writers[kThreads], readers[kReaders], late[kReaders];
  int rc;
  if (mkdtemp(dir) == NULL) {
    perror("mkdtemp");
    return 1;
  }
  rc = libdiff_store_open(&g_store, NULL, dir, strlen(dir));
  if (rc != LIBDIFF_OK) {
    fprintf(stderr, "open: %s\n", libdiff_last_error());
    return 1;
  }
  for (int i = 0; i < kReaders; ++i) pthread_create(&readers[i], NULL, Reader, (void *)(size_t)(i + 1));
  for (int i = 0; i < kThreads; ++i) pthread_create(&writers[i], NULL, Writer, (void *)(size_t)i);
  for (int i = 0; i < kThreads; ++i) pthread_join(writers[i], NULL);
  pthread_mutex_lock(&g_stop_mu);
  g_stop = 1;
  pthread_mutex_unlock(&g_stop_mu);
  for (int i = 0; i < kReaders; ++i) pthread_join(readers[i], NULL);

  /* Every writer's revisions landed, none lost or mixed up. */
  for (int id = 0; id < kThreads; ++id) {
    char url[128];
    libdiff_history *h = NULL;
    int64_t n = 0;
    Url(url, sizeof url, id);
    rc = libdiff_store_history(&h, g_store, url, strlen(url));
    if (rc != LIBDIFF_OK || libdiff_history_int(&n, h, LIBDIFF_HISTORY_REVISION_COUNT) != 0 ||
        n != kRevisions) {
      Error("revision count", (int)n);
    }
    libdiff_history_free(h);
  }
  {
    libdiff_stats *st = NULL;
    uint64_t articles = 0, revisions = 0;
    rc = libdiff_store_stats(&st, g_store);
    libdiff_stats_get(&articles, st, LIBDIFF_STATS_ARTICLES);
    libdiff_stats_get(&revisions, st, LIBDIFF_STATS_REVISIONS);
    if (rc != LIBDIFF_OK || articles != kThreads || revisions != kThreads * kRevisions) {
      Error("stats totals", (int)revisions);
    }
    libdiff_stats_free(st);
  }

  /* Close while other threads keep calling. */
  for (int i = 0; i < kReaders; ++i) pthread_create(&late[i], NULL, LateCaller, NULL);
  rc = libdiff_store_close(g_store);
  if (rc != LIBDIFF_OK) Error("close", rc);
  for (int i = 0; i < kReaders; ++i) pthread_join(late[i], NULL);
  libdiff_store_free(g_store);

  {
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", dir);
  }
  printf("%d errors\n", g_errors);
  return g_errors == 0 ? 0 : 1;
}
