// Copyright 2026 The libdiff Authors.
//
// Article metadata from a parsed HTML page: title, canonical URL, site name,
// authors, published and modified times, language, description and the
// JSON-LD type. Each field is taken from the best available source in a
// documented order (docs/metadata.md): JSON-LD, then <meta> tags (OpenGraph,
// article:*, Dublin Core, Parse.ly, ...), then microdata and visible markup
// (h1, rel=author, bylines, <time>), then the page URL.
//
//   xmlDocPtr doc = htmlReadMemory(...);
//   libdiff::Article article;
//   libdiff::internal::ExtractMetadata(doc, options, &article);
//
// Thread safety: ExtractMetadata keeps no state between calls; it may run
// concurrently on different documents.
#ifndef LIBDIFF_SRC_EXTRACT_METADATA_H_
#define LIBDIFF_SRC_EXTRACT_METADATA_H_

#include <libxml/HTMLparser.h>

#include "libdiff/article.h"

namespace libdiff::internal {

// Fills the metadata fields of `*article`: title, canonical_url, site_name,
// authors, published, modified, language, description and type. Leaves url,
// blocks and empty_reason untouched. Fields with no source are left empty.
// Times are ISO 8601 ("2023-05-04T10:20:00-04:00", or "2023-05-04" when the
// page gives only a date); canonical_url is absolute (resolved against
// options.url and <base>). All output strings are valid UTF-8.
// `doc` is not modified. A null `doc` leaves the fields empty except
// canonical_url, which falls back to options.url.
// REQUIRES: article != nullptr
void ExtractMetadata(xmlDocPtr doc, const ExtractOptions& options, Article* article);

}  // namespace libdiff::internal

#endif  // LIBDIFF_SRC_EXTRACT_METADATA_H_
