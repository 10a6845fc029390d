// Copyright 2026 The libdiff Authors.
//
// The LMDB backend of the near-duplicate index (schema in the header).
#include <bit>
#include <cstdio>
#include <cstring>
#include <string>
#include <tuple>
#include <algorithm>

#include "index/near_duplicate_index.h"

namespace libdiff::internal {
namespace {

constexpr const char* kMetaKey = "schema";

Status LmdbError(int rc, const std::string& what) {
  std::string msg = "near-duplicate index: " + what + ": " + mdb_strerror(rc);
  switch (rc) {
    case MDB_MAP_FULL:
    case MDB_TXN_FULL:
    case MDB_DBS_FULL:
    case MDB_READERS_FULL:
      return Status::ResourceExhausted(msg);
    case MDB_NOTFOUND:
      return Status::NotFound(msg);
    case MDB_CORRUPTED:
    case MDB_PAGE_NOTFOUND:
    case MDB_INVALID:
    case MDB_VERSION_MISMATCH:
    case MDB_INCOMPATIBLE:
      return Status::Corruption(msg);
    case EINVAL:
      return Status::InvalidArgument(msg);
    default:
      return Status::IOError(msg);
  }
}

void PutBigEndian(uint64_t v, int bytes, unsigned char* out) {
  for (int i = bytes - 1; i >= 0; --i) {
    out[i] = static_cast<unsigned char>(v & 0xff);
    v >>= 8;
  }
}

uint64_t GetBigEndian(const unsigned char* in, int bytes) {
  uint64_t v = 0;
  for (int i = 0; i < bytes; ++i) v = (v << 8) | in[i];
  return v;
}

MDB_val Val(void* data, size_t size) {
  MDB_val v;
  v.mv_size = size;
  v.mv_data = data;
  return v;
}

std::string SchemaText(int version, int max_k, int id_bytes) {
  return "ndi v" + std::to_string(version) + " max_k=" + std::to_string(max_k) +
         " id_bytes=" + std::to_string(id_bytes);
}

// Version 2 keeps the id in table 0 only (see the header); version 1 kept it
// in every table. Table 0 is the same in both, so a version 1 index is
// upgraded by rebuilding tables 1..K from table 0. Version 3 adds the
// candidate-key table, which only the owner of the sketches can fill.
constexpr int kSchemaVersion = 3;
// A candidate key (a 32-bit sketch value) is split into the LMDB key, its low
// 8 bits, and a residual, its high 24 bits, first in the value. Few LMDB keys
// with many duplicates each: at 10M fingerprints a 16-bit split gave 65,536
// sub-databases of ~600 values, each a branch page over two half-empty leaves
// (160 bytes per fingerprint on disk); 256 keys fill their sub-databases'
// pages as a single B-tree would (docs/index.md).
constexpr size_t kKeyBits = 8;
constexpr size_t kKeyBytes = 1;
constexpr size_t kKeyResidual = 3;
constexpr uint32_t kKeyMask = (uint32_t{1} << kKeyBits) - 1;

// Opens a named database; creates it when `txn` can write. EACCES from
// MDB_CREATE means a read-only transaction and a missing database.
Status OpenDb(MDB_txn* txn, const std::string& name, unsigned int flags, MDB_dbi* dbi) {
  int rc = mdb_dbi_open(txn, name.c_str(), flags, dbi);
  if (rc == MDB_NOTFOUND) {
    rc = mdb_dbi_open(txn, name.c_str(), flags | MDB_CREATE, dbi);
    if (rc == EACCES) {
      return Status::NotFound("near-duplicate index: database " + name +
                              " does not exist (and the transaction is read-only)");
    }
  }
  if (rc == MDB_INCOMPATIBLE) {
    return Status::Corruption("near-duplicate index: database " + name +
                              " exists with other flags (not written by this index)");
  }
  if (rc != 0) return LmdbError(rc, "opening " + name);
  return Status::OK();
}

// RAII for a cursor.
class Cursor {
 public:
  Cursor() = default;
  Cursor(const Cursor&) = delete;
  Cursor& operator=(const Cursor&) = delete;
  ~Cursor() {
    if (c_ != nullptr) mdb_cursor_close(c_);
  }
  int Open(MDB_txn* txn, MDB_dbi dbi) { return mdb_cursor_open(txn, dbi, &c_); }
  MDB_cursor* get() const { return c_; }

 private:
  MDB_cursor* c_ = nullptr;
};

// Puts (key, value) pairs, in ascending order, into a DUPSORT database
// through `cursor`: appended without a search (MDB_APPEND, MDB_APPENDDUP)
// while they sort after everything stored, searched for each one after the
// first that does not. Existing pairs are kept once.
class SortedPutter {
 public:
  SortedPutter(MDB_cursor* cursor, size_t key_bytes, size_t value_bytes)
      : cursor_(cursor), key_bytes_(key_bytes), value_bytes_(value_bytes) {}

  // Reads the last stored pair. Returns an LMDB code (0 on success).
  int Start() {
    MDB_val k, v;
    const int rc = mdb_cursor_get(cursor_, &k, &v, MDB_LAST);
    if (rc == MDB_NOTFOUND) return 0;
    if (rc != 0) return rc;
    // MDB_LAST on a DUPSORT database positions at the last duplicate.
    if (k.mv_size == key_bytes_ && v.mv_size == value_bytes_) {
      std::memcpy(last_key_, k.mv_data, key_bytes_);
      std::memcpy(last_value_, v.mv_data, value_bytes_);
      have_last_ = true;
    } else {
      appending_ = false;
    }
    return 0;
  }

  // REQUIRES: pairs in ascending byte order. Returns an LMDB code.
  int Put(unsigned char* key, unsigned char* value) {
    unsigned int flags = MDB_NODUPDATA;
    if (appending_) {
      const int kc = have_last_ ? std::memcmp(key, last_key_, key_bytes_) : 1;
      const int vc = kc == 0 ? std::memcmp(value, last_value_, value_bytes_) : 1;
      if (kc > 0) {
        flags = MDB_APPEND;
      } else if (kc == 0 && vc > 0) {
        flags = MDB_APPENDDUP;
      } else {
        appending_ = false;  // interleaves with stored pairs: search each one
      }
    }
    MDB_val k = Val(key, key_bytes_);
    MDB_val v = Val(value, value_bytes_);
    const int rc = mdb_cursor_put(cursor_, &k, &v, flags);
    if (rc != 0 && rc != MDB_KEYEXIST) return rc;
    if (appending_) {
      std::memcpy(last_key_, key, key_bytes_);
      std::memcpy(last_value_, value, value_bytes_);
      have_last_ = true;
    }
    return 0;
  }

 private:
  MDB_cursor* cursor_;
  size_t key_bytes_;
  size_t value_bytes_;
  unsigned char last_key_[8] = {};
  unsigned char last_value_[16] = {};
  bool have_last_ = false;
  bool appending_ = true;
};

}  // namespace

Result<LmdbNearDuplicateIndex> LmdbNearDuplicateIndex::Open(MDB_txn* txn,
                                                            const LmdbIndexOptions& options) {
  if (txn == nullptr) return Status::InvalidArgument("near-duplicate index: null transaction");
  if (options.max_k < 0 || options.max_k > kMaxSupportedK) {
    return Status::InvalidArgument("near-duplicate index: max_k " + std::to_string(options.max_k) +
                                   " outside 0.." + std::to_string(kMaxSupportedK));
  }
  if (options.id_bytes < 4 || options.id_bytes > 8) {
    return Status::InvalidArgument("near-duplicate index: id_bytes " +
                                   std::to_string(options.id_bytes) + " outside 4..8");
  }
  LmdbNearDuplicateIndex index;
  index.layout_ = TableLayout::ForMaxK(options.max_k);
  index.id_bytes_ = options.id_bytes;
  LIBDIFF_RETURN_IF_ERROR(OpenDb(txn, "ndi_meta", 0, &index.meta_));

  const std::string want = SchemaText(kSchemaVersion, options.max_k, options.id_bytes);
  const std::string v1 = SchemaText(1, options.max_k, options.id_bytes);
  const std::string v2 = SchemaText(2, options.max_k, options.id_bytes);
  std::string key_text = kMetaKey;
  MDB_val key = Val(key_text.data(), key_text.size());
  MDB_val value;
  bool upgrade = false;
  int rc = mdb_get(txn, index.meta_, &key, &value);
  if (rc == MDB_NOTFOUND) {
    std::string text = want;
    MDB_val v = Val(text.data(), text.size());
    rc = mdb_put(txn, index.meta_, &key, &v, 0);
    if (rc == EACCES) {
      return Status::NotFound("near-duplicate index: no schema record (read-only transaction)");
    }
    if (rc != 0) return LmdbError(rc, "writing the schema record");
  } else if (rc != 0) {
    return LmdbError(rc, "reading the schema record");
  } else {
    std::string have(static_cast<const char*>(value.mv_data), value.mv_size);
    if (have == v1 || have == v2) {
      upgrade = have == v1;
      index.needs_keys_ = true;
    } else if (have != want) {
      return Status::InvalidArgument("near-duplicate index: stored schema \"" + have +
                                     "\", this caller opens it as \"" + want + "\"");
    }
  }
  for (int t = 0; t < index.layout_.tables; ++t) {
    const int w = index.layout_.width[static_cast<size_t>(t)];
    index.key_bytes_[t] = (w + 7) / 8;
    index.residual_bytes_[t] = (64 - w + 7) / 8;
    index.value_bytes_[t] = index.residual_bytes_[t] + (t == 0 ? index.id_bytes_ : 0);
    LIBDIFF_RETURN_IF_ERROR(OpenDb(txn, "ndi_t" + std::to_string(t), MDB_DUPSORT | MDB_DUPFIXED,
                                   &index.tables_[t]));
  }
  if (index.needs_keys_) {
    // Creating ndi_sk needs a write transaction: a read-only open of an old
    // index fails here with the message of UpgradeFromV1's read-only case.
    const int key_rc = mdb_dbi_open(txn, "ndi_sk", MDB_DUPSORT | MDB_DUPFIXED | MDB_CREATE,
                                &index.keys_);
    if (key_rc == EACCES) {
      return Status::InvalidArgument(
          "near-duplicate index: written in schema v" + std::string(upgrade ? "1" : "2") +
          " by an older libdiff; open it once for writing to upgrade it to v" +
          std::to_string(kSchemaVersion));
    }
    if (key_rc != 0) return LmdbError(key_rc, "opening ndi_sk");
  } else {
    LIBDIFF_RETURN_IF_ERROR(OpenDb(txn, "ndi_sk", MDB_DUPSORT | MDB_DUPFIXED, &index.keys_));
  }
  if (upgrade) LIBDIFF_RETURN_IF_ERROR(index.UpgradeFromV1(txn, v2));
  return index;
}

Status LmdbNearDuplicateIndex::UpgradeFromV1(MDB_txn* txn, const std::string& schema) {
  const auto read_only = [] {
    return Status::InvalidArgument(
        "near-duplicate index: written in schema v1 by an older libdiff; open it once for "
        "writing to upgrade it to v" + std::to_string(kSchemaVersion));
  };
  // Table 0 is unchanged: read every (hash, id) from it, empty the other
  // tables and fill them again in the new layout.
  std::vector<IndexEntry> entries;
  {
    Cursor cursor;
    int rc = cursor.Open(txn, tables_[0]);
    if (rc != 0) return LmdbError(rc, "opening a cursor");
    const int w = layout_.width[0];
    const size_t item = static_cast<size_t>(value_bytes_[0]);
    MDB_val key, data;
    for (rc = mdb_cursor_get(cursor.get(), &key, &data, MDB_FIRST); rc == 0;
         rc = mdb_cursor_get(cursor.get(), &key, &data, MDB_NEXT)) {
      if (key.mv_size != static_cast<size_t>(key_bytes_[0]) || data.mv_size != item) {
        return Status::Corruption("near-duplicate index: table 0 holds an entry of the wrong size");
      }
      const uint64_t high = GetBigEndian(static_cast<const unsigned char*>(key.mv_data),
                                         key_bytes_[0]);
      const auto* rec = static_cast<const unsigned char*>(data.mv_data);
      const uint64_t p =
          w == 64 ? high : (high << (64 - w)) | GetBigEndian(rec, residual_bytes_[0]);
      entries.push_back(
          {layout_.Unpermute(0, p), GetBigEndian(rec + residual_bytes_[0], id_bytes_)});
    }
    if (rc != MDB_NOTFOUND) return LmdbError(rc, "reading table 0");
  }
  for (int t = 1; t < layout_.tables; ++t) {
    const int rc = mdb_drop(txn, tables_[t], 0);
    if (rc == EACCES) return read_only();
    if (rc != 0) return LmdbError(rc, "emptying table " + std::to_string(t));
  }
  LIBDIFF_RETURN_IF_ERROR(InsertTables(txn, entries, 1));
  return WriteSchema(txn, schema);
}

Status LmdbNearDuplicateIndex::WriteSchema(MDB_txn* txn, const std::string& schema) const {
  std::string key_text = kMetaKey;
  std::string text = schema;
  MDB_val key = Val(key_text.data(), key_text.size());
  MDB_val v = Val(text.data(), text.size());
  const int rc = mdb_put(txn, meta_, &key, &v, 0);
  if (rc != 0) return LmdbError(rc, "writing the schema record");
  return Status::OK();
}

Status LmdbNearDuplicateIndex::ClearSimHashTables(MDB_txn* txn) const {
  for (int t = 0; t < layout_.tables; ++t) {
    const int rc = mdb_drop(txn, tables_[t], 0);
    if (rc != 0) return LmdbError(rc, "emptying table " + std::to_string(t));
  }
  return Status::OK();
}

Status LmdbNearDuplicateIndex::MarkKeysComplete(MDB_txn* txn) {
  LIBDIFF_RETURN_IF_ERROR(WriteSchema(txn, SchemaText(kSchemaVersion, layout_.max_k, id_bytes_)));
  needs_keys_ = false;
  return Status::OK();
}

Status LmdbNearDuplicateIndex::KeyOp(MDB_txn* txn, uint32_t key_value, uint64_t id,
                                     bool insert) const {
  unsigned char kbuf[kKeyBytes];
  unsigned char vbuf[kKeyResidual + 8];
  PutBigEndian(key_value & kKeyMask, kKeyBytes, kbuf);
  PutBigEndian(key_value >> kKeyBits, kKeyResidual, vbuf);
  PutBigEndian(id, id_bytes_, vbuf + kKeyResidual);
  MDB_val key = Val(kbuf, kKeyBytes);
  MDB_val value = Val(vbuf, kKeyResidual + static_cast<size_t>(id_bytes_));
  if (insert) {
    const int rc = mdb_put(txn, keys_, &key, &value, MDB_NODUPDATA);
    if (rc != 0 && rc != MDB_KEYEXIST) return LmdbError(rc, "inserting a key");
  } else {
    const int rc = mdb_del(txn, keys_, &key, &value);
    if (rc != 0 && rc != MDB_NOTFOUND) return LmdbError(rc, "removing a key");
  }
  return Status::OK();
}

Status LmdbNearDuplicateIndex::InsertKeys(MDB_txn* txn, std::span<const uint32_t> keys,
                                          uint64_t id) const {
  if (id_bytes_ < 8 && (id >> (8 * id_bytes_)) != 0) {
    return Status::InvalidArgument("near-duplicate index: id " + std::to_string(id) +
                                   " does not fit in " + std::to_string(id_bytes_) + " bytes");
  }
  for (uint32_t k : keys) LIBDIFF_RETURN_IF_ERROR(KeyOp(txn, k, id, /*insert=*/true));
  return Status::OK();
}

Status LmdbNearDuplicateIndex::RemoveKeys(MDB_txn* txn, std::span<const uint32_t> keys,
                                          uint64_t id) const {
  if (id_bytes_ < 8 && (id >> (8 * id_bytes_)) != 0) return Status::OK();  // never stored
  for (uint32_t k : keys) LIBDIFF_RETURN_IF_ERROR(KeyOp(txn, k, id, /*insert=*/false));
  return Status::OK();
}

Status LmdbNearDuplicateIndex::InsertKeysBatch(MDB_txn* txn,
                                               std::span<const KeyEntry> entries) const {
  // (low bits, high bits, id) as integers sorts like the big-endian bytes.
  std::vector<std::tuple<uint32_t, uint32_t, uint64_t>> rows;
  rows.reserve(entries.size());
  for (const KeyEntry& e : entries) {
    if (id_bytes_ < 8 && (e.id >> (8 * id_bytes_)) != 0) {
      return Status::InvalidArgument("near-duplicate index: id " + std::to_string(e.id) +
                                     " does not fit in " + std::to_string(id_bytes_) + " bytes");
    }
    rows.emplace_back(e.key & kKeyMask, e.key >> kKeyBits, e.id);
  }
  std::sort(rows.begin(), rows.end());
  rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
  Cursor cursor;
  int rc = cursor.Open(txn, keys_);
  if (rc != 0) return LmdbError(rc, "opening a cursor");
  SortedPutter putter(cursor.get(), kKeyBytes, kKeyResidual + static_cast<size_t>(id_bytes_));
  rc = putter.Start();
  if (rc != 0) return LmdbError(rc, "reading the last key");
  for (const auto& [low, high, id] : rows) {
    unsigned char kbuf[kKeyBytes];
    unsigned char vbuf[kKeyResidual + 8];
    PutBigEndian(low, kKeyBytes, kbuf);
    PutBigEndian(high, kKeyResidual, vbuf);
    PutBigEndian(id, id_bytes_, vbuf + kKeyResidual);
    rc = putter.Put(kbuf, vbuf);
    if (rc != 0) return LmdbError(rc, "inserting keys");
  }
  return Status::OK();
}

Status LmdbNearDuplicateIndex::QueryKeys(MDB_txn* txn, std::span<const uint32_t> keys,
                                         std::vector<uint64_t>* ids) const {
  if (ids == nullptr) return Status::InvalidArgument("near-duplicate index: null output");
  Cursor cursor;
  int rc = cursor.Open(txn, keys_);
  if (rc != 0) return LmdbError(rc, "opening a cursor");
  const size_t item = kKeyResidual + static_cast<size_t>(id_bytes_);
  std::vector<uint64_t> found;
  for (uint32_t k : keys) {
    unsigned char kbuf[kKeyBytes];
    unsigned char vbuf[kKeyResidual + 8] = {};
    PutBigEndian(k & kKeyMask, kKeyBytes, kbuf);
    PutBigEndian(k >> kKeyBits, kKeyResidual, vbuf);  // then id 0: the first of the value's ids
    MDB_val key = Val(kbuf, kKeyBytes);
    MDB_val data = Val(vbuf, item);
    found.clear();
    for (rc = mdb_cursor_get(cursor.get(), &key, &data, MDB_GET_BOTH_RANGE); rc == 0;
         rc = mdb_cursor_get(cursor.get(), &key, &data, MDB_NEXT_DUP)) {
      const auto* rec = static_cast<const unsigned char*>(data.mv_data);
      if (data.mv_size != item) {
        return Status::Corruption("near-duplicate index: a key entry of the wrong size");
      }
      if (std::memcmp(rec, vbuf, kKeyResidual) != 0) break;
      if (found.size() == kMaxPostings) {  // boilerplate: no evidence
        found.clear();
        rc = MDB_NOTFOUND;
        break;
      }
      found.push_back(GetBigEndian(rec + kKeyResidual, id_bytes_));
    }
    if (rc != 0 && rc != MDB_NOTFOUND) return LmdbError(rc, "querying keys");
    ids->insert(ids->end(), found.begin(), found.end());
  }
  return Status::OK();
}

void LmdbNearDuplicateIndex::Encode(int table, uint64_t simhash, uint64_t id, unsigned char* key,
                                    unsigned char* value) const {
  const int w = layout_.width[static_cast<size_t>(table)];
  const uint64_t p = layout_.Permute(table, simhash);
  const uint64_t residual = w == 64 ? 0 : (p & ((uint64_t{1} << (64 - w)) - 1));
  PutBigEndian(p >> (64 - w), key_bytes_[table], key);
  PutBigEndian(residual, residual_bytes_[table], value);
  if (table == 0) PutBigEndian(id, id_bytes_, value + residual_bytes_[table]);
}

Status LmdbNearDuplicateIndex::Insert(MDB_txn* txn, uint64_t simhash, uint64_t id) const {
  if (id_bytes_ < 8 && (id >> (8 * id_bytes_)) != 0) {
    return Status::InvalidArgument("near-duplicate index: id " + std::to_string(id) +
                                   " does not fit in " + std::to_string(id_bytes_) + " bytes");
  }
  unsigned char kbuf[8];
  unsigned char vbuf[16];
  for (int t = 0; t < layout_.tables; ++t) {
    Encode(t, simhash, id, kbuf, vbuf);
    MDB_val key = Val(kbuf, static_cast<size_t>(key_bytes_[t]));
    MDB_val value = Val(vbuf, static_cast<size_t>(value_bytes_[t]));
    const int rc = mdb_put(txn, tables_[t], &key, &value, MDB_NODUPDATA);
    if (rc != 0 && rc != MDB_KEYEXIST) return LmdbError(rc, "inserting");
  }
  return Status::OK();
}

Status LmdbNearDuplicateIndex::InsertBatch(MDB_txn* txn,
                                           std::span<const IndexEntry> entries) const {
  for (const IndexEntry& e : entries) {
    if (id_bytes_ < 8 && (e.id >> (8 * id_bytes_)) != 0) {
      return Status::InvalidArgument("near-duplicate index: id " + std::to_string(e.id) +
                                     " does not fit in " + std::to_string(id_bytes_) + " bytes");
    }
  }
  return InsertTables(txn, entries, 0);
}

Status LmdbNearDuplicateIndex::InsertTables(MDB_txn* txn, std::span<const IndexEntry> entries,
                                            int first_table) const {
  // (key, residual, id) as integers sorts exactly like the big-endian bytes.
  // Tables 1..K hold no id: their rows are (key, residual, 0), one per hash.
  std::vector<std::tuple<uint64_t, uint64_t, uint64_t>> rows(entries.size());
  for (int t = first_table; t < layout_.tables; ++t) {
    const int w = layout_.width[static_cast<size_t>(t)];
    rows.resize(entries.size());
    for (size_t i = 0; i < entries.size(); ++i) {
      const uint64_t p = layout_.Permute(t, entries[i].simhash);
      const uint64_t residual = w == 64 ? 0 : (p & ((uint64_t{1} << (64 - w)) - 1));
      rows[i] = {p >> (64 - w), residual, t == 0 ? entries[i].id : 0};
    }
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());

    Cursor cursor;
    int rc = cursor.Open(txn, tables_[t]);
    if (rc != 0) return LmdbError(rc, "opening a cursor");
    SortedPutter putter(cursor.get(), static_cast<size_t>(key_bytes_[t]),
                        static_cast<size_t>(value_bytes_[t]));
    rc = putter.Start();
    if (rc != 0) return LmdbError(rc, "reading the last entry");
    unsigned char kbuf[8];
    unsigned char vbuf[16];
    for (const auto& [key_bits, residual, id] : rows) {
      PutBigEndian(key_bits, key_bytes_[t], kbuf);
      PutBigEndian(residual, residual_bytes_[t], vbuf);
      if (t == 0) PutBigEndian(id, id_bytes_, vbuf + residual_bytes_[t]);
      rc = putter.Put(kbuf, vbuf);
      if (rc != 0) return LmdbError(rc, "inserting a batch");
    }
  }
  return Status::OK();
}

Status LmdbNearDuplicateIndex::Remove(MDB_txn* txn, uint64_t simhash, uint64_t id) const {
  if (id_bytes_ < 8 && (id >> (8 * id_bytes_)) != 0) return Status::OK();  // never stored
  unsigned char kbuf[8];
  unsigned char vbuf[16];
  Encode(0, simhash, id, kbuf, vbuf);
  MDB_val key = Val(kbuf, static_cast<size_t>(key_bytes_[0]));
  MDB_val value = Val(vbuf, static_cast<size_t>(value_bytes_[0]));
  int rc = mdb_del(txn, tables_[0], &key, &value);
  if (rc == MDB_NOTFOUND) return Status::OK();
  if (rc != 0) return LmdbError(rc, "removing");
  // The other tables hold the hash once for all its ids: keep it while
  // another id still has it.
  std::vector<uint64_t> others;
  LIBDIFF_RETURN_IF_ERROR(IdsOf(txn, simhash, &others));
  if (!others.empty()) return Status::OK();
  for (int t = 1; t < layout_.tables; ++t) {
    Encode(t, simhash, id, kbuf, vbuf);
    key = Val(kbuf, static_cast<size_t>(key_bytes_[t]));
    value = Val(vbuf, static_cast<size_t>(value_bytes_[t]));
    rc = mdb_del(txn, tables_[t], &key, &value);
    if (rc != 0 && rc != MDB_NOTFOUND) return LmdbError(rc, "removing");
  }
  return Status::OK();
}

Status LmdbNearDuplicateIndex::IdsOf(MDB_txn* txn, uint64_t simhash,
                                     std::vector<uint64_t>* ids) const {
  unsigned char kbuf[8];
  unsigned char vbuf[16];
  Encode(0, simhash, 0, kbuf, vbuf);  // (residual, id 0): sorts first among the hash's ids
  const size_t rb = static_cast<size_t>(residual_bytes_[0]);
  Cursor cursor;
  int rc = cursor.Open(txn, tables_[0]);
  if (rc != 0) return LmdbError(rc, "opening a cursor");
  MDB_val key = Val(kbuf, static_cast<size_t>(key_bytes_[0]));
  MDB_val data = Val(vbuf, static_cast<size_t>(value_bytes_[0]));
  for (rc = mdb_cursor_get(cursor.get(), &key, &data, MDB_GET_BOTH_RANGE); rc == 0;
       rc = mdb_cursor_get(cursor.get(), &key, &data, MDB_NEXT_DUP)) {
    const auto* rec = static_cast<const unsigned char*>(data.mv_data);
    if (std::memcmp(rec, vbuf, rb) != 0) return Status::OK();
    ids->push_back(GetBigEndian(rec + rb, id_bytes_));
  }
  if (rc != MDB_NOTFOUND) return LmdbError(rc, "looking up ids");
  return Status::OK();
}

Status LmdbNearDuplicateIndex::Query(MDB_txn* txn, uint64_t simhash, int k,
                                     std::vector<IndexMatch>* out) const {
  if (k < 0 || k > layout_.max_k || out == nullptr) {
    return Status::InvalidArgument("near-duplicate index: query distance " + std::to_string(k) +
                                   " outside 0.." + std::to_string(layout_.max_k));
  }
  const size_t from = out->size();
  std::vector<std::pair<uint64_t, int>> found;  // hashes found in tables 1..k
  uint64_t qkeys[kMaxSupportedK + 1];
  for (int t = 0; t <= k; ++t) qkeys[t] = layout_.Key(t, simhash);
  for (int t = 0; t <= k; ++t) {
    const int w = layout_.width[static_cast<size_t>(t)];
    const int rb = residual_bytes_[t];
    const size_t item = static_cast<size_t>(value_bytes_[t]);
    const uint64_t qp = layout_.Permute(t, simhash);
    const uint64_t key_high = w == 64 ? qp : (qkeys[t] << (64 - w));
    unsigned char kbuf[8];
    PutBigEndian(qkeys[t], key_bytes_[t], kbuf);
    Cursor cursor;
    int rc = cursor.Open(txn, tables_[t]);
    if (rc != 0) return LmdbError(rc, "opening a cursor");
    MDB_val key = Val(kbuf, static_cast<size_t>(key_bytes_[t]));
    MDB_val data;
    rc = mdb_cursor_get(cursor.get(), &key, &data, MDB_SET);
    if (rc == MDB_NOTFOUND) continue;
    if (rc != 0) return LmdbError(rc, "querying");
    MDB_cursor_op op = MDB_GET_MULTIPLE;
    for (;;) {
      rc = mdb_cursor_get(cursor.get(), &key, &data, op);
      if (rc == MDB_NOTFOUND) break;
      if (rc != 0) return LmdbError(rc, "querying");
      op = MDB_NEXT_MULTIPLE;
      const auto* bytes = static_cast<const unsigned char*>(data.mv_data);
      const size_t count = data.mv_size / item;
      for (size_t i = 0; i < count; ++i) {
        const unsigned char* rec = bytes + i * item;
        const uint64_t p = key_high | GetBigEndian(rec, rb);
        const int d = std::popcount(p ^ qp);
        if (d > k) continue;
        const uint64_t h = layout_.Unpermute(t, p);
        bool first = true;
        for (int u = 0; first && u < t; ++u) first = layout_.Key(u, h) != qkeys[u];
        if (!first) continue;
        if (t == 0) {
          out->push_back(IndexMatch{GetBigEndian(rec + rb, id_bytes_), h, d});
        } else {
          found.push_back({h, d});  // its ids are in table 0, looked up below
        }
      }
    }
  }
  std::vector<uint64_t> ids;
  for (const auto& [h, d] : found) {
    ids.clear();
    LIBDIFF_RETURN_IF_ERROR(IdsOf(txn, h, &ids));
    for (uint64_t id : ids) out->push_back(IndexMatch{id, h, d});
  }
  // Same post-processing as the in-memory backend: each id once, closest first.
  auto begin = out->begin() + static_cast<std::ptrdiff_t>(from);
  std::sort(begin, out->end(), [](const IndexMatch& a, const IndexMatch& b) {
    return a.id != b.id ? a.id < b.id : a.distance < b.distance;
  });
  out->erase(std::unique(begin, out->end(),
                         [](const IndexMatch& a, const IndexMatch& b) { return a.id == b.id; }),
             out->end());
  std::sort(out->begin() + static_cast<std::ptrdiff_t>(from), out->end(),
            [](const IndexMatch& a, const IndexMatch& b) {
              return a.distance != b.distance ? a.distance < b.distance : a.id < b.id;
            });
  return Status::OK();
}

Result<uint64_t> LmdbNearDuplicateIndex::Count(MDB_txn* txn) const {
  MDB_stat st;
  const int rc = mdb_stat(txn, tables_[0], &st);
  if (rc != 0) return LmdbError(rc, "stat");
  return static_cast<uint64_t>(st.ms_entries);
}

Result<uint64_t> LmdbNearDuplicateIndex::DiskBytes(MDB_txn* txn) const {
  uint64_t bytes = 0;
  for (int t = -1; t < layout_.tables; ++t) {
    MDB_stat st;
    const int rc = mdb_stat(txn, t < 0 ? meta_ : tables_[t], &st);
    if (rc != 0) return LmdbError(rc, "stat");
    bytes += uint64_t{st.ms_psize} *
             (uint64_t{st.ms_branch_pages} + st.ms_leaf_pages + st.ms_overflow_pages);
  }
  MDB_stat st;
  const int rc = mdb_stat(txn, keys_, &st);
  if (rc != 0) return LmdbError(rc, "stat");
  bytes += uint64_t{st.ms_psize} *
           (uint64_t{st.ms_branch_pages} + st.ms_leaf_pages + st.ms_overflow_pages);
  return bytes;
}

}  // namespace libdiff::internal
