// Copyright 2026 The libdiff Authors.
//
// URL normalisation for article identity. The key deliberately drops the
// scheme: news sites serve one article over http and https, and a tracker that
// keys on the scheme splits it in two (NewsDiffs' "https hack", diffengine #17).
#include "store/url.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstddef>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "libdiff/store.h"

namespace libdiff {
namespace {

char Lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

std::string ToLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The length of the "scheme://" that `s` starts with (RFC 3986 section 3.1:
// ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )), or 0 when it starts with none.
// A key has no scheme, so a "://" later on, as in "a.com/x?u=https://b.com",
// belongs to its path or query.
size_t SchemePrefixLength(std::string_view s) {
  const size_t colon = s.find("://");
  if (colon == std::string_view::npos || colon == 0 ||
      std::isalpha(static_cast<unsigned char>(s[0])) == 0) {
    return 0;
  }
  for (char c : s.substr(0, colon)) {
    if (std::isalnum(static_cast<unsigned char>(c)) == 0 && c != '+' && c != '-' && c != '.') {
      return 0;
    }
  }
  return colon + 3;
}

// An authority "[userinfo@]host[:port]" split into host and port (RFC 3986
// section 3.2), or the reason it is not one.
struct HostAndPort {
  std::string_view host;  // as written; an IPv6 address keeps its brackets
  std::string_view port;  // digits only, possibly empty
  const char* error = nullptr;
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

HostAndPort SplitAuthority(std::string_view authority) {
  HostAndPort out;
  // The userinfo ends at the last '@': browsers take a raw '@' in a password.
  if (size_t at = authority.rfind('@'); at != std::string_view::npos) {
    authority.remove_prefix(at + 1);
  }
  std::string_view after_host;
  if (!authority.empty() && authority.front() == '[') {
    const size_t close = authority.find(']');
    if (close == std::string_view::npos) {
      out.error = "bad IPv6 host (no ']')";
      return out;
    }
    out.host = authority.substr(0, close + 1);
    const std::string_view address = authority.substr(1, close - 1);
    const bool ipv6_chars = std::all_of(address.begin(), address.end(), [](char c) {
      return HexValue(c) >= 0 || c == ':' || c == '.';
    });
    if (address.find(':') == std::string_view::npos || !ipv6_chars) {
      out.error = "bad IPv6 host";
      return out;
    }
    after_host = authority.substr(close + 1);
  } else {
    // A host name cannot hold ':', so the port starts at the first one.
    const size_t colon = authority.find(':');
    out.host = authority.substr(0, colon);
    if (colon != std::string_view::npos) after_host = authority.substr(colon);
  }
  if (!after_host.empty()) {
    if (after_host.front() != ':') {
      out.error = "text after the IPv6 host";
      return out;
    }
    out.port = after_host.substr(1);
    if (!std::all_of(out.port.begin(), out.port.end(), IsDigit)) out.error = "bad port";
  }
  return out;
}

// WHATWG URL's forbidden host code points, plus controls and DEL; bytes from
// 0x80 up are kept (a UTF-8 name the crawler has not converted to punycode).
bool IsForbiddenInHostName(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte <= 0x20 || byte == 0x7f ||
         std::string_view("#/:<>?@[\\]^|").find(c) != std::string_view::npos;
}

bool IsUnreserved(unsigned char c) {
  return std::isalnum(c) != 0 || c == '-' || c == '.' || c == '_' || c == '~';
}

// Decodes escapes of unreserved characters and upper-cases the hex of the rest,
// so "%7e", "%7E" and "~" give one key (RFC 3986 section 6.2.2).
std::string NormalizeEscapes(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() &&
        HexValue(s[i + 1]) >= 0 && HexValue(s[i + 2]) >= 0) {
      const int v = HexValue(s[i + 1]) * 16 + HexValue(s[i + 2]);
      const auto byte = static_cast<unsigned char>(v);
      if (IsUnreserved(byte)) {
        out.push_back(static_cast<char>(byte));
      } else {
        out.push_back('%');
        out.push_back(kHex[v >> 4]);
        out.push_back(kHex[v & 15]);
      }
      i += 2;
    } else if (static_cast<unsigned char>(s[i]) <= 0x20 || s[i] == 0x7f || s[i] == '%') {
      // Stray spaces and controls: escape rather than reject (crawlers pass
      // them through from hrefs). A '%' that starts no escape is escaped too:
      // left alone, "%%36%31" would become "%61" here and "a" next time.
      const auto byte = static_cast<unsigned char>(s[i]);
      out.push_back('%');
      out.push_back(kHex[byte >> 4]);
      out.push_back(kHex[byte & 15]);
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

// Parameters that only say how a reader arrived, never which article.
constexpr std::string_view kTrackingParameters[] = {
    "fbclid", "gclid", "gclsrc", "dclid", "msclkid", "yclid", "twclid", "igshid",
    "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id",
    "oly_enc_id", "vero_id", "vero_conv", "wickedid", "ref_src", "ref_url", "cmpid",
    "ocid", "smid", "smtyp", "at_medium", "at_campaign", "at_custom1", "s_cid",
    "sr_share", "ito", "intcmp", "cmp", "ncid", "soc_src", "soc_trk", "guccounter",
    "spm"};

// Parameters that select the AMP rendering of the same article.
constexpr std::array<std::string_view, 5> kAmpParameters = {"amp", "_amp", "amp_js_v",
                                                             "usqp", "outputtype"};

bool IsAmpParameter(std::string_view name, std::string_view value) {
  const std::string n = ToLower(name);
  if (n == "outputtype") return ToLower(value) == "amp";
  return std::find(kAmpParameters.begin(), kAmpParameters.end(), n) != kAmpParameters.end();
}

// "https://www.google.com/amp/s/example.com/a" and
// "https://example-com.cdn.ampproject.org/c/s/example.com/a" wrap the real URL.
std::optional<std::string> UnwrapAmpCache(std::string_view host, std::string_view path) {
  if (host == "google.com" || EndsWith(host, ".google.com")) {
    if (StartsWith(path, "/amp/s/")) return "https://" + std::string(path.substr(7));
    if (StartsWith(path, "/amp/")) return "http://" + std::string(path.substr(5));
  }
  if (EndsWith(host, ".ampproject.org") || host == "cdn.ampproject.org") {
    for (std::string_view prefix : {"/c/s/", "/v/s/", "/i/s/"}) {
      if (StartsWith(path, prefix)) return "https://" + std::string(path.substr(prefix.size()));
    }
    for (std::string_view prefix : {"/c/", "/v/", "/i/"}) {
      if (StartsWith(path, prefix)) return "http://" + std::string(path.substr(prefix.size()));
    }
  }
  return std::nullopt;
}

std::string StripHostPrefixes(std::string host) {
  for (;;) {
    bool stripped = false;
    for (std::string_view prefix : {"www.", "m.", "amp.", "mobile."}) {
      if (StartsWith(host, prefix) &&
          host.find('.', prefix.size()) != std::string::npos) {
        host.erase(0, prefix.size());
        stripped = true;
      }
    }
    if (!stripped) return host;
  }
}

// Resolves "." and ".." segments and drops empty ones, so "/a//b/./c/../" is
// "/a/b" (RFC 3986 section 5.2.4; an empty segment or a trailing slash never
// names another article on a news site).
std::string RemoveDotSegments(std::string_view path) {
  std::vector<std::string_view> segments;
  size_t start = 0;
  while (start <= path.size()) {
    const size_t end = std::min(path.find('/', start), path.size());
    const std::string_view seg = path.substr(start, end - start);
    if (seg == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (seg != "." && !seg.empty()) {
      segments.push_back(seg);
    }
    start = end + 1;
  }
  std::string out;
  for (std::string_view seg : segments) {
    out.push_back('/');
    out.append(seg);
  }
  if (out.empty()) out.push_back('/');
  return out;
}

// Removes one AMP marker from a path without dot segments: a leading or
// trailing "amp" segment, ".amp.html" -> ".html", a trailing ".amp". Returns
// false when there is none.
bool StripAmpMarker(std::string& path) {
  if (path == "/amp" || StartsWith(path, "/amp/")) {
    path.erase(0, 4);
  } else if (EndsWith(path, "/amp")) {
    path.erase(path.size() - 4);
  } else if (EndsWith(path, ".amp.html")) {
    path.erase(path.size() - 9, 4);
  } else if (EndsWith(path, ".amp")) {
    path.erase(path.size() - 4);
  } else {
    return false;
  }
  if (path.empty()) path.push_back('/');
  return true;
}

// Folds the AMP renderings of a path without dot segments: /amp/<path>,
// <path>/amp, <path>.amp.html, <path>.amp. A removal can expose another marker
// ("/b/amp/amp") or a dot segment ("/x/..amp" -> "/x/."), so both steps repeat
// until neither changes the path, which makes the key a fixed point: normalised
// again, it stays the same. Every removal shortens the path, so this ends.
std::string FoldAmpPath(std::string path) {
  while (StripAmpMarker(path)) path = RemoveDotSegments(path);
  return path;
}

// One normalisation pass over `url`. When `url` is an AMP cache's wrapper of
// another URL, sets *inner to that URL and returns an empty key.
Result<std::string> NormalizeOnce(std::string_view url, std::optional<std::string>* inner) {
  // Trim surrounding whitespace.
  while (!url.empty() && std::isspace(static_cast<unsigned char>(url.front()))) {
    url.remove_prefix(1);
  }
  while (!url.empty() && std::isspace(static_cast<unsigned char>(url.back()))) url.remove_suffix(1);
  const std::string bad_url = "URL \"" + std::string(url.substr(0, 200)) + "\": ";
  const size_t scheme_length = SchemePrefixLength(url);
  if (scheme_length == 0) return Status::InvalidArgument(bad_url + "no http(s) scheme");
  const std::string scheme = ToLower(url.substr(0, scheme_length - 3));
  if (scheme != "http" && scheme != "https") {
    return Status::InvalidArgument(bad_url + "scheme \"" + scheme + "\" is not http(s)");
  }
  std::string_view rest = url.substr(scheme_length);
  if (size_t hash = rest.find('#'); hash != std::string_view::npos) rest = rest.substr(0, hash);
  const size_t authority_end = rest.find_first_of("/?");
  std::string_view authority = rest.substr(0, authority_end);
  std::string_view path_and_query =
      authority_end == std::string_view::npos ? std::string_view() : rest.substr(authority_end);
  const HostAndPort host_and_port = SplitAuthority(authority);
  if (host_and_port.error != nullptr) return Status::InvalidArgument(bad_url + host_and_port.error);
  std::string host = ToLower(host_and_port.host);
  if (!host.empty() && host.front() != '[') {
    while (!host.empty() && host.back() == '.') host.pop_back();
    if (std::any_of(host.begin(), host.end(), IsForbiddenInHostName)) {
      return Status::InvalidArgument(bad_url + "invalid character in host");
    }
  }
  if (host.empty()) return Status::InvalidArgument(bad_url + "no host");
  // "0443" is port 443.
  std::string_view port = host_and_port.port;
  while (port.size() > 1 && port.front() == '0') port.remove_prefix(1);
  if (port.size() > 5 || (port.size() == 5 && port > "65535")) {
    return Status::InvalidArgument(bad_url + "port out of range");
  }
  host = StripHostPrefixes(std::move(host));

  const size_t q = path_and_query.find('?');
  // Dot segments go before the AMP cache test, so "//amp/s/…" and
  // "/x/../amp/s/…" are unwrapped like "/amp/s/…".
  const std::string path = RemoveDotSegments(NormalizeEscapes(path_and_query.substr(0, q)));
  std::string_view query =
      q == std::string_view::npos ? std::string_view() : path_and_query.substr(q + 1);
  // Google's "/amp/s/…" is itself an AMP marker, so the wrapper test comes
  // first; folding can then expose one ("/amp/c/s/…" on an ampproject host).
  const std::string folded = FoldAmpPath(path);
  std::optional<std::string> wrapped = UnwrapAmpCache(host, path);
  if (!wrapped.has_value()) wrapped = UnwrapAmpCache(host, folded);
  if (wrapped.has_value()) {
    if (!query.empty()) *wrapped += "?" + std::string(query);
    *inner = std::move(wrapped);
    return std::string();
  }

  std::vector<std::string> params;
  size_t start = 0;
  while (start <= query.size() && !query.empty()) {
    size_t end = query.find('&', start);
    if (end == std::string_view::npos) end = query.size();
    const std::string_view raw = query.substr(start, end - start);
    start = end + 1;
    if (raw.empty()) continue;
    // Decode first, filter second: "utm%5Fsource" is "utm_source" (and would
    // be once the key is normalised again). '=' and '&' stay encoded, so the
    // split below is the split of the raw parameter.
    std::string param = NormalizeEscapes(raw);
    const size_t eq = param.find('=');
    const std::string_view name = std::string_view(param).substr(0, eq);
    const std::string_view value =
        eq == std::string::npos ? std::string_view() : std::string_view(param).substr(eq + 1);
    if (internal::IsTrackingParameter(name) || IsAmpParameter(name, value)) continue;
    params.push_back(std::move(param));
    if (end == query.size()) break;
  }
  std::sort(params.begin(), params.end());

  std::string key = host;
  if (!port.empty() && port != "80" && port != "443") key += ":" + std::string(port);
  key += folded;
  for (size_t i = 0; i < params.size(); ++i) key += (i == 0 ? "?" : "&") + params[i];
  return key;
}

}  // namespace

Result<std::string> NormalizeUrl(std::string_view url) {
  std::optional<std::string> inner;
  LIBDIFF_ASSIGN_OR_RETURN(std::string key, NormalizeOnce(url, &inner));
  // Caches may wrap caches ("google.com/amp/s/www.google.com/amp/s/…"). Each
  // unwrapping shortens the URL, so this ends.
  while (inner.has_value()) {
    const std::string wrapped = std::move(*inner);
    inner.reset();
    LIBDIFF_ASSIGN_OR_RETURN(key, NormalizeOnce(wrapped, &inner));
  }
  return key;
}

std::string SiteOf(std::string_view url_or_key) {
  std::string_view s = url_or_key;
  s.remove_prefix(SchemePrefixLength(s));
  std::string host = ToLower(SplitAuthority(s.substr(0, s.find_first_of("/?#"))).host);
  while (!host.empty() && host.back() == '.') host.pop_back();
  // An IP address is a site of its own.
  if (!host.empty() && host.front() == '[') return host;
  if (const size_t dot = host.rfind('.');
      dot != std::string::npos && dot + 1 < host.size() &&
      std::all_of(host.begin() + static_cast<std::ptrdiff_t>(dot + 1), host.end(), IsDigit)) {
    return host;
  }
  // Keep the last two labels, or three under a two-letter country code whose
  // second level is a generic label ("bbc.co.uk", "abc.net.au").
  std::vector<std::string_view> labels;
  std::string_view h = host;
  while (!h.empty()) {
    const size_t dot = h.rfind('.');
    if (dot == std::string_view::npos) {
      labels.push_back(h);
      break;
    }
    labels.push_back(h.substr(dot + 1));
    h = h.substr(0, dot);
  }
  if (labels.size() <= 2) return host;
  size_t keep = 2;
  static constexpr std::array<std::string_view, 9> kSecondLevel = {
      "co", "com", "net", "org", "gov", "ac", "edu", "ne", "or"};
  if (labels[0].size() == 2 &&
      std::find(kSecondLevel.begin(), kSecondLevel.end(), labels[1]) != kSecondLevel.end()) {
    keep = 3;
  }
  std::string out;
  for (size_t i = std::min(keep, labels.size()); i-- > 0;) {
    out += labels[i];
    if (i != 0) out += ".";
  }
  return out;
}

namespace internal {

bool IsTrackingParameter(std::string_view name) {
  const std::string n = ToLower(name);
  if (StartsWith(n, "utm_") || StartsWith(n, "pk_") || StartsWith(n, "mtm_") ||
      StartsWith(n, "hsa_") || StartsWith(n, "ns_")) {
    return true;
  }
  return std::find(std::begin(kTrackingParameters), std::end(kTrackingParameters), n) !=
         std::end(kTrackingParameters);
}

std::string_view KeyPath(std::string_view key) {
  const size_t slash = key.find('/');
  if (slash == std::string_view::npos) return "/";
  std::string_view path = key.substr(slash);
  return path.substr(0, path.find('?'));
}

namespace {
std::vector<std::string_view> DigitRuns(std::string_view s, size_t min_len) {
  std::vector<std::string_view> runs;
  size_t i = 0;
  while (i < s.size()) {
    if (std::isdigit(static_cast<unsigned char>(s[i])) == 0) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j])) != 0) ++j;
    if (j - i >= min_len) runs.push_back(s.substr(i, j - i));
    i = j;
  }
  return runs;
}
}  // namespace

bool LooksLikeSlugChange(std::string_view key_a, std::string_view key_b) {
  if (SiteOf(key_a) != SiteOf(key_b)) return false;
  const std::string_view a = KeyPath(key_a);
  const std::string_view b = KeyPath(key_b);
  const size_t da = a.rfind('/');
  const size_t db = b.rfind('/');
  if (da != 0 && db != 0 && a.substr(0, da) == b.substr(0, db)) return true;
  // Dates like 2026/11/28 give only short runs; 5+ digits is an article number.
  for (std::string_view ra : DigitRuns(a, 5)) {
    for (std::string_view rb : DigitRuns(b, 5)) {
      if (ra == rb) return true;
    }
  }
  return false;
}

}  // namespace internal
}  // namespace libdiff
