// Copyright 2026 The libdiff Authors.
//
// The article text a page embeds for scripts rather than shows in its markup:
// JSON-LD articleBody and a script framework's page data (Next.js
// __NEXT_DATA__), and splitting such text into paragraphs. The body
// extractor's fallbacks. Private to libdiff's extract stage.
//
// Thread safety: pure functions; safe to call concurrently.
#ifndef LIBDIFF_SRC_EXTRACT_EMBEDDED_BODY_H_
#define LIBDIFF_SRC_EXTRACT_EMBEDDED_BODY_H_

#include <cstddef>
#include <string>
#include <vector>

#include "libdiff/article.h"

namespace libdiff::internal {

// JSON-LD articleBody, when one is present (the longest one).
// Sets *is_article when a script names an Article or Posting type.
std::string JsonLdArticleBody(const std::vector<std::string>& scripts, bool* is_article);

// The article text in a script framework's page data (Next.js __NEXT_DATA__):
// the longest string of 400+ bytes under a key that names a body
// ("articleBody", "body", "content", "html", "bodyHtml", ...) that does not
// hold JSON, its markup turned into one paragraph per line, or a rich-text tree under such a key
// ({"type": "document", "content": [{"type": "paragraph", "content":
// [{"type": "text", "value": ...}]}]}; "nodeType" and "children"/"text" as
// other editors write them) with one line per paragraph, heading, list item
// or quote, in preference to any string when it renders 400+ bytes. Empty when there is none.
std::string AppStateArticleBody(const std::string& script);

// True when `script` (page data) may hold a rich-text document: it names a
// "document" or "doc" node type. A substring search, far cheaper than
// parsing the page data.
bool MayHoldRichTextDocument(const std::string& script);

// `text` as paragraphs, one per line, whitespace collapsed and empty lines
// dropped; at most `max_blocks`.
std::vector<Block> SplitParagraphs(const std::string& text, size_t max_blocks);

}  // namespace libdiff::internal

#endif  // LIBDIFF_SRC_EXTRACT_EMBEDDED_BODY_H_
