// Copyright 2026 The libdiff Authors.
//
// Article diffs: what changed between two versions of a news article, at the
// level an editor works at. Sentences are matched first (equal, inserted,
// deleted, changed, moved); inside each changed sentence the words are diffed.
// Title and metadata changes are separate entries, and every part carries a
// significance class (whitespace/punctuation only, timestamp only, numbers
// only, title only, substantive) so a caller can tell "Updated 02:50pm" from a
// corrected casualty count.
//
//   libdiff::Result<libdiff::ArticleDiff> d =
//       libdiff::DiffArticles(old_article, new_article, libdiff::DiffOptions());
//   if (!d.ok()) return d.status();
//   if (d->summary.significance == libdiff::Significance::kSubstantive) {
//     std::cout << libdiff::RenderDiff(*d, libdiff::DiffFormat::kWord,
//                                      libdiff::RenderOptions());
//   }
//
// Text model. A text is a sequence of paragraphs; each paragraph is a sequence
// of sentences (see SplitSentences). DiffTexts takes paragraphs separated by
// blank lines; DiffArticles takes Article::blocks. Inside a paragraph every run
// of whitespace (including single newlines) is compared and reported as one
// space, so re-wrapping a paragraph is no change. Sentence texts in the result
// have no leading or trailing whitespace; sentences of one paragraph are
// joined by one space and paragraphs by "\n\n" (ArticleDiff::NewText()).
//
// Ops. ArticleDiff::ops lists sentence operations in reading order of the new
// text, with deletions placed where they stood in the old text:
//   * old_index is strictly increasing over the kEqual, kDelete and kChange
//     ops; new_index is strictly increasing over every op except kDelete.
//   * Every old sentence appears in exactly one op (kEqual, kDelete, kChange or
//     kMove); every new sentence in exactly one op (kEqual, kInsert, kChange or
//     kMove). A kMove op sits at its new position and names its old position.
//   * For kChange, and for a kMove whose text was also edited, `words` holds
//     the word-level script: concatenating the kEqual and kDelete word texts
//     gives old_text; the kEqual and kInsert word texts give new_text.
// Hence applying the ops to the old sentences reproduces the new text
// exactly; tests/diff checks this property on random edits.
//
// Cost limit. The diff is a linear-space Myers O(ND) diff over interned token
// ids, run on sentences and then on the words of each changed pair. Each Myers
// run stops searching after DiffOptions::max_edit_cost edits and reports the
// rest of that region as whole deletions and insertions (a coarser unit);
// sentence pairing compares at most DiffOptions::max_pair_comparisons pairs and
// past that pairs sentences only within a window. Either fallback sets
// ArticleDiff::coarse. With the defaults, two unrelated 100,000-word texts diff
// in well under a second; memory is linear in the input.
//
// Thread safety: every function here is pure and may be called concurrently;
// ArticleDiff is a value with no shared state.
#ifndef LIBDIFF_DIFF_H_
#define LIBDIFF_DIFF_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "libdiff/article.h"
#include "libdiff/status.h"

namespace libdiff {

// How significant a change is. Ordered: a larger value is more significant,
// and the class of a whole diff is never below the class of any body part.
// The numeric values are stable (the C API and stored verdicts use them).
enum class Significance : int {
  kNone = 0,                   // nothing changed
  kWhitespacePunctuation = 1,  // only spacing, paragraph breaks, punctuation, quote style
  kTimestamp = 2,              // only dates/times ("Updated 2:50pm", "3 hours ago", modified)
  kNumbers = 3,                // only numbers changed (a corrected count), maybe with the above
  kTitleOnly = 4,              // the title changed substantively; the body at most kTimestamp
  kSubstantive = 5,            // words of the body changed
};

// Stable lower-case names: "none", "whitespace_punctuation", "timestamp",
// "numbers", "title_only", "substantive".
const char* SignificanceName(Significance significance);

// Sentence-level operation kinds.
enum class SentenceOpKind : int { kEqual = 0, kInsert = 1, kDelete = 2, kChange = 3, kMove = 4 };

// "equal", "insert", "delete", "change", "move".
const char* SentenceOpKindName(SentenceOpKind kind);

// Word-level operation kinds.
enum class WordOpKind : int { kEqual = 0, kInsert = 1, kDelete = 2 };

// "equal", "insert", "delete".
const char* WordOpKindName(WordOpKind kind);

// One piece of a word-level script. `text` is a run of whole tokens (words,
// numbers, punctuation, spaces); for kEqual and kDelete it is old text, for
// kInsert new text. Adjacent ops never have the same kind.
struct WordOp {
  WordOpKind kind = WordOpKind::kEqual;
  std::string text;
  friend bool operator==(const WordOp&, const WordOp&) = default;
};

inline constexpr size_t kNoIndex = static_cast<size_t>(-1);

// One sentence-level operation (see "Ops" above for the ordering invariants).
struct SentenceOp {
  SentenceOpKind kind = SentenceOpKind::kEqual;
  size_t old_index = kNoIndex;      // index among old sentences; kNoIndex for kInsert
  size_t new_index = kNoIndex;      // index among new sentences; kNoIndex for kDelete
  size_t old_paragraph = kNoIndex;  // paragraph of the old sentence; kNoIndex for kInsert
  size_t new_paragraph = kNoIndex;  // paragraph of the new sentence; kNoIndex for kDelete
  std::string old_text;             // empty for kInsert
  std::string new_text;             // empty for kDelete
  // Word script for kChange and edited kMove ops; empty otherwise.
  std::vector<WordOp> words;
  // kNone for kEqual; kSubstantive for kMove (reordering is an editorial
  // change); for kChange the class of the changed tokens; an inserted or
  // deleted sentence is classified by its own tokens ("Updated 3:05pm"
  // inserted is kTimestamp, a lone "--" is kWhitespacePunctuation).
  Significance significance = Significance::kNone;
  // Word-token similarity of old and new text in [0, 1] (Dice coefficient);
  // 1 for kEqual, 0 for kInsert/kDelete.
  double similarity = 0.0;
};

// A changed title or metadata field. Only fields that differ are listed.
struct FieldChange {
  // "title", "description", "authors" (joined by ", "), "published",
  // "modified", "canonical_url", "site_name", "language", "type".
  std::string field;
  std::string old_value;
  std::string new_value;
  std::vector<WordOp> words;  // word script from old_value to new_value
  // For "title": kWhitespacePunctuation, kTimestamp, kNumbers or kTitleOnly
  // (any word change). For "published"/"modified": kTimestamp. Others:
  // kWhitespacePunctuation or kSubstantive.
  Significance significance = Significance::kNone;
};

struct ChangeSummary {
  // Sentences by op kind. sentences_changed counts kChange ops; moved
  // sentences that were also edited count in sentences_moved only.
  size_t sentences_equal = 0;
  size_t sentences_added = 0;
  size_t sentences_removed = 0;
  size_t sentences_changed = 0;
  size_t sentences_moved = 0;
  // Paragraphs: added = a new paragraph all of whose sentences are inserted;
  // removed = an old paragraph all of whose sentences are deleted; moved = a
  // new paragraph all of whose sentences are moves (from one old paragraph);
  // changed = any other new paragraph containing an edit, or whose sentences
  // came from a different grouping (split or joined paragraphs).
  size_t paragraphs_old = 0;
  size_t paragraphs_new = 0;
  size_t paragraphs_added = 0;
  size_t paragraphs_removed = 0;
  size_t paragraphs_changed = 0;
  size_t paragraphs_moved = 0;
  // Word tokens (not spaces or punctuation) inserted and deleted, counting
  // whole inserted/deleted sentences and the words inside changes.
  size_t words_added = 0;
  size_t words_removed = 0;
  bool title_changed = false;
  size_t metadata_changed = 0;  // FieldChange entries other than "title"
  // Class of the body alone (max over its ops) and of the title alone.
  Significance body_significance = Significance::kNone;
  Significance title_significance = Significance::kNone;
  // Class of the whole change: the body class, raised to kTitleOnly when the
  // title changed substantively and the body is at most kTimestamp, or to
  // kSubstantive when the title changed substantively and the body is
  // kNumbers or above; a title change that is only punctuation, a time or a
  // number counts as that class. A change of "published" or "modified"
  // raises it to at least kTimestamp. Other metadata does not count here.
  Significance significance = Significance::kNone;

  // True when the body or the title differs (the diff(1)-style exit status of
  // `libdiff diff`). Metadata-only changes do not count.
  bool BodyOrTitleChanged() const {
    return body_significance != Significance::kNone || title_changed;
  }
};

struct ArticleDiff {
  std::vector<FieldChange> fields;  // title first, then metadata, in the order listed above
  std::vector<SentenceOp> ops;
  ChangeSummary summary;
  std::string old_title;
  std::string new_title;
  // True when a cost limit made part of the diff coarser than the optimum
  // (whole sentences or regions reported as deleted and inserted).
  bool coarse = false;

  // The old/new body rebuilt from the ops (sentences joined by " ",
  // paragraphs by "\n\n"): equals the normalised input text.
  std::string OldText() const;
  std::string NewText() const;
};

struct DiffOptions {
  // A deleted and an inserted sentence at the same place are paired as one
  // kChange when their word-token similarity (Dice) is at least this.
  // Default: 0.5.
  double change_threshold = 0.5;
  // Detect sentences that moved (kMove) instead of reporting a deletion and an
  // insertion. Default: true.
  bool detect_moves = true;
  // A moved sentence may also be edited when its similarity is at least this
  // (identical sentences always qualify). Default: 0.8.
  double move_threshold = 0.8;
  // DiffArticles: compare metadata fields besides the title. Default: true.
  bool compare_metadata = true;
  // Cost limit of one Myers run: the number of edits (D) searched before the
  // rest of the region is reported as whole deletions and insertions.
  // Default: 4,096.
  size_t max_edit_cost = 4096;
  // Cost limit of sentence pairing and move detection: the number of
  // sentence pairs scored. Past it, pairing only looks within a window of
  // nearby positions. Default: 2,000,000.
  size_t max_pair_comparisons = 2000000;
  // Equalities of at most this many bytes between two word edits are merged
  // into the edits ("the [-cat-]{+dog+} [-sat-]{+ran+}" instead of single-space
  // islands), as diff-match-patch's semantic cleanup does. 0 disables it.
  // Default: 3.
  size_t merge_equalities_up_to = 3;
  // Each text (or the sum of an article's fields and blocks) larger than this
  // fails with kResourceExhausted. Default: 64 MiB.
  size_t max_input_bytes = size_t{64} << 20;
};

// Diffs two extracted articles: the title and (when compare_metadata) the
// metadata fields, and the body given by `blocks` (one paragraph per block).
// Invalid UTF-8 is repaired (U+FFFD) before comparing. Fails only with
// kResourceExhausted when an input exceeds max_input_bytes, or
// kInvalidArgument for out-of-range options.
Result<ArticleDiff> DiffArticles(const Article& old_article, const Article& new_article,
                                 const DiffOptions& options);

// Diffs two plain texts whose paragraphs are separated by blank lines. No
// title or fields. Same errors and repairs as DiffArticles; empty texts are
// valid (an empty text has no paragraphs).
Result<ArticleDiff> DiffTexts(std::string_view old_text, std::string_view new_text,
                              const DiffOptions& options);

// Builds an Article from plain text for DiffArticles: paragraphs separated by
// blank lines become kParagraph blocks (whitespace collapsed, invalid UTF-8
// repaired); when the first paragraph is a single line starting with "# " (a
// Markdown-style heading), its rest becomes the title instead.
Article ArticleFromText(std::string_view text);

// Splits one paragraph into sentences (trimmed, whitespace collapsed). Ends a
// sentence after ".", "!", "?" or "…" (and runs of them, with closing quotes
// and brackets) followed by whitespace and a plausible sentence start, and
// after the CJK terminators 。！？ even without a space. Does not split after
// abbreviations (Mr., Dr., Inc., Jan., e.g., U.S.), single-letter initials
// ("J. R. Smith"), inside numbers ("3.5"), or after an ellipsis followed by a
// lower-case word.
std::vector<std::string> SplitSentences(std::string_view paragraph);

// Output formats of RenderDiff.
enum class DiffFormat : int {
  kWord = 0,     // the new text with inline changes: [-old-]{+new+} or ANSI colour
  kUnified = 1,  // one sentence per line, unified diff with context hunks
  kJson = 2,     // the stable schema "libdiff.diff/1" (docs/diff.md)
  kHtml = 3,     // a self-contained HTML page with a summary header
  kStat = 4,     // the summary only, a few lines of text
};

// "word", "unified", "json", "html", "stat".
const char* DiffFormatName(DiffFormat format);
// Parses a DiffFormatName; kInvalidArgument for anything else.
Result<DiffFormat> ParseDiffFormat(std::string_view name);

struct RenderOptions {
  // kWord, kUnified, kStat: ANSI colours (red deletions, green insertions)
  // instead of git's word-diff markers [-old-]{+new+}. Default: false.
  bool color = false;
  // kUnified: sentences of context around each hunk. kWord: when >= 0, only
  // changed paragraphs are printed with this many unchanged paragraphs
  // around them ("..." between); -1 prints the whole text. Default: 3.
  int context = 3;
  // kWord: print the whole text, ignoring `context`. Default: false.
  bool full_text = false;
  // Names of the two sides in headers (unified "---/+++", html, json).
  // Default: "old", "new".
  std::string old_label = "old";
  std::string new_label = "new";
};

// Renders `diff` in `format`. Never fails; the result is valid UTF-8 (JSON and
// HTML are escaped).
std::string RenderDiff(const ArticleDiff& diff, DiffFormat format, const RenderOptions& options);

}  // namespace libdiff

#endif  // LIBDIFF_DIFF_H_
