// Copyright 2026 The libdiff Authors.
//
// The article's published and modified times: the date the page shows
// under its headline when a structured source confirms it, else the first
// structured source (JSON-LD, article:* and other <meta>, itemprop, <time>),
// the URL, and dates shown near the headline. Private to libdiff's extract
// stage.
//
// Thread safety: pure functions (apart from date.h's clock), safe to call
// concurrently.
#ifndef LIBDIFF_SRC_EXTRACT_META_DATE_H_
#define LIBDIFF_SRC_EXTRACT_META_DATE_H_

#include <libxml/tree.h>

#include <string>

#include "extract/jsonld.h"
#include "extract/meta_page.h"
#include "libdiff/article.h"

namespace libdiff::internal {

// Sets article->published and article->modified. `title_order` and
// `title_node` locate the headline (-1 and null when there is none);
// `text_after_headline` is TextAfterHeadline(title_node); `root` is the
// document's root element, searched for a labelled date ("Published …") only
// when no other source gives one. Without any published date, published is
// the modified time.
void ChooseDates(const PageFacts& f, const JsonLdFacts& ld, const std::string& page_url,
                 const std::string& canonical, int title_order, xmlNodePtr title_node,
                 const std::string& text_after_headline, xmlNodePtr root, Article* article);

}  // namespace libdiff::internal

#endif  // LIBDIFF_SRC_EXTRACT_META_DATE_H_
