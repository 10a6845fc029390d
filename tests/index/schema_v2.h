// Copyright 2026 The libdiff Authors.
//
// For the upgrade tests: turns a near-duplicate index back into schema v2 (no
// candidate-key table, the v2 schema record), as libdiff wrote it before the
// keys existed.
#ifndef LIBDIFF_TESTS_INDEX_SCHEMA_V2_H_
#define LIBDIFF_TESTS_INDEX_SCHEMA_V2_H_

#include <gtest/gtest.h>
#include <lmdb.h>

#include <string>

namespace libdiff::test {

// REQUIRES: a write txn on an environment holding a v3 index. Commits it.
inline void DowngradeIndexToV2(MDB_txn* txn) {
  MDB_dbi keys = 0;
  ASSERT_EQ(mdb_dbi_open(txn, "ndi_sk", 0, &keys), 0);
  ASSERT_EQ(mdb_drop(txn, keys, 1), 0);
  MDB_dbi meta = 0;
  ASSERT_EQ(mdb_dbi_open(txn, "ndi_meta", 0, &meta), 0);
  std::string meta_key = "schema";
  std::string v2 = "ndi v2 max_k=3 id_bytes=5";
  MDB_val mk{meta_key.size(), meta_key.data()};
  MDB_val mv{v2.size(), v2.data()};
  ASSERT_EQ(mdb_put(txn, meta, &mk, &mv, 0), 0);
  ASSERT_EQ(mdb_txn_commit(txn), 0);
}

}  // namespace libdiff::test

#endif  // LIBDIFF_TESTS_INDEX_SCHEMA_V2_H_
