// Copyright 2026 The libdiff Authors.
//
// One LMDB environment per store directory: opening with clear errors for
// foreign, truncated or unwritable stores, transactions that retry after the
// map grows, and the named databases of the store schema (docs/store.md).
// Private to libdiff.
//
// Thread safety: an Environment is shared by threads. It is opened with
// MDB_NOTLS, so a read transaction is not bound to the thread that began it
// (but one transaction is used by one thread at a time). Every transaction holds
// `map_lock_` shared; growing the map takes it exclusively, because
// mdb_env_set_mapsize requires that this process has no transaction open.
// Write transactions are serialised by `write_mu_`.
#ifndef LIBDIFF_STORE_LMDB_ENVIRONMENT_H_
#define LIBDIFF_STORE_LMDB_ENVIRONMENT_H_

#include <lmdb.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>

#include "libdiff/status.h"

namespace libdiff::internal {

// Status for an LMDB return code, naming the store directory and the operation.
// MDB_MAP_FULL maps to kResourceExhausted "map full" with "MDB_MAP_FULL" in the
// message; ENOSPC, and EIO when the file system holding `dir` has less than
// 1 MiB free (LMDB reports a short write as EIO), to kResourceExhausted "disk full".
Status LmdbStatus(int rc, std::string_view dir, std::string_view what);
// True for a status made from MDB_MAP_FULL (by us or by the index stage).
bool IsMapFull(const Status& status);

inline MDB_val ToVal(std::string_view s) {
  return MDB_val{s.size(), const_cast<char*>(s.data())};  // LMDB never writes through it
}
inline std::string_view FromVal(const MDB_val& v) {
  return std::string_view(static_cast<const char*>(v.mv_data), v.mv_size);
}

struct EnvironmentOptions {
  bool read_only = false;
  bool create_if_missing = true;
  size_t initial_map_size = size_t{64} << 20;
  size_t max_map_size = size_t{1} << 40;
  unsigned max_dbs = 32;
};

class Environment {
 public:
  static Result<std::unique_ptr<Environment>> Open(const EnvironmentOptions& options,
                                                   const std::string& dir);
  ~Environment();
  Environment(const Environment&) = delete;
  Environment& operator=(const Environment&) = delete;

  // Runs `fn` in a read-only transaction (aborted afterwards).
  Status Read(const std::function<Status(MDB_txn*)>& fn);
  // Runs `fn` in a write transaction and commits it when `fn` succeeds. When
  // `fn` or the commit hits MDB_MAP_FULL, aborts, doubles the map (up to
  // max_map_size) and runs `fn` again from scratch, so `fn` must not keep
  // effects outside the transaction across attempts. Fails with kInvalidArgument
  // on a read-only environment.
  Status Write(const std::function<Status(MDB_txn*)>& fn);

  // Runs `fn` in a transaction that is committed (a write transaction, or a
  // read-only one on a read-only environment), so database handles opened in
  // it stay valid for the life of the environment.
  Status Setup(const std::function<Status(MDB_txn*)>& fn);

  // Copies the environment compacted into `target_dir` (mdb_env_copy2 with
  // MDB_CP_COMPACT).
  Status CopyCompacted(const std::string& target_dir);

  MDB_env* env() const { return env_; }
  const std::string& dir() const { return dir_; }
  bool read_only() const { return options_.read_only; }
  size_t map_size() const;
  uint64_t FileBytes() const;

 private:
  Environment(const EnvironmentOptions& options, std::string dir)
      : options_(options), dir_(std::move(dir)) {}
  Status BeginTxn(unsigned flags, MDB_txn** txn, std::shared_lock<std::shared_mutex>* lock);
  Status Grow();

  EnvironmentOptions options_;
  std::string dir_;
  MDB_env* env_ = nullptr;
  std::shared_mutex map_lock_;
  std::mutex write_mu_;
};

}  // namespace libdiff::internal

#endif  // LIBDIFF_STORE_LMDB_ENVIRONMENT_H_
