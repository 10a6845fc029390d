// Copyright 2026 The libdiff Authors.
#include "util/text.h"

namespace libdiff::internal {

namespace {

// Byte length of the whitespace character at s[i], or 0.
size_t SpaceLength(std::string_view s, size_t i) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  if (c == ' ' || (c >= '\t' && c <= '\r')) return 1;
  if (c == 0xC2 && i + 1 < s.size() && b(i + 1) == 0xA0) return 2;
  if (c == 0xE2 && i + 2 < s.size() && b(i + 1) == 0x80 && (b(i + 2) == 0xA8 || b(i + 2) == 0xA9)) {
    return 3;
  }
  if (c == 0xE3 && i + 2 < s.size() && b(i + 1) == 0x80 && b(i + 2) == 0x80) return 3;
  return 0;
}

}  // namespace

std::string CollapseWhitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (size_t i = 0; i < text.size();) {
    if (size_t n = SpaceLength(text, i)) {
      pending_space = !out.empty();
      i += n;
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(text[i++]);
  }
  return out;
}

}  // namespace libdiff::internal
