/* Copyright 2026 The libdiff Authors.
 *
 * Tests of extraction from C (libdiff.h): articles, their fields and JSON
 * (capi/extract.cc). */
#include "c_api_check.h"

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

int main(void) {
  TestExtract();
  return Finish();
}
