/* Copyright 2026 The libdiff Authors.
 *
 * The C API's page lists, from C: reading a list written here (comments, CRLF,
 * relative and absolute paths, timestamps), the one-call accessor against the
 * one-field ones, the accessors' bounds, the errors naming LIST:LINE, the
 * check of a page listed twice under two spellings, and NULL handling. Exits
 * non-zero on failure. */
#include "c_api_check.h"

static void WriteText(const char *path, const char *text) {
  FILE *f = fopen(path, "wb");
  if (f == NULL) {
    ++g_failures;
    return;
  }
  fputs(text, f);
  fclose(f);
}

/* 1 when field `field` of page `i` is `want`. */
static int FieldIs(const libdiff_page_list *list, size_t i, int field, const char *want) {
  const char *s = NULL;
  size_t n = 0;
  if (libdiff_page_list_string(&s, &n, list, i, field) != LIBDIFF_OK) return 0;
  return n == strlen(want) && memcmp(s, want, n) == 0 && s[n] == '\0';
}

/* 1 when libdiff_page_list_get of page `i` gives what the one-field
 * accessors give (the same pointers and lengths) and has_fetched_at is `has`. */
static int EntryMatches(const libdiff_page_list *list, size_t i, int has) {
  libdiff_page_list_entry page;
  if (libdiff_page_list_get(&page, list, i) != LIBDIFF_OK) return 0;
  const char *const got[3] = {page.url, page.path, page.origin};
  const size_t got_len[3] = {page.url_len, page.path_len, page.origin_len};
  for (int field = 0; field < 3; ++field) {
    const char *s = NULL;
    size_t n = 0;
    if (libdiff_page_list_string(&s, &n, list, i, field) != LIBDIFF_OK) return 0;
    if (got[field] != s || got_len[field] != n || s[n] != '\0') return 0;
  }
  int64_t when = -1;
  if (libdiff_page_list_fetched_at(&when, list, i) != LIBDIFF_OK) return 0;
  return page.fetched_at == when && page.has_fetched_at == has;
}

/* 1 when every field of `page` is NULL or 0. */
static int EntryIsZero(const libdiff_page_list_entry *page) {
  return page->url == NULL && page->url_len == 0 && page->path == NULL &&
         page->path_len == 0 && page->origin == NULL && page->origin_len == 0 &&
         page->fetched_at == 0 && page->has_fetched_at == 0;
}

static libdiff_page_list *Read(const char *path, int *code) {
  libdiff_page_list *list = (libdiff_page_list *)1; /* must be reset on failure */
  *code = libdiff_page_list_read(&list, path, strlen(path));
  return list;
}

int main(void) {
  char dir[] = "/tmp/libdiff-capi-list-XXXXXX";
  if (mkdtemp(dir) == NULL) return 2;
  char path[256], want[1024], other[256], bad[256];
  snprintf(path, sizeof path, "%s/pages.tsv", dir);
  snprintf(other, sizeof other, "%s/more.tsv", dir);
  snprintf(bad, sizeof bad, "%s/bad.tsv", dir);
  WriteText(path,
            "# url\tpath\tfetched_at\r\n"
            "\r\n"
            "https://a.example/1\tcrawl/a.html\t1764300000\r\n"
            "https://a.example/2\t/abs/b.html\t2026-11-28T04:00:00Z\n"
            "https://a.example/3\t-\n");
  WriteText(other, "https://b.example/1\t./crawl/a.html\nhttps://b.example/2\tb.html\t0\n");

  int code = 0;
  libdiff_page_list *list = Read(path, &code);
  CHECK(code == LIBDIFF_OK);
  CHECK(list != NULL);
  CHECK(libdiff_page_list_count(list) == 3);
  snprintf(want, sizeof want, "%s/crawl/a.html", dir);
  CHECK(FieldIs(list, 0, LIBDIFF_PAGE_LIST_URL, "https://a.example/1"));
  CHECK(FieldIs(list, 0, LIBDIFF_PAGE_LIST_PATH, want));
  snprintf(want, sizeof want, "%s:3", path);
  CHECK(FieldIs(list, 0, LIBDIFF_PAGE_LIST_ORIGIN, want));
  CHECK(FieldIs(list, 1, LIBDIFF_PAGE_LIST_PATH, "/abs/b.html"));
  CHECK(FieldIs(list, 2, LIBDIFF_PAGE_LIST_PATH, "-"));
  int64_t when = -1;
  CHECK(libdiff_page_list_fetched_at(&when, list, 0) == LIBDIFF_OK && when == 1764300000);
  CHECK(libdiff_page_list_fetched_at(&when, list, 1) == LIBDIFF_OK && when == 1795838400);
  CHECK(libdiff_page_list_fetched_at(&when, list, 2) == LIBDIFF_OK && when == 0);

  /* All fields of a page in one call. */
  CHECK(EntryMatches(list, 0, 1));
  CHECK(EntryMatches(list, 1, 1));
  CHECK(EntryMatches(list, 2, 0));
  libdiff_page_list_entry page;
  CHECK(libdiff_page_list_get(&page, list, 1) == LIBDIFF_OK);
  CHECK(page.url_len == 19 && memcmp(page.url, "https://a.example/2", 19) == 0);
  CHECK(page.path_len == 11 && strcmp(page.path, "/abs/b.html") == 0);
  CHECK(page.fetched_at == 1795838400 && page.has_fetched_at == 1);
  CHECK(libdiff_page_list_get(&page, list, 2) == LIBDIFF_OK);
  CHECK(page.path_len == 1 && strcmp(page.path, "-") == 0);
  CHECK(page.fetched_at == 0 && page.has_fetched_at == 0);
  memset(&page, 0xab, sizeof page);
  CHECK(libdiff_page_list_get(&page, list, 3) == LIBDIFF_ERROR_NOT_FOUND);
  CHECK(EntryIsZero(&page));
  CHECK(strcmp(libdiff_last_error(), "libdiff_page_list_get: page 3 of 3") == 0);
  memset(&page, 0xab, sizeof page);
  CHECK(libdiff_page_list_get(&page, list, (size_t)-1) == LIBDIFF_ERROR_NOT_FOUND);
  CHECK(EntryIsZero(&page));
  memset(&page, 0xab, sizeof page);
  CHECK(libdiff_page_list_get(&page, NULL, 0) == LIBDIFF_ERROR_INVALID_ARGUMENT);
  CHECK(EntryIsZero(&page));
  CHECK(libdiff_page_list_get(NULL, list, 0) == LIBDIFF_ERROR_INVALID_ARGUMENT);
  CHECK(strcmp(libdiff_last_error(), "libdiff_page_list_get: out is NULL") == 0);

  /* Bounds and bad arguments. */
  const char *s = "x";
  size_t n = 7;
  CHECK(libdiff_page_list_string(&s, &n, list, 3, LIBDIFF_PAGE_LIST_URL) ==
        LIBDIFF_ERROR_NOT_FOUND);
  CHECK(s == NULL && n == 0);
  CHECK(libdiff_page_list_string(&s, &n, list, 0, 9) == LIBDIFF_ERROR_INVALID_ARGUMENT);
  CHECK(libdiff_page_list_string(NULL, &n, list, 0, 0) == LIBDIFF_ERROR_INVALID_ARGUMENT);
  CHECK(libdiff_page_list_string(&s, &n, NULL, 0, 0) == LIBDIFF_ERROR_INVALID_ARGUMENT);
  CHECK(libdiff_page_list_fetched_at(&when, list, 3) == LIBDIFF_ERROR_NOT_FOUND);
  CHECK(libdiff_page_list_fetched_at(NULL, list, 0) == LIBDIFF_ERROR_INVALID_ARGUMENT);
  CHECK(libdiff_page_list_count(NULL) == 0);
  CHECK(libdiff_page_list_read(NULL, path, strlen(path)) == LIBDIFF_ERROR_INVALID_ARGUMENT);
  libdiff_page_list *none = NULL;
  CHECK(libdiff_page_list_read(&none, NULL, 3) == LIBDIFF_ERROR_INVALID_ARGUMENT);
  CHECK(libdiff_page_list_read(&none, "", 0) == LIBDIFF_ERROR_INVALID_ARGUMENT);
  CHECK(libdiff_page_list_read(&none, "a\0b", 3) == LIBDIFF_ERROR_INVALID_ARGUMENT);
  CHECK(none == NULL);

  /* A page listed twice across lists, under two spellings of its path. */
  libdiff_page_list *more = Read(other, &code);
  CHECK(code == LIBDIFF_OK);
  const libdiff_page_list *both[2] = {list, more};
  CHECK(libdiff_page_list_check_unique(both, 1) == LIBDIFF_OK);
  CHECK(libdiff_page_list_check_unique(both, 2) == LIBDIFF_ERROR_INVALID_ARGUMENT);
  snprintf(want, sizeof want,
           "libdiff_page_list_check_unique: %s:1: %s/./crawl/a.html listed twice (also at %s:3)",
           other, dir, path);
  CHECK(strcmp(libdiff_last_error(), want) == 0);
  CHECK(libdiff_page_list_check_unique(NULL, 0) == LIBDIFF_OK);
  CHECK(libdiff_page_list_check_unique(NULL, 1) == LIBDIFF_ERROR_INVALID_ARGUMENT);
  /* A fetched_at of 0 written on the line is set; no column is not. */
  CHECK(libdiff_page_list_count(more) == 2);
  CHECK(EntryMatches(more, 0, 0));
  CHECK(EntryMatches(more, 1, 1));
  CHECK(libdiff_page_list_get(&page, more, 1) == LIBDIFF_OK && page.fetched_at == 0);
  libdiff_page_list_free(more);

  /* Errors name the list and the line, as the CLI prints them. */
  WriteText(bad, "https://a.example/1\ta.html\nhttps://a.example/2\n");
  libdiff_page_list *failed = Read(bad, &code);
  CHECK(code == LIBDIFF_ERROR_INVALID_ARGUMENT);
  CHECK(failed == NULL);
  snprintf(want, sizeof want,
           "libdiff_page_list_read: %s:2: expected url<TAB>path[<TAB>fetched_at]", bad);
  CHECK(strcmp(libdiff_last_error(), want) == 0);
  WriteText(bad, "https://a.example/1\ta.html\tyesterday\n");
  failed = Read(bad, &code);
  CHECK(code == LIBDIFF_ERROR_INVALID_ARGUMENT);
  CHECK(strstr(libdiff_last_error(), ":1: fetched_at \"yesterday\" is neither") != NULL);
  WriteText(bad, "https://a.example/\xff\ta.html\n");
  failed = Read(bad, &code);
  CHECK(code == LIBDIFF_ERROR_INVALID_ARGUMENT);
  CHECK(strstr(libdiff_last_error(), ":1: url is not valid UTF-8") != NULL);
  snprintf(want, sizeof want, "%s/missing.tsv", dir);
  failed = Read(want, &code);
  CHECK(code == LIBDIFF_ERROR_NOT_FOUND);
  CHECK(failed == NULL);
  CHECK(strstr(libdiff_last_error(), "missing.tsv: No such file or directory") != NULL);

  libdiff_page_list_free(list);
  libdiff_page_list_free(NULL);
  unlink(path);
  unlink(other);
  unlink(bad);
  rmdir(dir);
  return Finish();
}
