# Article extraction speed over the NAEB pages (skips when ../shared is absent).
libdiff_add_bench(extract_bench SOURCES extract_bench.cc DEPS libdiff::extract)
