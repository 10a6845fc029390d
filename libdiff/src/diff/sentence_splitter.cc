// Copyright 2026 The libdiff Authors.
//
// A rule-based sentence splitter for news prose. A statistical model (Punkt)
// would learn abbreviations from a corpus; news copy uses a small closed set,
// so a list plus a few shape rules covers it without training data.
#include "diff/sentence_splitter.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <string_view>

#include "diff/text_tokens.h"
#include "libdiff/diff.h"

namespace libdiff {
namespace internal::textdiff {
namespace {

// Titles before a name: a following capital never starts a sentence.
constexpr std::array<std::string_view, 30> kTitles = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm",
    "gov", "sen", "rep", "rev", "hon", "pres", "supt", "det", "insp", "fr", "st", "mt",
    "messrs", "mme", "mlle", "maj", "cpl", "pvt"};

// Abbreviations that may also end a sentence: split only before a typical
// sentence opener.
constexpr std::array<std::string_view, 40> kAbbreviations = {
    "inc", "ltd", "co", "corp", "jr", "sr", "etc", "vs", "no", "nos", "vol", "approx",
    "est", "ave", "blvd", "rd", "fig", "p", "pp", "cf", "al", "dept", "univ", "assn",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "bros", "gov't", "govt", "intl"};

// Words that typically open a sentence; used to break after ambiguous
// abbreviations ("... Apple Inc. The company said").
constexpr std::array<std::string_view, 44> kSentenceOpeners = {
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "but", "and", "in",
    "on", "at", "this", "that", "these", "those", "his", "her", "their", "its", "our",
    "there", "when", "while", "after", "before", "as", "if", "for", "some", "many",
    "most", "officials", "police", "however", "meanwhile", "yet", "so", "what", "who",
    "why"};

template <size_t N>
bool InList(const std::array<std::string_view, N>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

bool IsTerminator(char32_t c) { return c == '.' || c == '!' || c == '?' || c == 0x2026; }
bool IsCjkTerminator(char32_t c) {
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF61;
}
bool IsCloser(char32_t c) {
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x2019 || c == 0x201D ||
         c == 0x00BB || c == 0x300D || c == 0x300F || c == 0xFF09 || c == 0x3011;
}
bool IsOpener(char32_t c) {
  return c == '"' || c == '\'' || c == '(' || c == '[' || c == 0x2018 || c == 0x201C ||
         c == 0x00AB || c == 0x00BF || c == 0x00A1 || c == 0x2014 || c == '-';
}

utf8proc_category_t Category(char32_t c) {
  return utf8proc_category(static_cast<utf8proc_int32_t>(c));
}
bool IsUpper(char32_t c) {
  auto cat = Category(c);
  return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}
bool IsLower(char32_t c) { return Category(c) == UTF8PROC_CATEGORY_LL; }
bool IsLetter(char32_t c) {
  auto cat = Category(c);
  return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}
bool IsDigitCp(char32_t c) { return Category(c) == UTF8PROC_CATEGORY_ND; }

// The word (letters, digits and inner dots/apostrophes) that ends at byte `end`.
std::string_view WordBefore(std::string_view s, size_t end) {
  size_t start = end;
  while (start > 0) {
    // Step back one code point.
    size_t p = start - 1;
    while (p > 0 && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80) --p;
    size_t q = p;
    char32_t c = NextCodePoint(s, q);
    if (!(IsLetter(c) || IsDigitCp(c) || c == '.' || c == '\'' || c == 0x2019)) break;
    start = p;
  }
  return s.substr(start, end - start);
}

// The word starting at byte `pos` (after openers), lower-cased.
std::string WordAfter(std::string_view s, size_t pos) {
  size_t i = pos;
  while (i < s.size()) {
    size_t j = i;
    if (!IsOpener(NextCodePoint(s, j))) break;
    i = j;
  }
  size_t end = i;
  while (end < s.size()) {
    size_t j = end;
    char32_t c = NextCodePoint(s, j);
    if (!IsLetter(c)) break;
    end = j;
  }
  return LowerToken(s.substr(i, end - i));
}

// Decides whether a break after s[..end) (terminators at [term_start, term_end))
// is a sentence boundary, given that whitespace follows and the next text
// starts at `next`.
bool IsBoundary(std::string_view s, size_t term_start, size_t term_end, size_t next) {
  size_t k = next;
  char32_t first = NextCodePoint(s, k);
  // Skip opening quotes/brackets to find the first letter.
  char32_t letter = first;
  size_t probe = next;
  while (probe < s.size()) {
    size_t j = probe;
    char32_t c = NextCodePoint(s, j);
    if (!IsOpener(c)) {
      letter = c;
      break;
    }
    probe = j;
  }
  if (IsLower(letter)) return false;  // "... and then", "e.g. this", "Dr. med"
  const bool starts_plausibly = IsUpper(letter) || IsDigitCp(letter) || IsOpener(first) ||
                                (IsLetter(letter) && !IsLower(letter));
  if (!starts_plausibly) return false;
  const std::string_view terms = s.substr(term_start, term_end - term_start);
  if (terms != ".") return true;  // "!", "?", "...", "?!" end sentences

  const std::string_view word = WordBefore(s, term_start);
  if (word.empty()) return true;
  const std::string lower = LowerToken(word);
  const std::string next_word = WordAfter(s, next);
  const bool next_is_opener = InList(kSentenceOpeners, next_word);
  // Initials: a single letter ("J. R. R. Tolkien", "Plan B." is the rare loser).
  {
    size_t i = 0;
    char32_t c = NextCodePoint(word, i);
    if (i == word.size() && IsUpper(c)) return false;
  }
  // Dotted abbreviations: "U.S.", "a.m.", "e.g." (the final dot is ours).
  if (word.find('.') != std::string_view::npos) return next_is_opener;
  if (InList(kTitles, lower)) return false;
  if (InList(kAbbreviations, lower)) {
    if (IsDigitCp(letter)) return false;  // "Jan. 5", "No. 10"
    return next_is_opener;
  }
  // A number before the dot followed by a digit ("section 3. 4 people") is
  // unusual; treat as a boundary. Decimals never get here (no space).
  return true;
}

// A line with an ASCII character that is not whitespace is not blank; only
// the other lines need the full test (non-ASCII spaces).
bool IsBlankLine(std::string_view line) {
  for (const char ch : line) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x80 && c != ' ' && (c < '\t' || c > '\r')) return false;
  }
  return CollapseWhitespace(line).empty();
}

}  // namespace

bool IsCollapsed(std::string_view s) {
  if (s.empty()) return true;
  if (s.front() == ' ' || s.back() == ' ') return false;
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = b(i);
    if (c < 0x80) {
      if ((c >= '\t' && c <= '\r') || (c == ' ' && s[i + 1] == ' ')) return false;
      continue;
    }
    // The non-ASCII spaces of util/text.cc: U+00A0, U+2028, U+2029, U+3000.
    if (c == 0xC2 && i + 1 < s.size() && b(i + 1) == 0xA0) return false;
    if (c == 0xE2 && i + 2 < s.size() && b(i + 1) == 0x80 &&
        (b(i + 2) == 0xA8 || b(i + 2) == 0xA9)) {
      return false;
    }
    if (c == 0xE3 && i + 2 < s.size() && b(i + 1) == 0x80 && b(i + 2) == 0x80) return false;
  }
  return true;
}

std::vector<std::string> SplitParagraphs(std::string_view text) {
  std::vector<std::string> paragraphs;
  std::string current;
  size_t pos = 0;
  auto flush = [&] {
    std::string p = CollapseWhitespace(current);
    if (!p.empty()) paragraphs.push_back(std::move(p));
    current.clear();
  };
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view line = text.substr(pos, nl == std::string_view::npos ? text.npos : nl - pos);
    if (IsBlankLine(line)) {
      flush();
    } else {
      current.append(line);
      current.push_back('\n');
    }
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  flush();
  return paragraphs;
}

}  // namespace internal::textdiff

std::vector<std::string> SplitSentences(std::string_view paragraph) {
  using namespace internal::textdiff;
  // Paragraphs from SplitParagraphs and Article::blocks are already collapsed.
  const std::string s = IsCollapsed(paragraph) ? std::string(paragraph)
                                               : internal::CollapseWhitespace(paragraph);
  std::vector<std::string> sentences;
  size_t sentence_start = 0;
  size_t i = 0;
  auto emit = [&](size_t end) {
    std::string_view piece = std::string_view(s).substr(sentence_start, end - sentence_start);
    while (!piece.empty() && piece.front() == ' ') piece.remove_prefix(1);
    while (!piece.empty() && piece.back() == ' ') piece.remove_suffix(1);
    if (!piece.empty()) sentences.emplace_back(piece);
    sentence_start = end;
  };
  while (i < s.size()) {
    const size_t term_start = i;
    char32_t c = NextCodePoint(s, i);
    if (IsCjkTerminator(c)) {
      while (i < s.size()) {  // runs like "！？" and closing brackets stay attached
        size_t j = i;
        char32_t d = NextCodePoint(s, j);
        if (!IsCjkTerminator(d) && !IsCloser(d)) break;
        i = j;
      }
      emit(i);
      continue;
    }
    if (!IsTerminator(c)) continue;
    while (i < s.size()) {
      size_t j = i;
      if (!IsTerminator(NextCodePoint(s, j))) break;
      i = j;
    }
    const size_t term_end = i;
    while (i < s.size()) {
      size_t j = i;
      if (!IsCloser(NextCodePoint(s, j))) break;
      i = j;
    }
    if (i >= s.size()) break;  // end of paragraph: the final emit takes it
    if (s[i] != ' ') continue;  // "3.5", "U.S.-led", "yahoo.com"
    if (IsBoundary(s, term_start, term_end, i + 1)) emit(i);
  }
  emit(s.size());
  return sentences;
}

}  // namespace libdiff
