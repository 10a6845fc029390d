// Copyright 2026 The libdiff Authors.
//
// URL identity: normalisation to an identity key and the site of a URL. The
// public entry points are libdiff::NormalizeUrl and libdiff::SiteOf (store.h);
// this header adds the helpers the verdict logic needs. Private to libdiff.
#ifndef LIBDIFF_STORE_URL_H_
#define LIBDIFF_STORE_URL_H_

#include <string>
#include <string_view>

namespace libdiff::internal {

// The path of a normalised key ("host/path?query" -> "/path").
std::string_view KeyPath(std::string_view key);

// True when the two keys name the same article under a changed slug: same site,
// and either the same path up to the last segment (both with at least one
// directory segment) or a shared run of 5+ digits in their paths.
bool LooksLikeSlugChange(std::string_view key_a, std::string_view key_b);

// True when `name` (a query parameter name, any case) is a tracking parameter.
bool IsTrackingParameter(std::string_view name);

}  // namespace libdiff::internal

#endif  // LIBDIFF_STORE_URL_H_
