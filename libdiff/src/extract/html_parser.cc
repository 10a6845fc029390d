// Copyright 2026 The libdiff Authors.
#include "extract/html_parser.h"

#include <libxml/parser.h>

#include <climits>
#include <cstring>
#include <mutex>

namespace libdiff::internal {

namespace {

void IgnoreGenericError(void*, const char*, ...) {}

void InitLibxml() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

}  // namespace

XmlDocument ParseHtml(std::string_view utf8, const std::string& url) {
  InitLibxml();
  if (utf8.empty() || utf8.size() > static_cast<size_t>(INT_MAX)) return nullptr;
  // libxml2 reports some problems (e.g. encoding ones) through the generic
  // error handler, which is per thread; silence it for this thread.
  xmlSetGenericErrorFunc(nullptr, IgnoreGenericError);
  htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
  if (ctxt == nullptr) return nullptr;
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                      HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT;
  xmlDoc* doc = htmlCtxtReadMemory(ctxt, utf8.data(), static_cast<int>(utf8.size()),
                                   url.empty() ? nullptr : url.c_str(), "UTF-8", options);
  htmlFreeParserCtxt(ctxt);
  return XmlDocument(doc);
}

const char* AttributeValue(const xmlNode* node, const char* name) {
  for (const xmlAttr* a = node->properties; a != nullptr; a = a->next) {
    if (std::strcmp(reinterpret_cast<const char*>(a->name), name) == 0) {
      if (a->children != nullptr && a->children->content != nullptr)
        return reinterpret_cast<const char*>(a->children->content);
      return "";
    }
  }
  return nullptr;
}

}  // namespace libdiff::internal
