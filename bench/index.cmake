# Near-duplicate index benchmarks (docs/index.md). LIBDIFF_BENCH_INDEX_N sets
# the number of fingerprints (default 10,000,000).
libdiff_add_bench(index_bench
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/index_bench.cc
  DEPS libdiff::index libdiff::util)
