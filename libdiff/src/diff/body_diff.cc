// Copyright 2026 The libdiff Authors.
//
// The body of an article diff (article_diff.cc does titles, metadata and the
// entry points). The pipeline, as the NewsEdits study models edits:
//   1. paragraphs -> sentences -> word tokens, interned to integer ids;
//   2. Myers over sentence ids: the unchanged sentences, in order;
//   3. identical sentences left unmatched on both sides are moves;
//   4. in each gap between unchanged sentences, deleted and inserted sentences
//      are paired as changes by a monotone maximum-similarity alignment;
//   5. the remaining near-identical pairs anywhere are edited moves;
//   6. Myers over word-token ids inside each pair, then a cleanup pass.
#include "diff/body_diff.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "diff/myers.h"
#include "diff/sentence_splitter.h"
#include "diff/significance.h"
#include "diff/text_tokens.h"
#include "libdiff/diff.h"
#include "util/utf8.h"


namespace libdiff {
namespace {

using internal::textdiff::Token;
using internal::textdiff::TokenKind;

// Cells of the pairing alignment table for one gap; larger gaps use a window.
constexpr size_t kMaxAlignmentCells = size_t{1} << 20;
// Half-width of the pairing window past the cost limit.
constexpr size_t kPairingWindow = 8;
// Work (Myers diagonals and snake steps) all word-level diffs of one body may
// take together: this many per token of both texts, plus a floor. Each pair is
// already bounded by max_edit_cost, but hundreds of long run-on sentence pairs
// (unrelated texts without full stops) each within it took seconds at 100,000
// words; past the budget the remaining pairs are whole-sentence replacements
// (coarse). Ordinary edits use a tiny fraction of it.
constexpr size_t kWordDiffWorkPerToken = 256;
constexpr size_t kWordDiffWorkFloor = size_t{4} << 20;

class Interner {
 public:
  void Reserve(size_t n) { ids_.reserve(n); }
  // try_emplace, not emplace: emplace allocates a node even for a known key.
  uint32_t Id(std::string_view s) {
    return ids_.try_emplace(s, static_cast<uint32_t>(ids_.size())).first->second;
  }

 private:
  std::unordered_map<std::string_view, uint32_t> ids_;
};

struct Side {
  std::vector<std::string> sentences;
  std::vector<size_t> paragraph;               // per sentence
  std::vector<size_t> paragraph_size;          // sentences per paragraph
  std::vector<std::vector<Token>> tokens;      // per sentence, views into `sentences`
  std::vector<std::vector<uint32_t>> token_ids;
  std::vector<std::vector<uint32_t>> bag;      // sorted ids of word/number tokens
  std::vector<uint32_t> sentence_ids;
};

void BuildSide(const std::vector<std::string>& paragraphs, Side* side) {
  for (const std::string& text : paragraphs) {
    std::vector<std::string> sentences = SplitSentences(text);
    if (sentences.empty()) continue;
    const size_t p = side->paragraph_size.size();
    side->paragraph_size.push_back(sentences.size());
    for (std::string& s : sentences) {
      side->sentences.push_back(std::move(s));
      side->paragraph.push_back(p);
    }
  }
}

// Tokenises after both sides are complete (views must not move).
void TokenizeSide(Side* side, Interner* tokens, Interner* sentences) {
  const size_t n = side->sentences.size();
  side->tokens.resize(n);
  side->token_ids.resize(n);
  side->bag.resize(n);
  side->sentence_ids.resize(n);
  for (size_t i = 0; i < n; ++i) {
    side->sentence_ids[i] = sentences->Id(side->sentences[i]);
    side->tokens[i] = internal::textdiff::TokenizeForDiff(side->sentences[i]);
    auto& ids = side->token_ids[i];
    ids.reserve(side->tokens[i].size());
    for (const Token& t : side->tokens[i]) {
      ids.push_back(tokens->Id(t.text));
      if (t.kind == TokenKind::kWord || t.kind == TokenKind::kNumber) {
        side->bag[i].push_back(ids.back());
      }
    }
    std::sort(side->bag[i].begin(), side->bag[i].end());
  }
}

// Dice coefficient of two sorted multisets, or 0 when it is clearly below
// `threshold` (by more than float rounding, so callers comparing it with the
// threshold, even as a float, decide as if it were exact). The merge stops as
// soon as the threshold is out of reach: pairing scores up to
// max_pair_comparisons pairs, and most of them are far apart.
double Similarity(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b,
                  double threshold) {
  const size_t na = a.size(), nb = b.size();
  if (na == 0 && nb == 0) return 0.0;
  // 2 * (common + what is left) < bar  =>  Dice < threshold - 1e-6.
  const double bar = (threshold - 1e-6) * static_cast<double>(na + nb);
  const auto out_of_reach = [&](size_t common, size_t i, size_t j) {
    return static_cast<double>(2 * (common + std::min(na - i, nb - j))) < bar;
  };
  if (out_of_reach(0, 0, 0)) return 0.0;
  size_t i = 0, j = 0, common = 0;
  const uint32_t* pa = a.data();
  const uint32_t* pb = b.data();
  while (i < na && j < nb) {
    // Branch-free steps (the comparisons are unpredictable), then one check.
    for (int step = 0; step < 32 && i < na && j < nb; ++step) {
      const uint32_t x = pa[i], y = pb[j];
      common += static_cast<size_t>(x == y);
      i += static_cast<size_t>(x <= y);
      j += static_cast<size_t>(y <= x);
    }
    if (out_of_reach(common, i, j)) return 0.0;
  }
  return 2.0 * static_cast<double>(common) / static_cast<double>(na + nb);
}

enum class Role : uint8_t { kUnpaired, kEqual, kChange, kMove };

struct Pairing {
  std::vector<Role> old_role, new_role;
  std::vector<size_t> old_partner, new_partner;
  std::vector<double> new_similarity;

  void Pair(size_t i, size_t j, Role role, double similarity) {
    old_role[i] = new_role[j] = role;
    old_partner[i] = j;
    new_partner[j] = i;
    new_similarity[j] = similarity;
  }
};

class BodyDiffer {
 public:
  BodyDiffer(const Side& o, const Side& n, const DiffOptions& options, ArticleDiff* out)
      : old_(o), new_(n), options_(options), out_(out), budget_(options.max_pair_comparisons) {}

  Status Run() {
    const size_t no = old_.sentences.size(), nn = new_.sentences.size();
    p_.old_role.assign(no, Role::kUnpaired);
    p_.new_role.assign(nn, Role::kUnpaired);
    p_.old_partner.assign(no, kNoIndex);
    p_.new_partner.assign(nn, kNoIndex);
    p_.new_similarity.assign(nn, 0.0);
    size_t tokens = 0;
    for (const Side* side : {&old_, &new_}) {
      for (const auto& ids : side->token_ids) tokens += ids.size();
    }
    word_work_budget_ = kWordDiffWorkFloor + kWordDiffWorkPerToken * tokens;

    internal::textdiff::MatchResult equal = internal::textdiff::MatchSequences(
        old_.sentence_ids, new_.sentence_ids, options_.max_edit_cost);
    if (equal.coarse) out_->coarse = true;
    for (auto [i, j] : equal.matches) p_.Pair(i, j, Role::kEqual, 1.0);

    if (options_.detect_moves) PairIdenticalMoves();
    PairChangesInGaps(equal.matches);
    if (options_.detect_moves) PairEditedMoves();
    return EmitOps();
  }

 private:
  void PairIdenticalMoves() {
    std::unordered_map<uint32_t, std::vector<size_t>> unmatched_old;
    for (size_t i = old_.sentences.size(); i-- > 0;) {
      if (p_.old_role[i] == Role::kUnpaired) unmatched_old[old_.sentence_ids[i]].push_back(i);
    }
    for (size_t j = 0; j < new_.sentences.size(); ++j) {
      if (p_.new_role[j] != Role::kUnpaired) continue;
      auto it = unmatched_old.find(new_.sentence_ids[j]);
      if (it == unmatched_old.end() || it->second.empty()) continue;
      p_.Pair(it->second.back(), j, Role::kMove, 1.0);
      it->second.pop_back();
    }
  }

  void PairChangesInGaps(const std::vector<std::pair<size_t, size_t>>& anchors) {
    size_t i0 = 0, j0 = 0;
    for (size_t k = 0; k <= anchors.size(); ++k) {
      const size_t i1 = k < anchors.size() ? anchors[k].first : old_.sentences.size();
      const size_t j1 = k < anchors.size() ? anchors[k].second : new_.sentences.size();
      std::vector<size_t> dels, inss;
      for (size_t i = i0; i < i1; ++i) if (p_.old_role[i] == Role::kUnpaired) dels.push_back(i);
      for (size_t j = j0; j < j1; ++j) if (p_.new_role[j] == Role::kUnpaired) inss.push_back(j);
      if (!dels.empty() && !inss.empty()) PairGap(dels, inss);
      i0 = i1 + 1;
      j0 = j1 + 1;
    }
  }

  // A monotone alignment of `dels` with `inss` maximising the summed
  // similarity of pairs at or above the change threshold.
  void PairGap(const std::vector<size_t>& dels, const std::vector<size_t>& inss) {
    const size_t d = dels.size(), m = inss.size();
    const double threshold = options_.change_threshold;
    if (d * m <= kMaxAlignmentCells && d * m <= budget_) {
      budget_ -= d * m;
      std::vector<float> sim(d * m);
      for (size_t a = 0; a < d; ++a) {
        for (size_t b = 0; b < m; ++b) {
          sim[a * m + b] =
              static_cast<float>(Similarity(old_.bag[dels[a]], new_.bag[inss[b]], threshold));
        }
      }
      std::vector<float> best((d + 1) * (m + 1), 0.0f);
      auto at = [&](size_t a, size_t b) -> float& { return best[a * (m + 1) + b]; };
      for (size_t a = 1; a <= d; ++a) {
        for (size_t b = 1; b <= m; ++b) {
          float v = std::max(at(a - 1, b), at(a, b - 1));
          const float s = sim[(a - 1) * m + (b - 1)];
          if (s >= threshold && s > 0.0f) v = std::max(v, at(a - 1, b - 1) + s);
          at(a, b) = v;
        }
      }
      size_t a = d, b = m;
      while (a > 0 && b > 0) {
        const float s = sim[(a - 1) * m + (b - 1)];
        if (s >= threshold && s > 0.0f && at(a, b) == at(a - 1, b - 1) + s) {
          p_.Pair(dels[a - 1], inss[b - 1], Role::kChange, s);
          --a;
          --b;
        } else if (at(a, b) == at(a - 1, b)) {
          --a;
        } else {
          --b;
        }
      }
      return;
    }
    // Past the cost limit: greedy pairing within a window around the diagonal.
    out_->coarse = true;
    size_t next_b = 0;
    for (size_t a = 0; a < d && next_b < m; ++a) {
      const size_t center = a * m / d;
      const size_t lo = std::max(next_b, center > kPairingWindow ? center - kPairingWindow : 0);
      const size_t hi = std::min(m, center + kPairingWindow + 1);
      double best_sim = 0.0;
      size_t best_b = kNoIndex;
      for (size_t b = lo; b < hi; ++b) {
        const double s = Similarity(old_.bag[dels[a]], new_.bag[inss[b]], threshold);
        if (s >= threshold && s > best_sim) {
          best_sim = s;
          best_b = b;
        }
      }
      budget_ -= std::min(budget_, hi > lo ? hi - lo : 0);
      if (best_b != kNoIndex) {
        p_.Pair(dels[a], inss[best_b], Role::kChange, best_sim);
        next_b = best_b + 1;
      }
    }
  }

  void PairEditedMoves() {
    std::vector<size_t> dels, inss;
    for (size_t i = 0; i < old_.sentences.size(); ++i) {
      if (p_.old_role[i] == Role::kUnpaired) dels.push_back(i);
    }
    for (size_t j = 0; j < new_.sentences.size(); ++j) {
      if (p_.new_role[j] == Role::kUnpaired) inss.push_back(j);
    }
    if (dels.empty() || inss.empty()) return;
    if (dels.size() * inss.size() > budget_) {
      out_->coarse = true;
      return;
    }
    budget_ -= dels.size() * inss.size();
    struct Candidate {
      double similarity;
      size_t a, b;
    };
    std::vector<Candidate> candidates;
    for (size_t a = 0; a < dels.size(); ++a) {
      for (size_t b = 0; b < inss.size(); ++b) {
        const double s = Similarity(old_.bag[dels[a]], new_.bag[inss[b]], options_.move_threshold);
        if (s >= options_.move_threshold && s > 0.0) candidates.push_back({s, a, b});
      }
    }
    std::stable_sort(
        candidates.begin(), candidates.end(),
        [](const Candidate& x, const Candidate& y) { return x.similarity > y.similarity; });
    for (const Candidate& c : candidates) {
      if (p_.old_role[dels[c.a]] != Role::kUnpaired || p_.new_role[inss[c.b]] != Role::kUnpaired) {
        continue;
      }
      p_.Pair(dels[c.a], inss[c.b], Role::kMove, c.similarity);
    }
  }

  SentenceOp MakeOp(SentenceOpKind kind, size_t i, size_t j) {
    SentenceOp op;
    op.kind = kind;
    if (i != kNoIndex) {
      op.old_index = i;
      op.old_paragraph = old_.paragraph[i];
      op.old_text = old_.sentences[i];
    }
    if (j != kNoIndex) {
      op.new_index = j;
      op.new_paragraph = new_.paragraph[j];
      op.new_text = new_.sentences[j];
    }
    return op;
  }

  void EmitDelete(size_t i) {
    SentenceOp op = MakeOp(SentenceOpKind::kDelete, i, kNoIndex);
    op.significance = internal::textdiff::ClassifySentence(old_.tokens[i]);
    out_->summary.words_removed += CountWords(old_.tokens[i]);
    out_->ops.push_back(std::move(op));
  }

  static size_t CountWords(const std::vector<Token>& tokens) {
    size_t n = 0;
    for (const Token& t : tokens) n += (t.kind == TokenKind::kWord || t.kind == TokenKind::kNumber);
    return n;
  }

  Status EmitOps() {
    const size_t no = old_.sentences.size(), nn = new_.sentences.size();
    size_t i = 0;
    for (size_t j = 0; j < nn; ++j) {
      while (i < no && (p_.old_role[i] == Role::kUnpaired || p_.old_role[i] == Role::kMove)) {
        if (p_.old_role[i] == Role::kUnpaired) EmitDelete(i);
        ++i;
      }
      switch (p_.new_role[j]) {
        case Role::kUnpaired: {
          SentenceOp op = MakeOp(SentenceOpKind::kInsert, kNoIndex, j);
          op.significance = internal::textdiff::ClassifySentence(new_.tokens[j]);
          out_->summary.words_added += CountWords(new_.tokens[j]);
          out_->ops.push_back(std::move(op));
          break;
        }
        case Role::kMove: {
          SentenceOp op = MakeOp(SentenceOpKind::kMove, p_.new_partner[j], j);
          op.similarity = p_.new_similarity[j];
          if (op.old_text != op.new_text) DiffWords(&op);
          op.significance = Significance::kSubstantive;  // a reordering is an editorial change
          out_->ops.push_back(std::move(op));
          break;
        }
        case Role::kEqual:
        case Role::kChange: {
          if (p_.new_partner[j] != i) {
            return Status::Internal("diff: sentence pairing is not monotone at new sentence " +
                                    std::to_string(j));
          }
          const bool equal = p_.new_role[j] == Role::kEqual;
          SentenceOp op = MakeOp(equal ? SentenceOpKind::kEqual : SentenceOpKind::kChange, i, j);
          op.similarity = p_.new_similarity[j];
          if (!equal) DiffWords(&op);
          out_->ops.push_back(std::move(op));
          ++i;
          break;
        }
      }
    }
    for (; i < no; ++i) {
      if (p_.old_role[i] == Role::kUnpaired) EmitDelete(i);
    }
    return Status::OK();
  }

  // Word-level script of op (old_index -> new_index) with cleanup, and its class.
  void DiffWords(SentenceOp* op) {
    const auto& ot = old_.tokens[op->old_index];
    const auto& nt = new_.tokens[op->new_index];
    const auto& oi = old_.token_ids[op->old_index];
    const auto& ni = new_.token_ids[op->new_index];
    internal::textdiff::MatchResult m =
        internal::textdiff::MatchSequences(oi, ni, options_.max_edit_cost, &word_work_budget_);
    if (m.coarse) out_->coarse = true;
    std::vector<size_t> old_changed, new_changed;
    BuildWordOps(ot, nt, m.matches, options_.merge_equalities_up_to, &op->words, &old_changed,
                 &new_changed);
    op->significance = internal::textdiff::ClassifyEdit(ot, old_changed, nt, new_changed);
    for (size_t k : old_changed) out_->summary.words_removed += IsWord(ot[k]);
    for (size_t k : new_changed) out_->summary.words_added += IsWord(nt[k]);
  }

  static bool IsWord(const Token& t) {
    return t.kind == TokenKind::kWord || t.kind == TokenKind::kNumber;
  }

 public:
  // Turns token matches into alternating equal / delete+insert word ops.
  // Equalities of at most `merge_up_to` bytes between two edits are folded
  // into the edits. `old_changed`/`new_changed` receive the token indices that
  // changed before that cleanup (the significance is judged on those).
  static void BuildWordOps(const std::vector<Token>& ot, const std::vector<Token>& nt,
                           const std::vector<std::pair<size_t, size_t>>& matches,
                           size_t merge_up_to, std::vector<WordOp>* words,
                           std::vector<size_t>* old_changed, std::vector<size_t>* new_changed) {
    struct Run {
      bool equal;
      size_t o0, o1, n0, n1;  // token ranges
    };
    std::vector<Run> runs;
    size_t i = 0, j = 0;
    auto add_edit = [&](size_t i1, size_t j1) {
      if (i1 == i && j1 == j) return;
      for (size_t k = i; k < i1; ++k) old_changed->push_back(k);
      for (size_t k = j; k < j1; ++k) new_changed->push_back(k);
      runs.push_back({false, i, i1, j, j1});
      i = i1;
      j = j1;
    };
    for (auto [mi, mj] : matches) {
      add_edit(mi, mj);
      if (!runs.empty() && runs.back().equal) {
        runs.back().o1 = mi + 1;
        runs.back().n1 = mj + 1;
      } else {
        runs.push_back({true, mi, mi + 1, mj, mj + 1});
      }
      i = mi + 1;
      j = mj + 1;
    }
    add_edit(ot.size(), nt.size());

    // Cleanup: fold short equalities sandwiched between edits.
    if (merge_up_to > 0) {
      for (size_t r = 1; r + 1 < runs.size(); ++r) {
        if (!runs[r].equal || runs[r - 1].equal || runs[r + 1].equal) continue;
        size_t bytes = 0;
        for (size_t k = runs[r].o0; k < runs[r].o1; ++k) bytes += ot[k].text.size();
        if (bytes <= merge_up_to) runs[r].equal = false;
      }
    }
    // Fuse adjacent edits and emit.
    std::vector<Run> fused;
    for (const Run& run : runs) {
      if (!fused.empty() && !fused.back().equal && !run.equal) {
        fused.back().o1 = run.o1;
        fused.back().n1 = run.n1;
      } else {
        fused.push_back(run);
      }
    }
    auto join = [](const std::vector<Token>& t, size_t a, size_t b) {
      std::string s;
      for (size_t k = a; k < b; ++k) s.append(t[k].text);
      return s;
    };
    for (const Run& run : fused) {
      if (run.equal) {
        words->push_back({WordOpKind::kEqual, join(ot, run.o0, run.o1)});
        continue;
      }
      if (run.o1 > run.o0) words->push_back({WordOpKind::kDelete, join(ot, run.o0, run.o1)});
      if (run.n1 > run.n0) words->push_back({WordOpKind::kInsert, join(nt, run.n0, run.n1)});
    }
  }

 private:
  const Side& old_;
  const Side& new_;
  const DiffOptions& options_;
  ArticleDiff* out_;
  size_t budget_;
  size_t word_work_budget_ = 0;
  Pairing p_;
};

void Summarize(const Side& o, const Side& n, ArticleDiff* diff) {
  ChangeSummary& s = diff->summary;
  s.paragraphs_old = o.paragraph_size.size();
  s.paragraphs_new = n.paragraph_size.size();
  Significance body = Significance::kNone;
  std::vector<size_t> old_deleted(o.paragraph_size.size(), 0);
  struct NewParagraph {
    size_t ops = 0, inserted = 0, moved = 0, equal = 0;
    size_t first_old = kNoIndex;
    bool single_old = true;
  };
  std::vector<NewParagraph> np(n.paragraph_size.size());
  const SentenceOp* prev = nullptr;
  bool layout_changed = false;
  for (const SentenceOp& op : diff->ops) {
    body = std::max(body, op.significance);
    switch (op.kind) {
      case SentenceOpKind::kEqual: ++s.sentences_equal; break;
      case SentenceOpKind::kInsert: ++s.sentences_added; break;
      case SentenceOpKind::kDelete: ++s.sentences_removed; break;
      case SentenceOpKind::kChange: ++s.sentences_changed; break;
      case SentenceOpKind::kMove: ++s.sentences_moved; break;
    }
    if (op.kind == SentenceOpKind::kDelete) {
      ++old_deleted[op.old_paragraph];
    } else {
      NewParagraph& p = np[op.new_paragraph];
      ++p.ops;
      p.inserted += op.kind == SentenceOpKind::kInsert;
      p.moved += op.kind == SentenceOpKind::kMove;
      p.equal += op.kind == SentenceOpKind::kEqual;
      if (op.old_paragraph != kNoIndex) {
        if (p.first_old == kNoIndex) p.first_old = op.old_paragraph;
        else if (p.first_old != op.old_paragraph) p.single_old = false;
      }
    }
    // Two adjacent unchanged sentences whose paragraph grouping differs: a
    // paragraph was split or joined.
    if (prev && prev->kind == SentenceOpKind::kEqual && op.kind == SentenceOpKind::kEqual &&
        prev->old_index + 1 == op.old_index && prev->new_index + 1 == op.new_index &&
        (prev->old_paragraph == op.old_paragraph) != (prev->new_paragraph == op.new_paragraph)) {
      layout_changed = true;
    }
    prev = &op;
  }
  for (size_t p = 0; p < old_deleted.size(); ++p) {
    if (old_deleted[p] == o.paragraph_size[p]) ++s.paragraphs_removed;
  }
  for (const NewParagraph& p : np) {
    if (p.inserted == p.ops) {
      ++s.paragraphs_added;
    } else if (p.moved == p.ops && p.single_old) {
      ++s.paragraphs_moved;
    } else if (p.equal != p.ops || !p.single_old ||
               (p.first_old != kNoIndex && o.paragraph_size[p.first_old] != p.ops)) {
      ++s.paragraphs_changed;
      if (p.equal == p.ops) layout_changed = true;
    }
  }
  if (layout_changed) body = std::max(body, Significance::kWhitespacePunctuation);
  s.body_significance = body;
}

}  // namespace

namespace internal {

Result<ArticleDiff> DiffBody(const std::vector<std::string>& old_paragraphs,
                             const std::vector<std::string>& new_paragraphs,
                             const DiffOptions& options, ArticleDiff diff) {
  Side o, n;
  BuildSide(old_paragraphs, &o);
  BuildSide(new_paragraphs, &n);
  Interner tokens, sentences;
  sentences.Reserve(o.sentences.size() + n.sentences.size());
  size_t bytes = 0;
  for (const Side* side : {&o, &n}) {
    for (const std::string& s : side->sentences) bytes += s.size();
  }
  tokens.Reserve(bytes / 16);  // distinct tokens: roughly one per 16 bytes of news prose
  TokenizeSide(&o, &tokens, &sentences);
  TokenizeSide(&n, &tokens, &sentences);
  BodyDiffer differ(o, n, options, &diff);
  LIBDIFF_RETURN_IF_ERROR(differ.Run());
  Summarize(o, n, &diff);
  return diff;
}

void DiffWords(const std::vector<textdiff::Token>& ot, const std::vector<textdiff::Token>& nt,
               const DiffOptions& options, std::vector<WordOp>* words,
               std::vector<size_t>* old_changed, std::vector<size_t>* new_changed) {
  Interner interner;
  std::vector<uint32_t> oi, ni;
  for (const Token& t : ot) oi.push_back(interner.Id(t.text));
  for (const Token& t : nt) ni.push_back(interner.Id(t.text));
  textdiff::MatchResult m = textdiff::MatchSequences(oi, ni, options.max_edit_cost);
  BodyDiffer::BuildWordOps(ot, nt, m.matches, options.merge_equalities_up_to, words, old_changed,
                           new_changed);
}

}  // namespace internal
}  // namespace libdiff
