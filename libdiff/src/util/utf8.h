// Copyright 2026 The libdiff Authors.
//
// UTF-8 validation and repair. Private to libdiff.
#ifndef LIBDIFF_UTIL_UTF8_H_
#define LIBDIFF_UTIL_UTF8_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace libdiff::internal {

// True when `s` is well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
bool IsValidUtf8(std::string_view s);

// Returns `s` with every ill-formed subsequence replaced by U+FFFD (the
// "maximal subpart" practice of Unicode 15, ch. 3), and NUL bytes dropped.
std::string RepairUtf8(std::string_view s);

// Decodes the code point at `s[*i]` and advances `*i` past it; an ill-formed
// sequence (or `*i` at the end) gives U+FFFD and advances by one byte.
char32_t DecodeUtf8At(std::string_view s, size_t* i);

// Appends the UTF-8 encoding of code point `cp`; a surrogate or a value past
// U+10FFFF is written as U+FFFD.
inline void AppendUtf8(uint32_t cp, std::string* out) {
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = 0xFFFD;
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace libdiff::internal

#endif  // LIBDIFF_UTIL_UTF8_H_
