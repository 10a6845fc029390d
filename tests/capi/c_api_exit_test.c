/* Copyright 2026 The libdiff Authors.
 *
 * The C API at process and thread exit: a store freed from an atexit handler,
 * or from a pthread key destructor while its thread exits, after an error was
 * recorded on that thread. Both run after the C++ runtime has destroyed the
 * thread's thread_local objects (glibc runs thread_local destructors before
 * atexit handlers and before pthread key destructors), so the last-error
 * buffer must still be usable then. Run under AddressSanitizer by the
 * asan-ubsan preset, where a destroyed buffer is a heap-use-after-free. */
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
  g_thread_ok = FreeAndFail((libdiff_store *)store, "thread exit");
}

static void *Thread(void *store) {
  pthread_key_t key;
  if (pthread_key_create(&key, FreeStoreAtThreadExit) != 0) return NULL;
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
  const int ok = FreeAndFail(g_exit_store, "atexit");
  RemoveDir();
  if (!ok) _exit(1);
  printf("c_api_exit_test: stores freed at thread exit and at exit\n");
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

  if (atexit(FreeStoreAtExit) != 0 || !RecordError()) {
    fprintf(stderr, "atexit or RecordError failed\n");
    RemoveDir();
    return 1;
  }
  return 0;
}
