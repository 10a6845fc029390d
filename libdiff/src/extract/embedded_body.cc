// Copyright 2026 The libdiff Authors.
//
// The article text embedded in page data (see embedded_body.h).
#include "extract/embedded_body.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <memory>
#include <string_view>
#include <utility>

#include "extract/body_tree.h"
#include "util/utf8.h"

namespace libdiff::internal {

namespace {

// `s` parsed as JSON; discarded when malformed or nested absurdly deep
// (nlohmann's parser recurses).
nlohmann::json ParseBoundedJson(std::string_view s) {
  int depth = 0, max_depth = 0;
  for (char c : s) {
    if (c == '{' || c == '[') max_depth = std::max(max_depth, ++depth);
    if (c == '}' || c == ']') --depth;
  }
  if (max_depth > 64) return nlohmann::json(nlohmann::json::value_t::discarded);
  return nlohmann::json::parse(s.begin(), s.end(), nullptr, /*allow_exceptions=*/false);
}

// The innermost scope open on this thread. A plain pointer: nothing to
// destroy at thread exit.
thread_local JsonLdParseScope* t_open_scope = nullptr;

constexpr size_t kMaxSharedParses = 64;

// Calls visit(key, value) for every member of every object in `root`, at any
// depth (without recursion: page data can nest deep).
template <typename Visit>
void VisitMembers(const nlohmann::json& root, Visit visit) {
  std::vector<const nlohmann::json*> stack{&root};
  while (!stack.empty()) {
    const nlohmann::json* v = stack.back();
    stack.pop_back();
    if (v->is_array()) {
      for (const auto& x : *v) stack.push_back(&x);
    } else if (v->is_object()) {
      for (auto it = v->begin(); it != v->end(); ++it) {
        visit(it.key(), *it);
        if (it->is_structured()) stack.push_back(&*it);
      }
    }
  }
}

}  // namespace

struct JsonLdParseScope::Parse {
  std::string text;
  nlohmann::json value;
};

JsonLdParseScope::JsonLdParseScope() : outer_(t_open_scope) { t_open_scope = this; }

JsonLdParseScope::~JsonLdParseScope() { t_open_scope = outer_; }

const nlohmann::json* SharedJsonLdParse(std::string_view text) {
  JsonLdParseScope* scope = t_open_scope;
  if (scope == nullptr) return nullptr;
  for (const auto& p : scope->parses_) {
    if (p->text == text) return &p->value;
  }
  if (scope->parses_.size() >= kMaxSharedParses) return nullptr;
  scope->parses_.push_back(std::make_unique<JsonLdParseScope::Parse>(
      JsonLdParseScope::Parse{std::string(text), ParseBoundedJson(text)}));
  return &scope->parses_.back()->value;
}

bool MayHoldJsonLdArticleBody(std::string_view script) {
  // Neither an articleBody nor an article type can come out of a script
  // whose text holds none of the words (a breadcrumb list, the site's
  // organisation) and no \u escape that could spell them.
  return script.find("articleBody") != std::string_view::npos ||
         script.find("Article") != std::string_view::npos ||
         script.find("Posting") != std::string_view::npos ||
         script.find("\\u") != std::string_view::npos;
}

std::string JsonLdArticleBody(const std::vector<std::string>& scripts, bool* is_article) {
  std::string best;
  for (const std::string& s : scripts) {
    if (!MayHoldJsonLdArticleBody(s)) continue;
    // The metadata parsed the script already when a scope is open.
    nlohmann::json own;
    const nlohmann::json* shared = SharedJsonLdParse(s);
    if (shared == nullptr) own = ParseBoundedJson(s);
    const nlohmann::json& j = shared != nullptr ? *shared : own;
    if (j.is_discarded()) continue;
    VisitMembers(j, [&](const std::string& key, const nlohmann::json& value) {
      if (key == "articleBody" && value.is_string()) {
        const auto& body = value.get_ref<const std::string&>();
        if (body.size() > best.size()) best = body;
      } else if (key == "@type") {
        const std::string t = value.is_string() ? value.get<std::string>() : value.dump();
        if (t.find("Article") != std::string::npos || t.find("Posting") != std::string::npos)
          *is_article = true;
      }
    });
  }
  return best;
}

namespace {

// The node type of a rich-text tree node ("type" or "nodeType"), lower-cased;
// "" when `node` is not such a node.
std::string RichTextType(const nlohmann::json& node) {
  if (!node.is_object()) return {};
  auto it = node.find("type");
  if (it == node.end() || !it->is_string()) it = node.find("nodeType");
  if (it == node.end() || !it->is_string()) return {};
  std::string t = it->get<std::string>();
  for (char& c : t) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  return t;
}

// Appends the text of the inline nodes below `node` (text leaves hold it
// under "value" or "text"; links and marks wrap them in "content" or
// "children").
void AppendRichTextInline(const nlohmann::json& node, int depth, std::string* out) {
  if (!node.is_object() || depth > 32) return;
  for (const char* key : {"value", "text"}) {
    const auto it = node.find(key);
    if (it != node.end() && it->is_string()) out->append(it->get_ref<const std::string&>());
  }
  for (const char* key : {"content", "children"}) {
    const auto it = node.find(key);
    if (it == node.end() || !it->is_array()) continue;
    for (const auto& child : *it) AppendRichTextInline(child, depth + 1, out);
  }
}

// Renders the block nodes of a rich-text tree into lines: a paragraph,
// heading, list item or quote is one line; documents and lists are walked
// into; anything else (ads, media, embeds, inline teasers) is left out.
void RenderRichText(const nlohmann::json& node, int depth, std::string* out) {
  if (depth > 32) return;
  const std::string type = RichTextType(node);
  const bool line = type == "paragraph" || type.compare(0, 7, "heading") == 0 ||
                    type == "list-item" || type == "listitem" || type == "list_item" ||
                    type == "blockquote" || type == "quote";
  const bool walk = type == "document" || type == "doc" || type == "root" ||
                    type.find("list") != std::string::npos;
  if (line) {
    // A quote may hold paragraphs of its own: one line each.
    bool has_blocks = false;
    for (const char* key : {"content", "children"}) {
      const auto it = node.find(key);
      if (it == node.end() || !it->is_array()) continue;
      for (const auto& child : *it) has_blocks |= RichTextType(child) == "paragraph";
    }
    if (!has_blocks) {
      AppendRichTextInline(node, depth, out);
      out->push_back('\n');
      return;
    }
  } else if (!walk) {
    return;
  }
  for (const char* key : {"content", "children"}) {
    const auto it = node.find(key);
    if (it == node.end() || !it->is_array()) continue;
    for (const auto& child : *it) RenderRichText(child, depth + 1, out);
  }
}

}  // namespace

bool MayHoldRichTextDocument(const std::string& script) {
  return script.find(":\"document\"") != std::string::npos ||
         script.find(":\"doc\"") != std::string::npos;
}

std::string AppStateArticleBody(const std::string& script) {
  if (script.empty()) return {};
  const nlohmann::json j = ParseBoundedJson(script);
  if (j.is_discarded()) return {};
  const std::string* best = nullptr;
  std::string rich;  // the longest rich-text tree under a body-like key, rendered
  VisitMembers(j, [&](const std::string& key, const nlohmann::json& value) {
    std::string k = key;
    for (char& c : k) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    if (k != "articlebody" && k != "body" && k != "content" && k != "html" &&
        k != "bodyhtml" && k != "contenthtml" && k != "articlehtml")
      return;
    if (value.is_object()) {
      const std::string type = RichTextType(value);
      if (type != "document" && type != "doc" && type != "root") return;
      std::string text;
      RenderRichText(value, 0, &text);
      if (text.size() > rich.size()) rich = std::move(text);
      return;
    }
    if (!value.is_string()) return;
    const auto& text = value.get_ref<const std::string&>();
    // A string holding JSON (a rich-text tree serialized once more) is not
    // text to read.
    const size_t first = text.find_first_not_of(" \t\r\n");
    if (first != std::string::npos && (text[first] == '[' || text[first] == '{')) return;
    if (text.size() >= 400 && (best == nullptr || text.size() > best->size())) best = &text;
  });
  // A rich-text document under a body key is the article's text by its very
  // shape, while long strings under "html" keys are often the markup of page
  // furniture (script snippets, footers): the tree wins.
  if (rich.size() >= 400) return rich;
  if (best == nullptr) return {};
  // Markup to lines: a block tag or <br> ends a line, other tags go, and the
  // common entities are decoded.
  std::string out;
  const std::string& h = *best;
  for (size_t i = 0; i < h.size();) {
    if (h[i] == '<') {
      const size_t end = h.find('>', i);
      if (end == std::string::npos) break;
      size_t n = i + 1;
      if (n < end && h[n] == '/') ++n;
      size_t name_end = n;
      while (name_end < end && std::isalnum(static_cast<unsigned char>(h[name_end]))) ++name_end;
      std::string name = h.substr(n, name_end - n);
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      const uint32_t flags = TagTable().count(name) ? TagTable().at(name) : 0u;
      if (flags & (kBlockTag | kBreak)) out.push_back('\n');
      else out.push_back(' ');
      i = end + 1;
      continue;
    }
    if (h[i] == '&') {
      static const std::pair<std::string_view, std::string_view> kEntities[] = {
          {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"},
          {"&#x27;", "'"}, {"&apos;", "'"}, {"&nbsp;", " "}};
      bool done = false;
      for (const auto& [entity, text] : kEntities) {
        if (h.compare(i, entity.size(), entity) == 0) {
          out.append(text);
          i += entity.size();
          done = true;
          break;
        }
      }
      if (done) continue;
    }
    out.push_back(h[i++]);
  }
  return out;
}

namespace {

std::string CollapseSpaces(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

}  // namespace

std::vector<Block> SplitParagraphs(const std::string& text, size_t max_blocks) {
  std::vector<Block> out;
  size_t start = 0;
  while (start <= text.size() && out.size() < max_blocks) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string para = CollapseSpaces(std::string_view(text).substr(start, end - start));
    if (!para.empty()) {
      if (!IsValidUtf8(para)) para = RepairUtf8(para);
      out.push_back({BlockKind::kParagraph, std::move(para)});
    }
    start = end + 1;
  }
  return out;
}

}  // namespace libdiff::internal
