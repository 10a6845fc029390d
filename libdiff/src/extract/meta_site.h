// Copyright 2026 The libdiff Authors.
//
// Where the page lives and what it calls itself: canonical URL, host, site
// name, language and description. Private to libdiff's extract stage.
//
// Thread safety: pure functions, safe to call concurrently.
#ifndef LIBDIFF_SRC_EXTRACT_META_SITE_H_
#define LIBDIFF_SRC_EXTRACT_META_SITE_H_

#include <string>

#include "extract/jsonld.h"
#include "extract/meta_page.h"

namespace libdiff::internal {

// `href` resolved against `base`; "" unless the result is http(s).
std::string ResolveUrl(const std::string& href, const std::string& base);

// The lower-case host of `url` without "www."; "" when it has none.
std::string HostOf(const std::string& url);

// <link rel=canonical>, og:url, JSON-LD url, then the page URL, resolved.
std::string ChooseCanonical(const PageFacts& f, const JsonLdFacts& ld, const std::string& page_url,
                            const std::string& base);

// og:site_name, JSON-LD publisher and site names, a <title> suffix, the host.
std::string ChooseSiteName(const PageFacts& f, const JsonLdFacts& ld, const std::string& host);

// A language tag ("en-US") from <html lang> or metadata; "" when none fits.
std::string ChooseLanguage(const PageFacts& f, const JsonLdFacts& ld);

std::string ChooseDescription(const PageFacts& f, const JsonLdFacts& ld);

}  // namespace libdiff::internal

#endif  // LIBDIFF_SRC_EXTRACT_META_SITE_H_
