// Copyright 2026 The libdiff Authors.
//
// Fuzzes the WARC reader (warc.h): arbitrary bytes as a WARC file, read to the
// end or to the first error. Properties checked on each input:
//   - reading ends (no hang) with OK or kCorruption, and an error repeats;
//   - no record's body is larger than max_record_bytes; revisits have no body;
//   - reading is deterministic;
//   - when the input is not gzip, the same bytes as one gzip stream give the
//     same records, offsets included, and the same outcome.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "../tests/dedupe/corpus_util.h"  // Gzip
#include "fuzz_check.h"
#include "libdiff/warc.h"

namespace {

constexpr size_t kMaxRecord = 1 << 16;

struct Outcome {
  std::vector<libdiff::WarcRecord> records;
  libdiff::StatusCode code = libdiff::StatusCode::kOk;
};

Outcome ReadAll(std::string data) {
  libdiff::WarcReaderOptions options;
  options.max_record_bytes = kMaxRecord;
  auto reader = libdiff::WarcReader::OpenBuffer(std::move(data), "fuzz.warc", options);
  LIBDIFF_FUZZ_CHECK(reader.ok(), "OpenBuffer succeeds");
  Outcome out;
  for (;;) {
    libdiff::WarcRecord r;
    libdiff::Result<bool> more = (*reader)->Next(&r);
    if (!more.ok()) {
      out.code = more.status().code();
      LIBDIFF_FUZZ_CHECK(more.status().IsCorruption(), "damage is kCorruption");
      libdiff::Result<bool> again = (*reader)->Next(&r);
      LIBDIFF_FUZZ_CHECK(!again.ok() && again.status().code() == out.code, "an error repeats");
      break;
    }
    if (!*more) break;
    LIBDIFF_FUZZ_CHECK(r.body.size() <= kMaxRecord, "bodies stay within max_record_bytes");
    LIBDIFF_FUZZ_CHECK(r.type != libdiff::WarcRecordType::kRevisit || r.body.empty(),
                       "revisits carry no body");
    out.records.push_back(std::move(r));
  }
  return out;
}

bool Same(const Outcome& a, const Outcome& b) {
  if (a.code != b.code || a.records.size() != b.records.size()) return false;
  for (size_t i = 0; i < a.records.size(); ++i) {
    const auto& x = a.records[i];
    const auto& y = b.records[i];
    if (x.offset != y.offset || x.url != y.url || x.body != y.body || x.type != y.type ||
        x.content_type != y.content_type || x.fetched_at != y.fetched_at) {
      return false;
    }
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  const Outcome first = ReadAll(input);
  LIBDIFF_FUZZ_CHECK(Same(first, ReadAll(input)), "reading is deterministic");
  const bool gzip = size >= 2 && data[0] == 0x1f && data[1] == 0x8b;
  if (!gzip && size > 0) {
    LIBDIFF_FUZZ_CHECK(Same(first, ReadAll(libdiff::dedupe_test::Gzip(input))),
                       "a gzip stream reads as the bytes it holds");
  }
  return 0;
}
