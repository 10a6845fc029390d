# Fingerprint stage benchmarks (see docs/fingerprint.md for figures and commands).
libdiff_add_bench(simhash_bench
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/simhash_bench.cc
  DEPS libdiff::fingerprint)

# The shingle-size ablation behind docs/fingerprint.md (a plain program).
add_executable(fingerprint_ablation ${CMAKE_CURRENT_LIST_DIR}/fingerprint_ablation.cc)
target_link_libraries(fingerprint_ablation PRIVATE libdiff::fingerprint)
target_compile_definitions(fingerprint_ablation PRIVATE LIBDIFF_SAMPLES_DIR="${PROJECT_SOURCE_DIR}/samples")
libdiff_set_warnings(fingerprint_ablation)
