// Copyright 2026 The libdiff Authors.
//
// The metadata walk: one pass over the document collects every source a
// field may be taken from (<meta>, <link>, JSON-LD scripts, h1s, <time>,
// itemprop) into PageFacts. Only the few elements that matter have their text
// read. Private to libdiff's extract stage.
//
// Thread safety: CollectFacts keeps no state between calls (its patterns are
// compiled once, thread-safely); it may run concurrently on different
// documents.
#ifndef LIBDIFF_SRC_EXTRACT_META_PAGE_H_
#define LIBDIFF_SRC_EXTRACT_META_PAGE_H_

#include <libxml/tree.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace libdiff::internal {

inline constexpr size_t kMaxCandidates = 64;  // per kind, against pages with thousands of links

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

// The first non-empty value of <meta> key `key` (lower case), or "".
const std::string& FirstMeta(const PageFacts& f, const char* key);

// Appends a candidate unless `text` is empty or the list is full.
void AddCandidate(std::vector<TextCandidate>* list, std::string text, int order);

// Containers whose bylines, dates and headings are about other pages
// (`class_id` as ReadCommonAttributes gives it).
bool IsOffTopicContainer(std::string_view name, std::string_view class_id);

// A class or id that marks a byline (and not an author bio or avatar).
bool IsBylineClass(std::string_view class_id);

// A link to an author's page ("/author/jane-roe", "?author=12").
bool IsAuthorHref(std::string_view href);

// Walks the document in order without recursion, skipping subtrees that hold
// no metadata and not descending past `max_depth`.
void CollectFacts(xmlDocPtr doc, int max_depth, PageFacts* f);

}  // namespace libdiff::internal

#endif  // LIBDIFF_SRC_EXTRACT_META_PAGE_H_
