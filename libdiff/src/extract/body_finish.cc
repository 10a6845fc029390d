// Copyright 2026 The libdiff Authors.
//
// The clean-up of the body's blocks (body_finish.h).

#include "extract/body_finish.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>

#include "extract/body_blocks.h"
#include "extract/volatile_text.h"
#include "util/utf8.h"

namespace libdiff::internal {

namespace {

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
  if (words.size() >= 4) shingles.reserve(words.size() - 3);
  for (size_t i = 0; i + 4 <= words.size(); ++i) {
    uint64_t s = words[i];
    for (size_t k = 1; k < 4; ++k) s = s * 0x9E3779B97F4A7C15ull + words[i + k];
    shingles.push_back(s);
  }
  return shingles;
}

// The number of leading blocks of `dom` (the visible body) that stand before
// a preview of `embedded`, the full text of the article in the page data; -1
// when `dom` is no preview of it. A paywall or a "read more" page renders the
// headline's dek and the first paragraphs and ships the whole text in its page
// data. `dom` is a preview when its last block is found in `embedded` (half
// of its word 4-grams), the blocks found hold 60% of its 4-grams (at least
// 5), and `embedded` is at least twice its size. The blocks before the first
// one found (a dek, a summary) are kept; a stale copy of an edited article
// is about the same size, and another article's text does not hold the
// visible one.
int PreviewLead(const std::vector<Block>& dom, const std::vector<Block>& embedded) {
  size_t visible_bytes = 0, embedded_bytes = 0;
  for (const Block& b : dom) visible_bytes += b.text.size();
  for (const Block& b : embedded) embedded_bytes += b.text.size();
  if (dom.empty() || embedded_bytes < 2 * visible_bytes) return -1;
  std::vector<uint64_t> full;
  for (const Block& b : embedded) {
    const std::vector<uint64_t> own = WordShingles(b.text);
    full.insert(full.end(), own.begin(), own.end());
  }
  std::sort(full.begin(), full.end());
  size_t total = 0, found = 0;
  int first_found = -1;
  bool last_found = false;
  for (size_t i = 0; i < dom.size(); ++i) {
    const std::vector<uint64_t> own = WordShingles(dom[i].text);
    size_t hits = 0;
    for (uint64_t s : own) hits += std::binary_search(full.begin(), full.end(), s) ? 1u : 0u;
    total += own.size();
    last_found = !own.empty() && hits * 2 >= own.size();
    if (last_found) {
      found += own.size();
      if (first_found < 0) first_found = static_cast<int>(i);
    }
  }
  if (!last_found || total < 5 || found * 10 < total * 6) return -1;
  return first_found;
}

}  // namespace

// Drops blocks whose text the rest of the body already says: a summary box or
// "key points" list repeating the first paragraphs, a pull quote, a block
// shown twice (once for small screens). Of two copies the later one stays.
void DropRepeatedBlocks(std::vector<Block>* out) {
  if (out->size() < 2) return;
  // Each block's shingles as indexes into the sorted distinct shingles of the
  // body, with a count of the kept blocks' occurrences of each.
  std::vector<std::vector<uint64_t>> shingles;
  std::vector<uint64_t> distinct;
  shingles.reserve(out->size());
  for (const Block& b : *out) {
    shingles.push_back(WordShingles(b.text));
    distinct.insert(distinct.end(), shingles.back().begin(), shingles.back().end());
  }
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  std::vector<int> count(distinct.size(), 0);
  for (std::vector<uint64_t>& own : shingles) {
    for (uint64_t& s : own) {
      s = static_cast<uint64_t>(std::lower_bound(distinct.begin(), distinct.end(), s) -
                                distinct.begin());
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
    // 85% of its 4-grams found elsewhere: the steps of a plan written on one
    // pattern share 80% of theirs and are not copies.
    if (own.size() >= 5 && !question && covered * 20 >= own.size() * 17) continue;
    for (uint64_t s : own) ++count[s];
    kept.push_back(std::move((*out)[i]));
  }
  *out = std::move(kept);
}

// Drops the writer's biography, contact line or provenance line that closes
// many articles ("Jane Doe is a senior reporter at ...", IsAuthorBio;
// "Contact Jane Doe at jdoe@example.com", IsContactLine; "This story was
// originally published ...", IsProvenanceLine) when it is one of the last six
// blocks (the headlines of a "more from this section" box may follow it; a
// biography one of the last three), with
// what follows it ("Follow her on X") and up to three short
// labels just before it (the name, "Senior Editor", "About Jane Doe"); and a
// box about the writer or the publisher among the last eight blocks, from its
// heading ("About the author", IsAboutTheWriterHeading) on. The body keeps at
// least two blocks.
void DropTrailingWriterNotes(std::vector<Block>* out) {
  // A box about the writer (or the publisher) among the last eight blocks,
  // from its heading on.
  for (size_t i = out->size() >= 8 ? out->size() - 8 : 2; i < out->size(); ++i) {
    if (i >= 2 && IsAboutTheWriterHeading((*out)[i].text)) {
      out->resize(i);
      break;
    }
  }
  const size_t n = out->size();
  for (size_t i = n >= 6 ? n - 6 : 0; i < n; ++i) {
    const Block& b = (*out)[i];
    // Further up than the last three blocks, a note ends the body only when
    // no paragraph of the story follows it (no later block is a sentence of 80
    // bytes or more: headlines, labels), and a biography never does ("Goodman is the author
    // of <book>" is a paragraph of the story).
    const bool last_three = i + 3 >= n;
    if (b.kind != BlockKind::kParagraph ||
        !((last_three && IsAuthorBio(b.text)) || IsContactLine(b.text) ||
          IsProvenanceLine(b.text)))
      continue;
    if (!last_three) {
      bool story_follows = false;
      for (size_t j = i + 1; j < n; ++j) {
        const std::string& t = (*out)[j].text;
        story_follows |= t.size() >= 80 && EndsSentence(t);
      }
      if (story_follows) continue;
    }
    size_t cut = i;
    while (cut > 0 && i - cut < 3 && (*out)[cut - 1].text.size() < 60 &&
           !EndsSentence((*out)[cut - 1].text))
      --cut;
    if (cut >= 2) out->resize(cut);
    return;
  }
}

void DropLeadingProvenanceLine(std::vector<Block>* out) {
  for (size_t i = 0; i < 2 && out->size() >= 3; ++i) {
    const Block& b = (*out)[i];
    if (b.kind == BlockKind::kParagraph && IsPublishedElsewhereNote(b.text)) {
      out->erase(out->begin() + static_cast<std::ptrdiff_t>(i));
      return;
    }
  }
}

// When `dom` is a preview of `full` (PreviewLead), sets `result` to the
// blocks of `dom` before the preview followed by `full` and returns true.
bool CompletePreview(const std::vector<Block>& dom, std::vector<Block> full, BodySource source,
                     size_t max_blocks, BodyResult* result) {
  const int lead = PreviewLead(dom, full);
  if (lead < 0) return false;
  std::vector<Block> body(dom.begin(), dom.begin() + lead);
  for (Block& b : full) {
    if (body.size() >= max_blocks) break;
    body.push_back(std::move(b));
  }
  result->blocks = std::move(body);
  result->source = source;
  return true;
}

}  // namespace libdiff::internal
