// Copyright 2026 The libdiff Authors.
//
// Near-duplicate index at scale: bulk build/insert rate, median query time and
// bytes per fingerprint, for the in-memory and the LMDB backend's SimHash
// tables, and for the candidate keys a store keeps (BM_LmdbKeys*).
//
//   LIBDIFF_BENCH_INDEX_N=10000000 build/.../index_bench --benchmark_min_time=0.01
//
// LIBDIFF_BENCH_INDEX_N (default 10,000,000) is the number of stored
// fingerprints; a quick run uses e.g. 200000. Queries are half stored hashes
// moved by 0..3 bits, half random hashes. Query benchmarks report the median
// of individually timed queries as the counter `median_us`.
#include <benchmark/benchmark.h>
#include <lmdb.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "index/near_duplicate_index.h"

namespace libdiff::internal {
namespace {

size_t BenchSize() {
  const char* env = std::getenv("LIBDIFF_BENCH_INDEX_N");
  if (env != nullptr && *env != '\0') return static_cast<size_t>(std::strtoull(env, nullptr, 10));
  return 10'000'000;
}

const std::vector<IndexEntry>& Entries() {
  static const std::vector<IndexEntry> entries = [] {
    std::mt19937_64 rng(42);
    std::vector<IndexEntry> v(BenchSize());
    for (size_t i = 0; i < v.size(); ++i) v[i] = {rng(), i + 1};
    return v;
  }();
  return entries;
}

const std::vector<uint64_t>& Queries() {
  static const std::vector<uint64_t> queries = [] {
    std::mt19937_64 rng(7);
    const auto& entries = Entries();
    std::vector<uint64_t> q(20000);
    for (size_t i = 0; i < q.size(); ++i) {
      if (i % 2 == 0 && !entries.empty()) {
        uint64_t h = entries[rng() % entries.size()].simhash;
        const int flips = static_cast<int>(rng() % 4);
        for (int f = 0; f < flips; ++f) h ^= uint64_t{1} << (rng() % 64);
        q[i] = h;
      } else {
        q[i] = rng();
      }
    }
    return q;
  }();
  return queries;
}

double Median(std::vector<double>* v) {
  if (v->empty()) return 0;
  std::nth_element(v->begin(), v->begin() + static_cast<std::ptrdiff_t>(v->size() / 2), v->end());
  return (*v)[v->size() / 2];
}

// ---- in memory ------------------------------------------------------------

NearDuplicateIndex* memory_index = nullptr;

void BM_InMemoryBuild(benchmark::State& state) {
  const auto& entries = Entries();
  for (auto _ : state) {
    delete memory_index;
    memory_index = new NearDuplicateIndex(3);
    memory_index->Reserve(entries.size());
    for (const IndexEntry& e : entries) memory_index->Add(e.simhash, e.id);
    if (!memory_index->Build().ok()) state.SkipWithError("build failed");
  }
  state.counters["fingerprints"] = static_cast<double>(entries.size());
  state.counters["fp_per_s"] = benchmark::Counter(
      static_cast<double>(entries.size()) * static_cast<double>(state.iterations()),
      benchmark::Counter::kIsRate);
  state.counters["bytes_per_fp"] =
      static_cast<double>(memory_index->MemoryBytes()) / static_cast<double>(entries.size());
}
BENCHMARK(BM_InMemoryBuild)->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_InMemoryQuery(benchmark::State& state) {
  if (memory_index == nullptr) {
    state.SkipWithError("run BM_InMemoryBuild first");
    return;
  }
  const auto& queries = Queries();
  const int k = static_cast<int>(state.range(0));
  std::vector<IndexMatch> out;
  std::vector<double> times;
  times.reserve(queries.size());
  size_t i = 0;
  size_t matches = 0;
  for (auto _ : state) {
    out.clear();
    const auto t0 = std::chrono::steady_clock::now();
    memory_index->Query(queries[i], k, &out);
    const auto t1 = std::chrono::steady_clock::now();
    if (times.size() < queries.size()) {
      times.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
    }
    matches += out.size();
    i = (i + 1) % queries.size();
  }
  state.counters["median_us"] = Median(&times);
  state.counters["matches_per_query"] =
      static_cast<double>(matches) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_InMemoryQuery)->Arg(3)->Arg(1)->Unit(benchmark::kMicrosecond);

// ---- LMDB -------------------------------------------------------------------

struct LmdbBench {
  std::string dir;
  MDB_env* env = nullptr;
  std::unique_ptr<LmdbNearDuplicateIndex> index;
  ~LmdbBench() {
    if (env != nullptr) mdb_env_close(env);
    if (!dir.empty()) std::filesystem::remove_all(dir);
  }
};
LmdbBench* lmdb = nullptr;

void BM_LmdbBulkInsert(benchmark::State& state) {
  const auto& entries = Entries();
  for (auto _ : state) {
    state.PauseTiming();
    delete lmdb;
    lmdb = new LmdbBench;
    std::string tmpl = (std::filesystem::temp_directory_path() / "ndi_bench_XXXXXX").string();
    lmdb->dir = mkdtemp(tmpl.data());
    mdb_env_create(&lmdb->env);
    mdb_env_set_maxdbs(lmdb->env, LmdbNearDuplicateIndex::kLmdbMaxDbs);
    mdb_env_set_mapsize(lmdb->env, size_t{16} << 30);
    if (mdb_env_open(lmdb->env, lmdb->dir.c_str(), 0, 0644) != 0) {
      state.SkipWithError("mdb_env_open failed");
      return;
    }
    state.ResumeTiming();
    MDB_txn* txn = nullptr;
    mdb_txn_begin(lmdb->env, nullptr, 0, &txn);
    auto index = LmdbNearDuplicateIndex::Open(txn, 3);
    if (!index.ok()) {
      state.SkipWithError(index.status().ToString().c_str());
      mdb_txn_abort(txn);
      return;
    }
    // Batches of 1M, one transaction each, as a crawler's bulk load would.
    const size_t batch = 1'000'000;
    for (size_t from = 0; from < entries.size(); from += batch) {
      const size_t n = std::min(batch, entries.size() - from);
      Status s = index->InsertBatch(txn, std::span(entries).subspan(from, n));
      if (!s.ok()) {
        state.SkipWithError(s.ToString().c_str());
        mdb_txn_abort(txn);
        return;
      }
      mdb_txn_commit(txn);
      mdb_txn_begin(lmdb->env, nullptr, 0, &txn);
    }
    mdb_txn_commit(txn);
    lmdb->index = std::make_unique<LmdbNearDuplicateIndex>(*std::move(index));
  }
  MDB_txn* txn = nullptr;
  mdb_txn_begin(lmdb->env, nullptr, MDB_RDONLY, &txn);
  auto bytes = lmdb->index->DiskBytes(txn);
  auto count = lmdb->index->Count(txn);
  mdb_txn_abort(txn);
  MDB_envinfo info;
  mdb_env_info(lmdb->env, &info);
  MDB_stat st;
  mdb_env_stat(lmdb->env, &st);
  const double n = static_cast<double>(entries.size());
  state.counters["fingerprints"] = count.ok() ? static_cast<double>(*count) : -1;
  state.counters["fp_per_s"] = benchmark::Counter(n * static_cast<double>(state.iterations()),
                                                  benchmark::Counter::kIsRate);
  state.counters["db_bytes_per_fp"] = bytes.ok() ? static_cast<double>(*bytes) / n : -1;
  state.counters["env_bytes_per_fp"] =
      static_cast<double>(info.me_last_pgno + 1) * static_cast<double>(st.ms_psize) / n;
  std::error_code ec;
  state.counters["file_bytes_per_fp"] =
      static_cast<double>(std::filesystem::file_size(lmdb->dir + "/data.mdb", ec)) / n;
}
BENCHMARK(BM_LmdbBulkInsert)->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_LmdbQuery(benchmark::State& state) {
  if (lmdb == nullptr || lmdb->index == nullptr) {
    state.SkipWithError("run BM_LmdbBulkInsert first");
    return;
  }
  const auto& queries = Queries();
  const int k = static_cast<int>(state.range(0));
  MDB_txn* txn = nullptr;
  mdb_txn_begin(lmdb->env, nullptr, MDB_RDONLY, &txn);
  std::vector<IndexMatch> out;
  // Warm the cache: one pass over the queries.
  for (uint64_t q : queries) {
    out.clear();
    (void)lmdb->index->Query(txn, q, k, &out);
  }
  std::vector<double> times;
  times.reserve(queries.size());
  size_t i = 0;
  size_t matches = 0;
  for (auto _ : state) {
    out.clear();
    const auto t0 = std::chrono::steady_clock::now();
    Status s = lmdb->index->Query(txn, queries[i], k, &out);
    const auto t1 = std::chrono::steady_clock::now();
    if (!s.ok()) state.SkipWithError(s.ToString().c_str());
    if (times.size() < queries.size()) {
      times.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
    }
    matches += out.size();
    i = (i + 1) % queries.size();
  }
  mdb_txn_abort(txn);
  state.counters["median_us"] = Median(&times);
  state.counters["matches_per_query"] =
      static_cast<double>(matches) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_LmdbQuery)->Arg(3)->Arg(1)->Unit(benchmark::kMicrosecond);

// ---- LMDB candidate keys (what the store queries) ---------------------------

// kSketchKeys keys per fingerprint, as SketchKeys gives them: the smallest
// sketch values of a ~500-shingle text are below about 2^32 * 4 / 500.
const std::vector<KeyEntry>& KeyEntries() {
  static const std::vector<KeyEntry> entries = [] {
    std::mt19937_64 rng(43);
    std::vector<KeyEntry> v;
    v.reserve(BenchSize() * kSketchKeys);
    for (size_t i = 0; i < BenchSize(); ++i) {
      for (size_t k = 0; k < kSketchKeys; ++k) {
        v.push_back({static_cast<uint32_t>(rng() % (uint64_t{1} << 25)), i + 1});
      }
    }
    return v;
  }();
  return entries;
}

// Fingerprints per write transaction: LIBDIFF_BENCH_INDEX_BATCH, default
// 10,000 (a store commits one per ingest batch of 64 pages: smaller batches
// give the same file, only slower).
size_t KeysBatch() {
  const char* env = std::getenv("LIBDIFF_BENCH_INDEX_BATCH");
  const long n = env != nullptr ? std::atol(env) : 0;
  return n > 0 ? static_cast<size_t>(n) : 10'000;
}

// Bytes of the environment's pages in use: pages up to the last one written,
// less the pages on LMDB's free list (FREE_DBI, dbi 0: each record an array
// of page numbers led by its length).
uint64_t LiveBytes(MDB_env* env) {
  MDB_envinfo info;
  MDB_stat st;
  mdb_env_info(env, &info);
  mdb_env_stat(env, &st);
  MDB_txn* txn = nullptr;
  uint64_t free_pages = 0;
  if (mdb_txn_begin(env, nullptr, MDB_RDONLY, &txn) == 0) {
    MDB_cursor* cursor = nullptr;
    if (mdb_cursor_open(txn, 0, &cursor) == 0) {
      MDB_val key, data;
      while (mdb_cursor_get(cursor, &key, &data, MDB_NEXT) == 0) {
        free_pages += *static_cast<const size_t*>(data.mv_data);
      }
      mdb_cursor_close(cursor);
    }
    mdb_txn_abort(txn);
  }
  return (uint64_t{info.me_last_pgno} + 1 - free_pages) * st.ms_psize;
}

LmdbBench* lmdb_keys = nullptr;

void BM_LmdbKeysBulkInsert(benchmark::State& state) {
  const auto& entries = KeyEntries();
  for (auto _ : state) {
    state.PauseTiming();
    delete lmdb_keys;
    lmdb_keys = new LmdbBench;
    std::string tmpl = (std::filesystem::temp_directory_path() / "ndi_bench_XXXXXX").string();
    lmdb_keys->dir = mkdtemp(tmpl.data());
    mdb_env_create(&lmdb_keys->env);
    mdb_env_set_maxdbs(lmdb_keys->env, LmdbNearDuplicateIndex::kLmdbMaxDbs);
    mdb_env_set_mapsize(lmdb_keys->env, size_t{16} << 30);
    if (mdb_env_open(lmdb_keys->env, lmdb_keys->dir.c_str(), MDB_NOSYNC, 0644) != 0) {
      state.SkipWithError("mdb_env_open failed");
      return;
    }
    state.ResumeTiming();
    MDB_txn* txn = nullptr;
    mdb_txn_begin(lmdb_keys->env, nullptr, 0, &txn);
    auto index = LmdbNearDuplicateIndex::Open(txn, 3);
    if (!index.ok()) {
      state.SkipWithError(index.status().ToString().c_str());
      mdb_txn_abort(txn);
      return;
    }
    // As a store fills it: transactions of KeysBatch() fingerprints' keys,
    // random across transactions (each splits and copies pages as it goes;
    // the file keeps LMDB's free pages too).
    const size_t batch = KeysBatch() * kSketchKeys;
    for (size_t from = 0; from < entries.size(); from += batch) {
      const size_t n = std::min(batch, entries.size() - from);
      Status s = index->InsertKeysBatch(txn, std::span(entries).subspan(from, n));
      if (!s.ok()) {
        state.SkipWithError(s.ToString().c_str());
        mdb_txn_abort(txn);
        return;
      }
      mdb_txn_commit(txn);
      mdb_txn_begin(lmdb_keys->env, nullptr, 0, &txn);
    }
    mdb_txn_commit(txn);
    lmdb_keys->index = std::make_unique<LmdbNearDuplicateIndex>(*std::move(index));
  }
  // mdb_stat does not count the pages of DUPSORT sub-databases, so the live
  // size is the file's used pages less its free ones (LMDB reuses those: a
  // store that commits small batches keeps few of them).
  const double n = static_cast<double>(BenchSize());
  state.counters["fingerprints"] = n;
  state.counters["fp_per_s"] = benchmark::Counter(n * static_cast<double>(state.iterations()),
                                                  benchmark::Counter::kIsRate);
  state.counters["live_bytes_per_fp"] = static_cast<double>(LiveBytes(lmdb_keys->env)) / n;
  std::error_code ec;
  state.counters["file_bytes_per_fp"] =
      static_cast<double>(std::filesystem::file_size(lmdb_keys->dir + "/data.mdb", ec)) / n;
}
BENCHMARK(BM_LmdbKeysBulkInsert)->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();

// A store's candidate query: the keys of a text, half of them stored
// fingerprints' keys (two of four shared), half random.
void BM_LmdbKeysQuery(benchmark::State& state) {
  if (lmdb_keys == nullptr || lmdb_keys->index == nullptr) {
    state.SkipWithError("run BM_LmdbKeysBulkInsert first");
    return;
  }
  const auto& entries = KeyEntries();
  std::mt19937_64 rng(9);
  std::vector<std::array<uint32_t, kSketchKeys>> queries(20000);
  for (size_t i = 0; i < queries.size(); ++i) {
    const size_t doc = static_cast<size_t>(rng() % BenchSize());
    for (size_t k = 0; k < kSketchKeys; ++k) {
      queries[i][k] = (i % 2 == 0 && k < 2) ? entries[doc * kSketchKeys + k].key
                                            : static_cast<uint32_t>(rng() % (uint64_t{1} << 25));
    }
    std::sort(queries[i].begin(), queries[i].end());
  }
  MDB_txn* txn = nullptr;
  mdb_txn_begin(lmdb_keys->env, nullptr, MDB_RDONLY, &txn);
  std::vector<uint64_t> out;
  for (const auto& q : queries) {  // warm the cache
    out.clear();
    (void)lmdb_keys->index->QueryKeys(txn, q, &out);
  }
  std::vector<double> times;
  times.reserve(queries.size());
  size_t i = 0;
  size_t found = 0;
  for (auto _ : state) {
    out.clear();
    const auto t0 = std::chrono::steady_clock::now();
    Status s = lmdb_keys->index->QueryKeys(txn, queries[i], &out);
    const auto t1 = std::chrono::steady_clock::now();
    if (!s.ok()) state.SkipWithError(s.ToString().c_str());
    if (times.size() < queries.size()) {
      times.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
    }
    found += out.size();
    i = (i + 1) % queries.size();
  }
  mdb_txn_abort(txn);
  state.counters["median_us"] = Median(&times);
  state.counters["ids_per_query"] =
      static_cast<double>(found) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_LmdbKeysQuery)->Unit(benchmark::kMicrosecond);

// Cleanup after all benchmarks (benchmark_main owns main()).
struct Cleanup {
  ~Cleanup() {
    delete memory_index;
    delete lmdb;
    delete lmdb_keys;
  }
} cleanup;

}  // namespace
}  // namespace libdiff::internal
