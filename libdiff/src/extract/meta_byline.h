// Copyright 2026 The libdiff Authors.
//
// The article's authors as the page names them: JSON-LD and author <meta>
// tags, a visible "By …" line under the headline, itemprop=author, rel=author
// links, links to author pages and byline classes; names are cleaned by
// meta_author.h. Private to libdiff's extract stage.
//
// Thread safety: pure functions, safe to call concurrently.
#ifndef LIBDIFF_SRC_EXTRACT_META_BYLINE_H_
#define LIBDIFF_SRC_EXTRACT_META_BYLINE_H_

#include <libxml/tree.h>

#include <string>
#include <vector>

#include "extract/jsonld.h"
#include "extract/meta_page.h"

namespace libdiff::internal {

// Authors from the first source naming a person, in this order: JSON-LD,
// author <meta> tags, a share card labelled "Written by" (twitter:label1/data1),
// then visible markup near the headline (a "By …" line,
// itemprop=author, rel=author, author-page links, byline classes), and last a
// capitalised "Written by" / "Article by" / "Posted by" label anywhere in the
// page, and last of all a personal site's owner (its site name or copyright
// notice, a person's name that `host` spells or the masthead shows). A
// visible "By …" line that shares a name with the structured list replaces
// it. A source naming only organisations is kept as the fallback. `host` is
// the page's host without "www." ("" when unknown).
std::vector<std::string> ChooseAuthors(xmlDocPtr doc, const PageFacts& f, const JsonLdFacts& ld,
                                       const std::string& site_name, const std::string& host,
                                       xmlNodePtr title_node, int title_order,
                                       const std::string& text_after_headline);

}  // namespace libdiff::internal

#endif  // LIBDIFF_SRC_EXTRACT_META_BYLINE_H_
