// Copyright 2026 The libdiff Authors.
#include "util/utf8.h"

#include <cstdint>
#include <cstring>

namespace libdiff::internal {

namespace {

// Length of the well-formed sequence at s[i], or 0 if ill-formed; `*bad` gets
// the length of the maximal ill-formed subpart to replace with one U+FFFD.
size_t SequenceLength(std::string_view s, size_t i, size_t* bad) {
  const auto b = [&](size_t k) { return static_cast<uint8_t>(s[k]); };
  const uint8_t c = b(i);
  *bad = 1;
  if (c < 0x80) return 1;
  size_t need;
  uint8_t lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    need = 1;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 2;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 3;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  for (size_t k = 1; k <= need; ++k) {
    if (i + k >= s.size()) return 0;
    const uint8_t t = b(i + k);
    const uint8_t l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
    if (t < l || t > h) return 0;
    *bad = k + 1;
  }
  return need + 1;
}

// Are the 8 bytes at p all ASCII?
inline bool Ascii8(const char* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  return (w & 0x8080808080808080ull) == 0;
}

}  // namespace

char32_t DecodeUtf8At(std::string_view s, size_t* i) {
  if (*i >= s.size()) {
    ++*i;
    return 0xFFFD;
  }
  const uint8_t c = static_cast<uint8_t>(s[*i]);
  size_t bad;
  const size_t n = c < 0x80 ? 1 : SequenceLength(s, *i, &bad);
  if (n == 0) {
    ++*i;
    return 0xFFFD;
  }
  char32_t cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
  for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<uint8_t>(s[*i + k]) & 0x3F);
  *i += n;
  return cp;
}

bool IsValidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    // Text is mostly ASCII: skip it eight bytes at a time.
    while (i + 8 <= s.size() && Ascii8(s.data() + i)) i += 8;
    if (i >= s.size()) break;
    size_t bad;
    size_t n = SequenceLength(s, i, &bad);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string RepairUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    size_t bad;
    size_t n = SequenceLength(s, i, &bad);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      i += bad;
    } else {
      if (!(n == 1 && s[i] == '\0')) out.append(s.data() + i, n);
      i += n;
    }
  }
  return out;
}

}  // namespace libdiff::internal
