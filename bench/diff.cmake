# Article diff: DiffArticles/DiffTexts on a 1,200-word update, RenderDiff in
# every format, and two unrelated 100,000-word texts with heap counters
# (docs/diff.md).
libdiff_add_bench(diff_bench
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/diff_bench.cc
  DEPS libdiff::diff)
