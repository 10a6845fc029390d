// Copyright 2026 The libdiff Authors.
//
// Fuzzes the article diff (diff.h). After a leading options byte (limits and
// thresholds; 0 keeps the defaults) the input is split at its first NUL byte into
// an old and a new text.
// Properties checked on each input, all from diff.h's contract:
//   - DiffTexts succeeds for inputs within max_input_bytes;
//   - the ops cover every old and every new sentence exactly once, with indexes
//     increasing as documented;
//   - applying the ops to the old sentences rebuilds NewText(), and the old side of
//     the ops rebuilds OldText(); word scripts rebuild both sides of each change;
//   - the summary counts match the ops and the overall class is never below the
//     body's; a text diffed against itself has no change;
//   - every rendering is valid UTF-8, and the JSON one parses.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "fuzz_check.h"
#include "fuzz_input.h"
#include "libdiff/diff.h"
#include "util/utf8.h"

namespace {

using libdiff::SentenceOp;
using libdiff::SentenceOpKind;
using libdiff::WordOpKind;

bool HasOld(const SentenceOp& op) { return op.kind != SentenceOpKind::kInsert; }
bool HasNew(const SentenceOp& op) { return op.kind != SentenceOpKind::kDelete; }

// Joins (paragraph, sentence) pairs: " " inside a paragraph, "\n\n" between.
std::string Join(const std::map<size_t, std::pair<size_t, std::string>>& by_index) {
  std::string out;
  size_t paragraph = libdiff::kNoIndex;
  for (const auto& [index, entry] : by_index) {
    if (!out.empty() || paragraph != libdiff::kNoIndex) {
      out += entry.first == paragraph ? " " : "\n\n";
    }
    paragraph = entry.first;
    out += entry.second;
  }
  return out;
}

void CheckWords(const SentenceOp& op) {
  std::string old_side, new_side;
  for (size_t i = 0; i < op.words.size(); ++i) {
    const libdiff::WordOp& w = op.words[i];
    if (i > 0) {
      LIBDIFF_FUZZ_CHECK(op.words[i - 1].kind != w.kind, "adjacent word ops differ in kind");
    }
    if (w.kind != WordOpKind::kInsert) old_side += w.text;
    if (w.kind != WordOpKind::kDelete) new_side += w.text;
  }
  LIBDIFF_FUZZ_CHECK(old_side == op.old_text, "equal+delete words rebuild the old sentence");
  LIBDIFF_FUZZ_CHECK(new_side == op.new_text, "equal+insert words rebuild the new sentence");
}

void CheckDiff(const libdiff::ArticleDiff& d) {
  std::map<size_t, std::pair<size_t, std::string>> olds, news;
  size_t last_old = libdiff::kNoIndex, last_new = libdiff::kNoIndex;
  size_t counts[5] = {0, 0, 0, 0, 0};
  for (const SentenceOp& op : d.ops) {
    counts[static_cast<int>(op.kind)]++;
    if (HasOld(op)) {
      LIBDIFF_FUZZ_CHECK(op.old_index != libdiff::kNoIndex, "old sentence ops name an old index");
      LIBDIFF_FUZZ_CHECK(
          olds.emplace(op.old_index, std::make_pair(op.old_paragraph, op.old_text)).second,
          "every old sentence appears in one op");
      if (op.kind != SentenceOpKind::kMove) {
        LIBDIFF_FUZZ_CHECK(last_old == libdiff::kNoIndex || op.old_index > last_old,
                           "old_index increases over equal/delete/change ops");
        last_old = op.old_index;
      }
    } else {
      LIBDIFF_FUZZ_CHECK(op.old_index == libdiff::kNoIndex && op.old_text.empty(),
                         "inserts have no old side");
    }
    if (HasNew(op)) {
      LIBDIFF_FUZZ_CHECK(op.new_index != libdiff::kNoIndex, "new sentence ops name a new index");
      LIBDIFF_FUZZ_CHECK(
          news.emplace(op.new_index, std::make_pair(op.new_paragraph, op.new_text)).second,
          "every new sentence appears in one op");
      LIBDIFF_FUZZ_CHECK(last_new == libdiff::kNoIndex || op.new_index > last_new,
                         "new_index increases over every op but deletions");
      last_new = op.new_index;
    } else {
      LIBDIFF_FUZZ_CHECK(op.new_index == libdiff::kNoIndex && op.new_text.empty(),
                         "deletions have no new side");
    }
    if (op.kind == SentenceOpKind::kEqual) {
      LIBDIFF_FUZZ_CHECK(op.old_text == op.new_text, "equal ops have equal texts");
    }
    if (!op.words.empty()) CheckWords(op);
    LIBDIFF_FUZZ_CHECK(op.similarity >= 0.0 && op.similarity <= 1.0, "similarity is in [0, 1]");
    LIBDIFF_FUZZ_CHECK(libdiff::internal::IsValidUtf8(op.old_text) &&
                           libdiff::internal::IsValidUtf8(op.new_text),
                       "sentence texts are valid UTF-8");
  }
  // Indexes are dense: 0..n-1 on each side.
  LIBDIFF_FUZZ_CHECK(olds.empty() || olds.rbegin()->first == olds.size() - 1,
                     "old indexes are dense");
  LIBDIFF_FUZZ_CHECK(news.empty() || news.rbegin()->first == news.size() - 1,
                     "new indexes are dense");
  LIBDIFF_FUZZ_CHECK(Join(news) == d.NewText(), "applying the ops rebuilds the new text");
  LIBDIFF_FUZZ_CHECK(Join(olds) == d.OldText(), "the old side of the ops rebuilds the old text");

  const libdiff::ChangeSummary& s = d.summary;
  LIBDIFF_FUZZ_CHECK(s.sentences_equal == counts[0] && s.sentences_added == counts[1] &&
                         s.sentences_removed == counts[2] && s.sentences_changed == counts[3] &&
                         s.sentences_moved == counts[4],
                     "summary sentence counts match the ops");
  LIBDIFF_FUZZ_CHECK(s.significance >= s.body_significance, "overall class is at least the body's");
  for (const SentenceOp& op : d.ops) {
    LIBDIFF_FUZZ_CHECK(s.body_significance >= op.significance, "body class is at least every op's");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Options first (a 0 flags byte keeps the defaults), then "old\0new".
  libdiff::fuzz::FuzzInput input(data, size);
  libdiff::DiffOptions options;
  const uint8_t flags = input.Byte();
  if (flags & 1) options.max_edit_cost = input.Range(1, 64);
  if (flags & 2) options.max_pair_comparisons = input.Range(1, 200);
  if (flags & 4) options.detect_moves = false;
  if (flags & 8) options.change_threshold = input.Fraction();
  if (flags & 16) options.move_threshold = input.Fraction();
  if (flags & 32) options.merge_equalities_up_to = input.Range(0, 16);
  const std::string rest(input.Rest());
  const size_t nul = rest.find('\0');
  const std::string_view old_text = std::string_view(rest).substr(0, nul);
  const std::string_view new_text =
      nul == std::string::npos ? std::string_view() : std::string_view(rest).substr(nul + 1);

  const libdiff::Result<libdiff::ArticleDiff> d = libdiff::DiffTexts(old_text, new_text, options);
  LIBDIFF_FUZZ_CHECK(d.ok(), "DiffTexts succeeds on inputs within limits");
  CheckDiff(*d);

  for (auto format :
       {libdiff::DiffFormat::kWord, libdiff::DiffFormat::kUnified, libdiff::DiffFormat::kJson,
        libdiff::DiffFormat::kHtml, libdiff::DiffFormat::kStat}) {
    libdiff::RenderOptions render;
    render.color = (flags & 64) != 0;
    render.context = (flags & 128) ? -1 : 1;
    const std::string out = libdiff::RenderDiff(*d, format, render);
    LIBDIFF_FUZZ_CHECK(libdiff::internal::IsValidUtf8(out), "renderings are valid UTF-8");
    if (format == libdiff::DiffFormat::kJson) {
      LIBDIFF_FUZZ_CHECK(nlohmann::json::accept(out), "the JSON rendering parses");
    }
  }

  const libdiff::Result<libdiff::ArticleDiff> same =
      libdiff::DiffTexts(new_text, new_text, options);
  LIBDIFF_FUZZ_CHECK(same.ok(), "DiffTexts of a text with itself succeeds");
  CheckDiff(*same);
  LIBDIFF_FUZZ_CHECK(!same->summary.BodyOrTitleChanged() &&
                         same->summary.significance == libdiff::Significance::kNone,
                     "a text diffed against itself has no change");
  LIBDIFF_FUZZ_CHECK(same->NewText() == d->NewText(), "the new text does not depend on the old");
  return 0;
}
