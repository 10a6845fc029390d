// Copyright 2026 The libdiff Authors.
//
// The article's title: the visible headline (an h1 that agrees with the
// titles given in metadata), else a metadata title without the site and
// section names around it. Private to libdiff's extract stage.
//
//   StripSiteAffixes("Storm hits coast | Weather | The Daily World",
//                    "The Daily World", "dailyworld.com") -> "Storm hits coast"
//
// Thread safety: pure functions, safe to call concurrently.
#ifndef LIBDIFF_SRC_EXTRACT_META_TITLE_H_
#define LIBDIFF_SRC_EXTRACT_META_TITLE_H_

#include <libxml/tree.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "extract/jsonld.h"
#include "extract/meta_page.h"

namespace libdiff::internal {

// Splits a <title> at the separators between a headline and a site or
// section name (" | ", " - ", en and em dashes, " :: ", " · ", " / ", ...).
std::vector<std::string> SplitTitle(const std::string& title);

// Words in `s`, separated by ASCII spaces.
size_t WordCount(std::string_view s);

// A <title> or og:title without the site (and section) names around it.
std::string StripSiteAffixes(const std::string& title, const std::string& site_name,
                             const std::string& host);

// Drops a trailing media label in brackets: "… Finale [Watch]", "… (video)".
std::string StripMediaLabel(const std::string& title);

// Fullwidth punctuation ("？", "！") as ASCII in a title written in a Latin
// or other alphabetic script; titles with CJK, kana or Hangul keep theirs.
std::string FoldFullwidthPunctuation(const std::string& title);

// Drops an SEO tagline after a pipe: "Best Movers in NYC 2025 | Top 19
// Companies" -> "Best Movers in NYC 2025". A pipe is layout, not a headline's
// punctuation; a label of one or two words before it ("Opinion | …") stays.
std::string StripTagline(const std::string& title);

// The headline. Sets `*title_node` to the h1 it came from, when it did, or to
// the element showing it when that precedes the only h1 (an h1 in the body).
std::string ChooseTitle(const PageFacts& f, const JsonLdFacts& ld, const std::string& site_name,
                        const std::string& host, xmlNodePtr* title_node);

}  // namespace libdiff::internal

#endif  // LIBDIFF_SRC_EXTRACT_META_TITLE_H_
