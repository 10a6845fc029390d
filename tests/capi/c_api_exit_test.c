/* Copyright 2026 The libdiff Authors.
 *
 * The C API at process and thread exit: a page ingested into a store, and
 * the store freed, from an atexit handler, or from a pthread key destructor
 * while its thread exits, after the same thread ingested pages and recorded an
 * error. Both run after the C++ runtime has destroyed the thread's
 * thread_local objects (glibc runs thread_local destructors before atexit
 * handlers and before pthread key destructors), so the last-error buffer and
 * the per-thread caches an ingest uses (fingerprint scratch memory, the zstd
 * decompression context that reads the previous revision) must still be
 * usable then. Run under AddressSanitizer by the asan-ubsan preset, where a
 * destroyed buffer is a heap-use-after-free. */
#define _POSIX_C_SOURCE 200809L
#include "libdiff/libdiff.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char g_dir[] = "/tmp/libdiff_c_exit_XXXXXX";
static libdiff_store *g_exit_store = NULL;
static int g_thread_ok = 0;

/* A long path, so the C++ message does not fit a short-string buffer. */
static const char kMissing[] =
    "/nonexistent/libdiff/a/directory/that/does/not/exist/so/opening/it/read/only/fails";

/* A news page whose last paragraph says which `version` it is. */
static void MakePage(char *buf, size_t size, int version) {
  static const char *const kParagraphs[] = {
      "The harbour wall at Port Ellen, breached by the November storm, will be rebuilt "
      "before the spring fishing season, the island council said on Thursday.",
      "Engineers put the cost of the repair at about two million pounds, most of it for "
      "new granite facing and a concrete core poured behind the old stones.",
      "Until the work is finished, fishing boats will land their catch at the east quay, "
      "where a temporary crane has been brought over from the mainland.",
      "Harbour master Ruth Campbell said the damage was the worst she had seen in thirty "
      "years, and that two moorings had been lost with the seaward section.",
      "The council will ask the government for emergency funding next week; a decision is "
      "expected before the end of the year, officials said.",
  };
  size_t n = (size_t)snprintf(buf, size,
                              "<html><head><title>Harbour wall to be rebuilt</title></head>"
                              "<body><article><h1>Harbour wall to be rebuilt</h1>");
  for (size_t i = 0; i < sizeof kParagraphs / sizeof kParagraphs[0]; ++i) {
    n += (size_t)snprintf(buf + n, size - n, "<p>%s</p>", kParagraphs[i]);
  }
  snprintf(buf + n, size - n,
           "<p>This report was updated %d times; in version %d the council added that "
           "work begins on day %d of the month.</p></article></body></html>",
           version, version, version * 3);
}

/* Ingests version `version` of one page and checks the verdict's kind. */
static int IngestVersion(libdiff_store *store, int version, int expected_kind, const char *where) {
  static const char kUrl[] = "https://www.islandnews.example/news/harbour-wall";
  char html[4096];
  MakePage(html, sizeof html, version);
  libdiff_verdict *verdict = NULL;
  const int rc = libdiff_store_ingest(&verdict, store, kUrl, strlen(kUrl), html, strlen(html),
                                      1764300000 + version * 3600);
  if (rc != LIBDIFF_OK) {
    fprintf(stderr, "%s: ingest of version %d returned %d: %s\n", where, version, rc,
            libdiff_last_error());
    return 0;
  }
  const int kind = libdiff_verdict_kind(verdict);
  libdiff_verdict_free(verdict);
  if (kind != expected_kind) {
    fprintf(stderr, "%s: version %d is %s, expected %s\n", where, version,
            libdiff_verdict_kind_name(kind), libdiff_verdict_kind_name(expected_kind));
    return 0;
  }
  return 1;
}

/* The first two versions, ingested while the thread's thread_locals live:
 * they fill its caches (the second reads the first back). */
static int IngestFirstVersions(libdiff_store *store, const char *where) {
  return IngestVersion(store, 1, LIBDIFF_VERDICT_NEW, where) &&
         IngestVersion(store, 2, LIBDIFF_VERDICT_UPDATED, where);
}

/* Frees `store`, then records an error and reads it back. Returns 1 when the
 * error says what failed. */
static int FreeAndFail(libdiff_store *store, const char *where) {
  libdiff_store_free(store);
  libdiff_store *none = NULL;
  const int rc = libdiff_store_open(&none, NULL, NULL, 5);
  const char *error = libdiff_last_error();
  if (rc != LIBDIFF_ERROR_INVALID_ARGUMENT || strstr(error, "libdiff_store_open") == NULL ||
      strstr(error, "NULL") == NULL) {
    fprintf(stderr, "%s: libdiff_store_open returned %d, last error \"%s\"\n", where, rc, error);
    return 0;
  }
  return 1;
}

/* Opening a missing directory read-only fails and records a long message. */
static int RecordError(void) {
  libdiff_store_options *options = NULL;
  libdiff_store *store = NULL;
  if (libdiff_store_options_create(&options) != LIBDIFF_OK) return 0;
  libdiff_store_options_set_read_only(options, 1);
  const int rc = libdiff_store_open(&store, options, kMissing, strlen(kMissing));
  libdiff_store_options_free(options);
  return rc != LIBDIFF_OK && strstr(libdiff_last_error(), kMissing) != NULL;
}

static void FreeStoreAtThreadExit(void *store) {
  g_thread_ok = IngestVersion((libdiff_store *)store, 3, LIBDIFF_VERDICT_UPDATED, "thread exit") &&
                FreeAndFail((libdiff_store *)store, "thread exit");
}

static void *Thread(void *store) {
  pthread_key_t key;
  if (pthread_key_create(&key, FreeStoreAtThreadExit) != 0) return NULL;
  if (!IngestFirstVersions((libdiff_store *)store, "thread")) return NULL;
  if (!RecordError()) {
    fprintf(stderr, "thread: no error recorded\n");
    return NULL;
  }
  pthread_setspecific(key, store);
  return NULL;
}

static void RemoveDir(void) {
  char cmd[256];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", g_dir);
  if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", g_dir);
}

static void FreeStoreAtExit(void) {
  const int ok = IngestVersion(g_exit_store, 3, LIBDIFF_VERDICT_UPDATED, "atexit") &&
                 FreeAndFail(g_exit_store, "atexit");
  RemoveDir();
  if (!ok) _exit(1);
  printf("c_api_exit_test: pages ingested and stores freed at thread exit and at exit\n");
}

static libdiff_store *OpenStore(const char *name) {
  char path[256];
  snprintf(path, sizeof path, "%s/%s", g_dir, name);
  libdiff_store *store = NULL;
  if (libdiff_store_open(&store, NULL, path, strlen(path)) != LIBDIFF_OK) {
    fprintf(stderr, "open %s: %s\n", path, libdiff_last_error());
    return NULL;
  }
  return store;
}

int main(void) {
  if (mkdtemp(g_dir) == NULL) {
    perror("mkdtemp");
    return 1;
  }
  libdiff_store *thread_store = OpenStore("thread");
  g_exit_store = OpenStore("exit");
  if (thread_store == NULL || g_exit_store == NULL) {
    RemoveDir();
    return 1;
  }

  pthread_t thread;
  if (pthread_create(&thread, NULL, Thread, thread_store) != 0 ||
      pthread_join(thread, NULL) != 0) {
    fprintf(stderr, "pthread_create/join failed\n");
    RemoveDir();
    return 1;
  }
  if (!g_thread_ok) {
    RemoveDir();
    return 1;
  }

  if (!IngestFirstVersions(g_exit_store, "main") || atexit(FreeStoreAtExit) != 0 ||
      !RecordError()) {
    fprintf(stderr, "ingest, atexit or RecordError failed\n");
    RemoveDir();
    return 1;
  }
  return 0;
}
