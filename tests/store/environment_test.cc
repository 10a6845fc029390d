// Copyright 2026 The libdiff Authors.
#include "store/lmdb/environment.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cerrno>

#include <filesystem>
#include <fstream>
#include <random>

#include "store/lmdb/revision_store.h"
#include "store/temp_dir.h"

namespace libdiff::internal {
namespace {

Status PutBlob(MDB_txn* txn, const std::string& name, size_t bytes, int count) {
  MDB_dbi dbi = 0;
  int rc = mdb_dbi_open(txn, name.c_str(), MDB_CREATE, &dbi);
  if (rc != 0) return LmdbStatus(rc, "test", "open");
  const std::string value(bytes, 'x');
  for (int i = 0; i < count; ++i) {
    const std::string key = "k" + std::to_string(i);
    MDB_val k = ToVal(key), v = ToVal(value);
    rc = mdb_put(txn, dbi, &k, &v, 0);
    if (rc != 0) return LmdbStatus(rc, "test", "put");
  }
  return Status::OK();
}

EnvironmentOptions Small() {
  EnvironmentOptions o;
  o.initial_map_size = 1 << 20;
  return o;
}

TEST(Environment, MapGrowsWhenFull) {
  testing::TempDir dir;
  auto env = Environment::Open(Small(), dir.path());
  ASSERT_TRUE(env.ok()) << env.status().ToString();
  const size_t before = (*env)->map_size();
  // 8 MiB in one transaction cannot fit a 1 MiB map.
  Status s = (*env)->Write([](MDB_txn* txn) { return PutBlob(txn, "blobs", 64 << 10, 128); });
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_GT((*env)->map_size(), before);
  s = (*env)->Read([](MDB_txn* txn) -> Status {
    MDB_dbi dbi = 0;
    if (mdb_dbi_open(txn, "blobs", 0, &dbi) != 0) return Status::NotFound("blobs");
    MDB_stat st{};
    mdb_stat(txn, dbi, &st);
    return st.ms_entries == 128 ? Status::OK() : Status::Internal("entries lost");
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
}

TEST(Environment, MapStopsAtItsMaximum) {
  testing::TempDir dir;
  EnvironmentOptions o = Small();
  o.max_map_size = 2 << 20;
  auto env = Environment::Open(o, dir.path());
  ASSERT_TRUE(env.ok());
  Status s = (*env)->Write([](MDB_txn* txn) { return PutBlob(txn, "blobs", 64 << 10, 128); });
  EXPECT_TRUE(s.IsResourceExhausted()) << s.ToString();
  EXPECT_NE(s.message().find("maximum"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("map full"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("raise max_map_size"), std::string::npos) << s.message();
}

TEST(Environment, FullDiskAndFullMapAreNamed) {
  const Status disk = LmdbStatus(ENOSPC, "/x", "commit");
  EXPECT_TRUE(disk.IsResourceExhausted()) << disk.ToString();
  EXPECT_NE(disk.message().find("store /x: commit: disk full"), std::string::npos)
      << disk.message();
  EXPECT_FALSE(IsMapFull(disk));
  const Status map = LmdbStatus(MDB_MAP_FULL, "/x", "commit");
  EXPECT_TRUE(map.IsResourceExhausted()) << map.ToString();
  EXPECT_NE(map.message().find("store /x: commit: map full"), std::string::npos) << map.message();
  EXPECT_TRUE(IsMapFull(map));
  // LMDB reports a short write (the disk filled mid-commit) as EIO; with room
  // on the file system, EIO stays an I/O error.
  testing::TempDir dir;
  const Status io = LmdbStatus(EIO, dir.path(), "commit");
  EXPECT_TRUE(io.IsIOError()) << io.ToString();
  EXPECT_EQ(io.message().find("disk full"), std::string::npos) << io.message();
}

void MakeStore(const std::string& dir) {
  auto env = Environment::Open(Small(), dir);
  ASSERT_TRUE(env.ok());
  ASSERT_TRUE((*env)->Write([](MDB_txn* txn) { return PutBlob(txn, "blobs", 4000, 200); }).ok());
}

TEST(Environment, TruncatedDataFileIsCorruption) {
  for (uintmax_t size : {uintmax_t{100}, uintmax_t{5000}, uintmax_t{64 << 10}}) {
    testing::TempDir dir;
    MakeStore(dir.path());
    std::filesystem::resize_file(dir.path() + "/data.mdb", size);
    auto env = Environment::Open(Small(), dir.path());
    ASSERT_FALSE(env.ok()) << "size " << size;
    EXPECT_TRUE(env.status().IsCorruption()) << env.status().ToString();
    EXPECT_NE(env.status().message().find("truncated"), std::string::npos)
        << env.status().message();
  }
}

TEST(Environment, ForeignDataFileIsCorruption) {
  testing::TempDir dir;
  {
    std::ofstream out(dir.path() + "/data.mdb", std::ios::binary);
    std::mt19937 rng(7);
    for (int i = 0; i < 64 * 1024; ++i) out.put(static_cast<char>(rng()));
  }
  auto env = Environment::Open(Small(), dir.path());
  ASSERT_FALSE(env.ok());
  EXPECT_TRUE(env.status().IsCorruption()) << env.status().ToString();
  EXPECT_NE(env.status().message().find(dir.path()), std::string::npos);
}

TEST(Environment, MissingStoreWithoutCreateIsNotFound) {
  testing::TempDir dir;
  EnvironmentOptions o = Small();
  o.create_if_missing = false;
  EXPECT_TRUE(Environment::Open(o, dir.path() + "/nope").status().IsNotFound());
  o.read_only = true;
  EXPECT_TRUE(Environment::Open(o, dir.path()).status().IsNotFound());
}

TEST(Environment, ReadOnlyEnvironmentRefusesWrites) {
  testing::TempDir dir;
  MakeStore(dir.path());
  EnvironmentOptions o = Small();
  o.read_only = true;
  auto env = Environment::Open(o, dir.path());
  ASSERT_TRUE(env.ok()) << env.status().ToString();
  EXPECT_TRUE((*env)->Write([](MDB_txn*) { return Status::OK(); }).IsInvalidArgument());
}

TEST(Environment, UnwritableDirectoryIsAClearError) {
  if (geteuid() == 0) GTEST_SKIP() << "root ignores directory permissions";
  testing::TempDir dir;
  MakeStore(dir.path());
  std::filesystem::permissions(dir.path(), std::filesystem::perms::owner_read |
                                               std::filesystem::perms::owner_exec);
  auto env = Environment::Open(Small(), dir.path());
  std::filesystem::permissions(dir.path(), std::filesystem::perms::owner_all);
  ASSERT_FALSE(env.ok());
  EXPECT_NE(env.status().message().find("not writable"), std::string::npos);
}

Status OpenSchema(Environment* env, const SchemaParams& params) {
  return env->Setup([&](MDB_txn* txn) -> Status {
    return RevisionStore::Open(txn, true, params, env->dir()).status();
  });
}

TEST(RevisionStore, SchemaParameterMismatchIsAClearError) {
  testing::TempDir dir;
  auto env = Environment::Open(Small(), dir.path());
  ASSERT_TRUE(env.ok());
  SchemaParams params;
  ASSERT_TRUE(OpenSchema(env->get(), params).ok());
  ASSERT_TRUE(OpenSchema(env->get(), params).ok());  // reopening with the same is fine
  SchemaParams other = params;
  other.fingerprint.shingle_size = 5;
  Status s = OpenSchema(env->get(), other);
  EXPECT_TRUE(s.IsInvalidArgument()) << s.ToString();
  EXPECT_NE(s.message().find("shingle size 3"), std::string::npos) << s.message();
  other = params;
  other.max_distance = 5;
  EXPECT_TRUE(OpenSchema(env->get(), other).IsInvalidArgument());
}

TEST(RevisionStore, OtherLmdbEnvironmentIsNotAdopted) {
  testing::TempDir dir;
  MakeStore(dir.path());  // an environment with a "blobs" database only
  auto env = Environment::Open(Small(), dir.path());
  ASSERT_TRUE(env.ok());
  Status s = OpenSchema(env->get(), SchemaParams());
  EXPECT_TRUE(s.IsCorruption()) << s.ToString();
  EXPECT_NE(s.message().find("not a libdiff store"), std::string::npos);
}

TEST(RevisionStore, RecordsRoundTrip) {
  ArticleRecord a;
  a.first_seen = -5;
  a.latest_revision = 9;
  a.duplicate_of = 3;
  a.first_url = "https://example.com/a?utm_source=x";
  a.keys = {"example.com/a", "example.com/b"};
  a.simhash = 0x0123456789abcdefULL;
  a.exact = {1, 2};
  a.title_hash = 77;
  a.tokens = 500;
  a.shingles = 480;
  a.paragraphs = {1, 5, 0xffffffffu};
  auto a2 = ArticleRecord::Decode(a.Encode());
  ASSERT_TRUE(a2.ok());
  EXPECT_EQ(a2->Encode(), a.Encode());
  EXPECT_EQ(a2->keys, a.keys);
  EXPECT_EQ(a2->paragraphs, a.paragraphs);
  EXPECT_EQ(a2->first_seen, -5);

  RevisionRecord r;
  r.encoding = SnapshotEncoding::kDelta;
  r.base = 4;
  r.depth = 2;
  r.fetched_at = 1764300000;
  r.url_index = 1;
  r.simhash = 42;
  r.content_hash = 43;
  r.payload = std::string("\0\1\2zstd", 7);
  auto r2 = RevisionRecord::Decode(r.Encode());
  ASSERT_TRUE(r2.ok());
  EXPECT_EQ(r2->Encode(), r.Encode());
  EXPECT_EQ(r2->payload, r.payload);
  EXPECT_EQ(r2->fetched_at, r.fetched_at);
  EXPECT_TRUE(RevisionRecord::Decode("\x01\x09").status().IsCorruption());
  EXPECT_TRUE(ArticleRecord::Decode(a.Encode().substr(0, 10)).status().IsCorruption());
}

}  // namespace
}  // namespace libdiff::internal
