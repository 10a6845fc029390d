// Copyright 2026 The libdiff Authors.
#include "store/lmdb/environment.h"

#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <optional>
#include <system_error>

namespace libdiff::internal {
namespace {

constexpr std::string_view kMapFullMarker = "MDB_MAP_FULL";

// Below this much free space, an EIO from LMDB is taken for a full disk.
constexpr uint64_t kDiskFullBelowBytes = uint64_t{1} << 20;

std::string DataPath(const std::string& dir) { return dir + "/data.mdb"; }

// The bytes an unprivileged writer may still use on the file system holding
// `dir`, or nullopt when statvfs fails.
std::optional<uint64_t> FreeBytes(std::string_view dir) {
  struct statvfs fs {};
  if (::statvfs(std::string(dir).c_str(), &fs) != 0) return std::nullopt;
  return static_cast<uint64_t>(fs.f_bavail) * fs.f_frsize;
}

}  // namespace

Status LmdbStatus(int rc, std::string_view dir, std::string_view what) {
  const std::string where = "store " + std::string(dir) + ": " + std::string(what) + ": ";
  std::string msg = where + mdb_strerror(rc);
  switch (rc) {
    case MDB_SUCCESS:
      return Status::OK();
    case MDB_NOTFOUND:
      return Status::NotFound(msg);
    case MDB_MAP_FULL:
      // The marker is what IsMapFull (and so Environment::Write) looks for.
      return Status::ResourceExhausted(where + "map full (" + std::string(kMapFullMarker) +
                                       "; the store grows the map up to max_map_size)");
    case ENOSPC:
    case EIO: {
      // LMDB turns a short write, which is how a filling disk usually shows up
      // mid-commit, into EIO: the free space tells the two apart.
      const std::optional<uint64_t> free = FreeBytes(dir);
      if (rc == ENOSPC || (free.has_value() && *free < kDiskFullBelowBytes)) {
        std::string full = where + "disk full (" + mdb_strerror(rc);
        if (free.has_value()) {
          full += "; " + std::to_string(*free) + " bytes free on its file system";
        }
        return Status::ResourceExhausted(full + "); the last committed state is intact");
      }
      return Status::IOError(msg);
    }
    case MDB_TXN_FULL:
    case MDB_READERS_FULL:
    case MDB_DBS_FULL:
    case ENOMEM:
      return Status::ResourceExhausted(msg);
    case MDB_INVALID:
    case MDB_VERSION_MISMATCH:
    case MDB_CORRUPTED:
    case MDB_PAGE_NOTFOUND:
    case MDB_BAD_VALSIZE:
      return Status::Corruption(msg);
    case EACCES:
    case EROFS:
    case EPERM:
      return Status::IOError(msg);
    case EINVAL:
      return Status::InvalidArgument(msg);
    default:
      return Status::IOError(msg);
  }
}

bool IsMapFull(const Status& status) {
  return status.IsResourceExhausted() &&
         status.message().find(kMapFullMarker) != std::string::npos;
}

Result<std::unique_ptr<Environment>> Environment::Open(const EnvironmentOptions& options,
                                                       const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const std::string where = "store " + dir;
  if (!fs::exists(dir, ec)) {
    if (!options.create_if_missing || options.read_only) {
      return Status::NotFound(where + ": no such directory");
    }
    fs::create_directories(dir, ec);
    if (ec) return Status::IOError(where + ": cannot create the directory: " + ec.message());
  }
  if (!fs::is_directory(dir, ec)) return Status::InvalidArgument(where + ": not a directory");

  const std::string data = DataPath(dir);
  struct stat st {};
  const bool has_data = ::stat(data.c_str(), &st) == 0;
  if (!has_data && options.read_only) {
    return Status::NotFound(where + ": no store here (no data.mdb)");
  }
  if (!has_data && !options.create_if_missing) {
    return Status::NotFound(where + ": no store here (no data.mdb)");
  }
  if (has_data && !S_ISREG(st.st_mode)) {
    return Status::Corruption(where + ": data.mdb is not a regular file");
  }
  // LMDB reads the two meta pages with pread(), but maps everything else: a
  // file cut short would raise SIGBUS on first access, so sizes are checked
  // before and after opening. An empty file is what a crash before the first
  // commit leaves; LMDB initialises it.
  if (has_data && st.st_size > 0 && st.st_size < 2 * 4096) {
    return Status::Corruption(where + ": data.mdb is truncated (" + std::to_string(st.st_size) +
                              " bytes, less than two pages)");
  }
  if (!options.read_only && (::access(dir.c_str(), W_OK) != 0 ||
                             (has_data && ::access(data.c_str(), W_OK) != 0))) {
    return Status::IOError(where +
                           ": the directory is not writable (open it read-only to read it)");
  }

  std::unique_ptr<Environment> env(new Environment(options, dir));
  int rc = mdb_env_create(&env->env_);
  if (rc != 0) return LmdbStatus(rc, dir, "mdb_env_create");
  mdb_env_set_maxdbs(env->env_, options.max_dbs);
  size_t map = std::max<size_t>(options.initial_map_size, 1 << 20);
  if (has_data) map = std::max(map, static_cast<size_t>(st.st_size));
  rc = mdb_env_set_mapsize(env->env_, map);
  if (rc != 0) return LmdbStatus(rc, dir, "mdb_env_set_mapsize");
  const unsigned flags = MDB_NOTLS | (options.read_only ? MDB_RDONLY : 0u);
  rc = mdb_env_open(env->env_, dir.c_str(), flags, 0644);
  if (rc != 0) {
    if (rc == MDB_INVALID || rc == MDB_VERSION_MISMATCH) {
      return Status::Corruption(where + ": data.mdb is not an LMDB file of this version (" +
                                mdb_strerror(rc) + ")");
    }
    if (rc == EACCES || rc == EROFS) {
      return Status::IOError(where + ": cannot open (" + std::string(mdb_strerror(rc)) +
                             "); a read-only directory needs an existing lock.mdb");
    }
    return LmdbStatus(rc, dir, "mdb_env_open");
  }
  MDB_envinfo info{};
  MDB_stat est{};
  mdb_env_info(env->env_, &info);
  mdb_env_stat(env->env_, &est);
  if (::stat(data.c_str(), &st) == 0 && st.st_size > 0) {
    const uint64_t needed = (static_cast<uint64_t>(info.me_last_pgno) + 1) * est.ms_psize;
    if (needed > static_cast<uint64_t>(st.st_size)) {
      return Status::Corruption(where + ": data.mdb is truncated (" + std::to_string(st.st_size) +
                                " bytes, its pages need " + std::to_string(needed) + ")");
    }
  }
  return env;
}

Environment::~Environment() {
  if (env_ != nullptr) mdb_env_close(env_);
}

size_t Environment::map_size() const {
  MDB_envinfo info{};
  mdb_env_info(env_, &info);
  return info.me_mapsize;
}

uint64_t Environment::FileBytes() const {
  struct stat st {};
  if (::stat(DataPath(dir_).c_str(), &st) != 0) return 0;
  return static_cast<uint64_t>(st.st_size);
}

Status Environment::BeginTxn(unsigned flags, MDB_txn** txn,
                             std::shared_lock<std::shared_mutex>* lock) {
  for (int attempt = 0;; ++attempt) {
    *lock = std::shared_lock<std::shared_mutex>(map_lock_);
    const int rc = mdb_txn_begin(env_, nullptr, flags, txn);
    if (rc == 0) return Status::OK();
    lock->unlock();
    if (rc != MDB_MAP_RESIZED || attempt > 8) return LmdbStatus(rc, dir_, "mdb_txn_begin");
    // Another process grew the map: adopt its size (needs no open txn here).
    std::unique_lock<std::shared_mutex> exclusive(map_lock_);
    const int set = mdb_env_set_mapsize(env_, 0);
    if (set != 0) return LmdbStatus(set, dir_, "mdb_env_set_mapsize");
  }
}

Status Environment::Read(const std::function<Status(MDB_txn*)>& fn) {
  MDB_txn* txn = nullptr;
  std::shared_lock<std::shared_mutex> lock;
  LIBDIFF_RETURN_IF_ERROR(BeginTxn(MDB_RDONLY, &txn, &lock));
  Status status = fn(txn);
  mdb_txn_abort(txn);
  return status;
}

Status Environment::Write(const std::function<Status(MDB_txn*)>& fn) {
  if (options_.read_only) {
    return Status::InvalidArgument("store " + dir_ + ": opened read-only");
  }
  std::lock_guard<std::mutex> guard(write_mu_);
  for (;;) {
    MDB_txn* txn = nullptr;
    std::shared_lock<std::shared_mutex> lock;
    LIBDIFF_RETURN_IF_ERROR(BeginTxn(0, &txn, &lock));
    Status status = fn(txn);
    if (status.ok()) {
      const int rc = mdb_txn_commit(txn);  // frees txn even on failure
      status = LmdbStatus(rc, dir_, "commit");
    } else {
      mdb_txn_abort(txn);
    }
    lock.unlock();
    if (!IsMapFull(status)) return status;
    LIBDIFF_RETURN_IF_ERROR(Grow());
  }
}

Status Environment::Setup(const std::function<Status(MDB_txn*)>& fn) {
  if (!options_.read_only) return Write(fn);
  MDB_txn* txn = nullptr;
  std::shared_lock<std::shared_mutex> lock;
  LIBDIFF_RETURN_IF_ERROR(BeginTxn(MDB_RDONLY, &txn, &lock));
  Status status = fn(txn);
  if (!status.ok()) {
    mdb_txn_abort(txn);
    return status;
  }
  return LmdbStatus(mdb_txn_commit(txn), dir_, "commit");
}

Status Environment::Grow() {
  std::unique_lock<std::shared_mutex> exclusive(map_lock_);
  const size_t current = map_size();
  if (current >= options_.max_map_size) {
    return Status::ResourceExhausted(
        "store " + dir_ + ": map full: the map is at its maximum size, " +
        std::to_string(options_.max_map_size) + " bytes; raise max_map_size");
  }
  const size_t next = std::min(options_.max_map_size, current * 2);
  const int rc = mdb_env_set_mapsize(env_, next);
  return LmdbStatus(rc, dir_, "mdb_env_set_mapsize");
}

Status Environment::CopyCompacted(const std::string& target_dir) {
  std::shared_lock<std::shared_mutex> lock(map_lock_);
  const int rc = mdb_env_copy2(env_, target_dir.c_str(), MDB_CP_COMPACT);
  return LmdbStatus(rc, dir_, "mdb_env_copy2");
}

}  // namespace libdiff::internal
