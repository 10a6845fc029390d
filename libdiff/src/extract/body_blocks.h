// Copyright 2026 The libdiff Authors.
//
// The body extractor's block classes and furniture passes (body_blocks.cc),
// between the walk (body_tree.h) and the choice of the container (body.cc).
#ifndef LIBDIFF_EXTRACT_BODY_BLOCKS_H_
#define LIBDIFF_EXTRACT_BODY_BLOCKS_H_

#include <string>
#include <vector>

#include "extract/body_tree.h"

namespace libdiff::internal {

// Does `t` end a sentence ('.', '!', '?', ':' or ';'; a closing quote after
// '.', '!' or '?'; a CJK, Arabic or Devanagari full stop; an ellipsis),
// ignoring trailing spaces, straight quotes and ')'?
bool EndsSentence(const std::string& t);

// Sets b.good / b.bad / b.volatile_text from the block alone: long prose with
// few links is good, link-heavy and volatile/furniture text is bad.
void Classify(RawBlock& b);

// Marks runs of three or more teaser-shaped siblings (headline link and at
// most a short summary each) as teasers and furniture.
void MarkTeaserRuns(std::vector<Elem>& elems, const std::vector<RawBlock>& blocks);

// Unmarked linked lists between two paragraphs of an element's prose stop
// counting against that element.
void ForgiveLinkListsBetweenProse(std::vector<Elem>& elems, const std::vector<RawBlock>& blocks);

// Lifts the "widget" marks of boxes that together hold half of the page's
// prose (`page_good`). True when a mark was lifted.
bool UnmarkWidgetsHoldingTheProse(std::vector<Elem>& elems, double page_good);

// Every block's furniture ancestors again, after marks were lifted.
void RecomputeFurniture(const std::vector<Elem>& elems, std::vector<RawBlock>& blocks);

}  // namespace libdiff::internal

#endif  // LIBDIFF_EXTRACT_BODY_BLOCKS_H_
