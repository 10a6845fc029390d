// Copyright 2026 The libdiff Authors.
//
// The diff's own tokens: words, numbers, spaces and single punctuation marks,
// covering the text without gaps so concatenating the tokens gives it back.
// Private to libdiff.
#ifndef LIBDIFF_DIFF_TEXT_TOKENS_H_
#define LIBDIFF_DIFF_TEXT_TOKENS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace libdiff::internal::textdiff {

enum class TokenKind : uint8_t {
  kWord,    // letters (and digits after a letter): "Minister", "don't", "G7"
  kNumber,  // starts with a digit: "3.5", "1,200", "2:50pm", "5th"
  kSpace,   // one run of whitespace
  kPunct,   // one punctuation or symbol code point
};

struct Token {
  std::string_view text;
  TokenKind kind;
};

// Splits valid UTF-8 `text` into tokens; views point into `text`. Han, kana
// and other scripts written without spaces give one token per character.
std::vector<Token> TokenizeForDiff(std::string_view text);

// Decodes one code point at `s[i]`, advancing `i`; invalid bytes give U+FFFD
// and advance by one.
char32_t NextCodePoint(std::string_view s, size_t& i);

// True for ASCII whitespace, U+2028, U+2029 and U+3000 (the tokenizer also
// treats every other Zs character as space).
bool IsCollapsibleSpace(char32_t c);

// True when `c` is a Han, kana or similar character that is its own token.
bool IsUnspacedScript(char32_t c);

// ASCII/Unicode-aware lower-casing of a token, for dictionary look-ups.
std::string LowerToken(std::string_view token);

}  // namespace libdiff::internal::textdiff

#endif  // LIBDIFF_DIFF_TEXT_TOKENS_H_
