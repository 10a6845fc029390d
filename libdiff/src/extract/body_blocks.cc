// Copyright 2026 The libdiff Authors.
//
// Step 2 of the body extractor (body.cc) and the passes that adjust the
// furniture marks of the element tree before the container is chosen: each
// block's class (good prose, bad, neutral), teaser runs, link lists between
// prose, widget boxes that hold the article, and every block's furniture
// ancestors after marks were lifted.
#include "extract/body_blocks.h"

#include <cstring>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "extract/volatile_text.h"

namespace libdiff::internal {

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
void MarkTeaserRuns(std::vector<Elem>& elems, const std::vector<RawBlock>& blocks) {
  // body_of[i]: the nearest element at or above i with article-body markup, -1 if none.
  std::vector<int> body_of(elems.size(), -1);
  for (size_t i = 1; i < elems.size(); ++i)
    body_of[i] =
        elems[i].article_body ? static_cast<int>(i) : body_of[static_cast<size_t>(elems[i].parent)];
  // True when the article-body element `body` holds a paragraph's worth of
  // prose outside furniture after block `from`: the article goes on after the run.
  const auto prose_after = [&](int body, int from) {
    const Elem& b = elems[static_cast<size_t>(body)];
    double good = 0;
    for (int k = from; k < b.block_end; ++k) {
      const RawBlock& r = blocks[static_cast<size_t>(k)];
      if (r.good > 0 && r.furniture_depth <= b.depth) good += r.good;
    }
    return good >= 150;
  };
  constexpr double kRunShare = 0.5;   // of the page's prose: most of it
  constexpr double kItemProse = 300;  // good mass of a paragraph, more than a summary's
  // True when article-body markup outside the subtree of e's parent holds a
  // paragraph or more: the article is there, whatever e's siblings are.
  // (Answered once per parent: a page of many runs stays linear.)
  std::unordered_map<int, bool> elsewhere_of;
  const auto article_elsewhere = [&](int e) {
    const int parent = elems[static_cast<size_t>(e)].parent;
    const auto [it, fresh] = elsewhere_of.emplace(parent, false);
    if (!fresh) return it->second;
    const Elem& p = elems[static_cast<size_t>(parent)];
    for (size_t k = 1; k < elems.size(); ++k) {
      const Elem& b = elems[k];
      if (!b.article_body || b.all_good < kItemProse) continue;
      const bool around = static_cast<int>(k) <= parent && parent < b.end;
      const bool inside = static_cast<int>(k) > parent && static_cast<int>(k) < p.end;
      if (!around && !inside) return it->second = true;
    }
    return false;
  };
  const auto in_furniture = [&](int e) {
    for (int a = elems[static_cast<size_t>(e)].parent; a > 0;
         a = elems[static_cast<size_t>(a)].parent)
      if (elems[static_cast<size_t>(a)].furniture &&
          elems[static_cast<size_t>(a)].all_good < kRunShare * elems[0].all_good)
        return true;
    return false;
  };
  const auto teaser_shaped = [&](const Elem& e) {
    return e.all_link_blocks >= 1 && e.all_good_blocks >= 1 && e.all_good_blocks <= 2 &&
           e.all_good <= 800;
  };
  // The teaser-shaped siblings of e of e's shape, wherever they are under its
  // parent (ad slots split a list into several runs), counted once per parent
  // and shape.
  struct Alike {
    int count = 0;
    double good = 0;
  };
  std::map<std::pair<int, size_t>, Alike> alike_memo;
  const auto alike_of = [&](int e) -> const Alike& {
    const Elem& first = elems[static_cast<size_t>(e)];
    const auto [it, fresh] = alike_memo.try_emplace({first.parent, first.signature});
    if (!fresh) return it->second;
    int j = e;
    while (elems[static_cast<size_t>(j)].prev_sibling >= 0) {
      j = elems[static_cast<size_t>(j)].prev_sibling;
    }
    for (; j >= 0; j = elems[static_cast<size_t>(j)].next_sibling) {
      const Elem& sib = elems[static_cast<size_t>(j)];
      if (sib.signature == first.signature && teaser_shaped(sib)) {
        ++it->second.count;
        it->second.good += sib.all_good;
      }
    }
    return it->second;
  };
  for (size_t i = 1; i < elems.size(); ++i) {
    const Elem& first = elems[i];
    if (first.prev_sibling >= 0 &&
        elems[static_cast<size_t>(first.prev_sibling)].signature == first.signature)
      continue;  // not the start of a run
    int run = 0, shaped = 0, last = static_cast<int>(i);
    double run_good = 0, shaped_good = 0;
    for (int j = static_cast<int>(i);
         j >= 0 && elems[static_cast<size_t>(j)].signature == first.signature;
         j = elems[static_cast<size_t>(j)].next_sibling) {
      ++run;
      last = j;
      run_good += elems[static_cast<size_t>(j)].all_good;
      if (teaser_shaped(elems[static_cast<size_t>(j)])) {
        ++shaped;
        shaped_good += elems[static_cast<size_t>(j)].all_good;
      }
    }
    if (shaped < 3 || 3 * shaped < 2 * run) continue;
    // A run holding most of the page's prose, a paragraph per item on
    // average, is the page's own list (a listicle's items: a linked name and
    // a paragraph each), unless it sits in a furniture box or article-body
    // markup elsewhere holds the article: teasers of other pages sit beside
    // an article, and their summaries are a sentence or two.
    // Ad slots split a list into several runs: its items are counted
    // wherever they are under the parent (the run's own untypical items too).
    const Alike& alike = alike_of(static_cast<int>(i));
    const int items = run + alike.count - shaped;
    const double items_good = run_good + alike.good - shaped_good;
    if (items_good >= kRunShare * elems[0].all_good && items_good >= kItemProse * items &&
        !in_furniture(static_cast<int>(i)) && !article_elsewhere(static_cast<int>(i)))
      continue;
    // A run inside article-body markup with more of the article after it is
    // the article's own list (a listicle's items: a linked name and a
    // paragraph each), not teasers. A body mark holding the headline is on a
    // wrapper of the whole page, which says nothing about its lists.
    const int body = body_of[static_cast<size_t>(first.parent)];
    if (body >= 0 && elems[static_cast<size_t>(body)].h1_blocks == 0 &&
        prose_after(body, elems[static_cast<size_t>(last)].block_end))
      continue;
    for (int j = static_cast<int>(i);
         j >= 0 && elems[static_cast<size_t>(j)].signature == first.signature;
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
  if (n == 0 || elems.empty()) return;
  // Unmarked: no furniture mark above the block, or only one on a wrapper of
  // most of the page's prose, which says nothing (<div class="... sidebar-layout">
  // around the whole story).
  const double page_good = elems[0].all_good;
  const auto unmarked = [&](const RawBlock& b) {
    return b.furniture_depth < 0 ||
           (b.outer_furniture_depth < 0 && b.furniture_elem >= 0 &&
            elems[static_cast<size_t>(b.furniture_elem)].all_good >= 0.5 * page_good);
  };
  std::vector<double> forgiven(n + 1, 0.0);  // prefix sums of forgivable bad mass
  std::vector<int> next_good(n + 1, static_cast<int>(n)), prev_good(n + 1, -1);
  for (size_t i = 0; i < n; ++i) {
    const RawBlock& b = blocks[i];
    const bool item = b.kind == BlockKind::kListItem && b.good == 0 && b.bad > 0 &&
                      !b.volatile_text && unmarked(b);
    forgiven[i + 1] = forgiven[i] + (item ? b.bad : 0.0);
    const bool prose = b.good > 0 && unmarked(b);
    prev_good[i] = prose ? static_cast<int>(i) : (i > 0 ? prev_good[i - 1] : -1);
  }
  for (size_t i = n; i-- > 0;) {
    const RawBlock& b = blocks[i];
    next_good[i] = b.good > 0 && unmarked(b) ? static_cast<int>(i) : next_good[i + 1];
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

}  // namespace libdiff::internal
