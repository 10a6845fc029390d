// Copyright 2026 The libdiff Authors.
//
// Reading libxml2 nodes for metadata: attributes without copies, the
// collapsed text of an element, and the visible lines around the headline
// where bylines and dates sit. Private to libdiff's extract stage.
//
// Thread safety: pure functions over a document that is not modified; safe
// to call concurrently.
#ifndef LIBDIFF_SRC_EXTRACT_META_DOM_H_
#define LIBDIFF_SRC_EXTRACT_META_DOM_H_

#include <libxml/tree.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace libdiff::internal {

inline constexpr size_t kMaxFieldBytes = 2000;  // longer metadata values are cut
inline constexpr size_t kMaxBylineBytes = 400;  // a byline element longer than this is prose
inline constexpr size_t kMaxTextSteps = 2000;   // nodes one element's text may visit
inline constexpr size_t kMaxPageTextSteps = 8000;  // nodes a whole page's text may visit

inline const char* Chars(const xmlChar* s) { return reinterpret_cast<const char*>(s); }

// The element's name, or "" for a node without one.
std::string_view NameOf(xmlNodePtr n);

// `s` with ASCII letters in lower case.
std::string LowerAscii(std::string_view s);

// Collapses runs of whitespace (ASCII, '\v' included, and U+00A0) into one
// space and trims. Metadata text and JSON-LD strings both go through it.
// (Named apart from util/text.h's CollapseWhitespace so both can link into
// one library.)
std::string SqueezeWhitespace(std::string_view s);

inline bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

// The value of attribute `name` (lower case, as the HTML parser stores names),
// or "" when absent.
std::string Attr(xmlNodePtr n, const char* name);

// The value of attribute `name` without copying; "" when absent or when the
// parser stored it in pieces. Valid while the document lives.
std::string_view AttrView(xmlNodePtr n, const char* name);

bool HasAttr(xmlNodePtr n, const char* name);

// Collapsed text of an element's subtree, skipping scripts and styles, cut
// after about `limit` bytes.
std::string ElementText(xmlNodePtr root, size_t limit);

// ElementText of a headline, without the <time> elements and the h2-h6
// nested in it.
std::string HeadingText(xmlNodePtr root, size_t limit);

// Raw text of an element's subtree with newlines between block elements.
std::string BlockText(xmlNodePtr root, size_t limit);

// BlockText of a whole page (kMaxPageTextSteps nodes rather than
// kMaxTextSteps): for the labels searched anywhere in it, read only when no
// other source gives the field.
std::string PageBlockText(xmlNodePtr root, size_t limit);

// The next node in document order after `n`'s subtree (or its first child when
// `into` is true); nullptr at the end.
xmlNodePtr NextInOrder(xmlNodePtr n, bool into);

// Reads the class, id and itemprop of an element in one pass (see metadata
// walk); `class_id` receives "class id" when `want_class` is true.
void ReadCommonAttributes(xmlNodePtr n, bool want_class, std::string* class_id,
                          std::string_view* itemprop);

// Visible text after the headline, up to `limit` bytes, one line per block
// element; "" when `title_node` is null.
std::string TextAfterHeadline(xmlNodePtr title_node, size_t limit);

// The offset of the first `label` in `text` at or after `from` that starts a
// word (no letter right before it), or npos. Case-sensitive: a capitalised
// label ("Published", "Written by") is a label, prose writes it in lower case.
size_t FindAtWordStart(std::string_view text, std::string_view label, size_t from);

// On a page without an h1: the first h2-h6, p or text-only element whose text
// is `title` (compared by LooseKey), which then marks where the article
// starts; nullptr when there is none.
xmlNodePtr FindHeadlineElement(xmlDocPtr doc, const std::string& title);

// Visible text just before the headline, its last `limit` bytes.
std::string TextBeforeHeadline(xmlNodePtr title_node, size_t limit);

}  // namespace libdiff::internal

#endif  // LIBDIFF_SRC_EXTRACT_META_DOM_H_
