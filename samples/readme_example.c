/* The C example of docs/c_api.md: file two versions of a page in a store and
 * print the verdicts and the word diff. Built and run by tests/capi. */
#define _POSIX_C_SOURCE 200809L
#include <libdiff/libdiff.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *kV1 =
    "<html><head><title>Storm hits the coast</title></head><body><article>"
    "<h1>Storm hits the coast</h1>"
    "<p>A powerful storm hit the coast on Sunday night, cutting power to 10,000 homes.</p>"
    "<p>Emergency services said roads near the harbour were closed until further notice.</p>"
    "</article></body></html>";
static const char *kV2 =
    "<html><head><title>Storm hits the coast</title></head><body><article>"
    "<h1>Storm hits the coast</h1>"
    "<p>A powerful storm hit the coast on Sunday night, cutting power to 14,000 homes.</p>"
    "<p>Emergency services said roads near the harbour were closed until further notice.</p>"
    "</article></body></html>";

static int Fail(const char *what, int rc) {
  fprintf(stderr, "%s: %s: %s\n", what, libdiff_strerror(rc), libdiff_last_error());
  return 1;
}

int main(void) {
  const char *url = "https://news.example/storm";
  char dir[] = "/tmp/libdiff_readme_XXXXXX";
  const char *pages[2];
  libdiff_store *store = NULL;
  int rc;

  pages[0] = kV1;
  pages[1] = kV2;
  if (mkdtemp(dir) == NULL) return 1;
  rc = libdiff_store_open(&store, NULL, dir, strlen(dir));
  if (rc != LIBDIFF_OK) return Fail("open", rc);

  for (int i = 0; i < 2; ++i) {
    libdiff_verdict *v = NULL;
    int64_t revision = 0;
    rc = libdiff_store_ingest(&v, store, url, strlen(url), pages[i], strlen(pages[i]), 0);
    if (rc != LIBDIFF_OK) return Fail("ingest", rc);
    libdiff_verdict_int(&revision, v, LIBDIFF_VERDICT_REVISION);
    printf("%s revision %lld\n", libdiff_verdict_kind_name(libdiff_verdict_kind(v)),
           (long long)revision);
    libdiff_verdict_free(v);
  }

  {
    char *diff = NULL;
    rc = libdiff_store_diff(&diff, NULL, NULL, store, NULL, url, strlen(url), 1, 2);
    if (rc != LIBDIFF_OK) return Fail("diff", rc);
    printf("%s\n", diff); /* ... cutting power to [-10,000-]{+14,000+} homes. ... */
    libdiff_string_free(diff);
  }

  libdiff_store_free(store); /* closes it */
  {
    char cmd[64];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    return system(cmd);
  }
}
