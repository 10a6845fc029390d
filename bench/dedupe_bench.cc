// Copyright 2026 The libdiff Authors.
//
// Clustering at scale: LIBDIFF_BENCH_DEDUPE_N synthetic fingerprints (default
// 10,000,000) clustered at k = 3 on one core with the SimHash step of
// DedupeDirectory (src/dedupe/cluster.h: permuted-table self-join, pairs
// verified, star clusters), in one pass per table and in the passes
// DedupeDirectory makes.
//
//   build/release/bench/dedupe_bench --benchmark_repetitions=3
//
// The fingerprints: 80% random 64-bit hashes, 20% near copies of an earlier
// hash with 0..3 bits flipped. Verification is the library rule for texts of
// one paragraph (the SimHash distance decides), so the counters check the
// answer: every planted copy within k bits of its chain's first hash must end
// in that hash's cluster (a copy of a copy further away stays out: clusters
// are stars, each member verified against its original), and every member
// must be within k bits of its cluster's original.
// Corpus-level throughput (reading, extraction, 1 and 2 threads, memory per
// document) is measured by bench/dedupe_scale.sh.
#include <benchmark/benchmark.h>

#include <bit>
#include <cstdlib>
#include <random>
#include <span>
#include <vector>

#include "dedupe/cluster.h"
#include "index/near_duplicate_index.h"

namespace libdiff::internal {
namespace {

size_t BenchSize() {
  const char* env = std::getenv("LIBDIFF_BENCH_DEDUPE_N");
  if (env != nullptr && *env != '\0') return static_cast<size_t>(std::strtoull(env, nullptr, 10));
  return 10'000'000;
}

struct Corpus {
  std::vector<uint64_t> simhash;
  std::vector<uint32_t> copy_of;  // planted original, or itself
};

const Corpus& Synthetic() {
  static const Corpus corpus = [] {
    Corpus c;
    const size_t n = BenchSize();
    std::mt19937_64 rng(7);
    c.simhash.resize(n);
    c.copy_of.resize(n);
    for (size_t i = 0; i < n; ++i) {
      c.copy_of[i] = static_cast<uint32_t>(i);
      if (i > 0 && rng() % 5 == 0) {
        const size_t of = rng() % i;
        uint64_t h = c.simhash[of];
        const int flips = static_cast<int>(rng() % 4);
        for (int f = 0; f < flips; ++f) h ^= uint64_t{1} << (rng() % 64);
        c.simhash[i] = h;
        c.copy_of[i] = c.copy_of[of];
      } else {
        c.simhash[i] = rng();
      }
    }
    return c;
  }();
  return corpus;
}

void BM_ClusterFingerprintsK3(benchmark::State& state) {
  const Corpus& c = Synthetic();
  const size_t n = c.simhash.size();
  std::vector<uint32_t> docs(n);
  for (size_t i = 0; i < n; ++i) docs[i] = static_cast<uint32_t>(i);
  VerifyOptions verify;
  size_t clustered = 0;
  size_t missed = 0;
  size_t too_far = 0;
  for (auto _ : state) {
    UnionFind uf(n);
    auto verified = [&](uint32_t a, uint32_t b) {
      return VerifyNearDuplicateSorted(c.simhash[a], c.simhash[b], false, 400, 400, 398, 398, {},
                                       {}, {}, {}, verify)
          .is_duplicate;
    };
    DuplicatePairs pairs;
    const Status s = VisitSimHashNeighbours(
        std::span<const uint32_t>(docs), 3, [&](uint32_t d) { return c.simhash[d]; },
        [&](uint32_t a, uint32_t b) {
          if (verified(a, b)) pairs.Add(a, b);
        },
        static_cast<int>(state.range(0)));
    if (!s.ok()) state.SkipWithError(s.ToString().c_str());
    pairs.JoinToOriginals(verified, &uf);
    state.PauseTiming();
    clustered = 0;
    missed = 0;
    too_far = 0;
    for (size_t i = 0; i < n; ++i) {
      const uint32_t original = uf.Find(static_cast<uint32_t>(i));
      clustered += original != i;
      too_far += std::popcount(c.simhash[i] ^ c.simhash[original]) > 3;
      missed += std::popcount(c.simhash[i] ^ c.simhash[c.copy_of[i]]) <= 3 &&
                original != uf.Find(c.copy_of[i]);
    }
    state.ResumeTiming();
  }
  state.counters["fingerprints"] = static_cast<double>(n);
  state.counters["joined"] = static_cast<double>(clustered);
  state.counters["planted_copies_missed"] = static_cast<double>(missed);
  state.counters["members_too_far"] = static_cast<double>(too_far);
  state.counters["fingerprints_per_s"] =
      benchmark::Counter(static_cast<double>(n), benchmark::Counter::kIsIterationInvariantRate);
}
// Argument: passes per table (DedupeDirectory uses kDefaultJoinPasses, which
// holds a quarter of the sort buffer; 1 is the single-pass join).
BENCHMARK(BM_ClusterFingerprintsK3)
    ->Arg(1)
    ->Arg(kDefaultJoinPasses)
    ->Iterations(1)
    ->Unit(benchmark::kSecond)
    ->UseRealTime();

}  // namespace
}  // namespace libdiff::internal
