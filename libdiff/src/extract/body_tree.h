// Copyright 2026 The libdiff Authors.
//
// The walk of the body extractor: one pass over the parsed tree that turns it
// into text blocks (RawBlock), each the text of the innermost block-level
// element with inline markup and links folded in, and records every element
// read (Elem) with its parent, depth and the marks of its tag and
// class/id/role (furniture, article body). body.cc scores what it reads.
// Private to libdiff's extract stage.
//
// Thread safety: a TreeReader reads one tree on one thread; TagTable() may be
// called concurrently.
#ifndef LIBDIFF_SRC_EXTRACT_BODY_TREE_H_
#define LIBDIFF_SRC_EXTRACT_BODY_TREE_H_

#include <libxml/tree.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "libdiff/article.h"

namespace libdiff::internal {

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
  kControlTag = 1u << 15,  // button, label: skipped unless they swallowed the page (body_tree.cc)
  kFigureTag = 1u << 16,   // figure: skipped unless it holds a quotation (body_tree.cc)
};

// Tag name -> TagFlag bits, for the tags the walk treats specially.
const std::unordered_map<std::string_view, uint32_t>& TagTable();

struct Elem {
  int parent = -1;
  int depth = 0;
  int end = 0;  // one past the index of the last descendant
  uint32_t tag = 0;
  bool furniture = false;
  bool weak_furniture = false;  // marked by "widget" alone
  bool article_body = false;
  bool consent = false;  // in or at a cookie/privacy-preference dialog: never the container
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

// Reads one parsed tree into elements and text blocks. Not safe for concurrent
// use; each extraction pass makes its own.
class TreeReader {
 public:
  // `read_hidden`: also read what the page hides (hidden, aria-hidden, hiding
  // classes); the retry for pages whose visible text holds no article.
  TreeReader(const ExtractOptions& options, bool read_hidden)
      : options_(options), read_hidden_(read_hidden) {}

  void Read(xmlNode* root);

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
  void AppendText(const char* s);

  void Flush(const Context& ctx);

  static bool HasText(const xmlNode* n) { return n->content != nullptr && n->content[0] != 0; }

  // Reads `node` and its subtree; returns the index of the last element read
  // directly under `parent` (`prev` when `node` adds none).
  int Visit(xmlNode* node, int parent, int depth, Context& ctx, int prev);

  static constexpr uint8_t kMarkHidden = 1, kMarkArticleBody = 2, kMarkFurniture = 4,
                           kMarkWidget = 8, kMarkConsent = 16,
                           kMarkCaption = 32;

  // The marks of the class/id/role/itemprop string in attrs_. Pages repeat the
  // same class strings many times, so results are remembered per page.
  uint8_t AttributeMarks();

  void CaptureJsonLd(const xmlNode* node);

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

}  // namespace libdiff::internal

#endif  // LIBDIFF_SRC_EXTRACT_BODY_TREE_H_
