# Metadata extraction: a quality driver over NAEB (metadata_eval, prints
# score.py predictions) and a Google Benchmark of ExtractMetadata's speed.
add_executable(metadata_eval ${CMAKE_CURRENT_LIST_DIR}/metadata_eval.cc)
target_link_libraries(metadata_eval PRIVATE libdiff::extract)
target_include_directories(metadata_eval PRIVATE ${PROJECT_SOURCE_DIR}/libdiff/src)
target_compile_definitions(metadata_eval PRIVATE
  LIBDIFF_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared")
libdiff_set_warnings(metadata_eval)

libdiff_add_bench(metadata_bench
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/metadata_bench.cc
  DEPS libdiff::extract)
