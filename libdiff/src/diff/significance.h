// Copyright 2026 The libdiff Authors.
//
// Classifying an edit: which tokens changed, and what kind of tokens they are.
// Private to libdiff.
#ifndef LIBDIFF_DIFF_SIGNIFICANCE_H_
#define LIBDIFF_DIFF_SIGNIFICANCE_H_

#include <cstddef>
#include <vector>

#include "diff/text_tokens.h"
#include "libdiff/diff.h"

namespace libdiff::internal::textdiff {

// The class of replacing tokens old[i] for i in `old_changed` by new[j] for j in
// `new_changed` (indices into the two token vectors). Returns kNone when both
// are empty, kWhitespacePunctuation when only spaces and punctuation changed,
// kTimestamp when every changed word or number is part of a date or time
// ("2:50pm", "Sept. 9", "3 hours ago", "Updated"), kNumbers when the changed
// words are numbers (digits or number words), else kSubstantive.
Significance ClassifyEdit(const std::vector<Token>& old_tokens,
                          const std::vector<size_t>& old_changed,
                          const std::vector<Token>& new_tokens,
                          const std::vector<size_t>& new_changed);

// The class of a whole sentence inserted or deleted: kTimestamp for a
// dateline or "Updated ..." line, kWhitespacePunctuation for punctuation
// only, else kSubstantive.
Significance ClassifySentence(const std::vector<Token>& tokens);

}  // namespace libdiff::internal::textdiff

#endif  // LIBDIFF_DIFF_SIGNIFICANCE_H_
