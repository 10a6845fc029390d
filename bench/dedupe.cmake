# Dedupe clustering at scale (docs/dedupe.md). LIBDIFF_BENCH_DEDUPE_N sets the
# number of fingerprints (default 10,000,000). bench/dedupe_scale.sh measures
# whole-corpus throughput and memory with the libdiff binary.
libdiff_add_bench(dedupe_bench
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/dedupe_bench.cc
  DEPS libdiff::dedupe libdiff::index libdiff::util)
