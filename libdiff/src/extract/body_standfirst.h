// Copyright 2026 The libdiff Authors.
//
// The standfirst (dek) of an article: the summary that templates set apart
// from the body, beside the headline, and that the page's own meta
// description repeats (body.cc adds it before the body). Private to libdiff.
#ifndef LIBDIFF_SRC_EXTRACT_BODY_STANDFIRST_H_
#define LIBDIFF_SRC_EXTRACT_BODY_STANDFIRST_H_

#include <libxml/tree.h>

#include <string>
#include <vector>

#include "extract/body_tree.h"

namespace libdiff::internal {

// The page's own summaries of the article: the content of <meta
// name|property = description, og:description, twitter:description> in the
// <head>, whitespace collapsed, 40 bytes or more. Reads only the head's
// children.
std::vector<std::string> MetaDescriptions(xmlNode* root);

// The block index of the standfirst shortly before the container `best`
// that one of `descriptions` repeats; -1 when there is none (the rule is
// described where it is defined, in body_standfirst.cc).
int StandfirstBefore(const std::vector<Elem>& elems, const std::vector<RawBlock>& blocks, int best,
                     const std::vector<std::string>& descriptions);

// The element holding the article's introduction set apart between the
// headline and the container `best`; -1 when there is none (the rule is
// described in body_standfirst.cc).
int IntroductionBefore(const std::vector<Elem>& elems, const std::vector<RawBlock>& blocks,
                       int best);

}  // namespace libdiff::internal

#endif  // LIBDIFF_SRC_EXTRACT_BODY_STANDFIRST_H_
