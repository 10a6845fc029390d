/* Copyright 2026 The libdiff Authors.
 *
 * libdiff_dedupe_records from C (and libdiff_dedupe_page_records, the same
 * with the pages' URLs): every file's struct holds the fields of
 * libdiff_dedupe_record's JSON object for the same file (documents and skips,
 * under two size limits), and NULL arrays or bad paths are invalid arguments
 * while an empty list is allowed. Exits non-zero on failure. */
#include "c_api_check.h"

#include <inttypes.h>

enum { kFiles = 6 };

static void WriteFile(const char *path, const char *data) {
  FILE *f = fopen(path, "wb");
  if (f == NULL || fwrite(data, 1, strlen(data), f) != strlen(data)) abort();
  fclose(f);
}

/* Checks that the JSON record `json` holds the field `name` with `value`. */
static void CheckField(const char *json, const char *name, const char *value, const char *path) {
  char want[1024];
  snprintf(want, sizeof want, "\"%s\":%s", name, value);
  if (!Contains(json, want)) fprintf(stderr, "%s: %s lacks %s\n", path, json, want);
  CHECK(Contains(json, want));
}

/* Compares one struct with libdiff_dedupe_record on the same file. Returns
 * 1 for a document. */
static int SameAsOneCall(const libdiff_dedupe_doc *d, const char *path, uint64_t max_file) {
  char *json = NULL;
  size_t len = 0;
  OK(libdiff_dedupe_record(&json, &len, path, strlen(path), max_file, 64 << 20));
  if (json == NULL) return 0;
  char v[1024];
  snprintf(v, sizeof v, "%" PRIu64, d->disk_bytes);
  CheckField(json, "disk_bytes", v, path);
  if (d->is_document) {
    CheckField(json, "kind", "\"doc\"", path);
    snprintf(v, sizeof v, "%" PRIu64, d->simhash);
    CheckField(json, "simhash", v, path);
    snprintf(v, sizeof v, "[%" PRIu64 ",%" PRIu64 "]", d->exact_high, d->exact_low);
    CheckField(json, "exact", v, path);
    snprintf(v, sizeof v, "%" PRIu32, d->tokens);
    CheckField(json, "tokens", v, path);
    snprintf(v, sizeof v, "%" PRIu32, d->shingles);
    CheckField(json, "shingles", v, path);
    snprintf(v, sizeof v, "%" PRIu32, d->body_bytes);
    CheckField(json, "body_bytes", v, path);
    if (d->has_published) {
      snprintf(v, sizeof v, "%" PRId64, d->published);
    } else {
      snprintf(v, sizeof v, "null");
    }
    CheckField(json, "published", v, path);
    size_t n = 0;
    v[n++] = '[';
    for (int i = 0; i < d->sketch_count; ++i) {
      n += (size_t)snprintf(v + n, sizeof v - n, "%s%" PRIu32, i > 0 ? "," : "", d->sketch[i]);
    }
    snprintf(v + n, sizeof v - n, "]");
    CheckField(json, "sketch", v, path);
    CHECK(d->sketch_count > 0 && d->sketch_count <= LIBDIFF_DEDUPE_SKETCH_SIZE);
  } else {
    CheckField(json, "kind", "\"skip\"", path);
    CHECK(d->simhash == 0 && d->tokens == 0 && d->sketch_count == 0);
  }
  libdiff_string_free(json);
  return d->is_document;
}

int main(void) {
  char dir[] = "/tmp/libdiff-capi-records-XXXXXX";
  if (mkdtemp(dir) == NULL) {
    perror("mkdtemp");
    return 2;
  }
  char names[kFiles][300];
  const char *files[kFiles] = {"a.html", "b.html", "c.txt", "d.bin", "missing.html", "e.html"};
  for (int i = 0; i < kFiles; ++i) snprintf(names[i], sizeof names[i], "%s/%s", dir, files[i]);
  char *a = MakePage("The Daily Planet", "Harbour bridge closes", NULL, "Weather");
  char *b = MakePage("Metro News", "Harbour bridge closes",
                     "Published on 2024-03-05, the report names three piers.", "Sport");
  WriteFile(names[0], a);
  WriteFile(names[1], b);
  WriteFile(names[2], kParagraphs[0]);
  WriteFile(names[3], "\x01\x02\x03 not a page");
  WriteFile(names[5], "<html><body><nav>Home</nav></body></html>");
  free(a);
  free(b);

  const char *paths[kFiles];
  size_t lens[kFiles];
  for (int i = 0; i < kFiles; ++i) {
    paths[i] = names[i];
    lens[i] = strlen(names[i]);
  }
  /* Two limits: the defaults, and one that makes every existing file too large. */
  const uint64_t limits[2] = {32 << 20, 16};
  for (int l = 0; l < 2; ++l) {
    libdiff_dedupe_doc docs[kFiles];
    memset(docs, 0xab, sizeof docs);
    char *skips = NULL;
    size_t skips_len = 0;
    OK(libdiff_dedupe_records(docs, &skips, &skips_len, paths, lens, kFiles, limits[l],
                              64 << 20));
    CHECK(skips != NULL && skips_len == strlen(skips));
    int documents = 0;
    for (int i = 0; i < kFiles; ++i) documents += SameAsOneCall(&docs[i], names[i], limits[l]);
    if (l == 0) {
      CHECK(documents == 3); /* a.html, b.html, c.txt */
      CHECK(docs[0].is_document && docs[1].is_document && docs[2].is_document);
      CHECK(docs[0].simhash != docs[2].simhash);
      CHECK(Contains(skips, "[3,\"not html\""));
      CHECK(Contains(skips, "[4,\"unreadable\""));
      CHECK(Contains(skips, "[5,\"no article\""));
    } else {
      CHECK(documents == 0);
      CHECK(Contains(skips, "[0,\"too large\""));
    }
    libdiff_string_free(skips);
  }

  /* Listed pages (libdiff_dedupe_page_records): the URL reaches the
   * extractor, whose date in the URL's path dates the undated a.html; an
   * empty URL is none, and NULL URLs are libdiff_dedupe_records. */
  {
    const char *urls[2] = {"https://news.example/2024/03/01/bridge", ""};
    size_t url_lens[2] = {strlen(urls[0]), 0};
    libdiff_dedupe_doc with[2], without[2];
    char *page_skips = NULL;
    size_t page_skips_len = 0;
    OK(libdiff_dedupe_page_records(with, &page_skips, &page_skips_len, paths, lens, urls,
                                   url_lens, 2, 32 << 20, 64 << 20));
    libdiff_string_free(page_skips);
    OK(libdiff_dedupe_page_records(without, &page_skips, &page_skips_len, paths, lens, NULL,
                                   NULL, 2, 32 << 20, 64 << 20));
    libdiff_string_free(page_skips);
    CHECK(with[0].is_document && with[0].has_published && with[0].published == 1709251200);
    CHECK(without[0].is_document && !without[0].has_published);
    CHECK(SameAsOneCall(&without[0], names[0], 32 << 20) == 1);
    CHECK(with[1].simhash == without[1].simhash && with[1].published == without[1].published);
    page_skips = NULL;
    CHECK_RC(libdiff_dedupe_page_records(with, &page_skips, &page_skips_len, paths, lens, urls,
                                         NULL, 2, 32 << 20, 64 << 20),
             LIBDIFF_ERROR_INVALID_ARGUMENT, "url_lens");
    CHECK(page_skips == NULL);
  }

  /* An empty list is allowed; NULL arrays and bad paths are not. */
  char *skips = NULL;
  size_t skips_len = 0;
  OK(libdiff_dedupe_records(NULL, &skips, &skips_len, NULL, NULL, 0, 32 << 20, 64 << 20));
  CHECK(skips != NULL && strcmp(skips, "[]") == 0 && skips_len == 2);
  libdiff_string_free(skips);
  libdiff_dedupe_doc docs[2];
  CHECK_RC(libdiff_dedupe_records(docs, NULL, NULL, paths, lens, 1, 32 << 20, 64 << 20),
           LIBDIFF_ERROR_INVALID_ARGUMENT, "out_skips");
  CHECK_RC(libdiff_dedupe_records(NULL, &skips, &skips_len, paths, lens, 1, 32 << 20, 64 << 20),
           LIBDIFF_ERROR_INVALID_ARGUMENT, "NULL");
  CHECK(skips == NULL);
  CHECK_RC(libdiff_dedupe_records(docs, &skips, &skips_len, paths, NULL, 1, 32 << 20, 64 << 20),
           LIBDIFF_ERROR_INVALID_ARGUMENT, "NULL");
  const char *bad[2] = {names[0], ""};
  size_t bad_lens[2] = {strlen(names[0]), 0};
  CHECK_RC(libdiff_dedupe_records(docs, &skips, &skips_len, bad, bad_lens, 2, 32 << 20, 64 << 20),
           LIBDIFF_ERROR_INVALID_ARGUMENT, "path 1 is empty");
  CHECK(skips == NULL);

  for (int i = 0; i < kFiles; ++i) remove(names[i]);
  rmdir(dir);
  return Finish();
}
