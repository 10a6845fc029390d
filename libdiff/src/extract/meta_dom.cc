// Copyright 2026 The libdiff Authors.
//
// Node reading shared by the metadata walk and the field choosers.

#include "extract/meta_dom.h"

#include <array>
#include <cstring>
#include <string>

#include "extract/meta_author.h"

namespace libdiff::internal {
namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

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

}  // namespace

std::string_view NameOf(xmlNodePtr n) {
  return n->name != nullptr ? std::string_view(Chars(n->name)) : std::string_view();
}

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

std::string SqueezeWhitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const bool nbsp =
        c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0;
    const bool ascii_space =
        c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    if (ascii_space || nbsp) {
      if (nbsp) ++i;
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(c);
  }
  return out;
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

namespace {

// How ElementText and BlockText read a subtree.
struct TextWalk {
  char separator;                      // written where a breaking element starts
  bool cdata;                          // CDATA sections count as text
  bool (*breaks)(std::string_view);    // elements that start a new word or line
  bool (*skips)(std::string_view);     // elements whose subtree is not text
  bool space_after_text = false;       // each text node ends a word
  size_t max_steps = kMaxTextSteps;    // nodes the walk may visit
};

// An inline element a utility class lays out as a box of its own (Tailwind's
// "block", "flex" and "grid", Bootstrap's "d-block" and "d-flex"): a headline
// whose second part is `<span class="block text-sm">Top tools</span>` shows it
// on its own line, so its text is a new word. Only unprefixed tokens count;
// "md:block" depends on the screen.
bool HasBoxDisplayClass(xmlNodePtr n) {
  const std::string_view cls = AttrView(n, "class");
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; };
  size_t i = 0;
  while (i < cls.size()) {
    while (i < cls.size() && space(cls[i])) ++i;
    size_t j = i;
    while (j < cls.size() && !space(cls[j])) ++j;
    const std::string_view token = cls.substr(i, j - i);
    if (token == "block" || token == "flex" || token == "grid" || token == "d-block" ||
        token == "d-flex") {
      return true;
    }
    i = j;
  }
  return false;
}

// The raw text of `root`'s subtree as `how` reads it, stopping after about
// `limit` bytes. Iterative: nesting depth cannot overflow the stack; nodes
// visited are bounded too, since an empty subtree can be huge.
std::string WalkText(xmlNodePtr root, size_t limit, const TextWalk& how) {
  std::string raw;
  xmlNodePtr n = root->children;
  size_t steps = 0;
  while (n != nullptr && raw.size() < limit && ++steps <= how.max_steps) {
    bool descend = false;
    if (n->type == XML_TEXT_NODE || (how.cdata && n->type == XML_CDATA_SECTION_NODE)) {
      if (n->content != nullptr) raw += Chars(n->content);
      if (how.space_after_text) raw += ' ';
    } else if (n->type == XML_ELEMENT_NODE) {
      const std::string_view name = NameOf(n);
      if (how.breaks(name) || HasBoxDisplayClass(n)) raw += how.separator;
      descend = !how.skips(name);
    }
    if (descend && n->children != nullptr) {
      n = n->children;
      continue;
    }
    // A block ends its line too ("<p>Luke Kim</p><small>December 17, 2025</small>").
    auto close = [&raw, &how](xmlNodePtr e) {
      if (e->type != XML_ELEMENT_NODE) return;
      if (how.breaks(NameOf(e)) || HasBoxDisplayClass(e)) raw += how.separator;
    };
    while (n != nullptr && n != root && n->next == nullptr) {
      close(n);
      n = n->parent;
    }
    if (n == nullptr || n == root) break;
    close(n);
    n = n->next;
  }
  return raw;
}

}  // namespace

namespace {

bool BreaksWord(std::string_view name) {
  return name == "br" || name == "p" || name == "div" || name == "li";
}

bool SkipsInWords(std::string_view name) {
  return name == "script" || name == "style" || name == "noscript" || name == "template" ||
         name == "svg" || name == "button" || name == "select";
}

// A browser closes the h1 where another heading starts; libxml2 nests it
// ("Posted on <time>… by …" in an h3 inside the h1).
bool SkipsInHeading(std::string_view name) {
  const bool heading = name.size() == 2 && name[0] == 'h' && name[1] >= '2' && name[1] <= '6';
  return heading || name == "time" || SkipsInWords(name);
}

std::string CollapsedText(xmlNodePtr root, size_t limit, const TextWalk& how) {
  std::string raw = WalkText(root, limit, how);
  if (raw.size() > limit) raw.resize(limit);
  return SqueezeWhitespace(raw);
}

}  // namespace

// Collapsed text of an element's subtree, skipping scripts and styles, cut
// after about `limit` bytes.
std::string ElementText(xmlNodePtr root, size_t limit) {
  static constexpr TextWalk kWords = {' ', true, BreaksWord, SkipsInWords};
  return CollapsedText(root, limit, kWords);
}

// ElementText of a headline element, without the dates shown inside it
// (`<h1><time>Dec 18 2025</time> Title</h1>`) and the headings nested in it.
std::string HeadingText(xmlNodePtr root, size_t limit) {
  static constexpr TextWalk kHeadingWords = {' ', true, BreaksWord, SkipsInHeading};
  return CollapsedText(root, limit, kHeadingWords);
}

namespace {

bool BreaksLine(std::string_view name) {
  return name == "br" || name == "p" || name == "div" || name == "li" || name == "time" ||
         name == "ul";
}

// A <button> may hold the byline's name (it opens the author's card).
bool SkipsInLines(std::string_view name) {
  return name == "script" || name == "style" || name == "noscript" || name == "svg";
}

}  // namespace

// Raw text with newlines kept between block elements (for bylines, whose
// lines often separate the names from dates).
std::string BlockText(xmlNodePtr root, size_t limit) {
  static constexpr TextWalk kLines = {'\n', false, BreaksLine, SkipsInLines};
  return WalkText(root, limit, kLines);
}

std::string PageBlockText(xmlNodePtr root, size_t limit) {
  static constexpr TextWalk kPageLines = {'\n', false, BreaksLine, SkipsInLines, false,
                                          kMaxPageTextSteps};
  return WalkText(root, limit, kPageLines);
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
             name != "figcaption" && name != "template";
      // A tag link (rel="tag": a category or keyword) names no author and
      // dates nothing; read, it joins the byline ("By" then "Wedding
      // Checklists Just Engaged").
      if (into && name == "a") {
        const std::string_view rel = AttrView(n, "rel");
        into = !(rel == "tag" || rel == "category tag" || rel == "tag category");
      }
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

size_t FindAtWordStart(std::string_view text, std::string_view label, size_t from) {
  for (size_t at = text.find(label, from); at != std::string_view::npos;
       at = text.find(label, at + 1)) {
    const unsigned char before = at == 0 ? ' ' : static_cast<unsigned char>(text[at - 1]);
    const bool letter =
        (before >= 'a' && before <= 'z') || (before >= 'A' && before <= 'Z') || before >= 0x80;
    if (!letter) return at;
  }
  return std::string_view::npos;
}

xmlNodePtr FindHeadlineElement(xmlDocPtr doc, const std::string& title) {
  const xmlNodePtr root = doc == nullptr ? nullptr : xmlDocGetRootElement(doc);
  const std::string key = LooseKey(title);
  if (root == nullptr || key.size() < 8) return nullptr;
  int elements = 0;
  for (xmlNodePtr n = root; n != nullptr && elements < 20000;) {
    if (n->type != XML_ELEMENT_NODE) {
      n = NextInOrder(n, true);
      continue;
    }
    ++elements;
    const std::string_view name = NameOf(n);
    if (name == "head" || name == "script" || name == "style" || name == "noscript" ||
        name == "svg" || name == "template" || name == "nav") {
      n = NextInOrder(n, false);
      continue;
    }
    // A breadcrumb trail ends with the page's title: a path, not a headline.
    // ("readcrumb" matches Breadcrumb and breadcrumb without a lower-cased copy.)
    if ((name == "ol" || name == "ul" || name == "div") &&
        AttrView(n, "class").find("readcrumb") != std::string_view::npos) {
      n = NextInOrder(n, false);
      continue;
    }
    const bool heading = name.size() == 2 && name[0] == 'h' && name[1] >= '2' && name[1] <= '6';
    const bool text_only = n->children != nullptr && n->children->next == nullptr &&
                           n->children->type == XML_TEXT_NODE;
    if (heading || name == "p" || text_only) {
      if (LooseKey(ElementText(n, 2 * title.size() + 64)) == key) return n;
    }
    n = NextInOrder(n, true);
  }
  return nullptr;
}

// Visible text just before the headline, its last `limit` bytes: the lines a
// page puts above its h1 ("Last updated: Dec 12, 2025", a dateline, a kicker).
std::string TextBeforeHeadline(xmlNodePtr title_node, size_t limit) {
  std::string text;
  for (xmlNodePtr a = title_node;
       a != nullptr && a->type == XML_ELEMENT_NODE && text.size() < limit; a = a->parent) {
    for (xmlNodePtr s = a->prev; s != nullptr && text.size() < limit; s = s->prev) {
      std::string t;
      if (s->type == XML_TEXT_NODE && s->content != nullptr) {
        t = Chars(s->content);
      } else if (s->type == XML_ELEMENT_NODE) {
        const std::string_view name = NameOf(s);
        if (name == "script" || name == "style" || name == "template" || name == "noscript")
          continue;
        // Inline neighbours ("<span>Dec 17, 2025</span><span>Jane Roe</span>")
        // are separate words, as under the headline.
        static constexpr TextWalk kSeparateWords = {' ', true, BreaksWord, SkipsInWords, true};
        t = CollapsedText(s, 4 * limit, kSeparateWords);
      }
      if (!t.empty()) text = t + "\n" + text;
    }
  }
  if (text.size() > limit) text.erase(0, text.size() - limit);
  return text;
}

}  // namespace libdiff::internal
