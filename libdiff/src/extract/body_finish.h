// Copyright 2026 The libdiff Authors.
//
// What is done to the chosen container's blocks before they are the body
// (body.cc, step 4's end): a block the rest already says is dropped, the
// writer's notes that close an article are cut, and a preview is completed
// from the article's full text in the page data. Private to libdiff.
#ifndef LIBDIFF_SRC_EXTRACT_BODY_FINISH_H_
#define LIBDIFF_SRC_EXTRACT_BODY_FINISH_H_

#include <cstddef>
#include <vector>

#include "extract/body.h"
#include "libdiff/article.h"

namespace libdiff::internal {

// Drops blocks whose text the rest of the body already says: a summary box or
// "key points" list repeating the first paragraphs, a pull quote, a block
// shown twice (once for small screens). Of two copies the later one stays.
void DropRepeatedBlocks(std::vector<Block>* out);

// Drops the writer's biography, contact, provenance or credit lines that
// close many articles, and a box about the writer or the publisher at the
// end (the rule is described where it is defined, in body_finish.cc).
void DropTrailingWriterNotes(std::vector<Block>* out);

// Drops a note that the article was published elsewhere first ("A version of
// this story appeared in ...", "This article originally appeared on ...",
// IsPublishedElsewhereNote) among the first two blocks of a body of three or
// more: templates print it above the article as well as below.
void DropLeadingProvenanceLine(std::vector<Block>* out);

// When `dom` (the visible body) is a preview of `full` (the article's text in
// the page data: a paywall or "read more" page), sets `result` to the blocks
// of `dom` before the preview followed by `full`, at most `max_blocks`, with
// `source`, and returns true; otherwise leaves `result` alone and returns false.
bool CompletePreview(const std::vector<Block>& dom, std::vector<Block> full, BodySource source,
                     size_t max_blocks, BodyResult* result);

}  // namespace libdiff::internal

#endif  // LIBDIFF_SRC_EXTRACT_BODY_FINISH_H_
