// Copyright 2026 The libdiff Authors.
//
// Word tokens of normalised text. Private to libdiff; libdiff::Tokenize
// (fingerprint.h) is the public form.
#ifndef LIBDIFF_FINGERPRINT_TOKENIZE_H_
#define LIBDIFF_FINGERPRINT_TOKENIZE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace libdiff::internal {

// Token rules (docs/fingerprint.md):
//  - A token is a maximal run of letters (L*), digits and other numbers (N*)
//    and combining marks (M*); a mark continues the token before it, so
//    Devanagari vowel signs, Arabic harakat and decomposed accents stay inside
//    their word. Everything else (punctuation, symbols, spaces) separates.
//  - Letters and numbers of scripts written without spaces between words
//    (Han, Hiragana, Katakana, Thai, Lao, Khmer, Myanmar) form runs of their
//    own; a run of k >= 2 characters (a character = a base letter with its
//    marks) yields the k - 1 overlapping bigrams, a run of one character yields
//    that character.
// Tokens are byte spans of the input; ill-formed UTF-8 bytes separate tokens.

// Appends the tokens of `text` to `out`.
void TokenizeInto(std::string_view text, std::vector<std::string>* out);

// Appends the XXH3-64 hash (seed 0) of each token's UTF-8 bytes to `out`, in
// order. Same tokens as TokenizeInto, without building strings.
void HashTokens(std::string_view text, std::vector<uint64_t>* out);

// The most tokens a text of `size` bytes can have: every token but the last
// is followed by at least one byte outside it (a separator, or for bigrams the
// 3-byte character that starts the next one), so at most size/2 + 1.
inline size_t MaxTokens(size_t size) { return size / 2 + 1; }

// Writes the token hashes into out[0..], returns how many.
// REQUIRES: out has room for MaxTokens(text.size()) values (it may be
// uninitialised memory: large texts then touch only the pages they use).
size_t HashTokens(std::string_view text, uint64_t* out);

// True for code points of the scripts split into bigrams.
bool IsNoSpaceScript(char32_t c);

}  // namespace libdiff::internal

#endif  // LIBDIFF_FINGERPRINT_TOKENIZE_H_
