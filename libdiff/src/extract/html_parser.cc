// Copyright 2026 The libdiff Authors.
#include "extract/html_parser.h"

#include <libxml/parser.h>

#include <array>
#include <climits>
#include <cstring>
#include <mutex>
#include <string_view>

#include "util/text.h"

namespace libdiff::internal {

namespace {

void IgnoreGenericError(void*, const char*, ...) {}

void InitLibxml() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

// Index of the first case-insensitive `lower` in s at or after `from`, or npos.
size_t FindLower(std::string_view s, size_t from, std::string_view lower) {
  while (from < s.size()) {
    const void* p = std::memchr(s.data() + from, '<', s.size() - from);
    if (p == nullptr) return std::string_view::npos;
    const size_t at = static_cast<size_t>(static_cast<const char*>(p) - s.data());
    if (StartsWithLowerAscii(s, at, lower)) return at;
    from = at + 1;
  }
  return std::string_view::npos;
}

bool IsTagSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// The start tag opening at s[lt] ('<' and a letter): returns the offset just
// past its '>' (or s.size()), and calls on_at_name(i) for each offset i of an
// attribute name that begins with '@' (Alpine.js and Vue event bindings,
// "@click"), which the caller renames to begin with '_'. libxml2 cannot read
// such a name: it drops the attribute and resumes at the next '>', which an
// arrow function in the value ("() => f()") holds, so the rest of the tag
// became text. Quotes delimit a value only after '=', as in a browser's
// tokenizer. on_at_name may write '_' at s[i].
template <typename OnAtName>
size_t ScanStartTag(std::string_view s, size_t lt, OnAtName on_at_name) {
  // The bytes the walk stops at: only '>', '=' and '@' change its state (a
  // quote opens a value only right after '=' and tag spaces, which the '='
  // case reads on its own). A table lookup a byte, not a chain of tests.
  static constexpr auto kStop = [] {
    std::array<bool, 256> t{};
    t['>'] = t['='] = t['@'] = true;
    return t;
  }();
  const size_t n = s.size();
  size_t i = lt + 1;
  while (true) {
    while (i < n && !kStop[static_cast<unsigned char>(s[i])]) ++i;
    if (i >= n || s[i] == '>') break;
    if (s[i] == '@') {
      if (IsTagSpace(s[i - 1])) on_at_name(i);
      ++i;
      continue;
    }
    // '=': past tag spaces, a quote opens the value, which runs to its match.
    ++i;
    while (i < n && IsTagSpace(s[i])) ++i;
    if (i < n && (s[i] == '"' || s[i] == '\'')) {
      const size_t close = s.find(s[i], i + 1);
      if (close == std::string_view::npos) return n;
      i = close + 1;
    }
  }
  return i < n ? i + 1 : n;
}

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// libxml2's blanks (IS_BLANK_CH) and the characters of its HTML names
// (htmlParseHTMLName), which it reads up to 100 of.
bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool IsNameStart(char c) { return IsAsciiLetter(c) || c == '_' || c == ':' || c == '.'; }
bool IsNameChar(char c) { return IsNameStart(c) || (c >= '0' && c <= '9') || c == '-'; }
constexpr size_t kMaxNameBytes = 100;

// Attributes no reader of the tree looks for, about a sixth of what the
// parser would read of a news page: data-* (framework state, often whole JSON
// documents), event handlers (on*), and responsive image lists (srcset,
// sizes).
bool IsUnreadAttribute(std::string_view name) {
  const auto starts = [name](std::string_view prefix) {
    if (name.size() < prefix.size()) return false;
    for (size_t k = 0; k < prefix.size(); ++k) {
      if ((name[k] | 0x20) != prefix[k]) return false;  // prefix: lower-case letters and '-'
    }
    return true;
  };
  return starts("data-") || starts("on") || (name.size() == 6 && starts("srcset")) ||
         (name.size() == 5 && starts("sizes"));
}

// Removes the unread attributes (IsUnreadAttribute) from the start tag
// t[0, len), in place; returns its new length. It reads the tag as libxml2
// does and stops removing at the first thing it does not expect (a name
// libxml2 would not read as one, a quote in an unquoted value, a missing
// blank), leaving the rest as written: what it removes is exactly what
// libxml2 would have read as those attributes, and the others are left
// in place, in order.
size_t DropUnreadAttributes(char* t, size_t len) {
  size_t i = 1;  // t[0] is '<', t[1] a letter
  while (i < len && IsNameChar(t[i])) ++i;
  if (i - 1 >= kMaxNameBytes) return len;
  size_t w = i;  // where the next kept byte goes
  bool separated = false;  // the next attribute needs no blank (after a quoted value)
  while (i < len) {
    const size_t from = i;  // kept as written when nothing is removed
    while (i < len && IsBlank(t[i])) ++i;
    bool stop = i >= len || t[i] == '>' || (t[i] == '/' && i + 1 < len && t[i + 1] == '>');
    stop = stop || (i == from && !separated) || !IsNameStart(t[i]);
    size_t name_end = i;
    while (!stop && name_end < len && IsNameChar(t[name_end])) ++name_end;
    stop = stop || name_end - i >= kMaxNameBytes;
    size_t end = name_end;  // one past the attribute
    separated = false;
    if (!stop) {
      size_t j = name_end;
      while (j < len && IsBlank(t[j])) ++j;
      if (j < len && t[j] == '=') {
        ++j;
        while (j < len && IsBlank(t[j])) ++j;
        if (j < len && (t[j] == '"' || t[j] == '\'')) {
          const void* close = std::memchr(t + j + 1, t[j], len - j - 1);
          if (close == nullptr) {
            stop = true;
          } else {
            end = static_cast<size_t>(static_cast<const char*>(close) - t) + 1;
            separated = true;  // libxml2 reads a name right after the quote
          }
        } else {
          size_t k = j;
          while (k < len && !IsBlank(t[k]) && t[k] != '>') {
            const char c = t[k];
            if (c == '"' || c == '\'' || c == '=' || c == '<' || c == '`') break;
            ++k;
          }
          if (k == j || (k < len && !IsBlank(t[k]) && t[k] != '>')) stop = true;
          end = k;
        }
      }
    }
    if (stop) {
      std::memmove(t + w, t + from, len - from);
      return w + (len - from);
    }
    const bool drop = IsUnreadAttribute(std::string_view(t + i, name_end - i));
    const size_t keep_to = drop ? i : end;
    std::memmove(t + w, t + from, keep_to - from);
    w += keep_to - from;
    i = end;
  }
  return w;
}

// Copies the start tag s[lt, end) (ScanStartTag) to `out`, its '@' names
// renamed and its unread attributes dropped. Returns `end`; sets *written to
// the bytes written.
size_t CopyStartTag(std::string_view s, size_t lt, char* out, size_t* written) {
  // Most tags have no '@' name, a few have several: the first eight are
  // remembered, more are found again in the copy.
  size_t at_names[8];
  size_t count = 0;
  const size_t end = ScanStartTag(s, lt, [&](size_t i) {
    if (count < 8) at_names[count] = i - lt;
    ++count;
  });
  if (out != s.data() + lt) std::memmove(out, s.data() + lt, end - lt);
  if (count <= 8) {
    for (size_t k = 0; k < count; ++k) out[at_names[k]] = '_';
  } else {
    ScanStartTag(std::string_view(out, end - lt), 0, [out](size_t i) { out[i] = '_'; });
  }
  *written = DropUnreadAttributes(out, end - lt);
  return end;
}

// Whether the script start tag s[at, at + size) is JSON-LD or Next.js page
// data: "ld+json" or "__next_data__" (any case) begins in its first
// size - 6 bytes (and may run on past the tag).
bool IsKeptScript(std::string_view s, size_t at, size_t size) {
  if (size < 7) return false;
  const size_t starts = size - 6;  // where a name may begin: at .. at + starts - 1
  for (size_t from = at + 2; from < at + 2 + starts;) {
    const void* p = std::memchr(s.data() + from, '+', at + 2 + starts - from);
    if (p == nullptr) break;
    const size_t plus = static_cast<size_t>(static_cast<const char*>(p) - s.data());
    if (StartsWithLowerAscii(s, plus - 2, "ld+json")) return true;
    from = plus + 1;
  }
  for (size_t from = at; from < at + starts;) {
    const void* p = std::memchr(s.data() + from, '_', at + starts - from);
    if (p == nullptr) break;
    const size_t underscore = static_cast<size_t>(static_cast<const char*>(p) - s.data());
    if (StartsWithLowerAscii(s, underscore, "__next_data__")) return true;
    from = underscore + 1;
  }
  return false;
}

// When s[lt] ('<') opens an element whose body is dropped, the start of its
// end tag ("</script"); "" otherwise.
std::string_view DroppedBodyClose(std::string_view s, size_t lt) {
  // "<s", "<n" and "<t" open all of them: one byte rules out most tags.
  const char first = lt + 1 < s.size() ? static_cast<char>(s[lt + 1] | 0x20) : '\0';
  if (first != 's' && first != 'n' && first != 't') return {};
  static constexpr std::string_view kOpenClose[][2] = {{"<script", "</script"},
                                                       {"<style", "</style"},
                                                       {"<svg", "</svg"},
                                                       {"<noscript", "</noscript"},
                                                       {"<template", "</template"}};
  for (const auto& [open, close] : kOpenClose) {
    const size_t i = lt + open.size();
    if (StartsWithLowerAscii(s, lt, open) && i < s.size() &&
        (s[i] == '>' || s[i] == '/' || IsTagSpace(s[i])))
      return close;
  }
  return {};
}

}  // namespace

// What is written never passes what was read: `out` may be s.data().
size_t DropScriptAndStyleBodies(std::string_view s, char* out) {
  size_t read = 0, write = 0;
  while (read < s.size()) {
    const void* p = std::memchr(s.data() + read, '<', s.size() - read);
    const size_t lt =
        p == nullptr ? s.size() : static_cast<size_t>(static_cast<const char*>(p) - s.data());
    // Copy everything up to the '<'.
    if (out + write != s.data() + read) std::memmove(out + write, s.data() + read, lt - read);
    write += lt - read;
    read = lt;
    if (read >= s.size()) break;
    if (s.compare(read, 4, "<!--") == 0) {  // a comment: dropped whole
      const size_t end = s.find("-->", read + 4);
      read = end == std::string_view::npos ? s.size() : end + 3;
      continue;
    }
    const std::string_view close = DroppedBodyClose(s, read);
    if (close.empty()) {
      const char next = read + 1 < s.size() ? s[read + 1] : '\0';
      if ((next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z')) {
        // A start tag: copied whole, its '@' attribute names renamed.
        size_t written = 0;
        const size_t end = CopyStartTag(s, read, out + write, &written);
        write += written;
        read = end;
        continue;
      }
      out[write++] = s[read++];
      continue;
    }
    const size_t tag_end = s.find('>', read);
    if (tag_end == std::string_view::npos) break;
    const std::string_view tag(s.data() + read, tag_end + 1 - read);
    const bool keep = close == "</script" && IsKeptScript(s, read, tag.size());
    // The open tag itself.
    std::memmove(out + write, s.data() + read, tag_end + 1 - read);
    write += tag_end + 1 - read;
    read = tag_end + 1;
    if (tag.size() >= 2 && tag[tag.size() - 2] == '/') continue;  // <script ... />
    const size_t end = FindLower(s, read, close);
    const size_t body_end = end == std::string_view::npos ? s.size() : end;
    if (keep) {
      std::memmove(out + write, s.data() + read, body_end - read);
      write += body_end - read;
    }
    read = body_end;
  }
  return write;
}

void DropScriptAndStyleBodies(std::string* html) {
  html->resize(DropScriptAndStyleBodies(*html, html->data()));
}

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
