# Article diff: DiffArticles/DiffTexts on a 1,200-word update, RenderDiff in
# every format, and two unrelated 100,000-word texts with heap counters
# (docs/diff.md).
libdiff_add_bench(diff_bench
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/diff_bench.cc
  DEPS libdiff::diff)
# diff_bench replaces operator new/delete (malloc/free) to count heap bytes;
# GCC 12 reports the free() inside the replaced operator delete as a mismatch.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  target_compile_options(diff_bench PRIVATE -Wno-mismatched-new-delete)
endif()
