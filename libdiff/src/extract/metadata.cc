// Copyright 2026 The libdiff Authors.
//
// One walk over the document collects every metadata source (<meta>, <link>,
// JSON-LD, h1, <time>, itemprop, bylines); each field then takes the first
// source in its documented order (docs/metadata.md). Nothing is serialised:
// only the few elements that matter have their text read.

#include "extract/metadata.h"

#include <libxml/uri.h>

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
  while (n != nullptr && raw.size() < limit) {
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
  return CollapseWhitespace(raw);
}

// Raw text with newlines kept between block elements (for bylines, whose
// lines often separate the names from dates).
std::string BlockText(xmlNodePtr root, size_t limit) {
  std::string raw;
  xmlNodePtr n = root->children;
  while (n != nullptr && raw.size() < limit) {
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

// Class and id tokens, lower case, joined with spaces.
std::string ClassAndId(xmlNodePtr n) {
  std::string s = Attr(n, "class");
  const std::string id = Attr(n, "id");
  if (!id.empty()) {
    s += ' ';
    s += id;
  }
  return LowerAscii(s);
}

// Containers whose bylines, dates and headings are about other pages.
bool IsOffTopicContainer(std::string_view name, std::string_view class_id) {
  if (name == "nav" || name == "aside" || name == "footer") return true;
  if (class_id.empty()) return false;
  static constexpr std::array<std::string_view, 14> kTokens = {
      "related", "recommend", "comment", "sidebar", "footer", "most-popular", "mostpopular",
      "trending", "newsletter", "more-stories", "read-more", "readmore", "outbrain", "taboola"};
  for (std::string_view t : kTokens) {
    if (Contains(class_id, t)) return true;
  }
  return false;
}

bool IsBylineClass(std::string_view class_id) {
  if (class_id.empty()) return false;
  // Author boxes and bios hold prose about the author, not the byline.
  if (Contains(class_id, "bio") || Contains(class_id, "avatar") || Contains(class_id, "image") ||
      Contains(class_id, "photo") || Contains(class_id, "img") || Contains(class_id, "social") ||
      Contains(class_id, "follow") || Contains(class_id, "twitter")) {
    return false;
  }
  return Contains(class_id, "byline") || Contains(class_id, "author") ||
         Contains(class_id, "writer") || Contains(class_id, "contributor") ||
         Contains(class_id, "by-line") || Contains(class_id, "creator");
}

bool IsAuthorHref(std::string_view href) {
  const std::string h = LowerAscii(href.substr(0, 300));
  return Contains(h, "/author/") || Contains(h, "/authors/") || Contains(h, "/profile/") ||
         Contains(h, "/people/") || Contains(h, "/staff/") || Contains(h, "/contributor/") ||
         Contains(h, "/contributors/") || Contains(h, "/by/") || Contains(h, "/writers/") ||
         Contains(h, "/journalist/") || Contains(h, "/reporter/") || Contains(h, "/columnist/") ||
         Contains(h, "/team/") || Contains(h, "author=");
}

struct Heading {
  xmlNodePtr node;
  std::string text;
  int order;
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
  std::vector<TextCandidate> rel_authors;
  std::vector<TextCandidate> author_links;
  std::vector<TextCandidate> bylines;
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
  if (values.size() < 8) values.push_back(CollapseWhitespace(value.substr(0, kMaxFieldBytes)));
}

void AddCandidate(std::vector<TextCandidate>* list, std::string text, int order) {
  if (list->size() >= kMaxCandidates || text.empty()) return;
  list->push_back({std::move(text), order});
}

// Records what `n` (an element) tells about the page.
void VisitElement(xmlNodePtr n, int order, bool off_topic, PageFacts* f) {
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

  const std::string itemprop = Attr(n, "itemprop");
  if (!itemprop.empty()) {
    if (itemprop == "datePublished" || itemprop == "dateModified" || itemprop == "dateCreated") {
      std::string v = Attr(n, "datetime");
      if (v.empty()) v = Attr(n, "content");
      if (v.empty()) v = ElementText(n, 200);
      std::string& slot = itemprop == "dateModified" ? f->itemprop_modified : f->itemprop_published;
      if (slot.empty() && !off_topic) slot = v;
    } else if (itemprop == "headline" && f->itemprop_headline.empty() && !off_topic) {
      f->itemprop_headline = Attr(n, "content");
      if (f->itemprop_headline.empty()) f->itemprop_headline = ElementText(n, kMaxFieldBytes);
    } else if ((itemprop == "author" || itemprop == "creator") && !off_topic) {
      // The name is a nested itemprop=name, or the element's own text.
      std::string text;
      for (xmlNodePtr c = NextInOrder(n, true); c != nullptr && c != NextInOrder(n, false);
           c = NextInOrder(c, true)) {
        if (c->type == XML_ELEMENT_NODE && Attr(c, "itemprop") == "name") {
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
  if (off_topic) return;

  if (name == "h1") {
    if (f->h1s.size() < 16) {
      std::string text = ElementText(n, kMaxFieldBytes);
      if (!text.empty()) f->h1s.push_back({n, std::move(text), order});
    }
    return;
  }
  if (name == "time" && f->times.size() < kMaxCandidates) {
    TimeElement t;
    t.datetime = Attr(n, "datetime");
    if (t.datetime.empty()) t.datetime = ElementText(n, 200);
    const std::string cls = ClassAndId(n);
    t.pub_hint = HasAttr(n, "pubdate") || itemprop == "datePublished" || Contains(cls, "publish") ||
                 Contains(cls, "entry-date") || Contains(cls, "pubdate") ||
                 Contains(cls, "posted");
    t.mod_hint = itemprop == "dateModified" || Contains(cls, "updat") || Contains(cls, "modif");
    t.order = order;
    f->times.push_back(std::move(t));
    return;
  }
  if (name == "a") {
    const std::string rel = LowerAscii(Attr(n, "rel"));
    if (Contains(rel, "author")) {
      AddCandidate(&f->rel_authors, ElementText(n, kMaxBylineBytes), order);
    } else if (IsAuthorHref(Attr(n, "href"))) {
      AddCandidate(&f->author_links, ElementText(n, kMaxBylineBytes), order);
    }
  }
  const std::string class_id = ClassAndId(n);
  if (IsBylineClass(class_id) && f->bylines.size() < kMaxCandidates) {
    std::string text = BlockText(n, kMaxBylineBytes * 2);
    if (!text.empty() && text.size() <= kMaxBylineBytes) {
      AddCandidate(&f->bylines, std::move(text), order);
    }
  }
}

// Walks the document in order without recursion, skipping subtrees that hold
// no metadata and not descending past `max_depth`.
void CollectFacts(xmlDocPtr doc, int max_depth, PageFacts* f) {
  xmlNodePtr n = xmlDocGetRootElement(doc);
  int depth = 0;
  int order = 0;
  xmlNodePtr off_topic_root = nullptr;
  while (n != nullptr) {
    bool descend = false;
    if (n->type == XML_ELEMENT_NODE) {
      const std::string_view name = NameOf(n);
      if (off_topic_root == nullptr && name != "html" && name != "body" &&
          IsOffTopicContainer(name, ClassAndId(n))) {
        off_topic_root = n;
      }
      VisitElement(n, order++, off_topic_root != nullptr, f);
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
  std::string h = CollapseWhitespace(href);
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

bool IsSiteLike(const std::string& part, const std::string& site_key, const std::string& host) {
  const std::string key = LooseKey(part);
  if (key.empty()) return true;
  if (!site_key.empty() && (key == site_key || Contains(site_key, key) || Contains(key, site_key))) {
    return true;
  }
  std::string host_key = LooseKey(host);
  return !host_key.empty() && (Contains(host_key, key) || Contains(key, host_key));
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
  return CollapseWhitespace(out);
}

// How well a visible heading agrees with a title given in metadata: 3 equal,
// 2 the heading is most of the metadata title, 1 the metadata title is most
// of the heading, 0 unrelated.
int Agreement(const std::string& heading_key, const std::string& meta_title) {
  const std::string meta_key = LooseKey(meta_title);
  if (heading_key.empty() || meta_key.empty()) return 0;
  if (heading_key == meta_key) return 3;
  if (Contains(meta_key, heading_key) && heading_key.size() * 2 >= meta_key.size()) return 2;
  if (Contains(heading_key, meta_key) && meta_key.size() * 3 >= heading_key.size() * 2) return 1;
  return 0;
}

std::string ChooseTitle(const PageFacts& f, const JsonLdFacts& ld, const std::string& site_name,
                        const std::string& host, xmlNodePtr* title_node) {
  std::vector<std::string> meta_titles;
  for (const std::string* t :
       {&ld.headline, &FirstMeta(f, "og:title"), &FirstMeta(f, "twitter:title"), &f.title_tag,
        &ld.name, &f.itemprop_headline, &FirstMeta(f, "parsely-title"),
        &FirstMeta(f, "dc.title"), &FirstMeta(f, "sailthru.title"), &ld.page_name}) {
    if (!t->empty()) meta_titles.push_back(*t);
  }
  // A visible h1 that agrees with the metadata: the page shows it as the headline.
  int best_score = 0;
  const Heading* best = nullptr;
  for (const Heading& h : f.h1s) {
    const std::string key = LooseKey(h.text);
    for (const std::string& m : meta_titles) {
      const int s = Agreement(key, m);
      if (s > best_score) {
        best_score = s;
        best = &h;
      }
    }
  }
  if (best != nullptr) {
    *title_node = best->node;
    return best->text;
  }
  // A single substantial h1 is the headline even when metadata words it
  // differently (metadata titles are often rewritten for search and social).
  if (f.h1s.size() == 1 && WordCount(f.h1s[0].text) >= 4) {
    *title_node = f.h1s[0].node;
    return f.h1s[0].text;
  }
  for (const std::string* t : {&ld.headline, &FirstMeta(f, "og:title"),
                               &FirstMeta(f, "twitter:title"), &f.itemprop_headline, &f.title_tag,
                               &ld.name}) {
    if (!t->empty()) return StripSiteAffixes(*t, site_name, host);
  }
  if (!f.h1s.empty()) {
    *title_node = f.h1s[0].node;
    return f.h1s[0].text;
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
      return CollapseWhitespace(last);
    }
    if (!key.empty() && WordCount(last) <= 4) return CollapseWhitespace(last);
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

// Visible text after the headline, up to `limit` bytes: where bylines say
// "Published …" / "Updated …".
std::string TextAfterHeadline(xmlNodePtr title_node, size_t limit) {
  if (title_node == nullptr) return "";
  std::string raw;
  int steps = 0;
  for (xmlNodePtr n = NextInOrder(title_node, false); n != nullptr && raw.size() < limit &&
                                                      ++steps < 3000;) {
    bool into = true;
    if (n->type == XML_TEXT_NODE && n->content != nullptr) {
      raw += Chars(n->content);
      raw += ' ';
    } else if (n->type == XML_ELEMENT_NODE) {
      const std::string_view name = NameOf(n);
      into = name != "script" && name != "style" && name != "noscript" && name != "svg" &&
             name != "figcaption" && name != "template";
    }
    n = NextInOrder(n, into);
  }
  return CollapseWhitespace(raw);
}

// The date the page shows under its headline, when a structured source
// confirms it: the structured value of the same day (it keeps the time and
// zone), or the shown date itself when it is the local day of a UTC time.
std::string ShownDate(const std::vector<std::string>& shown,
                      const std::vector<DateCandidate>& structured) {
  for (const std::string& v : shown) {
    for (const DateCandidate& c : structured) {
      if (SameDay(v, c.iso)) return c.iso;
    }
    for (const DateCandidate& c : structured) {
      const int64_t diff = DayDifference(c.iso, v);
      if (c.iso.size() > 10 && c.iso.back() == 'Z' && (diff == 1 || diff == -1)) return v;
    }
  }
  return "";
}

void ChooseDates(const PageFacts& f, const JsonLdFacts& ld, const std::string& page_url,
                 const std::string& canonical, int title_order, xmlNodePtr title_node,
                 Article* article) {
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
  const std::vector<std::string> shown =
      FindDatesInText(TextAfterHeadline(title_node, 1000), 3);
  std::vector<DateCandidate> structured = published;
  structured.insert(structured.end(), modified.begin(), modified.end());
  article->published = ShownDate(shown, structured);
  if (article->published.empty()) article->published = pick(published);
  if (article->published.empty() && !shown.empty()) article->published = shown.front();
  if (article->published.empty()) {
    for (const TimeElement& t : f.times) {
      article->published = NormalizeDate(t.datetime);
      if (!article->published.empty()) break;
    }
  }
  article->modified = pick(modified);
}

std::vector<std::string> ChooseAuthors(const PageFacts& f, const JsonLdFacts& ld,
                                       const std::string& site_name, int title_order) {
  auto from = [&site_name](const std::vector<std::string>& raw) {
    return NormalizeAuthors(raw, site_name);
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
  std::vector<std::string> authors = from(ld.authors);
  if (!authors.empty()) return authors;
  for (const char* key : {"author", "article:author", "dc.creator", "parsely-author",
                          "sailthru.author", "byl", "dcterms.creator", "citation_author",
                          "og:article:author", "twitter:creator"}) {
    auto it = f.meta.find(key);
    if (it == f.meta.end()) continue;
    authors = from(it->second);
    if (!authors.empty()) return authors;
  }
  for (const std::vector<TextCandidate>* list :
       {&f.itemprop_authors, &f.rel_authors, &f.author_links, &f.bylines}) {
    authors = from(near_title(*list));
    if (!authors.empty()) return authors;
  }
  return authors;
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
  lang = CollapseWhitespace(lang.substr(0, lang.find_first_of(",;")));
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
  article->title = ChooseTitle(f, ld, article->site_name, host, &title_node);
  int title_order = -1;
  for (const Heading& h : f.h1s) {
    if (h.node == title_node) title_order = h.order;
  }
  ChooseDates(f, ld, page_url, article->canonical_url, title_order, title_node, article);
  article->authors = ChooseAuthors(f, ld, article->site_name, title_order);
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
