// Copyright 2026 The libdiff Authors.

#include "extract/jsonld.h"

#include <array>
#include <cstdint>
#include <deque>
#include <unordered_map>
#include <utility>

#include <nlohmann/json.hpp>

#include "extract/embedded_body.h"
#include "extract/meta_dom.h"

namespace libdiff::internal {
namespace {

using Json = nlohmann::json;

constexpr int kMaxDepth = 32;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

bool StripPrefix(std::string_view* s, std::string_view prefix) {
  if (s->substr(0, prefix.size()) != prefix) return false;
  s->remove_prefix(prefix.size());
  *s = Trim(*s);
  return true;
}

bool StripSuffix(std::string_view* s, std::string_view suffix) {
  if (s->size() < suffix.size() || s->substr(s->size() - suffix.size()) != suffix) return false;
  s->remove_suffix(suffix.size());
  *s = Trim(*s);
  return true;
}

// Removes the wrappers pages put around script bodies.
std::string_view Unwrap(std::string_view s) {
  s = Trim(s);
  bool changed = true;
  while (changed) {
    changed = StripPrefix(&s, "<!--") || StripPrefix(&s, "//<![CDATA[") ||
              StripPrefix(&s, "/*<![CDATA[*/") || StripPrefix(&s, "<![CDATA[") ||
              StripSuffix(&s, "-->") || StripSuffix(&s, "//]]>") ||
              StripSuffix(&s, "/*]]>*/") || StripSuffix(&s, "]]>") || StripSuffix(&s, ";");
  }
  return s;
}

// One pass over the text outside and inside strings: control characters in
// strings become spaces, commas before a closing bracket go, and top-level
// values written one after another are joined into an array.
std::string Repair(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  bool in_string = false;
  int depth = 0;
  int top_values = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (in_string) {
      if (c == '\\' && i + 1 < s.size()) {
        out += c;
        out += s[++i];
      } else if (c == '"') {
        in_string = false;
        out += c;
      } else if (static_cast<unsigned char>(c) < 0x20) {
        out += ' ';
      } else {
        out += c;
      }
      continue;
    }
    switch (c) {
      case '"':
        in_string = true;
        out += c;
        break;
      case '{':
      case '[':
        if (depth == 0) {
          if (top_values > 0) out += ',';
          ++top_values;
        }
        ++depth;
        out += c;
        break;
      case '}':
      case ']': {
        // Drop a trailing comma: "a": 1, }
        size_t j = out.size();
        while (j > 0 && IsSpace(out[j - 1])) --j;
        if (j > 0 && out[j - 1] == ',') out.erase(j - 1, 1);
        if (depth > 0) --depth;
        out += c;
        break;
      }
      default:
        out += c;
    }
  }
  if (top_values > 1) return "[" + out + "]";
  return out;
}

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    *out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out += static_cast<char>(0xC0 | (cp >> 6));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out += static_cast<char>(0xE0 | (cp >> 12));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | (cp >> 18));
    *out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Whitespace-collapsed, entity-decoded text of a JSON string value.
std::string CleanString(std::string_view s) { return SqueezeWhitespace(DecodeHtmlEntities(s)); }

// The string a value stands for: a string, the first string of an array, or an
// object's "@value"/"name"/"@id" (in that order) when `field` is empty.
std::string StringOf(const Json& v) {
  if (v.is_string()) return CleanString(v.get_ref<const std::string&>());
  if (v.is_number_integer()) return std::to_string(v.get<int64_t>());
  if (v.is_array()) {
    for (const Json& e : v) {
      std::string s = StringOf(e);
      if (!s.empty()) return s;
    }
  }
  if (v.is_object()) {
    for (const char* key : {"@value", "name", "@id"}) {
      auto it = v.find(key);
      if (it != v.end() && it->is_string()) return CleanString(it->get_ref<const std::string&>());
    }
  }
  return "";
}

std::string Field(const Json& obj, const char* key) {
  auto it = obj.find(key);
  return it == obj.end() ? std::string() : StringOf(*it);
}

// The local type names of an object ("http://schema.org/NewsArticle" -> "NewsArticle").
std::vector<std::string> TypesOf(const Json& obj) {
  std::vector<std::string> types;
  auto it = obj.find("@type");
  if (it == obj.end()) return types;
  auto add = [&types](const Json& t) {
    if (!t.is_string()) return;
    std::string_view s = t.get_ref<const std::string&>();
    const size_t cut = s.find_last_of("/:#");
    if (cut != std::string_view::npos) s = s.substr(cut + 1);
    types.emplace_back(Trim(s));
  };
  if (it->is_array()) {
    for (const Json& t : *it) add(t);
  } else {
    add(*it);
  }
  return types;
}

bool HasType(const std::vector<std::string>& types, std::initializer_list<std::string_view> names) {
  for (const std::string& t : types) {
    for (std::string_view n : names) {
      if (t == n) return true;
    }
  }
  return false;
}

using IdIndex = std::unordered_map<std::string, const Json*>;

// Indexes every object with an "@id" (for author and publisher references).
void IndexIds(const Json& v, int depth, IdIndex* index) {
  if (depth > kMaxDepth) return;
  if (v.is_object()) {
    auto it = v.find("@id");
    if (it != v.end() && it->is_string() && v.size() > 1) {
      index->emplace(it->get<std::string>(), &v);
    }
    for (const auto& [key, child] : v.items()) IndexIds(child, depth + 1, index);
  } else if (v.is_array()) {
    for (const Json& child : v) IndexIds(child, depth + 1, index);
  }
}

// Follows {"@id": ...} to the indexed object when it has nothing else.
const Json& Resolve(const Json& v, const IdIndex& index) {
  if (v.is_object() && v.size() == 1) {
    auto it = v.find("@id");
    if (it != v.end() && it->is_string()) {
      auto found = index.find(it->get<std::string>());
      if (found != index.end()) return *found->second;
    }
  }
  return v;
}

void AddPeople(const Json& v, const IdIndex& index, int depth, std::vector<std::string>* out) {
  if (depth > 4) return;
  if (v.is_array()) {
    for (const Json& e : v) AddPeople(e, index, depth + 1, out);
    return;
  }
  if (v.is_string()) {
    std::string s = CleanString(v.get_ref<const std::string&>());
    if (!s.empty()) out->push_back(std::move(s));
    return;
  }
  const Json& obj = Resolve(v, index);
  if (!obj.is_object()) return;
  // One Person object naming several people ("name": ["A", "B"]) stands
  // for each of them.
  auto names = obj.find("name");
  if (names != obj.end() && names->is_array()) {
    const size_t before = out->size();
    for (const Json& e : *names) {
      if (e.is_string()) AddPeople(e, index, depth + 1, out);
    }
    if (out->size() > before) return;
  }
  std::string name = Field(obj, "name");
  if (name.empty()) {
    std::string given = Field(obj, "givenName"), family = Field(obj, "familyName");
    name = given.empty() ? family : family.empty() ? given : given + " " + family;
  }
  if (!name.empty()) out->push_back(std::move(name));
}

void FillFromArticle(const Json& obj, const std::vector<std::string>& types, const IdIndex& index,
                     JsonLdFacts* facts) {
  facts->article_found = true;
  for (const std::string& t : types) {
    if (IsArticleType(t)) {
      facts->type = t;
      break;
    }
  }
  facts->headline = Field(obj, "headline");
  facts->name = Field(obj, "name");
  facts->url = Field(obj, "url");
  if (facts->url.empty()) facts->url = Field(obj, "mainEntityOfPage");
  facts->description = Field(obj, "description");
  facts->language = Field(obj, "inLanguage");
  facts->date_published = Field(obj, "datePublished");
  if (facts->date_published.empty()) facts->date_published = Field(obj, "dateCreated");
  facts->date_modified = Field(obj, "dateModified");
  for (const char* key : {"author", "creator"}) {
    auto it = obj.find(key);
    if (it != obj.end()) AddPeople(*it, index, 0, &facts->authors);
    if (!facts->authors.empty()) break;
  }
  auto pub = obj.find("publisher");
  if (pub != obj.end()) {
    const Json& p = Resolve(pub->is_array() && !pub->empty() ? pub->front() : *pub, index);
    facts->publisher = p.is_object() ? Field(p, "name") : StringOf(p);
  }
}

// Returns `s` with the values of "articleBody" and "text" keys emptied. The
// scan follows JSON string syntax, so keys inside other strings are not
// touched, and stops changing anything at the first surprise.
std::string BlankLongStrings(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    const size_t key = s.find('"', i);
    if (key == std::string_view::npos) break;
    // Find the end of this string.
    size_t j = key + 1;
    while (j < s.size() && s[j] != '"') j += s[j] == '\\' ? size_t{2} : size_t{1};
    if (j >= s.size()) break;
    const std::string_view name = s.substr(key + 1, j - key - 1);
    size_t k = j + 1;
    while (k < s.size() && IsSpace(s[k])) ++k;
    const bool is_key = k < s.size() && s[k] == ':';
    if (is_key && (name == "articleBody" || name == "text")) {
      ++k;
      while (k < s.size() && IsSpace(s[k])) ++k;
      if (k < s.size() && s[k] == '"') {
        size_t end = k + 1;
        while (end < s.size() && s[end] != '"') end += s[end] == '\\' ? size_t{2} : size_t{1};
        if (end >= s.size()) break;
        out.append(s.substr(i, k + 1 - i));  // up to and including the opening quote
        i = end;                             // continue at the closing quote
        continue;
      }
    }
    out.append(s.substr(i, j + 1 - i));
    i = j + 1;
  }
  out.append(s.substr(std::min(i, s.size())));
  return out;
}

}  // namespace

std::string DecodeHtmlEntities(std::string_view s) {
  if (s.find('&') == std::string_view::npos) return std::string(s);
  struct Named {
    std::string_view name;
    uint32_t cp;
  };
  static constexpr std::array<Named, 16> kNamed = {{
      {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}, {"nbsp", 0xA0},
      {"rsquo", 0x2019}, {"lsquo", 0x2018}, {"rdquo", 0x201D}, {"ldquo", 0x201C},
      {"mdash", 0x2014}, {"ndash", 0x2013}, {"hellip", 0x2026}, {"eacute", 0xE9},
      {"copy", 0xA9}, {"middot", 0xB7},
  }};
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    const size_t semi = s.find(';', i + 1);
    if (semi == std::string_view::npos || semi - i > 10) {
      out += s[i];
      continue;
    }
    std::string_view ref = s.substr(i + 1, semi - i - 1);
    bool done = false;
    if (ref.size() >= 2 && ref[0] == '#') {
      uint32_t cp = 0;
      const bool hex = ref[1] == 'x' || ref[1] == 'X';
      bool ok = ref.size() > (hex ? 2u : 1u);
      for (size_t k = hex ? 2 : 1; ok && k < ref.size(); ++k) {
        const char c = ref[k];
        uint32_t digit = 0;
        if (c >= '0' && c <= '9') {
          digit = static_cast<uint32_t>(c - '0');
        } else if (hex && c >= 'a' && c <= 'f') {
          digit = static_cast<uint32_t>(c - 'a' + 10);
        } else if (hex && c >= 'A' && c <= 'F') {
          digit = static_cast<uint32_t>(c - 'A' + 10);
        } else {
          ok = false;
        }
        cp = cp * (hex ? 16u : 10u) + digit;
        if (cp > 0x10FFFF) ok = false;
      }
      if (ok) {
        AppendUtf8(cp, &out);
        done = true;
      }
    } else {
      for (const Named& n : kNamed) {
        if (ref == n.name) {
          AppendUtf8(n.cp, &out);
          done = true;
          break;
        }
      }
    }
    if (done) {
      i = semi;
    } else {
      out += s[i];
    }
  }
  return out;
}

nlohmann::json ParseJsonLd(std::string_view text) {
  const std::string_view body = Unwrap(text);
  Json j = Json::parse(body.begin(), body.end(), nullptr, /*allow_exceptions=*/false);
  if (!j.is_discarded()) return j;
  const std::string repaired = Repair(body);
  return Json::parse(repaired, nullptr, /*allow_exceptions=*/false);
}

bool IsArticleType(std::string_view type) {
  auto ends_with = [type](std::string_view suffix) {
    return type.size() >= suffix.size() && type.substr(type.size() - suffix.size()) == suffix;
  };
  return ends_with("Article") || ends_with("Posting") || type == "Report" || type == "Review";
}

void AddJsonLdScript(std::string_view script, JsonLdFacts* facts) {
  // A script that names none of the types read below (a BreadcrumbList, a
  // Product, a VideoObject alone) is not worth parsing.
  bool relevant = false;
  for (std::string_view word : {"Article", "Posting", "Report", "Review", "WebPage", "ItemPage",
                                "WebSite", "Organization"}) {
    relevant = relevant || script.find(word) != std::string_view::npos;
  }
  if (!relevant) return;
  // A script the body reads for its articleBody is parsed once for both
  // (embedded_body.h): as written, it parses to what ParseJsonLd gives, and
  // its long strings, blanked below, are read by neither field here.
  const Json* shared =
      MayHoldJsonLdArticleBody(script) ? SharedJsonLdParse(script) : nullptr;
  Json own;
  if (shared == nullptr || shared->is_discarded()) {
    // Article bodies are most of a large script and none of its metadata:
    // blank them before parsing, which then builds far fewer nodes.
    std::string trimmed;
    if (script.size() > 4096) {
      trimmed = BlankLongStrings(script);
      script = trimmed;
    }
    own = ParseJsonLd(script);
    if (own.is_discarded()) return;
    shared = nullptr;
  }
  const Json& root = shared != nullptr ? *shared : own;
  IdIndex index;
  IndexIds(root, 0, &index);
  // Breadth first, so a page's own article (top level or in @graph) is met
  // before articles nested in lists of related content.
  std::deque<std::pair<const Json*, int>> queue;
  queue.emplace_back(&root, 0);
  while (!queue.empty()) {
    const auto [node, depth] = queue.front();
    queue.pop_front();
    if (depth > kMaxDepth) continue;
    if (node->is_array()) {
      for (const Json& child : *node) queue.emplace_back(&child, depth + 1);
      continue;
    }
    if (!node->is_object()) continue;
    const std::vector<std::string> types = TypesOf(*node);
    bool is_article = false;
    for (const std::string& t : types) is_article = is_article || IsArticleType(t);
    if (is_article && !facts->article_found) {
      FillFromArticle(*node, types, index, facts);
    } else if (HasType(types, {"WebPage", "ItemPage"}) && facts->page_name.empty() &&
               facts->page_date_published.empty()) {
      facts->page_name = Field(*node, "headline");
      if (facts->page_name.empty()) facts->page_name = Field(*node, "name");
      facts->page_date_published = Field(*node, "datePublished");
      facts->page_date_modified = Field(*node, "dateModified");
      auto author = node->find("author");
      if (author != node->end()) AddPeople(*author, index, 0, &facts->page_authors);
    } else if (HasType(types, {"WebSite"}) && facts->website_name.empty()) {
      facts->website_name = Field(*node, "name");
    } else if (HasType(types, {"Organization", "NewsMediaOrganization"}) &&
               facts->organization_name.empty()) {
      facts->organization_name = Field(*node, "name");
    }
    // Lists of other pages (ItemList, "relatedLink") hold other articles.
    if (HasType(types, {"ItemList", "BreadcrumbList"})) continue;
    for (const auto& [key, child] : node->items()) {
      if (key == "@graph" || key == "mainEntity" || key == "mainEntityOfPage" ||
          (child.is_object() || child.is_array())) {
        if (key == "itemListElement" || key == "relatedLink" || key == "hasPart") continue;
        // A product's or a business's customer reviews ("review" of a
        // LocalBusiness) and an article's comments are other people's
        // writing, not the page's article.
        if (!is_article && (key == "review" || key == "reviews")) continue;
        if (key == "comment" || key == "comments") continue;
        queue.emplace_back(&child, depth + 1);
      }
    }
  }
}

}  // namespace libdiff::internal
