// Copyright 2026 The libdiff Authors.
//
// The body of an article diff: sentences matched, moved and paired as
// changes, words diffed inside each pair (the pipeline is described in
// body_diff.cc), and the word script of two token sequences, which the title
// and metadata fields use too. Private to libdiff; DiffArticles and DiffTexts
// (libdiff/diff.h) are the entry points.
//
// Thread safety: pure functions of their arguments.
#ifndef LIBDIFF_DIFF_BODY_DIFF_H_
#define LIBDIFF_DIFF_BODY_DIFF_H_

#include <cstddef>
#include <string>
#include <vector>

#include "diff/text_tokens.h"
#include "libdiff/diff.h"

namespace libdiff::internal {

// Fills `diff`'s sentence operations and body summary from the paragraphs of
// two versions and returns it. REQUIRES: the paragraphs are valid UTF-8 and
// `options` passed CheckOptions (article_diff.cc).
Result<ArticleDiff> DiffBody(const std::vector<std::string>& old_paragraphs,
                             const std::vector<std::string>& new_paragraphs,
                             const DiffOptions& options, ArticleDiff diff);

// The word operations turning `old_tokens` into `new_tokens`, and the indexes
// of the tokens each side changed (for classifying the edit).
void DiffWords(const std::vector<textdiff::Token>& old_tokens,
               const std::vector<textdiff::Token>& new_tokens, const DiffOptions& options,
               std::vector<WordOp>* words, std::vector<size_t>* old_changed,
               std::vector<size_t>* new_changed);

}  // namespace libdiff::internal

#endif  // LIBDIFF_DIFF_BODY_DIFF_H_
