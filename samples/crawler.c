/* Copyright 2026 The libdiff Authors.
 *
 * A small crawler in C: fetches each URL of a list with libcurl, files the
 * page in a libdiff store and prints one line per page:
 *
 *   <url> TAB <verdict> TAB revision=<n> [TAB of=<url> distance=<d>] [TAB +<p>/-<p>/~<p> paragraphs]
 *
 * Usage: crawler STORE_DIR URL_LIST   (one URL per line; "-" reads stdin)
 * Exit status: 0 when every page was fetched and filed, 1 otherwise.
 */
#define _POSIX_C_SOURCE 200809L
#include <curl/curl.h>
#include <libdiff/libdiff.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { kMaxPageBytes = 8 << 20 };

struct Buffer {
  char *data;
  size_t len;
  size_t cap;
  int too_big;
};

static size_t OnData(char *ptr, size_t size, size_t nmemb, void *user) {
  struct Buffer *b = user;
  size_t n = size * nmemb;
  if (b->len + n > kMaxPageBytes) {
    b->too_big = 1;
    return 0; /* makes curl stop with CURLE_WRITE_ERROR */
  }
  if (b->len + n > b->cap) {
    size_t cap = b->cap ? b->cap : 65536;
    char *p;
    while (cap < b->len + n) cap *= 2;
    p = realloc(b->data, cap);
    if (p == NULL) return 0;
    b->data = p;
    b->cap = cap;
  }
  memcpy(b->data + b->len, ptr, n);
  b->len += n;
  return n;
}

/* Prints the verdict line of `url`. */
static void PrintVerdict(const char *url, const libdiff_verdict *v) {
  int kind = libdiff_verdict_kind(v);
  int64_t revision = 0;
  libdiff_verdict_int(&revision, v, LIBDIFF_VERDICT_REVISION);
  printf("%s\t%s\trevision=%lld", url, libdiff_verdict_kind_name(kind), (long long)revision);
  if (kind == LIBDIFF_VERDICT_DUPLICATE) {
    const char *of = NULL;
    int64_t distance = 0;
    libdiff_verdict_string(&of, NULL, v, LIBDIFF_VERDICT_OF_URL);
    libdiff_verdict_int(&distance, v, LIBDIFF_VERDICT_DISTANCE);
    printf("\tof=%s distance=%lld", of, (long long)distance);
  } else if (kind == LIBDIFF_VERDICT_UPDATED) {
    int64_t added = 0, removed = 0, changed = 0;
    libdiff_verdict_int(&added, v, LIBDIFF_VERDICT_PARAGRAPHS_ADDED);
    libdiff_verdict_int(&removed, v, LIBDIFF_VERDICT_PARAGRAPHS_REMOVED);
    libdiff_verdict_int(&changed, v, LIBDIFF_VERDICT_PARAGRAPHS_CHANGED);
    printf("\t+%lld/-%lld/~%lld paragraphs", (long long)added, (long long)removed,
           (long long)changed);
  } else if (kind == LIBDIFF_VERDICT_SKIPPED) {
    const char *reason = NULL;
    libdiff_verdict_string(&reason, NULL, v, LIBDIFF_VERDICT_REASON);
    printf("\treason=%s", reason);
  }
  printf("\n");
}

/* Fetches and files one URL; returns 0 on success. */
static int Crawl(CURL *curl, libdiff_store *store, const char *url) {
  struct Buffer body = {NULL, 0, 0, 0};
  long status = 0;
  CURLcode cc;
  libdiff_verdict *v = NULL;
  int rc;

  curl_easy_setopt(curl, CURLOPT_URL, url);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, OnData);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
  cc = curl_easy_perform(curl);
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  if (cc != CURLE_OK || status != 200) {
    printf("%s\terror\t%s\n", url,
           body.too_big ? "page too large" : cc != CURLE_OK ? curl_easy_strerror(cc) : "HTTP status");
    free(body.data);
    return 1;
  }
  rc = libdiff_store_ingest(&v, store, url, strlen(url), body.data, body.len, 0);
  if (rc != LIBDIFF_OK) {
    printf("%s\terror\t%s: %s\n", url, libdiff_strerror(rc), libdiff_last_error());
  } else {
    PrintVerdict(url, v);
  }
  libdiff_verdict_free(v);
  free(body.data);
  return rc == LIBDIFF_OK ? 0 : 1;
}

int main(int argc, char **argv) {
  FILE *list;
  char line[4096];
  libdiff_store *store = NULL;
  CURL *curl;
  int failures = 0, rc;

  if (argc != 3) {
    fprintf(stderr, "usage: %s STORE_DIR URL_LIST\n", argv[0]);
    return 2;
  }
  if (libdiff_version_number() / 10000 != LIBDIFF_VERSION_MAJOR) {
    fprintf(stderr, "libdiff %s does not match the header %s\n", libdiff_version_string(),
            LIBDIFF_VERSION_STRING);
    return 2;
  }
  rc = libdiff_store_open(&store, NULL, argv[1], strlen(argv[1]));
  if (rc != LIBDIFF_OK) {
    fprintf(stderr, "%s\n", libdiff_last_error());
    return 2;
  }
  list = strcmp(argv[2], "-") == 0 ? stdin : fopen(argv[2], "r");
  if (list == NULL) {
    perror(argv[2]);
    libdiff_store_free(store);
    return 2;
  }
  curl_global_init(CURL_GLOBAL_DEFAULT);
  curl = curl_easy_init();
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 5L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
  curl_easy_setopt(curl, CURLOPT_USERAGENT, "libdiff-sample-crawler/1");
  curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, ""); /* any encoding curl supports */

  while (fgets(line, sizeof line, list) != NULL) {
    line[strcspn(line, "\r\n")] = '\0';
    if (line[0] == '\0' || line[0] == '#') continue;
    failures += Crawl(curl, store, line);
    fflush(stdout);
  }

  curl_easy_cleanup(curl);
  curl_global_cleanup();
  if (list != stdin) fclose(list);
  libdiff_store_free(store);
  return failures == 0 ? 0 : 1;
}
