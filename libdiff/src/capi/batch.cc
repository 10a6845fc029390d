// Copyright 2026 The libdiff Authors.
//
// The C API's batches: a batch of pages, its ingest and check in one call, and
// the list of verdicts they return (libdiff.h, "The revision store").
#include "capi/boundary.h"

#include <string>
#include <utility>
#include <vector>

#include "capi/conversions.h"
#include "libdiff/store.h"

using namespace libdiff::capi;  // NOLINT: the boundary helpers

namespace {

Status CheckBatchSizes(const libdiff_store* store, const libdiff_batch* batch) {
  for (size_t i = 0; i < batch->pages.size(); ++i) {
    if (batch->pages[i].html.size() > store->extract.max_input_bytes) {
      return Status::ResourceExhausted("page " + std::to_string(i) + " (" +
                                       batch->pages[i].url + "): html is " +
                                       std::to_string(batch->pages[i].html.size()) +
                                       " bytes, over max_input_bytes " +
                                       std::to_string(store->extract.max_input_bytes));
    }
  }
  return Status::OK();
}

// Ingest and check of a batch: the checks, the store's lock and the verdict
// list around `run` (Store&, pages) -> Result<std::vector<Verdict>>.
template <typename Run>
int RunBatch(const char* fn, libdiff_verdict_list** out, libdiff_store* store,
             const libdiff_batch* batch, Run run) {
  ResetOut(out);
  return Guard(fn, [&] {
    RequireOut(out);
    Check(batch, "batch");
    return WithStore(store, [&](libdiff::Store& s) -> Status {
      LIBDIFF_RETURN_IF_ERROR(CheckBatchSizes(store, batch));
      if (batch->pages.empty()) {
        *out = NewVerdictList({});
        return Status::OK();
      }
      auto r = run(s, batch->pages);
      if (!r.ok()) return r.status();
      *out = NewVerdictList(std::move(r).value());
      return Status::OK();
    });
  });
}

}  // namespace

extern "C" {

int libdiff_batch_create(libdiff_batch** out) {
  ResetOut(out);
  return Guard(__func__, [&] {
    RequireOut(out);
    *out = new libdiff_batch();
    return Status::OK();
  });
}

void libdiff_batch_free(libdiff_batch* batch) { FreeHandle(batch); }

int libdiff_batch_add(libdiff_batch* batch, const char* url, size_t url_len, const char* html,
                      size_t html_len, int64_t fetched_at) {
  return Guard(__func__, [&] {
    Check(batch, "batch");
    batch->pages.push_back(MakePage(nullptr, url, url_len, html, html_len, fetched_at));
    return Status::OK();
  });
}

size_t libdiff_batch_count(const libdiff_batch* batch) {
  return IsLive(batch) ? batch->pages.size() : 0;
}

int libdiff_batch_clear(libdiff_batch* batch) {
  return Guard(__func__, [&] {
    Check(batch, "batch")->pages.clear();
    return Status::OK();
  });
}

int libdiff_store_ingest_batch(libdiff_verdict_list** out, libdiff_store* store,
                               const libdiff_batch* batch) {
  return RunBatch(__func__, out, store, batch,
                  [](libdiff::Store& s, const std::vector<libdiff::Page>& pages) {
                    return s.IngestBatch(pages);
                  });
}

int libdiff_store_check_batch(libdiff_verdict_list** out, libdiff_store* store,
                              const libdiff_batch* batch) {
  return RunBatch(__func__, out, store, batch,
                  [](libdiff::Store& s, const std::vector<libdiff::Page>& pages)
                      -> libdiff::Result<std::vector<libdiff::Verdict>> {
                    std::vector<libdiff::Verdict> verdicts;
                    verdicts.reserve(pages.size());
                    for (size_t i = 0; i < pages.size(); ++i) {
                      auto r = s.Check(pages[i]);
                      if (!r.ok()) return r.status().WithContext("page " + std::to_string(i));
                      verdicts.push_back(std::move(r).value());
                    }
                    return verdicts;
                  });
}

void libdiff_verdict_list_free(libdiff_verdict_list* list) { FreeHandle(list); }

size_t libdiff_verdict_list_count(const libdiff_verdict_list* list) {
  return IsLive(list) ? list->verdicts.size() : 0;
}

int libdiff_verdict_list_get(const libdiff_verdict** out, const libdiff_verdict_list* list,
                             size_t index) {
  ResetOut(out);
  return Guard(__func__, [&] {
    RequireOut(out);
    const auto& v = Check(list, "list")->verdicts;
    if (index >= v.size()) {
      Fail(StatusCode::kNotFound,
           "verdict " + std::to_string(index) + " of " + std::to_string(v.size()));
    }
    *out = v[index].get();
    return Status::OK();
  });
}

}  // extern "C"
