// Copyright 2026 The libdiff Authors.
//
// Timestamps are recognised by shape, not by parsing: a changed number is a
// time when it has a clock shape ("2:50"), is a year, or stands next to a
// time word (a month, weekday, am/pm, time zone, "ago", "hours"). This keeps
// "45 dead on Monday" -> "52 dead on Monday" a number change, not a
// timestamp change: "45" is not next to "Monday".
#include "diff/significance.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

namespace libdiff::internal::textdiff {
namespace {

constexpr std::array<std::string_view, 64> kTimeWords = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
    "am", "pm", "a", "m", "p", "gmt", "utc", "est", "edt", "et", "pt", "pst", "pdt", "bst",
    "cet", "cest", "ago", "hour", "hours", "hr", "hrs", "minute", "minutes", "min", "mins",
    "today"};
constexpr std::array<std::string_view, 14> kAmbiguousTimeWords = {
    "may", "mar", "sat", "sun", "wed", "est", "et", "pt", "a", "m", "p", "am", "min", "dec"};
// Words that may change together with a timestamp ("Updated", "Published").
constexpr std::array<std::string_view, 14> kTimestampFrame = {
    "updated", "update", "published", "posted", "last", "modified", "yesterday", "seconds",
    "second", "day", "days", "just", "now", "read"};
constexpr std::array<std::string_view, 40> kNumberWords = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
    "eighty", "ninety", "hundred", "hundreds", "thousand", "thousands", "million",
    "millions", "billion", "billions", "trillion", "dozen", "dozens", "half"};

template <size_t N>
bool InList(const std::array<std::string_view, N>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

bool IsContent(const Token& t) {
  return t.kind == TokenKind::kWord || t.kind == TokenKind::kNumber;
}

bool IsTimeWord(const Token& t) {
  return t.kind == TokenKind::kWord && InList(kTimeWords, LowerToken(t.text));
}

bool HasClockShape(std::string_view number) {
  return number.find(':') != std::string_view::npos ||
         (number.size() > 2 && (number.substr(number.size() - 2) == "am" ||
                                number.substr(number.size() - 2) == "pm"));
}

bool IsYear(std::string_view number) {
  return number.size() == 4 && (number.substr(0, 2) == "19" || number.substr(0, 2) == "20");
}

// The nearest content token before/after index i (skipping spaces and punctuation).
const Token* Neighbour(const std::vector<Token>& tokens, size_t i, int dir) {
  size_t j = i;
  for (int steps = 0; steps < 4; ++steps) {
    if (dir < 0) {
      if (j == 0) return nullptr;
      --j;
    } else {
      if (j + 1 >= tokens.size()) return nullptr;
      ++j;
    }
    if (IsContent(tokens[j])) return &tokens[j];
  }
  return nullptr;
}

// True when tokens[i] (a word or number) belongs to a date or time.
bool IsTimeToken(const std::vector<Token>& tokens, size_t i) {
  const Token& t = tokens[i];
  if (t.kind == TokenKind::kWord) {
    const std::string lower = LowerToken(t.text);
    if (InList(kTimestampFrame, lower)) return true;
    if (!InList(kTimeWords, lower)) return false;
    // Words that are also ordinary words ("may", "sat", "a") count only next to
    // a number ("May 5", "2:50 p.m.", "Sat 3"); "a.m." tokenises as a . m .
    if (InList(kAmbiguousTimeWords, lower)) {
      const Token* before = Neighbour(tokens, i, -1);
      const Token* after = Neighbour(tokens, i, +1);
      return (before && (before->kind == TokenKind::kNumber || IsTimeWord(*before))) ||
             (after && after->kind == TokenKind::kNumber);
    }
    return true;
  }
  if (t.kind != TokenKind::kNumber) return false;
  if (HasClockShape(t.text) || IsYear(t.text)) return true;
  const Token* before = Neighbour(tokens, i, -1);
  const Token* after = Neighbour(tokens, i, +1);
  return (before && IsTimeWord(*before)) || (after && IsTimeWord(*after));
}

bool IsNumberToken(const Token& t) {
  return t.kind == TokenKind::kNumber ||
         (t.kind == TokenKind::kWord && InList(kNumberWords, LowerToken(t.text)));
}

}  // namespace

Significance ClassifyEdit(const std::vector<Token>& old_tokens,
                          const std::vector<size_t>& old_changed,
                          const std::vector<Token>& new_tokens,
                          const std::vector<size_t>& new_changed) {
  if (old_changed.empty() && new_changed.empty()) return Significance::kNone;
  bool any_content = false, all_time = true, all_numbers = true;
  auto visit = [&](const std::vector<Token>& tokens, const std::vector<size_t>& changed) {
    for (size_t i : changed) {
      if (!IsContent(tokens[i])) continue;
      any_content = true;
      if (!IsTimeToken(tokens, i)) all_time = false;
      if (!IsNumberToken(tokens[i])) all_numbers = false;
    }
  };
  visit(old_tokens, old_changed);
  visit(new_tokens, new_changed);
  if (!any_content) return Significance::kWhitespacePunctuation;
  if (all_time) return Significance::kTimestamp;
  if (all_numbers) return Significance::kNumbers;
  return Significance::kSubstantive;
}

Significance ClassifySentence(const std::vector<Token>& tokens) {
  bool any_content = false, all_time = true, has_marker = false;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (!IsContent(tokens[i])) continue;
    any_content = true;
    if (!IsTimeToken(tokens, i)) {
      all_time = false;
      break;
    }
    const std::string lower = LowerToken(tokens[i].text);
    if (tokens[i].kind == TokenKind::kNumber || InList(kTimeWords, lower)) has_marker = true;
  }
  if (!any_content) return Significance::kWhitespacePunctuation;
  if (all_time && has_marker) return Significance::kTimestamp;
  return Significance::kSubstantive;
}

}  // namespace libdiff::internal::textdiff
