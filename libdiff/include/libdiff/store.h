// Copyright 2026 The libdiff Authors.
//
// The revision store: a crawler hands over (url, html) and learns what the page
// is — a new article, an unchanged or updated version of a known one, or a
// near duplicate of another article — while every version of every article is
// kept compactly (LMDB + zstd deltas). docs/store.md documents the on-disk schema.
//
//   libdiff::StoreOptions options;
//   auto store = libdiff::Store::Open(options, "/var/lib/crawler/.libdiff");
//   if (!store.ok()) return Fail(store.status());
//   libdiff::Page page;
//   page.url = "https://example.com/news/storm?utm_source=rss";
//   page.html = fetched_html;
//   libdiff::Result<libdiff::Verdict> v = (*store)->Ingest(page);
//   if (v.ok() && v->kind == libdiff::VerdictKind::kUpdated)
//     Notify(v->url, v->revision, v->changes);
//
// Verdicts (see Verdict for the fields each one fills):
//   new        no known identity and no verified near duplicate.
//   unchanged  known article, same normalised body and title as its latest
//              revision, however much the page around them changed.
//   updated    known article whose body or title changed (a one-number change is
//              an update). When the text returns to an earlier revision the
//              verdict names it (`reverted_to`) and the text is stored once.
//   duplicate  a different identity whose body is a near copy of a known article:
//              it shares a candidate key (a smallest shingle hash) with it and
//              passes the near-duplicate rule against the original itself
//              (libdiff/near_duplicate.h: at least half of the smaller text's
//              shingles in the larger), so a copy in another site's template
//              matches and shared templates and short texts do not.
//   skipped    the page has no article body (consent wall, error page, ...);
//              nothing is stored.
//
// Identity rules:
//   1. The page URL is normalised (NormalizeUrl): scheme and host case, http ->
//      https, default ports, "www."/"m."/"amp." host prefixes, fragments,
//      tracking parameters (utm_*, fbclid, gclid, ...), AMP variants (/amp,
//      ?amp=1, .amp.html, AMP caches). Pages with equal keys are one article.
//   2. The page's canonical URL (from its metadata) joins the same article when
//      it is on the same site as the page (same registrable domain).
//   3. A same-site page under a new URL whose body is a verified near duplicate
//      of a same-site article is that article when the two URLs share their
//      path up to the last segment (a slug changed with the headline) or share
//      an article number of 5+ digits. Its URL becomes an alias (reported in
//      `alias_of`). Other same-site near copies are same-site duplicates.
//
// Thread safety: a Store is safe for concurrent use by many threads. Writes
// (Ingest, IngestBatch, Prune, Compact) are serialised inside the Store; reads
// (Check, History, ReadRevision, Stats) run concurrently with each other and with
// a writer, each on its own LMDB read snapshot (the environment is opened with
// MDB_NOTLS, so any thread may use any Store method). Several processes may open
// the same directory at once; LMDB serialises their writers. Compact needs the
// store to be open in no other process (it replaces data.mdb).
#ifndef LIBDIFF_STORE_H_
#define LIBDIFF_STORE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "libdiff/article.h"
#include "libdiff/fingerprint.h"
#include "libdiff/status.h"

namespace libdiff {

struct StoreOptions {
  // Create the directory and an empty store when missing. Default: true.
  bool create_if_missing = true;
  // Open without writing (Ingest, Prune and Compact fail with kInvalidArgument);
  // works on a read-only directory only if lock.mdb already exists. Default: false.
  bool read_only = false;
  // Initial LMDB map size; the map doubles by itself whenever a write finds it
  // full. Default: 64 MiB.
  size_t initial_map_size = size_t{64} << 20;
  // Upper bound for the map growth; a write needing more fails with
  // kResourceExhausted. Default: 1 TiB.
  size_t max_map_size = size_t{1} << 40;
  // A revision is stored whole (a keyframe) every this many revisions and as a
  // zstd delta against the previous revision otherwise. 1 stores every revision
  // whole. Default: 32 (a keyframe costs about 11 deltas of a median edit;
  // docs/store.md has the figures).
  uint32_t keyframe_interval = 32;
  // zstd level for snapshots and deltas, 1..22. Default: 7 (within 2% of level
  // 19's bytes at an eighth of its CPU; docs/store.md has the figures).
  int compression_level = 7;
  // Also keep each revision's raw HTML (zstd-compressed). Default: false.
  bool keep_raw_html = false;
  // The index's SimHash schema distance (0..7), recorded in the store; it
  // also bounds the paragraph rule used for records written before sketches
  // existed. Candidates come from the candidate keys. Default: 3.
  int max_distance = 3;
  // Fingerprint parameters; recorded in the store, and opening a store written
  // with other ones fails with kInvalidArgument. Default: FingerprintOptions().
  FingerprintOptions fingerprint;
  // Extraction options for Ingest/Check (ExtractOptions::url is set per page).
  // Default: ExtractOptions().
  ExtractOptions extract;
};

// One fetched page.
struct Page {
  std::string url;           // the URL it was fetched from (required)
  std::string html;          // the page's HTML
  std::string content_type;  // HTTP Content-Type when known, else ""
  // When fetched, seconds since the Unix epoch; 0 means "now". Default: 0.
  int64_t fetched_at = 0;
  // When set, used instead of extracting `html` (for callers that extract
  // themselves); `html` is then only kept when keep_raw_html is on.
  std::optional<Article> article;
};

enum class VerdictKind { kNew, kUnchanged, kUpdated, kDuplicate, kSkipped };

// "new", "unchanged", "updated", "duplicate", "skipped".
const char* VerdictKindName(VerdictKind kind);

// What changed between two revisions of one article (the verdict's view; the
// full sentence/word diff is DiffArticles in diff.h).
struct UpdateSummary {
  int paragraphs_added = 0;
  int paragraphs_removed = 0;
  int paragraphs_changed = 0;
  // Sentence counts; -1 when this build computes paragraph counts only.
  int sentences_added = -1;
  int sentences_removed = -1;
  int sentences_changed = -1;
  bool title_changed = false;
  int simhash_distance = 0;  // between the previous and the new revision
  std::string modified;      // the page's own modified time (ISO 8601) or ""
  // Significance class from the diff stage ("minor", "major", ...) or "".
  std::string significance;
};

struct Verdict {
  VerdictKind kind = VerdictKind::kNew;
  std::string url;             // the page URL as given
  std::string normalized_url;  // its identity key (NormalizeUrl)
  // The article the page was filed under (for kDuplicate: its own new article).
  // 0 for kSkipped, and for Check of a page that would be new.
  uint64_t article = 0;
  // The revision of that article the page's text is (1 for new and duplicate; for
  // unchanged the latest; for updated the new one). 0 for kSkipped.
  uint32_t revision = 0;
  std::string title;
  // kUpdated only.
  UpdateSummary changes;
  // kUpdated: the earlier revision whose body and title came back, or 0.
  uint32_t reverted_to = 0;
  // Set when the page reached a known article through a URL it was not yet
  // known by (canonical link or slug change): the article's first URL.
  std::string alias_of;
  // kDuplicate only: the original (earliest seen) article, its first URL, the
  // SimHash distance, the verified similarity (shingle Jaccard, 0..1), the
  // containment (the share of the smaller text's shingles found in the larger,
  // 0..1: what makes it a duplicate, libdiff/near_duplicate.h), and whether
  // the two are on different sites (syndication) or the same site.
  uint64_t of = 0;
  std::string of_url;
  // kDuplicate: the original's revision whose text the page matched (its
  // latest, or an earlier text the store keeps, docs/store.md).
  uint32_t of_revision = 0;
  int distance = 0;
  double similarity = 0.0;
  double containment = 0.0;
  bool cross_site = false;
  // kSkipped: why (the extractor's empty_reason).
  std::string reason;
};

// The verdict as one JSON object (one line, no newline): the schema of the
// lines `libdiff ingest` prints and of libdiff_verdict_to_json (docs/store.md)
// — url, verdict, article, revision, title, key; alias_of when set; of,
// of_article, of_revision, distance, similarity, containment, cross_site for a duplicate;
// changes and reverted_to for an update; reason for a skipped page. Keys are
// sorted; invalid UTF-8 in a field is replaced by U+FFFD.
std::string VerdictToJson(const Verdict& verdict);

// One stored revision as listed by History.
struct RevisionInfo {
  uint32_t revision = 0;
  int64_t fetched_at = 0;
  std::string url;          // the page URL it came from
  std::string title;
  uint64_t simhash = 0;
  uint32_t same_as = 0;     // a revert: the earlier revision holding the same text, or 0
  bool keyframe = false;    // stored whole rather than as a delta
  size_t stored_bytes = 0;  // bytes this revision occupies in its record
};

struct ArticleHistory {
  uint64_t article = 0;
  std::string first_url;
  std::vector<std::string> urls;   // every normalised URL key filed under it
  uint64_t duplicate_of = 0;       // the original when it was a duplicate, else 0
  int64_t first_seen = 0;
  std::vector<RevisionInfo> revisions;  // oldest first; pruned ones are absent
};

// The history as one JSON object (one line): the schema `libdiff history`
// prints and libdiff_history_to_json returns — url (the one asked for),
// article, first_url, urls, duplicate_of when set, first_seen, and revisions
// [{revision, fetched_at, url, title, simhash (16 hex digits), same_as when
// set, stored ("keyframe", "delta" or "reference"), stored_bytes}].
std::string HistoryToJson(const ArticleHistory& history, const std::string& url);

struct StoreStats {
  uint64_t articles = 0;
  uint64_t revisions = 0;
  uint64_t urls = 0;
  uint64_t duplicates = 0;       // articles that were duplicates of another
  uint64_t snapshot_bytes = 0;   // compressed article bytes, all revisions
  uint64_t raw_html_bytes = 0;   // compressed HTML bytes (keep_raw_html)
  uint64_t record_bytes = 0;     // revision records including their headers
  uint64_t file_bytes = 0;       // size of data.mdb
  uint64_t map_size = 0;         // current LMDB map size
  double bytes_per_revision = 0; // record_bytes / revisions
};

// The stats as one JSON object (one line): the schema `libdiff stats --json`
// prints and libdiff_stats_to_json returns — store (the directory named),
// articles, revisions, urls, duplicates, snapshot_bytes, record_bytes,
// bytes_per_revision, raw_html_bytes, file_bytes, map_size.
std::string StatsToJson(const StoreStats& stats, const std::string& store_dir);

struct PruneOptions {
  // Drop revisions fetched before this time (Unix seconds); 0 disables.
  // The latest revision of an article is always kept. Default: 0.
  int64_t older_than = 0;
  // Keep at most this many latest revisions per article; 0 disables. Default: 0.
  uint32_t keep_revisions = 0;
};

struct PruneResult {
  uint64_t revisions_removed = 0;
  uint64_t articles_touched = 0;
};

struct CompactResult {
  uint64_t bytes_before = 0;
  uint64_t bytes_after = 0;
};

class Store {
 public:
  // Opens (or with create_if_missing creates) the store in directory `dir`.
  // Fails with kInvalidArgument when the store was written with another schema
  // version or other fingerprint parameters, or the directory is not writable;
  // kCorruption for a truncated or foreign data.mdb; kNotFound when missing and
  // !create_if_missing. Every message names the directory and the reason.
  static Result<std::unique_ptr<Store>> Open(const StoreOptions& options,
                                             const std::string& dir);

  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;
  virtual ~Store();

  // Files `page` and returns its verdict; the new revision (if any), URL keys and
  // index entries commit atomically. Fails with kInvalidArgument for an unusable
  // URL, kResourceExhausted for an oversized page or a map that cannot grow.
  virtual Result<Verdict> Ingest(const Page& page) = 0;

  // Ingests `pages` in order in ONE write transaction: all or nothing. Later
  // pages see earlier ones (a page repeated in the batch is "unchanged").
  virtual Result<std::vector<Verdict>> IngestBatch(const std::vector<Page>& pages) = 0;

  // The verdict Ingest would return, without writing anything. For a page that
  // would be new (or a duplicate), `article` is 0 and `revision` 1.
  virtual Result<Verdict> Check(const Page& page) = 0;

  // The history of the article the URL (after normalisation) belongs to.
  // kNotFound when unknown.
  virtual Result<ArticleHistory> History(const std::string& url) = 0;

  // The stored article of revision `revision` (0 = latest) of the URL's article,
  // byte-exact as it was ingested. kNotFound for an unknown URL or revision.
  virtual Result<Article> ReadRevision(const std::string& url, uint32_t revision) = 0;

  // The raw HTML of a revision (keep_raw_html); kNotFound when not kept.
  virtual Result<std::string> ReadRawHtml(const std::string& url, uint32_t revision) = 0;

  virtual Result<StoreStats> Stats() = 0;

  // Removes old revisions by age and/or count; the oldest remaining revision of
  // each touched article becomes a keyframe so the rest still decode.
  virtual Result<PruneResult> Prune(const PruneOptions& options) = 0;

  // Rewrites data.mdb without free pages (mdb_env_copy2 with MDB_CP_COMPACT,
  // then an atomic rename). REQUIRES: no other process has the store open.
  virtual Result<CompactResult> Compact() = 0;

  // The directory this store lives in.
  virtual const std::string& dir() const = 0;

 protected:
  Store() = default;
};

// The identity key of `url` (rule 1 above): "host/path?sorted-query" without
// scheme, e.g. "https://WWW.Example.com:443/a/b/?utm_source=x&id=2#top" ->
// "example.com/a/b?id=2". kInvalidArgument when `url` has no http(s) scheme or host.
Result<std::string> NormalizeUrl(std::string_view url);

// The site of a normalised key or URL: its registrable domain approximated as the
// last two host labels (three under second-level suffixes like "co.uk").
std::string SiteOf(std::string_view url_or_key);

}  // namespace libdiff

#endif  // LIBDIFF_STORE_H_
