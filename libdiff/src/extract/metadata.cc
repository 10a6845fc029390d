// Copyright 2026 The libdiff Authors.
//
// The coordinator: one walk collects every metadata source (meta_page.h),
// then each field family takes the first source in its documented order
// (docs/extract.md): site and canonical URL (meta_site), title (meta_title),
// dates (meta_date), authors (meta_byline).

#include "extract/metadata.h"

#include <string>

#include "extract/jsonld.h"
#include "extract/meta_author.h"
#include "extract/meta_byline.h"
#include "extract/meta_date.h"
#include "extract/meta_dom.h"
#include "extract/meta_page.h"
#include "extract/meta_site.h"
#include "extract/meta_title.h"
#include "util/utf8.h"

namespace libdiff::internal {

void ExtractMetadata(xmlDocPtr doc, const ExtractOptions& options, Article* article) {
  article->title.clear();
  article->canonical_url.clear();
  article->site_name.clear();
  article->authors.clear();
  article->published.clear();
  article->modified.clear();
  article->language.clear();
  article->description.clear();
  article->type.clear();
  const std::string page_url = IsValidUtf8(options.url) ? options.url : std::string();
  if (doc == nullptr || xmlDocGetRootElement(doc) == nullptr) {
    article->canonical_url = ResolveUrl(page_url, "");
    return;
  }
  PageFacts f;
  CollectFacts(doc, options.max_depth > 0 ? options.max_depth : 256, &f);
  JsonLdFacts ld;
  for (const std::string& script : f.jsonld) AddJsonLdScript(script, &ld);

  // Canonical URL, resolved against <base> (itself resolved against the page URL).
  const std::string base =
      f.base_href.empty() ? page_url : ResolveUrl(f.base_href, page_url).empty()
                                           ? page_url
                                           : ResolveUrl(f.base_href, page_url);
  article->canonical_url = ChooseCanonical(f, ld, page_url, base);
  std::string host = HostOf(article->canonical_url);
  if (host.empty()) host = HostOf(page_url);

  article->site_name = ChooseSiteName(f, ld, host);
  xmlNodePtr title_node = nullptr;
  article->title =
      FoldFullwidthPunctuation(
      StripMediaLabel(StripTagline(ChooseTitle(f, ld, article->site_name, host, &title_node))));
  // When the title came from metadata, the first on-topic h1 still marks
  // where the article starts: its byline and dates sit under it.
  if (title_node == nullptr) {
    for (const Heading& h : f.h1s) {
      if (!h.off_topic) {
        title_node = h.node;
        break;
      }
    }
  }
  // Without an h1, the element that shows the title marks the start.
  if (title_node == nullptr && !article->title.empty()) {
    title_node = FindHeadlineElement(doc, article->title);
  }
  int title_order = -1;
  for (const Heading& h : f.h1s) {
    if (h.node == title_node) title_order = h.order;
  }
  // Bylines and their dates sit right under the headline.
  const std::string text_after_headline = TextAfterHeadline(title_node, 1000);
  ChooseDates(f, ld, page_url, article->canonical_url, title_order, title_node,
              text_after_headline, xmlDocGetRootElement(doc), article);
  article->authors = ChooseAuthors(doc, f, ld, article->site_name, host, title_node,
                                   title_order, text_after_headline);
  DropEchoedNames(ld.publisher, &article->authors);
  article->language = ChooseLanguage(f, ld);
  article->description = ChooseDescription(f, ld);
  article->type = ld.type;

  // libxml2 hands out UTF-8, but a page can smuggle invalid bytes through
  // character references or a wrong declared charset.
  for (std::string* s : {&article->title, &article->canonical_url, &article->site_name,
                         &article->language, &article->description, &article->type}) {
    if (!IsValidUtf8(*s)) *s = RepairUtf8(*s);
  }
  for (std::string& a : article->authors) {
    if (!IsValidUtf8(a)) a = RepairUtf8(a);
  }
}

}  // namespace libdiff::internal
