// Copyright 2026 The libdiff Authors.
//
// The standfirst of an article (body_standfirst.h).

#include "extract/body_standfirst.h"

#include <algorithm>
#include <cstring>

#include "extract/html_parser.h"

namespace libdiff::internal {

namespace {

// True when block text `block` is the page's summary `description`: equal, or
// one a prefix of the other (descriptions are cut, often with an ellipsis),
// the shorter holding 40 bytes or more.
bool IsDescription(const std::string& block, std::string description) {
  for (const char* tail : {"\xE2\x80\xA6", "...", " "}) {
    const size_t n = std::strlen(tail);
    while (description.size() >= n && description.compare(description.size() - n, n, tail) == 0)
      description.resize(description.size() - n);
  }
  const size_t shorter = std::min(block.size(), description.size());
  return shorter >= 40 && block.compare(0, shorter, description, 0, shorter) == 0;
}

}  // namespace

// The page's own summaries of the article: the content of <meta
// name|property = description, og:description, twitter:description> in the
// <head>, whitespace collapsed, 40 bytes or more. Reads only the head's
// children.
std::vector<std::string> MetaDescriptions(xmlNode* root) {
  std::vector<std::string> out;
  xmlNode* head = nullptr;
  for (xmlNode* n = root; n != nullptr && head == nullptr; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    if (std::strcmp(NodeName(n), "head") == 0) head = n;
    for (xmlNode* c = n->children; c != nullptr && head == nullptr; c = c->next)
      if (c->type == XML_ELEMENT_NODE && std::strcmp(NodeName(c), "head") == 0) head = c;
  }
  if (head == nullptr) return out;
  int seen = 0;
  for (xmlNode* m = head->children; m != nullptr && seen < 400; m = m->next, ++seen) {
    if (m->type != XML_ELEMENT_NODE || std::strcmp(NodeName(m), "meta") != 0) continue;
    const char* key = AttributeValue(m, "property");
    if (key == nullptr) key = AttributeValue(m, "name");
    if (key == nullptr) continue;
    if (std::strcmp(key, "description") != 0 && std::strcmp(key, "og:description") != 0 &&
        std::strcmp(key, "twitter:description") != 0)
      continue;
    const char* content = AttributeValue(m, "content");
    if (content == nullptr) continue;
    std::string text;
    bool space = false;
    for (const char* c = content; *c; ++c) {
      const bool ws = *c == ' ' || *c == '\n' || *c == '\t' || *c == '\r' || *c == '\f';
      if (ws) {
        space = !text.empty();
        continue;
      }
      if (space) text.push_back(' ');
      space = false;
      text.push_back(*c);
    }
    if (text.size() >= 40 && std::find(out.begin(), out.end(), text) == out.end())
      out.push_back(std::move(text));
  }
  return out;
}

// The standfirst (dek) of the article: a block shortly before the container
// `best` (within 25 blocks, not above the headline) that the page's meta
// description repeats. Templates set the dek apart from the body, in the
// header beside the headline, where a furniture mark often covers it; the
// page's own summary says it belongs to the article. -1 when there is none.
int StandfirstBefore(const std::vector<Elem>& elems, const std::vector<RawBlock>& blocks, int best,
                     const std::vector<std::string>& descriptions) {
  if (descriptions.empty()) return -1;
  // The first paragraph of prose the body keeps: a container that takes in
  // the page header holds the dek in its furniture, before that paragraph.
  const Elem& c = elems[static_cast<size_t>(best)];
  int first = c.block_begin;
  while (first < c.block_end && !(blocks[static_cast<size_t>(first)].good > 0 &&
                                  blocks[static_cast<size_t>(first)].furniture_depth <= c.depth))
    ++first;
  constexpr int kReach = 25, kInside = 40;  // blocks looked at before and inside the container
  const int lowest = std::max(c.block_begin - kReach, first - kInside - kReach);
  for (int k = first - 1; k >= 0 && k >= lowest; --k) {
    const RawBlock& b = blocks[static_cast<size_t>(k)];
    if (b.h1) break;
    if (b.volatile_text || b.kind == BlockKind::kListItem || b.link_bytes * 2 > b.bytes) continue;
    for (const std::string& d : descriptions)
      if (IsDescription(b.text, d)) return k;
  }
  return -1;
}

// The introduction set apart: templates put an article's first paragraphs
// in a box of their own under the headline ("page-lead", "intro") and the
// rest after a map, a product carousel or a call to action whose links
// outweigh the introduction for the parent of both. The box lies wholly
// between the last <h1> before the container and the container, starts
// within 25 blocks of that headline, and holds only paragraphs: two or more
// of prose (200 of prose score), no link block and no furniture. A list of
// key points in that place is a summary the golds leave out.
int IntroductionBefore(const std::vector<Elem>& elems, const std::vector<RawBlock>& blocks,
                       int best) {
  constexpr int kReach = 25;      // blocks looked at after the headline
  constexpr double kProse = 200;  // two short paragraphs of prose
  const Elem& c = elems[static_cast<size_t>(best)];
  int headline = c.block_begin - 1;
  while (headline >= 0 && !blocks[static_cast<size_t>(headline)].h1) --headline;
  if (headline < 0) return -1;
  for (int k = headline + 1; k < c.block_begin && k <= headline + kReach; ++k) {
    const RawBlock& b = blocks[static_cast<size_t>(k)];
    if (b.good <= 0 || b.furniture_depth >= 0) continue;
    const int box = elems[static_cast<size_t>(b.owner)].parent;
    if (box <= 0) continue;
    const Elem& e = elems[static_cast<size_t>(box)];
    if (e.block_begin <= headline || e.block_end > c.block_begin) continue;
    if (e.all_good_blocks < 2 || e.all_good < kProse || e.all_link_blocks > 0) return -1;
    for (int i = e.block_begin; i < e.block_end; ++i) {
      const RawBlock& p = blocks[static_cast<size_t>(i)];
      if (p.furniture_depth >= 0 || p.kind != BlockKind::kParagraph) return -1;
    }
    return box;
  }
  return -1;
}

}  // namespace libdiff::internal
