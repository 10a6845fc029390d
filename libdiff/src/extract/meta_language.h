// Copyright 2026 The libdiff Authors.
//
// The language of a page that declares none, read from its body text: the
// script where one language owns it (kana, Hangul, Thai, ...), else the
// commonest function words of twenty languages. Private to libdiff's extract
// stage.
//
// Thread safety: pure functions, safe to call concurrently.
#ifndef LIBDIFF_SRC_EXTRACT_META_LANGUAGE_H_
#define LIBDIFF_SRC_EXTRACT_META_LANGUAGE_H_

#include <string>
#include <string_view>

namespace libdiff::internal {

// A BCP 47 tag in its canonical case: the language lower case, a script
// title case, a region upper case ("en-us" -> "en-US", "zh-hant-tw" ->
// "zh-Hant-TW"). Other subtags are left as they are.
std::string CanonicalLanguageTag(std::string_view tag);

// The primary language subtag ("en", "ja") of `text` (valid UTF-8), or ""
// when the text is too short (under 30 words or 40 letters of a script
// written without spaces) or no language clearly leads: the leader needs
// twice the function words of the next and one word in twenty of the text.
// Reads at most the first 20,000 bytes.
std::string GuessLanguage(std::string_view text);

}  // namespace libdiff::internal

#endif  // LIBDIFF_SRC_EXTRACT_META_LANGUAGE_H_
