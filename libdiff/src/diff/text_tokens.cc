// Copyright 2026 The libdiff Authors.
#include "diff/text_tokens.h"

#include <utf8proc.h>

#include "util/utf8.h"

namespace libdiff::internal::textdiff {
namespace {

// ASCII is answered without utf8proc: news text is mostly ASCII, and the
// table look-ups dominated the diff of an article (bench/diff_bench.cc).
bool IsLetterOrMark(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
      return true;
    default:
      return false;
  }
}

bool IsDigit(char32_t c) {
  if (c < 0x80) return c >= '0' && c <= '9';
  return utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_ND;
}

bool IsSpace(char32_t c) {
  if (IsCollapsibleSpace(c)) return true;
  if (c < 0x80) return false;
  return utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_ZS;
}

char32_t PeekCodePoint(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  return NextCodePoint(s, i);
}

}  // namespace

char32_t NextCodePoint(std::string_view s, size_t& i) { return DecodeUtf8At(s, &i); }

bool IsCollapsibleSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
         c == 0x2028 || c == 0x2029 || c == 0x3000;
}

bool IsUnspacedScript(char32_t c) {
  return (c >= 0x3040 && c <= 0x30FF) ||    // hiragana, katakana
         (c >= 0x3400 && c <= 0x4DBF) ||    // CJK extension A
         (c >= 0x4E00 && c <= 0x9FFF) ||    // CJK unified ideographs
         (c >= 0xF900 && c <= 0xFAFF) ||    // compatibility ideographs
         (c >= 0x0E00 && c <= 0x0EFF) ||    // Thai, Lao
         (c >= 0x20000 && c <= 0x3FFFF);    // supplementary ideographs
}

std::string LowerToken(std::string_view token) {
  std::string out;
  out.reserve(token.size());
  size_t i = 0;
  while (i < token.size()) {
    char32_t c = NextCodePoint(token, i);
    auto lower = utf8proc_tolower(static_cast<utf8proc_int32_t>(c));
    utf8proc_uint8_t buf[4];
    utf8proc_ssize_t n = utf8proc_encode_char(lower, buf);
    out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
  }
  return out;
}

std::vector<Token> TokenizeForDiff(std::string_view text) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 3 + 1);  // prose: a word and a space per ~6 bytes
  size_t i = 0;
  while (i < text.size()) {
    const size_t start = i;
    char32_t c = NextCodePoint(text, i);
    TokenKind kind;
    if (IsSpace(c)) {
      kind = TokenKind::kSpace;
      size_t j = i;
      while (j < text.size()) {
        size_t k = j;
        if (!IsSpace(NextCodePoint(text, k))) break;
        j = k;
      }
      i = j;
    } else if (IsUnspacedScript(c)) {
      kind = TokenKind::kWord;
    } else if (IsDigit(c) || IsLetterOrMark(c)) {
      kind = IsDigit(c) ? TokenKind::kNumber : TokenKind::kWord;
      // Continue over letters, digits, and inner joiners followed by the right class:
      // apostrophes before letters ("don't"), . , : / before digits in numbers ("3.5").
      size_t j = i;
      while (j < text.size()) {
        size_t k = j;
        char32_t d = NextCodePoint(text, k);
        if (IsUnspacedScript(d)) break;
        if (IsDigit(d) || IsLetterOrMark(d)) {
          j = k;
          continue;
        }
        char32_t after = PeekCodePoint(text, k);
        if ((d == '\'' || d == 0x2019) && IsLetterOrMark(after) && !IsUnspacedScript(after)) {
          j = k;
          continue;
        }
        if (kind == TokenKind::kNumber && (d == '.' || d == ',' || d == ':' || d == '/') &&
            IsDigit(after)) {
          j = k;
          continue;
        }
        break;
      }
      i = j;
    } else {
      kind = TokenKind::kPunct;
    }
    tokens.push_back(Token{text.substr(start, i - start), kind});
  }
  return tokens;
}

}  // namespace libdiff::internal::textdiff
