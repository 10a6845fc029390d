// Copyright 2026 The libdiff Authors.
//
// The metadata walk (see meta_page.h).

#include "extract/meta_page.h"

#include <re2/re2.h>

#include <array>
#include <string>
#include <utility>

#include "extract/meta_author.h"
#include "extract/meta_dom.h"
#include "util/text.h"

namespace libdiff::internal {
namespace {

constexpr size_t kMaxJsonLdBytes = 1 << 20;

// Elements whose class may mark a whole region (related stories, comments).
bool IsContainerElement(std::string_view name) {
  static constexpr std::array<std::string_view, 12> kContainers = {
      "div", "section", "aside", "nav", "footer", "header", "ul", "ol", "article", "table",
      "dl", "form"};
  for (std::string_view c : kContainers) {
    if (name == c) return true;
  }
  return false;
}

// Words that, at the start of a class or id token, mark a container whose
// bylines, dates and headings are about other pages. At the start only, so
// "has-sidebar" or "no-comments" on a page wrapper does not hide the whole
// page.
constexpr std::string_view kOffTopicWords[] = {
    "related",  "recommend",  "comment",      "sidebar",   "footer",
    "most-popular", "mostpopular", "trending", "newsletter", "more-stories",
    "read-more", "readmore",   "outbrain",     "taboola"};

std::string OffTopicPattern() {
  std::string alternatives;
  for (std::string_view w : kOffTopicWords) {
    if (!alternatives.empty()) alternatives += '|';
    alternatives += w;
  }
  return "(?i)(?:^|\\s)(?:" + alternatives + ")";
}

// Class/id and link patterns, compiled once. One RE2 scan per string is much
// cheaper than a dozen substring searches on every element.
struct ElementPatterns {
  // kOffTopicWords at the start of a token. Read by RE2 only for text that
  // is not all ASCII, where its case folding goes beyond ASCII's.
  RE2 off_topic{OffTopicPattern()};
  RE2 byline{"(?i)byline|author|writer|contributor|by-line|creator"};
  // Author boxes, bios and descriptions hold prose about the author, not the
  // byline ("author-description": "Licensed Q Grader, M.A.").
  RE2 byline_exclude{"(?i)bio|description|avatar|image|photo|img|social|follow|twitter"};
  RE2 author_href{
      "(?i)/(?:author|authors|profile|people|staff|contributors?|by|writers|journalist|"
      "reporter|columnist|team)/|author="};
  // Headings only screen readers see (a logo h1 "SiteName", hidden labels).
  RE2 hidden_class{"(?i)(?:^|\\s)(?:hide|hidden|sr-only|screen-reader[a-z-]*|visually-?hidden|"
                   "visuallyhidden|offscreen|a11y[a-z-]*)(?:\\s|$)"};
  RE2 time_published{"(?i)publish|entry-date|pubdate|posted"};
  RE2 time_modified{"(?i)updat|modif"};
};

const ElementPatterns& Patterns() {
  static const ElementPatterns* p = new ElementPatterns();
  return *p;
}

bool Matches(const RE2& re, std::string_view s) {
  return !s.empty() && RE2::PartialMatch(re2::StringPiece(s.data(), s.size()), re);
}

void AddMeta(PageFacts* f, std::string key, std::string value) {
  if (key.empty() || value.empty()) return;
  std::vector<std::string>& values = f->meta[LowerAscii(key)];
  if (values.size() < 8) values.push_back(SqueezeWhitespace(value.substr(0, kMaxFieldBytes)));
}

// Records what `n` (an element) tells about the page.
// `class_id` and `itemprop` are from ReadCommonAttributes(n).
void VisitElement(xmlNodePtr n, int order, bool off_topic, std::string_view class_id,
                  std::string_view itemprop, PageFacts* f) {
  const std::string_view name = NameOf(n);
  if (name == "meta") {
    const std::string content = HasAttr(n, "content") ? Attr(n, "content") : Attr(n, "value");
    for (const char* key_attr : {"property", "name", "itemprop", "http-equiv"}) {
      std::string key = Attr(n, key_attr);
      if (!key.empty()) AddMeta(f, std::move(key), content);
    }
    return;
  }
  if (name == "link") {
    const std::string rel = LowerAscii(Attr(n, "rel"));
    if (f->canonical.empty() && rel == "canonical") f->canonical = Attr(n, "href");
    return;
  }
  if (name == "html") {
    if (f->html_lang.empty()) f->html_lang = Attr(n, "lang");
    if (f->html_lang.empty()) f->html_lang = Attr(n, "xml:lang");
    return;
  }
  if (name == "base") {
    if (f->base_href.empty()) f->base_href = Attr(n, "href");
    return;
  }
  if (name == "title") {
    // An <svg><title> or one in the body is not the document title.
    if (f->title_tag.empty() && n->parent != nullptr && NameOf(n->parent) == "head") {
      f->title_tag = ElementText(n, kMaxFieldBytes);
    }
    if (f->title_tag.empty() && f->h1s.empty()) f->title_tag = ElementText(n, kMaxFieldBytes);
    return;
  }
  if (name == "script") {
    const std::string type = LowerAscii(Attr(n, "type"));
    if (Contains(type, "ld+json") && f->jsonld.size() < 32) {
      std::string body;
      for (xmlNodePtr c = n->children; c != nullptr; c = c->next) {
        if (c->content != nullptr) body += Chars(c->content);
        if (body.size() > kMaxJsonLdBytes) break;
      }
      if (body.size() <= kMaxJsonLdBytes) f->jsonld.push_back(std::move(body));
    }
    return;
  }

  if (!itemprop.empty()) {
    if (itemprop == "datePublished" || itemprop == "dateModified" || itemprop == "dateCreated") {
      std::string& slot =
          itemprop == "dateModified" ? f->itemprop_modified : f->itemprop_published;
      if (slot.empty() && !off_topic) {
        slot = Attr(n, "datetime");
        if (slot.empty()) slot = Attr(n, "content");
        if (slot.empty()) slot = ElementText(n, 200);
      }
    } else if (itemprop == "headline" && f->itemprop_headline.empty() && !off_topic) {
      f->itemprop_headline = Attr(n, "content");
      if (f->itemprop_headline.empty()) f->itemprop_headline = ElementText(n, kMaxFieldBytes);
    } else if ((itemprop == "author" || itemprop == "creator") && !off_topic &&
               f->itemprop_authors.size() < kMaxCandidates) {
      // The name is a nested itemprop=name, or the element's own text.
      std::string text;
      const xmlNodePtr after = NextInOrder(n, false);
      size_t steps = 0;
      for (xmlNodePtr c = NextInOrder(n, true); c != nullptr && c != after && ++steps <= 200;
           c = NextInOrder(c, true)) {
        if (c->type == XML_ELEMENT_NODE && AttrView(c, "itemprop") == "name") {
          text = Attr(c, "content");
          if (text.empty()) text = ElementText(c, kMaxBylineBytes);
          break;
        }
      }
      if (text.empty()) text = Attr(n, "content");
      if (text.empty()) text = ElementText(n, kMaxBylineBytes);
      if (text.size() < kMaxBylineBytes) AddCandidate(&f->itemprop_authors, std::move(text), order);
    }
  }
  if (name == "h1") {
    if (f->h1s.size() < 16) {
      std::string text = HeadingText(n, kMaxFieldBytes);
      const bool hidden = Matches(Patterns().hidden_class, class_id) ||
                          AttrView(n, "aria-hidden") == "true" ||
                          Contains(AttrView(n, "style"), "display:none") ||
                          Contains(AttrView(n, "style"), "display: none");
      if (!text.empty()) f->h1s.push_back({n, std::move(text), order, off_topic || hidden});
    }
    return;
  }
  if (off_topic) return;

  if (name == "time" && f->times.size() < kMaxCandidates) {
    TimeElement t;
    t.datetime = Attr(n, "datetime");
    if (t.datetime.empty()) t.datetime = ElementText(n, 200);
    const std::string_view cls = class_id;
    t.pub_hint = HasAttr(n, "pubdate") || itemprop == "datePublished" ||
                 Matches(Patterns().time_published, cls);
    t.mod_hint = itemprop == "dateModified" || Matches(Patterns().time_modified, cls);
    t.order = order;
    f->times.push_back(std::move(t));
    return;
  }
}

}  // namespace

bool IsOffTopicContainer(std::string_view name, std::string_view class_id) {
  if (name == "nav" || name == "aside" || name == "footer") return true;
  // Every container's class string is asked: on ASCII text the pattern is a
  // few byte comparisons at each token start, far cheaper than an RE2 scan.
  bool token_start = true;
  for (size_t i = 0; i < class_id.size(); ++i) {
    const auto c = static_cast<unsigned char>(class_id[i]);
    if (c >= 0x80) return Matches(Patterns().off_topic, class_id);
    // RE2's \s: space, tab, newline, form feed, carriage return.
    if (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r') {
      token_start = true;
      continue;
    }
    if (!token_start) continue;
    token_start = false;
    const char first = static_cast<char>(c | 0x20);  // lower case, for letters
    for (std::string_view w : kOffTopicWords) {
      if (w[0] == first && StartsWithLowerAscii(class_id, i, w)) return true;
    }
  }
  return false;
}

bool IsBylineClass(std::string_view class_id) {
  return Matches(Patterns().byline, class_id) && !Matches(Patterns().byline_exclude, class_id);
}

bool IsAuthorHref(std::string_view href) {
  return Matches(Patterns().author_href, href.substr(0, 300));
}

const std::string& FirstMeta(const PageFacts& f, const char* key) {
  static const std::string* empty = new std::string();
  auto it = f.meta.find(key);
  if (it == f.meta.end()) return *empty;
  for (const std::string& v : it->second) {
    if (!v.empty()) return v;
  }
  return *empty;
}

void AddCandidate(std::vector<TextCandidate>* list, std::string text, int order) {
  if (list->size() >= kMaxCandidates || text.empty()) return;
  list->push_back({std::move(text), order});
}

void CollectFacts(xmlDocPtr doc, int max_depth, PageFacts* f) {
  xmlNodePtr n = xmlDocGetRootElement(doc);
  int depth = 0;
  int order = 0;
  xmlNodePtr off_topic_root = nullptr;
  std::string class_id;
  std::string_view itemprop;
  while (n != nullptr) {
    bool descend = false;
    if (n->type == XML_ELEMENT_NODE) {
      const std::string_view name = NameOf(n);
      // Only containers, headings and times need their classes; inside an
      // off-topic container only the latter two.
      const bool container = off_topic_root == nullptr && IsContainerElement(name);
      ReadCommonAttributes(n, container || name == "h1" || name == "time", &class_id, &itemprop);
      if (container && IsOffTopicContainer(name, class_id)) {
        off_topic_root = n;
      }
      VisitElement(n, order++, off_topic_root != nullptr, class_id, itemprop, f);
      descend = depth < max_depth && name != "script" && name != "style" && name != "svg" &&
                name != "noscript" && name != "template" && name != "iframe";
    }
    if (descend && n->children != nullptr) {
      n = n->children;
      ++depth;
      continue;
    }
    // Up until a next sibling exists, leaving off-topic containers on the way.
    while (n != nullptr && n->next == nullptr) {
      if (n == off_topic_root) off_topic_root = nullptr;
      n = n->parent;
      --depth;
      if (depth < 0) n = nullptr;
    }
    if (n == nullptr) break;
    if (n == off_topic_root) off_topic_root = nullptr;
    n = n->next;
  }
}

}  // namespace libdiff::internal
