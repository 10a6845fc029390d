// Copyright 2026 The libdiff Authors.
//
// The body diff (diff/body_diff.cc) through its entry point DiffTexts:
// sentence and word operations, change classes, moves, bad input and limits,
// and a property test that applying the operations rebuilds the new text.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "diff/sentence_splitter.h"
#include "libdiff/diff.h"

namespace libdiff {
namespace {

ArticleDiff MustDiff(std::string_view a, std::string_view b,
                     const DiffOptions& options = DiffOptions()) {
  Result<ArticleDiff> r = DiffTexts(a, b, options);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *std::move(r) : ArticleDiff();
}

std::vector<SentenceOpKind> Kinds(const ArticleDiff& d) {
  std::vector<SentenceOpKind> k;
  for (const SentenceOp& op : d.ops) k.push_back(op.kind);
  return k;
}

using K = SentenceOpKind;

// Sentences of a text as the diff sees them, with their paragraph numbers.
struct Sentences {
  std::vector<std::string> text;
  std::vector<size_t> paragraph;
};

Sentences SplitText(std::string_view s) {
  Sentences out;
  size_t p = 0;
  for (const std::string& para : internal::textdiff::SplitParagraphs(s)) {
    std::vector<std::string> ss = SplitSentences(para);
    if (ss.empty()) continue;
    for (auto& x : ss) {
      out.text.push_back(x);
      out.paragraph.push_back(p);
    }
    ++p;
  }
  return out;
}

// Applies `d` to the old sentences, independently of the new text, and
// checks the ordering invariants documented in diff.h. Returns the rebuilt
// new sentences (and their paragraphs through `paragraphs`).
std::vector<std::string> ApplyOps(const Sentences& old_s, const ArticleDiff& d,
                                  std::vector<size_t>* paragraphs) {
  std::vector<int> used(old_s.text.size(), 0);
  std::vector<std::string> out;
  size_t last_old = kNoIndex, last_new = kNoIndex;
  for (const SentenceOp& op : d.ops) {
    if (op.kind != K::kInsert) {
      EXPECT_LT(op.old_index, old_s.text.size());
      if (op.old_index >= old_s.text.size()) return out;
      ++used[op.old_index];
      EXPECT_EQ(op.old_paragraph, old_s.paragraph[op.old_index]);
    }
    if (op.kind == K::kEqual || op.kind == K::kDelete || op.kind == K::kChange) {
      if (last_old != kNoIndex) {
        EXPECT_GT(op.old_index, last_old);
      }
      last_old = op.old_index;
    }
    if (op.kind != K::kDelete) {
      if (last_new != kNoIndex) {
        EXPECT_GT(op.new_index, last_new);
      }
      last_new = op.new_index;
      EXPECT_EQ(op.new_index, out.size());
    }
    const std::string* old_sentence = op.kind == K::kInsert ? nullptr : &old_s.text[op.old_index];
    std::string built;
    switch (op.kind) {
      case K::kDelete:
        continue;
      case K::kInsert:
        built = op.new_text;
        break;
      case K::kEqual:
        built = *old_sentence;
        break;
      case K::kChange:
      case K::kMove: {
        if (op.kind == K::kMove && op.words.empty()) {
          built = *old_sentence;
          break;
        }
        EXPECT_FALSE(op.words.empty());
        size_t cursor = 0;
        WordOpKind prev = WordOpKind::kEqual;
        for (size_t w = 0; w < op.words.size(); ++w) {
          const WordOp& word = op.words[w];
          if (w > 0) {
            EXPECT_NE(word.kind, prev) << "adjacent word ops of one kind";
          }
          prev = word.kind;
          if (word.kind == WordOpKind::kInsert) {
            built += word.text;
            continue;
          }
          EXPECT_EQ(old_sentence->compare(cursor, word.text.size(), word.text), 0)
              << "word op does not match the old sentence at " << cursor;
          cursor += word.text.size();
          if (word.kind == WordOpKind::kEqual) built += word.text;
        }
        EXPECT_EQ(cursor, old_sentence->size());
        break;
      }
    }
    out.push_back(built);
    paragraphs->push_back(op.new_paragraph);
  }
  for (size_t i = 0; i < used.size(); ++i) EXPECT_EQ(used[i], 1) << "old sentence " << i;
  return out;
}

void ExpectOpsRebuildNew(std::string_view a, std::string_view b, const ArticleDiff& d) {
  Sentences old_s = SplitText(a), new_s = SplitText(b);
  std::vector<size_t> paragraphs;
  std::vector<std::string> rebuilt = ApplyOps(old_s, d, &paragraphs);
  EXPECT_EQ(rebuilt, new_s.text);
  EXPECT_EQ(paragraphs, new_s.paragraph);
}

TEST(DiffTexts, IdenticalTextsHaveNoChange) {
  const char* text = "First sentence here. Second one.\n\nA new paragraph.";
  ArticleDiff d = MustDiff(text, text);
  EXPECT_EQ(Kinds(d), (std::vector<K>{K::kEqual, K::kEqual, K::kEqual}));
  EXPECT_EQ(d.summary.significance, Significance::kNone);
  EXPECT_FALSE(d.summary.BodyOrTitleChanged());
  EXPECT_EQ(d.NewText(), "First sentence here. Second one.\n\nA new paragraph.");
}

TEST(DiffTexts, EmptyInputs) {
  ArticleDiff both = MustDiff("", "");
  EXPECT_TRUE(both.ops.empty());
  EXPECT_FALSE(both.summary.BodyOrTitleChanged());
  ArticleDiff added = MustDiff("", "All new. Really.");
  EXPECT_EQ(Kinds(added), (std::vector<K>{K::kInsert, K::kInsert}));
  EXPECT_EQ(added.summary.paragraphs_added, 1u);
  EXPECT_EQ(added.summary.significance, Significance::kSubstantive);
  ArticleDiff removed = MustDiff("Gone now.", "  \n\n ");
  EXPECT_EQ(Kinds(removed), (std::vector<K>{K::kDelete}));
  EXPECT_EQ(removed.summary.paragraphs_removed, 1u);
}

TEST(DiffTexts, ChangedSentenceGetsWordOps) {
  ArticleDiff d = MustDiff("The mayor said the plan was bold. Other text stays.",
                           "The mayor said the plan was reckless. Other text stays.");
  ASSERT_EQ(Kinds(d), (std::vector<K>{K::kChange, K::kEqual}));
  const std::vector<WordOp> want = {{WordOpKind::kEqual, "The mayor said the plan was "},
                                    {WordOpKind::kDelete, "bold"},
                                    {WordOpKind::kInsert, "reckless"},
                                    {WordOpKind::kEqual, "."}};
  EXPECT_EQ(d.ops[0].words, want);
  EXPECT_EQ(d.ops[0].significance, Significance::kSubstantive);
  EXPECT_EQ(d.summary.sentences_changed, 1u);
  EXPECT_EQ(d.summary.words_added, 1u);
  EXPECT_EQ(d.summary.words_removed, 1u);
}

TEST(DiffTexts, MergesTinyEqualitiesBetweenEdits) {
  ArticleDiff d =
      MustDiff("Police said the red car hit a wall.", "Police said the blue van hit a wall.");
  ASSERT_EQ(d.ops.size(), 1u);
  // "red car" -> "blue van" is one edit, not two islands around one space.
  EXPECT_EQ(d.ops[0].words[1], (WordOp{WordOpKind::kDelete, "red car"}));
  EXPECT_EQ(d.ops[0].words[2], (WordOp{WordOpKind::kInsert, "blue van"}));
  DiffOptions no_merge;
  no_merge.merge_equalities_up_to = 0;
  ArticleDiff fine = MustDiff("Police said the red car hit a wall.",
                              "Police said the blue van hit a wall.", no_merge);
  EXPECT_EQ(fine.ops[0].words[1], (WordOp{WordOpKind::kDelete, "red"}));
}

TEST(DiffTexts, NumberCorrectionIsNumbersClass) {
  ArticleDiff d =
      MustDiff("At least 45 people died on Monday, officials said. Rescue work continues.",
               "At least 52 people died on Monday, officials said. Rescue work continues.");
  ASSERT_EQ(Kinds(d), (std::vector<K>{K::kChange, K::kEqual}));
  EXPECT_EQ(d.ops[0].significance, Significance::kNumbers);
  EXPECT_EQ(d.summary.significance, Significance::kNumbers);
}

TEST(DiffTexts, UpdatedLineIsTimestampClass) {
  ArticleDiff d = MustDiff("Updated September 9, 2025 02:50pm\n\nThe storm moved north.",
                           "Updated September 9, 2025 03:05pm\n\nThe storm moved north.");
  ASSERT_EQ(d.ops.size(), 2u);
  EXPECT_EQ(d.ops[0].significance, Significance::kTimestamp);
  EXPECT_EQ(d.summary.significance, Significance::kTimestamp);
  ArticleDiff relative = MustDiff("Posted 3 hours ago. Text.", "Posted 4 hours ago. Text.");
  EXPECT_EQ(relative.summary.significance, Significance::kTimestamp);
}

TEST(DiffTexts, PunctuationAndLayoutAreWhitespacePunctuationClass) {
  ArticleDiff quotes = MustDiff("He said \"no\" twice.", "He said \u201cno\u201d twice.");
  EXPECT_EQ(quotes.summary.significance, Significance::kWhitespacePunctuation);
  ArticleDiff split = MustDiff("One. Two. Three.", "One. Two.\n\nThree.");
  EXPECT_EQ(Kinds(split), (std::vector<K>{K::kEqual, K::kEqual, K::kEqual}));
  EXPECT_EQ(split.summary.significance, Significance::kWhitespacePunctuation);
  EXPECT_TRUE(split.summary.BodyOrTitleChanged());
  ArticleDiff rewrap = MustDiff("One line\nwrapped.", "One line wrapped.");
  EXPECT_FALSE(rewrap.summary.BodyOrTitleChanged());
}

TEST(DiffTexts, DetectsMovedParagraph) {
  const char* a = "Alpha leads. Alpha two.\n\nBeta middle part.\n\nGamma closes here. Gamma again.";
  const char* b = "Alpha leads. Alpha two.\n\nGamma closes here. Gamma again.\n\nBeta middle part.";
  ArticleDiff d = MustDiff(a, b);
  EXPECT_EQ(d.summary.sentences_moved, 1u);
  EXPECT_EQ(d.summary.sentences_added, 0u);
  EXPECT_EQ(d.summary.sentences_removed, 0u);
  EXPECT_EQ(d.summary.paragraphs_moved, 1u);
  EXPECT_EQ(d.summary.significance, Significance::kSubstantive);
  ExpectOpsRebuildNew(a, b, d);
  DiffOptions no_moves;
  no_moves.detect_moves = false;
  ArticleDiff plain = MustDiff(a, b, no_moves);
  EXPECT_EQ(plain.summary.sentences_moved, 0u);
  EXPECT_EQ(plain.summary.sentences_added, 1u);
  EXPECT_EQ(plain.summary.sentences_removed, 1u);
}

TEST(DiffTexts, DetectsEditedMove) {
  const char* a =
      "Intro stays put. The council will vote on the budget next week.\n\nClosing words.";
  const char* b =
      "Intro stays put.\n\nClosing words. The council will vote on the budget next Tuesday.";
  ArticleDiff d = MustDiff(a, b);
  ASSERT_EQ(d.summary.sentences_moved, 1u);
  auto it = std::find_if(d.ops.begin(), d.ops.end(),
                         [](const SentenceOp& op) { return op.kind == K::kMove; });
  ASSERT_NE(it, d.ops.end());
  EXPECT_FALSE(it->words.empty());
  ExpectOpsRebuildNew(a, b, d);
}

TEST(DiffTexts, UnrelatedSentencesAreNotPaired) {
  ArticleDiff d = MustDiff("The bridge opened today.", "Markets fell sharply overseas.");
  EXPECT_EQ(Kinds(d), (std::vector<K>{K::kDelete, K::kInsert}));
}

TEST(DiffTexts, InvalidUtf8AndBinaryAreRepaired) {
  // Built from an array with its length: a plain `const char*` would stop at the
  // embedded NUL and drop the binary bytes this test is about.
  static constexpr char kBad[] = "Caf\xC3 ok.\n\nBinary \x00\x01\xFF here.";
  const std::string bad(kBad, sizeof(kBad) - 1);
  ASSERT_EQ(bad.size(), 26u);
  ASSERT_EQ(bad[17], '\0');
  Result<ArticleDiff> r = DiffTexts(bad, "Caf\xC3\xA9 ok.", DiffOptions());
  ASSERT_TRUE(r.ok());
  std::string old_text;
  for (const SentenceOp& op : r->ops) {
    EXPECT_EQ(op.old_text.find('\0'), std::string::npos);
    old_text += op.old_text;
  }
  // The NUL is dropped, not the text after it.
  EXPECT_NE(old_text.find("here."), std::string::npos) << old_text;
  EXPECT_TRUE(r->summary.BodyOrTitleChanged());
  std::string json = RenderDiff(*r, DiffFormat::kJson, RenderOptions());
  EXPECT_NE(json.find("\xEF\xBF\xBD"), std::string::npos);  // U+FFFD
}

TEST(DiffTexts, EnormousInputIsRejected) {
  DiffOptions options;
  options.max_input_bytes = 1000;
  Result<ArticleDiff> r = DiffTexts(std::string(1001, 'a'), "b", options);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.status().IsResourceExhausted());
}

TEST(DiffTexts, BadOptionsAreRejected) {
  DiffOptions options;
  options.change_threshold = 1.5;
  EXPECT_TRUE(DiffTexts("a", "b", options).status().IsInvalidArgument());
  options = DiffOptions();
  options.max_edit_cost = 0;
  EXPECT_TRUE(DiffTexts("a", "b", options).status().IsInvalidArgument());
}

std::string RandomText(std::mt19937& rng, size_t words, bool with_punctuation) {
  static const char* kWords[] = {"alpha", "beta", "gamma", "delta", "river", "council", "vote",
                                 "storm", "price", "market", "police", "said", "rose", "fell"};
  std::string s;
  std::uniform_int_distribution<size_t> w(0, 13), end(0, 15);
  for (size_t i = 0; i < words; ++i) {
    s += kWords[w(rng)];
    s += std::to_string(i % 97);
    if (with_punctuation && end(rng) == 0) s += ". Next";
    if (with_punctuation && end(rng) == 1) s += "\n\n";
    s += ' ';
  }
  return s;
}

TEST(DiffTexts, UnrelatedLargeTextsFinish) {
  std::mt19937 rng(1);
  std::string a = RandomText(rng, 100000, true), b = RandomText(rng, 100000, true);
  ArticleDiff d = MustDiff(a, b);
  EXPECT_TRUE(d.summary.BodyOrTitleChanged());
  ExpectOpsRebuildNew(a, b, d);
  // One 100,000-word "sentence" each side, sharing vocabulary: the word-level
  // Myers hits the cost limit and degrades to a coarse result.
  std::string c = RandomText(rng, 100000, false), e = RandomText(rng, 100000, false);
  ArticleDiff coarse = MustDiff(c, e);
  ExpectOpsRebuildNew(c, e, coarse);
}

TEST(DiffTexts, ManyLongSentencePairsShareOneWorkBudget) {
  // 40 paragraphs of one 1,500-word sentence each side, sharing vocabulary:
  // most pairs are changes needing a word-level diff within max_edit_cost, but
  // together they exceed the body's word-diff budget, so the later ones are
  // whole-sentence replacements (coarse) and the diff still rebuilds the text.
  std::mt19937 rng(3);
  std::uniform_int_distribution<int> word(0, 299);
  auto sentence = [&] {
    std::string s = "w" + std::to_string(word(rng));
    for (int i = 1; i < 1500; ++i) s += " w" + std::to_string(word(rng));
    return s + ".\n\n";
  };
  std::string a, b;
  for (int p = 0; p < 40; ++p) {
    a += sentence();
    b += sentence();
  }
  ArticleDiff d = MustDiff(a, b);
  EXPECT_TRUE(d.coarse);
  EXPECT_GE(d.summary.sentences_changed, 30u);
  // Pairs whose word diff kept any word ("w..."), not just the final ".".
  size_t with_equal_words = 0;
  for (const SentenceOp& op : d.ops) {
    with_equal_words += std::any_of(op.words.begin(), op.words.end(), [](const WordOp& w) {
      return w.kind == WordOpKind::kEqual && w.text.find('w') != std::string::npos;
    });
  }
  EXPECT_GT(with_equal_words, 0u);   // the first pairs got real word diffs
  EXPECT_LT(with_equal_words, d.summary.sentences_changed);  // the budget ran out before the last
  ExpectOpsRebuildNew(a, b, d);
}

// --- property test: random edits, applying the ops rebuilds the new text ----

struct Doc {
  std::vector<std::vector<std::string>> paragraphs;  // sentences
  std::string Text() const {
    std::string s;
    for (const auto& p : paragraphs) {
      if (!s.empty()) s += "\n\n";
      for (size_t i = 0; i < p.size(); ++i) s += (i ? " " : "") + p[i];
    }
    return s;
  }
};

class RandomEditor {
 public:
  explicit RandomEditor(uint32_t seed) : rng_(seed) {}

  std::string Word() {
    static const char* kWords[] = {"the", "mayor", "said", "council", "budget", "vote", "on",
                                   "storm", "river", "bank", "3.5", "1,200", "police",
                                   "\u5e02\u9577", "caf\u00e9", "\u201cquoted\u201d", "it", "was",
                                   "U.S.", "Mr."};
    return kWords[Pick(20)];
  }
  std::string Sentence() {
    std::string s = Pick(8) == 0 ? "\u4e8c\u4eba\u306f" : "Then";
    const size_t n = 2 + Pick(12);
    for (size_t i = 0; i < n; ++i) {
      s += ' ';  // not `" " + Word()`: GCC 12 -O3 warns falsely (-Wrestrict) on it
      s += Word();
    }
    const char* ends[] = {".", "!", "?", "\u3002"};
    return s + ends[Pick(4)];
  }
  Doc RandomDoc() {
    Doc d;
    const size_t paragraphs = Pick(7);
    for (size_t p = 0; p < paragraphs; ++p) {
      d.paragraphs.emplace_back();
      const size_t sentences = 1 + Pick(4);
      for (size_t s = 0; s < sentences; ++s) d.paragraphs.back().push_back(Sentence());
    }
    return d;
  }
  void Edit(Doc* d) {
    auto& ps = d->paragraphs;
    switch (Pick(8)) {
      case 0:  // insert a sentence
        if (ps.empty()) ps.emplace_back();
        {
          auto& p = ps[Pick(ps.size())];
          p.insert(p.begin() + static_cast<long>(Pick(p.size() + 1)), Sentence());
        }
        break;
      case 1:  // delete a sentence
        if (!ps.empty()) {
          auto& p = ps[Pick(ps.size())];
          if (!p.empty()) p.erase(p.begin() + static_cast<long>(Pick(p.size())));
        }
        break;
      case 2:
      case 3:  // change words in a sentence
        if (!ps.empty() && !ps[0].empty()) {
          auto& p = ps[Pick(ps.size())];
          if (p.empty()) break;
          std::string& s = p[Pick(p.size())];
          size_t pos = s.find(' ', Pick(s.size()));
          if (pos != std::string::npos) s.insert(pos, " " + Word());
          if (Pick(2)) {
            size_t a = s.find(' ');
            size_t b = a == std::string::npos ? a : s.find(' ', a + 1);
            if (b != std::string::npos) s.replace(a, b - a, " " + Word());
          }
        }
        break;
      case 4:  // move a paragraph
        if (ps.size() > 1) {
          size_t from = Pick(ps.size()), to = Pick(ps.size());
          auto p = ps[from];
          ps.erase(ps.begin() + static_cast<long>(from));
          ps.insert(ps.begin() + static_cast<long>(to), p);
        }
        break;
      case 5:  // insert a paragraph
        ps.insert(ps.begin() + static_cast<long>(Pick(ps.size() + 1)),
                  std::vector<std::string>{Sentence(), Sentence()});
        break;
      case 6:  // delete a paragraph
        if (!ps.empty()) ps.erase(ps.begin() + static_cast<long>(Pick(ps.size())));
        break;
      case 7:  // split a paragraph
        if (!ps.empty() && ps[0].size() > 1) {
          std::vector<std::string> tail(ps[0].begin() + 1, ps[0].end());
          ps[0].resize(1);
          ps.insert(ps.begin() + 1, tail);
        }
        break;
    }
  }
  size_t Pick(size_t n) {
    return n == 0 ? 0 : std::uniform_int_distribution<size_t>(0, n - 1)(rng_);
  }

 private:
  std::mt19937 rng_;
};

TEST(DiffTexts, ApplyingOpsToOldTextYieldsNewText) {
  RandomEditor editor(20260528);
  for (int iter = 0; iter < 1500; ++iter) {
    Doc old_doc = editor.RandomDoc();
    Doc new_doc = old_doc;
    const size_t edits = editor.Pick(6);
    for (size_t e = 0; e < edits; ++e) editor.Edit(&new_doc);
    const std::string a = old_doc.Text(), b = new_doc.Text();
    DiffOptions options;
    options.detect_moves = iter % 5 != 0;
    options.merge_equalities_up_to = static_cast<size_t>(iter % 4);
    if (iter % 7 == 0) options.max_edit_cost = 1;  // exercise the coarse paths
    Result<ArticleDiff> r = DiffTexts(a, b, options);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    SCOPED_TRACE("iteration " + std::to_string(iter) + "\nold:\n" + a + "\nnew:\n" + b);
    ExpectOpsRebuildNew(a, b, *r);
    Sentences ns = SplitText(b);
    std::string joined;
    for (size_t i = 0; i < ns.text.size(); ++i) {
      if (i) joined += ns.paragraph[i] == ns.paragraph[i - 1] ? " " : "\n\n";
      joined += ns.text[i];
    }
    EXPECT_EQ(r->NewText(), joined);
    Sentences os = SplitText(a);
    const bool differs = os.text != ns.text || os.paragraph != ns.paragraph;
    EXPECT_EQ(r->summary.BodyOrTitleChanged(), differs);
    if (HasFatalFailure() || HasNonfatalFailure()) return;
  }
}

}  // namespace
}  // namespace libdiff
