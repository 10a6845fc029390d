/* Copyright 2026 The libdiff Authors.
 *
 * The C API's WARC input, from C: iterating the HTML records of a WARC written
 * here (two responses, an image, a revisit, a request and a record cut short)
 * and ingesting them in batches into a store. Exits non-zero on failure. */
#define _POSIX_C_SOURCE 200809L
#include "libdiff/libdiff.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int g_failures = 0;

#define CHECK(cond)                                                                         \
  do {                                                                                      \
    if (!(cond)) {                                                                          \
      ++g_failures;                                                                         \
      fprintf(stderr, "%s:%d: CHECK(%s) failed (last error: \"%s\")\n", __FILE__, __LINE__, \
              #cond, libdiff_last_error());                                                 \
    }                                                                                       \
  } while (0)

static const char kHtml[] =
    "<html><head><title>Harbour bridge reopens</title></head><body><article>"
    "<p>The harbour bridge reopened to traffic on Monday morning after eight months of repairs "
    "to its deck and cables, the city's transport department said in a statement.</p>"
    "<p>Engineers replaced more than four hundred steel plates and repainted the towers, work "
    "that cost the city almost twelve million pounds and closed the crossing to cars.</p>"
    "</article></body></html>";

/* Appends one WARC/1.0 record to `f`; returns its offset. */
static long Record(FILE *f, const char *type, const char *uri, const char *block, int cut) {
  long offset = ftell(f);
  size_t len = strlen(block);
  fprintf(f,
          "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: <%s>\r\n"
          "WARC-Date: 2026-11-28T04:00:00Z\r\nContent-Length: %zu\r\n\r\n",
          type, uri, len);
  fwrite(block, 1, cut ? len / 2 : len, f);
  if (!cut) fputs("\r\n\r\n", f);
  return offset;
}

static char *Response(const char *content_type, const char *body) {
  size_t n = strlen(content_type) + strlen(body) + 64;
  char *s = malloc(n);
  snprintf(s, n, "HTTP/1.1 200 OK\r\nContent-Type: %s\r\n\r\n%s", content_type, body);
  return s;
}

int main(void) {
  char dir[] = "/tmp/libdiff-capi-warc-XXXXXX";
  if (mkdtemp(dir) == NULL) return 2;
  char path[256], store_dir[256];
  snprintf(path, sizeof path, "%s/crawl.warc", dir);
  snprintf(store_dir, sizeof store_dir, "%s/store", dir);

  FILE *f = fopen(path, "wb");
  char *page = Response("text/html; charset=utf-8", kHtml);
  char *image = Response("image/png", "\x89PNG");
  Record(f, "request", "http://a.example/story", "GET /story HTTP/1.1\r\n\r\n", 0);
  long first = Record(f, "response", "http://a.example/story", page, 0);
  Record(f, "response", "http://a.example/logo.png", image, 0);
  long revisit = Record(f, "revisit", "http://a.example/story",
                        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n", 0);
  long copy = Record(f, "response", "http://b.example/copy", page, 0);
  Record(f, "response", "http://c.example/cut", page, 1);
  fclose(f);

  /* Iterating. */
  libdiff_warc *w = NULL;
  CHECK(libdiff_warc_open(&w, path, strlen(path), 0) == LIBDIFF_OK);
  int more = 0;
  int64_t v = 0;
  const char *s = NULL;
  size_t n = 0;
  CHECK(libdiff_warc_record_string(&s, &n, w, LIBDIFF_WARC_URL) == LIBDIFF_ERROR_NOT_FOUND);
  CHECK(libdiff_warc_next(&more, w) == LIBDIFF_OK && more == 1);
  CHECK(libdiff_warc_record_string(&s, &n, w, LIBDIFF_WARC_URL) == LIBDIFF_OK);
  CHECK(n == strlen("http://a.example/story") && strcmp(s, "http://a.example/story") == 0);
  CHECK(libdiff_warc_record_string(&s, &n, w, LIBDIFF_WARC_BODY) == LIBDIFF_OK);
  CHECK(n == strlen(kHtml) && memcmp(s, kHtml, n) == 0);
  CHECK(libdiff_warc_record_string(&s, &n, w, LIBDIFF_WARC_CONTENT_TYPE) == LIBDIFF_OK);
  CHECK(strcmp(s, "text/html; charset=utf-8") == 0);
  CHECK(libdiff_warc_record_int(&v, w, LIBDIFF_WARC_OFFSET) == LIBDIFF_OK && v == first);
  CHECK(libdiff_warc_record_int(&v, w, LIBDIFF_WARC_FETCHED_AT) == LIBDIFF_OK && v == 1795838400);
  CHECK(libdiff_warc_record_int(&v, w, LIBDIFF_WARC_HTTP_STATUS) == LIBDIFF_OK && v == 200);
  CHECK(libdiff_warc_next(&more, w) == LIBDIFF_OK && more == 1);
  CHECK(libdiff_warc_record_int(&v, w, LIBDIFF_WARC_IS_REVISIT) == LIBDIFF_OK && v == 1);
  CHECK(libdiff_warc_record_int(&v, w, LIBDIFF_WARC_OFFSET) == LIBDIFF_OK && v == revisit);
  CHECK(libdiff_warc_record_string(&s, &n, w, LIBDIFF_WARC_TYPE) == LIBDIFF_OK);
  CHECK(strcmp(s, "revisit") == 0);
  CHECK(libdiff_warc_next(&more, w) == LIBDIFF_OK && more == 1);
  CHECK(libdiff_warc_record_int(&v, w, LIBDIFF_WARC_OFFSET) == LIBDIFF_OK && v == copy);
  CHECK(libdiff_warc_next(&more, w) == LIBDIFF_ERROR_CORRUPTION && more == 0);
  CHECK(strstr(libdiff_last_error(), "cut short") != NULL);
  CHECK(libdiff_warc_next(&more, w) == LIBDIFF_ERROR_CORRUPTION);
  uint64_t stat = 0;
  CHECK(libdiff_warc_stat(&stat, w, LIBDIFF_WARC_STAT_NOT_HTML) == LIBDIFF_OK && stat == 1);
  CHECK(libdiff_warc_stat(&stat, w, LIBDIFF_WARC_STAT_OTHER_TYPES) == LIBDIFF_OK && stat == 1);
  CHECK(libdiff_warc_stat(&stat, w, 99) == LIBDIFF_ERROR_INVALID_ARGUMENT);
  libdiff_warc_free(w);
  libdiff_warc_free(NULL);
  CHECK(libdiff_warc_open(&w, "/nonexistent.warc", 17, 0) == LIBDIFF_ERROR_NOT_FOUND && w == NULL);
  CHECK(libdiff_warc_next(&more, NULL) == LIBDIFF_ERROR_INVALID_ARGUMENT);

  /* Ingesting in batches of one page: the revisit is passed over, the damage
   * ends it after the good pages were filed. */
  libdiff_store *store = NULL;
  CHECK(libdiff_store_open(&store, NULL, store_dir, strlen(store_dir)) == LIBDIFF_OK);
  CHECK(libdiff_warc_open(&w, path, strlen(path), 0) == LIBDIFF_OK);
  libdiff_verdict_list *list = NULL;
  CHECK(libdiff_store_ingest_warc(&list, store, w, 1) == LIBDIFF_OK);
  CHECK(libdiff_verdict_list_count(list) == 1);
  const libdiff_verdict *verdict = NULL;
  CHECK(libdiff_verdict_list_get(&verdict, list, 0) == LIBDIFF_OK);
  CHECK(libdiff_verdict_kind(verdict) == LIBDIFF_VERDICT_NEW);
  uint64_t offset = 0;
  CHECK(libdiff_warc_batch_offset(&offset, w, 0) == LIBDIFF_OK && offset == (uint64_t)first);
  CHECK(libdiff_warc_batch_offset(&offset, w, 1) == LIBDIFF_ERROR_NOT_FOUND);
  libdiff_verdict_list_free(list);
  CHECK(libdiff_store_ingest_warc(&list, store, w, 10) == LIBDIFF_OK);
  CHECK(libdiff_verdict_list_count(list) == 1);
  CHECK(libdiff_verdict_list_get(&verdict, list, 0) == LIBDIFF_OK);
  CHECK(libdiff_verdict_kind(verdict) == LIBDIFF_VERDICT_DUPLICATE);
  CHECK(libdiff_warc_batch_offset(&offset, w, 0) == LIBDIFF_OK && offset == (uint64_t)copy);
  libdiff_verdict_list_free(list);
  CHECK(libdiff_store_ingest_warc(&list, store, w, 10) == LIBDIFF_ERROR_CORRUPTION && list == NULL);
  CHECK(libdiff_warc_stat(&stat, w, LIBDIFF_WARC_STAT_REVISITS) == LIBDIFF_OK && stat == 1);
  CHECK(libdiff_store_ingest_warc(&list, store, w, 0) == LIBDIFF_ERROR_INVALID_ARGUMENT);
  libdiff_warc_free(w);
  libdiff_store_free(store);

  free(page);
  free(image);
  char cmd[300];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", dir);
  if (g_failures != 0) fprintf(stderr, "%d checks failed\n", g_failures);
  return g_failures == 0 ? 0 : 1;
}
