// Copyright 2026 The libdiff Authors.
#include "store/lmdb/revision_store.h"

#include <map>

#include <cstring>

#include "store/lmdb/environment.h"

namespace libdiff::internal {
namespace {

constexpr std::string_view kSchemaMagic = "libdiff-store";
// Format 2 appends the shingle sketch, format 3 the earlier revisions'
// fingerprints; format 1 (no sketch) and 2 records still read.
constexpr char kArticleRecordFormat = 3;
constexpr char kArticleRecordFormatNoEarlier = 2;
constexpr char kArticleRecordFormatNoSketch = 1;
// Bounds a damaged count before anything is allocated.
constexpr uint64_t kMaxEarlierEntries = 64;
constexpr char kRevisionRecordFormat = 1;

std::string IdKey(uint64_t id) {
  std::string k;
  PutFixed64BE(&k, id);
  return k;
}

Status Corrupt(const std::string& what) { return Status::Corruption("stored " + what); }

bool GetU32(std::string_view* in, uint32_t* v) {
  uint64_t x = 0;
  if (!GetVarint(in, &x) || x > UINT32_MAX) return false;
  *v = static_cast<uint32_t>(x);
  return true;
}

bool GetFixed64(std::string_view* in, uint64_t* v) {
  if (in->size() < 8) return false;
  *v = DecodeFixed64BE(in->data());
  in->remove_prefix(8);
  return true;
}

uint64_t ZigZag(int64_t v) {
  return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63);
}
int64_t UnZigZag(uint64_t v) {
  return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1);
}

}  // namespace

std::string RevisionKey(uint64_t id, uint32_t rev) {
  std::string k;
  PutFixed64BE(&k, id);
  PutFixed32BE(&k, rev);
  return k;
}

std::string ArticleRecord::Encode() const {
  std::string out;
  out.push_back(kArticleRecordFormat);
  PutVarint(&out, ZigZag(first_seen));
  PutVarint(&out, latest_revision);
  PutVarint(&out, duplicate_of);
  PutLengthPrefixed(&out, first_url);
  PutVarint(&out, keys.size());
  for (const auto& k : keys) PutLengthPrefixed(&out, k);
  PutFixed64BE(&out, simhash);
  PutFixed64BE(&out, exact.high);
  PutFixed64BE(&out, exact.low);
  PutFixed64BE(&out, title_hash);
  PutVarint(&out, tokens);
  PutVarint(&out, shingles);
  PutVarint(&out, paragraphs.size());
  for (uint32_t p : paragraphs) PutFixed32BE(&out, p);
  PutVarint(&out, sketch.size());
  for (uint32_t v : sketch) PutFixed32BE(&out, v);
  PutVarint(&out, earlier.size());
  for (const EarlierFingerprint& e : earlier) {
    PutVarint(&out, e.revision);
    PutFixed64BE(&out, e.simhash);
    PutFixed64BE(&out, e.exact.high);
    PutFixed64BE(&out, e.exact.low);
    PutVarint(&out, e.tokens);
    PutVarint(&out, e.shingles);
    PutVarint(&out, e.sketch.size());
    for (uint32_t v : e.sketch) PutFixed32BE(&out, v);
  }
  return out;
}

namespace {

// Reads a varint count and that many u32 values (at most kSketchSize).
bool GetSketch(std::string_view* in, std::vector<uint32_t>* out) {
  uint64_t n = 0;
  if (!GetVarint(in, &n) || n > kSketchSize || n > in->size() / 4) return false;
  out->reserve(static_cast<size_t>(n));
  for (uint64_t i = 0; i < n; ++i) out->push_back(DecodeFixed32BE(in->data() + 4 * i));
  in->remove_prefix(static_cast<size_t>(n) * 4);
  return true;
}

bool GetEarlier(std::string_view* in, EarlierFingerprint* e) {
  return GetU32(in, &e->revision) && GetFixed64(in, &e->simhash) &&
         GetFixed64(in, &e->exact.high) && GetFixed64(in, &e->exact.low) &&
         GetVarint(in, &e->tokens) && GetVarint(in, &e->shingles) && GetSketch(in, &e->sketch);
}

}  // namespace

Result<ArticleRecord> ArticleRecord::Decode(std::string_view in) {
  ArticleRecord r;
  if (in.empty() ||
      (in.front() != kArticleRecordFormat && in.front() != kArticleRecordFormatNoEarlier &&
       in.front() != kArticleRecordFormatNoSketch)) {
    return Corrupt("article record: bad format");
  }
  const bool has_sketch = in.front() != kArticleRecordFormatNoSketch;
  const bool has_earlier = in.front() == kArticleRecordFormat;
  in.remove_prefix(1);
  uint64_t v = 0, n = 0;
  std::string_view s;
  if (!GetVarint(&in, &v)) return Corrupt("article record: truncated");
  r.first_seen = UnZigZag(v);
  if (!GetU32(&in, &r.latest_revision) || !GetVarint(&in, &r.duplicate_of) ||
      !GetLengthPrefixed(&in, &s)) {
    return Corrupt("article record: truncated");
  }
  r.first_url.assign(s);
  if (!GetVarint(&in, &n) || n > in.size()) return Corrupt("article record: bad key count");
  for (uint64_t i = 0; i < n; ++i) {
    if (!GetLengthPrefixed(&in, &s)) return Corrupt("article record: truncated key");
    r.keys.emplace_back(s);
  }
  if (!GetFixed64(&in, &r.simhash) || !GetFixed64(&in, &r.exact.high) ||
      !GetFixed64(&in, &r.exact.low) || !GetFixed64(&in, &r.title_hash) ||
      !GetVarint(&in, &r.tokens) || !GetVarint(&in, &r.shingles) || !GetVarint(&in, &n) ||
      n > in.size() / 4) {  // n * 4 could wrap
    return Corrupt("article record: bad fingerprint");
  }
  r.paragraphs.reserve(static_cast<size_t>(n));
  for (uint64_t i = 0; i < n; ++i) r.paragraphs.push_back(DecodeFixed32BE(in.data() + 4 * i));
  in.remove_prefix(static_cast<size_t>(n) * 4);
  if (has_sketch && !GetSketch(&in, &r.sketch)) return Corrupt("article record: bad sketch");
  if (has_earlier) {
    if (!GetVarint(&in, &n) || n > kMaxEarlierEntries) {
      return Corrupt("article record: bad earlier count");
    }
    r.earlier.resize(static_cast<size_t>(n));
    for (EarlierFingerprint& e : r.earlier) {
      if (!GetEarlier(&in, &e)) return Corrupt("article record: bad earlier fingerprint");
    }
  }
  if (!in.empty()) return Corrupt("article record: trailing bytes");
  return r;
}

std::string RevisionRecord::Encode() const {
  std::string out;
  out.reserve(payload.size() + 32);
  out.push_back(kRevisionRecordFormat);
  out.push_back(static_cast<char>(encoding));
  PutVarint(&out, base);
  PutVarint(&out, depth);
  PutVarint(&out, ZigZag(fetched_at));
  PutVarint(&out, url_index);
  PutFixed64BE(&out, simhash);
  PutFixed64BE(&out, content_hash);
  out.append(payload);
  return out;
}

Result<RevisionRecord> RevisionRecord::Decode(std::string_view in) {
  RevisionRecord r;
  if (in.size() < 2 || in[0] != kRevisionRecordFormat) {
    return Corrupt("revision record: bad format");
  }
  const auto enc = static_cast<uint8_t>(in[1]);
  if (enc > 2) return Corrupt("revision record: bad encoding");
  r.encoding = static_cast<SnapshotEncoding>(enc);
  in.remove_prefix(2);
  uint64_t t = 0;
  if (!GetU32(&in, &r.base) || !GetU32(&in, &r.depth) || !GetVarint(&in, &t) ||
      !GetU32(&in, &r.url_index) || !GetFixed64(&in, &r.simhash) ||
      !GetFixed64(&in, &r.content_hash)) {
    return Corrupt("revision record: truncated");
  }
  r.fetched_at = UnZigZag(t);
  r.payload.assign(in);
  return r;
}

Result<RevisionStore> RevisionStore::Open(MDB_txn* txn, bool writable, const SchemaParams& params,
                                          const std::string& dir) {
  RevisionStore s;
  s.dir_ = dir;
  const unsigned create = writable ? MDB_CREATE : 0u;
  {
    // A writable open must not adopt another program's LMDB environment: an
    // environment with named databases but no "meta" is foreign.
    MDB_dbi probe = 0;
    const int rc = mdb_dbi_open(txn, "meta", 0, &probe);
    if (rc == MDB_NOTFOUND) {
      MDB_dbi main_db = 0;
      MDB_stat st{};
      if (mdb_dbi_open(txn, nullptr, 0, &main_db) == 0 && mdb_stat(txn, main_db, &st) == 0 &&
          st.ms_entries > 0) {
        return Status::Corruption("store " + dir +
                                  ": not a libdiff store (an LMDB environment of another program)");
      }
      if (!writable) return Status::Corruption("store " + dir + ": not a libdiff store (empty)");
    } else if (rc != 0) {
      return LmdbStatus(rc, dir, "open database meta");
    }
  }
  struct Db {
    const char* name;
    MDB_dbi* dbi;
  };
  for (Db db : {Db{"meta", &s.meta_}, Db{"urls", &s.urls_}, Db{"articles", &s.articles_},
                Db{"revisions", &s.revisions_}, Db{"html", &s.html_}}) {
    const int rc = mdb_dbi_open(txn, db.name, create, db.dbi);
    if (rc == MDB_NOTFOUND) {
      return Status::Corruption("store " + dir + ": not a libdiff store (no \"" + db.name +
                                "\" database)");
    }
    if (rc == MDB_INCOMPATIBLE) {
      return Status::Corruption("store " + dir + ": not a libdiff store (\"" + db.name +
                                "\" has other flags)");
    }
    if (rc != 0) return LmdbStatus(rc, dir, std::string("open database ") + db.name);
  }
  std::string expected(kSchemaMagic);
  PutFixed32BE(&expected, kStoreSchemaVersion);
  PutFixed32BE(&expected, params.fingerprint.algorithm_version);
  PutFixed32BE(&expected, params.fingerprint.shingle_size);
  PutFixed32BE(&expected, params.max_distance);

  MDB_val key = ToVal("schema"), val{};
  int rc = mdb_get(txn, s.meta_, &key, &val);
  if (rc == MDB_NOTFOUND) {
    MDB_cursor* cur = nullptr;
    // An empty "meta" is a store being created; anything else is foreign.
    MDB_val k{}, v{};
    mdb_cursor_open(txn, s.meta_, &cur);
    const int any = mdb_cursor_get(cur, &k, &v, MDB_FIRST);
    mdb_cursor_close(cur);
    if (any == 0) {
      return Status::Corruption("store " + dir + ": not a libdiff store (no schema record)");
    }
    if (!writable) return Status::Corruption("store " + dir + ": not a libdiff store (empty)");
    MDB_val sv = ToVal(expected);
    rc = mdb_put(txn, s.meta_, &key, &sv, 0);
    if (rc != 0) return LmdbStatus(rc, dir, "write schema");
    LIBDIFF_RETURN_IF_ERROR(s.PutCounters(txn, StoreCounters{}));
    return s;
  }
  if (rc != 0) return LmdbStatus(rc, dir, "read schema");
  std::string_view got = FromVal(val);
  if (got.size() != expected.size() || got.substr(0, kSchemaMagic.size()) != kSchemaMagic) {
    return Status::Corruption("store " + dir + ": not a libdiff store (bad schema record)");
  }
  const char* p = got.data() + kSchemaMagic.size();
  const uint32_t version = DecodeFixed32BE(p);
  const uint32_t algo = DecodeFixed32BE(p + 4);
  const uint32_t shingle = DecodeFixed32BE(p + 8);
  const uint32_t max_distance = DecodeFixed32BE(p + 12);
  if (version == kStoreSchemaVersionNoEarlier) {
    // Records without earlier fingerprints read as they are; a writable open
    // upgrades (the owner fills them in this transaction, see needs_earlier).
    if (writable) {
      std::string upgraded = std::string(got);
      std::string v;
      PutFixed32BE(&v, kStoreSchemaVersion);
      upgraded.replace(kSchemaMagic.size(), 4, v);
      MDB_val uv = ToVal(upgraded);
      rc = mdb_put(txn, s.meta_, &key, &uv, 0);
      if (rc != 0) return LmdbStatus(rc, dir, "write schema");
      s.needs_earlier_ = true;
    }
  } else if (version != kStoreSchemaVersion) {
    return Status::InvalidArgument("store " + dir + ": schema version " + std::to_string(version) +
                                   ", this build reads " + std::to_string(kStoreSchemaVersion));
  }
  if (algo != params.fingerprint.algorithm_version || shingle != params.fingerprint.shingle_size) {
    return Status::InvalidArgument(
        "store " + dir + ": written with fingerprint algorithm " + std::to_string(algo) +
        " and shingle size " + std::to_string(shingle) + ", this store was opened with algorithm " +
        std::to_string(params.fingerprint.algorithm_version) + " and shingle size " +
        std::to_string(params.fingerprint.shingle_size));
  }
  if (max_distance != params.max_distance) {
    return Status::InvalidArgument("store " + dir + ": written with max_distance " +
                                   std::to_string(max_distance) + ", opened with " +
                                   std::to_string(params.max_distance));
  }
  return s;
}

Result<std::optional<uint64_t>> RevisionStore::FindUrl(MDB_txn* txn, std::string_view key) const {
  if (key.empty() || key.size() > 500) return std::optional<uint64_t>();
  MDB_val k = ToVal(key), v{};
  const int rc = mdb_get(txn, urls_, &k, &v);
  if (rc == MDB_NOTFOUND) return std::optional<uint64_t>();
  if (rc != 0) return LmdbStatus(rc, dir_, "read url");
  if (v.mv_size != 8) return Corrupt("url record");
  return std::optional<uint64_t>(DecodeFixed64BE(static_cast<const char*>(v.mv_data)));
}

Status RevisionStore::PutUrl(MDB_txn* txn, std::string_view key, uint64_t id) const {
  // LMDB keys are at most 511 bytes; longer URL keys are not indexed (the
  // article still gets an identity through its other keys or its text).
  if (key.empty() || key.size() > 500) return Status::OK();
  const std::string value = IdKey(id);
  MDB_val k = ToVal(key), v = ToVal(value);
  return LmdbStatus(mdb_put(txn, urls_, &k, &v, 0), dir_, "write url");
}

Status RevisionStore::DeleteUrl(MDB_txn* txn, std::string_view key) const {
  if (key.empty() || key.size() > 500) return Status::OK();
  MDB_val k = ToVal(key);
  const int rc = mdb_del(txn, urls_, &k, nullptr);
  return rc == MDB_NOTFOUND ? Status::OK() : LmdbStatus(rc, dir_, "delete url");
}

Result<uint64_t> RevisionStore::AllocateArticleId(MDB_txn* txn) const {
  MDB_val k = ToVal("next"), v{};
  uint64_t next = 1;
  const int rc = mdb_get(txn, meta_, &k, &v);
  if (rc == 0) {
    if (v.mv_size != 8) return Corrupt("next article id");
    next = DecodeFixed64BE(static_cast<const char*>(v.mv_data));
  } else if (rc != MDB_NOTFOUND) {
    return LmdbStatus(rc, dir_, "read next id");
  }
  const std::string value = IdKey(next + 1);
  MDB_val nv = ToVal(value);
  LIBDIFF_RETURN_IF_ERROR(LmdbStatus(mdb_put(txn, meta_, &k, &nv, 0), dir_, "write next id"));
  return next;
}

Result<ArticleRecord> RevisionStore::GetArticle(MDB_txn* txn, uint64_t id) const {
  const std::string key = IdKey(id);
  MDB_val k = ToVal(key), v{};
  const int rc = mdb_get(txn, articles_, &k, &v);
  if (rc != 0) return LmdbStatus(rc, dir_, "read article " + std::to_string(id));
  return ArticleRecord::Decode(FromVal(v));
}

Status RevisionStore::PutArticle(MDB_txn* txn, uint64_t id, const ArticleRecord& record) const {
  const std::string key = IdKey(id);
  const std::string value = record.Encode();
  MDB_val k = ToVal(key), v = ToVal(value);
  return LmdbStatus(mdb_put(txn, articles_, &k, &v, 0), dir_, "write article");
}

Result<std::optional<RevisionRecord>> RevisionStore::GetRevision(MDB_txn* txn, uint64_t id,
                                                                 uint32_t rev) const {
  const std::string key = RevisionKey(id, rev);
  MDB_val k = ToVal(key), v{};
  const int rc = mdb_get(txn, revisions_, &k, &v);
  if (rc == MDB_NOTFOUND) return std::optional<RevisionRecord>();
  if (rc != 0) return LmdbStatus(rc, dir_, "read revision");
  LIBDIFF_ASSIGN_OR_RETURN(RevisionRecord r, RevisionRecord::Decode(FromVal(v)));
  return std::optional<RevisionRecord>(std::move(r));
}

Status RevisionStore::PutRevision(MDB_txn* txn, uint64_t id, uint32_t rev,
                                  const RevisionRecord& r) const {
  const std::string key = RevisionKey(id, rev);
  const std::string value = r.Encode();
  MDB_val k = ToVal(key), v = ToVal(value);
  return LmdbStatus(mdb_put(txn, revisions_, &k, &v, 0), dir_, "write revision");
}

Status RevisionStore::DeleteRevision(MDB_txn* txn, uint64_t id, uint32_t rev) const {
  const std::string key = RevisionKey(id, rev);
  MDB_val k = ToVal(key);
  const int rc = mdb_del(txn, revisions_, &k, nullptr);
  return rc == MDB_NOTFOUND ? Status::OK() : LmdbStatus(rc, dir_, "delete revision");
}

Result<std::vector<std::pair<uint32_t, RevisionRecord>>> RevisionStore::ListRevisions(
    MDB_txn* txn, uint64_t id) const {
  std::vector<std::pair<uint32_t, RevisionRecord>> out;
  MDB_cursor* cur = nullptr;
  int rc = mdb_cursor_open(txn, revisions_, &cur);
  if (rc != 0) return LmdbStatus(rc, dir_, "cursor");
  const std::string start = RevisionKey(id, 0);
  MDB_val k = ToVal(start), v{};
  Status status;
  for (rc = mdb_cursor_get(cur, &k, &v, MDB_SET_RANGE); rc == 0;
       rc = mdb_cursor_get(cur, &k, &v, MDB_NEXT)) {
    if (k.mv_size != 12 || DecodeFixed64BE(static_cast<const char*>(k.mv_data)) != id) break;
    auto r = RevisionRecord::Decode(FromVal(v));
    if (!r.ok()) {
      status = r.status();
      break;
    }
    out.emplace_back(DecodeFixed32BE(static_cast<const char*>(k.mv_data) + 8), std::move(*r));
  }
  mdb_cursor_close(cur);
  if (!status.ok()) return status;
  if (rc != 0 && rc != MDB_NOTFOUND) return LmdbStatus(rc, dir_, "list revisions");
  return out;
}

Result<std::string> RevisionStore::ReadSnapshot(MDB_txn* txn, uint64_t id, uint32_t rev) const {
  // Collect the chain back to a keyframe, then decode forward.
  std::vector<RevisionRecord> chain;
  uint32_t at = rev;
  for (int guard = 0;; ++guard) {
    if (guard > 100000) return Corrupt("revision chain: cycle");
    LIBDIFF_ASSIGN_OR_RETURN(auto r, GetRevision(txn, id, at));
    if (!r) {
      if (chain.empty()) {
        return Status::NotFound("article " + std::to_string(id) + " has no revision " +
                                std::to_string(rev));
      }
      return Corrupt("revision chain: revision " + std::to_string(at) + " of article " +
                     std::to_string(id) + " is missing");
    }
    const SnapshotEncoding enc = r->encoding;
    const uint32_t base = r->base;
    if (enc == SnapshotEncoding::kSameAs) {
      if (base >= at) return Corrupt("revision chain: forward reference");
      if (chain.empty()) {  // a revert: read the revision it repeats
        at = base;
        continue;
      }
    }
    chain.push_back(std::move(*r));
    if (enc == SnapshotEncoding::kKeyframe) break;
    if (base >= at) return Corrupt("revision chain: forward reference");
    at = base;
  }
  std::string bytes;
  for (size_t i = chain.size(); i-- > 0;) {
    const RevisionRecord& r = chain[i];
    if (r.encoding == SnapshotEncoding::kSameAs) continue;  // same bytes as its base
    LIBDIFF_ASSIGN_OR_RETURN(
        bytes, SnapshotCodec::Decompress(r.payload,
                                         r.encoding == SnapshotEncoding::kDelta ? bytes : "",
                                         kMaxSnapshotBytes));
  }
  return bytes;
}

Result<std::vector<std::string>> RevisionStore::ReadSnapshots(
    MDB_txn* txn, uint64_t id, const std::vector<std::pair<uint32_t, RevisionRecord>>& revs) const {
  std::vector<std::string> out;
  out.reserve(revs.size());
  std::map<uint32_t, size_t> position;  // revision -> index in `out`
  for (const auto& [n, r] : revs) {
    std::string bytes;
    const auto base = position.find(r.base);
    const bool have_base = base != position.end() && r.base < n;
    if (r.encoding == SnapshotEncoding::kKeyframe) {
      LIBDIFF_ASSIGN_OR_RETURN(bytes, SnapshotCodec::Decompress(r.payload, "", kMaxSnapshotBytes));
    } else if (have_base && r.encoding == SnapshotEncoding::kDelta) {
      LIBDIFF_ASSIGN_OR_RETURN(
          bytes, SnapshotCodec::Decompress(r.payload, out[base->second], kMaxSnapshotBytes));
    } else if (have_base && r.encoding == SnapshotEncoding::kSameAs) {
      bytes = out[base->second];
    } else {
      // A base outside `revs` (the caller passed a subset): the slow path.
      LIBDIFF_ASSIGN_OR_RETURN(bytes, ReadSnapshot(txn, id, n));
    }
    position[n] = out.size();
    out.push_back(std::move(bytes));
  }
  return out;
}

Status RevisionStore::PutHtml(MDB_txn* txn, uint64_t id, uint32_t rev,
                              std::string_view compressed) const {
  const std::string key = RevisionKey(id, rev);
  MDB_val k = ToVal(key), v = ToVal(compressed);
  return LmdbStatus(mdb_put(txn, html_, &k, &v, 0), dir_, "write html");
}

Result<std::optional<std::string>> RevisionStore::GetHtml(MDB_txn* txn, uint64_t id,
                                                          uint32_t rev) const {
  const std::string key = RevisionKey(id, rev);
  MDB_val k = ToVal(key), v{};
  const int rc = mdb_get(txn, html_, &k, &v);
  if (rc == MDB_NOTFOUND) return std::optional<std::string>();
  if (rc != 0) return LmdbStatus(rc, dir_, "read html");
  return std::optional<std::string>(std::string(FromVal(v)));
}

Status RevisionStore::DeleteHtml(MDB_txn* txn, uint64_t id, uint32_t rev, uint64_t* freed) const {
  const std::string key = RevisionKey(id, rev);
  MDB_val k = ToVal(key), v{};
  int rc = mdb_get(txn, html_, &k, &v);
  if (rc == MDB_NOTFOUND) return Status::OK();
  if (rc != 0) return LmdbStatus(rc, dir_, "read html");
  *freed += v.mv_size;
  rc = mdb_del(txn, html_, &k, nullptr);
  return LmdbStatus(rc, dir_, "delete html");
}

Result<std::vector<uint64_t>> RevisionStore::ListArticles(MDB_txn* txn) const {
  std::vector<uint64_t> ids;
  MDB_cursor* cur = nullptr;
  int rc = mdb_cursor_open(txn, articles_, &cur);
  if (rc != 0) return LmdbStatus(rc, dir_, "cursor");
  MDB_val k{}, v{};
  for (rc = mdb_cursor_get(cur, &k, &v, MDB_FIRST); rc == 0;
       rc = mdb_cursor_get(cur, &k, &v, MDB_NEXT)) {
    if (k.mv_size == 8) ids.push_back(DecodeFixed64BE(static_cast<const char*>(k.mv_data)));
  }
  mdb_cursor_close(cur);
  return ids;
}

Result<StoreCounters> RevisionStore::GetCounters(MDB_txn* txn) const {
  MDB_val k = ToVal("counters"), v{};
  const int rc = mdb_get(txn, meta_, &k, &v);
  if (rc == MDB_NOTFOUND) return StoreCounters{};
  if (rc != 0) return LmdbStatus(rc, dir_, "read counters");
  std::string_view in = FromVal(v);
  StoreCounters c;
  for (uint64_t* f : {&c.articles, &c.revisions, &c.urls, &c.duplicates, &c.snapshot_bytes,
                      &c.html_bytes, &c.record_bytes}) {
    if (!GetVarint(&in, f)) return Corrupt("counters");
  }
  return c;
}

Status RevisionStore::PutCounters(MDB_txn* txn, const StoreCounters& c) const {
  std::string value;
  for (uint64_t f : {c.articles, c.revisions, c.urls, c.duplicates, c.snapshot_bytes, c.html_bytes,
                     c.record_bytes}) {
    PutVarint(&value, f);
  }
  MDB_val k = ToVal("counters"), v = ToVal(value);
  return LmdbStatus(mdb_put(txn, meta_, &k, &v, 0), dir_, "write counters");
}

}  // namespace libdiff::internal
