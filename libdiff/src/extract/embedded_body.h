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
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "libdiff/article.h"

namespace libdiff::internal {

// JSON-LD articleBody, when one is present (the longest one).
// Sets *is_article when a script names an Article or Posting type.
// Reads only the scripts MayHoldJsonLdArticleBody lets through, with the
// parses of the thread's open JsonLdParseScope when there is one.
std::string JsonLdArticleBody(const std::vector<std::string>& scripts, bool* is_article);

// False when `script` can hold neither an articleBody nor an Article or
// Posting type: its text holds none of the words and no \u escape that
// could spell them. A substring search; such a script is not parsed.
bool MayHoldJsonLdArticleBody(std::string_view script);

// The JSON-LD scripts of one extraction parsed once for all their readers:
// the metadata reads them, then each body pass reads them again for an
// articleBody. While a scope is open on a thread, SharedJsonLdParse hands
// out one parse per script text made on that thread; an inner scope hides
// the outer one until it closes. Open one per extraction (ExtractArticle
// does), on the thread that extracts; the parses are freed with the scope.
//
// Thread safety: a scope belongs to the thread that opened it.
class JsonLdParseScope {
 public:
  JsonLdParseScope();
  ~JsonLdParseScope();
  JsonLdParseScope(const JsonLdParseScope&) = delete;
  JsonLdParseScope& operator=(const JsonLdParseScope&) = delete;

 private:
  friend const nlohmann::json* SharedJsonLdParse(std::string_view text);
  struct Parse;
  std::vector<std::unique_ptr<Parse>> parses_;
  JsonLdParseScope* outer_;
};

// The parse of `text` as written (strict JSON; discarded when malformed or
// nested more than 64 deep, brackets in strings counted) that the open
// JsonLdParseScope of this thread keeps, made on the first request for this
// text; nullptr when no scope is open or it holds its limit of 64 parses.
const nlohmann::json* SharedJsonLdParse(std::string_view text);

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
