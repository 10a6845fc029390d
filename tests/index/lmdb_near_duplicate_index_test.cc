// Copyright 2026 The libdiff Authors.
#include <lmdb.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "index/index_test_util.h"
#include "index/schema_v2.h"
#include "index/near_duplicate_index.h"

namespace libdiff::internal {
namespace {

// A fresh LMDB environment in a temporary directory, removed afterwards.
class LmdbEnv {
 public:
  LmdbEnv() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "ndi_test_XXXXXX").string();
    dir_ = mkdtemp(tmpl.data());
    EXPECT_EQ(mdb_env_create(&env_), 0);
    EXPECT_EQ(mdb_env_set_maxdbs(env_, LmdbNearDuplicateIndex::kLmdbMaxDbs), 0);
    EXPECT_EQ(mdb_env_set_mapsize(env_, size_t{256} << 20), 0);
    EXPECT_EQ(mdb_env_open(env_, dir_.c_str(), 0, 0644), 0);
  }
  ~LmdbEnv() {
    mdb_env_close(env_);
    std::filesystem::remove_all(dir_);
  }
  MDB_txn* Begin(bool read_only) {
    MDB_txn* txn = nullptr;
    EXPECT_EQ(mdb_txn_begin(env_, nullptr, read_only ? MDB_RDONLY : 0, &txn), 0);
    return txn;
  }
  MDB_env* env() { return env_; }

 private:
  std::string dir_;
  MDB_env* env_ = nullptr;
};

LmdbNearDuplicateIndex OpenIndex(LmdbEnv& env, int max_k) {
  MDB_txn* txn = env.Begin(false);
  auto index = LmdbNearDuplicateIndex::Open(txn, max_k);
  EXPECT_TRUE(index.ok()) << index.status().ToString();
  EXPECT_EQ(mdb_txn_commit(txn), 0);
  return *std::move(index);
}

TEST(LmdbNearDuplicateIndex, InsertQueryRemove) {
  LmdbEnv env;
  LmdbNearDuplicateIndex index = OpenIndex(env, 3);
  const uint64_t h = 0xfeedfacecafebeefULL;
  MDB_txn* txn = env.Begin(false);
  ASSERT_TRUE(index.Insert(txn, h, 1).ok());
  ASSERT_TRUE(index.Insert(txn, h, 1).ok());  // again: no-op
  ASSERT_TRUE(index.Insert(txn, h, 2).ok());  // shares the fingerprint
  ASSERT_TRUE(index.Insert(txn, h ^ 0x7, 3).ok());
  ASSERT_TRUE(index.Insert(txn, h ^ 0xf, 4).ok());
  ASSERT_EQ(mdb_txn_commit(txn), 0);

  txn = env.Begin(true);
  std::vector<IndexMatch> out;
  ASSERT_TRUE(index.Query(txn, h, 3, &out).ok());
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0], (IndexMatch{1, h, 0}));
  EXPECT_EQ(out[1], (IndexMatch{2, h, 0}));
  EXPECT_EQ(out[2], (IndexMatch{3, h ^ 0x7, 3}));
  auto count = index.Count(txn);
  ASSERT_TRUE(count.ok());
  EXPECT_EQ(*count, 4u);
  mdb_txn_abort(txn);

  txn = env.Begin(false);
  ASSERT_TRUE(index.Remove(txn, h, 1).ok());
  ASSERT_TRUE(index.Remove(txn, h, 99).ok());  // absent: no-op
  out.clear();
  ASSERT_TRUE(index.Query(txn, h, 3, &out).ok());
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].id, 2u);
  EXPECT_EQ(out[1].id, 3u);
  mdb_txn_abort(txn);
}

TEST(LmdbNearDuplicateIndex, RejectsBadArguments) {
  LmdbEnv env;
  LmdbNearDuplicateIndex index = OpenIndex(env, 3);
  MDB_txn* txn = env.Begin(false);
  EXPECT_TRUE(index.Insert(txn, 1, uint64_t{1} << 40).IsInvalidArgument());
  std::vector<IndexMatch> out;
  EXPECT_TRUE(index.Query(txn, 1, 4, &out).IsInvalidArgument());
  EXPECT_TRUE(index.Query(txn, 1, -1, &out).IsInvalidArgument());
  mdb_txn_abort(txn);
  EXPECT_FALSE(LmdbNearDuplicateIndex::Open(nullptr, 3).ok());
  txn = env.Begin(false);
  EXPECT_TRUE(LmdbNearDuplicateIndex::Open(txn, kMaxSupportedK + 1).status().IsInvalidArgument());
  mdb_txn_abort(txn);
}

TEST(LmdbNearDuplicateIndex, SchemaMismatchFailsWithBothLayouts) {
  LmdbEnv env;
  OpenIndex(env, 3);
  MDB_txn* txn = env.Begin(false);
  auto other = LmdbNearDuplicateIndex::Open(txn, 5);
  mdb_txn_abort(txn);
  ASSERT_FALSE(other.ok());
  EXPECT_TRUE(other.status().IsInvalidArgument());
  EXPECT_NE(other.status().message().find("max_k=3"), std::string::npos);
  EXPECT_NE(other.status().message().find("max_k=5"), std::string::npos);
}

TEST(LmdbNearDuplicateIndex, ReadOnlyOpenOfMissingIndexIsNotFound) {
  LmdbEnv env;
  MDB_txn* txn = env.Begin(true);
  auto index = LmdbNearDuplicateIndex::Open(txn, 3);
  mdb_txn_abort(txn);
  ASSERT_FALSE(index.ok());
  EXPECT_TRUE(index.status().IsNotFound()) << index.status().ToString();
}

TEST(LmdbNearDuplicateIndex, MapFullIsResourceExhausted) {
  std::string tmpl = (std::filesystem::temp_directory_path() / "ndi_full_XXXXXX").string();
  const std::string dir = mkdtemp(tmpl.data());
  MDB_env* env = nullptr;
  ASSERT_EQ(mdb_env_create(&env), 0);
  ASSERT_EQ(mdb_env_set_maxdbs(env, LmdbNearDuplicateIndex::kLmdbMaxDbs), 0);
  ASSERT_EQ(mdb_env_set_mapsize(env, size_t{64} << 10), 0);
  ASSERT_EQ(mdb_env_open(env, dir.c_str(), 0, 0644), 0);
  MDB_txn* txn = nullptr;
  ASSERT_EQ(mdb_txn_begin(env, nullptr, 0, &txn), 0);
  auto index = LmdbNearDuplicateIndex::Open(txn, 3);
  ASSERT_TRUE(index.ok());
  std::vector<IndexEntry> entries = index_test::RandomEntriesWithNeighbours(5, 20000, 3);
  Status s = index->InsertBatch(txn, entries);
  EXPECT_TRUE(s.IsResourceExhausted()) << s.ToString();
  mdb_txn_abort(txn);
  mdb_env_close(env);
  std::filesystem::remove_all(dir);
}

// Exact recall against a linear scan, for every schema K and query k <= K,
// with entries loaded half by Insert and half by InsertBatch (interleaved
// with stored entries), then some removed.
TEST(LmdbNearDuplicateIndex, RecallMatchesBruteForceForEveryK) {
  for (int max_k = 0; max_k <= kMaxSupportedK; ++max_k) {
    LmdbEnv env;
    LmdbNearDuplicateIndex index = OpenIndex(env, max_k);
    std::vector<IndexEntry> entries = index_test::RandomEntriesWithNeighbours(
        static_cast<uint32_t>(200 + max_k), 1200, max_k);
    MDB_txn* txn = env.Begin(false);
    const size_t half = entries.size() / 2;
    for (size_t i = 0; i < half; ++i) {
      ASSERT_TRUE(index.Insert(txn, entries[i].simhash, entries[i].id).ok());
    }
    ASSERT_TRUE(index.InsertBatch(txn, std::span(entries).subspan(half)).ok());
    // Remove every 11th entry from the index and from the expectation.
    std::vector<IndexEntry> kept;
    for (size_t i = 0; i < entries.size(); ++i) {
      if (i % 11 == 5) {
        ASSERT_TRUE(index.Remove(txn, entries[i].simhash, entries[i].id).ok());
      } else {
        kept.push_back(entries[i]);
      }
    }
    ASSERT_EQ(mdb_txn_commit(txn), 0);

    txn = env.Begin(true);
    const std::vector<uint64_t> queries =
        index_test::QueriesNear(kept, 250, max_k, 31u + static_cast<uint32_t>(max_k));
    size_t total = 0;
    for (int k = 0; k <= max_k; ++k) {
      for (uint64_t q : queries) {
        std::vector<IndexMatch> got;
        ASSERT_TRUE(index.Query(txn, q, k, &got).ok());
        ASSERT_EQ(index_test::IdsAndDistances(got),
                  index_test::IdsAndDistances(index_test::BruteForce(kept, q, k)))
            << "max_k=" << max_k << " k=" << k;
        total += got.size();
      }
    }
    EXPECT_GT(total, queries.size() / 4) << "the planted neighbours must be found";
    mdb_txn_abort(txn);
  }
}

TEST(LmdbNearDuplicateIndex, BatchIntoEmptyTablesEqualsSingleInserts) {
  LmdbEnv env_a;
  LmdbEnv env_b;
  LmdbNearDuplicateIndex a = OpenIndex(env_a, 3);
  LmdbNearDuplicateIndex b = OpenIndex(env_b, 3);
  const std::vector<IndexEntry> entries = index_test::RandomEntriesWithNeighbours(9, 3000, 3);
  MDB_txn* ta = env_a.Begin(false);
  MDB_txn* tb = env_b.Begin(false);
  ASSERT_TRUE(a.InsertBatch(ta, entries).ok());
  ASSERT_TRUE(a.InsertBatch(ta, entries).ok());  // all present: no change
  for (const IndexEntry& e : entries) ASSERT_TRUE(b.Insert(tb, e.simhash, e.id).ok());
  EXPECT_EQ(*a.Count(ta), *b.Count(tb));
  for (const IndexEntry& e : entries) {
    std::vector<IndexMatch> ma, mb;
    ASSERT_TRUE(a.Query(ta, e.simhash, 3, &ma).ok());
    ASSERT_TRUE(b.Query(tb, e.simhash, 3, &mb).ok());
    ASSERT_EQ(ma, mb);
  }
  mdb_txn_abort(ta);
  mdb_txn_abort(tb);
}


// Entries in one named database of the index.
size_t Entries(MDB_txn* txn, const std::string& name) {
  MDB_dbi dbi = 0;
  EXPECT_EQ(mdb_dbi_open(txn, name.c_str(), 0, &dbi), 0);
  MDB_stat st;
  EXPECT_EQ(mdb_stat(txn, dbi, &st), 0);
  return st.ms_entries;
}

// Tables 1..K hold each hash once, without ids: a hash found there gets its
// ids from table 0, and stays while any id still has it.
TEST(LmdbNearDuplicateIndex, SharedHashFoundThroughOtherTablesUntilLastIdGoes) {
  LmdbEnv env;
  LmdbNearDuplicateIndex index = OpenIndex(env, 3);
  const uint64_t h = 0x0123456789abcdefULL;
  const uint64_t q = h ^ (uint64_t{1} << 63);  // differs in block 0: tables 1..3 find it
  MDB_txn* txn = env.Begin(false);
  ASSERT_TRUE(index.Insert(txn, h, 7).ok());
  ASSERT_TRUE(index.Insert(txn, h, 9).ok());
  EXPECT_EQ(Entries(txn, "ndi_t0"), 2u);
  EXPECT_EQ(Entries(txn, "ndi_t1"), 1u);
  std::vector<IndexMatch> got;
  ASSERT_TRUE(index.Query(txn, q, 1, &got).ok());
  EXPECT_EQ(got, (std::vector<IndexMatch>{{7, h, 1}, {9, h, 1}}));

  ASSERT_TRUE(index.Remove(txn, h, 7).ok());
  got.clear();
  ASSERT_TRUE(index.Query(txn, q, 1, &got).ok());
  EXPECT_EQ(got, (std::vector<IndexMatch>{{9, h, 1}}));
  EXPECT_EQ(Entries(txn, "ndi_t3"), 1u);

  ASSERT_TRUE(index.Remove(txn, h, 9).ok());
  got.clear();
  ASSERT_TRUE(index.Query(txn, q, 1, &got).ok());
  EXPECT_TRUE(got.empty());
  for (int t = 0; t <= 3; ++t) EXPECT_EQ(Entries(txn, "ndi_t" + std::to_string(t)), 0u) << t;
  mdb_txn_abort(txn);
}

// Writes `entries` in schema v1 (the id in every table), as libdiff 0.x did.
void WriteV1Index(LmdbEnv& env, int max_k, const std::vector<IndexEntry>& entries) {
  const TableLayout layout = TableLayout::ForMaxK(max_k);
  MDB_txn* txn = env.Begin(false);
  MDB_dbi meta = 0;
  ASSERT_EQ(mdb_dbi_open(txn, "ndi_meta", MDB_CREATE, &meta), 0);
  std::string schema = "ndi v1 max_k=" + std::to_string(max_k) + " id_bytes=5";
  std::string meta_key = "schema";
  MDB_val mk{meta_key.size(), meta_key.data()};
  MDB_val mv{schema.size(), schema.data()};
  ASSERT_EQ(mdb_put(txn, meta, &mk, &mv, 0), 0);
  for (int t = 0; t < layout.tables; ++t) {
    MDB_dbi dbi = 0;
    ASSERT_EQ(mdb_dbi_open(txn, ("ndi_t" + std::to_string(t)).c_str(),
                           MDB_CREATE | MDB_DUPSORT | MDB_DUPFIXED, &dbi),
              0);
    const int w = layout.width[static_cast<size_t>(t)];
    const int kb = (w + 7) / 8;
    const int rb = (64 - w + 7) / 8;
    for (const IndexEntry& e : entries) {
      const uint64_t p = layout.Permute(t, e.simhash);
      const uint64_t residual = w == 64 ? 0 : (p & ((uint64_t{1} << (64 - w)) - 1));
      unsigned char key[8];
      unsigned char value[16];
      uint64_t v = p >> (64 - w);
      for (int i = kb - 1; i >= 0; --i, v >>= 8) key[i] = static_cast<unsigned char>(v);
      v = residual;
      for (int i = rb - 1; i >= 0; --i, v >>= 8) value[i] = static_cast<unsigned char>(v);
      v = e.id;
      for (int i = rb + 4; i >= rb; --i, v >>= 8) value[i] = static_cast<unsigned char>(v);
      MDB_val k{static_cast<size_t>(kb), key};
      MDB_val d{static_cast<size_t>(rb + 5), value};
      ASSERT_EQ(mdb_put(txn, dbi, &k, &d, MDB_NODUPDATA), 0);
    }
  }
  ASSERT_EQ(mdb_txn_commit(txn), 0);
}

TEST(LmdbNearDuplicateIndex, UpgradesASchemaV1IndexOnAWritableOpen) {
  for (int max_k : {1, 3, 7}) {
    LmdbEnv env;
    const std::vector<IndexEntry> entries =
        index_test::RandomEntriesWithNeighbours(static_cast<uint32_t>(50 + max_k), 800, max_k);
    WriteV1Index(env, max_k, entries);

    MDB_txn* txn = env.Begin(true);
    auto read_only = LmdbNearDuplicateIndex::Open(txn, max_k);
    mdb_txn_abort(txn);
    ASSERT_FALSE(read_only.ok());
    EXPECT_TRUE(read_only.status().IsInvalidArgument());
    EXPECT_NE(read_only.status().message().find("v1"), std::string::npos)
        << read_only.status().ToString();

    LmdbNearDuplicateIndex index = OpenIndex(env, max_k);
    txn = env.Begin(true);
    EXPECT_EQ(*index.Count(txn), entries.size());
    const std::vector<uint64_t> queries =
        index_test::QueriesNear(entries, 150, max_k, 77u + static_cast<uint32_t>(max_k));
    for (uint64_t q : queries) {
      std::vector<IndexMatch> got;
      ASSERT_TRUE(index.Query(txn, q, max_k, &got).ok());
      ASSERT_EQ(index_test::IdsAndDistances(got),
                index_test::IdsAndDistances(index_test::BruteForce(entries, q, max_k)))
          << "max_k=" << max_k;
    }
    mdb_txn_abort(txn);
    // Tables upgraded once: the next open finds schema v2 (whose key table
    // waits for the owner's keys, see below) and rebuilds nothing.
    txn = env.Begin(false);
    auto again = LmdbNearDuplicateIndex::Open(txn, max_k);
    ASSERT_TRUE(again.ok()) << again.status().ToString();
    MDB_dbi meta = 0;
    ASSERT_EQ(mdb_dbi_open(txn, "ndi_meta", 0, &meta), 0);
    std::string meta_key = "schema";
    MDB_val mk{meta_key.size(), meta_key.data()};
    MDB_val mv;
    ASSERT_EQ(mdb_get(txn, meta, &mk, &mv), 0);
    EXPECT_EQ(std::string(static_cast<const char*>(mv.mv_data), mv.mv_size).substr(0, 7),
              "ndi v2 ");
    mdb_txn_abort(txn);
  }
}

std::string SchemaRecord(LmdbEnv& env) {
  MDB_txn* txn = env.Begin(true);
  MDB_dbi meta = 0;
  EXPECT_EQ(mdb_dbi_open(txn, "ndi_meta", 0, &meta), 0);
  std::string meta_key = "schema";
  MDB_val mk{meta_key.size(), meta_key.data()};
  MDB_val mv{0, nullptr};
  EXPECT_EQ(mdb_get(txn, meta, &mk, &mv), 0);
  std::string schema(static_cast<const char*>(mv.mv_data), mv.mv_size);
  mdb_txn_abort(txn);
  return schema;
}

TEST(LmdbNearDuplicateIndex, CandidateKeysFindTheIdsThatShareThem) {
  LmdbEnv env;
  LmdbNearDuplicateIndex index = OpenIndex(env, 3);
  MDB_txn* txn = env.Begin(false);
  // Keys differing only in their high 16 bits are different keys.
  const std::vector<uint32_t> a = {5, 70000, 0x12345678, 0xfffffff0};
  const std::vector<uint32_t> b = {5, 0x10005, 0x22345678, 0xfffffff0};
  ASSERT_TRUE(index.InsertKeys(txn, a, 1).ok());
  ASSERT_TRUE(index.InsertKeys(txn, b, 2).ok());
  ASSERT_TRUE(index.InsertKeys(txn, a, 1).ok());  // again: kept once
  std::vector<uint64_t> got;
  ASSERT_TRUE(index.QueryKeys(txn, std::vector<uint32_t>{5}, &got).ok());
  EXPECT_EQ(got, (std::vector<uint64_t>{1, 2}));
  got.clear();
  ASSERT_TRUE(index.QueryKeys(txn, std::vector<uint32_t>{70000, 0x22345678}, &got).ok());
  EXPECT_EQ(got, (std::vector<uint64_t>{1, 2}));
  got.clear();
  ASSERT_TRUE(index.QueryKeys(txn, std::vector<uint32_t>{0x10000 + 70000, 6}, &got).ok());
  EXPECT_TRUE(got.empty());

  ASSERT_TRUE(index.RemoveKeys(txn, a, 1).ok());
  got.clear();
  ASSERT_TRUE(index.QueryKeys(txn, a, &got).ok());
  EXPECT_EQ(got, (std::vector<uint64_t>{2, 2}));  // keys 5 and 0xfffffff0 are b's too
  mdb_txn_abort(txn);
}

TEST(LmdbNearDuplicateIndex, AKeyHeldByTooManyIdsGivesNoCandidates) {
  LmdbEnv env;
  LmdbNearDuplicateIndex index = OpenIndex(env, 3);
  MDB_txn* txn = env.Begin(false);
  for (uint64_t id = 1; id <= kMaxPostings + 1; ++id) {
    ASSERT_TRUE(index.InsertKeys(txn, std::vector<uint32_t>{42, static_cast<uint32_t>(1000 + id)},
                                 id)
                    .ok());
  }
  std::vector<uint64_t> got;
  ASSERT_TRUE(index.QueryKeys(txn, std::vector<uint32_t>{42, 1003}, &got).ok());
  EXPECT_EQ(got, (std::vector<uint64_t>{3}));  // 42 is boilerplate; 1003 is id 3's alone
  ASSERT_TRUE(index.RemoveKeys(txn, std::vector<uint32_t>{42}, 1).ok());
  got.clear();
  ASSERT_TRUE(index.QueryKeys(txn, std::vector<uint32_t>{42}, &got).ok());
  EXPECT_EQ(got.size(), kMaxPostings);  // back at the limit: evidence again
  mdb_txn_abort(txn);
}

TEST(LmdbNearDuplicateIndex, SchemaV2IndexWaitsForItsOwnersKeys) {
  LmdbEnv env;
  {
    LmdbNearDuplicateIndex index = OpenIndex(env, 3);
    (void)index;
  }
  ASSERT_EQ(SchemaRecord(env).substr(0, 7), "ndi v3 ");
  // Make it a v2 index: no key table, the v2 schema record.
  {
    test::DowngradeIndexToV2(env.Begin(false));
  }
  MDB_txn* txn = env.Begin(true);
  auto read_only = LmdbNearDuplicateIndex::Open(txn, 3);
  mdb_txn_abort(txn);
  ASSERT_FALSE(read_only.ok());
  EXPECT_NE(read_only.status().message().find("open it once for writing"), std::string::npos)
      << read_only.status().ToString();

  txn = env.Begin(false);
  auto index = LmdbNearDuplicateIndex::Open(txn, 3);
  ASSERT_TRUE(index.ok()) << index.status().ToString();
  EXPECT_TRUE(index->needs_keys());
  ASSERT_TRUE(index->InsertKeys(txn, std::vector<uint32_t>{7}, 1).ok());
  ASSERT_TRUE(index->MarkKeysComplete(txn).ok());
  EXPECT_FALSE(index->needs_keys());
  ASSERT_EQ(mdb_txn_commit(txn), 0);
  EXPECT_EQ(SchemaRecord(env).substr(0, 7), "ndi v3 ");
  txn = env.Begin(true);
  auto reopened = LmdbNearDuplicateIndex::Open(txn, 3);
  ASSERT_TRUE(reopened.ok()) << reopened.status().ToString();
  EXPECT_FALSE(reopened->needs_keys());
  std::vector<uint64_t> got;
  ASSERT_TRUE(reopened->QueryKeys(txn, std::vector<uint32_t>{7}, &got).ok());
  EXPECT_EQ(got, (std::vector<uint64_t>{1}));
  mdb_txn_abort(txn);
}

}  // namespace
}  // namespace libdiff::internal
