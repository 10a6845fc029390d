/* Copyright 2026 The libdiff Authors.
 *
 * libdiff.h: the C API of libdiff, the one stable door for crawlers written in
 * any language (C, Python through ctypes, Go through cgo, ...). Plain C99.
 * "If it is not in libdiff.h, it is not API": the C++ headers beside this one
 * have no ABI promise; this file has.
 *
 * It offers: extracting an article from HTML (fields readable from C, or JSON),
 * fingerprinting text and comparing fingerprints, a revision store (open/close
 * with options, ingest and check of one page or a batch, history, reading a
 * revision, statistics), and diffing two versions in every format of the CLI.
 *
 *   libdiff_store *store = NULL;
 *   if (libdiff_store_open(&store, NULL, "/var/lib/crawler/.libdiff", 25) != 0) {
 *     fprintf(stderr, "open: %s\n", libdiff_last_error());
 *     return 1;
 *   }
 *   libdiff_verdict *v = NULL;
 *   int rc = libdiff_store_ingest(&v, store, url, strlen(url), html, html_len, 0);
 *   if (rc == LIBDIFF_OK)
 *     printf("%s\n", libdiff_verdict_kind_name(libdiff_verdict_kind(v)));
 *   else
 *     fprintf(stderr, "%s: %s\n", libdiff_strerror(rc), libdiff_last_error());
 *   libdiff_verdict_free(v);
 *   libdiff_store_free(store);
 *
 * Conventions (all functions):
 *   - Functions that can fail return int: LIBDIFF_OK (0) or a negative
 *     LIBDIFF_ERROR_* code. The values are pinned and never change; they
 *     mirror libdiff::StatusCode one to one (code == -StatusCode).
 *   - Out-parameters come first (a single output is named `out`), then the
 *     object, then the inputs. On failure *out is set to NULL (or 0).
 *   - Text inputs are (const char *data, size_t len) pairs of UTF-8 with no
 *     terminating NUL required. `data` may be NULL only when len is 0. Text that
 *     must be UTF-8 (URLs, paths, text to fingerprint) is checked, and invalid
 *     UTF-8 fails with LIBDIFF_ERROR_INVALID_ARGUMENT. HTML is bytes in any
 *     charset (the page's <meta> charset is honoured).
 *   - Any len above LIBDIFF_MAX_INPUT_BYTES fails with
 *     LIBDIFF_ERROR_RESOURCE_EXHAUSTED before the data is read; lower limits
 *     of the options (e.g. extraction's max_input_bytes) apply too.
 *   - A NULL pointer where an object or output is required returns
 *     LIBDIFF_ERROR_INVALID_ARGUMENT. A pointer to a handle of another type, or
 *     to one already freed, is detected on a best-effort basis by a magic
 *     number in every handle (LIBDIFF_ERROR_INVALID_ARGUMENT, "not a
 *     libdiff_xxx handle"); using a freed handle remains undefined behaviour.
 *   - Every failing call stores a message for libdiff_last_error() on the
 *     calling thread: at most LIBDIFF_LAST_ERROR_MAX (4095) bytes of UTF-8,
 *     a longer one cut at a character boundary. No C++ exception ever
 *     crosses this boundary.
 *   - Results are allocated by the library and released with the matching
 *     *_free function; every *_free accepts NULL and does nothing then.
 *     Strings returned through `const char **` are owned by the object they
 *     were read from, NUL-terminated, and valid until that object is freed.
 *     Strings returned through `char **` are the caller's, to be released with
 *     libdiff_string_free().
 *
 * Thread safety: every function may be called from any thread. Distinct
 * objects may be used concurrently. Result objects (article, fingerprint,
 * verdict, history, stats, lists) are immutable once returned and may be read
 * from many threads at once. Options and batch objects are not synchronised:
 * do not modify one while another thread uses it. A libdiff_store is safe for
 * concurrent use by many threads: writes (ingest) are serialised inside,
 * reads (check, history, revision, stats, diff) run concurrently with each
 * other and with a writer. libdiff_store_close() waits for calls in progress
 * on the handle; later calls on it fail cleanly. libdiff_store_free() must be
 * called once, when no other thread can still use the handle.
 */
#ifndef LIBDIFF_LIBDIFF_H_
#define LIBDIFF_LIBDIFF_H_

#include <stddef.h>
#include <stdint.h>

#include "libdiff/version.h"

#if defined(_WIN32)
#define LIBDIFF_API
#elif defined(__GNUC__)
#define LIBDIFF_API __attribute__((visibility("default")))
#else
#define LIBDIFF_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------ */
/* Status codes. Pinned values; never renumbered.                            */

#define LIBDIFF_OK 0
/* The caller passed something unusable: NULL, empty or non-UTF-8 text where
 * text is required, an unknown enum value, a closed or foreign handle, a
 * write to a read-only store. */
#define LIBDIFF_ERROR_INVALID_ARGUMENT (-1)
/* A URL, revision, index or file that does not exist. */
#define LIBDIFF_ERROR_NOT_FOUND (-2)
/* Stored data fails its checks, or a foreign file where a store should be. */
#define LIBDIFF_ERROR_CORRUPTION (-3)
/* The operating system refused a read or write. */
#define LIBDIFF_ERROR_IO (-4)
/* A size or work limit, a full disk or map, or out of memory. */
#define LIBDIFF_ERROR_RESOURCE_EXHAUSTED (-5)
/* A bug in libdiff (an unexpected exception, a broken invariant). */
#define LIBDIFF_ERROR_INTERNAL (-6)

/* Inputs longer than this (1 GiB) fail with LIBDIFF_ERROR_RESOURCE_EXHAUSTED. */
#define LIBDIFF_MAX_INPUT_BYTES 1073741824UL /* 2^30 */

/* ------------------------------------------------------------------------ */
/* Library, errors and memory.                                               */

/* LIBDIFF_VERSION_NUMBER of the library actually loaded (major*10000 +
 * minor*100 + patch). Compare with the macro to detect a header/library
 * mismatch; the major part is the ABI version (the SOVERSION). */
LIBDIFF_API int libdiff_version_number(void);

/* The loaded library's version, e.g. "0.1.0". Static storage. */
LIBDIFF_API const char *libdiff_version_string(void);

/* The longest last error, in bytes without the terminating NUL: the message
 * lives in a 4 KiB per-thread buffer (LIBDIFF_LAST_ERROR_MAX + 1 bytes). */
#define LIBDIFF_LAST_ERROR_MAX 4095

/* The message of the most recent failure on the calling thread, e.g.
 * "libdiff_store_open: path is empty". Every int-returning function clears it
 * on entry, so after a success it is "". Never NULL. Owned by the library;
 * valid until the next libdiff call on this thread. At most
 * LIBDIFF_LAST_ERROR_MAX bytes, always valid UTF-8 when the message was: a
 * longer message is cut at a UTF-8 character boundary and ends in "...", so
 * a caller may copy it into a buffer of LIBDIFF_LAST_ERROR_MAX + 1 bytes.
 * Safe to call (and every libdiff function may set it) from atexit handlers
 * and thread-exit destructors. */
LIBDIFF_API const char *libdiff_last_error(void);

/* A stable lower-case name of a code: "OK", "invalid argument", "not found",
 * "corruption", "I/O error", "resource exhausted", "internal error", or
 * "unknown error" for other values. Static storage; thread-safe. */
LIBDIFF_API const char *libdiff_strerror(int code);

/* Releases a string returned through a `char **` out-parameter. NULL: no-op. */
LIBDIFF_API void libdiff_string_free(char *s);

/* ------------------------------------------------------------------------ */
/* Extraction: HTML -> article.                                              */

typedef struct libdiff_extract_options libdiff_extract_options;
typedef struct libdiff_article libdiff_article;

/* Creates extraction options with every default. Free with
 * libdiff_extract_options_free(). */
LIBDIFF_API int libdiff_extract_options_create(libdiff_extract_options **out);
LIBDIFF_API void libdiff_extract_options_free(libdiff_extract_options *options);
/* The page's URL: resolves relative links, is a metadata source, and is the
 * article's LIBDIFF_ARTICLE_URL. Must be UTF-8 without NUL. Default: "". */
LIBDIFF_API int libdiff_extract_options_set_url(libdiff_extract_options *options,
                                                const char *url, size_t len);
/* The HTTP Content-Type header; its charset wins over <meta>. Default: "". */
LIBDIFF_API int libdiff_extract_options_set_content_type(libdiff_extract_options *options,
                                                         const char *content_type,
                                                         size_t len);
/* Larger HTML fails with LIBDIFF_ERROR_RESOURCE_EXHAUSTED. 0 is invalid.
 * Default: 32 MiB. */
LIBDIFF_API int libdiff_extract_options_set_max_input_bytes(libdiff_extract_options *options,
                                                            size_t max_bytes);
/* Extraction stops adding blocks past this count (>= 1). Default: 10000. */
LIBDIFF_API int libdiff_extract_options_set_max_blocks(libdiff_extract_options *options,
                                                       size_t max_blocks);
/* Elements nested deeper are not descended into (1..100000). Default: 256. */
LIBDIFF_API int libdiff_extract_options_set_max_depth(libdiff_extract_options *options,
                                                      int max_depth);

/* Extracts the article from `html` (bytes, any charset). `options` may be NULL
 * for the defaults; it is only read during the call. Malformed HTML never
 * fails (it is recovered); a page without an article gives an empty body and
 * LIBDIFF_ARTICLE_EMPTY_REASON. Fails with LIBDIFF_ERROR_INVALID_ARGUMENT for
 * empty html, LIBDIFF_ERROR_RESOURCE_EXHAUSTED above max_input_bytes.
 * Free *out with libdiff_article_free(). */
LIBDIFF_API int libdiff_extract(libdiff_article **out, const libdiff_extract_options *options,
                                const char *html, size_t len);

LIBDIFF_API void libdiff_article_free(libdiff_article *article);

/* String fields of an article (pinned values). */
#define LIBDIFF_ARTICLE_URL 0
#define LIBDIFF_ARTICLE_CANONICAL_URL 1
#define LIBDIFF_ARTICLE_TITLE 2
#define LIBDIFF_ARTICLE_SITE_NAME 3
#define LIBDIFF_ARTICLE_PUBLISHED 4   /* ISO 8601 or "" */
#define LIBDIFF_ARTICLE_MODIFIED 5    /* ISO 8601 or "" */
#define LIBDIFF_ARTICLE_LANGUAGE 6    /* BCP 47 tag or "" */
#define LIBDIFF_ARTICLE_DESCRIPTION 7
#define LIBDIFF_ARTICLE_TYPE 8        /* JSON-LD @type, e.g. "NewsArticle" */
#define LIBDIFF_ARTICLE_EMPTY_REASON 9
#define LIBDIFF_ARTICLE_TEXT 10       /* the body: blocks joined by "\n\n" */
#define LIBDIFF_ARTICLE_BODY_SOURCE 11 /* "dom", "json-ld", "app-state"; "" if no body */

/* Reads a string field (LIBDIFF_ARTICLE_*) of `article` into *out (UTF-8,
 * NUL-terminated, owned by the article) and its length into *out_len, which
 * may be NULL. LIBDIFF_ERROR_INVALID_ARGUMENT for an unknown field. */
LIBDIFF_API int libdiff_article_string(const char **out, size_t *out_len,
                                       const libdiff_article *article, int field);

/* Number of authors / body blocks; 0 when `article` is NULL or not an article. */
LIBDIFF_API size_t libdiff_article_author_count(const libdiff_article *article);
LIBDIFF_API size_t libdiff_article_block_count(const libdiff_article *article);

/* The index-th author. LIBDIFF_ERROR_NOT_FOUND when index >= the count. */
LIBDIFF_API int libdiff_article_author(const char **out, size_t *out_len,
                                       const libdiff_article *article, size_t index);

/* Body block kinds (pinned values). */
#define LIBDIFF_BLOCK_PARAGRAPH 0
#define LIBDIFF_BLOCK_HEADING 1
#define LIBDIFF_BLOCK_LIST_ITEM 2
#define LIBDIFF_BLOCK_QUOTE 3
#define LIBDIFF_BLOCK_PREFORMATTED 4
#define LIBDIFF_BLOCK_TABLE_ROW 5

/* The index-th body block's text (no newlines) and kind (LIBDIFF_BLOCK_*);
 * out_len and out_kind may be NULL. LIBDIFF_ERROR_NOT_FOUND past the end. */
LIBDIFF_API int libdiff_article_block(const char **out, size_t *out_len, int *out_kind,
                                      const libdiff_article *article, size_t index);

/* The whole article as one line of JSON, the stable schema of
 * `libdiff extract --format json` (docs/extract.md): url, canonical_url,
 * title, site_name, authors[], published, modified, language, description,
 * type, text, blocks[{kind,text}], and body_source and empty_reason when set.
 * *out is the caller's: free with libdiff_string_free(). */
LIBDIFF_API int libdiff_article_to_json(char **out, size_t *out_len,
                                        const libdiff_article *article);

/* Reads an article back from that JSON (e.g. one saved earlier, to diff it
 * with libdiff_diff_articles). Unknown fields are ignored, missing ones left
 * empty. LIBDIFF_ERROR_INVALID_ARGUMENT when `json` is empty, not UTF-8, or
 * not a JSON object of that shape. Free *out with libdiff_article_free(). */
LIBDIFF_API int libdiff_article_from_json(libdiff_article **out, const char *json,
                                          size_t len);

/* ------------------------------------------------------------------------ */
/* Fingerprints: text -> 64-bit SimHash, exact hash, paragraph hashes.       */

typedef struct libdiff_fingerprint libdiff_fingerprint;

/* Fingerprints `text` (valid UTF-8; paragraphs separated by blank lines; empty
 * text is allowed and has no tokens). Free with libdiff_fingerprint_free(). */
LIBDIFF_API int libdiff_fingerprint_text(libdiff_fingerprint **out, const char *text,
                                         size_t len);

/* Fingerprints an extracted article's body (its blocks as paragraphs). */
LIBDIFF_API int libdiff_fingerprint_article(libdiff_fingerprint **out,
                                            const libdiff_article *article);

LIBDIFF_API void libdiff_fingerprint_free(libdiff_fingerprint *fingerprint);

/* The 64-bit SimHash. 0 when `fingerprint` is NULL or not a fingerprint. */
LIBDIFF_API uint64_t libdiff_fingerprint_simhash(const libdiff_fingerprint *fingerprint);

/* Integer fields of a fingerprint (pinned values). */
#define LIBDIFF_FINGERPRINT_TOKEN_COUNT 0
#define LIBDIFF_FINGERPRINT_SHINGLE_COUNT 1
#define LIBDIFF_FINGERPRINT_PARAGRAPH_COUNT 2
#define LIBDIFF_FINGERPRINT_ALGORITHM_VERSION 3
#define LIBDIFF_FINGERPRINT_SHINGLE_SIZE 4
#define LIBDIFF_FINGERPRINT_EXACT_HIGH 5  /* high 64 bits of the XXH3-128 */
#define LIBDIFF_FINGERPRINT_EXACT_LOW 6
#define LIBDIFF_FINGERPRINT_SKETCH_COUNT 7 /* values in the shingle sketch, 0..24 */

/* Reads an integer field (LIBDIFF_FINGERPRINT_*) into *out. */
LIBDIFF_API int libdiff_fingerprint_get(uint64_t *out, const libdiff_fingerprint *fingerprint,
                                        int field);

/* The index-th paragraph hash (XXH3-64 of the normalised paragraph).
 * LIBDIFF_ERROR_NOT_FOUND past the end. */
LIBDIFF_API int libdiff_fingerprint_paragraph_hash(uint64_t *out,
                                                   const libdiff_fingerprint *fingerprint,
                                                   size_t index);

/* The index-th value of the shingle sketch (bottom-24 MinHash of the shingle
 * set, ascending; docs/fingerprint.md). LIBDIFF_ERROR_NOT_FOUND past the end. */
LIBDIFF_API int libdiff_fingerprint_sketch_value(uint32_t *out,
                                                 const libdiff_fingerprint *fingerprint,
                                                 size_t index);

/* Compares two fingerprints: *out_distance is the SimHash Hamming distance
 * (0..64); *out_similarity (may be NULL) the estimated similarity in [0, 1]
 * (1 - distance/32, floored at 0); *out_identical (may be NULL) 1 when the
 * normalised texts are equal (same exact hash), else 0. Fails with
 * LIBDIFF_ERROR_INVALID_ARGUMENT when the two were made with different
 * parameters (algorithm version or shingle size): they are not comparable. */
LIBDIFF_API int libdiff_fingerprint_compare(int *out_distance, double *out_similarity,
                                            int *out_identical, const libdiff_fingerprint *a,
                                            const libdiff_fingerprint *b);

/* Hamming distance between two SimHash values (0..64). Pure; never fails. */
LIBDIFF_API int libdiff_simhash_distance(uint64_t a, uint64_t b);

/* ------------------------------------------------------------------------ */
/* The revision store.                                                       */

typedef struct libdiff_store_options libdiff_store_options;
typedef struct libdiff_store libdiff_store;
typedef struct libdiff_batch libdiff_batch;
typedef struct libdiff_verdict libdiff_verdict;
typedef struct libdiff_verdict_list libdiff_verdict_list;
typedef struct libdiff_history libdiff_history;
typedef struct libdiff_stats libdiff_stats;

/* Creates store options with every default. Free with
 * libdiff_store_options_free(). Setters return LIBDIFF_ERROR_INVALID_ARGUMENT
 * for out-of-range values and leave the option unchanged. */
LIBDIFF_API int libdiff_store_options_create(libdiff_store_options **out);
LIBDIFF_API void libdiff_store_options_free(libdiff_store_options *options);
/* Create the directory and an empty store when missing (0/1). Default: 1. */
LIBDIFF_API int libdiff_store_options_set_create_if_missing(libdiff_store_options *options,
                                                            int value);
/* Open without writing: ingest fails with LIBDIFF_ERROR_INVALID_ARGUMENT
 * (0/1). Default: 0. */
LIBDIFF_API int libdiff_store_options_set_read_only(libdiff_store_options *options, int value);
/* Initial LMDB map size in bytes (>= 1 MiB); the map grows by itself.
 * Default: 64 MiB. */
LIBDIFF_API int libdiff_store_options_set_initial_map_size(libdiff_store_options *options,
                                                           size_t bytes);
/* Upper bound of the map growth (>= initial). Default: 1 TiB. */
LIBDIFF_API int libdiff_store_options_set_max_map_size(libdiff_store_options *options,
                                                       size_t bytes);
/* A revision is stored whole every this many revisions (1..65536). Default: 32. */
LIBDIFF_API int libdiff_store_options_set_keyframe_interval(libdiff_store_options *options,
                                                            uint32_t interval);
/* zstd level of stored revisions (1..22). Default: 7. */
LIBDIFF_API int libdiff_store_options_set_compression_level(libdiff_store_options *options,
                                                            int level);
/* Also keep each revision's raw HTML, compressed (0/1). Default: 0. */
LIBDIFF_API int libdiff_store_options_set_keep_raw_html(libdiff_store_options *options,
                                                        int value);
/* Largest SimHash distance for a near duplicate (0..64; the store may refuse
 * more than its index supports when opening). Default: 3. */
LIBDIFF_API int libdiff_store_options_set_max_distance(libdiff_store_options *options,
                                                       int bits);
/* Extraction options for ingest/check; copied, so `extract` may be freed
 * afterwards. Its url is ignored (each page gives its own). Default: the
 * defaults of libdiff_extract_options_create(). */
LIBDIFF_API int libdiff_store_options_set_extract_options(
    libdiff_store_options *options, const libdiff_extract_options *extract);

/* Opens (or creates, see create_if_missing) the store in directory `path`
 * (UTF-8). `options` may be NULL for the defaults; it is only read during the
 * call. Fails with LIBDIFF_ERROR_NOT_FOUND when missing and !create_if_missing,
 * LIBDIFF_ERROR_CORRUPTION for a damaged or foreign store, and
 * LIBDIFF_ERROR_INVALID_ARGUMENT for a store of another schema or fingerprint
 * version. Release with libdiff_store_free(). */
LIBDIFF_API int libdiff_store_open(libdiff_store **out, const libdiff_store_options *options,
                                   const char *path, size_t len);

/* Closes the store: waits for calls in progress on the handle, then releases
 * the database files and lock. Every later call on the handle fails with
 * LIBDIFF_ERROR_INVALID_ARGUMENT ("store is closed"). Idempotent; NULL is a
 * no-op returning LIBDIFF_OK. The handle's memory stays valid until
 * libdiff_store_free(). */
LIBDIFF_API int libdiff_store_close(libdiff_store *store);

/* Closes the store if open and releases the handle. NULL: no-op.
 * REQUIRES: no other thread uses or will use `store`. */
LIBDIFF_API void libdiff_store_free(libdiff_store *store);

/* Files one page and returns its verdict: the new revision (if any), URL keys
 * and index entries commit atomically. `url` (UTF-8, http or https) and
 * `html` (non-empty bytes) are required. `fetched_at` is seconds since the
 * Unix epoch, 0 meaning now. Free *out with libdiff_verdict_free(). */
LIBDIFF_API int libdiff_store_ingest(libdiff_verdict **out, libdiff_store *store,
                                     const char *url, size_t url_len, const char *html,
                                     size_t html_len, int64_t fetched_at);

/* The verdict libdiff_store_ingest would return, without writing anything.
 * For a page that would be new (or a duplicate) the article is 0 and the
 * revision 1. Works on a read-only store. */
LIBDIFF_API int libdiff_store_check(libdiff_verdict **out, libdiff_store *store,
                                    const char *url, size_t url_len, const char *html,
                                    size_t html_len, int64_t fetched_at);

/* A batch of pages for libdiff_store_ingest_batch / libdiff_store_check_batch.
 * The pages are copied in; the batch may be reused or freed after the call. */
LIBDIFF_API int libdiff_batch_create(libdiff_batch **out);
LIBDIFF_API void libdiff_batch_free(libdiff_batch *batch);
/* Appends a page (same requirements as libdiff_store_ingest). */
LIBDIFF_API int libdiff_batch_add(libdiff_batch *batch, const char *url, size_t url_len,
                                  const char *html, size_t html_len, int64_t fetched_at);
/* Number of pages in the batch; 0 for NULL. */
LIBDIFF_API size_t libdiff_batch_count(const libdiff_batch *batch);
/* Removes every page, keeping the batch for reuse. */
LIBDIFF_API int libdiff_batch_clear(libdiff_batch *batch);

/* Ingests the batch in order in ONE write transaction: all or nothing (on
 * failure nothing is stored). Later pages see earlier ones. *out holds one
 * verdict per page, in order. An empty batch gives an empty list. */
LIBDIFF_API int libdiff_store_ingest_batch(libdiff_verdict_list **out, libdiff_store *store,
                                           const libdiff_batch *batch);

/* Checks each page of the batch against the store as it is (pages do not see
 * each other, since nothing is written). Fails as a whole on the first page
 * that fails; the message names its index. */
LIBDIFF_API int libdiff_store_check_batch(libdiff_verdict_list **out, libdiff_store *store,
                                          const libdiff_batch *batch);

LIBDIFF_API void libdiff_verdict_list_free(libdiff_verdict_list *list);
LIBDIFF_API size_t libdiff_verdict_list_count(const libdiff_verdict_list *list);
/* The index-th verdict, owned by the list (do not free it; valid until the
 * list is freed). LIBDIFF_ERROR_NOT_FOUND past the end. */
LIBDIFF_API int libdiff_verdict_list_get(const libdiff_verdict **out,
                                         const libdiff_verdict_list *list, size_t index);

LIBDIFF_API void libdiff_verdict_free(libdiff_verdict *verdict);

/* Verdict kinds (pinned values). */
#define LIBDIFF_VERDICT_NEW 1        /* no known identity, no near duplicate */
#define LIBDIFF_VERDICT_UNCHANGED 2  /* known article, same body and title */
#define LIBDIFF_VERDICT_UPDATED 3    /* known article, body or title changed */
#define LIBDIFF_VERDICT_DUPLICATE 4  /* near copy of another known article */
#define LIBDIFF_VERDICT_SKIPPED 5    /* no article body; nothing stored */

/* The kind (LIBDIFF_VERDICT_*), or LIBDIFF_ERROR_INVALID_ARGUMENT for a NULL
 * or foreign pointer. */
LIBDIFF_API int libdiff_verdict_kind(const libdiff_verdict *verdict);

/* "new", "unchanged", "updated", "duplicate", "skipped"; "unknown" otherwise.
 * Static storage. */
LIBDIFF_API const char *libdiff_verdict_kind_name(int kind);

/* String fields of a verdict (pinned values). */
#define LIBDIFF_VERDICT_URL 0             /* the page URL as given */
#define LIBDIFF_VERDICT_NORMALIZED_URL 1  /* its identity key */
#define LIBDIFF_VERDICT_TITLE 2
#define LIBDIFF_VERDICT_ALIAS_OF 3    /* the article's first URL when reached by an alias */
#define LIBDIFF_VERDICT_OF_URL 4      /* duplicate: the original's first URL */
#define LIBDIFF_VERDICT_REASON 5      /* skipped: why */
#define LIBDIFF_VERDICT_MODIFIED 6    /* updated: the page's own modified time */
#define LIBDIFF_VERDICT_SIGNIFICANCE 7 /* updated: the change's significance class */

/* Reads a string field (LIBDIFF_VERDICT_* above); "" when it does not apply. */
LIBDIFF_API int libdiff_verdict_string(const char **out, size_t *out_len,
                                       const libdiff_verdict *verdict, int field);

/* Integer fields of a verdict (pinned values); 0 when they do not apply. */
#define LIBDIFF_VERDICT_ARTICLE 0      /* the article id the page was filed under */
#define LIBDIFF_VERDICT_REVISION 1     /* the revision the page's text is */
#define LIBDIFF_VERDICT_REVERTED_TO 2  /* updated: the earlier revision that came back */
#define LIBDIFF_VERDICT_OF 3           /* duplicate: the original article id */
#define LIBDIFF_VERDICT_DISTANCE 4     /* duplicate: SimHash distance */
#define LIBDIFF_VERDICT_CROSS_SITE 5   /* duplicate: 1 when on another site */
#define LIBDIFF_VERDICT_PARAGRAPHS_ADDED 6    /* updated: change summary ... */
#define LIBDIFF_VERDICT_PARAGRAPHS_REMOVED 7
#define LIBDIFF_VERDICT_PARAGRAPHS_CHANGED 8
#define LIBDIFF_VERDICT_SENTENCES_ADDED 9     /* -1 when not computed */
#define LIBDIFF_VERDICT_SENTENCES_REMOVED 10
#define LIBDIFF_VERDICT_SENTENCES_CHANGED 11
#define LIBDIFF_VERDICT_TITLE_CHANGED 12      /* 0/1 */
#define LIBDIFF_VERDICT_CHANGE_DISTANCE 13    /* SimHash distance to the previous revision */
#define LIBDIFF_VERDICT_OF_REVISION 14        /* duplicate: the original's revision whose
                                               * text the page matched (its latest or a
                                               * kept earlier one) */

/* Reads an integer field (LIBDIFF_VERDICT_* above) into *out. */
LIBDIFF_API int libdiff_verdict_int(int64_t *out, const libdiff_verdict *verdict, int field);

/* duplicate: the verified similarity (shingle Jaccard) in [0, 1]; 0 otherwise. */
LIBDIFF_API int libdiff_verdict_similarity(double *out, const libdiff_verdict *verdict);

/* duplicate: the share of the smaller text's shingles found in the larger, in
 * [0, 1] (what the near-duplicate rule decides on); 0 otherwise. */
LIBDIFF_API int libdiff_verdict_containment(double *out, const libdiff_verdict *verdict);

/* The verdict as one line of JSON, the schema of the lines `libdiff ingest`
 * prints: url, verdict, article, revision, title, key (the identity key),
 * alias_of when set; duplicate: of (URL), of_article, of_revision, distance, similarity,
 * containment, cross_site; updated: changes{paragraphs_*, sentences_* when computed,
 * title_changed, simhash_distance, modified and significance when set},
 * reverted_to when set; skipped: reason. Free *out with libdiff_string_free(). */
LIBDIFF_API int libdiff_verdict_to_json(char **out, size_t *out_len,
                                        const libdiff_verdict *verdict);

/* The stored history of the article `url` belongs to (after normalisation).
 * LIBDIFF_ERROR_NOT_FOUND when unknown. Free with libdiff_history_free(). */
LIBDIFF_API int libdiff_store_history(libdiff_history **out, libdiff_store *store,
                                      const char *url, size_t url_len);

LIBDIFF_API void libdiff_history_free(libdiff_history *history);

/* Integer fields of a history (pinned values). */
#define LIBDIFF_HISTORY_ARTICLE 0
#define LIBDIFF_HISTORY_DUPLICATE_OF 1   /* the original when a duplicate, else 0 */
#define LIBDIFF_HISTORY_FIRST_SEEN 2     /* Unix seconds */
#define LIBDIFF_HISTORY_REVISION_COUNT 3
#define LIBDIFF_HISTORY_URL_COUNT 4

LIBDIFF_API int libdiff_history_int(int64_t *out, const libdiff_history *history, int field);
/* The article's first URL. */
LIBDIFF_API int libdiff_history_first_url(const char **out, size_t *out_len,
                                          const libdiff_history *history);
/* The index-th normalised URL key filed under the article. */
LIBDIFF_API int libdiff_history_url(const char **out, size_t *out_len,
                                    const libdiff_history *history, size_t index);

/* Integer fields of one revision of a history (pinned values). */
#define LIBDIFF_REVISION_NUMBER 0
#define LIBDIFF_REVISION_FETCHED_AT 1    /* Unix seconds */
#define LIBDIFF_REVISION_SAME_AS 2       /* a revert: the earlier equal revision, or 0 */
#define LIBDIFF_REVISION_KEYFRAME 3      /* 1 when stored whole */
#define LIBDIFF_REVISION_STORED_BYTES 4
#define LIBDIFF_REVISION_SIMHASH 5       /* the 64 bits, as int64_t */

/* Revisions are listed oldest first; `index` counts from 0 (it is not the
 * revision number: pruned revisions are absent). */
LIBDIFF_API int libdiff_history_revision_int(int64_t *out, const libdiff_history *history,
                                             size_t index, int field);
/* String fields of one revision (pinned values). */
#define LIBDIFF_REVISION_URL 0
#define LIBDIFF_REVISION_TITLE 1
LIBDIFF_API int libdiff_history_revision_string(const char **out, size_t *out_len,
                                                const libdiff_history *history, size_t index,
                                                int field);

/* The history as one line of JSON, the schema of `libdiff history`: url (as
 * asked for), article, first_url, urls[], duplicate_of when set, first_seen,
 * revisions[{revision, fetched_at, url, title, simhash (16 hex digits),
 * same_as when set, stored ("keyframe", "delta" or "reference"),
 * stored_bytes}]. Free *out with libdiff_string_free(). */
LIBDIFF_API int libdiff_history_to_json(char **out, size_t *out_len,
                                        const libdiff_history *history);

/* Reads revision `revision` (0 = latest) of the article `url` belongs to, as
 * it was ingested. LIBDIFF_ERROR_NOT_FOUND for an unknown URL or revision.
 * Free *out with libdiff_article_free(). */
LIBDIFF_API int libdiff_store_read_revision(libdiff_article **out, libdiff_store *store,
                                            const char *url, size_t url_len,
                                            uint32_t revision);

/* A snapshot of the store's statistics. Free with libdiff_stats_free(). */
LIBDIFF_API int libdiff_store_stats(libdiff_stats **out, libdiff_store *store);
LIBDIFF_API void libdiff_stats_free(libdiff_stats *stats);

/* Fields of a stats snapshot (pinned values). */
#define LIBDIFF_STATS_ARTICLES 0
#define LIBDIFF_STATS_REVISIONS 1
#define LIBDIFF_STATS_URLS 2
#define LIBDIFF_STATS_DUPLICATES 3
#define LIBDIFF_STATS_SNAPSHOT_BYTES 4   /* compressed article bytes */
#define LIBDIFF_STATS_RAW_HTML_BYTES 5
#define LIBDIFF_STATS_RECORD_BYTES 6     /* revision records with headers */
#define LIBDIFF_STATS_FILE_BYTES 7       /* size of data.mdb */
#define LIBDIFF_STATS_MAP_SIZE 8

LIBDIFF_API int libdiff_stats_get(uint64_t *out, const libdiff_stats *stats, int field);
/* record bytes / revisions (0 for an empty store). */
LIBDIFF_API int libdiff_stats_bytes_per_revision(double *out, const libdiff_stats *stats);
/* The stats as one line of JSON, the schema of `libdiff stats --json`: store
 * (its directory), articles, revisions, urls, duplicates, snapshot_bytes,
 * record_bytes, bytes_per_revision, raw_html_bytes, file_bytes, map_size.
 * Free *out with libdiff_string_free(). */
LIBDIFF_API int libdiff_stats_to_json(char **out, size_t *out_len, const libdiff_stats *stats);

/* ------------------------------------------------------------------------ */
/* Diffs between two versions of an article.                                 */

typedef struct libdiff_diff_options libdiff_diff_options;

/* Output formats (pinned values), as the CLI's `--format`. */
#define LIBDIFF_FORMAT_WORD 0     /* inline [-old-]{+new+} word changes */
#define LIBDIFF_FORMAT_UNIFIED 1  /* one sentence per line, unified diff */
#define LIBDIFF_FORMAT_JSON 2     /* the documented JSON schema of ops and summary */
#define LIBDIFF_FORMAT_HTML 3     /* a self-contained HTML page */
#define LIBDIFF_FORMAT_STAT 4     /* the summary only */

LIBDIFF_API int libdiff_diff_options_create(libdiff_diff_options **out);
LIBDIFF_API void libdiff_diff_options_free(libdiff_diff_options *options);
/* LIBDIFF_FORMAT_*. Default: LIBDIFF_FORMAT_WORD. */
LIBDIFF_API int libdiff_diff_options_set_format(libdiff_diff_options *options, int format);
/* ANSI colours in the word format (0/1). Default: 0. */
LIBDIFF_API int libdiff_diff_options_set_color(libdiff_diff_options *options, int value);
/* Context around changes (-1..1000): unchanged sentences around each hunk in
 * the unified format; in the word format, unchanged paragraphs around each
 * changed one ("..." between), -1 printing the whole text. Default: 3. */
LIBDIFF_API int libdiff_diff_options_set_context(libdiff_diff_options *options, int lines);

/* Diffs two articles and renders the diff. `options` may be NULL (word
 * format). *out_changed (may be NULL) is 1 when title or body differ, else 0.
 * *out is the caller's: free with libdiff_string_free(). */
LIBDIFF_API int libdiff_diff_articles(char **out, size_t *out_len, int *out_changed,
                                      const libdiff_diff_options *options,
                                      const libdiff_article *old_article,
                                      const libdiff_article *new_article);

/* Diffs two plain texts (UTF-8; paragraphs separated by blank lines). */
LIBDIFF_API int libdiff_diff_texts(char **out, size_t *out_len, int *out_changed,
                                   const libdiff_diff_options *options, const char *old_text,
                                   size_t old_len, const char *new_text, size_t new_len);

/* Diffs two stored revisions (0 = latest) of the article `url` belongs to.
 * LIBDIFF_ERROR_NOT_FOUND for an unknown URL or revision. */
LIBDIFF_API int libdiff_store_diff(char **out, size_t *out_len, int *out_changed,
                                   libdiff_store *store, const libdiff_diff_options *options,
                                   const char *url, size_t url_len, uint32_t old_revision,
                                   uint32_t new_revision);

/* ------------------------------------------------------------------------ */
/* WARC input: the HTML records of a crawl archive (.warc, .warc.gz; WARC/1.0
 * and 1.1; gzip per record or over the whole file), read one record at a time
 * in bounded memory (libdiff/warc.h has the rules: which records are HTML,
 * how payloads are decoded, what is skipped and counted).
 *
 *   libdiff_warc *w; int more;
 *   libdiff_warc_open(&w, "crawl.warc.gz", 22, 0);
 *   while (libdiff_warc_next(&more, w) == LIBDIFF_OK && more) {
 *     const char *url; size_t n;
 *     libdiff_warc_record_string(&url, &n, w, LIBDIFF_WARC_URL);
 *   }
 *   libdiff_warc_free(w);
 *
 * A libdiff_warc is not synchronised: use it from one thread at a time. */
typedef struct libdiff_warc libdiff_warc;

/* Opens the WARC file at `path`. `max_record_bytes` bounds the memory per
 * record (a larger record is skipped and counted); 0 means the default,
 * 64 MiB. LIBDIFF_ERROR_NOT_FOUND / LIBDIFF_ERROR_IO when it cannot be
 * opened. Free *out with libdiff_warc_free(). */
LIBDIFF_API int libdiff_warc_open(libdiff_warc **out, const char *path, size_t path_len,
                                  uint64_t max_record_bytes);
LIBDIFF_API void libdiff_warc_free(libdiff_warc *warc);

/* Moves to the next HTML response or resource record, or revisit record:
 * *out_has_record is 1, or 0 at the end of the file. On damage (a record cut
 * short, a bad gzip member, a missing Content-Length) fails with
 * LIBDIFF_ERROR_CORRUPTION, the message naming the file and the record's
 * offset; every record before it was good, and later calls fail the same way. */
LIBDIFF_API int libdiff_warc_next(int *out_has_record, libdiff_warc *warc);

/* String fields of the current record (libdiff_warc_record_string). */
#define LIBDIFF_WARC_URL 0            /* WARC-Target-URI, without angle brackets */
#define LIBDIFF_WARC_DATE 1           /* WARC-Date as written */
#define LIBDIFF_WARC_CONTENT_TYPE 2   /* HTTP Content-Type, with its charset */
#define LIBDIFF_WARC_BODY 3           /* the decoded payload (bytes); "" for revisits */
#define LIBDIFF_WARC_TYPE 4           /* "response", "resource" or "revisit" */
#define LIBDIFF_WARC_REFERS_TO_URL 5  /* revisits: the URI of the record revisited */
#define LIBDIFF_WARC_REFERS_TO_DATE 6 /* revisits: its date */

/* A string field of the current record. The bytes are owned by the reader and
 * valid until the next libdiff_warc_next or libdiff_warc_free; NUL-terminated
 * (the body may also contain NULs: use *out_len). LIBDIFF_ERROR_NOT_FOUND when
 * there is no current record. */
LIBDIFF_API int libdiff_warc_record_string(const char **out, size_t *out_len,
                                           const libdiff_warc *warc, int field);

/* Integer fields of the current record (libdiff_warc_record_int). */
#define LIBDIFF_WARC_OFFSET 0       /* where the record starts in the file (libdiff/warc.h) */
#define LIBDIFF_WARC_FETCHED_AT 1   /* WARC-Date in Unix seconds; 0 when absent */
#define LIBDIFF_WARC_HTTP_STATUS 2  /* 0 for resource records */
#define LIBDIFF_WARC_IS_REVISIT 3   /* 1 for a revisit record */
LIBDIFF_API int libdiff_warc_record_int(int64_t *out, const libdiff_warc *warc, int field);

/* Counters of what the reader has seen (libdiff_warc_stat). */
#define LIBDIFF_WARC_STAT_RECORDS 0     /* WARC records of every type */
#define LIBDIFF_WARC_STAT_HTML 1        /* HTML records returned */
#define LIBDIFF_WARC_STAT_REVISITS 2    /* revisit records returned (or passed over) */
#define LIBDIFF_WARC_STAT_NOT_HTML 3    /* skipped: images, robots.txt, ... */
#define LIBDIFF_WARC_STAT_NOT_OK 4      /* skipped: HTTP status not 2xx */
#define LIBDIFF_WARC_STAT_OTHER_TYPES 5 /* skipped: request, metadata, warcinfo, ... */
#define LIBDIFF_WARC_STAT_TOO_LARGE 6   /* skipped: over max_record_bytes */
#define LIBDIFF_WARC_STAT_UNDECODABLE 7 /* skipped: bad HTTP head, chunking or encoding */
#define LIBDIFF_WARC_STAT_BYTES_IN 8    /* bytes read from the file */
LIBDIFF_API int libdiff_warc_stat(uint64_t *out, const libdiff_warc *warc, int field);

/* Reads up to `max_pages` (>= 1) further HTML records of `warc` and ingests
 * them in ONE write transaction, as libdiff_store_ingest_batch does (with each
 * record's URL, fetch time and Content-Type). Revisit records are passed over
 * (counted in LIBDIFF_WARC_STAT_REVISITS). *out holds one verdict per page, in
 * archive order; libdiff_warc_batch_offset gives each page's record offset.
 * An empty list means the end of the file. When damage is met after some
 * pages were read, those pages are ingested and returned; the next call
 * fails with LIBDIFF_ERROR_CORRUPTION. */
LIBDIFF_API int libdiff_store_ingest_warc(libdiff_verdict_list **out, libdiff_store *store,
                                          libdiff_warc *warc, size_t max_pages);

/* The record offset of the index-th page of the last libdiff_store_ingest_warc
 * call. LIBDIFF_ERROR_NOT_FOUND past its end. */
LIBDIFF_API int libdiff_warc_batch_offset(uint64_t *out, const libdiff_warc *warc, size_t index);

/* ------------------------------------------------------------------------ */
/* Page lists: files of `url<TAB>path[<TAB>fetched_at]` lines, the way a
 * crawl's pages reach `libdiff extract|ingest|check|dedupe --list`, read by the
 * same reader (libdiff/page_list.h has the rules: '#' and blank lines skipped,
 * paths relative to the list's directory, fetched_at as Unix seconds or ISO
 * 8601 UTC, the URL valid UTF-8, at most 1 GiB and 1 MiB a line).
 *
 *   libdiff_page_list *pages;
 *   if (libdiff_page_list_read(&pages, "pages.tsv", 9) != LIBDIFF_OK) {
 *     fprintf(stderr, "%s\n", libdiff_last_error());  (names LIST:LINE)
 *   }
 *   for (size_t i = 0; i < libdiff_page_list_count(pages); ++i) {
 *     libdiff_page_list_entry page;
 *     libdiff_page_list_get(&page, pages, i);
 *     printf("%.*s\n", (int)page.url_len, page.url);
 *   }
 *   libdiff_page_list_free(pages);
 *
 * A libdiff_page_list is immutable once read: it may be shared between
 * threads. */
typedef struct libdiff_page_list libdiff_page_list;

/* Reads the page list at `path` (bytes as the filesystem has them, no NUL;
 * "-" reads standard input). LIBDIFF_ERROR_NOT_FOUND / LIBDIFF_ERROR_IO when
 * it cannot be read; LIBDIFF_ERROR_INVALID_ARGUMENT for a malformed line,
 * LIBDIFF_ERROR_RESOURCE_EXHAUSTED for a list or line over the limits, the
 * message naming "LIST:LINE" as the CLI prints it. Free *out with
 * libdiff_page_list_free(). */
LIBDIFF_API int libdiff_page_list_read(libdiff_page_list **out, const char *path,
                                       size_t path_len);
LIBDIFF_API void libdiff_page_list_free(libdiff_page_list *list);

/* The number of pages (0 for NULL). */
LIBDIFF_API size_t libdiff_page_list_count(const libdiff_page_list *list);

/* String fields of a page (libdiff_page_list_string). */
#define LIBDIFF_PAGE_LIST_URL 0    /* as written; valid UTF-8 */
#define LIBDIFF_PAGE_LIST_PATH 1   /* resolved against the list's directory */
#define LIBDIFF_PAGE_LIST_ORIGIN 2 /* "LIST:LINE" */

/* A string field of page `index` (0-based). The bytes are owned by `list`,
 * NUL-terminated and valid until libdiff_page_list_free. LIBDIFF_ERROR_NOT_FOUND
 * past the end. */
LIBDIFF_API int libdiff_page_list_string(const char **out, size_t *out_len,
                                         const libdiff_page_list *list, size_t index,
                                         int field);

/* The fetched_at of page `index`, Unix seconds; 0 when its line has none. */
LIBDIFF_API int libdiff_page_list_fetched_at(int64_t *out, const libdiff_page_list *list,
                                             size_t index);

/* All fields of one page (libdiff_page_list_get). The strings are owned by
 * the list, NUL-terminated (no NUL inside) and valid until
 * libdiff_page_list_free; each *_len counts its bytes without the NUL. The
 * layout is part of the ABI: fields are never reordered, resized or added
 * within an ABI major. */
typedef struct libdiff_page_list_entry {
  const char *url; /* LIBDIFF_PAGE_LIST_URL: as written; valid UTF-8 */
  size_t url_len;
  const char *path; /* LIBDIFF_PAGE_LIST_PATH: resolved against the list's directory */
  size_t path_len;
  const char *origin; /* LIBDIFF_PAGE_LIST_ORIGIN: "LIST:LINE" */
  size_t origin_len;
  int64_t fetched_at; /* Unix seconds when has_fetched_at, else 0 */
  int has_fetched_at; /* 1: the line has a non-empty fetched_at column (which
                         may be 0: "0" or "1970-01-01"); 0: it has none */
} libdiff_page_list_entry;

/* Fills *out with every field of page `index` (0-based) in one call: what
 * libdiff_page_list_string (three fields) and libdiff_page_list_fetched_at
 * give, for a binding that crosses the boundary once a page. The caller owns
 * *out; the strings it points to are the list's. LIBDIFF_ERROR_NOT_FOUND past
 * the end, LIBDIFF_ERROR_INVALID_ARGUMENT for a NULL out or list; on failure
 * *out is zeroed (NULL pointers, 0 lengths and times). */
LIBDIFF_API int libdiff_page_list_get(libdiff_page_list_entry *out,
                                      const libdiff_page_list *list, size_t index);

/* Checks that no page of the n_lists lists is listed twice, paths compared
 * lexically normalised ("./a.html" is "a.html"; the filesystem is not
 * consulted), as `libdiff dedupe --list` does. LIBDIFF_ERROR_INVALID_ARGUMENT
 * "LIST:LINE: PATH listed twice (also at LIST:LINE)" otherwise. */
LIBDIFF_API int libdiff_page_list_check_unique(const libdiff_page_list *const *lists,
                                               size_t n_lists);

/* ------------------------------------------------------------------------ */
#ifdef LIBDIFF_EXPERIMENTAL
/* Not stable yet: may change or go in any release, without an ABI bump.
 * Define LIBDIFF_EXPERIMENTAL before including this header to use them. */

/* Removes revisions fetched before `older_than` (Unix seconds, 0 disables)
 * and/or beyond the `keep_revisions` latest per article (0 disables); the
 * latest revision always stays. *out_removed (may be NULL) counts them. */
LIBDIFF_API int libdiff_store_prune(uint64_t *out_removed, libdiff_store *store,
                                    int64_t older_than, uint32_t keep_revisions);

/* Rewrites the store file without free pages. *out_bytes_after may be NULL.
 * REQUIRES: no other process has the store open. */
LIBDIFF_API int libdiff_store_compact(uint64_t *out_bytes_after, libdiff_store *store);

/* The identity key of a URL, e.g. "example.com/a/b?id=2". Free *out with
 * libdiff_string_free(). */
LIBDIFF_API int libdiff_normalize_url(char **out, size_t *out_len, const char *url,
                                      size_t len);
/* --- Scale-out dedupe (bindings/python/libdiff/dask_dedupe.py) ---------- *
 * The two per-document steps of `libdiff dedupe`, so a distributed pipeline
 * makes the same decisions as DedupeDirectory (libdiff/dedupe.h). */

/* Reads, extracts and fingerprints the file `path` exactly as `libdiff dedupe`
 * does (same size limits, gzip, sniffing, .txt as text) and returns its
 * record as one JSON object in *out (free with libdiff_string_free()):
 *   {"kind":"doc","disk_bytes":N,"simhash":U64,"exact":[U64,U64],
 *    "published":UNIX_SECONDS|null,"body_bytes":N,"tokens":N,"shingles":N,
 *    "sketch":[U32,...]}   (the shingle sketch: ascending, at most 24 values)
 * or {"kind":"skip","reason":"unreadable"|"not html"|"too large"|"no article",
 *     "detail":TEXT,"disk_bytes":N}.
 * Per-file problems are records, not errors; errors are bad arguments only. */
LIBDIFF_API int libdiff_dedupe_record(char **out, size_t *out_len, const char *path,
                                      size_t path_len, uint64_t max_file_bytes,
                                      uint64_t max_decompressed_bytes);

/* The records of the HTML records of the WARC file `path`, as `libdiff dedupe`
 * makes them for its members (libdiff/warc.h), as one JSON object in *out
 * (free with libdiff_string_free()):
 *   {"records":[R,...],"disk_bytes":N,"not_html":N,"too_large":N[,"error":TEXT]}
 * where each R is a libdiff_dedupe_record object plus "offset" and "url", or
 * {"kind":"revisit","detail":TEXT,"offset":N,"url":URL}. "error" is set when
 * the file could not be opened or is damaged (the records before the damage
 * are listed). Errors are bad arguments only. */
LIBDIFF_API int libdiff_dedupe_warc_records(char **out, size_t *out_len, const char *path,
                                            size_t path_len, uint64_t max_file_bytes,
                                            uint64_t max_decompressed_bytes);

/* The dedupe verification rule (the store's rule) on two records' fields.
 * Sketches are the records' "sketch" arrays (ascending, at most 24 values).
 * Any output may be NULL. */
LIBDIFF_API int libdiff_dedupe_verify(int *out_duplicate, int *out_distance,
                                      double *out_similarity, int *out_exact,
                                      uint64_t simhash_a, uint64_t simhash_b, int exact_equal,
                                      uint64_t tokens_a, uint64_t tokens_b, uint64_t shingles_a,
                                      uint64_t shingles_b, const uint32_t *sketch_a,
                                      size_t count_a, const uint32_t *sketch_b,
                                      size_t count_b, int max_distance);

/* libdiff_dedupe_verify over n_pairs pairs of one batch of n_docs records held
 * as columns (index d: simhash[d], the "exact" pair exact_high[d] and
 * exact_low[d], tokens[d], shingles[d], and the sketch: the first
 * sketch_counts[d] values of row d of `sketches`, n_docs rows of
 * sketch_stride values). Pair i is documents pair_a[i] and pair_b[i]; its
 * results go to element i of each output array (n_pairs elements; any output
 * may be NULL). One call for a whole candidate group: a binding crosses the
 * boundary once (ctypes releases the GIL for the call). Every input is checked
 * before any output is written; an index outside 0..n_docs-1 or a sketch count
 * above sketch_stride or 24 is an invalid argument. The caller owns all
 * arrays; the call keeps none. */
LIBDIFF_API int libdiff_dedupe_verify_batch(uint8_t *out_duplicate, int *out_distance,
                                            double *out_similarity, uint8_t *out_exact,
                                            const uint32_t *pair_a, const uint32_t *pair_b,
                                            size_t n_pairs, const uint64_t *simhash,
                                            const uint64_t *exact_high,
                                            const uint64_t *exact_low, const uint32_t *tokens,
                                            const uint32_t *shingles, const uint32_t *sketches,
                                            size_t sketch_stride, const uint8_t *sketch_counts,
                                            size_t n_docs, int max_distance);

/* The fields of one file's dedupe record (libdiff_dedupe_record's "doc"
 * object), as libdiff_dedupe_records writes them: 152 bytes, no padding. */
#define LIBDIFF_DEDUPE_SKETCH_SIZE 24
typedef struct libdiff_dedupe_doc {
  uint64_t simhash;
  uint64_t exact_high; /* "exact"[0] */
  uint64_t exact_low;  /* "exact"[1] */
  int64_t published;   /* Unix seconds when has_published, else 0 */
  uint64_t disk_bytes; /* also set for a skipped file */
  uint32_t body_bytes;
  uint32_t tokens;
  uint32_t shingles;
  uint8_t is_document;   /* 0: skipped (listed in *out_skips), other fields 0 */
  uint8_t has_published; /* 0: "published" is null */
  uint8_t sketch_count;  /* the first sketch_count values of sketch, ascending */
  uint8_t reserved;
  uint32_t sketch[LIBDIFF_DEDUPE_SKETCH_SIZE];
} libdiff_dedupe_doc;

/* libdiff_dedupe_record over n_files files in one call, one after another on
 * the calling thread (a binding crosses the boundary once per batch; ctypes
 * releases the GIL for the whole call). File i is paths[i] (path_lens[i]
 * bytes, UTF-8, no NUL); its record goes to out_docs[i] (n_files structs,
 * owned by the caller). The skipped files are listed in *out_skips (free with
 * libdiff_string_free()) as a JSON array of [i, reason, detail] in file
 * order, with libdiff_dedupe_record's reasons and details; "[]" when every
 * file is a document. Per-file problems (a missing file, not HTML) are skips,
 * not errors; errors are bad arguments only (NULL arrays with n_files > 0, a
 * path that is empty, not UTF-8 or holds a NUL), checked before any file is
 * read. n_files == 0 is allowed and gives "[]". */
LIBDIFF_API int libdiff_dedupe_records(libdiff_dedupe_doc *out_docs, char **out_skips,
                                       size_t *out_skips_len, const char *const *paths,
                                       const size_t *path_lens, size_t n_files,
                                       uint64_t max_file_bytes,
                                       uint64_t max_decompressed_bytes);

/* libdiff_dedupe_records over the pages of a page list (`libdiff dedupe
 * --list`): page i is the file paths[i], extracted with the URL it was
 * fetched from, urls[i] (url_lens[i] bytes, UTF-8, no NUL; empty: no URL),
 * as DedupeInputs extracts a listed page (libdiff/dedupe.h DedupePage): the
 * URL resolves relative links and may date the page. urls and url_lens
 * both NULL is libdiff_dedupe_records; one NULL without the other, or a URL
 * that is not UTF-8, is an invalid argument. Otherwise as
 * libdiff_dedupe_records. */
LIBDIFF_API int libdiff_dedupe_page_records(libdiff_dedupe_doc *out_docs, char **out_skips,
                                            size_t *out_skips_len, const char *const *paths,
                                            const size_t *path_lens, const char *const *urls,
                                            const size_t *url_lens, size_t n_files,
                                            uint64_t max_file_bytes,
                                            uint64_t max_decompressed_bytes);
#endif /* LIBDIFF_EXPERIMENTAL */

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* LIBDIFF_LIBDIFF_H_ */
