// Copyright 2026 The libdiff Authors.
//
// Small text helpers shared by the stages. Private to libdiff.
#ifndef LIBDIFF_UTIL_TEXT_H_
#define LIBDIFF_UTIL_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace libdiff::internal {

// Replaces every run of whitespace with one ASCII space and trims both ends.
// Whitespace here is ASCII space, tab, CR, LF, FF, VT, NO-BREAK SPACE (U+00A0),
// LINE/PARAGRAPH SEPARATOR (U+2028/9) and IDEOGRAPHIC SPACE (U+3000); other
// bytes, valid UTF-8 or not, are copied unchanged.
std::string CollapseWhitespace(std::string_view text);

// Does s[i..] start with `lower` (lower-case ASCII), ASCII case ignored?
// Inline: the HTML pre-pass asks it at every tag.
// REQUIRES: i <= s.size()
inline bool StartsWithLowerAscii(std::string_view s, size_t i, std::string_view lower) {
  if (s.size() - i < lower.size()) return false;
  for (size_t k = 0; k < lower.size(); ++k) {
    char c = s[i + k];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[k]) return false;
  }
  return true;
}

}  // namespace libdiff::internal

#endif  // LIBDIFF_UTIL_TEXT_H_
