// Copyright 2026 The libdiff Authors.
//
// Conversions that more than one surface of the C API shares: a page from
// (url, html, fetched_at) arguments, an article handle from an Article, and a
// 0/1 flag argument. Private to libdiff.so.
#ifndef LIBDIFF_CAPI_CONVERSIONS_H_
#define LIBDIFF_CAPI_CONVERSIONS_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "capi/boundary.h"
#include "libdiff/article.h"
#include "libdiff/store.h"

namespace libdiff::capi {

// The page of an ingest or check. `handle` (NULL for a batch, checked when the
// batch is ingested) bounds the html by its extract options' max_input_bytes.
// Throws BoundaryError (inside Guard) on a bad argument.
libdiff::Page MakePage(const libdiff_store* handle, const char* url, size_t url_len,
                       const char* html, size_t html_len, int64_t fetched_at);

// A new article handle owning `article`; the caller frees it.
libdiff_article* NewArticle(libdiff::Article article);

// `value` if it is 0 or 1; otherwise throws BoundaryError naming `what`.
int BoolFlag(int value, const char* what);

}  // namespace libdiff::capi

#endif  // LIBDIFF_CAPI_CONVERSIONS_H_
