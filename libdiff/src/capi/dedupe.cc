// Copyright 2026 The libdiff Authors.
//
// The C API's scale-out dedupe entry points (experimental; used by
// bindings/python/libdiff/dask_dedupe.py). A document's record is made by
// dedupe/document_record.h, as `libdiff dedupe` makes it; pairs are verified
// by the index's VerifyNearDuplicateSorted, as DedupeRun::VerifyPair does.
#include "capi/boundary.h"

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "libdiff/article.h"
#include "libdiff/fingerprint.h"
#include "libdiff/warc.h"
#include "dedupe/document_reader.h"
#include "dedupe/document_record.h"
#include "index/near_duplicate_index.h"

using namespace libdiff::capi;  // NOLINT: the boundary helpers

namespace {

using libdiff::internal::DocumentRecord;

// The record of one document, read under the call's limits (dedupe/document_record.h).
DocumentRecord RecordOf(libdiff::Result<libdiff::internal::DocumentContent> content,
                        size_t max_file, size_t max_gz, const std::string& url = "",
                        const std::string& content_type = "") {
  libdiff::internal::DocumentRecordOptions ro;
  ro.max_file_bytes = max_file;
  ro.max_decompressed_bytes = max_gz;
  ro.url = url;
  ro.content_type = content_type;
  return libdiff::internal::MakeDocumentRecord(std::move(content), ro);
}

}  // namespace

namespace {

// The JSON of a record: {"kind":"skip", reason, detail, disk_bytes} or
// {"kind":"doc", disk_bytes, simhash, exact, published, body_bytes, tokens,
// shingles, sketch} (libdiff.h, libdiff_dedupe_record).
nlohmann::json RecordJson(const DocumentRecord& r) {
  nlohmann::json j;
  j["disk_bytes"] = r.disk_bytes;
  if (r.skip_reason != nullptr) {
    j["kind"] = "skip";
    j["reason"] = r.skip_reason;
    j["detail"] = r.skip_detail;
    return j;
  }
  const libdiff::Fingerprint& fp = r.fp;
  j["kind"] = "doc";
  j["simhash"] = fp.simhash;
  j["exact"] = nlohmann::json::array({fp.exact.high, fp.exact.low});
  j["published"] = r.has_published ? nlohmann::json(r.published) : nlohmann::json(nullptr);
  j["body_bytes"] = std::min<uint64_t>(r.body_bytes, UINT32_MAX);
  j["tokens"] = std::min<uint64_t>(fp.token_count, UINT32_MAX);
  j["shingles"] = std::min<uint64_t>(fp.shingle_count, UINT32_MAX);
  j["sketch"] = fp.sketch;
  return j;
}

}  // namespace

extern "C" {

int libdiff_dedupe_record(char** out, size_t* out_len, const char* path, size_t path_len,
                          uint64_t max_file_bytes, uint64_t max_decompressed_bytes) {
  ResetOut(out);
  ResetLen(out_len);
  return Guard(__func__, [&]() -> Status {
    RequireOut(out);
    const std::string p = Name(path, path_len, "path");
    const size_t max_file = static_cast<size_t>(max_file_bytes);
    const size_t max_gz = static_cast<size_t>(max_decompressed_bytes);
    const nlohmann::json j = RecordJson(
        RecordOf(libdiff::internal::ReadDocument(p, max_file, max_gz), max_file, max_gz));
    OutString(out, out_len, j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    return Status::OK();
  });
}

int libdiff_dedupe_warc_records(char** out, size_t* out_len, const char* path, size_t path_len,
                                uint64_t max_file_bytes, uint64_t max_decompressed_bytes) {
  ResetOut(out);
  ResetLen(out_len);
  return Guard(__func__, [&]() -> Status {
    RequireOut(out);
    const std::string p = Name(path, path_len, "path");
    const size_t max_file = static_cast<size_t>(max_file_bytes);
    const size_t max_gz = static_cast<size_t>(max_decompressed_bytes);
    nlohmann::json j;
    j["records"] = nlohmann::json::array();
    libdiff::WarcReaderOptions wo;
    wo.max_record_bytes = std::max<size_t>(1, std::max(max_file, max_gz));
    auto reader = libdiff::WarcReader::Open(p, wo);
    if (!reader.ok()) {
      j["error"] = reader.status().message();
    } else {
      for (;;) {
        libdiff::WarcRecord r;
        auto more = (*reader)->Next(&r);
        if (!more.ok()) {  // the records before the damage are kept
          j["error"] = more.status().message();
          break;
        }
        if (!*more) break;
        nlohmann::json rec;
        if (r.type == libdiff::WarcRecordType::kRevisit) {
          rec["kind"] = "revisit";
          rec["detail"] = "of " + r.refers_to_url + " " + r.refers_to_date;
        } else {
          libdiff::internal::DocumentContent content;
          content.kind = libdiff::internal::DocumentKind::kHtml;
          content.bytes = std::move(r.body);
          rec = RecordJson(
              RecordOf(std::move(content), max_file, max_gz, r.url, r.content_type));
        }
        rec["offset"] = r.offset;
        rec["url"] = r.url;
        j["records"].push_back(std::move(rec));
      }
      const libdiff::WarcStats& st = (*reader)->stats();
      j["disk_bytes"] = st.bytes_in;
      j["not_html"] = st.not_html;
      j["too_large"] = st.too_large;
    }
    OutString(out, out_len, j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    return Status::OK();
  });
}

int libdiff_dedupe_verify(int* out_duplicate, int* out_distance, double* out_similarity,
                          int* out_exact, uint64_t simhash_a, uint64_t simhash_b, int exact_equal,
                          uint64_t tokens_a, uint64_t tokens_b, uint64_t shingles_a,
                          uint64_t shingles_b, const uint32_t* sketch_a, size_t count_a,
                          const uint32_t* sketch_b, size_t count_b, int max_distance) {
  return Guard(__func__, [&]() -> Status {
    if ((sketch_a == nullptr && count_a > 0) || (sketch_b == nullptr && count_b > 0)) {
      InvalidArgument("sketch is NULL with a non-zero count");
    }
    if (count_a > libdiff::kSketchSize || count_b > libdiff::kSketchSize) {
      InvalidArgument("a sketch holds at most " + std::to_string(libdiff::kSketchSize) + " values");
    }
    if (max_distance < 0 || max_distance > libdiff::internal::kMaxSupportedK) {
      InvalidArgument("max_distance outside 0..7");
    }
    libdiff::internal::VerifyOptions vo;
    vo.max_distance = max_distance;
    const libdiff::internal::VerifyResult v = libdiff::internal::VerifyNearDuplicateSorted(
        simhash_a, simhash_b, exact_equal != 0, tokens_a, tokens_b, shingles_a, shingles_b,
        std::span<const uint32_t>(sketch_a, count_a), std::span<const uint32_t>(sketch_b, count_b),
        {}, {}, vo);
    if (out_duplicate != nullptr) *out_duplicate = v.is_duplicate ? 1 : 0;
    if (out_distance != nullptr) *out_distance = v.distance;
    if (out_similarity != nullptr) *out_similarity = v.similarity;
    if (out_exact != nullptr) *out_exact = v.exact ? 1 : 0;
    return Status::OK();
  });
}

}  // extern "C"
