// Copyright 2026 The libdiff Authors.
//
// Parsing HTML into a libxml2 tree, safely: recovering from any markup, no
// network, no external entities, nothing printed. Private to libdiff.
//
// Thread safety: ParseHtml may be called concurrently (libxml2 is initialised
// once, and each call uses its own parser context).
#ifndef LIBDIFF_SRC_EXTRACT_HTML_PARSER_H_
#define LIBDIFF_SRC_EXTRACT_HTML_PARSER_H_

#include <libxml/HTMLparser.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace libdiff::internal {

struct XmlDocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using XmlDocument = std::unique_ptr<xmlDoc, XmlDocFree>;

// Parses `utf8` (well-formed UTF-8; any <meta charset> in it is ignored) with
// libxml2's HTML parser. libxml2 stops descending at 256 nested elements and
// keeps what it parsed up to there. Returns null only when libxml2 could not
// build a document at all (e.g. empty input).
// REQUIRES: utf8.size() <= INT_MAX
XmlDocument ParseHtml(std::string_view utf8, const std::string& url);

// Empties the bodies of <script>, <style>, <svg>, <noscript> and <template>
// elements in `html` in place, keeping the tags themselves and the bodies of
// JSON-LD scripts (type="application/ld+json") and of Next.js page data
// (id="__NEXT_DATA__", the body of last resort), and removes comments. A
// script ends at the first "</script", as in a browser (an <svg> at the first
// "</svg", and so on). libxml2 reads script bodies and comments a character at
// a time, and scripts are often half of a news page's bytes; inline SVG icons
// are another sixth of what is left. Nothing downstream reads any of these.
// Attribute names that begin with '@' (Alpine.js, Vue: `@click="..."`), which
// libxml2 cannot parse, are renamed to begin with '_'. Attributes no reader of
// the tree looks for are removed from start tags: data-* (framework state,
// often whole JSON documents), event handlers (on*), srcset and sizes, a
// sixth of the bytes libxml2 read of the NAEB pages. A reader that needs one of
// these must take it off that list (html_parser.cc, IsUnreadAttribute). The
// removal follows libxml2's reading of a tag and stops at the first thing it
// does not expect, so the other attributes parse as they did.
void DropScriptAndStyleBodies(std::string* html);

// As above, from `html` into `out`, which has room for html.size() bytes and
// may be html.data() itself; returns the number of bytes written. Into a
// buffer of its own, a page is copied once, only the bytes kept.
size_t DropScriptAndStyleBodies(std::string_view html, char* out);

// The text content of attribute `name` of `node` (no allocation; the pointer
// lives as long as the node), or nullptr when absent.
const char* AttributeValue(const xmlNode* node, const char* name);

// The node's tag name as a C string (libxml2 lower-cases HTML tag names).
inline const char* NodeName(const xmlNode* node) {
  return reinterpret_cast<const char*>(node->name);
}

// The text of a text or CDATA node.
inline const char* NodeText(const xmlNode* node) {
  return reinterpret_cast<const char*>(node->content);
}

}  // namespace libdiff::internal

#endif  // LIBDIFF_SRC_EXTRACT_HTML_PARSER_H_
