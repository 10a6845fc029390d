// Copyright 2026 The libdiff Authors.
//
// Near-duplicate lookup over 64-bit SimHash values, and the verification step
// that turns a SimHash candidate into a duplicate verdict. Private to libdiff:
// the store and dedupe stages use it; users see its results through Store and
// Dedupe.
//
// Table design (Manku, Jain, Das Sarma, "Detecting near-duplicates for web
// crawling", WWW 2007). For a schema maximum distance K the 64 bits are cut
// into K+1 contiguous blocks (widths differ by at most one bit; for K = 3 four
// blocks of 16 bits). Two hashes within Hamming distance k <= K differ in at
// most k blocks, so among ANY k+1 blocks one is identical: a query at distance
// k probes k+1 tables only, table t keyed by block t. Each probe returns about
// N / 2^(64/(K+1)) candidates, each checked with one popcount; each result is
// reported by the first probed table whose block matches, so it appears once.
//
//   K (max_k)   block bits   candidates per probe at N = 10M   tables
//   0..1        64 / 32      ~0                                1..2
//   3           16           ~150                              4
//   5           10-11        ~7,000                            6
//   7           8            ~39,000                           8   (kMaxSupportedK)
// Memory/disk grow with the number of tables (K+1 entries per fingerprint);
// query time grows with candidates per probe. K = 3 is the design point.
//
//   internal::NearDuplicateIndex index(/*max_k=*/3);
//   index.Add(fp.simhash, doc_id);  ...
//   index.Build();
//   std::vector<internal::IndexMatch> matches;
//   index.Query(other.simhash, 3, &matches);
//
// Thread safety: NearDuplicateIndex is not safe for concurrent Add/Build; after
// Build() any number of threads may call Query() concurrently. An
// LmdbNearDuplicateIndex is an immutable handle (database ids and layout) and
// may be shared by threads; each call runs inside the caller's transaction and
// follows LMDB's rules for that transaction. VerifyNearDuplicate is pure.
#ifndef LIBDIFF_INDEX_NEAR_DUPLICATE_INDEX_H_
#define LIBDIFF_INDEX_NEAR_DUPLICATE_INDEX_H_

#include <lmdb.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "libdiff/fingerprint.h"
#include "libdiff/status.h"

namespace libdiff::internal {

// Largest schema distance supported by either backend. Beyond 7 the 8-bit
// blocks make every probe return ~N/256 candidates: a linear scan does as well.
inline constexpr int kMaxSupportedK = 7;

// Candidate generation shared by the store and dedupe (the one near-duplicate
// engine): a text's candidate keys are the kSketchKeys smallest values of its
// shingle sketch (Fingerprint::sketch, sorted ascending). Two texts share
// their smallest shingle hashes with a probability that grows with their
// overlap (MinHash LSH): with Jaccard J, at least one of the k smallest is
// shared with probability about 1 - (1 - J)^k. A key held by more than
// kMaxPostings texts is boilerplate (a shared template sentence), not
// evidence, and gives no candidates. SimHash neighbours within the schema
// distance are candidates too. Every candidate is then verified with
// VerifyNearDuplicate (below).
//
// Filing and lookup are asymmetric: a text is FILED under its kSketchKeys
// smallest values but LOOKED UP under its kQueryKeys smallest. A common
// phrase can saturate the one key a copy shares with its original among
// their 4 smallest; the original's other filed keys then sit a few ranks
// further down the copy's sketch (the copy has extra template text, or its
// own smallest values are that phrase). Looking up deeper finds them at no
// storage cost. kMaxPostings counts FILED entries. In dedupe (documents in
// path order) a pair a < b sharing value v is a candidate iff v is among a's
// filed keys and b's query keys: exactly what a store ingesting in path
// order looks at.
inline constexpr size_t kSketchKeys = 4;
inline constexpr size_t kQueryKeys = 8;
inline constexpr size_t kMaxPostings = 64;

// The filed candidate keys of a sketch. REQUIRES: `sketch` sorted ascending.
inline std::span<const uint32_t> SketchKeys(std::span<const uint32_t> sketch) {
  return sketch.first(std::min(sketch.size(), kSketchKeys));
}

// The lookup keys of a sketch (a prefix of it, SketchKeys included).
// REQUIRES: `sketch` sorted ascending.
inline std::span<const uint32_t> SketchQueryKeys(std::span<const uint32_t> sketch) {
  return sketch.first(std::min(sketch.size(), kQueryKeys));
}

// One query result: an id stored with a SimHash within the query distance.
struct IndexMatch {
  uint64_t id = 0;
  uint64_t simhash = 0;  // the stored hash
  int distance = 0;      // Hamming distance to the query, 0..k
  friend bool operator==(const IndexMatch&, const IndexMatch&) = default;
};

// A (simhash, id) pair for bulk loading.
struct IndexEntry {
  uint64_t simhash = 0;
  uint64_t id = 0;
};

// A (candidate key, id) pair for bulk loading.
struct KeyEntry {
  uint32_t key = 0;
  uint64_t id = 0;
};

// The block layout for a schema maximum K: K+1 contiguous blocks, most
// significant first. Table t stores hashes rotated left by `shift[t]`, which
// brings block t to the top `width[t]` bits.
struct TableLayout {
  int max_k = 3;
  int tables = 4;
  std::array<int, kMaxSupportedK + 1> shift{};
  std::array<int, kMaxSupportedK + 1> width{};

  // REQUIRES: 0 <= max_k <= kMaxSupportedK.
  static TableLayout ForMaxK(int max_k);
  uint64_t Permute(int table, uint64_t h) const;
  uint64_t Unpermute(int table, uint64_t p) const;
  // The top `width[table]` bits of the permuted hash: the table's key.
  uint64_t Key(int table, uint64_t h) const;
};

// In-memory backend: per table one array of permuted hashes sorted ascending,
// a parallel array of positions into the entry list, and a directory over the
// top bits, so a probe is one directory lookup and a short sequential scan.
// Memory: 12 bytes per entry per table plus 16 bytes per entry (hash and id),
// i.e. 64 bytes per fingerprint at K = 3, plus a directory of at most
// 2^min(block bits, log2 N + 1) 32-bit offsets per table.
//
// Entries with the same (simhash, id) are stored once; one id may be stored
// with several hashes and is then reported once, at its smallest distance.
class NearDuplicateIndex {
 public:
  // REQUIRES: 0 <= max_k <= kMaxSupportedK. Default: 3.
  explicit NearDuplicateIndex(int max_k = 3);

  // Stages an entry. Not visible to Query until the next Build().
  void Add(uint64_t simhash, uint64_t id);
  void Reserve(size_t n);
  // Sorts the staged entries into the tables. O(N log N); may be called again
  // after more Add() calls (rebuilds everything). Fails with
  // kResourceExhausted past 2^32 - 1 entries.
  Status Build();

  // Appends to `out` every stored id whose hash is within `k` bits of
  // `simhash`, each id once, sorted by (distance, id). Entries added after the
  // last Build() are not seen.
  // REQUIRES: 0 <= k <= max_k(); out != nullptr.
  void Query(uint64_t simhash, int k, std::vector<IndexMatch>* out) const;

  int max_k() const { return layout_.max_k; }
  // Entries visible to Query (after de-duplication at Build()).
  size_t size() const { return built_size_; }
  // Bytes held by the built tables and the staged entries.
  size_t MemoryBytes() const;

 private:
  struct Table {
    int dir_bits = 0;
    std::vector<uint64_t> permuted;    // sorted ascending
    std::vector<uint32_t> position;    // index into hashes_/ids_
    std::vector<uint32_t> directory;   // 2^dir_bits + 1 offsets into permuted
  };
  TableLayout layout_;
  std::vector<uint64_t> hashes_;  // entry i: hashes_[i], ids_[i]
  std::vector<uint64_t> ids_;
  size_t built_size_ = 0;
  std::vector<Table> tables_;
};

struct LmdbIndexOptions {
  // Schema maximum distance; queries may use any k <= max_k. Default: 3.
  int max_k = 3;
  // Bytes used to store an id; ids must be < 2^(8*id_bytes). 4..8. Default: 5
  // (ids below 2^40, about 1.1e12).
  int id_bytes = 5;
};

// LMDB backend, living in the caller's environment and transactions.
//
// Schema v3 (named databases; the caller's env needs mdb_env_set_maxdbs of at
// least kLmdbMaxDbs more than it uses itself):
//   "ndi_meta"  plain: key "schema" -> "ndi v3 max_k=<K> id_bytes=<B>" (text).
//   "ndi_t0"    MDB_DUPSORT | MDB_DUPFIXED, one entry per (hash, id):
//               key   = block 0 of the hash, big-endian, ceil(width/8) bytes
//               value = the other 64 - width bits of the hash, big-endian,
//                       ceil((64 - width)/8) bytes, followed by the id,
//                       big-endian, id_bytes bytes.
//   "ndi_t<t>"  for t = 1..K, MDB_DUPSORT | MDB_DUPFIXED, one entry per hash:
//               key   = block t of the hash (the hash rotated to bring it to
//                       the top), value = the other bits of the rotated hash.
//               No id: a hash found here is looked up in "ndi_t0" (its block
//               0 and residual are known), one MDB_GET_BOTH_RANGE per match.
// For K = 3: 11 + 3 * 6 = 29 bytes of payload per fingerprint (v1 kept the id
// in every table: 44). Keys are few (at most 2^16 per table), so their cost
// vanishes; the duplicates of one key are packed in LMDB's LEAF2 pages (no
// per-item header). Measured bytes per fingerprint: docs/index.md.
//
//   "ndi_sk"    (schema v3) MDB_DUPSORT | MDB_DUPFIXED, the candidate keys
//               (SketchKeys) of each id's texts (in a store: an article's
//               latest text and the earlier ones its record keeps), one
//               entry per (sketch value, id):
//               key   = the value's low 8 bits (1 byte)
//               value = its high 24 bits, big-endian, then the id (id_bytes).
//               The low bits key it because the smallest sketch values are
//               small numbers: their high bits are mostly zero. 256 keys keep
//               each key's duplicates in one well-filled sub-database.
// For kSketchKeys = 4: 4 * 8 = 32 bytes of payload per fingerprint (the
// store keeps only these; its SimHash tables stay empty).
// A v1 index (same "ndi_t0", ids in every table) is upgraded when it is
// opened in a write transaction (tables 1..K are rebuilt from table 0); a v2
// index (no "ndi_sk") gets an empty key table and needs_keys() is true until
// the owner has inserted every id's keys and called MarkKeysComplete() in the
// same transaction (the index cannot rebuild keys: it does not hold the
// sketches). A read-only open of an old index fails with kInvalidArgument
// saying so. Opening an index written with another max_k or id_bytes fails
// with kInvalidArgument naming both.
class LmdbNearDuplicateIndex {
 public:
  // Named databases this index uses at kMaxSupportedK: meta + 8 tables + keys.
  static constexpr int kLmdbMaxDbs = kMaxSupportedK + 3;
  // Named databases it uses for `max_k`.
  static constexpr int DbsNeeded(int max_k) { return max_k + 3; }

  // Opens (in a write transaction: creates) the databases. With a read-only
  // txn the databases must exist (kNotFound otherwise). The handle stays valid
  // for the life of the environment once `txn` commits (LMDB dbi rules: open
  // the index in a write txn that commits before other txns use it).
  static Result<LmdbNearDuplicateIndex> Open(MDB_txn* txn, const LmdbIndexOptions& options);
  static Result<LmdbNearDuplicateIndex> Open(MDB_txn* txn, int max_k) {
    LmdbIndexOptions options;
    options.max_k = max_k;
    return Open(txn, options);
  }

  // Adds (simhash, id); adding an existing pair again is a no-op.
  // REQUIRES: a write txn. Fails with kInvalidArgument for an id that does
  // not fit in id_bytes, kResourceExhausted when the map is full (the caller
  // grows the map and retries the transaction).
  Status Insert(MDB_txn* txn, uint64_t simhash, uint64_t id) const;
  // Adds many pairs; much faster than repeated Insert() (sorted per table, and
  // appended without searching when they all sort after the stored ones).
  Status InsertBatch(MDB_txn* txn, std::span<const IndexEntry> entries) const;
  // Removes (simhash, id); removing an absent pair is a no-op.
  Status Remove(MDB_txn* txn, uint64_t simhash, uint64_t id) const;
  // Appends to `out` every id stored with a hash within `k` bits, each id
  // once, sorted by (distance, id). REQUIRES: 0 <= k <= max_k().
  Status Query(MDB_txn* txn, uint64_t simhash, int k, std::vector<IndexMatch>* out) const;

  // Candidate keys. InsertKeys adds (key, id) for each key (existing pairs
  // are kept once); RemoveKeys removes them (absent pairs are a no-op).
  // REQUIRES: a write txn; keys as SketchKeys returns them (the filed keys).
  Status InsertKeys(MDB_txn* txn, std::span<const uint32_t> keys, uint64_t id) const;
  Status RemoveKeys(MDB_txn* txn, std::span<const uint32_t> keys, uint64_t id) const;
  // Adds many (key, id) pairs: sorted and appended where they sort after the
  // stored ones, much faster than repeated InsertKeys (bulk loads, upgrades).
  Status InsertKeysBatch(MDB_txn* txn, std::span<const KeyEntry> entries) const;
  // Appends to `ids` the ids stored under each of `keys` (a page's query
  // keys, SketchQueryKeys) that at most kMaxPostings ids hold (a more common
  // key is skipped), ascending per key; an id under several keys appears
  // once per key.
  Status QueryKeys(MDB_txn* txn, std::span<const uint32_t> keys,
                   std::vector<uint64_t>* ids) const;
  // True when the index was upgraded from v2 in this open and its key table
  // is still to be filled by the owner.
  bool needs_keys() const { return needs_keys_; }
  // Records that the key table is complete (writes the v3 schema record).
  Status MarkKeysComplete(MDB_txn* txn);
  // Removes every (simhash, id) pair, keeping the candidate keys (for an
  // owner that finds its candidates by key alone). REQUIRES: a write txn.
  Status ClearSimHashTables(MDB_txn* txn) const;

  // Number of stored (simhash, id) pairs.
  Result<uint64_t> Count(MDB_txn* txn) const;
  // Bytes of LMDB pages (branch, leaf, overflow) held by the ndi_ databases.
  Result<uint64_t> DiskBytes(MDB_txn* txn) const;

  int max_k() const { return layout_.max_k; }
  int id_bytes() const { return id_bytes_; }

 private:
  LmdbNearDuplicateIndex() = default;
  // Encodes the key and value of (simhash, id) in `table` (no id beyond 0).
  void Encode(int table, uint64_t simhash, uint64_t id, unsigned char* key,
              unsigned char* value) const;
  // Inserts `entries` into tables first_table..K.
  Status InsertTables(MDB_txn* txn, std::span<const IndexEntry> entries, int first_table) const;
  // Appends the ids stored with exactly `simhash` (table 0), ascending.
  Status IdsOf(MDB_txn* txn, uint64_t simhash, std::vector<uint64_t>* ids) const;
  // Rebuilds tables 1..K of a schema v1 index and records `schema`.
  Status UpgradeFromV1(MDB_txn* txn, const std::string& schema);
  Status WriteSchema(MDB_txn* txn, const std::string& schema) const;
  Status KeyOp(MDB_txn* txn, uint32_t key, uint64_t id, bool insert) const;

  TableLayout layout_;
  int id_bytes_ = 5;
  int key_bytes_[kMaxSupportedK + 1] = {};
  int residual_bytes_[kMaxSupportedK + 1] = {};
  int value_bytes_[kMaxSupportedK + 1] = {};
  MDB_dbi meta_ = 0;
  MDB_dbi tables_[kMaxSupportedK + 1] = {};
  MDB_dbi keys_ = 0;
  bool needs_keys_ = false;
};

// ---------------------------------------------------------------------------
// Verification.
//
// A SimHash match alone is not a duplicate: two short texts, or two articles
// whose extracted bodies still share a template (a bio, a newsletter box),
// can land within a few bits. The rule (all thresholds are options):
//  1. Both texts must be long enough: >= min_tokens tokens and >=
//     min_shingles shingles. Shorter texts are never duplicates, not even of
//     an identical text ("Subscribe to read" on two pages is not one story).
//  2. Identical exact hashes (same normalised text): duplicate, distance 0.
//  3. Shingle evidence, when both texts have a sketch (Fingerprint::sketch,
//     bottom-k MinHash of the shingle set). Let S be the smaller text (fewer
//     distinct shingles) and L the larger. The sketch values of S below L's
//     sketch threshold (all of L's values when L's sketch holds its whole
//     set) are a uniform sample of S's shingles whose membership in L is
//     known exactly; their shared fraction estimates the containment of S in
//     L. Duplicate when:
//       containment >= min_containment, from >= min_sketch_samples sampled
//       values (or all of S's sketch when it is smaller), and S has >=
//       min_size_ratio of L's distinct shingles, and the SimHash distance is
//       <= sketch_max_distance, or <= sketch_partial_max_distance when the
//       containment is below strong_containment.
//     This does not depend on where either text breaks its paragraphs, which
//     differs between sites and extractors, and it keeps a syndicated copy
//     with a dateline, a dropped last paragraph or a few edited paragraphs.
//     Unrelated texts are 32 +- 4 bits apart, so sketch_max_distance = 24 is
//     two standard deviations away, and a pair that shares less than
//     strong_containment of S must be closer (two pages of terms and
//     conditions from one site share 64 % of the smaller one's shingles at
//     23 bits; the development streams' copies that contain less than 80 %
//     are all within 19 bits); articles that share a template or a
//     quoted passage share far less than half of the smaller one's shingles;
//     and a brief quoted whole inside a long feature fails the size ratio.
//  4. Paragraph evidence, for fingerprints without a sketch (store records
//     written before sketches existed), on the sets of paragraph hashes
//     P(a), P(b): shared = |P(a) n P(b)|, containment = shared / min(|P(a)|,
//     |P(b)|).
//     a. SimHash route: distance <= max_distance and, when both texts have
//        at least 2 paragraphs, containment >= min_containment and shared >=
//        min_shared_paragraphs. (Texts with a single paragraph have no
//        paragraph evidence; the SimHash distance decides.)
//     b. Containment route: distance <= containment_max_distance and
//        containment >= strong_containment and shared >= min_shared_paragraphs
//        (and both have >= 2 paragraphs): a dropped last paragraph.
//     c. Edited-copy route: distance <= edited_max_distance and containment
//        >= min_containment and shared >= edited_min_shared_paragraphs.
struct VerifyOptions {
  // SimHash route bound (the query distance k). Default: 3.
  int max_distance = 3;
  // Shingle evidence: SimHash bound. Default: 24.
  int sketch_max_distance = 24;
  // Shingle evidence: SimHash bound when the containment is below
  // strong_containment. Default: 20.
  int sketch_partial_max_distance = 20;
  // Shingle evidence: minimum sampled sketch values. Default: 8.
  int min_sketch_samples = 8;
  // Shingle evidence: minimum distinct shingles of the smaller text over the
  // larger's. Default: 0.25.
  double min_size_ratio = 0.25;
  // Minimum tokens in each text. Default: 25.
  uint64_t min_tokens = 25;
  // Minimum distinct shingles in each text. Default: 20.
  uint64_t min_shingles = 20;
  // Shingle evidence and paragraph SimHash/edited routes: minimum
  // containment of the smaller text in the larger. Default: 0.5.
  double min_containment = 0.5;
  // Both routes: minimum shared paragraphs (capped at the smaller paragraph
  // count). Default: 2.
  int min_shared_paragraphs = 2;
  // Containment route: minimum containment; > 1 disables the route. Shingle
  // evidence: the containment from which sketch_max_distance applies rather
  // than sketch_partial_max_distance. Default: 0.8.
  double strong_containment = 0.8;
  // Containment route: SimHash bound. Default: 20.
  int containment_max_distance = 20;
  // Edited-copy route: SimHash bound; < max_distance disables the route.
  // Default: 12.
  int edited_max_distance = 12;
  // Edited-copy route: minimum shared paragraphs (capped at the smaller
  // paragraph count). Default: 3.
  int edited_min_shared_paragraphs = 3;
};

struct VerifyResult {
  bool is_duplicate = false;
  int distance = 64;            // SimHash Hamming distance
  double similarity = 0;        // shingle Jaccard estimated from the sketches; without
                                // sketches paragraph Jaccard |P(a) n P(b)| / |P(a) u P(b)|,
                                // or 1 - distance/32 (floored at 0) without paragraphs
  double containment = 0;       // of the smaller text in the larger (see the rule)
  size_t shared_paragraphs = 0;
  size_t sketch_samples = 0;    // sampled sketch values of the smaller text
  size_t sketch_shared = 0;     // of which the larger text has
  bool exact = false;           // identical normalised text
  const char* reason = "";      // static text: which rule decided
};

VerifyResult VerifyNearDuplicate(const Fingerprint& a, const Fingerprint& b,
                                 const VerifyOptions& options = VerifyOptions());

// The same rule for callers that keep fingerprints in their own compact form:
// sketches as in Fingerprint::sketch (empty: none), paragraphs as sorted,
// de-duplicated 32-bit hashes (used only when a sketch is missing).
VerifyResult VerifyNearDuplicateSorted(uint64_t simhash_a, uint64_t simhash_b,
                                       bool exact_equal, uint64_t tokens_a, uint64_t tokens_b,
                                       uint64_t shingles_a, uint64_t shingles_b,
                                       std::span<const uint32_t> sketch_a,
                                       std::span<const uint32_t> sketch_b,
                                       std::span<const uint32_t> paragraphs_a,
                                       std::span<const uint32_t> paragraphs_b,
                                       const VerifyOptions& options = VerifyOptions());

}  // namespace libdiff::internal

#endif  // LIBDIFF_INDEX_NEAR_DUPLICATE_INDEX_H_
