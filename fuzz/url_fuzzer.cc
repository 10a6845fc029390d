// Copyright 2026 The libdiff Authors.
//
// Fuzzes URL identity (store.h NormalizeUrl/SiteOf, store/url.h): every page URL
// and canonical link a crawler meets becomes a key through these. The input is a
// URL, optionally followed by a NUL and a second URL. Properties checked:
//   - NormalizeUrl succeeds or fails with kInvalidArgument, deterministically;
//   - a key has no scheme, fragment, whitespace or control bytes, starts with its
//     host, its path (KeyPath) starts with "/", its query parameters are sorted
//     and none of them is a tracking parameter (even one written with escapes);
//   - a key is a fixed point: NormalizeUrl("https://" + key) == key;
//   - for a key with a plain DNS host, SiteOf(key) is a suffix of that host, even
//     when the key's query holds another URL;
//   - LooksLikeSlugChange is symmetric.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.h"
#include "libdiff/store.h"
#include "store/url.h"

namespace {

void CheckKey(const std::string& key) {
  LIBDIFF_FUZZ_CHECK(!key.empty(), "keys are not empty");
  LIBDIFF_FUZZ_CHECK(key.find("://") == std::string::npos || key.find('/') < key.find("://"),
                     "keys start with the host, not a scheme");
  LIBDIFF_FUZZ_CHECK(key.find('#') == std::string::npos, "keys have no fragment");
  for (char c : key) {
    LIBDIFF_FUZZ_CHECK(static_cast<unsigned char>(c) > 0x20, "keys have no whitespace or controls");
  }
  const std::string_view path = libdiff::internal::KeyPath(key);
  LIBDIFF_FUZZ_CHECK(!path.empty() && path.front() == '/', "key paths start with /");
  const std::string_view host = std::string_view(key).substr(0, key.find_first_of("/?"));
  LIBDIFF_FUZZ_CHECK(!host.empty(), "keys start with a host");

  const size_t q = key.find('?');
  if (q != std::string::npos) {
    std::vector<std::string_view> params;
    std::string_view query = std::string_view(key).substr(q + 1);
    for (size_t start = 0; start <= query.size();) {
      const size_t end = std::min(query.find('&', start), query.size());
      params.push_back(query.substr(start, end - start));
      start = end + 1;
    }
    LIBDIFF_FUZZ_CHECK(std::is_sorted(params.begin(), params.end()), "query parameters are sorted");
    for (std::string_view p : params) {
      LIBDIFF_FUZZ_CHECK(!p.empty(), "no empty query parameters");
      LIBDIFF_FUZZ_CHECK(!libdiff::internal::IsTrackingParameter(p.substr(0, p.find('='))),
                         "keys keep no tracking parameter");
    }
  }

  const libdiff::Result<std::string> again = libdiff::NormalizeUrl("https://" + key);
  LIBDIFF_FUZZ_CHECK(again.ok() && *again == key, "keys are fixed points of NormalizeUrl");

  // A bracketed IP literal ("[::1]:8080", or junk like "[a.:442]") is kept as
  // it is, colons and dots included: the host name ends at its ']'.
  const size_t name_end =
      !host.empty() && host.front() == '[' ? std::min(host.find(']'), host.size() - 1) + 1
                                           : host.find(':');
  const std::string_view name = host.substr(0, name_end);
  const std::string_view port = host.substr(name.size());
  const bool plain_host =
      std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
      }) &&
      (port.empty() || (port.size() > 1 && std::all_of(port.begin() + 1, port.end(), [](char c) {
                          return c >= '0' && c <= '9';
                        })));
  LIBDIFF_FUZZ_CHECK(name.empty() || name.back() != '.', "hosts lose their trailing dot");
  if (!plain_host || name.empty()) return;

  const std::string site = libdiff::SiteOf(key);
  LIBDIFF_FUZZ_CHECK(site.size() <= name.size() &&
                         name.compare(name.size() - site.size(), site.size(), site) == 0,
                     "SiteOf(key) is a suffix of the key's host");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const size_t nul = input.find('\0');
  const std::string_view a = input.substr(0, nul);

  const libdiff::Result<std::string> key = libdiff::NormalizeUrl(a);
  const libdiff::Result<std::string> key2 = libdiff::NormalizeUrl(a);
  LIBDIFF_FUZZ_CHECK(key.ok() == key2.ok() && (!key.ok() || *key == *key2),
                     "NormalizeUrl is deterministic");
  if (!key.ok()) {
    LIBDIFF_FUZZ_CHECK(key.status().IsInvalidArgument(), "bad URLs fail with kInvalidArgument");
    return 0;
  }
  CheckKey(*key);

  if (nul != std::string_view::npos) {
    const std::string_view b = input.substr(nul + 1);
    if (const libdiff::Result<std::string> other = libdiff::NormalizeUrl(b); other.ok()) {
      LIBDIFF_FUZZ_CHECK(libdiff::internal::LooksLikeSlugChange(*key, *other) ==
                             libdiff::internal::LooksLikeSlugChange(*other, *key),
                         "LooksLikeSlugChange is symmetric");
    }
  }
  return 0;
}
