// Copyright 2026 The libdiff Authors.
//
// Paragraph-level change counts between two revisions, the part of an update
// summary that does not need the sentence diff. Private to libdiff.
#ifndef LIBDIFF_DECIDE_CHANGE_SUMMARY_H_
#define LIBDIFF_DECIDE_CHANGE_SUMMARY_H_

#include <cstdint>
#include <vector>

namespace libdiff::internal {

struct ParagraphChanges {
  int added = 0;
  int removed = 0;
  int changed = 0;
};

// Matches paragraphs by hash with a longest common subsequence; between two
// consecutive matches, min(old, new) unmatched paragraphs count as changed and
// the rest as removed (old) or added (new). Inputs longer than 4,096 paragraphs
// are compared as multisets instead (linear, coarser).
ParagraphChanges CountParagraphChanges(const std::vector<uint64_t>& old_hashes,
                                       const std::vector<uint64_t>& new_hashes);

}  // namespace libdiff::internal

#endif  // LIBDIFF_DECIDE_CHANGE_SUMMARY_H_
