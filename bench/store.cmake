# Revision store: bytes per realistic update and end-to-end ingest speed (the
# NAEB ingest benchmark skips when ../shared is absent).
libdiff_add_bench(store_bench SOURCES store_bench.cc DEPS libdiff::store)
