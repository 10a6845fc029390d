// Copyright 2026 The libdiff Authors.
//
// Small text helpers shared by the stages. Private to libdiff.
#ifndef LIBDIFF_UTIL_TEXT_H_
#define LIBDIFF_UTIL_TEXT_H_

#include <string>
#include <string_view>

namespace libdiff::internal {

// Replaces every run of whitespace with one ASCII space and trims both ends.
// Whitespace here is ASCII space, tab, CR, LF, FF, VT, NO-BREAK SPACE (U+00A0),
// LINE/PARAGRAPH SEPARATOR (U+2028/9) and IDEOGRAPHIC SPACE (U+3000); other
// bytes, valid UTF-8 or not, are copied unchanged.
std::string CollapseWhitespace(std::string_view text);

}  // namespace libdiff::internal

#endif  // LIBDIFF_UTIL_TEXT_H_
