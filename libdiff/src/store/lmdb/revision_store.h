// Copyright 2026 The libdiff Authors.
//
// The store's LMDB schema and record layouts (documented in docs/store.md):
//
//   "meta"       "schema"   -> "libdiff-store" u32 schema_version u32 fp_algorithm
//                              u32 fp_shingle_size u32 max_distance (big-endian)
//                "next"     -> u64 next article id
//                "counters" -> varints: articles, revisions, urls, duplicates,
//                              snapshot bytes, html bytes, record bytes
//   "urls"       normalised URL key -> u64 article id
//   "articles"   u64 article id -> ArticleRecord
//   "revisions"  u64 article id, u32 revision -> RevisionRecord
//   "html"       u64 article id, u32 revision -> zstd(raw HTML)   (keep_raw_html)
// Integers in keys are big-endian so cursors walk them in numeric order.
//
// Private to libdiff. Thread safety: a RevisionStore is an immutable set of
// database handles; calls run inside the caller's transaction.
#ifndef LIBDIFF_STORE_LMDB_REVISION_STORE_H_
#define LIBDIFF_STORE_LMDB_REVISION_STORE_H_

#include <lmdb.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "libdiff/fingerprint.h"
#include "libdiff/status.h"
#include "store/codec.h"

namespace libdiff::internal {

// Schema 2 keeps earlier revisions' fingerprints in the article records
// (ArticleRecord::earlier); a schema 1 store is upgraded on its first writable
// open and read as it is by a read-only one.
inline constexpr uint32_t kStoreSchemaVersion = 2;
inline constexpr uint32_t kStoreSchemaVersionNoEarlier = 1;

// The fingerprint of a superseded revision whose text differs materially from
// the article's other kept texts (store/earlier_revisions.h has the rule).
struct EarlierFingerprint {
  uint32_t revision = 0;
  uint64_t simhash = 0;
  Hash128 exact;
  uint64_t tokens = 0;
  uint64_t shingles = 0;
  std::vector<uint32_t> sketch;  // Fingerprint::sketch

  friend bool operator==(const EarlierFingerprint&, const EarlierFingerprint&) = default;
};

// What the store keeps per article, besides its revisions: identity, the
// duplicate link, and the latest revision's fingerprint for verdicts.
struct ArticleRecord {
  int64_t first_seen = 0;
  uint32_t latest_revision = 0;
  uint64_t duplicate_of = 0;
  std::string first_url;           // the page URL as first given
  std::vector<std::string> keys;   // normalised URL keys filed under it
  // Latest revision's fingerprint.
  uint64_t simhash = 0;
  Hash128 exact;
  uint64_t title_hash = 0;
  uint64_t tokens = 0;
  uint64_t shingles = 0;
  std::vector<uint32_t> paragraphs;  // low 32 bits of paragraph hashes, sorted, unique
  std::vector<uint32_t> sketch;      // Fingerprint::sketch (empty in format 1 records)
  // Earlier revisions kept for near-duplicate lookups, ascending by revision
  // (format 3; empty in older records).
  std::vector<EarlierFingerprint> earlier;

  std::string Encode() const;
  static Result<ArticleRecord> Decode(std::string_view bytes);
};

enum class SnapshotEncoding : uint8_t { kKeyframe = 0, kDelta = 1, kSameAs = 2 };

struct RevisionRecord {
  SnapshotEncoding encoding = SnapshotEncoding::kKeyframe;
  // kDelta: the revision it is a delta against; kSameAs: the revision it repeats.
  uint32_t base = 0;
  uint32_t depth = 0;   // deltas since the last keyframe
  int64_t fetched_at = 0;
  uint32_t url_index = 0;  // index into ArticleRecord::keys
  uint64_t simhash = 0;
  uint64_t content_hash = 0;  // body + title: equal hashes mean a revert
  std::string payload;        // zstd frame (empty for kSameAs)

  std::string Encode() const;
  static Result<RevisionRecord> Decode(std::string_view bytes);
};

struct StoreCounters {
  uint64_t articles = 0, revisions = 0, urls = 0, duplicates = 0;
  uint64_t snapshot_bytes = 0, html_bytes = 0, record_bytes = 0;
};

struct SchemaParams {
  FingerprintParams fingerprint;
  uint32_t max_distance = 3;
};

class RevisionStore {
 public:
  // Opens the databases; in a write txn creates them and the schema record
  // when the store is empty. Fails with kInvalidArgument when the recorded
  // schema version or parameters differ, kCorruption when "meta" is not ours.
  // A schema 1 store opens too: read-only as it is; writable, its schema
  // record is rewritten as schema 2 and needs_earlier() is true until the
  // owner has filled the records' earlier fingerprints in the same txn.
  static Result<RevisionStore> Open(MDB_txn* txn, bool writable, const SchemaParams& params,
                                    const std::string& dir);
  bool needs_earlier() const { return needs_earlier_; }

  Result<std::optional<uint64_t>> FindUrl(MDB_txn* txn, std::string_view key) const;
  Status PutUrl(MDB_txn* txn, std::string_view key, uint64_t id) const;
  Status DeleteUrl(MDB_txn* txn, std::string_view key) const;
  Result<uint64_t> AllocateArticleId(MDB_txn* txn) const;
  Result<ArticleRecord> GetArticle(MDB_txn* txn, uint64_t id) const;
  Status PutArticle(MDB_txn* txn, uint64_t id, const ArticleRecord& record) const;
  Result<std::optional<RevisionRecord>> GetRevision(MDB_txn* txn, uint64_t id, uint32_t rev) const;
  Status PutRevision(MDB_txn* txn, uint64_t id, uint32_t rev, const RevisionRecord& r) const;
  Status DeleteRevision(MDB_txn* txn, uint64_t id, uint32_t rev) const;
  // Revision numbers of an article, ascending, with their records (payloads kept).
  Result<std::vector<std::pair<uint32_t, RevisionRecord>>> ListRevisions(MDB_txn* txn,
                                                                          uint64_t id) const;
  // The serialised article of revision `rev`, decoding the delta chain back to
  // its keyframe. kNotFound when absent.
  Result<std::string> ReadSnapshot(MDB_txn* txn, uint64_t id, uint32_t rev) const;
  // The serialised articles of all of `revs` (as ListRevisions returns them),
  // in the same order, each frame decoded once: O(revisions) rather than
  // ReadSnapshot's O(revisions x chain depth).
  Result<std::vector<std::string>> ReadSnapshots(
      MDB_txn* txn, uint64_t id,
      const std::vector<std::pair<uint32_t, RevisionRecord>>& revs) const;
  Status PutHtml(MDB_txn* txn, uint64_t id, uint32_t rev, std::string_view compressed) const;
  Result<std::optional<std::string>> GetHtml(MDB_txn* txn, uint64_t id, uint32_t rev) const;
  Status DeleteHtml(MDB_txn* txn, uint64_t id, uint32_t rev, uint64_t* freed) const;
  // Every article id, ascending.
  Result<std::vector<uint64_t>> ListArticles(MDB_txn* txn) const;

  Result<StoreCounters> GetCounters(MDB_txn* txn) const;
  Status PutCounters(MDB_txn* txn, const StoreCounters& c) const;

  // Largest decoded article accepted from the store.
  static constexpr size_t kMaxSnapshotBytes = size_t{256} << 20;

 private:
  std::string dir_;
  MDB_dbi meta_ = 0, urls_ = 0, articles_ = 0, revisions_ = 0, html_ = 0;
  bool needs_earlier_ = false;
};

std::string RevisionKey(uint64_t id, uint32_t rev);

}  // namespace libdiff::internal

#endif  // LIBDIFF_STORE_LMDB_REVISION_STORE_H_
