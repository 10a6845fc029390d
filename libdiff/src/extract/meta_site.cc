// Copyright 2026 The libdiff Authors.
//
// Canonical URL, site name, language and description (see meta_site.h).

#include "extract/meta_site.h"

#include <libxml/uri.h>

#include <string>
#include <vector>

#include "extract/meta_author.h"
#include "extract/meta_dom.h"
#include "extract/meta_language.h"
#include "extract/meta_title.h"

namespace libdiff::internal {

std::string ResolveUrl(const std::string& href, const std::string& base) {
  if (href.empty()) return "";
  std::string h = SqueezeWhitespace(href);
  if (h.compare(0, 2, "//") == 0) {
    const size_t colon = base.find("://");
    h = (colon == std::string::npos ? std::string("https:") : base.substr(0, colon + 1)) + h;
  }
  xmlChar* built =
      xmlBuildURI(reinterpret_cast<const xmlChar*>(h.c_str()),
                  base.empty() ? nullptr : reinterpret_cast<const xmlChar*>(base.c_str()));
  std::string out = built != nullptr ? Chars(built) : (base.empty() ? h : std::string());
  if (built != nullptr) xmlFree(built);
  const std::string lower = LowerAscii(out.substr(0, 8));
  if (lower.compare(0, 7, "http://") != 0 && lower.compare(0, 8, "https://") != 0) return "";
  return out;
}

std::string HostOf(const std::string& url) {
  const size_t start = url.find("://");
  if (start == std::string::npos) return "";
  const size_t end = url.find_first_of("/?#:", start + 3);
  std::string host = LowerAscii(url.substr(start + 3, end == std::string::npos ? std::string::npos
                                                                              : end - start - 3));
  if (host.compare(0, 4, "www.") == 0) host.erase(0, 4);
  return host;
}

std::string ChooseSiteName(const PageFacts& f, const JsonLdFacts& ld, const std::string& host) {
  for (const std::string* s :
       {&FirstMeta(f, "og:site_name"), &ld.publisher, &ld.website_name,
        &FirstMeta(f, "application-name"), &FirstMeta(f, "apple-mobile-web-app-title"),
        &ld.organization_name}) {
    if (!s->empty() && s->size() < 200) return *s;
  }
  // The <title> suffix when it names the host ("... | The Daily World").
  std::vector<std::string> parts = SplitTitle(f.title_tag);
  if (parts.size() > 1) {
    const std::string& last = parts.back();
    const std::string key = LooseKey(last);
    const std::string host_key = LooseKey(host);
    if (!key.empty() && WordCount(last) <= 5 &&
        (Contains(host_key, key) || Contains(key, host_key.substr(0, host_key.rfind('.'))))) {
      return SqueezeWhitespace(last);
    }
    if (!key.empty() && WordCount(last) <= 4) return SqueezeWhitespace(last);
  }
  return host;
}

std::string ChooseLanguage(const PageFacts& f, const JsonLdFacts& ld) {
  std::string lang;
  for (const std::string* s :
       {&f.html_lang, &FirstMeta(f, "content-language"), &FirstMeta(f, "language"),
        &FirstMeta(f, "dc.language"), &FirstMeta(f, "og:locale"), &ld.language}) {
    if (!s->empty()) {
      lang = *s;
      break;
    }
  }
  lang = SqueezeWhitespace(lang.substr(0, lang.find_first_of(",;")));
  for (char& c : lang) {
    if (c == '_') c = '-';
  }
  if (lang.size() > 35 || lang.find(' ') != std::string::npos) return "";
  return CanonicalLanguageTag(lang);
}

std::string ChooseCanonical(const PageFacts& f, const JsonLdFacts& ld, const std::string& page_url,
                            const std::string& base) {
  for (const std::string* href : {&f.canonical, &FirstMeta(f, "og:url"), &ld.url, &page_url}) {
    std::string url = ResolveUrl(*href, base);
    if (!url.empty()) return url;
  }
  return "";
}

std::string ChooseDescription(const PageFacts& f, const JsonLdFacts& ld) {
  for (const std::string* s : {&FirstMeta(f, "description"), &FirstMeta(f, "og:description"),
                               &FirstMeta(f, "twitter:description"), &ld.description}) {
    if (!s->empty()) return *s;
  }
  return "";
}

}  // namespace libdiff::internal
