# Fingerprint stage benchmarks (see docs/fingerprint.md for figures and commands).
libdiff_add_bench(simhash_bench
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/simhash_bench.cc
  DEPS libdiff::fingerprint)
