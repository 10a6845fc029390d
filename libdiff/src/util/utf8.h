// Copyright 2026 The libdiff Authors.
//
// UTF-8 validation and repair. Private to libdiff.
#ifndef LIBDIFF_UTIL_UTF8_H_
#define LIBDIFF_UTIL_UTF8_H_

#include <string>
#include <string_view>

namespace libdiff::internal {

// True when `s` is well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
bool IsValidUtf8(std::string_view s);

// Returns `s` with every ill-formed subsequence replaced by U+FFFD (the
// "maximal subpart" practice of Unicode 15, ch. 3), and NUL bytes dropped.
std::string RepairUtf8(std::string_view s);

}  // namespace libdiff::internal

#endif  // LIBDIFF_UTIL_UTF8_H_
