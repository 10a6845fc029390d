// Copyright 2026 The libdiff Authors.
//
// FuzzInput: carves options and payloads out of a fuzz input, front to back.
// Unlike clang's FuzzedDataProvider it builds with any compiler (the fuzz targets
// also run as regression tests under g++), and options come first, so a seed is
// "option bytes + payload" and a zero option byte selects the defaults.
// Reading past the end yields zeros and empty strings, never an error.
#ifndef LIBDIFF_FUZZ_FUZZ_INPUT_H_
#define LIBDIFF_FUZZ_FUZZ_INPUT_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace libdiff::fuzz {

class FuzzInput {
 public:
  FuzzInput(const uint8_t* data, size_t size)
      : rest_(reinterpret_cast<const char*>(data), size) {}

  // The next byte, or 0 at the end.
  uint8_t Byte() {
    if (rest_.empty()) return 0;
    const auto b = static_cast<uint8_t>(rest_.front());
    rest_.remove_prefix(1);
    return b;
  }

  // A value in [lo, hi] from as many bytes as the range needs (big-endian).
  // REQUIRES: lo <= hi.
  uint64_t Range(uint64_t lo, uint64_t hi) {
    const uint64_t span = hi - lo;
    uint64_t v = 0;
    for (uint64_t left = span; left != 0; left >>= 8) v = (v << 8) | Byte();
    return span == UINT64_MAX ? lo + v : lo + v % (span + 1);
  }

  // A value in [0, 1] from one byte.
  double Fraction() { return Byte() / 255.0; }

  // Up to `n` bytes.
  std::string_view Bytes(size_t n) {
    const std::string_view out = rest_.substr(0, n);
    rest_.remove_prefix(out.size());
    return out;
  }

  // A string of at most `max` bytes whose length is the next byte (mod max + 1).
  std::string_view ShortString(size_t max) { return Bytes(Byte() % (max + 1)); }

  // Everything not consumed yet.
  std::string_view Rest() {
    const std::string_view out = rest_;
    rest_ = {};
    return out;
  }

 private:
  std::string_view rest_;
};

}  // namespace libdiff::fuzz

#endif  // LIBDIFF_FUZZ_FUZZ_INPUT_H_
