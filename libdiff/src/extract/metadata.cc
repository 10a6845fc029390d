// Copyright 2026 The libdiff Authors.
//
// One walk over the document collects every metadata source (<meta>, <link>,
// JSON-LD, h1, <time>, itemprop, bylines); each field then takes the first
// source in its documented order (docs/metadata.md). Nothing is serialised:
// only the few elements that matter have their text read.

#include "extract/metadata.h"

#include <libxml/uri.h>
#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "extract/date.h"
#include "extract/jsonld.h"
#include "extract/meta_author.h"
#include "util/utf8.h"

namespace libdiff::internal {
namespace {

constexpr size_t kMaxFieldBytes = 2000;   // longer metadata values are cut
constexpr size_t kMaxBylineBytes = 400;   // a byline element longer than this is prose
constexpr size_t kMaxJsonLdBytes = 1 << 20;
constexpr size_t kMaxCandidates = 64;     // per kind, against pages with thousands of links
constexpr size_t kMaxTextSteps = 2000;    // nodes one element's text may visit

const char* Chars(const xmlChar* s) { return reinterpret_cast<const char*>(s); }

std::string_view NameOf(xmlNodePtr n) {
  return n->name != nullptr ? std::string_view(Chars(n->name)) : std::string_view();
}

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

// The value of attribute `name` (lower case, as the HTML parser stores names),
// or "" when absent. Reads the attribute's text children without allocating
// through libxml2.
std::string Attr(xmlNodePtr n, const char* name) {
  for (xmlAttrPtr a = n->properties; a != nullptr; a = a->next) {
    if (a->name == nullptr || std::strcmp(Chars(a->name), name) != 0) continue;
    std::string value;
    for (xmlNodePtr c = a->children; c != nullptr; c = c->next) {
      if (c->content != nullptr) value += Chars(c->content);
    }
    return value;
  }
  return "";
}

// The value of attribute `name` without copying: the HTML parser stores an
// attribute's decoded value as one text node. "" when absent or split.
std::string_view AttrView(xmlNodePtr n, const char* name) {
  for (xmlAttrPtr a = n->properties; a != nullptr; a = a->next) {
    if (a->name == nullptr || std::strcmp(Chars(a->name), name) != 0) continue;
    xmlNodePtr c = a->children;
    if (c != nullptr && c->next == nullptr && c->content != nullptr) return Chars(c->content);
    return "";
  }
  return "";
}

bool HasAttr(xmlNodePtr n, const char* name) {
  for (xmlAttrPtr a = n->properties; a != nullptr; a = a->next) {
    if (a->name != nullptr && std::strcmp(Chars(a->name), name) == 0) return true;
  }
  return false;
}

// Collapsed text of an element's subtree, skipping scripts and styles, cut
// after about `limit` bytes. Iterative: nesting depth cannot overflow the stack.
std::string ElementText(xmlNodePtr root, size_t limit) {
  std::string raw;
  xmlNodePtr n = root->children;
  // Nodes visited are bounded too: an empty subtree can be huge.
  size_t steps = 0;
  while (n != nullptr && raw.size() < limit && ++steps <= kMaxTextSteps) {
    bool descend = false;
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      if (n->content != nullptr) raw += Chars(n->content);
    } else if (n->type == XML_ELEMENT_NODE) {
      const std::string_view name = NameOf(n);
      if (name == "br" || name == "p" || name == "div" || name == "li") raw += ' ';
      descend = name != "script" && name != "style" && name != "noscript" && name != "template" &&
                name != "svg" && name != "button" && name != "select";
    }
    if (descend && n->children != nullptr) {
      n = n->children;
      continue;
    }
    while (n != nullptr && n != root && n->next == nullptr) n = n->parent;
    if (n == nullptr || n == root) break;
    n = n->next;
  }
  if (raw.size() > limit) raw.resize(limit);
  return SqueezeWhitespace(raw);
}

// Raw text with newlines kept between block elements (for bylines, whose
// lines often separate the names from dates).
std::string BlockText(xmlNodePtr root, size_t limit) {
  std::string raw;
  xmlNodePtr n = root->children;
  size_t steps = 0;
  while (n != nullptr && raw.size() < limit && ++steps <= kMaxTextSteps) {
    bool descend = false;
    if (n->type == XML_TEXT_NODE) {
      if (n->content != nullptr) raw += Chars(n->content);
    } else if (n->type == XML_ELEMENT_NODE) {
      const std::string_view name = NameOf(n);
      if (name == "br" || name == "p" || name == "div" || name == "li" || name == "time" ||
          name == "ul") {
        raw += '\n';
      }
      descend = name != "script" && name != "style" && name != "noscript" && name != "svg" &&
                name != "button";
    }
    if (descend && n->children != nullptr) {
      n = n->children;
      continue;
    }
    while (n != nullptr && n != root && n->next == nullptr) n = n->parent;
    if (n == nullptr || n == root) break;
    n = n->next;
  }
  return raw;
}

// The next node in document order after `n`'s subtree (or its first child when
// `into` is true); nullptr at the end.
xmlNodePtr NextInOrder(xmlNodePtr n, bool into) {
  if (into && n->children != nullptr) return n->children;
  while (n != nullptr && n->next == nullptr) n = n->parent;
  return n == nullptr ? nullptr : n->next;
}

// The class, id and itemprop of an element, read in one pass over its
// attributes. `class_id` is a buffer reused across elements (so the walk does
// not allocate per element) that receives the start of the class and id,
// joined with a space, when `want_class` is true (class patterns ignore case).
void ReadCommonAttributes(xmlNodePtr n, bool want_class, std::string* class_id,
                          std::string_view* itemprop) {
  class_id->clear();
  *itemprop = {};
  std::string_view cls, id;
  for (xmlAttrPtr a = n->properties; a != nullptr; a = a->next) {
    const char* name = Chars(a->name);
    if (name == nullptr) continue;
    std::string_view* slot = nullptr;
    switch (name[0]) {
      case 'c':
        if (want_class && std::strcmp(name, "class") == 0) slot = &cls;
        break;
      case 'i':
        if (name[1] == 'd' && name[2] == '\0') {
          if (!want_class) continue;
          slot = &id;
        } else if (std::strcmp(name, "itemprop") == 0) {
          slot = itemprop;
        }
        break;
      default:
        break;
    }
    if (slot == nullptr) continue;
    xmlNodePtr c = a->children;
    if (c != nullptr && c->next == nullptr && c->content != nullptr) *slot = Chars(c->content);
  }
  if (cls.empty() && id.empty()) return;
  class_id->append(cls.substr(0, 300));
  class_id->push_back(' ');
  class_id->append(id.substr(0, 100));
}

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

// Class/id and link patterns, compiled once. One RE2 scan per string is much
// cheaper than a dozen substring searches on every element.
struct ElementPatterns {
  // Containers whose bylines, dates and headings are about other pages.
  // Matched at the start of a class or id token, so "has-sidebar" or
  // "no-comments" on a page wrapper does not hide the whole page.
  RE2 off_topic{
      "(?i)(?:^|\\s)(?:related|recommend|comment|sidebar|footer|most-?popular|trending|"
      "newsletter|more-stories|read-?more|outbrain|taboola)"};
  RE2 byline{"(?i)byline|author|writer|contributor|by-line|creator"};
  // Author boxes and bios hold prose about the author, not the byline.
  RE2 byline_exclude{"(?i)bio|avatar|image|photo|img|social|follow|twitter"};
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

// Containers whose bylines, dates and headings are about other pages.
bool IsOffTopicContainer(std::string_view name, std::string_view class_id) {
  if (name == "nav" || name == "aside" || name == "footer") return true;
  // A boolean match runs on RE2's DFA; asking for groups would not.
  return Matches(Patterns().off_topic, class_id);
}

bool IsBylineClass(std::string_view class_id) {
  return Matches(Patterns().byline, class_id) && !Matches(Patterns().byline_exclude, class_id);
}

bool IsAuthorHref(std::string_view href) {
  return Matches(Patterns().author_href, href.substr(0, 300));
}

struct Heading {
  xmlNodePtr node;
  std::string text;
  int order;
  bool off_topic;  // inside a related-content, comment or footer container
};

struct TimeElement {
  std::string datetime;  // the datetime attribute, or the text
  bool pub_hint = false; // pubdate attribute, itemprop, or a "publish" class
  bool mod_hint = false; // itemprop=dateModified or an "update"/"modif" class
  int order;
};

struct TextCandidate {
  std::string text;
  int order;
};

// Everything the walk collects.
struct PageFacts {
  std::string html_lang;
  std::string base_href;
  std::string title_tag;
  std::string canonical;
  // Lower-case key ("og:title", "article:published_time", "author") -> values
  // in document order.
  std::unordered_map<std::string, std::vector<std::string>> meta;
  std::vector<std::string> jsonld;
  std::vector<Heading> h1s;
  std::vector<TimeElement> times;
  std::vector<TextCandidate> itemprop_authors;
  std::string itemprop_published;
  std::string itemprop_modified;
  std::string itemprop_headline;
};

const std::string& FirstMeta(const PageFacts& f, const char* key) {
  static const std::string* empty = new std::string();
  auto it = f.meta.find(key);
  if (it == f.meta.end()) return *empty;
  for (const std::string& v : it->second) {
    if (!v.empty()) return v;
  }
  return *empty;
}

void AddMeta(PageFacts* f, std::string key, std::string value) {
  if (key.empty() || value.empty()) return;
  std::vector<std::string>& values = f->meta[LowerAscii(key)];
  if (values.size() < 8) values.push_back(SqueezeWhitespace(value.substr(0, kMaxFieldBytes)));
}

void AddCandidate(std::vector<TextCandidate>* list, std::string text, int order) {
  if (list->size() >= kMaxCandidates || text.empty()) return;
  list->push_back({std::move(text), order});
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
      std::string text = ElementText(n, kMaxFieldBytes);
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

// Visible author markup in document order from a start node: rel=author
// links, links to author pages, elements with a byline or author class.
// Off-topic containers are skipped. Read only when the structured sources
// and the "By …" line name nobody, so most pages never pay for it.
struct BylineMarkup {
  std::vector<TextCandidate> rel_authors;
  std::vector<TextCandidate> author_links;
  std::vector<TextCandidate> bylines;
};

BylineMarkup ScanBylineMarkup(xmlNodePtr start, size_t max_elements) {
  BylineMarkup m;
  std::string class_id;
  std::string_view itemprop;
  int order = 0;
  for (xmlNodePtr n = start; n != nullptr && static_cast<size_t>(order) < max_elements;) {
    if (n->type != XML_ELEMENT_NODE) {
      n = NextInOrder(n, true);
      continue;
    }
    ++order;
    const std::string_view name = NameOf(n);
    ReadCommonAttributes(n, /*want_class=*/true, &class_id, &itemprop);
    if (name == "script" || name == "style" || name == "svg" || name == "noscript" ||
        name == "template" || IsOffTopicContainer(name, class_id)) {
      n = NextInOrder(n, false);
      continue;
    }
    if (name == "a") {
      if (Contains(AttrView(n, "rel"), "author")) {
        AddCandidate(&m.rel_authors, ElementText(n, kMaxBylineBytes), order);
      } else if (IsAuthorHref(AttrView(n, "href"))) {
        AddCandidate(&m.author_links, ElementText(n, kMaxBylineBytes), order);
      }
    }
    if (IsBylineClass(class_id) && m.bylines.size() < kMaxCandidates) {
      std::string text = BlockText(n, kMaxBylineBytes * 2);
      if (!text.empty() && text.size() <= kMaxBylineBytes) {
        AddCandidate(&m.bylines, std::move(text), order);
      }
    }
    n = NextInOrder(n, true);
  }
  return m;
}

// Walks the document in order without recursion, skipping subtrees that hold
// no metadata and not descending past `max_depth`.
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

// ---------------------------------------------------------------------------
// Fields.

std::string ResolveUrl(const std::string& href, const std::string& base) {
  if (href.empty()) return "";
  std::string h = SqueezeWhitespace(href);
  if (h.compare(0, 2, "//") == 0) {
    const size_t colon = base.find("://");
    h = (colon == std::string::npos ? std::string("https:") : base.substr(0, colon + 1)) + h;
  }
  xmlChar* built = xmlBuildURI(reinterpret_cast<const xmlChar*>(h.c_str()),
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

// Title separators between a headline and a site or section name.
constexpr std::array<std::string_view, 9> kTitleSeparators = {
    " | ", " - ", " \u2013 ", " \u2014 ", " :: ", " \u00b7 ", " \u2022 ", " \u00bb ", " / "};

std::vector<std::string> SplitTitle(const std::string& title) {
  std::vector<std::string> parts;
  size_t from = 0;
  while (true) {
    size_t best = std::string::npos, best_len = 0;
    for (std::string_view sep : kTitleSeparators) {
      const size_t at = title.find(sep, from);
      if (at < best) {
        best = at;
        best_len = sep.size();
      }
    }
    if (best == std::string::npos) break;
    parts.push_back(title.substr(from, best - from));
    from = best + best_len;
  }
  parts.push_back(title.substr(from));
  return parts;
}

size_t WordCount(std::string_view s) {
  size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = c == ' ';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// True when a <title> part names the site rather than the article: it equals
// the site name or host, is a shortening of it, or is a short phrase around it
// ("BBC News", "Sport | nytimes.com").
bool IsSiteLike(const std::string& part, const std::string& site_key, const std::string& host) {
  const std::string key = LooseKey(part);
  if (key.empty()) return true;
  const bool short_part = WordCount(part) <= 4;
  if (!site_key.empty() &&
      (key == site_key || Contains(site_key, key) || (short_part && Contains(key, site_key)))) {
    return true;
  }
  const std::string host_key = LooseKey(host);
  return !host_key.empty() &&
         (Contains(host_key, key) || (short_part && Contains(key, host_key)));
}

// A <title> or og:title without the site (and section) names around it.
std::string StripSiteAffixes(const std::string& title, const std::string& site_name,
                             const std::string& host) {
  std::vector<std::string> parts = SplitTitle(title);
  if (parts.size() == 1) return title;
  const std::string site_key = LooseKey(site_name);
  size_t first = 0, last = parts.size();
  while (last - first > 1 && IsSiteLike(parts[last - 1], site_key, host)) --last;
  while (last - first > 1 && IsSiteLike(parts[first], site_key, host)) ++first;
  // A trailing section name ("... | Family | The Guardian"): short parts after
  // a much longer headline part.
  while (last - first > 1 && WordCount(parts[last - 1]) <= 3 &&
         WordCount(parts[first]) >= 2 * WordCount(parts[last - 1]) + 2 && first + 1 < last &&
         parts[last - 1].size() * 2 < parts[first].size()) {
    --last;
  }
  std::string out = parts[first];
  // Keep separators that are part of the headline ("A - B" where both are long).
  for (size_t i = first + 1; i < last; ++i) out += " | " + parts[i];
  if (last - first > 1) {
    // Re-join with the original text rather than a guessed separator.
    const size_t begin = title.find(parts[first]);
    const size_t end = title.find(parts[last - 1], begin) + parts[last - 1].size();
    if (begin != std::string::npos && end <= title.size()) out = title.substr(begin, end - begin);
  }
  return SqueezeWhitespace(out);
}

// LooseKey(s) together with, for each key byte, the offset of the byte of `s`
// it came from.
std::string KeyWithOffsets(std::string_view s, std::vector<size_t>* offsets) {
  std::string key;
  offsets->clear();
  size_t i = 0;
  while (i < s.size()) {
    size_t len = 1;
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0xF0) {
      len = 4;
    } else if (c >= 0xE0) {
      len = 3;
    } else if (c >= 0xC0) {
      len = 2;
    }
    len = std::min(len, s.size() - i);
    const std::string k = LooseKey(s.substr(i, len));
    for (char kc : k) {
      key += kc;
      offsets->push_back(i);
    }
    i += len;
  }
  return key;
}

// A section label rendered inside the h1 ("Opinion", "News") precedes the
// headline that the metadata states alone: returns the h1 without it when a
// metadata title is exactly the h1's tail and the label is one or two bare
// words (no punctuation but a layout separator "|", so a written kicker like
// "Colleges:" stays);
// otherwise the h1 as it is.
std::string TrimHeadingLabel(const std::string& heading, const std::vector<std::string>& raw_keys) {
  std::vector<size_t> offsets;
  const std::string key = KeyWithOffsets(heading, &offsets);
  for (const std::string& m : raw_keys) {
    if (m.empty() || m.size() >= key.size() || key.compare(key.size() - m.size(), m.size(), m) != 0) {
      continue;
    }
    size_t begin = offsets[key.size() - m.size()];
    while (begin > 0 && heading[begin - 1] != ' ' &&
           LooseKey(heading.substr(begin - 1, 1)).empty()) {
      --begin;
    }
    if (begin == 0 || heading[begin - 1] != ' ') continue;
    std::string_view label = std::string_view(heading).substr(0, begin - 1);
    // A layout separator after the label ("Politics |") is not punctuation.
    while (!label.empty() && (label.back() == '|' || label.back() == '/' || label.back() == ' ')) {
      label.remove_suffix(1);
    }
    if (label.empty() || WordCount(label) > 2) continue;
    bool bare = true;
    for (char c : label) {
      const bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      if (!alnum && c != ' ') bare = false;
    }
    if (bare) return SqueezeWhitespace(std::string_view(heading).substr(begin));
  }
  return heading;
}

// How well a visible heading agrees with a title given in metadata: 3 equal,
// 2 the heading is most of the metadata title, 1 the metadata title is most
// of the heading, 0 unrelated.
int Agreement(const std::string& heading_key, const std::string& meta_key) {
  if (heading_key.empty() || meta_key.empty()) return 0;
  if (heading_key == meta_key) return 3;
  if (Contains(meta_key, heading_key) && heading_key.size() * 2 >= meta_key.size()) return 2;
  if (Contains(heading_key, meta_key) && meta_key.size() * 3 >= heading_key.size() * 2) return 1;
  return 0;
}

// Drops a trailing media label in brackets: "… Finale [Watch]", "… (video)".
std::string StripMediaLabel(const std::string& title) {
  if (title.size() < 4) return title;
  const char close = title.back();
  const char open = close == ')' ? '(' : close == ']' ? '[' : '\0';
  if (open == '\0') return title;
  const size_t at = title.rfind(open);
  if (at == std::string::npos || at == 0 || title[at - 1] != ' ') return title;
  const std::string label = LowerAscii(title.substr(at + 1, title.size() - at - 2));
  static constexpr std::array<std::string_view, 14> kLabels = {
      "watch", "video", "videos", "photo", "photos", "pics", "pictures", "gallery", "listen",
      "audio", "podcast", "poll", "watch video", "photos and video"};
  for (std::string_view l : kLabels) {
    if (label == l) return SqueezeWhitespace(std::string_view(title).substr(0, at));
  }
  return title;
}

std::string ChooseTitle(const PageFacts& f, const JsonLdFacts& ld, const std::string& site_name,
                        const std::string& host, xmlNodePtr* title_node) {
  std::vector<std::string> meta_keys;
  std::vector<std::string> raw_keys;  // without the stripped variants
  // (itemprop=headline is left out: it is usually the h1 itself.)
  for (const std::string* t :
       {&ld.headline, &FirstMeta(f, "og:title"), &FirstMeta(f, "twitter:title"), &f.title_tag,
        &ld.name, &FirstMeta(f, "parsely-title"), &FirstMeta(f, "dc.title"),
        &FirstMeta(f, "sailthru.title"), &ld.page_name}) {
    if (t->empty()) continue;
    meta_keys.push_back(LooseKey(*t));
    raw_keys.push_back(meta_keys.back());
    // The <title>'s headline part alone ("Headline | Section | Site").
    const std::string stripped = StripSiteAffixes(*t, site_name, host);
    if (stripped.size() != t->size()) meta_keys.push_back(LooseKey(stripped));
  }
  // A visible h1 that agrees with the metadata: the page shows it as the
  // headline. h1s in related-content containers count only when no other does.
  for (const bool allow_off_topic : {false, true}) {
    // Ranked by the best agreement, then by how many metadata titles agree.
    int best_score = 0, best_votes = 0;
    const Heading* best = nullptr;
    for (const Heading& h : f.h1s) {
      if (h.off_topic && !allow_off_topic) continue;
      const std::string key = LooseKey(h.text);
      int score = 0, votes = 0;
      for (const std::string& m : meta_keys) {
        const int a = Agreement(key, m);
        score = std::max(score, a);
        votes += a > 0 ? 1 : 0;
      }
      if (score > best_score || (score == best_score && score > 0 && votes > best_votes)) {
        best_score = score;
        best_votes = votes;
        best = &h;
      }
    }
    if (best != nullptr) {
      *title_node = best->node;
      return TrimHeadingLabel(best->text, raw_keys);
    }
  }
  // A single substantial h1 is the headline even when metadata words it
  // differently (metadata titles are often rewritten for search and social).
  std::vector<const Heading*> on_topic;
  for (const Heading& h : f.h1s) {
    if (!h.off_topic) on_topic.push_back(&h);
  }
  if (on_topic.size() == 1 && WordCount(on_topic[0]->text) >= 4) {
    *title_node = on_topic[0]->node;
    return on_topic[0]->text;
  }
  for (const std::string* t : {&ld.headline, &FirstMeta(f, "og:title"),
                               &FirstMeta(f, "twitter:title"), &f.itemprop_headline, &f.title_tag,
                               &ld.name}) {
    if (!t->empty()) return StripSiteAffixes(*t, site_name, host);
  }
  if (!on_topic.empty()) {
    *title_node = on_topic[0]->node;
    return on_topic[0]->text;
  }
  return "";
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

// A plausible date from the first source that has one. `source` names it.
struct DateCandidate {
  std::string iso;
  const char* source;
};

void AddDate(std::vector<DateCandidate>* out, std::string_view raw, const char* source) {
  if (raw.empty()) return;
  std::string iso = NormalizeDate(raw);
  if (!iso.empty()) out->push_back({std::move(iso), source});
}

constexpr std::array<const char*, 30> kPublishedMetaKeys = {
    "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date",
    "dcterms.date", "dcterms.created", "dc.date.created", "citation_publication_date",
    "citation_date", "citation_online_date", "pubdate", "publishdate", "publish-date",
    "publish_date", "published_date", "published-date", "date_published", "datepublished",
    "article.published", "article_date_original", "original-publish-date", "og:published_time",
    "published_time", "release_date", "rnews:datepublished", "displaydate", "date", "dc.created",
    "cxenseparse:recs:publishtime"};

constexpr std::array<const char*, 10> kModifiedMetaKeys = {
    "article:modified_time", "og:updated_time", "og:article:modified_time", "datemodified",
    "dcterms.modified", "dc.date.modified", "last-modified", "lastmod", "sailthru.lastmodified",
    "article.updated"};

// Collapses whitespace like SqueezeWhitespace, but a run that holds a
// newline becomes one "\n", so block boundaries survive.
std::string CollapseKeepingLines(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false, newline = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool nbsp = static_cast<unsigned char>(c) == 0xC2 && i + 1 < s.size() &&
                      static_cast<unsigned char>(s[i + 1]) == 0xA0;
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\n' || nbsp) {
      if (nbsp) ++i;
      space = true;
      newline = newline || c == '\n';
      continue;
    }
    if (space && !out.empty()) out += newline ? '\n' : ' ';
    space = newline = false;
    out += c;
  }
  return out;
}

bool IsBlockElement(std::string_view name) {
  static constexpr std::array<std::string_view, 24> kBlocks = {
      "div", "p", "li", "ul", "ol", "section", "header", "article", "h1", "h2", "h3", "h4",
      "h5", "h6", "br", "figure", "table", "tr", "td", "dd", "dt", "blockquote", "address",
      "footer"};
  for (std::string_view b : kBlocks) {
    if (name == b) return true;
  }
  return false;
}

// Visible text after the headline, up to `limit` bytes, one line per block
// element: where bylines say "By …", "Published …", "Updated …".
std::string TextAfterHeadline(xmlNodePtr title_node, size_t limit) {
  if (title_node == nullptr) return "";
  auto is_block = [](xmlNodePtr e) {
    return e != nullptr && e->type == XML_ELEMENT_NODE && IsBlockElement(NameOf(e));
  };
  std::string raw;
  int steps = 0;
  xmlNodePtr n = NextInOrder(title_node, false);
  while (n != nullptr && raw.size() < limit && ++steps < 3000) {
    bool into = true;
    if (n->type == XML_TEXT_NODE && n->content != nullptr) {
      // Inline neighbours ("Jane Roe</a><span>Dec 5, 2023") are separate words.
      raw += Chars(n->content);
      raw += ' ';
    } else if (n->type == XML_ELEMENT_NODE) {
      const std::string_view name = NameOf(n);
      into = name != "script" && name != "style" && name != "noscript" && name != "svg" &&
             name != "figcaption" && name != "template" && name != "button";
      if (IsBlockElement(name)) raw += '\n';
    }
    if (into && n->children != nullptr) {
      n = n->children;
      continue;
    }
    // Leaving a block element (this one or an ancestor) ends a line.
    if (is_block(n)) raw += '\n';
    while (n != nullptr && n->next == nullptr) {
      n = n->parent;
      if (is_block(n)) raw += '\n';
    }
    if (n != nullptr) n = n->next;
  }
  return CollapseKeepingLines(raw);
}

// Visible text just before the headline, its last `limit` bytes: the lines a
// page puts above its h1 ("Last updated: Dec 12, 2025", a dateline, a kicker).
std::string TextBeforeHeadline(xmlNodePtr title_node, size_t limit) {
  std::string text;
  for (xmlNodePtr a = title_node; a != nullptr && a->type == XML_ELEMENT_NODE && text.size() < limit;
       a = a->parent) {
    for (xmlNodePtr s = a->prev; s != nullptr && text.size() < limit; s = s->prev) {
      std::string t;
      if (s->type == XML_TEXT_NODE && s->content != nullptr) {
        t = Chars(s->content);
      } else if (s->type == XML_ELEMENT_NODE) {
        const std::string_view name = NameOf(s);
        if (name == "script" || name == "style" || name == "template" || name == "noscript") continue;
        t = ElementText(s, 4 * limit);
      }
      if (!t.empty()) text = t + "\n" + text;
    }
  }
  if (text.size() > limit) text.erase(0, text.size() - limit);
  return text;
}

// The label just before a date shown in a byline: 'p' for "Published",
// "Posted", "First published"; 'u' for "Updated", "Modified"; 0 for none.
char DateLabel(std::string_view text, size_t offset) {
  const size_t from = offset > 24 ? offset - 24 : 0;
  const std::string before = LowerAscii(text.substr(from, offset - from));
  // Last position of either word, or -1.
  auto last = [&before](const char* a, const char* b) {
    const size_t x = before.rfind(a), y = before.rfind(b);
    const int64_t xi = x == std::string::npos ? -1 : static_cast<int64_t>(x);
    const int64_t yi = y == std::string::npos ? -1 : static_cast<int64_t>(y);
    return std::max(xi, yi);
  };
  const int64_t p = last("publish", "posted");
  const int64_t u = last("updat", "modif");
  if (p < 0 && u < 0) return 0;
  return p > u ? 'p' : 'u';
}

// The date the page shows under its headline. A date labelled "Published"
// wins; otherwise the first shown date a structured source confirms. Either
// is returned as the structured value of the same day (it keeps the time and
// zone), or as shown when it is the local day of a UTC time.
std::string ShownDate(std::string_view text, const std::vector<DateCandidate>& structured) {
  const std::vector<TextDate> shown = FindDatesInText(text, 4);
  auto confirm = [&structured](const std::string& v) -> std::string {
    for (const DateCandidate& c : structured) {
      if (SameDay(v, c.iso)) return c.iso;
    }
    for (const DateCandidate& c : structured) {
      const int64_t diff = DayDifference(c.iso, v);
      if (c.iso.size() > 10 && c.iso.back() == 'Z' && (diff == 1 || diff == -1)) return v;
    }
    return "";
  };
  for (const TextDate& d : shown) {
    if (DateLabel(text, d.offset) == 'p') {
      const std::string confirmed = confirm(d.iso);
      return confirmed.empty() ? d.iso : confirmed;
    }
  }
  for (const TextDate& d : shown) {
    std::string confirmed = confirm(d.iso);
    if (!confirmed.empty()) return confirmed;
  }
  return "";
}

void ChooseDates(const PageFacts& f, const JsonLdFacts& ld, const std::string& page_url,
                 const std::string& canonical, int title_order, xmlNodePtr title_node,
                 const std::string& text_after_headline, Article* article) {
  std::vector<DateCandidate> published;
  AddDate(&published, ld.date_published, "jsonld");
  for (const char* key :
       {"article:published_time", "og:article:published_time", "article:published",
        "article.published_time"}) {
    AddDate(&published, FirstMeta(f, key), "meta-article");
  }
  AddDate(&published, f.itemprop_published, "itemprop");
  for (const char* key : kPublishedMetaKeys) AddDate(&published, FirstMeta(f, key), "meta");
  AddDate(&published, ld.page_date_published, "jsonld-page");
  // <time>: one marked as the publication time, else the first after the headline.
  for (const TimeElement& t : f.times) {
    if (t.pub_hint) AddDate(&published, t.datetime, "time-pub");
  }
  for (const TimeElement& t : f.times) {
    if (!t.mod_hint && t.order > title_order) AddDate(&published, t.datetime, "time");
  }
  std::string url_date = FindDateInUrl(page_url);
  if (url_date.empty()) url_date = FindDateInUrl(canonical);
  if (!url_date.empty()) published.push_back({url_date, "url"});

  std::vector<DateCandidate> modified;
  AddDate(&modified, ld.date_modified, "jsonld");
  for (const char* key : kModifiedMetaKeys) AddDate(&modified, FirstMeta(f, key), "meta");
  AddDate(&modified, f.itemprop_modified, "itemprop");
  AddDate(&modified, ld.page_date_modified, "jsonld-page");
  for (const TimeElement& t : f.times) {
    if (t.mod_hint) AddDate(&modified, t.datetime, "time-mod");
  }

  // The first source wins; but a UTC time restated by another source with
  // the page's local offset is given in that offset, so its calendar day is
  // the one readers saw.
  auto pick = [](const std::vector<DateCandidate>& list) -> std::string {
    if (list.empty()) return "";
    const std::string& first = list.front().iso;
    int64_t t0 = 0;
    if (first.size() > 10 && first.back() == 'Z' && IsoToUnixSeconds(first, &t0)) {
      for (const DateCandidate& c : list) {
        int64_t t = 0;
        if (HasLocalOffset(c.iso) && IsoToUnixSeconds(c.iso, &t) && t - t0 <= 120 &&
            t0 - t <= 120) {
          return c.iso;
        }
      }
    }
    return first;
  };
  const std::string& shown_text = text_after_headline;
  std::vector<DateCandidate> structured = published;
  structured.insert(structured.end(), modified.begin(), modified.end());
  article->published = ShownDate(shown_text, structured);
  if (article->published.empty()) article->published = pick(published);
  // Without any structured date, the first date shown under the headline.
  if (article->published.empty()) article->published = FindDateInText(shown_text);
  if (article->published.empty()) {
    for (const TimeElement& t : f.times) {
      article->published = NormalizeDate(t.datetime);
      if (!article->published.empty()) break;
    }
  }
  // Last, the date nearest above the headline: some templates put the date
  // line ("Last updated: Dec 12, 2025") over the h1 rather than under it.
  if (article->published.empty()) {
    const std::string above = TextBeforeHeadline(title_node, 300);
    const std::vector<TextDate> dates = FindDatesInText(above, 8);
    if (!dates.empty()) article->published = dates.back().iso;
  }
  article->modified = pick(modified);
  // Without a structured one, the date shown after an "Updated" label.
  if (article->modified.empty()) {
    for (const TextDate& d : FindDatesInText(shown_text, 4)) {
      if (DateLabel(shown_text, d.offset) == 'u') {
        article->modified = d.iso;
        break;
      }
    }
  }
}

// The names of a "By …" byline in the text under the headline: the text
// after the first "By" within `window` bytes, as NormalizeAuthors cuts it.
std::vector<std::string> BylineNames(const std::string& text, const std::string& site_name,
                                     size_t window) {
  // "By" opening a line (a block element) or following a separator; "ByJane"
  // when the label and the name are separate inline elements.
  static const RE2* by = new RE2(
      "(?m)(?:^|[|·•])[ \\t]*(?:(?i:(?:written|words|story|reporting|text)\\s+)?(?i:by)\\b"
      "[: \\t\\n]*|By)([^\\n]{1,200})");
  // "posted on 2023-12-19 by Jane Roe", "Photos and Story By Jane Roe".
  static const RE2* labelled_by = new RE2(
      "(?m)^[^\\n]{0,80}\\b(?i:posted|published|written|story|words|reporting)\\b[^\\n]{0,60}?"
      "\\b(?i:by)[: \\t]+([A-Z][^\\n]{1,200})");
  const std::string_view head = std::string_view(text).substr(0, window);
  const re2::StringPiece head_piece(head.data(), head.size());
  re2::StringPiece rest;
  if (!RE2::PartialMatch(head_piece, *by, &rest) &&
      !RE2::PartialMatch(head_piece, *labelled_by, &rest)) {
    return {};
  }
  // The line after "By", and the lines that continue its list of names
  // (inline links often end up on lines of their own).
  size_t start = static_cast<size_t>(rest.data() - text.data());
  std::string line;
  for (int lines = 0; lines < 8 && start < text.size() && line.size() < 200; ++lines) {
    const size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view next = std::string_view(text).substr(start, end - start);
    const bool continues = line.empty() || line.back() == ',' || line.back() == '&' ||
                           next.front() == ',' || next.front() == '&' ||
                           next.substr(0, 4) == "and " || next == "and" ||
                           (line.size() >= 4 && line.compare(line.size() - 4, 4, " and") == 0) ||
                           line == "and";
    if (!continues) break;
    if (!line.empty()) line += ' ';
    line += next;
    start = end + 1;
  }
  // Names start with a capital (or a non-ASCII letter); "by the way" does not.
  if (line.empty() ||
      !((line[0] >= 'A' && line[0] <= 'Z') || static_cast<unsigned char>(line[0]) >= 0x80)) {
    return {};
  }
  bool organisations_only = false;
  std::vector<std::string> names =
      NormalizeAuthors({line.substr(0, 300)}, site_name, &organisations_only);
  return organisations_only ? std::vector<std::string>() : names;
}

bool SharesName(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (const std::string& x : a) {
    const std::string kx = LooseKey(x);
    for (const std::string& y : b) {
      if (kx == LooseKey(y)) return true;
    }
  }
  return false;
}

// Authors from the first source naming a person, in this order: JSON-LD,
// author <meta> tags, then visible markup near the headline (a "By …" line,
// itemprop=author, rel=author, author-page links, byline classes). A visible
// "By …" line that shares a name with the structured list replaces it: the
// page shows who wrote it (structured lists often add editors or drop
// co-authors). A source naming only organisations is kept as the fallback.
std::vector<std::string> ChooseAuthors(xmlDocPtr doc, const PageFacts& f, const JsonLdFacts& ld,
                                       const std::string& site_name, xmlNodePtr title_node,
                                       int title_order, const std::string& text_after_headline) {
  std::vector<std::string> organisations;
  auto from = [&site_name, &organisations](const std::vector<std::string>& raw) {
    bool organisations_only = false;
    std::vector<std::string> names = NormalizeAuthors(raw, site_name, &organisations_only);
    if (organisations_only) {
      if (organisations.empty()) organisations = std::move(names);
      return std::vector<std::string>();
    }
    return names;
  };
  // Visible candidates nearest after the headline (or the first ones).
  auto near_title = [title_order](const std::vector<TextCandidate>& list) {
    std::vector<std::string> raw;
    const TextCandidate* first_after = nullptr;
    for (const TextCandidate& c : list) {
      if (c.order > title_order) {
        first_after = &c;
        break;
      }
    }
    const TextCandidate* anchor = first_after != nullptr ? first_after
                                  : list.empty()         ? nullptr
                                                         : &list.front();
    if (anchor == nullptr) return raw;
    // Names listed together ("A, B and C" as separate links) sit close together.
    for (const TextCandidate& c : list) {
      if (c.order >= anchor->order && c.order <= anchor->order + 40) raw.push_back(c.text);
    }
    return raw;
  };
  const std::vector<std::string> byline = BylineNames(text_after_headline, site_name, 600);
  std::vector<std::string> structured = from(ld.authors);
  for (const char* key : {"author", "article:author", "dc.creator", "parsely-author",
                          "sailthru.author", "byl", "dcterms.creator", "citation_author",
                          "og:article:author", "twitter:creator"}) {
    if (!structured.empty()) break;
    auto it = f.meta.find(key);
    if (it != f.meta.end()) structured = from(it->second);
  }
  if (!structured.empty()) {
    return !byline.empty() && SharesName(byline, structured) ? byline : structured;
  }
  if (!byline.empty()) return byline;
  std::vector<std::string> authors = from(near_title(f.itemprop_authors));
  if (!authors.empty()) return authors;
  const BylineMarkup markup = ScanBylineMarkup(
      title_node != nullptr ? title_node : xmlDocGetRootElement(doc), 1500);
  for (const std::vector<TextCandidate>* list :
       {&markup.rel_authors, &markup.author_links, &markup.bylines}) {
    authors = from(near_title(*list));
    if (!authors.empty()) return authors;
  }
  return organisations;
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
  return lang;
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

}  // namespace

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
  article->title = StripMediaLabel(ChooseTitle(f, ld, article->site_name, host, &title_node));
  int title_order = -1;
  for (const Heading& h : f.h1s) {
    if (h.node == title_node) title_order = h.order;
  }
  // Bylines and their dates sit right under the headline.
  const std::string text_after_headline = TextAfterHeadline(title_node, 1000);
  ChooseDates(f, ld, page_url, article->canonical_url, title_order, title_node,
              text_after_headline, article);
  article->authors = ChooseAuthors(doc, f, ld, article->site_name, title_node, title_order,
                                   text_after_headline);
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
