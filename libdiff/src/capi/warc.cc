// Copyright 2026 The libdiff Authors.
//
// The C API's WARC input (libdiff.h, "WARC input") over libdiff::WarcReader.
#include <mutex>
#include <shared_mutex>

#include "capi/boundary.h"
#include "libdiff/warc.h"

using namespace libdiff::capi;  // NOLINT: the boundary helpers

struct libdiff_warc {
  static constexpr Magic kMagic = Magic::kWarc;
  Magic magic = kMagic;
  std::unique_ptr<libdiff::WarcReader> reader;
  libdiff::WarcRecord record;
  bool has_record = false;
  std::vector<uint64_t> batch_offsets;  // of the last libdiff_store_ingest_warc
};

namespace {

const libdiff::WarcRecord& Current(const libdiff_warc* warc) {
  Check(warc, "warc");
  if (!warc->has_record) Fail(StatusCode::kNotFound, "warc: no current record");
  return warc->record;
}

}  // namespace

extern "C" {

int libdiff_warc_open(libdiff_warc** out, const char* path, size_t path_len,
                      uint64_t max_record_bytes) {
  ResetOut(out);
  return Guard(__func__, [&] {
    RequireOut(out);
    const std::string p = Name(path, path_len, "path");
    libdiff::WarcReaderOptions options;
    if (max_record_bytes != 0) {
      if (max_record_bytes > LIBDIFF_MAX_INPUT_BYTES) {
        InvalidArgument("max_record_bytes is over " + std::to_string(LIBDIFF_MAX_INPUT_BYTES));
      }
      options.max_record_bytes = static_cast<size_t>(max_record_bytes);
    }
    auto reader = libdiff::WarcReader::Open(p, options);
    if (!reader.ok()) return reader.status();
    auto w = std::make_unique<libdiff_warc>();
    w->reader = std::move(reader).value();
    *out = w.release();
    return Status::OK();
  });
}

void libdiff_warc_free(libdiff_warc* warc) { FreeHandle(warc); }

int libdiff_warc_next(int* out_has_record, libdiff_warc* warc) {
  if (out_has_record != nullptr) *out_has_record = 0;
  return Guard(__func__, [&] {
    RequireOut(out_has_record, "out_has_record");
    Check(warc, "warc");
    warc->has_record = false;
    auto more = warc->reader->Next(&warc->record);
    if (!more.ok()) return more.status();
    warc->has_record = *more;
    *out_has_record = *more ? 1 : 0;
    return Status::OK();
  });
}

int libdiff_warc_record_string(const char** out, size_t* out_len, const libdiff_warc* warc,
                               int field) {
  ResetOut(out);
  ResetLen(out_len);
  return Guard(__func__, [&] {
    RequireOut(out);
    const libdiff::WarcRecord& r = Current(warc);
    static const std::string kTypes[] = {"response", "resource", "revisit"};
    switch (field) {
      case LIBDIFF_WARC_URL: OutView(out, out_len, r.url); break;
      case LIBDIFF_WARC_DATE: OutView(out, out_len, r.date); break;
      case LIBDIFF_WARC_CONTENT_TYPE: OutView(out, out_len, r.content_type); break;
      case LIBDIFF_WARC_BODY: OutView(out, out_len, r.body); break;
      case LIBDIFF_WARC_TYPE: OutView(out, out_len, kTypes[static_cast<int>(r.type)]); break;
      case LIBDIFF_WARC_REFERS_TO_URL: OutView(out, out_len, r.refers_to_url); break;
      case LIBDIFF_WARC_REFERS_TO_DATE: OutView(out, out_len, r.refers_to_date); break;
      default: InvalidArgument("unknown WARC string field " + std::to_string(field));
    }
    return Status::OK();
  });
}

int libdiff_warc_record_int(int64_t* out, const libdiff_warc* warc, int field) {
  if (out != nullptr) *out = 0;
  return Guard(__func__, [&] {
    RequireOut(out);
    const libdiff::WarcRecord& r = Current(warc);
    switch (field) {
      case LIBDIFF_WARC_OFFSET: *out = static_cast<int64_t>(r.offset); break;
      case LIBDIFF_WARC_FETCHED_AT: *out = r.fetched_at; break;
      case LIBDIFF_WARC_HTTP_STATUS: *out = r.http_status; break;
      case LIBDIFF_WARC_IS_REVISIT: *out = r.type == libdiff::WarcRecordType::kRevisit; break;
      default: InvalidArgument("unknown WARC int field " + std::to_string(field));
    }
    return Status::OK();
  });
}

int libdiff_warc_stat(uint64_t* out, const libdiff_warc* warc, int field) {
  if (out != nullptr) *out = 0;
  return Guard(__func__, [&] {
    RequireOut(out);
    const libdiff::WarcStats& s = Check(warc, "warc")->reader->stats();
    const uint64_t values[] = {s.records,     s.html,      s.revisits,    s.not_html, s.not_ok,
                               s.other_types, s.too_large, s.undecodable, s.bytes_in};
    if (field < 0 || static_cast<size_t>(field) >= std::size(values)) {
      InvalidArgument("unknown WARC stat " + std::to_string(field));
    }
    *out = values[field];
    return Status::OK();
  });
}

int libdiff_store_ingest_warc(libdiff_verdict_list** out, libdiff_store* store,
                              libdiff_warc* warc, size_t max_pages) {
  ResetOut(out);
  return Guard(__func__, [&] {
    RequireOut(out);
    Check(warc, "warc");
    if (max_pages == 0) InvalidArgument("max_pages is 0");
    return WithStore(store, [&](libdiff::Store& s) -> Status {
      warc->batch_offsets.clear();
      std::vector<libdiff::Page> pages;
      Status damage;
      while (pages.size() < max_pages) {
        warc->has_record = false;
        auto more = warc->reader->Next(&warc->record);
        if (!more.ok()) {
          damage = more.status();
          break;
        }
        if (!*more) break;
        libdiff::WarcRecord& r = warc->record;
        if (r.type == libdiff::WarcRecordType::kRevisit || r.body.empty()) continue;
        libdiff::Page page;
        page.url = std::move(r.url);
        page.html = std::move(r.body);
        page.content_type = std::move(r.content_type);
        page.fetched_at = r.fetched_at;
        pages.push_back(std::move(page));
        warc->batch_offsets.push_back(r.offset);
      }
      // What came before the damage is filed; the reader repeats the error
      // on the next call.
      if (!damage.ok() && pages.empty()) return damage;
      if (pages.empty()) {
        *out = NewVerdictList({});
        return Status::OK();
      }
      auto verdicts = s.IngestBatch(pages);
      if (!verdicts.ok()) return verdicts.status();
      *out = NewVerdictList(std::move(verdicts).value());
      return Status::OK();
    });
  });
}

int libdiff_warc_batch_offset(uint64_t* out, const libdiff_warc* warc, size_t index) {
  if (out != nullptr) *out = 0;
  return Guard(__func__, [&] {
    RequireOut(out);
    const auto& offsets = Check(warc, "warc")->batch_offsets;
    if (index >= offsets.size()) {
      Fail(StatusCode::kNotFound, "index " + std::to_string(index) + " past the last batch's " +
                                      std::to_string(offsets.size()) + " pages");
    }
    *out = offsets[index];
    return Status::OK();
  });
}

}  // extern "C"
