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
//
// The walk of step 1 is in body_tree.cc, the block classes of step 2 and the
// furniture passes over the element tree in body_blocks.cc, the volatile-text
// patterns of step 2 in volatile_text.cc, the clean-up of the kept blocks at
// the end of step 4 (repeats, the writer's closing notes, a preview completed)
// in body_finish.cc, the standfirst added before the body in
// body_standfirst.cc, and the embedded bodies of step 5 in embedded_body.cc.
#include "extract/body.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unordered_map>

#include "extract/body_blocks.h"
#include "extract/body_finish.h"
#include "extract/body_standfirst.h"
#include "extract/body_tree.h"
#include "extract/embedded_body.h"
#include "extract/html_parser.h"
#include "extract/volatile_text.h"
#include "util/utf8.h"

namespace libdiff::internal {

namespace {

// Infinite scroll appends the next articles after the first, each a sibling
// <article> with its own <h1> headline and prose. When the container holds two
// or more such <article>s under one parent, the page's article is one of them:
// the one whose headline is the title, else the first. Only <article> boxes
// split: long posts also use <h1> for their sections (in <section>s or bare),
// and a headline in a box without prose (a site logo) is no article. Returns
// the (possibly narrower) container.
int FirstOfAppendedArticles(const std::vector<Elem>& elems, const std::vector<RawBlock>& blocks,
                            int best, const std::string& title) {
  constexpr double kArticleProse = 400;  // good mass of a few real paragraphs
  int cur = best;
  while (elems[static_cast<size_t>(cur)].h1_blocks >= 2) {
    const Elem& c = elems[static_cast<size_t>(cur)];
    int with_h1 = 0, only = -1;
    std::vector<int> articles;
    for (int j = cur + 1; j < c.end; j = elems[static_cast<size_t>(j)].end) {
      const Elem& child = elems[static_cast<size_t>(j)];
      if (child.h1_blocks == 0) continue;
      ++with_h1;
      only = j;
      if (child.all_good >= kArticleProse && (child.tag & kArticleTag)) articles.push_back(j);
    }
    if (articles.size() >= 2) {
      if (!title.empty()) {
        for (int a : articles) {
          const Elem& e = elems[static_cast<size_t>(a)];
          for (int k = e.block_begin; k < e.block_end; ++k) {
            if (blocks[static_cast<size_t>(k)].h1 && blocks[static_cast<size_t>(k)].text == title)
              return a;
          }
        }
      }
      return articles.front();
    }
    // All the headlines in one child: look inside it.
    if (with_h1 != 1 || elems[static_cast<size_t>(only)].h1_blocks != c.h1_blocks) break;
    cur = only;
  }
  return best;
}

// Article-body markup split into parts: templates put the introduction in
// one body box and the rest in another (a product table or a widget between
// them), or open a new box after each inline ad. When the container is such a
// box and other body boxes of 150+ bytes of prose exist, the container grows
// to their lowest common ancestor, provided the boxes hold 80% of its prose
// and it still scores above zero. Returns the (possibly wider) container.
int JoinArticleBodyParts(const std::vector<Elem>& elems, const std::vector<double>& scores,
                         int best) {
  constexpr double kPart = 300;  // a long paragraph of prose
  int own = -1;                  // the outermost body box holding `best`
  for (int a = best; a > 0; a = elems[static_cast<size_t>(a)].parent)
    if (elems[static_cast<size_t>(a)].article_body) own = a;
  if (own < 0) return best;
  std::vector<int> parts;
  for (size_t i = 1; i < elems.size();) {
    const Elem& e = elems[i];
    if (e.article_body) {
      if (static_cast<int>(i) == own || e.good >= kPart) parts.push_back(static_cast<int>(i));
      i = static_cast<size_t>(e.end);  // boxes inside it are part of it
    } else {
      ++i;
    }
  }
  if (parts.size() < 2) return best;
  int lca = parts.front();
  double marked = 0;
  for (int p : parts) {
    while (lca > 0 && !(p >= lca && p < elems[static_cast<size_t>(lca)].end))
      lca = elems[static_cast<size_t>(lca)].parent;
    marked += elems[static_cast<size_t>(p)].good;
  }
  const Elem& j = elems[static_cast<size_t>(lca)];
  if (lca <= 0 || scores[static_cast<size_t>(lca)] <= 0 || marked < 0.8 * j.good) return best;
  return lca;
}


// Sections of the article in look-alike boxes marked like furniture: a
// template wraps each part of a post in <div class="content-nav-section">
// (a target of the in-page navigation), with a call to action between the
// parts, and the "nav" word made every part furniture. Two or more boxes of
// one shape (tag and first class token), marked by their class rather than
// their tag, each holding a heading and two or more paragraphs of prose, that
// together hold half of the page's prose are the article's sections: their
// marks are lifted. Comments and testimonials repeat their boxes too, and may
// outweigh a short article, but carry no section headings. Only the
// outermost boxes count: a sidebar box nested in its look-alikes is one box,
// not several, and so are copies of one box (a glossary repeated down the
// page) that open with the same text. True when a mark was lifted.
bool UnmarkRepeatedSectionsHoldingTheProse(std::vector<Elem>& elems,
                                           const std::vector<RawBlock>& blocks, double page_good) {
  struct Group {
    int sections = 0;
    double prose = 0;
    const std::string* first = nullptr;  // the first section's opening block
    bool copies = false;                 // two sections open alike: one box repeated
  };
  const auto section = [&](const Elem& e) {
    if (!e.furniture || e.teaser || e.consent || (e.tag & kFurnitureTag)) return false;
    if (e.all_good_blocks < 2) return false;
    for (int k = e.block_begin; k < e.block_end; ++k)
      if (blocks[static_cast<size_t>(k)].kind == BlockKind::kHeading) return true;
    return false;
  };
  std::unordered_map<size_t, Group> groups;  // by signature
  std::vector<size_t> sections;
  for (size_t i = 1; i < elems.size();) {
    const Elem& e = elems[i];
    if (!section(e)) {
      ++i;
      continue;
    }
    sections.push_back(i);
    Group& g = groups[e.signature];
    const std::string& opening = blocks[static_cast<size_t>(e.block_begin)].text;
    if (g.first == nullptr) g.first = &opening;
    else if (*g.first == opening) g.copies = true;
    ++g.sections;
    g.prose += e.all_good;
    i = static_cast<size_t>(e.end);  // a box inside it is no other section
  }
  bool lifted = false;
  for (size_t i : sections) {
    Elem& e = elems[i];
    const Group& g = groups[e.signature];
    if (g.sections < 2 || g.copies || g.prose < 0.5 * page_good) continue;
    e.furniture = false;
    lifted = true;
  }
  return lifted;
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
  MarkTeaserRuns(elems, blocks);
  const bool widgets = UnmarkWidgetsHoldingTheProse(elems, page_good);
  if (UnmarkRepeatedSectionsHoldingTheProse(elems, blocks, page_good) || widgets)
    RecomputeFurniture(elems, blocks);
  // A furniture mark that wraps a single paragraph of prose, repeated on its
  // siblings (<div class="subscriber-preview"><p>...</p></div> per paragraph),
  // marks paragraphs of the article, not furniture.
  // An ad slot or a label box spliced into the wrapper beside its paragraph
  // (<div class="subscriber-only"><p>...</p><div class="inline-ad">) is
  // furniture of its own and does not count.
  const auto lone_prose = [&](int i) {
    if (i < 0) return false;
    const Elem& e = elems[static_cast<size_t>(i)];
    if (e.all_good_blocks != 1) return false;
    if (e.all_blocks == 1) return true;
    if (e.all_blocks > 8) return false;  // a paragraph's wrapper is small
    int own = 0;
    for (int k = e.block_begin; k < e.block_end; ++k) {
      const RawBlock& b = blocks[static_cast<size_t>(k)];
      if (b.furniture_elem == i) {
        ++own;
      } else if (b.furniture_depth <= e.depth) {
        return false;
      }
    }
    return own == 1;
  };
  // The look-alike may be a few siblings away: templates put an ad slot or a
  // promo box between the wrapped paragraphs.
  const auto repeated_prose_wrapper = [&](int i) {
    const Elem& e = elems[static_cast<size_t>(i)];
    if (!lone_prose(i)) return false;
    constexpr int kReach = 3;  // siblings looked at on each side
    for (int s = e.prev_sibling, k = 0; s >= 0 && k < kReach;
         s = elems[static_cast<size_t>(s)].prev_sibling, ++k) {
      if (elems[static_cast<size_t>(s)].signature == e.signature && lone_prose(s)) return true;
    }
    for (int s = e.next_sibling, k = 0; s >= 0 && k < kReach;
         s = elems[static_cast<size_t>(s)].next_sibling, ++k) {
      if (elems[static_cast<size_t>(s)].signature == e.signature && lone_prose(s)) return true;
    }
    return false;
  };

  // Propagate each block's mass to every ancestor.
  size_t total_bytes = 0;
  for (RawBlock& b : blocks) {
    if (b.good > 0 &&
        (b.own_mark_only || (b.furniture_elem >= 0 && repeated_prose_wrapper(b.furniture_elem))))
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
    if (e.good_blocks == 0 || e.consent) continue;
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
      std::fprintf(stderr, "candidate %zu good=%.0f bad=%.0f all_good=%.0f/%.0f score=%.0f\n", i,
                   e.good, e.bad, e.all_good, page_good, score);
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

  if (best >= 0) best = JoinArticleBodyParts(elems, scores, best);
  if (best >= 0) best = FirstOfAppendedArticles(elems, blocks, best, title);

// A developer aid: build with -DLIBDIFF_BODY_DEBUG, then LIBDIFF_BODY_DEBUG=1
// prints every block.
#ifdef LIBDIFF_BODY_DEBUG
  if (std::getenv("LIBDIFF_BODY_DEBUG") != nullptr) {
    for (const RawBlock& b : blocks) {
      std::string chain;
      for (int a = b.owner; a > 0; a = elems[static_cast<size_t>(a)].parent) {
        const Elem& e = elems[static_cast<size_t>(a)];
        chain = std::to_string(a) + (e.furniture ? "F" : "") + (e.article_body ? "A" : "") +
                (e.teaser ? "T" : "") + ">" + chain;
      }
      std::fprintf(stderr, "[%s] good=%.0f bad=%.0f fd=%d %s :: %.80s\n", chain.c_str(), b.good,
                   b.bad, b.furniture_depth, b.volatile_text ? "V" : "", b.text.c_str());
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

    // The article's opening paragraphs set in a box marked like furniture
    // ("listicle-header", "article-header") before any other prose of the
    // container: a box of two or more paragraphs of prose and no links is
    // the introduction, not a dek, a byline or a promo.
    const auto opening_box = [&](const RawBlock& b) {
      if (b.good <= 0 || b.furniture_elem <= best) return false;
      const Elem& f = elems[static_cast<size_t>(b.furniture_elem)];
      if (f.all_good_blocks < 2 || f.all_good < 400 || f.all_link_blocks > 0) return false;
      for (int a = f.parent; a > best; a = elems[static_cast<size_t>(a)].parent) {
        if (elems[static_cast<size_t>(a)].furniture) return false;
      }
      return true;
    };
    bool prose_seen = false;  // a paragraph of prose outside the furniture
    int first_good = -1, last_good = -1;
    std::vector<const RawBlock*> chosen;
    for (const RawBlock& b : blocks) {
      if (b.owner < best || b.owner >= c.end) continue;
      if (cut_furniture && b.furniture_depth > c.depth) {
        if (prose_seen || !opening_box(b)) continue;
      } else if (b.good > 0) {
        prose_seen = true;
      }
      if (b.volatile_text) continue;
      const double ld = static_cast<double>(b.link_bytes) / static_cast<double>(b.bytes);
      const bool link_item = b.kind == BlockKind::kListItem && ld > 0.3;
      // A short sentence with a link in it ("Here are 10 movies <a>you can
      // stream now</a>:") is judged by its place below.
      const bool link_sentence = b.kind == BlockKind::kParagraph && EndsSentence(b.text);
      if (!link_item &&
          (ld > 0.5 || (b.bytes < 100 && ld > 0.3 && b.good == 0 && !link_sentence)))
        continue;
      if (!title.empty() && chosen.size() < 3 && b.text == title) continue;
      if (b.good > 0) {
        if (first_good < 0) first_good = static_cast<int>(chosen.size());
        last_good = static_cast<int>(chosen.size());
      }
      chosen.push_back(&b);
    }
    // Rows, prose rows, bytes and letter bytes of each table (by the rows'
    // parent element).
    struct TableCounts {
      int rows = 0, prose = 0;
      size_t bytes = 0, letters = 0;
    };
    std::unordered_map<int, TableCounts> table_rows;
    for (const RawBlock* b : chosen) {
      if (b->kind != BlockKind::kTableRow) continue;
      TableCounts& counts = table_rows[elems[static_cast<size_t>(b->owner)].parent];
      ++counts.rows;
      if (b->good > 0) ++counts.prose;
      counts.bytes += b->bytes;
      for (char ch : b->text)
        counts.letters += std::isalpha(static_cast<unsigned char>(ch)) || (ch & 0x80) ? 1u : 0u;
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
      // A short linked sentence only between paragraphs: before or after the
      // prose it is a teaser line ("Read more: <a>...</a>.").
      if (b.kind == BlockKind::kParagraph && b.good == 0 && b.bytes < 100 &&
          b.link_bytes * 10 > b.bytes * 3 && (pos < first_good || pos > last_good))
        continue;
      // Linked list items (sources, steps, a table of contents) only between
      // paragraphs: a list of links before or after the prose is navigation.
      if (b.kind == BlockKind::kListItem && b.good == 0 && b.link_bytes * 10 > b.bytes * 3 &&
          (pos < first_good || pos > last_good))
        continue;
      // After the last paragraph: drop headings of whatever comes next.
      if (pos > last_good && b.kind == BlockKind::kHeading) continue;
      // An <h1> is the headline unless it heads a section between paragraphs
      // (posts that set their section heads in <h1>).
      if (b.h1 && (pos < first_good || b.text == title)) continue;
      // Rows of data tables (three or more rows and none of them prose:
      // scores, prices, specifications) are not article text; a layout
      // table's rows that hold paragraphs are.
      if (b.kind == BlockKind::kTableRow && b.good == 0) {
        const auto it = table_rows.find(elems[static_cast<size_t>(b.owner)].parent);
        const TableCounts* t = it == table_rows.end() ? nullptr : &it->second;
        // Rows of words (a comparison of pros and cons) are text; rows of
        // figures and short labels are data.
        const bool wordy = t != nullptr && t->bytes >= 60 * static_cast<size_t>(t->rows) &&
                           t->letters * 10 >= t->bytes * 8;
        if (t != nullptr && t->rows >= 3 && t->prose == 0 && !wordy) continue;
      }
      std::string text = b.text;
      if (!IsValidUtf8(text)) text = RepairUtf8(text);
      out_bytes += b.bytes;
      out.push_back({b.kind, std::move(text)});
    }
    DropRepeatedBlocks(&out);
    DropTrailingWriterNotes(&out);
    DropLeadingProvenanceLine(&out);
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
  // The markup shows the first paragraphs of an article whose page data or
  // JSON-LD holds all of it: the embedded copy completes it. The page data
  // is parsed for this only when it names a rich-text document (parsing it
  // on every Next.js page cost 7 % of the extraction's instructions, and its
  // HTML strings completed no preview on the development pages); the JSON-LD
  // text is split only when it can be twice the visible body's size.
  if (!out.empty() && MayHoldRichTextDocument(reader.app_state()) &&
      CompletePreview(out,
                      SplitParagraphs(AppStateArticleBody(reader.app_state()), options.max_blocks),
                      BodySource::kAppState, options.max_blocks, &result))
    return result;
  if (!out.empty() && jsonld_body.size() >= 2 * out_bytes &&
      CompletePreview(out, SplitParagraphs(jsonld_body, options.max_blocks), BodySource::kJsonLd,
                      options.max_blocks, &result))
    return result;
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
  // The introduction set apart between the headline and the container
  // opens the body.
  if (best >= 0) {
    const int intro = IntroductionBefore(elems, blocks, best);
    if (intro >= 0) {
      const Elem& e = elems[static_cast<size_t>(intro)];
      std::vector<Block> lead;
      for (int k = e.block_begin; k < e.block_end; ++k) {
        const RawBlock& b = blocks[static_cast<size_t>(k)];
        if (b.volatile_text || b.link_bytes * 2 > b.bytes || b.bytes == 0) continue;
        lead.push_back({b.kind, IsValidUtf8(b.text) ? b.text : RepairUtf8(b.text)});
      }
      if (lead.size() + out.size() <= options.max_blocks)
        out.insert(out.begin(), lead.begin(), lead.end());
    }
  }
  // The standfirst set apart before the container comes first, unless the
  // body already opens with it.
  if (best >= 0) {
    const int dek = StandfirstBefore(elems, blocks, best, MetaDescriptions(root));
    if (dek >= 0) {
      const std::string& text = blocks[static_cast<size_t>(dek)].text;
      bool present = false;
      for (size_t i = 0; i < out.size() && i < 3 && !present; ++i)
        present = out[i].text.compare(0, 40, text, 0, 40) == 0;
      if (!present && out.size() < options.max_blocks)
        out.insert(out.begin(),
                   Block{BlockKind::kParagraph, IsValidUtf8(text) ? text : RepairUtf8(text)});
    }
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
  BodyResult result =
      ExtractBodyPass(root, options, title, /*read_hidden=*/false, /*widest=*/false);
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