// Copyright 2026 The libdiff Authors.
//
// Corpus deduplication: point it at a directory of crawled pages and learn
// which are the same story, which copy is the original, and which to drop.
//
//   libdiff::DedupeOptions options;
//   options.threads = 4;
//   libdiff::Result<libdiff::DedupeResult> r = libdiff::DedupeDirectory("/data/crawl", options);
//   if (!r.ok()) return Fail(r.status());
//   for (const libdiff::DedupeCluster& c : r->clusters) {
//     std::cout << c.representative << "\n";
//     for (const libdiff::DedupeMember& m : c.members) std::cout << "  " << m.path << "\n";
//   }
//
// What it does:
//   - Walks the directory recursively (symbolic links followed, loops detected).
//     `.html`/`.htm`/`.xhtml` are HTML; `.gz` files are decompressed (up to
//     max_decompressed_bytes) and judged by their inner name; `.txt` is text
//     already extracted (paragraphs separated by blank lines); other files are
//     sniffed and kept when they look like HTML. Unreadable files, symlink
//     loops, non-HTML files, oversized files and pages without an article are
//     counted in DedupeResult and listed in `skipped`, never fatal.
//   - `.warc` and `.warc.gz` files (libdiff/warc.h) stand for their HTML
//     records, each a document named "<path>#<offset>" and carrying its URL;
//     `dir` may also be one WARC file, and DedupeInputs takes several
//     directories, WARC files and pages at once. Revisit records are listed in `skipped`
//     ("revisit"); non-HTML records count as not_html; damage in a WARC skips
//     the rest of it ("unreadable"), its earlier records are kept.
//   - Pages of a page list (DedupePage: a file and the URL it was fetched
//     from, the `url<TAB>path` lines of `libdiff dedupe --list`) are
//     documents named by their path, extracted with their URL and, with a
//     store, filed under it, as `libdiff ingest --list` files them.
//   - `threads` workers extract and fingerprint documents, fed by a bounded
//     queue: memory does not grow with file sizes; each document keeps a small
//     record (hashes, counts, date, its shingle sketch) and its path,
//     front-coded against the path before it.
//   - Exact duplicates (same normalised text) are grouped directly; near
//     duplicates are SimHash candidates within `max_distance` bits, or pages
//     sharing one of their smallest shingle hashes, confirmed by the same
//     verification as the store (src/index/near_duplicate_index.h: minimum
//     length, shingle containment estimated from the sketches). Clusters are
//     the connected components (union-find) of confirmed pairs.
//   - The result is identical for any thread count and any file order.
//   - Each cluster's representative is the earliest published document; among
//     equal or missing dates the longest body; then the first path in byte order.
//   - Clusters can be streamed (DedupeOptions::on_cluster) instead of kept in
//     the result; then memory is the per-document state (docs/dedupe.md).
//
// Thread safety: DedupeDirectory and DedupeInputs may be called from several
// threads at once (each call has its own state). The progress and on_cluster callbacks are
// invoked on the calling thread only.
#ifndef LIBDIFF_DEDUPE_H_
#define LIBDIFF_DEDUPE_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "libdiff/status.h"

namespace libdiff {

class Store;
struct DedupeCluster;

struct DedupeProgress {
  uint64_t files_found = 0;      // files the walk has queued so far
  uint64_t files_done = 0;       // files read and processed (or skipped)
  uint64_t bytes_done = 0;       // bytes read from disk
  bool walk_finished = false;    // files_found is final
  double elapsed_seconds = 0;
};

struct DedupeOptions {
  // Worker threads for reading, extraction and fingerprinting; 0 means one per
  // hardware thread. Default: 0.
  int threads = 0;
  // SimHash Hamming distance for near-duplicate candidates, 0..7. Default: 3.
  int max_distance = 3;
  // Files larger than this are skipped ("too large"). Default: 32 MiB.
  size_t max_file_bytes = size_t{32} << 20;
  // A .gz file whose content exceeds this is skipped ("too large"). Default: 64 MiB.
  size_t max_decompressed_bytes = size_t{64} << 20;
  // Queue slots per worker between the directory walk and the workers.
  // Default: 4.
  int queue_slots_per_thread = 4;
  // When set, each document is also ingested into this store in path order
  // (Store::IngestBatch, batches of `store_batch` pages), so later crawls can
  // be checked against the corpus. Clusters are those of the run without a
  // store, joined where the store's verdicts link pages (the same article
  // identity, e.g. a shared canonical URL; a duplicate of a page of this
  // run); running again over the same store gives the same clusters. Pages
  // get their canonical URL as identity when it is http(s), else
  // "https://dedupe.invalid/<path>". Each page is extracted once: the
  // workers' articles are filed by one ingesting thread as they come, in
  // path order. A page the store refuses (verdict "skipped") is still
  // clustered and is listed as "store error". Not owned; must outlive the
  // call. Default: nullptr.
  Store* store = nullptr;
  // Pages per IngestBatch transaction with `store`. Default: 256.
  size_t store_batch = 256;
  // Called about every `progress_interval_ms` on the calling thread, and once
  // at the end. Default: empty (no progress).
  std::function<void(const DedupeProgress&)> progress;
  // Default: 200.
  int progress_interval_ms = 200;
  // When set, each cluster is passed here as soon as it is formed, in the
  // order DedupeResult::clusters would list them, and not kept in the result
  // (DedupeResult::clusters stays empty; cluster_count counts them). This is
  // how a corpus of millions of pages is deduplicated in bounded memory. Runs
  // on the calling thread after every file has been read. Default: empty.
  std::function<void(const DedupeCluster&)> on_cluster;
};

// One document of a cluster, compared with the representative.
struct DedupeMember {
  // Relative to the directory, '/'-separated; a WARC member is
  // "<the WARC's path>#<record offset>" (see libdiff/warc.h).
  std::string path;
  // A WARC member's WARC-Target-URI, a listed page's URL; "" for files.
  std::string url;
  int distance = 0;         // SimHash Hamming distance to the representative
  // Shingle Jaccard similarity to the representative, estimated from the two
  // sketches (0..1).
  double similarity = 0;
  bool exact = false;       // same normalised text as the representative
  std::string published;    // ISO 8601 as the page gives it, or ""
  uint64_t body_bytes = 0;  // extracted body text, bytes
};

struct DedupeCluster {
  DedupeMember representative;   // distance 0, similarity 1
  std::vector<DedupeMember> members;  // the other documents, sorted by path
};

struct DedupeSkipped {
  std::string path;
  // "unreadable", "symlink loop", "not html", "too large", "no article",
  // "store error", "revisit" (a WARC revisit record: no payload).
  std::string reason;
  std::string detail;  // the error message or the extractor's empty_reason
};

struct DedupeResult {
  uint64_t files = 0;  // regular files (and WARC members, listed pages) found by the walk
  uint64_t documents = 0;        // files that yielded an article body
  uint64_t bytes = 0;            // bytes read from disk (compressed size for .gz)
  uint64_t unreadable = 0;
  uint64_t symlink_loops = 0;
  uint64_t not_html = 0;
  uint64_t too_large = 0;
  uint64_t no_article = 0;
  uint64_t store_errors = 0;
  // Clusters of two or more documents, sorted by representative path (empty
  // when DedupeOptions::on_cluster received them).
  std::vector<DedupeCluster> clusters;
  uint64_t cluster_count = 0;  // clusters formed, kept or streamed
  // Documents in clusters that are not their representative.
  uint64_t duplicates = 0;
  // Of those, documents whose normalised text equals that of another document
  // of their cluster counted before them.
  uint64_t exact_duplicates = 0;
  std::vector<DedupeSkipped> skipped;  // sorted by path
  double seconds = 0;             // wall time of the whole call
};

// One page of a page list: a file and the URL it was fetched from.
struct DedupePage {
  // The URL the page was fetched from (required): the extractor resolves
  // relative links and reads dates and site names from it, and a store files
  // the page under it (it wins over the page's canonical URL, as in
  // `libdiff ingest --list`). DedupeMember::url reports it.
  std::string url;
  // The file (HTML, .gz or .txt, read as a page file given in `inputs` is;
  // never a WARC). Also the document's name, as given: DedupeMember::path.
  std::string path;
  // When fetched, Unix seconds; 0 means unknown ("now" for the store).
  // Default: 0.
  int64_t fetched_at = 0;
};

// Deduplicates the documents under `dir` (a directory, or one WARC file).
// Fails only when `dir` itself cannot be read (kNotFound / kIOError) or an
// option is out of range (kInvalidArgument); per-file problems are counted in
// the result. Same as DedupeInputs({dir}, options).
Result<DedupeResult> DedupeDirectory(const std::string& dir, const DedupeOptions& options = {});

// Deduplicates the documents of several inputs together: directories (walked
// as above, WARC files in them included), .warc/.warc.gz files and single
// page files. With one directory, paths are relative to it; otherwise every
// path starts with its input as given (trailing '/' removed): "crawl/a.html",
// "x.warc.gz#1234", "page.html". Documents are numbered, and ties broken, in
// byte order of those paths over all inputs, so the result does not depend
// on the order of `inputs`. Fails with kNotFound when an input does not
// exist, kInvalidArgument when `inputs` is empty, an input is neither a
// directory nor a regular file, or one input is given twice or lies inside a
// directory also given.
Result<DedupeResult> DedupeInputs(const std::vector<std::string>& inputs,
                                  const DedupeOptions& options = {});

// DedupeInputs over `inputs` (which may be empty) and the pages of page
// lists together. A page is a document named by its path as given; with a
// page, every input names its documents as with several inputs. Pages are
// numbered with everything else in byte order of the names (not in list
// order), so the result depends neither on the order of `pages` nor on the
// thread count. A page whose file cannot be read is skipped ("unreadable"),
// not fatal. Fails with kInvalidArgument as DedupeInputs does, and when a
// page has no URL, a path is listed twice or a page lies inside a directory
// of `inputs` (paths compared as given, not resolved).
Result<DedupeResult> DedupeInputs(const std::vector<std::string>& inputs,
                                  const std::vector<DedupePage>& pages,
                                  const DedupeOptions& options = {});

}  // namespace libdiff

#endif  // LIBDIFF_DEDUPE_H_
