// Copyright 2026 The libdiff Authors.
//
// The body extractor in brief (docs/extract.md has the long form):
//  1. One walk over the tree turns it into text blocks (a block is the text of
//     the innermost block-level element, inline markup and links folded in),
//     recording for each element its parent and depth, and whether its
//     class/id/role/tag mark it as page furniture (navigation, share bars,
//     related lists, comments, bylines, ...) or as an article body.
//  2. Each block is classified on its own: good prose (long, few links, or a
//     shorter complete sentence), link-heavy or volatile (bad), or neutral.
//  3. Every element gets the mass of good prose it contains minus the mass of
//     bad text; furniture-marked subtrees count as bad for their ancestors but
//     not for themselves, so a container is never penalised for its own mark.
//     The container with the best balance (boosted by article markup) wins:
//     adding a sibling with more prose than furniture moves the choice up,
//     adding a sidebar moves it back down.
//  4. From that container, blocks are kept unless they are link-heavy,
//     volatile, the headline, or inside a furniture subtree of the container;
//     the furniture cut is undone when it would remove most of the prose.
//  5. Fallbacks: JSON-LD articleBody when the container is nearly empty; an
//     empty body with a reason for index pages, error pages and consent walls.
#include "extract/body.h"

#include <nlohmann/json.hpp>
#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <unordered_map>

#include "extract/html_parser.h"
#include "util/utf8.h"

namespace libdiff::internal {

namespace {

// Per-tag behaviour of the walk.
enum TagFlag : uint32_t {
  kSkip = 1u << 0,      // never read (scripts, media, form controls, captions)
  kBlockTag = 1u << 1,  // starts and ends a block
  kLinkTag = 1u << 2,
  kBreak = 1u << 3,     // <br>, <hr>: a space
  kCell = 1u << 4,      // td/th: a space before
  kHeadingTag = 1u << 5,
  kListItemTag = 1u << 6,
  kQuoteTag = 1u << 7,
  kPreTag = 1u << 8,
  kRowTag = 1u << 9,
  kArticleTag = 1u << 10,
  kMainTag = 1u << 11,
  kFurnitureTag = 1u << 12,  // nav, aside, footer, header, menu
  kScriptTag = 1u << 13,
  kH1Tag = 1u << 14,
  kControlTag = 1u << 15,  // button, label: skipped unless they swallowed the page (below)
};

const std::unordered_map<std::string_view, uint32_t>& TagTable() {
  static const auto* table = new std::unordered_map<std::string_view, uint32_t>{
      {"script", kSkip | kScriptTag}, {"style", kSkip}, {"noscript", kSkip}, {"template", kSkip},
      {"svg", kSkip}, {"math", kSkip}, {"iframe", kSkip}, {"object", kSkip},
      {"embed", kSkip}, {"canvas", kSkip}, {"video", kSkip}, {"audio", kSkip}, {"picture", kSkip},
      {"img", kSkip}, {"input", kSkip}, {"select", kSkip}, {"textarea", kSkip},
      {"button", kSkip | kControlTag}, {"option", kSkip}, {"label", kSkip | kControlTag}, {"figure", kSkip}, {"figcaption", kSkip},
      {"dialog", kSkip}, {"title", kSkip}, {"source", kSkip}, {"track", kSkip}, {"map", kSkip},
      {"p", kBlockTag}, {"div", kBlockTag}, {"section", kBlockTag},
      {"article", kBlockTag | kArticleTag}, {"main", kBlockTag | kMainTag},
      {"header", kBlockTag | kFurnitureTag}, {"footer", kBlockTag | kFurnitureTag},
      {"nav", kBlockTag | kFurnitureTag}, {"aside", kBlockTag | kFurnitureTag},
      {"menu", kBlockTag | kFurnitureTag},
      {"h1", kBlockTag | kHeadingTag | kH1Tag}, {"h2", kBlockTag | kHeadingTag},
      {"h3", kBlockTag | kHeadingTag}, {"h4", kBlockTag | kHeadingTag},
      {"h5", kBlockTag | kHeadingTag}, {"h6", kBlockTag | kHeadingTag},
      {"li", kBlockTag | kListItemTag}, {"dt", kBlockTag | kListItemTag},
      {"dd", kBlockTag | kListItemTag}, {"ul", kBlockTag}, {"ol", kBlockTag}, {"dl", kBlockTag},
      {"blockquote", kBlockTag | kQuoteTag}, {"pre", kBlockTag | kPreTag},
      {"table", kBlockTag}, {"tbody", kBlockTag}, {"thead", kBlockTag}, {"tfoot", kBlockTag},
      {"tr", kBlockTag | kRowTag}, {"td", kCell}, {"th", kCell}, {"caption", kSkip},
      {"form", kBlockTag}, {"fieldset", kBlockTag}, {"address", kBlockTag}, {"center", kBlockTag},
      {"details", kBlockTag}, {"summary", kBlockTag}, {"body", kBlockTag}, {"html", kBlockTag},
      {"hr", kBreak}, {"br", kBreak}, {"a", kLinkTag},
  };
  return *table;
}

uint32_t TagFlags(const xmlNode* node) {
  const auto& table = TagTable();
  auto it = table.find(NodeName(node));
  return it == table.end() ? 0u : it->second;
}

// Class/id/role tokens of page furniture. A token must start a word ("share",
// "c-share-bar", "article__related"); the short ones must also end one.
const RE2& FurnitureRe() {
  static const RE2 re(
      "(?:^|[^a-z0-9])(?:"
      "(?:nav|menu|menus|ad|ads|share|tags|tag|author|authors|caption|credit|credits|header|"
      "skip|print|pager|pagination|modal|popup|overlay|toolbar|banner|topics|dateline|"
      "timestamp|masthead|login|related|meta|byline|promo|subnav|footnotes|navigation|"
      "complementary|contentinfo|search|sharing|social|signin|sign-in|more)(?:$|[^a-z])"
      "|related|recommend|newsletter|subscri|socialmedia|social-|share-|sharebar|sharetools|"
      "breadcrumb|comment(?:s|-|_|list|area|box|count|form|thread|section|$)|disqus|cookie|"
      "consent|gdpr|sidebar|side-bar|footer|navbar|popular|trending|advert|sponsor|outbrain|"
      "taboola|teaser|most-|mostpopular|mostread|recirc|readmore|read-more|"
      "further-reading|also-read|more-stories|morestories|more-from|next-article|"
      "ad-slot|adslot|ad-container|adunit|ad-unit|dfp-|byline|newsfeed|signup|sign-up|"
      "author-bio|authorbio|bio-|inline-ad|article-tags|post-tags|tag-list|"
      // embedded social posts: the post is quoted, not written, by the article
      "twitter-tweet|tweet-blockquote|embedded-tweet|twitter-timeline|instagram-media|"
      "tiktok-embed|reddit-embed|bluesky-embed|threads-embed|fb-post)");
  return re;
}

// "widget" only at a token's start ("widget", "widget_recent_entries"): page
// builders name their layout boxes "elementor-widget-container". A weak mark:
// CSS-module layouts wrap every section of an article in "WidgetWrapper_...".
const RE2& WidgetRe() {
  static const RE2 re("(?:^|\\s)widget");
  return re;
}

// Class/id/itemprop tokens of article bodies; they override furniture tokens.
const RE2& ArticleBodyRe() {
  static const RE2 re(
      "(?:^|[^a-z])(?:article-?body|articlebody|article__body|article-?content|article__content|"
      "article-?text|story-?body|story-?content|story-?text|post-?content|post-?body|"
      "entry-?content|entry-?body|body-?text|main-?content|content-?body|text-?content|"
      "rich-?text|richtext|article-?main|news-?body|news-?content|field-?body|post-?text|"
      "single-?post|body-?copy|article-?page-?body|article-?detail|articletext|storybody)");
  return re;
}

// Classes that hide text from readers (screen-reader-only labels and the like).
const RE2& HiddenClassRe() {
  static const RE2 re(
      "(?:^|\\s)(?:hidden|sr-only|visually-?hidden|screen-?reader-?(?:text|only)?|"
      "offscreen|visuallyhidden|a11y|hide|is-hidden|u-hidden)(?:$|\\s)");
  return re;
}

// True when the subtree of `node` holds paragraphs or an article: a <button>
// or <label> left open (libxml2 does not let "</button>" close an open <div>
// inside it, so the rest of the page becomes the button's content). Looks at
// no more than a few hundred elements: a real control is small.
bool HoldsPageContent(const xmlNode* node) {
  int budget = 400;
  const xmlNode* n = node->children;
  while (n != nullptr && n != node) {
    if (n->type == XML_ELEMENT_NODE) {
      if (--budget == 0) return true;
      const std::string_view name = NodeName(n);
      if (name == "p" || name == "main" || name == "article") return true;
      if (n->children != nullptr) {
        n = n->children;
        continue;
      }
    }
    while (n != node && n->next == nullptr) n = n->parent;
    if (n != node) n = n->next;
  }
  return false;
}

struct Elem {
  int parent = -1;
  int depth = 0;
  int end = 0;  // one past the index of the last descendant
  uint32_t tag = 0;
  bool furniture = false;
  bool weak_furniture = false;  // marked by "widget" alone
  bool article_body = false;
  double good = 0;
  double bad = 0;
  double furniture_good = 0;  // prose inside furniture subtrees below this element
  int good_blocks = 0;
  int link_blocks = 0;
  // Shape of the element, for comparing it with its siblings.
  size_t signature = 0;   // hash of the tag name and the first class token
  int prev_sibling = -1;  // the previous element read under the same parent
  int next_sibling = -1;
  // Every block below, furniture or not.
  int all_blocks = 0;
  int all_good_blocks = 0;
  double all_good = 0;
  int h1_blocks = 0;
  int all_link_blocks = 0;
  bool teaser = false;  // one of a run of look-alike teasers (headline link + summary)
  // The blocks read inside the element: blocks_[block_begin, block_end).
  int block_begin = 0;
  int block_end = 0;
};

struct RawBlock {
  int owner = 0;
  BlockKind kind = BlockKind::kParagraph;
  bool h1 = false;
  std::string text;
  size_t bytes = 0;       // non-space bytes
  size_t link_bytes = 0;  // non-space bytes inside links
  int furniture_depth = -1;  // depth of the deepest furniture ancestor, -1 if none
  // When the furniture mark is on the block's own <p>: the depth without it.
  // A paragraph of prose marked like furniture (class="paywall", "content-meta")
  // is prose; a short one ("byline", "caption") is furniture.
  bool own_mark_only = false;
  int outer_furniture_depth = -1;
  int furniture_elem = -1;  // the innermost furniture ancestor, -1 if none
  // Classification.
  double good = 0;
  double bad = 0;
  bool volatile_text = false;
};

struct Context {
  int owner = 0;
  BlockKind kind = BlockKind::kParagraph;
  bool h1 = false;
  int furniture_depth = -1;
  int outer_furniture_depth = -1;
  int furniture_elem = -1;
  bool own_mark_only = false;
};

bool EndsSentence(const std::string& t) {
  size_t n = t.size();
  while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '"' || t[n - 1] == '\'' || t[n - 1] == ')'))
    --n;
  if (n == 0) return false;
  const char c = t[n - 1];
  if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';') return true;
  // Closing quotes and CJK / Arabic / Devanagari full stops.
  static const char* const kEnds[] = {"\xE2\x80\x9D", "\xE2\x80\x99", "\xE3\x80\x82",
                                      "\xEF\xBC\x81", "\xEF\xBC\x9F", "\xD8\x9F",
                                      "\xDB\x94",     "\xE0\xA5\xA4", "\xE2\x80\xA6"};
  for (const char* e : kEnds) {
    const size_t len = std::strlen(e);
    if (n >= len && t.compare(n - len, len, e) == 0) {
      if (len == 3 && (std::strcmp(e, "\xE2\x80\x9D") == 0 || std::strcmp(e, "\xE2\x80\x99") == 0))
        return n > 3 && (t[n - 4] == '.' || t[n - 4] == '!' || t[n - 4] == '?');
      return true;
    }
  }
  return false;
}

class TreeReader {
 public:
  // `read_hidden`: also read what the page hides (hidden, aria-hidden, hiding
  // classes); the retry for pages whose visible text holds no article.
  TreeReader(const ExtractOptions& options, bool read_hidden)
      : options_(options), read_hidden_(read_hidden) {}

  void Read(xmlNode* root) {
    elems_.reserve(4096);
    Elem top;
    top.depth = 0;
    elems_.push_back(top);
    Context ctx;
    int prev = -1;
    for (xmlNode* c = root; c != nullptr; c = c->next) prev = Visit(c, 0, 1, ctx, prev);
    Flush(ctx);
    elems_[0].end = static_cast<int>(elems_.size());
  }

  std::vector<Elem>& elems() { return elems_; }
  std::vector<RawBlock>& blocks() { return blocks_; }
  const std::vector<std::string>& json_ld() const { return json_ld_; }
  const std::string& app_state() const { return app_state_; }

 private:
  static constexpr size_t kMaxRawBlocks = 200000;

  static bool IsSpace(const unsigned char* p) {
    const unsigned char c = *p;
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v' ||
           (c == 0xC2 && p[1] == 0xA0);  // no-break space
  }

  // Appends `s` with its whitespace collapsed, a run of non-space bytes at a time.
  void AppendText(const char* s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s);
    while (*p) {
      if (IsSpace(p)) {
        pending_space_ = true;
        p += *p == 0xC2 ? 2 : 1;
        continue;
      }
      const unsigned char* start = p;
      while (*p && !IsSpace(p)) ++p;
      if (pending_space_ && !buf_.empty()) buf_.push_back(' ');
      pending_space_ = false;
      const size_t n = static_cast<size_t>(p - start);
      buf_.append(reinterpret_cast<const char*>(start), n);
      buf_bytes_ += n;
      if (link_depth_ > 0) buf_link_ += n;
    }
  }

  void Flush(const Context& ctx) {
    if (buf_bytes_ > 0 && blocks_.size() < kMaxRawBlocks) {
      RawBlock b;
      b.owner = ctx.owner;
      b.kind = ctx.kind;
      b.h1 = ctx.h1;
      b.text = std::move(buf_);
      b.bytes = buf_bytes_;
      b.link_bytes = buf_link_;
      b.furniture_depth = ctx.furniture_depth;
      b.own_mark_only = ctx.own_mark_only;
      b.outer_furniture_depth = ctx.outer_furniture_depth;
      b.furniture_elem = ctx.furniture_elem;
      blocks_.push_back(std::move(b));
    }
    buf_.clear();
    buf_bytes_ = 0;
    buf_link_ = 0;
    pending_space_ = false;
  }

  static bool HasText(const xmlNode* n) { return n->content != nullptr && n->content[0] != 0; }

  // Reads `node` and its subtree; returns the index of the last element read
  // directly under `parent` (`prev` when `node` adds none).
  int Visit(xmlNode* node, int parent, int depth, Context& ctx, int prev) {
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
      if (HasText(node)) AppendText(NodeText(node));
      return prev;
    }
    if (node->type != XML_ELEMENT_NODE) return prev;
    if (depth > options_.max_depth) return prev;
    uint32_t tag = TagFlags(node);
    if ((tag & kControlTag) && HoldsPageContent(node)) tag = kBlockTag;
    if (tag & kSkip) {
      if (tag & kScriptTag) CaptureJsonLd(node);
      return prev;
    }
    if (tag & kBreak) {
      pending_space_ = true;
      return prev;
    }
    if (tag & kCell) pending_space_ = true;

    bool furniture = (tag & kFurnitureTag) != 0;
    bool weak_furniture = false;
    bool article_body = false;
    // The first token of the class attribute, as attrs_[class_start, class_end).
    size_t class_start = 0, class_end = 0;
    if (node->properties != nullptr) {
      // One pass over the attributes: class, id, role, itemprop (in this
      // order in attrs_), hidden and aria-hidden.
      const char* values[4] = {nullptr, nullptr, nullptr, nullptr};
      for (const xmlAttr* a = node->properties; a != nullptr; a = a->next) {
        const char* n = reinterpret_cast<const char*>(a->name);
        const char* v = a->children != nullptr && a->children->content != nullptr
                            ? reinterpret_cast<const char*>(a->children->content)
                            : "";
        int slot = -1;
        switch (n[0]) {
          case 'h':
            if (std::strcmp(n, "hidden") == 0 && !read_hidden_) return prev;
            break;
          case 'a':
            if (std::strcmp(n, "aria-hidden") == 0 && std::strcmp(v, "true") == 0 && !read_hidden_)
              return prev;
            break;
          case 'c':
            if (std::strcmp(n, "class") == 0) slot = 0;
            break;
          case 'i':
            if (std::strcmp(n, "id") == 0) slot = 1;
            else if (std::strcmp(n, "itemprop") == 0) slot = 3;
            break;
          case 'r':
            if (std::strcmp(n, "role") == 0) slot = 2;
            break;
          default:
            break;
        }
        if (slot >= 0 && values[slot] == nullptr) values[slot] = v;
      }
      // Inline display:none is not a reason to skip: paywalled pages hide the
      // rest of the article that way, while hidden menus and modals carry
      // furniture classes anyway.
      attrs_.clear();
      for (int k = 0; k < 4; ++k) {
        const char* v = values[k];
        if (v == nullptr) continue;
        attrs_.push_back(' ');
        for (const char* p = v; *p; ++p) {
          const char c = *p;
          attrs_.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
        }
        if (k == 0) {
          class_start = std::min(attrs_.find_first_not_of(" \t\n\r\f"), attrs_.size());
          class_end = std::min(attrs_.find_first_of(" \t\n\r\f", class_start), attrs_.size());
        }
      }
      if (!attrs_.empty()) {
        const uint8_t marks = AttributeMarks();
        if ((marks & kMarkHidden) && !read_hidden_) return prev;
        article_body = (marks & kMarkArticleBody) != 0;
        if (marks & (kMarkFurniture | kMarkWidget)) furniture = true;
        weak_furniture = (marks & kMarkWidget) != 0 && !(tag & kFurnitureTag);
      }
    }
    if (article_body) furniture = false;
    // A link met in the middle of a block's text is part of that text:
    // <p>... a <a class="recommendation-inline-link">vegetable garden</a>. ...</p>
    // is one sentence, not a paragraph cut around a related link (its link
    // bytes count against the block anyway). Other inline marks keep their
    // meaning: "iPhone 11 <span class="credit">Credit: Apple</span>".
    if (furniture && (tag & kLinkTag) && buf_bytes_ > 0) furniture = false;

    const int index = static_cast<int>(elems_.size());
    Elem e;
    e.parent = parent;
    e.depth = depth;
    e.tag = tag;
    e.furniture = furniture;
    e.weak_furniture = furniture && weak_furniture;
    e.article_body = article_body;
    e.prev_sibling = prev;
    // Teasers of a list differ in their other classes ("box news", "box review").
    const std::string_view first_class =
        std::string_view(attrs_).substr(class_start, class_end - class_start);
    uint64_t h = 1469598103934665603ull;  // FNV-1a over "tag class"
    for (const char* p = NodeName(node); *p; ++p) h = (h ^ static_cast<unsigned char>(*p)) * 1099511628211ull;
    h = (h ^ ' ') * 1099511628211ull;
    for (char c : first_class) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    e.signature = static_cast<size_t>(h);
    if (prev >= 0) elems_[static_cast<size_t>(prev)].next_sibling = index;
    elems_.push_back(e);

    const bool block = (tag & kBlockTag) || furniture || article_body;
    Context inner = ctx;
    if (block) {
      Flush(ctx);
      elems_[static_cast<size_t>(index)].block_begin = static_cast<int>(blocks_.size());
      inner.owner = index;
      inner.own_mark_only = false;
      if (furniture) {
        inner.own_mark_only = std::strcmp(NodeName(node), "p") == 0;
        inner.outer_furniture_depth = ctx.furniture_depth;
        inner.furniture_depth = depth;
        inner.furniture_elem = index;
      }
      if (tag & kHeadingTag) {
        inner.kind = BlockKind::kHeading;
        inner.h1 = (tag & kH1Tag) != 0;
      } else if (tag & kListItemTag) {
        inner.kind = BlockKind::kListItem;
      } else if (tag & kQuoteTag) {
        inner.kind = BlockKind::kQuote;
      } else if (tag & kPreTag) {
        inner.kind = BlockKind::kPreformatted;
      } else if (tag & kRowTag) {
        inner.kind = BlockKind::kTableRow;
      }
    }
    if (tag & kLinkTag) ++link_depth_;
    int child = -1;
    for (xmlNode* c = node->children; c != nullptr; c = c->next)
      child = Visit(c, index, depth + 1, inner, child);
    if (tag & kLinkTag) --link_depth_;
    if (block) Flush(inner);
    if (tag & kCell) pending_space_ = true;
    elems_[static_cast<size_t>(index)].end = static_cast<int>(elems_.size());
    elems_[static_cast<size_t>(index)].block_end =
        block ? static_cast<int>(blocks_.size()) : elems_[static_cast<size_t>(index)].block_begin;
    return index;
  }

  static constexpr uint8_t kMarkHidden = 1, kMarkArticleBody = 2, kMarkFurniture = 4, kMarkWidget = 8;

  // The marks of the class/id/role/itemprop string in attrs_. Pages repeat the
  // same class strings many times, so results are remembered per page.
  uint8_t AttributeMarks() {
    auto it = mark_cache_.find(attrs_);
    if (it != mark_cache_.end()) return it->second;
    uint8_t marks = 0;
    if (RE2::PartialMatch(attrs_, HiddenClassRe())) {
      marks = kMarkHidden;
    } else if (RE2::PartialMatch(attrs_, ArticleBodyRe())) {
      marks = kMarkArticleBody;
    } else if (RE2::PartialMatch(attrs_, FurnitureRe())) {
      marks = kMarkFurniture;
    } else if (attrs_.find("widget") != std::string::npos &&
               RE2::PartialMatch(attrs_, WidgetRe())) {
      marks = kMarkWidget;
    }
    if (mark_cache_.size() < 20000) mark_cache_.emplace(attrs_, marks);
    return marks;
  }

  void CaptureJsonLd(const xmlNode* node) {
    const char* type = AttributeValue(node, "type");
    const char* id = AttributeValue(node, "id");
    const bool app_state = id != nullptr && std::strcmp(id, "__NEXT_DATA__") == 0;
    if (!app_state && (type == nullptr || std::strstr(type, "ld+json") == nullptr)) return;
    std::string text;
    for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
      if (c->content != nullptr) text += NodeText(c);
    }
    if (app_state) {
      app_state_ = std::move(text);
    } else if (!text.empty() && json_ld_.size() < 16) {
      json_ld_.push_back(std::move(text));
    }
  }

  const ExtractOptions& options_;
  const bool read_hidden_;
  std::vector<Elem> elems_;
  std::vector<RawBlock> blocks_;
  std::vector<std::string> json_ld_;
  std::string app_state_;  // Next.js __NEXT_DATA__
  std::string buf_;
  std::string attrs_;
  std::unordered_map<std::string, uint8_t> mark_cache_;
  size_t buf_bytes_ = 0;
  size_t buf_link_ = 0;
  int link_depth_ = 0;
  bool pending_space_ = false;
};

// Volatile and furniture text, matched against whole short blocks.
const RE2& VolatileRe() {
  static const RE2 re(
      "(?i)^(?:"
      // "3 hours ago", "Updated 5 mins ago"
      ".{0,40}\\b\\d+\\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|"
      "weeks?|mo|months?|y|yrs?|years?)\\s+ago\\b.{0,20}"
      // "5 min read", "Reading time: 4 minutes"
      "|\\d+\\s*(?:-|\\s)?(?:min|mins|minute|minutes)\\.?\\s+(?:read|listen|watch|video)"
      "|(?:estimated\\s+)?reading\\s+time\\s*:?.{0,20}"
      // counters
      "|[\\d.,]+\\s*[km]?\\s*(?:comments?|views?|shares?|likes?|reads?|responses?|replies|reactions?)"
      "|(?:comments?|views?|shares?|replies)\\s*:?\\s*\\(?[\\d.,]+[km]?\\)?"
      // share bars
      "|(?:(?:share|share this|share on|tweet|email|e-mail|print|facebook|twitter|x|linkedin|"
      "whatsapp|reddit|pinterest|telegram|copy link|copy|link|flipboard|messenger|comments?|save|"
      "gift(?: this)? article|listen|bookmark)(?:\\s*[|/·•,]\\s*|\\s+|$))+"
      // furniture labels
      "|(?:advertisement|advertising|ad|ads|sponsored|sponsored content|promoted|paid content|"
      "skip advertisement|continue reading(?: below)?|(?:story|article) continues below"
      "(?: advertisement)?|scroll to continue(?: with content)?|read more|read next|read also|"
      "see also|more|related|related (?:articles|stories|coverage|content|news|topics|links)|"
      "recommended(?: for you| stories)?|most (?:popular|read|viewed|shared)|trending(?: now)?|"
      "latest(?: news| stories)?|you may also like|you might also like|sign up|subscribe(?: now)?|"
      "follow us(?: on .{1,30})?|click here|listen to (?:this )?(?:article|story)|"
      "loading|image|photo|video|getty images|ap photo|reuters|afp|topics|tags)\\W*"
      // copyright lines
      "|(?:©|\\(c\\)|copyright\\b|all rights reserved).{0,200}"
      // photo credits: "WWD/Getty Images", "Jane Doe / AP", "Photo: Reuters"
      "|.{0,60}(?:getty images|shutterstock|/\\s*ap|/\\s*afp|/\\s*reuters|/\\s*mashable|"
      "/\\s*cnet|istock|alamy|pool photo|file photo|via ap|ap photo).{0,40}"
      "|(?:photo|image|picture|illustration|graphic|video)(?: credit)?s?\\s*:.{0,80}"
      // bylines
      "|by\\s+[^.!?]{2,60}"
      // date lines
      "|(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|"
      "sept|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b.{0,30}"
      "|(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?\\d{1,2}\\.?\\s+(?:jan|feb|mar|apr|may|"
      "jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?,?\\s+\\d{4}\\b.{0,30}"
      "|\\d{4}-\\d{2}-\\d{2}\\b.{0,25}"
      "|\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}\\b.{0,25}"
      ")$");
  return re;
}

// "Updated ...", "Published ...", "Posted ..." lines that carry a time, also
// behind the clock time some sites print first ("19:15 Updated Nov. 19, ...").
const RE2& UpdatedLineRe() {
  static const RE2 re(
      "(?i)^(?:\\d{1,2}[:.]\\d{2}\\s*(?:[ap]\\.?m\\.?)?\\s*[|·•,-]?\\s*)?"
      "(?:last\\s+|first\\s+|originally\\s+)?(?:updated|published|posted|modified|edited|"
      "created)\\s*(?::|on|at|-|–|—)?\\s*(?:\\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|"
      "mon|tue|wed|thu|fri|sat|sun|yesterday|today|an? (?:hour|minute|day)).{0,60}$");
  return re;
}

// Prompts of the site, not sentences of the article: newsletter sign-ups and
// their confirmations, affiliate-link notices. Matched anywhere in a short block.
const RE2& PromoRe() {
  static const RE2 re(
      "(?i)(?:\\bsign(?:ing)?[ -]?up\\b[^.!?]{0,80}\\b(?:newsletters?|inbox|e-?mails?|alerts?|"
      "notifications?)\\b"
      "|\\b(?:delivered|direct|directly|straight|right)(?: right)? to your inbox\\b"
      "|\\bsubscribe to (?:our|the)\\b[^.!?]{0,40}\\bnewsletters?\\b"
      "|\\bthanks? (?:you )?for (?:subscribing|signing up)"
      "|\\byour subscription (?:has been|could not|was)\\b"
      "|\\bclick here to subscribe\\b"
      "|\\baffiliate (?:links?|partnerships?|commissions?)\\b"
      "|\\b(?:may|might|will) (?:earn|receive) (?:a |an affiliate )?(?:commission|compensation)\\b"
      "|\\bwe (?:earn|receive) (?:a )?(?:commission|compensation)\\b)");
  return re;
}

// A cheap test that PromoRe() could match: one of its key words is present
// (case-sensitive fragments that cover both cases of the first letter).
bool MayBePromo(std::string_view text) {
  for (std::string_view key : {"nbox", "ign", "ubscri", "ommission", "ompensation", "ffiliate"}) {
    if (text.find(key) != std::string_view::npos) return true;
  }
  return false;
}

const RE2& HasTimeRe() {
  static const RE2 re("(?i)\\d|\\bago\\b|\\byesterday\\b|\\btoday\\b");
  return re;
}

const RE2& ErrorPageRe() {
  static const RE2 re(
      "(?i)\\b(?:404|not found|page not found|no longer available|does not exist|"
      "doesn't exist|cannot be found|can't be found|error)\\b");
  return re;
}

const RE2& ConsentRe() {
  static const RE2 re(
      "(?i)\\b(?:cookies?|consent|privacy|accept all|reject all|agree|gdpr|personal data|"
      "partners)\\b");
  return re;
}

// JSON-LD articleBody, when one is present (the longest one).
// `s` parsed as JSON; discarded when malformed or nested absurdly deep
// (nlohmann's parser recurses).
nlohmann::json ParseBoundedJson(const std::string& s) {
  int depth = 0, max_depth = 0;
  for (char c : s) {
    if (c == '{' || c == '[') max_depth = std::max(max_depth, ++depth);
    if (c == '}' || c == ']') --depth;
  }
  if (max_depth > 64) return nlohmann::json(nlohmann::json::value_t::discarded);
  return nlohmann::json::parse(s, nullptr, /*allow_exceptions=*/false);
}

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

std::string JsonLdArticleBody(const std::vector<std::string>& scripts, bool* is_article) {
  std::string best;
  for (const std::string& s : scripts) {
    const nlohmann::json j = ParseBoundedJson(s);
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

// The article text in a script framework's page data (Next.js __NEXT_DATA__):
// the longest string of 400+ bytes under a key that names a body
// ("articleBody", "body", "content", "html", "bodyHtml", ...), its markup
// turned into one paragraph per line. Empty when there is none.
std::string AppStateArticleBody(const std::string& script) {
  if (script.empty()) return {};
  const nlohmann::json j = ParseBoundedJson(script);
  if (j.is_discarded()) return {};
  const std::string* best = nullptr;
  VisitMembers(j, [&](const std::string& key, const nlohmann::json& value) {
    if (!value.is_string()) return;
    std::string k = key;
    for (char& c : k) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    if (k != "articlebody" && k != "body" && k != "content" && k != "html" &&
        k != "bodyhtml" && k != "contenthtml" && k != "articlehtml")
      return;
    const auto& text = value.get_ref<const std::string&>();
    if (text.size() >= 400 && (best == nullptr || text.size() > best->size())) best = &text;
  });
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

void Classify(RawBlock& b) {
  const double bytes = static_cast<double>(b.bytes);
  const double ld = bytes > 0 ? static_cast<double>(b.link_bytes) / bytes : 0.0;
  if (b.bytes < 320 && IsVolatileOrFurnitureText(b.text)) {
    b.volatile_text = true;
    b.bad = bytes;
    return;
  }
  if (ld > 0.5) {
    b.bad = bytes;
    return;
  }
  if (b.kind == BlockKind::kHeading) return;
  if (b.bytes >= 100 && ld <= 0.3) {
    b.good = bytes * (1.0 - ld);
  } else if (b.bytes >= 40 && ld <= 0.1 && EndsSentence(b.text)) {
    b.good = bytes * 0.5;
  } else if (ld > 0.25) {
    b.bad = bytes * ld;
  }
}

// Marks runs of teasers: three or more consecutive siblings of the same shape
// (tag and class), most of them holding a link-heavy block (the headline link)
// and at most two short paragraphs of prose (the summary). Lists of other
// articles look like this ("Latest", "More from", topic rivers); an article's
// own paragraphs do not, as they are not each wrapped with a headline link.
void MarkTeaserRuns(std::vector<Elem>& elems) {
  const auto teaser_shaped = [&](const Elem& e) {
    return e.all_link_blocks >= 1 && e.all_good_blocks >= 1 && e.all_good_blocks <= 2 &&
           e.all_good <= 800;
  };
  for (size_t i = 1; i < elems.size(); ++i) {
    const Elem& first = elems[i];
    if (first.prev_sibling >= 0 &&
        elems[static_cast<size_t>(first.prev_sibling)].signature == first.signature)
      continue;  // not the start of a run
    int run = 0, shaped = 0;
    for (int j = static_cast<int>(i); j >= 0 && elems[static_cast<size_t>(j)].signature == first.signature;
         j = elems[static_cast<size_t>(j)].next_sibling) {
      ++run;
      if (teaser_shaped(elems[static_cast<size_t>(j)])) ++shaped;
    }
    if (shaped < 3 || 3 * shaped < 2 * run) continue;
    for (int j = static_cast<int>(i); j >= 0 && elems[static_cast<size_t>(j)].signature == first.signature;
         j = elems[static_cast<size_t>(j)].next_sibling) {
      Elem& e = elems[static_cast<size_t>(j)];
      if (teaser_shaped(e)) e.teaser = true;
    }
  }
}

// Linked list items between two paragraphs of prose of an element (the
// patches a post reports, its sources, a table of contents) are kept by the
// output (below); they should not count against the element as a container
// either, or an article made mostly of such lists loses to one of its
// sections. Only unmarked items count: a list in furniture stays clutter.
void ForgiveLinkListsBetweenProse(std::vector<Elem>& elems, const std::vector<RawBlock>& blocks) {
  const size_t n = blocks.size();
  std::vector<double> forgiven(n + 1, 0.0);  // prefix sums of forgivable bad mass
  std::vector<int> next_good(n + 1, static_cast<int>(n)), prev_good(n, -1);
  for (size_t i = 0; i < n; ++i) {
    const RawBlock& b = blocks[i];
    const bool item = b.kind == BlockKind::kListItem && b.good == 0 && b.bad > 0 &&
                      !b.volatile_text && b.furniture_depth < 0;
    forgiven[i + 1] = forgiven[i] + (item ? b.bad : 0.0);
    const bool prose = b.good > 0 && b.furniture_depth < 0;
    prev_good[i] = prose ? static_cast<int>(i) : (i > 0 ? prev_good[i - 1] : -1);
  }
  for (size_t i = n; i-- > 0;) {
    const RawBlock& b = blocks[i];
    next_good[i] = b.good > 0 && b.furniture_depth < 0 ? static_cast<int>(i) : next_good[i + 1];
  }
  for (Elem& e : elems) {
    if (e.good_blocks < 2 || e.block_end <= e.block_begin) continue;
    const int first = next_good[static_cast<size_t>(e.block_begin)];
    const int last = prev_good[static_cast<size_t>(e.block_end - 1)];
    if (first >= last) continue;
    e.bad -= forgiven[static_cast<size_t>(last)] - forgiven[static_cast<size_t>(first)];
    if (e.bad < 0) e.bad = 0;
  }
}

// Boxes marked only by "widget" that together hold half of the page's prose
// are the article's layout, not a sidebar's widgets: a page builder puts each
// section of a post in "so-panel widget widget_text", a CSS-module layout in
// "WidgetWrapper_...". Their marks are lifted then (a sidebar of widgets
// never holds most of a page's prose). True when a mark was lifted.
bool UnmarkWidgetsHoldingTheProse(std::vector<Elem>& elems, double page_good) {
  double prose = 0;
  bool any = false;
  for (size_t i = 1; i < elems.size();) {
    const Elem& e = elems[i];
    if (e.weak_furniture && !e.teaser) {
      prose += e.all_good;  // the outermost marked box; those inside it are counted
      any = true;
      i = static_cast<size_t>(e.end);
    } else {
      ++i;
    }
  }
  if (!any || prose < 0.5 * page_good) return false;
  for (Elem& e : elems) {
    if (e.weak_furniture && !e.teaser) {
      e.furniture = false;
      e.weak_furniture = false;
    }
  }
  return true;
}

// The furniture ancestors of every block again, after marks were lifted.
void RecomputeFurniture(const std::vector<Elem>& elems, std::vector<RawBlock>& blocks) {
  for (RawBlock& b : blocks) {
    if (b.furniture_elem < 0) continue;
    const int old_elem = b.furniture_elem;
    b.furniture_elem = -1;
    b.furniture_depth = -1;
    b.outer_furniture_depth = -1;
    for (int a = b.owner; a > 0; a = elems[static_cast<size_t>(a)].parent) {
      const Elem& e = elems[static_cast<size_t>(a)];
      if (!e.furniture) continue;
      if (b.furniture_elem < 0) {
        b.furniture_elem = a;
        b.furniture_depth = e.depth;
      } else {
        b.outer_furniture_depth = e.depth;
        break;
      }
    }
    if (b.furniture_elem != old_elem) b.own_mark_only = false;
  }
}

// Hashes of the word 4-grams of `text` (words: runs of ASCII letters and
// digits or of non-ASCII bytes).
std::vector<uint64_t> WordShingles(const std::string& text) {
  std::vector<uint64_t> words;
  uint64_t h = 0;
  bool in_word = false;
  words.reserve(text.size() / 5);
  for (char ch : text) {
    const auto u = static_cast<unsigned char>(ch);
    if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u >= 0x80) {
      h = (in_word ? h : 1469598103934665603ull) ^ u;
      h *= 1099511628211ull;
      in_word = true;
    } else if (in_word) {
      words.push_back(h);
      in_word = false;
    }
  }
  if (in_word) words.push_back(h);
  std::vector<uint64_t> shingles;
  for (size_t i = 0; i + 4 <= words.size(); ++i) {
    uint64_t s = words[i];
    for (size_t k = 1; k < 4; ++k) s = s * 0x9E3779B97F4A7C15ull + words[i + k];
    shingles.push_back(s);
  }
  return shingles;
}

// Drops blocks whose text the rest of the body already says: a summary box or
// "key points" list repeating the first paragraphs, a pull quote, a block
// shown twice (once for small screens). Of two copies the later one stays.
void DropRepeatedBlocks(std::vector<Block>* out) {
  if (out->size() < 2) return;
  // Each block's shingles as indexes into the sorted distinct shingles of the
  // body, with a count of the kept blocks' occurrences of each.
  std::vector<std::vector<uint64_t>> shingles;
  std::vector<uint64_t> distinct;
  for (const Block& b : *out) {
    shingles.push_back(WordShingles(b.text));
    distinct.insert(distinct.end(), shingles.back().begin(), shingles.back().end());
  }
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  std::vector<int> count(distinct.size(), 0);
  for (std::vector<uint64_t>& own : shingles) {
    for (uint64_t& s : own) {
      s = static_cast<uint64_t>(std::lower_bound(distinct.begin(), distinct.end(), s) - distinct.begin());
      ++count[s];
    }
  }
  std::vector<Block> kept;
  for (size_t i = 0; i < out->size(); ++i) {
    const std::vector<uint64_t>& own = shingles[i];
    for (uint64_t s : own) --count[s];
    size_t covered = 0;
    for (uint64_t s : own) covered += count[s] > 0 ? 1u : 0u;
    // At least 5 shingles (8 words): short repeats ("Read more") are not judged
    // here. An interview asks each guest the same question: questions stay.
    const std::string& t = (*out)[i].text;
    const bool question = !t.empty() && t.back() == '?';
    if (own.size() >= 5 && !question && covered * 10 >= own.size() * 8) continue;
    for (uint64_t s : own) ++count[s];
    kept.push_back(std::move((*out)[i]));
  }
  *out = std::move(kept);
}

}  // namespace

const char* BodySourceName(BodySource source) {
  switch (source) {
    case BodySource::kDom: return "dom";
    case BodySource::kJsonLd: return "json-ld";
    case BodySource::kAppState: return "app-state";
  }
  return "dom";
}

bool IsVolatileOrFurnitureText(const std::string& text) {
  if (RE2::FullMatch(text, VolatileRe())) return true;
  if (text.size() < 320 && MayBePromo(text) && RE2::PartialMatch(text, PromoRe())) return true;
  return RE2::FullMatch(text, UpdatedLineRe()) && RE2::PartialMatch(text, HasTimeRe());
}

namespace {

// The last resort before calling a page empty: the deepest element holding
// 80% of the page's prose, read whole except for link-heavy and volatile
// blocks and marked furniture (teaser marks ignored). Pages of short pieces of
// prose (a company's front page, a list of short items) have no container that
// outweighs its clutter, yet they hold text a reader came for.
std::vector<Block> ProseRegionBlocks(const std::vector<Elem>& elems,
                                     const std::vector<RawBlock>& blocks, double page_good,
                                     size_t max_blocks) {
  int region = -1;
  // Parents precede their children, so the last match is the deepest.
  for (size_t i = 0; i < elems.size(); ++i) {
    if (elems[i].all_good >= 0.8 * page_good) region = static_cast<int>(i);
  }
  std::vector<Block> out;
  if (region < 0) return out;
  const Elem& r = elems[static_cast<size_t>(region)];
  for (const RawBlock& b : blocks) {
    if (out.size() >= max_blocks) break;
    if (b.owner < region || b.owner >= r.end || b.volatile_text || b.h1) continue;
    if (b.link_bytes * 2 > b.bytes || (b.good == 0 && b.bytes < 20)) continue;
    bool in_furniture = false;
    for (int a = b.owner; a > region && !in_furniture; a = elems[static_cast<size_t>(a)].parent)
      in_furniture = elems[static_cast<size_t>(a)].furniture;
    if (in_furniture) continue;
    out.push_back({b.kind, IsValidUtf8(b.text) ? b.text : RepairUtf8(b.text)});
  }
  DropRepeatedBlocks(&out);
  return out;
}

// The body of a page whose markup holds none: the JSON-LD articleBody, else
// the Next.js page data. False (and `result` untouched) when neither has one.
bool ReadEmbeddedBody(const TreeReader& reader, const ExtractOptions& options, BodyResult* result) {
  bool is_article = false;
  std::vector<Block> body =
      SplitParagraphs(JsonLdArticleBody(reader.json_ld(), &is_article), options.max_blocks);
  BodySource source = BodySource::kJsonLd;
  if (body.empty()) {
    body = SplitParagraphs(AppStateArticleBody(reader.app_state()), options.max_blocks);
    source = BodySource::kAppState;
  }
  if (body.empty()) return false;
  result->blocks = std::move(body);
  result->source = source;
  return true;
}

// One reading of the page; see ExtractBody.
BodyResult ExtractBodyPass(xmlNode* root, const ExtractOptions& options, const std::string& title,
                           bool read_hidden, bool widest) {
  BodyResult result;
  TreeReader reader(options, read_hidden);
  reader.Read(root);
  std::vector<Elem>& elems = reader.elems();
  std::vector<RawBlock>& blocks = reader.blocks();
  if (blocks.empty()) {
    // A script-rendered shell (<div id="__next"></div>) shows no text at all.
    if (!ReadEmbeddedBody(reader, options, &result)) result.empty_reason = "no text";
    return result;
  }

  // Classify blocks and count every block below each element (parents come
  // before their children in `elems`).
  double page_good = 0;
  for (RawBlock& b : blocks) {
    Classify(b);
    Elem& owner = elems[static_cast<size_t>(b.owner)];
    ++owner.all_blocks;
    if (b.h1) ++owner.h1_blocks;
    if (b.bytes >= 15 && b.link_bytes * 2 > b.bytes) ++owner.all_link_blocks;
    if (b.good > 0) {
      ++owner.all_good_blocks;
      owner.all_good += b.good;
      page_good += b.good;
    }
  }
  for (size_t i = elems.size(); i-- > 1;) {
    const Elem& e = elems[i];
    Elem& p = elems[static_cast<size_t>(e.parent)];
    p.all_blocks += e.all_blocks;
    p.all_good_blocks += e.all_good_blocks;
    p.all_good += e.all_good;
    p.h1_blocks += e.h1_blocks;
    p.all_link_blocks += e.all_link_blocks;
  }
  MarkTeaserRuns(elems);
  if (UnmarkWidgetsHoldingTheProse(elems, page_good)) RecomputeFurniture(elems, blocks);
  // A furniture mark that wraps a single paragraph of prose, repeated on its
  // siblings (<div class="subscriber-preview"><p>...</p></div> per paragraph),
  // marks paragraphs of the article, not furniture.
  const auto lone_prose = [&](int i) {
    if (i < 0) return false;
    const Elem& e = elems[static_cast<size_t>(i)];
    return e.all_blocks == 1 && e.all_good_blocks == 1;
  };
  const auto repeated_prose_wrapper = [&](int i) {
    const Elem& e = elems[static_cast<size_t>(i)];
    if (!lone_prose(i)) return false;
    for (int s : {e.prev_sibling, e.next_sibling}) {
      if (s >= 0 && elems[static_cast<size_t>(s)].signature == e.signature && lone_prose(s)) return true;
    }
    return false;
  };

  // Propagate each block's mass to every ancestor.
  size_t total_bytes = 0;
  for (RawBlock& b : blocks) {
    if (b.good > 0 && (b.own_mark_only || (b.furniture_elem >= 0 && repeated_prose_wrapper(b.furniture_elem))))
      b.furniture_depth = b.outer_furniture_depth;
    // Text in a teaser counts as furniture for the elements above the teaser.
    for (int a = b.owner; a > 0; a = elems[static_cast<size_t>(a)].parent) {
      const Elem& t = elems[static_cast<size_t>(a)];
      if (t.teaser) {
        if (t.depth > b.furniture_depth) {
          b.outer_furniture_depth = b.furniture_depth;
          b.furniture_depth = t.depth;
        }
        break;
      }
    }
    total_bytes += b.bytes;
    const bool link_block = b.bytes >= 20 && b.link_bytes * 10 >= b.bytes * 8;
    for (int a = b.owner; a >= 0; a = elems[static_cast<size_t>(a)].parent) {
      Elem& e = elems[static_cast<size_t>(a)];
      if (b.furniture_depth > e.depth) {
        // Prose in furniture (comments, product boxes) earns nothing; the rest
        // of the furniture costs its size.
        if (b.good > 0) {
          e.furniture_good += b.good;
        } else {
          e.bad += std::max(b.bad, 0.5 * static_cast<double>(b.bytes));
        }
      } else if (b.good > 0) {
        e.good += b.good;
        ++e.good_blocks;
      } else {
        e.bad += b.bad;
      }
      if (link_block) ++e.link_blocks;
    }
  }

  ForgiveLinkListsBetweenProse(elems, blocks);

  // The container: the element with the best balance of prose over clutter.
  int best = -1;
  double best_score = 0;
  bool strong_signal = false;
  std::vector<double> scores(elems.size(), 0.0);
  for (size_t i = 0; i < elems.size(); ++i) {
    const Elem& e = elems[i];
    if (e.good_blocks == 0) continue;
    // Article-body markup is the page saying where the text is: the clutter
    // inside it (ads, embeds) costs half.
    double score = e.good - (e.article_body ? 0.5 : 1.0) * e.bad;
    // In (or at) a furniture subtree that holds a minor share of the page's
    // prose (a sidebar box, a comment thread): prose there is rarely the
    // article. A furniture mark on a wrapper of most of the page
    // (<html class="sidebar-mode-1">, <div class="subscriber-content">) says nothing.
    for (int a = static_cast<int>(i); a > 0; a = elems[static_cast<size_t>(a)].parent) {
      const Elem& f = elems[static_cast<size_t>(a)];
      if (f.furniture && f.all_good < 0.5 * page_good) {
        score *= 0.5;
        break;
      }
    }
    if (e.article_body) score *= 1.3;
    if (e.tag & kArticleTag) score *= 1.1;
    if (e.tag & kMainTag) score *= 1.05;
#ifdef LIBDIFF_BODY_DEBUG
    if (std::getenv("LIBDIFF_BODY_DEBUG") != nullptr && (score > 100 || e.all_good > 500))
      std::fprintf(stderr, "candidate %zu good=%.0f bad=%.0f all_good=%.0f/%.0f score=%.0f\n", i, e.good, e.bad, e.all_good, page_good, score);
#endif
    scores[i] = score;
    if (score >= best_score && score > 0) {
      best_score = score;
      best = static_cast<int>(i);
    }
  }
  // Article-body markup nested in article-body markup (a wrapper per
  // paragraph, "article-text" on a lead paragraph): the outer mark says where
  // the article is. A container inside a marked ancestor that holds at least
  // twice its prose and scores above zero gives way to that ancestor; the
  // furniture inside it is cut from the output below.
  for (int a = best >= 0 ? elems[static_cast<size_t>(best)].parent : -1; a > 0;
       a = elems[static_cast<size_t>(a)].parent) {
    const Elem& anc = elems[static_cast<size_t>(a)];
    if (!anc.article_body) continue;
    if (scores[static_cast<size_t>(a)] > 0 && anc.good >= 2 * elems[static_cast<size_t>(best)].good)
      best = a;
  }

#ifdef LIBDIFF_BODY_DEBUG  // a developer aid: -DLIBDIFF_BODY_DEBUG, then LIBDIFF_BODY_DEBUG=1 prints every block
  if (std::getenv("LIBDIFF_BODY_DEBUG") != nullptr) {
    for (const RawBlock& b : blocks) {
      std::string chain;
      for (int a = b.owner; a > 0; a = elems[static_cast<size_t>(a)].parent) {
        const Elem& e = elems[static_cast<size_t>(a)];
        chain = std::to_string(a) + (e.furniture ? "F" : "") + (e.article_body ? "A" : "") + (e.teaser ? "T" : "") + ">" + chain;
      }
      std::fprintf(stderr, "[%s] good=%.0f bad=%.0f fd=%d %s :: %.80s\n", chain.c_str(), b.good, b.bad,
                   b.furniture_depth, b.volatile_text ? "V" : "", b.text.c_str());
    }
    std::fprintf(stderr, "best=%d\n", best);
  }
#endif
  bool jsonld_article = false;
  const std::string jsonld_body = JsonLdArticleBody(reader.json_ld(), &jsonld_article);

  std::vector<Block> out;
  size_t out_bytes = 0;
  if (best >= 0) {
    const Elem& c = elems[static_cast<size_t>(best)];
    strong_signal = c.article_body || (c.tag & kArticleTag) || jsonld_article;
    const bool index_page =
        !strong_signal && c.link_blocks >= 8 && c.link_blocks >= 2 * c.good_blocks;
    if (index_page) {
      result.empty_reason = "no article content (index page)";
      return result;
    }
    // The furniture cut, undone when it would leave little of the prose.
    const bool cut_furniture = c.good >= 0.2 * (c.good + c.furniture_good);

    int first_good = -1, last_good = -1;
    std::vector<const RawBlock*> chosen;
    for (const RawBlock& b : blocks) {
      if (b.owner < best || b.owner >= c.end) continue;
      if (cut_furniture && b.furniture_depth > c.depth) continue;
      if (b.volatile_text || b.h1) continue;
      const double ld = static_cast<double>(b.link_bytes) / static_cast<double>(b.bytes);
      const bool link_item = b.kind == BlockKind::kListItem && ld > 0.3;
      if (!link_item && (ld > 0.5 || (b.bytes < 100 && ld > 0.3 && b.good == 0))) continue;
      if (!title.empty() && chosen.size() < 3 && b.text == title) continue;
      if (b.good > 0) {
        if (first_good < 0) first_good = static_cast<int>(chosen.size());
        last_good = static_cast<int>(chosen.size());
      }
      chosen.push_back(&b);
    }
    // Rows and prose rows of each table (by the rows' parent element).
    std::unordered_map<int, std::pair<int, int>> table_rows;
    for (const RawBlock* b : chosen) {
      if (b->kind != BlockKind::kTableRow) continue;
      auto& counts = table_rows[elems[static_cast<size_t>(b->owner)].parent];
      ++counts.first;
      if (b->good > 0) ++counts.second;
    }
    for (size_t i = 0; i < chosen.size() && out.size() < options.max_blocks; ++i) {
      const RawBlock& b = *chosen[i];
      const int pos = static_cast<int>(i);
      // Before the first paragraph of prose: drop short scraps (kickers, bylines).
      if (pos < first_good && b.good == 0 && b.bytes < 100 && !EndsSentence(b.text)) continue;
      // Scraps of a few characters that are not sentences ("Lender", "10-4"):
      // labels of widgets and tables in the article column.
      if (b.kind == BlockKind::kParagraph && b.good == 0 && b.bytes < 20 &&
          !EndsSentence(b.text))
        continue;
      // Linked list items (sources, steps, a table of contents) only between
      // paragraphs: a list of links before or after the prose is navigation.
      if (b.kind == BlockKind::kListItem && b.good == 0 && b.link_bytes * 10 > b.bytes * 3 &&
          (pos < first_good || pos > last_good))
        continue;
      // After the last paragraph: drop headings of whatever comes next.
      if (pos > last_good && b.kind == BlockKind::kHeading) continue;
      // Rows of data tables (three or more rows and none of them prose:
      // scores, prices, specifications) are not article text; a layout
      // table's rows that hold paragraphs are.
      if (b.kind == BlockKind::kTableRow && b.good == 0) {
        const auto it = table_rows.find(elems[static_cast<size_t>(b.owner)].parent);
        if (it != table_rows.end() && it->second.first >= 3 && it->second.second == 0) continue;
      }
      std::string text = b.text;
      if (!IsValidUtf8(text)) text = RepairUtf8(text);
      out_bytes += b.bytes;
      out.push_back({b.kind, std::move(text)});
    }
    DropRepeatedBlocks(&out);
  }

  // The visible text wins: the embedded copy is read only when the markup
  // gave no body, or a scrap of one (a paywall's first lines) under half its
  // size. A short article whose text was edited after publication keeps the
  // old articleBody in its JSON-LD, of about the same size.
  if ((out.empty() && !jsonld_body.empty()) ||
      (out_bytes < 250 && jsonld_body.size() > 2 * std::max<size_t>(out_bytes, 100))) {
    std::vector<Block> from_json = SplitParagraphs(jsonld_body, options.max_blocks);
    if (!from_json.empty()) {
      result.blocks = std::move(from_json);
      result.source = BodySource::kJsonLd;
      return result;
    }
  }
  // The page data of a script-rendered page, when neither the markup nor
  // JSON-LD gave a body.
  if (out.empty() && !reader.app_state().empty() && ReadEmbeddedBody(reader, options, &result))
    return result;

  if (out.empty() || (best >= 0 && elems[static_cast<size_t>(best)].good < 120 && !strong_signal)) {
    // Little or no prose: say why the page has no article.
    std::string all;
    for (const RawBlock& b : blocks) {
      if (all.size() > 4000) break;
      all += b.text;
      all += ' ';
    }
    std::string heading;
    for (const RawBlock& b : blocks) {
      if (b.kind == BlockKind::kHeading) {
        heading = b.text;
        break;
      }
    }
    if (RE2::PartialMatch(title, ErrorPageRe()) || RE2::PartialMatch(heading, ErrorPageRe())) {
      result.empty_reason = "error page";
    } else if (total_bytes < 3000 && RE2::PartialMatch(all, ConsentRe())) {
      result.empty_reason = "consent wall";
    } else {
      result.empty_reason = "no article content";
    }
    if (!out.empty() && out_bytes >= 120) {
      result.empty_reason.clear();
      result.blocks = std::move(out);
    } else if (widest && page_good >= 120) {
      std::vector<Block> wide = ProseRegionBlocks(elems, blocks, page_good, options.max_blocks);
      if (!wide.empty()) {
        result.empty_reason.clear();
        result.blocks = std::move(wide);
      }
    }
    return result;
  }
  result.blocks = std::move(out);
  return result;
}

}  // namespace

BodyResult ExtractBody(xmlDocPtr doc, const ExtractOptions& options, const std::string& title) {
  xmlNode* root = doc == nullptr ? nullptr : xmlDocGetRootElement(doc);
  if (root == nullptr) {
    BodyResult result;
    result.empty_reason = "no content";
    return result;
  }
  BodyResult result = ExtractBodyPass(root, options, title, /*read_hidden=*/false, /*widest=*/false);
  if (!result.blocks.empty()) return result;
  // Nothing visible is an article. Pages that stream their content in hidden
  // (React's <div hidden id="S:0">), wrap it in a page-transition layer marked
  // aria-hidden, or put a consent overlay over a hidden article still hold
  // the article: read the hidden text too before calling the page empty. The
  // retry costs a second walk on empty pages only.
  BodyResult retry = ExtractBodyPass(root, options, title, /*read_hidden=*/true, /*widest=*/false);
  if (!retry.blocks.empty()) return retry;
  retry = ExtractBodyPass(root, options, title, /*read_hidden=*/false, /*widest=*/true);
  return retry.blocks.empty() ? result : retry;
}

}  // namespace libdiff::internal
