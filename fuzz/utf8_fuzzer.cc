// Copyright 2026 The libdiff Authors.
//
// Fuzzes IsValidUtf8 and RepairUtf8 (libdiff/src/util/utf8.h), the gate every
// page's text passes through. Properties checked on each input:
//   - IsValidUtf8 agrees with utf8proc's independent decoder;
//   - RepairUtf8 returns valid UTF-8 without NUL bytes, at most 3 bytes out per byte in;
//   - RepairUtf8 is the identity on valid NUL-free input, and idempotent.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <utf8proc.h>

#include "fuzz_check.h"
#include "util/utf8.h"

namespace {

// utf8proc's view: every sequence decodes to a valid scalar value.
bool Utf8procAccepts(std::string_view s) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  auto left = static_cast<utf8proc_ssize_t>(s.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0 || !utf8proc_codepoint_valid(cp)) return false;
    p += n;
    left -= n;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using libdiff::internal::IsValidUtf8;
  using libdiff::internal::RepairUtf8;
  const std::string_view in(reinterpret_cast<const char*>(data), size);

  const bool valid = IsValidUtf8(in);
  LIBDIFF_FUZZ_CHECK(valid == Utf8procAccepts(in), "IsValidUtf8 agrees with utf8proc");

  const std::string repaired = RepairUtf8(in);
  LIBDIFF_FUZZ_CHECK(IsValidUtf8(repaired), "RepairUtf8 output is valid UTF-8");
  LIBDIFF_FUZZ_CHECK(repaired.find('\0') == std::string::npos, "RepairUtf8 drops NUL bytes");
  LIBDIFF_FUZZ_CHECK(repaired.size() <= 3 * in.size(), "RepairUtf8 grows by at most 3x");
  if (valid && in.find('\0') == std::string_view::npos) {
    LIBDIFF_FUZZ_CHECK(repaired == in, "RepairUtf8 keeps valid text unchanged");
  }
  LIBDIFF_FUZZ_CHECK(RepairUtf8(repaired) == repaired, "RepairUtf8 is idempotent");
  return 0;
}
