// Copyright 2026 The libdiff Authors.
//
// Paragraph normalisation shared by the diff. Private to libdiff.
// (SplitSentences itself is public: libdiff/diff.h.)
#ifndef LIBDIFF_DIFF_SENTENCE_SPLITTER_H_
#define LIBDIFF_DIFF_SENTENCE_SPLITTER_H_

#include <string>
#include <string_view>
#include <vector>

#include "util/text.h"  // CollapseWhitespace

namespace libdiff::internal::textdiff {

// Splits a text into paragraphs at blank lines (lines holding only
// whitespace); each paragraph is whitespace-collapsed; empty ones are dropped.
std::vector<std::string> SplitParagraphs(std::string_view text);

// True when CollapseWhitespace(s) == s (a cheap scan, no allocation): no
// leading, trailing or doubled ' ' and no other whitespace character.
bool IsCollapsed(std::string_view s);

}  // namespace libdiff::internal::textdiff

#endif  // LIBDIFF_DIFF_SENTENCE_SPLITTER_H_
