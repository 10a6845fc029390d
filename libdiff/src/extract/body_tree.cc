// Copyright 2026 The libdiff Authors.
//
// The walk of the body extractor (see body_tree.h): the tag table, the
// class/id/role marks of furniture, article bodies and hidden text, and
// TreeReader.
#include "extract/body_tree.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cstring>

#include "extract/html_parser.h"

namespace libdiff::internal {

const std::unordered_map<std::string_view, uint32_t>& TagTable() {
  static const auto* table = new std::unordered_map<std::string_view, uint32_t>{
      {"script", kSkip | kScriptTag},
      {"style", kSkip},
      {"noscript", kSkip},
      {"template", kSkip},
      {"svg", kSkip},
      {"math", kSkip},
      {"iframe", kSkip},
      {"object", kSkip},
      {"embed", kSkip},
      {"canvas", kSkip},
      {"video", kSkip},
      {"audio", kSkip},
      {"picture", kSkip},
      {"img", kSkip},
      {"input", kSkip},
      {"select", kSkip},
      {"textarea", kSkip},
      {"button", kSkip | kControlTag},
      {"option", kSkip},
      {"label", kSkip | kControlTag},
      {"figure", kSkip | kFigureTag},
      {"figcaption", kSkip},
      {"dialog", kSkip},
      {"title", kSkip},
      {"source", kSkip},
      {"track", kSkip},
      {"map", kSkip},
      {"p", kBlockTag},
      {"div", kBlockTag},
      {"section", kBlockTag},
      {"article", kBlockTag | kArticleTag},
      {"main", kBlockTag | kMainTag},
      {"header", kBlockTag | kFurnitureTag},
      {"footer", kBlockTag | kFurnitureTag},
      {"nav", kBlockTag | kFurnitureTag},
      {"aside", kBlockTag | kFurnitureTag},
      {"menu", kBlockTag | kFurnitureTag},
      {"h1", kBlockTag | kHeadingTag | kH1Tag},
      {"h2", kBlockTag | kHeadingTag},
      {"h3", kBlockTag | kHeadingTag},
      {"h4", kBlockTag | kHeadingTag},
      {"h5", kBlockTag | kHeadingTag},
      {"h6", kBlockTag | kHeadingTag},
      {"li", kBlockTag | kListItemTag},
      {"dt", kBlockTag | kListItemTag},
      {"dd", kBlockTag | kListItemTag},
      {"ul", kBlockTag},
      {"ol", kBlockTag},
      {"dl", kBlockTag},
      {"blockquote", kBlockTag | kQuoteTag},
      {"pre", kBlockTag | kPreTag},
      {"table", kBlockTag},
      {"tbody", kBlockTag},
      {"thead", kBlockTag},
      {"tfoot", kBlockTag},
      {"tr", kBlockTag | kRowTag},
      {"td", kCell},
      {"th", kCell},
      {"caption", kSkip},
      {"form", kBlockTag},
      {"fieldset", kBlockTag},
      {"address", kBlockTag},
      {"center", kBlockTag},
      {"details", kBlockTag},
      {"summary", kBlockTag},
      {"body", kBlockTag},
      {"html", kBlockTag},
      {"hr", kBreak},
      {"br", kBreak},
      {"a", kLinkTag},
  };
  return *table;
}

namespace {

uint32_t TagFlags(const xmlNode* node) {
  const auto& table = TagTable();
  auto it = table.find(NodeName(node));
  return it == table.end() ? 0u : it->second;
}

// True when the capital at value[i] starts a word of a camelCase name: it
// follows a lower-case letter or digit and a lower-case letter follows it.
bool StartsCamelWord(std::string_view value, size_t i) {
  const auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  const auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  return i > 0 && i + 1 < value.size() && upper(value[i]) && lower(value[i + 1]) &&
         (lower(value[i - 1]) || (value[i - 1] >= '0' && value[i - 1] <= '9'));
}

// Appends `value` lower-cased, with a hyphen where a camelCase name starts a
// word ("imageCaption" -> "image-caption", "shareBar" -> "share-bar"), so the
// word patterns below read such names as they read hyphenated ones. "adID"
// and "URLs" stay whole (StartsCamelWord).
void AppendLowerWords(std::string_view value, std::string* out) {
  const size_t from = out->size();
  out->append(value);  // appended whole, then lower-cased in place
  bool camel = false;
  for (size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (c < 'A' || c > 'Z') continue;
    camel = camel || StartsCamelWord(value, i);
    (*out)[from + i] = static_cast<char>(c - 'A' + 'a');
  }
  if (!camel) return;
  out->resize(from);  // rare: written again with the hyphens
  for (size_t i = 0; i < value.size(); ++i) {
    if (StartsCamelWord(value, i)) out->push_back('-');
    const char c = value[i];
    out->push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
}

// Class/id/role tokens of page furniture. A token must start a word ("share",
// "c-share-bar", "article__related"); the short ones must also end one.
const RE2& FurnitureRe() {
  static const RE2 re(
      "(?:^|[^a-z0-9])(?:"
      "(?:nav|menu|menus|ad|ads|share|tags|tag|author|authors|caption|credit|credits|header|"
      "print|pager|pagination|modal|popup|overlay|toolbar|banner|topics|dateline|"
      "timestamp|masthead|login|related|meta|byline|promo|cta|subnav|footnotes|navigation|"
      "complementary|contentinfo|search|sharing|social|signin|sign-in)(?:$|[^a-z])"
      "|related|recommend|newsletter|subscri|socialmedia|social-|share-|sharebar|sharetools|"
      "skip-?(?:link|to|nav|main|content)|skippy|"
      "breadcrumb|comment(?:s|-|_|list|area|box|count|form|thread|section|$)|disqus|cookie|"
      "consent|gdpr|privacy-(?:bar|modal|banner|center|centre|overlay|prompt|popup|dialog|notice|"
      "settings|preferences|manager)|sidebar|side-bar|footer|navbar|popular|trending|advert|"
      "sponsor|outbrain|"
      "taboola|teaser|most-|mostpopular|mostread|recirc|readmore|read-more|optin|opt-in|disclaimer|"
      "further-reading|also-read|more-stories|morestories|more-from|next-article|"
      "ad-slot|adslot|ad-container|adunit|ad-unit|dfp-|byline|newsfeed|signup|sign-up|"
      "author-bio|authorbio|bio-|inline-ad|article-tags|post-tags|tag-list|"
      // embedded social posts: the post is quoted, not written, by the article
      "twitter-tweet|tweet-blockquote|embedded-tweet|twitter-timeline|instagram-media|"
      "tiktok-embed|reddit-embed|bluesky-embed|threads-embed|fb-post)");
  return re;
}

// RE2's \s: the whitespace that separates the tokens of attrs_.
bool IsTokenSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

// A token that says what an element has or lacks, not what it is: "has-sidebar",
// "no-sidebar", "with-sidebar", "without-comments" (layout modifiers on the
// article's wrapper), and a modifier set false ("sidebar-enabled--false").
// "no-print" is not one: what a page keeps off paper is its furniture.
bool IsModifierToken(std::string_view token) {
  if (token == "no-print") return false;
  for (std::string_view prefix : {"has-", "no-", "with-", "without-"}) {
    if (token.substr(0, prefix.size()) == prefix) return true;
  }
  constexpr std::string_view kFalse = "-false";
  return token.size() > kFalse.size() && token.substr(token.size() - kFalse.size()) == kFalse;
}

// True when the class string matches FurnitureRe only through "header-anchor"
// (markdown-it's and Substack's section headings: <h3 class="header-anchor-post">,
// <a class="header-anchor">): a heading with a permalink, not the page header;
// or only through modifier tokens (IsModifierToken). Checked only for strings
// that matched FurnitureRe.
bool IsFurnitureWordOnlyInName(std::string_view attrs) {
  constexpr std::string_view kMark = "header-anchor";
  std::string rest;
  for (size_t at = attrs.find(kMark); at != std::string_view::npos;
       at = attrs.find(kMark, at + kMark.size())) {
    if (rest.empty()) rest.assign(attrs);
    rest[at] = 'x';  // "xeader-anchor"
  }
  size_t i = 0;
  while (i < attrs.size()) {
    while (i < attrs.size() && IsTokenSpace(attrs[i])) ++i;
    const size_t start = i;
    while (i < attrs.size() && !IsTokenSpace(attrs[i])) ++i;
    if (i > start && IsModifierToken(attrs.substr(start, i - start))) {
      if (rest.empty()) rest.assign(attrs);
      for (size_t k = start; k < i; ++k) rest[k] = 'x';
      continue;
    }
    // A modifier inside a token ("title-no-credit", read from "titleNoCredit";
    // "page-has-sidebar"): the word after it is masked.
    for (size_t k = start + 1; k < i; ++k) {
      if (attrs[k - 1] != '-' && attrs[k - 1] != '_') continue;
      const std::string_view word = attrs.substr(k, i - k);
      const size_t end = word.find_first_of("-_");
      if (end == std::string_view::npos || end + 1 >= word.size()) continue;
      if (!IsModifierToken(word.substr(0, word.find_first_of("_", end + 1)))) continue;
      size_t stop = k + end + 1;
      while (stop < i && attrs[stop] != '-' && attrs[stop] != '_') ++stop;
      if (rest.empty()) rest.assign(attrs);
      for (size_t m = k; m < stop; ++m) rest[m] = 'x';
    }
  }
  return !rest.empty() && !RE2::PartialMatch(rest, FurnitureRe());
}

// True when a heading's class string matches FurnitureRe only through the
// words "header" and "tag", which name the heading itself there (<h2
// class="section-header">, <h3 class="edTag">, <h2 class="tocHeader">: a
// subhead the table of contents links to), not page furniture.
bool NamesOnlyTheHeading(std::string_view attrs) {
  std::string rest(attrs);
  for (std::string_view word : {std::string_view("header"), std::string_view("tag")}) {
    for (size_t at = rest.find(word); at != std::string::npos; at = rest.find(word, at + 1)) {
      const size_t end = at + word.size();
      if (end < rest.size() && rest[end] >= 'a' && rest[end] <= 'z') continue;  // "tags"
      rest[at] = 'x';
    }
  }
  return !RE2::PartialMatch(rest, FurnitureRe());
}

// True when a word of the class string names an image caption or credit
// ("caption", "image-caption", "photoCredit" read as "photo-credit"). Checked
// only for class strings that matched FurnitureRe.
bool NamesACaption(std::string_view attrs) {
  for (std::string_view word : {std::string_view("caption"), std::string_view("credit")}) {
    for (size_t at = attrs.find(word); at != std::string_view::npos;
         at = attrs.find(word, at + 1)) {
      if (at == 0 || !(attrs[at - 1] >= 'a' && attrs[at - 1] <= 'z')) return true;
    }
  }
  return false;
}

// Cookie and privacy-preference dialogs: never the article, whatever share of
// the page's prose they hold (a long CCPA notice beside a 130-word podcast
// summary). Checked only for class strings that matched FurnitureRe, with
// substring searches rather than another regular expression.
bool IsConsentDialog(std::string_view attrs) {
  for (std::string_view word : {"cookie", "consent", "gdpr", "ccpa", "onetrust"}) {
    if (attrs.find(word) != std::string_view::npos) return true;
  }
  for (size_t at = attrs.find("privacy-"); at != std::string_view::npos;
       at = attrs.find("privacy-", at + 1)) {
    const std::string_view rest = attrs.substr(at + 8);
    for (std::string_view what :
         {"bar", "modal", "banner", "center", "centre", "overlay", "prompt", "popup", "dialog",
          "notice", "settings", "preferences", "manager"}) {
      if (rest.substr(0, what.size()) == what) return true;
    }
  }
  return false;
}

// Calls `f` on each whitespace-separated token of `attrs` until it returns
// true; returns whether one did.
template <typename F>
bool AnyToken(std::string_view attrs, F f) {
  size_t i = 0;
  while (i < attrs.size()) {
    while (i < attrs.size() && IsTokenSpace(attrs[i])) ++i;
    const size_t start = i;
    while (i < attrs.size() && !IsTokenSpace(attrs[i])) ++i;
    if (i > start && f(attrs.substr(start, i - start))) return true;
  }
  return false;
}

// "widget" only at a token's start ("widget", "widget_recent_entries"): page
// builders name their layout boxes "elementor-widget-container". A weak mark:
// CSS-module layouts wrap every section of an article in "WidgetWrapper_...".
// (Was the pattern (?:^|\s)widget; a token test is the same and skips a scan.)
bool HasWidgetToken(std::string_view attrs) {
  return AnyToken(attrs, [](std::string_view t) { return t.substr(0, 6) == "widget"; });
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

// A cheap test that ArticleBodyRe could match: each of its tokens holds
// "article", "post", "body", "content" or "text".
bool MayBeArticleBody(std::string_view attrs) {
  for (std::string_view word : {"body", "content", "text", "article", "post"}) {
    if (attrs.find(word) != std::string_view::npos) return true;
  }
  return false;
}

// Classes that hide text from readers (screen-reader-only labels and the
// like), as whole tokens: hidden, sr-only, visually-hidden, visuallyhidden,
// screen-?reader-?(?:text|only)?, offscreen, a11y, hide, is-hidden, u-hidden.
// (Was the pattern (?:^|\s)(?:...)(?:$|\s); tested token by token it costs
// no regular-expression scan of every class string.)
bool IsHiddenToken(std::string_view t) {
  for (std::string_view word : {"hidden", "sr-only", "visually-hidden", "visuallyhidden",
                                "offscreen", "a11y", "hide", "is-hidden", "u-hidden"}) {
    if (t == word) return true;
  }
  if (t.substr(0, 6) != "screen") return false;
  t.remove_prefix(6);
  if (!t.empty() && t[0] == '-') t.remove_prefix(1);
  if (t.substr(0, 6) != "reader") return false;
  t.remove_prefix(6);
  if (!t.empty() && t[0] == '-') t.remove_prefix(1);
  return t.empty() || t == "text" || t == "only";
}

bool HasHiddenToken(std::string_view attrs) { return AnyToken(attrs, IsHiddenToken); }

// Visits the elements below `node` in document order, no more than `budget`
// of them, until `stop` returns true for one; returns that element, nullptr
// when none. `*over_budget` (when not null) is set when the subtree is larger
// than the budget. The subtree searches below look at small elements
// (controls, links, figures), so they end early on nearly all.
template <typename Stop>
const xmlNode* FindBelow(const xmlNode* node, int budget, bool* over_budget, Stop stop) {
  const xmlNode* n = node->children;
  while (n != nullptr && n != node) {
    if (n->type == XML_ELEMENT_NODE) {
      if (--budget == 0) {
        if (over_budget != nullptr) *over_budget = true;
        return nullptr;
      }
      if (stop(std::string_view(NodeName(n)))) return n;
      if (n->children != nullptr) {
        n = n->children;
        continue;
      }
    }
    while (n != node && n->next == nullptr) n = n->parent;
    if (n != node) n = n->next;
  }
  return nullptr;
}

// True when the subtree of `node` holds paragraphs or an article: a <button>
// or <label> left open (libxml2 does not let "</button>" close an open <div>
// inside it, so the rest of the page becomes the button's content). Looks at
// no more than a few hundred elements: a real control is small, and a larger
// one has swallowed the page.
bool HoldsPageContent(const xmlNode* node) {
  bool over_budget = false;
  const auto content = [](std::string_view name) {
    return name == "p" || name == "main" || name == "article";
  };
  return FindBelow(node, 400, &over_budget, content) != nullptr || over_budget;
}

// True when the subtree of `node` (an <a>) holds three or more paragraphs:
// a link left open that swallowed the article. A card link around a teaser
// holds one.
bool SwallowedParagraphs(const xmlNode* node) {
  int paragraphs = 0;
  bool over_budget = false;
  const auto third = [&](std::string_view name) { return name == "p" && ++paragraphs == 3; };
  return FindBelow(node, 200, &over_budget, third) != nullptr || (over_budget && paragraphs > 0);
}

// True for the class/id/role string (lower-cased) of a section that the page
// shows collapsed until the reader opens it (an accordion's panel, a
// "collapsible" box: FAQ answers, a roundup's details). Hidden, but written
// for the reader, unlike hidden menus and screen-reader labels.
bool IsCollapsedSection(const std::string& attrs) {
  return attrs.find("accordion") != std::string::npos || attrs.find("collaps") != std::string::npos;
}

// True when `node` (an <a>, whose class/id/role string is `attrs`) is a
// control that opens and closes a section rather than a link to another
// page: it says so (`aria-expanded`), or it goes nowhere (`href="#"`,
// `javascript:`) and is named for an accordion or a toggle. An FAQ's question
// over its answer is such a control; its text is not link text, so the
// FAQ's items (a question and its answer each) are not teasers. A bare
// `href="#"` is not enough: templates leave it on placeholder teasers and on
// the items of a table of contents that a script scrolls.
bool IsToggleLink(const xmlNode* node, const std::string& attrs) {
  if (AttributeValue(node, "aria-expanded") != nullptr) return true;
  const char* href = AttributeValue(node, "href");
  if (href == nullptr) return false;
  const bool nowhere =
      (href[0] == '#' && href[1] == '\0') || std::strncmp(href, "javascript:", 11) == 0;
  return nowhere && (IsCollapsedSection(attrs) || attrs.find("toggle") != std::string::npos);
}

// True for the id of a segment that React's streaming renderer sends hidden
// (<div hidden id="S:3">) and a script then moves into its place in the page:
// the rendered article, not hidden text.
bool IsStreamedSegment(const char* id) {
  return id != nullptr && id[0] == 'S' && id[1] == ':' && id[2] >= '0' && id[2] <= '9';
}

// True for an id of four or more words of lower-case letters and digits
// joined by hyphens: the slug a page derives from a heading's text.
bool IsHeadingSlug(const char* id) {
  int hyphens = 0;
  for (const char* p = id; *p; ++p) {
    const char c = *p;
    if (c == '-') {
      if (p == id || p[-1] == '-') return false;
      ++hyphens;
    } else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
      return false;
    }
  }
  return hyphens >= 3;
}

// The class attribute of `node`, "" when it has none.
std::string_view ClassOf(const xmlNode* node) {
  for (const xmlAttr* a = node->properties; a != nullptr; a = a->next) {
    if (std::strcmp(reinterpret_cast<const char*>(a->name), "class") == 0 &&
        a->children != nullptr && a->children->content != nullptr)
      return reinterpret_cast<const char*>(a->children->content);
  }
  return {};
}

// True when a <figure> holds a quotation: a quoted statement set in a figure
// (<figure class="quote"><blockquote><p>...) is article text, while a
// figure's image and caption are not. A pull quote repeats, shortened, a
// sentence of the article, and an embedded post is quoted rather than
// written by it: figures marked as either stay unread, as before.
bool HoldsQuote(const xmlNode* node) {
  static const RE2 re("(?i)pull-?quote|tweet|instagram|tiktok|social|embed");
  const xmlNode* quote =  // quote figures are small
      FindBelow(node, 60, nullptr, [](std::string_view name) { return name == "blockquote"; });
  if (quote == nullptr) return false;
  const std::string_view own = ClassOf(node), inner = ClassOf(quote);
  return !RE2::PartialMatch(re2::StringPiece(own.data(), own.size()), re) &&
         !RE2::PartialMatch(re2::StringPiece(inner.data(), inner.size()), re);
}

// True when a <figure> holds a table (WordPress's table block is
// <figure class="wp-block-table"><table>): its rows are read like any
// table's, and the output drops data rows that are not prose.
bool HoldsTable(const xmlNode* node) {
  return FindBelow(node, 8, nullptr, [](std::string_view name) { return name == "table"; }) !=
         nullptr;
}

}  // namespace

void TreeReader::Read(xmlNode* root) {
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

void TreeReader::AppendText(const char* s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s);
  while (*p) {
    if (IsSpace(p)) {
      pending_space_ = true;
      p += *p == 0xC2 ? 2 : 1;
      continue;
    }
    const unsigned char* start = p;
    // The bytes that may end the run: NUL, ASCII spaces and the lead byte of
    // a no-break space (checked by IsSpace). A table lookup a byte.
    static constexpr auto kMayEndRun = [] {
      std::array<bool, 256> t{};
      t[0] = t[' '] = t['\n'] = t['\t'] = t['\r'] = t['\f'] = t['\v'] = t[0xC2] = true;
      return t;
    }();
    while (true) {
      while (!kMayEndRun[*p]) ++p;
      if (*p == 0 || IsSpace(p)) break;
      ++p;
    }
    if (pending_space_ && !buf_.empty()) buf_.push_back(' ');
    pending_space_ = false;
    const size_t n = static_cast<size_t>(p - start);
    buf_.append(reinterpret_cast<const char*>(start), n);
    buf_bytes_ += n;
    if (link_depth_ > 0) buf_link_ += n;
  }
}

void TreeReader::Flush(const Context& ctx) {
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

int TreeReader::Visit(xmlNode* node, int parent, int depth, Context& ctx, int prev) {
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
    if (HasText(node)) AppendText(NodeText(node));
    return prev;
  }
  if (node->type != XML_ELEMENT_NODE) return prev;
  if (depth > options_.max_depth) return prev;
  uint32_t tag = TagFlags(node);
  if ((tag & kControlTag) && HoldsPageContent(node)) tag = kBlockTag;
  // Read as a plain container; its <figcaption> stays skipped.
  if ((tag & kFigureTag) && (HoldsQuote(node) || HoldsTable(node))) tag = 0;
  // A link left open around paragraphs (libxml2 does not close <a> at a <p>)
  // makes the rest of the page link text: it is read as a plain element.
  if ((tag & kLinkTag) && SwallowedParagraphs(node)) tag = 0;
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
  bool caption = false;  // marked as an image caption or credit
  bool weak_furniture = false;
  bool article_body = false;
  bool consent = parent >= 0 && elems_[static_cast<size_t>(parent)].consent;
  // The first token of the class attribute, as attrs_[class_start, class_end).
  size_t class_start = 0, class_end = 0;
  if (node->properties != nullptr) {
    // One pass over the attributes: class, id, role, itemprop (in this
    // order in attrs_), hidden and aria-hidden.
    const char* values[4] = {nullptr, nullptr, nullptr, nullptr};
    bool hidden = false;
    for (const xmlAttr* a = node->properties; a != nullptr; a = a->next) {
      const char* n = reinterpret_cast<const char*>(a->name);
      const char* v = a->children != nullptr && a->children->content != nullptr
                          ? reinterpret_cast<const char*>(a->children->content)
                          : "";
      int slot = -1;
      switch (n[0]) {
        case 'h':
          if (std::strcmp(n, "hidden") == 0) hidden = true;
          break;
        case 'a':
          if (std::strcmp(n, "aria-hidden") == 0 && std::strcmp(v, "true") == 0) hidden = true;
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
    // An id made of four or more hyphenated words is an anchor slug of a
    // heading ("menu-innovation-strategies-for-events"), not a name of page
    // furniture: its words are the article's, so it gives no mark.
    if (values[1] != nullptr && IsHeadingSlug(values[1])) values[1] = nullptr;
    for (int k = 0; k < 4; ++k) {
      const char* v = values[k];
      if (v == nullptr) continue;
      attrs_.push_back(' ');
      AppendLowerWords(v, &attrs_);
      if (k == 0) {
        class_start = std::min(attrs_.find_first_not_of(" \t\n\r\f"), attrs_.size());
        class_end = std::min(attrs_.find_first_of(" \t\n\r\f", class_start), attrs_.size());
      }
    }
    // Hidden text is skipped (before the class marks are looked up) unless
    // it is a collapsed section or a streamed segment.
    const auto shown_anyway = [&] {
      return IsCollapsedSection(attrs_) || IsStreamedSegment(values[1]);
    };
    if (hidden && !read_hidden_ && !shown_anyway()) return prev;
    if (!attrs_.empty()) {
      const uint8_t marks = AttributeMarks();
      if ((marks & kMarkHidden) && !read_hidden_ && !shown_anyway()) return prev;
      article_body = (marks & kMarkArticleBody) != 0;
      if ((marks & (kMarkFurniture | kMarkWidget)) &&
          !((tag & kHeadingTag) && (marks & kMarkFurniture) && NamesOnlyTheHeading(attrs_))) {
        furniture = true;
      }
      // A consent class on the page's wrappers (<body class="gdpr-applies">,
      // <main class="... ccpa_on">) is a flag of the page, not a dialog.
      if ((marks & kMarkConsent) && !(tag & (kArticleTag | kMainTag)) &&
          std::strcmp(NodeName(node), "body") != 0 && std::strcmp(NodeName(node), "html") != 0)
        consent = true;
      weak_furniture = (marks & kMarkWidget) != 0 && !(tag & kFurnitureTag);
      caption = furniture && (marks & kMarkCaption) != 0;
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
  e.consent = consent;
  e.prev_sibling = prev;
  // Teasers of a list differ in their other classes ("box news", "box review").
  const std::string_view first_class =
      std::string_view(attrs_).substr(class_start, class_end - class_start);
  uint64_t h = 1469598103934665603ull;  // FNV-1a over "tag class"
  for (const char* p = NodeName(node); *p; ++p)
    h = (h ^ static_cast<unsigned char>(*p)) * 1099511628211ull;
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
      // A paragraph of prose marked like furniture is prose, unless the mark
      // names a caption: a long caption is still a caption.
      inner.own_mark_only = !caption && std::strcmp(NodeName(node), "p") == 0;
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
  // A heading's link to its own anchor (<h3><a href="#cognitive-benefits">)
  // is a permalink, not a link away: the heading is text. A table of
  // contents links to the same anchors from list items, which stay links.
  if ((tag & kLinkTag) && inner.kind == BlockKind::kHeading) {
    const char* href = AttributeValue(node, "href");
    if (href != nullptr && href[0] == '#') tag &= ~kLinkTag;
  }
  if ((tag & kLinkTag) && node->properties != nullptr && IsToggleLink(node, attrs_))
    tag &= ~kLinkTag;
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

uint8_t TreeReader::AttributeMarks() {
  auto it = mark_cache_.find(attrs_);
  if (it != mark_cache_.end()) return it->second;
  uint8_t marks = 0;
  if (HasHiddenToken(attrs_)) {
    marks = kMarkHidden;
  } else if (MayBeArticleBody(attrs_) && RE2::PartialMatch(attrs_, ArticleBodyRe())) {
    marks = kMarkArticleBody;
  } else if (RE2::PartialMatch(attrs_, FurnitureRe()) && !IsFurnitureWordOnlyInName(attrs_)) {
    marks = kMarkFurniture;
    if (IsConsentDialog(attrs_)) marks |= kMarkConsent;
    if (NamesACaption(attrs_)) marks |= kMarkCaption;
  } else if (HasWidgetToken(attrs_)) {
    marks = kMarkWidget;
  }
  if (mark_cache_.size() < 20000) mark_cache_.emplace(attrs_, marks);
  return marks;
}

void TreeReader::CaptureJsonLd(const xmlNode* node) {
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

}  // namespace libdiff::internal
