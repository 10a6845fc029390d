// Copyright 2026 The libdiff Authors.
//
// Article extraction: a news page's HTML -> its main body text, as blocks, and
// its metadata.
//
//   libdiff::ExtractOptions options;
//   options.url = "https://example.com/news/1";
//   libdiff::Result<libdiff::Article> r = libdiff::ExtractArticle(html, options);
//   if (r.ok()) std::cout << r->title << "\n\n" << r->Text();
//
// Thread safety: ExtractArticle may be called concurrently from many threads.
#ifndef LIBDIFF_ARTICLE_H_
#define LIBDIFF_ARTICLE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "libdiff/status.h"

namespace libdiff {

enum class BlockKind { kParagraph, kHeading, kListItem, kQuote, kPreformatted, kTableRow };

// "paragraph", "heading", "list_item", "quote", "preformatted", "table_row".
const char* BlockKindName(BlockKind kind);

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  std::string text;  // valid UTF-8, whitespace collapsed, no newlines
  friend bool operator==(const Block&, const Block&) = default;
};

struct Article {
  std::string url;            // the page URL given in ExtractOptions
  std::string canonical_url;  // absolute
  std::string title;
  std::string site_name;
  std::vector<std::string> authors;
  std::string published;      // ISO 8601, with the page's time zone when it gives one
  std::string modified;       // ISO 8601
  std::string language;       // BCP 47 tag as the page gives it, e.g. "en", "pt-BR"
  std::string description;
  std::string type;           // JSON-LD @type, e.g. "NewsArticle", "LiveBlogPosting"
  std::vector<Block> blocks;  // the body
  // Why the body is empty ("no article content", "consent wall", ...); empty otherwise.
  std::string empty_reason;
  // Where the body was read: "dom" (the page's visible markup), "json-ld" (a
  // JSON-LD articleBody) or "app-state" (a script framework's page data, such
  // as Next.js __NEXT_DATA__), used only when the markup holds no body. Empty
  // when the body is empty.
  std::string body_source;

  // The body: block texts joined by blank lines ("\n\n").
  std::string Text() const;
  friend bool operator==(const Article&, const Article&) = default;
};

struct ExtractOptions {
  // The page's URL, used to resolve relative links and as a metadata source. Default: "".
  std::string url;
  // The HTTP Content-Type header when known (its charset wins over <meta>). Default: "".
  std::string content_type;
  // Larger inputs fail with kResourceExhausted. Default: 32 MiB.
  size_t max_input_bytes = size_t{32} << 20;
  // Extraction stops adding blocks past this count. Default: 10,000.
  size_t max_blocks = 10000;
  // Elements nested deeper than this are not descended into. Default: 256.
  int max_depth = 256;
};

// Extracts the article from `html`. Never fails on malformed HTML (it is
// recovered); fails with kResourceExhausted when the input exceeds the limit.
// A page with no article returns an empty body and `empty_reason`.
Result<Article> ExtractArticle(std::string_view html, const ExtractOptions& options);

// The article as one line of JSON (no newline), fields in this order — the
// stable format of `libdiff extract --format json` (docs/extract.md):
//   {"url", "canonical_url", "title", "site_name", "authors": [..], "published",
//    "modified", "language", "description", "type", "text",
//    "blocks": [{"kind": "paragraph", "text": ".."}, ..], "body_source", "empty_reason"}
// Every field is always present except "body_source" and "empty_reason",
// present only when set (one or the other: a body has a source, an empty body
// a reason).
// "text" is Text(); "kind" is BlockKindName(). Strings that are not
// well-formed UTF-8 are repaired (U+FFFD), so the output is always valid JSON.
std::string ArticleToJson(const Article& article);

// Reads what ArticleToJson wrote: ArticleFromJson(ArticleToJson(a)) == a for
// any article with well-formed UTF-8 strings. Unknown fields are ignored and
// missing ones left empty; "text" is ignored (it is derived from the blocks).
// Fails with kInvalidArgument when `json` is not a JSON object of that shape.
Result<Article> ArticleFromJson(std::string_view json);

}  // namespace libdiff

#endif  // LIBDIFF_ARTICLE_H_
