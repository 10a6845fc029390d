// Copyright 2026 The libdiff Authors.
//
// The article body of a parsed page: which container holds the article, and
// which of its text blocks are the article rather than page furniture.
// Private to libdiff; the method is described in docs/extract.md.
//
// Thread safety: ExtractBody keeps no state between calls and may run
// concurrently on different documents.
#ifndef LIBDIFF_SRC_EXTRACT_BODY_H_
#define LIBDIFF_SRC_EXTRACT_BODY_H_

#include <libxml/HTMLparser.h>

#include <string>
#include <vector>

#include "libdiff/article.h"

namespace libdiff::internal {

// Where a body was read (Article::body_source).
enum class BodySource { kDom, kJsonLd, kAppState };

// "dom", "json-ld", "app-state".
const char* BodySourceName(BodySource source);

struct BodyResult {
  std::vector<Block> blocks;
  BodySource source = BodySource::kDom;  // meaningful when blocks is not empty
  std::string empty_reason;  // set exactly when blocks is empty
};

// Extracts the body blocks of `doc`. `title` (may be empty) is the article's
// headline, used to drop a repeated headline from the body. Every block text is
// well-formed UTF-8 with collapsed whitespace. Never more than
// options.max_blocks blocks; elements nested deeper than options.max_depth are
// not read. A null `doc` gives an empty body with a reason.
BodyResult ExtractBody(xmlDocPtr doc, const ExtractOptions& options, const std::string& title);

}  // namespace libdiff::internal

#endif  // LIBDIFF_SRC_EXTRACT_BODY_H_
