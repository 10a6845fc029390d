// Copyright 2026 The libdiff Authors.
#include "fingerprint/tokenize.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <xxhash.h>

#include <random>
#include <string>
#include <utility>
#include <vector>

#include "fingerprint/cpu.h"
#include "libdiff/fingerprint.h"
#include "util/utf8.h"

namespace libdiff {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::vector<std::string> Tok(std::string_view text) { return Tokenize(NormalizeText(text)); }

TEST(Tokenize, SplitsOnSpacesAndPunctuation) {
  EXPECT_THAT(Tok("Hello, world! It's 10:30 (UTC)."),
              ElementsAre("hello", "world", "it", "s", "10", "30", "utc"));
  EXPECT_THAT(Tok("Flood-hit towns: 4,000 homes"),
              ElementsAre("flood", "hit", "towns", "4", "000", "homes"));
}

TEST(Tokenize, EmptyAndPunctuationOnlyTextHasNoTokens) {
  EXPECT_THAT(Tokenize(""), IsEmpty());
  EXPECT_THAT(Tok(" -- ... !? "), IsEmpty());
}

TEST(Tokenize, KeepsCombiningMarksInsideWords) {
  // Not normalised on purpose: a decomposed accent stays with its letter.
  EXPECT_THAT(Tokenize("cafe\xCC\x81 noir"), ElementsAre("cafe\xCC\x81", "noir"));
  EXPECT_THAT(Tok("Cafe\xCC\x81 noir"), ElementsAre("caf\xC3\xA9", "noir"));
}

TEST(Tokenize, Cyrillic) {
  // "Москва, 2024 год." -> москва / 2024 / год
  EXPECT_THAT(
      Tok("\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0, 2024 \xD0\xB3\xD0\xBE\xD0\xB4."),
      ElementsAre("\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0", "2024",
                  "\xD0\xB3\xD0\xBE\xD0\xB4"));
}

TEST(Tokenize, ArabicWithHarakat) {
  // "مُحَمَّد رسول": the vowel marks (Mn) stay inside the first word.
  const std::string muhammad =
      "\xD9\x85\xD9\x8F\xD8\xAD\xD9\x8E\xD9\x85\xD9\x91\xD9\x8E\xD8\xAF";
  const std::string rasul = "\xD8\xB1\xD8\xB3\xD9\x88\xD9\x84";
  // NFKC puts the fatha (ccc 30) before the shadda (ccc 33); still one token.
  const std::string normalized = NormalizeText(muhammad);
  EXPECT_EQ(normalized.size(), muhammad.size());
  EXPECT_THAT(Tok(muhammad + " " + rasul + "\xD8\x8C"), ElementsAre(normalized, rasul));
}

TEST(Tokenize, Urdu) {
  // "پاکستان میں بارش، 12 افراد": Urdu letters (پ ک ں),
  // Arabic comma separates.
  const std::string pakistan = "\xD9\xBE\xD8\xA7\xDA\xA9\xD8\xB3\xD8\xAA\xD8\xA7\xD9\x86";
  const std::string mein = "\xD9\x85\xDB\x8C\xDA\xBA";
  const std::string barish = "\xD8\xA8\xD8\xA7\xD8\xB1\xD8\xB4";
  const std::string afrad = "\xD8\xA7\xD9\x81\xD8\xB1\xD8\xA7\xD8\xAF";
  EXPECT_THAT(Tok(pakistan + " " + mein + " " + barish + "\xD8\x8C 12 " + afrad),
              ElementsAre(pakistan, mein, barish, "12", afrad));
}

TEST(Tokenize, UrduWithZeroWidthNonJoinerIsOneWord) {
  // ZWNJ (U+200C) is default-ignorable: normalisation removes it.
  EXPECT_THAT(Tok("\xDA\xA9\xDB\x8C\xE2\x80\x8C\xD9\x88\xDA\xBA"),
              ElementsAre("\xDA\xA9\xDB\x8C\xD9\x88\xDA\xBA"));
}

TEST(Tokenize, Devanagari) {
  // "नमस्ते दुनिया।": virama and vowel signs are marks;
  // the danda separates.
  const std::string namaste =
      "\xE0\xA4\xA8\xE0\xA4\xAE\xE0\xA4\xB8\xE0\xA5\x8D\xE0\xA4\xA4\xE0\xA5\x87";
  const std::string duniya =
      "\xE0\xA4\xA6\xE0\xA5\x81\xE0\xA4\xA8\xE0\xA4\xBF\xE0\xA4\xAF\xE0\xA4\xBE";
  EXPECT_THAT(Tok(namaste + " " + duniya + "\xE0\xA5\xA4"), ElementsAre(namaste, duniya));
}

TEST(Tokenize, ChineseBecomesOverlappingBigrams) {
  // 我爱北京 -> 我爱 爱北 北京
  EXPECT_THAT(Tok("\xE6\x88\x91\xE7\x88\xB1\xE5\x8C\x97\xE4\xBA\xAC"),
              ElementsAre("\xE6\x88\x91\xE7\x88\xB1", "\xE7\x88\xB1\xE5\x8C\x97",
                          "\xE5\x8C\x97\xE4\xBA\xAC"));
  // A lone character is one token.
  EXPECT_THAT(Tok("\xE6\x88\x91"), ElementsAre("\xE6\x88\x91"));
}

TEST(Tokenize, ChinesePunctuationAndLatinEndRuns) {
  // 你好，世界 -> 你好 世界 ; iPhone手机 -> iphone 手机
  EXPECT_THAT(Tok("\xE4\xBD\xA0\xE5\xA5\xBD\xEF\xBC\x8C\xE4\xB8\x96\xE7\x95\x8C"),
              ElementsAre("\xE4\xBD\xA0\xE5\xA5\xBD", "\xE4\xB8\x96\xE7\x95\x8C"));
  EXPECT_THAT(Tok("iPhone\xE6\x89\x8B\xE6\x9C\xBA 10\xE4\xBA\xBA"),
              ElementsAre("iphone", "\xE6\x89\x8B\xE6\x9C\xBA", "10", "\xE4\xBA\xBA"));
}

TEST(Tokenize, JapaneseKanjiAndKanaShareOneRun) {
  // 東京タワー -> 東京 京タ タワ ワー (the long-vowel mark ー is a letter, Lm)
  EXPECT_THAT(Tok("\xE6\x9D\xB1\xE4\xBA\xAC\xE3\x82\xBF\xE3\x83\xAF\xE3\x83\xBC"),
              ElementsAre("\xE6\x9D\xB1\xE4\xBA\xAC", "\xE4\xBA\xAC\xE3\x82\xBF",
                          "\xE3\x82\xBF\xE3\x83\xAF", "\xE3\x83\xAF\xE3\x83\xBC"));
  // Half-width katakana are widened by NFKC first: ｶﾀ -> カタ
  EXPECT_THAT(Tok("\xEF\xBD\xB6\xEF\xBE\x80"), ElementsAre("\xE3\x82\xAB\xE3\x82\xBF"));
}

TEST(Tokenize, ThaiBigramsKeepMarksWithTheirBase) {
  // ที่นี่ = (ท ี ่)(น ี ่): two characters -> one bigram, the whole word.
  const std::string thi = "\xE0\xB8\x97\xE0\xB8\xB5\xE0\xB9\x88";
  const std::string ni = "\xE0\xB8\x99\xE0\xB8\xB5\xE0\xB9\x88";
  EXPECT_THAT(Tok(thi + ni), ElementsAre(thi + ni));
  // สวัสดี = ส (ว ั) ส (ด ี) -> สวั วัส สดี
  const std::string so = "\xE0\xB8\xAA", wa = "\xE0\xB8\xA7\xE0\xB8\xB1",
                    di = "\xE0\xB8\x94\xE0\xB8\xB5";
  EXPECT_THAT(Tok(so + wa + so + di), ElementsAre(so + wa, wa + so, so + di));
}

TEST(Tokenize, KhmerLaoAndMyanmarBecomeBigrams) {
  // Khmer ភាសា = (ភ ា)(ស ា): the vowel sign U+17B6 is a spacing mark.
  EXPECT_THAT(Tok("\xE1\x9E\x97\xE1\x9E\xB6\xE1\x9E\x9F\xE1\x9E\xB6"),
              ElementsAre("\xE1\x9E\x97\xE1\x9E\xB6\xE1\x9E\x9F\xE1\x9E\xB6"));
  // Lao ລາວ: three letters -> two bigrams.
  EXPECT_EQ(Tok("\xE0\xBA\xA5\xE0\xBA\xB2\xE0\xBA\xA7").size(), 2u);
  // Myanmar မြန်မာ = (မ ြ)(န ် ... ) (မ ာ): marks attach;
  // every token starts with a base.
  for (const std::string& t :
       Tok("\xE1\x80\x99\xE1\x80\xBC\xE1\x80\x94\xE1\x80\xBA\xE1\x80\x99\xE1\x80\xAC")) {
    EXPECT_NE(t.substr(0, 3), "\xE1\x80\xBC");
    EXPECT_TRUE(internal::IsValidUtf8(t));
  }
}

TEST(Tokenize, HangulKeepsSpaceSeparatedWords) {
  // 안녕 세상: Korean is written with spaces, so no bigrams.
  EXPECT_THAT(Tok("\xEC\x95\x88\xEB\x85\x95 \xEC\x84\xB8\xEC\x83\x81"),
              ElementsAre("\xEC\x95\x88\xEB\x85\x95", "\xEC\x84\xB8\xEC\x83\x81"));
}

TEST(Tokenize, IllFormedBytesSeparateTokensWithoutCrashing) {
  EXPECT_THAT(Tokenize("ab\xFF" "cd\xE4\xB8"), ElementsAre("ab", "cd"));
  EXPECT_THAT(Tokenize("\xF4\x90\x80\x80x"), ElementsAre("x"));
}

// Random texts over pieces of known class, tokenised by a plain reference
// implementation of the rules: checks the 16-byte ASCII block path, the byte
// path and their hand-overs at every alignment.
TEST(Tokenize, MatchesReferenceRulesOnRandomText) {
  enum Class { kWordPiece, kSeparator, kCharacter, kMark };
  const std::vector<std::pair<std::string, Class>> pieces = {
      {"a", kWordPiece},  {"Q", kWordPiece},  {"7", kWordPiece},  {"\xC3\xA9", kWordPiece},
      {" ", kSeparator},  {",", kSeparator},  {"\n", kSeparator}, {"'", kSeparator},
      {"\xE4\xB8\xAD", kCharacter},  // 中
      {"\xE0\xB8\x81", kCharacter},  // ก
      {"\xE0\xB8\xB1", kMark},       // Thai vowel sign (Mn)
  };
  std::mt19937 rng(31);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
  // Mostly ASCII word pieces and spaces, like prose.
  std::discrete_distribution<int> kind({60, 25, 8, 4, 3});
  for (int trial = 0; trial < 2000; ++trial) {
    std::string text;
    std::vector<std::pair<std::string, Class>> seq;
    const int n = static_cast<int>(rng() % 120);
    for (int i = 0; i < n; ++i) {
      const int k = kind(rng);
      const auto& piece = k == 0   ? pieces[rng() % 3]
                          : k == 1 ? pieces[4 + rng() % 4]
                                   : pieces[pick(rng)];
      seq.push_back(piece);
      text += piece.first;
    }
    // Reference: words are runs of word pieces and marks; runs of characters
    // (with their marks) give overlapping bigrams, or the lone character.
    std::vector<std::string> expected;
    std::string word;
    std::vector<std::string> run;  // characters, each with its marks
    const auto flush = [&] {
      if (!word.empty()) expected.push_back(word);
      word.clear();
      if (run.size() == 1) expected.push_back(run[0]);
      for (size_t i = 0; i + 1 < run.size(); ++i) expected.push_back(run[i] + run[i + 1]);
      run.clear();
    };
    for (const auto& [bytes, cls] : seq) {
      if (cls == kWordPiece) {
        if (!run.empty()) flush();
        word += bytes;
      } else if (cls == kCharacter) {
        if (!word.empty()) flush();
        run.push_back(bytes);
      } else if (cls == kMark) {
        if (!run.empty()) {
          run.back() += bytes;
        } else {
          word += bytes;
        }
      } else {
        flush();
      }
    }
    flush();
    ASSERT_EQ(Tokenize(text), expected) << testing::PrintToString(text);
  }
}

// ASCII tokens are runs of [0-9A-Za-z]: the 64-byte block path against that
// rule, for tokens of every length 0..64 (0: adjacent separators) at every
// alignment, and for the text cut at every length.
std::vector<std::string> AsciiReferenceTokens(std::string_view text) {
  std::vector<std::string> tokens;
  std::string word;
  for (char c : text) {
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      word += c;
    } else if (!word.empty()) {
      tokens.push_back(word);
      word.clear();
    }
  }
  if (!word.empty()) tokens.push_back(word);
  return tokens;
}

// Checks both the AVX-512 token hashing (when the CPU has it) and the
// portable code.
void ExpectHashesAreXxh3OfTokens(const std::string& text) {
  const std::vector<std::string> tokens = Tokenize(text);
  for (bool avx512 : {true, false}) {
    SCOPED_TRACE(avx512 ? "AVX-512 allowed" : "portable code");
    internal::SetAvx512AllowedForTesting(avx512);
    std::vector<uint64_t> hashes;
    internal::HashTokens(text, &hashes);
    internal::SetAvx512AllowedForTesting(true);
    ASSERT_EQ(hashes.size(), tokens.size()) << testing::PrintToString(text);
    for (size_t i = 0; i < tokens.size(); ++i) {
      ASSERT_EQ(hashes[i], XXH3_64bits(tokens[i].data(), tokens[i].size())) << tokens[i];
    }
  }
}

TEST(Tokenize, AsciiBlocksMatchReferenceForEveryTokenLengthAndCut) {
  std::mt19937 rng(64);
  const std::string separators = " ,.-'\n\t!()[]{}:;\"/@#`~_^";
  const std::string word_chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  for (int trial = 0; trial < 40; ++trial) {
    std::string text;
    // Tokens of each length 0..64 in random order, separated by 1-3 separators
    // (all ASCII bytes that are not letters or digits, incl. control bytes).
    std::vector<size_t> lengths;
    for (size_t len = 0; len <= 64; ++len) lengths.push_back(len);
    std::shuffle(lengths.begin(), lengths.end(), rng);
    text.append(rng() % 70, 'x');  // every starting alignment of the blocks
    for (size_t len : lengths) {
      for (size_t k = 1 + rng() % 3; k > 0; --k) {
        text +=
            rng() % 4 == 0 ? static_cast<char>(rng() % 48) : separators[rng() % separators.size()];
      }
      for (size_t k = 0; k < len; ++k) text += word_chars[rng() % word_chars.size()];
    }
    ASSERT_EQ(Tokenize(text), AsciiReferenceTokens(text)) << text;
    ExpectHashesAreXxh3OfTokens(text);
    if (trial < 4) {
      for (size_t cut = 0; cut <= text.size(); ++cut) {
        const std::string prefix = text.substr(0, cut);
        ASSERT_EQ(Tokenize(prefix), AsciiReferenceTokens(prefix)) << "cut at " << cut;
        ExpectHashesAreXxh3OfTokens(prefix);
      }
    }
  }
}

// Long mostly-ASCII texts with non-ASCII words, scripts without spaces, marks
// and ill-formed bytes mixed in: the 64-byte block path hands over to the
// per-character path and back. Tokenize is checked against a reference built
// from the pieces' classes, HashTokens against XXH3 of Tokenize's tokens, for
// the whole text and for each prefix that ends between two pieces.
TEST(Tokenize, MixedTextMatchesReferenceAcrossBlockHandOvers) {
  enum Class { kWordPiece, kSeparator, kCharacter, kMark };
  const std::vector<std::pair<std::string, Class>> pieces = {
      {"the", kWordPiece},
      {"x", kWordPiece},
      {"2024", kWordPiece},
      {"Extraordinarily", kWordPiece},
      {"\xC3\xA9", kWordPiece},          // é
      {"\xD0\xBC\xD0\xB8\xD1\x80", kWordPiece},  // мир
      {"\xD8\xB1\xD8\xB3", kWordPiece},    // Arabic letters
      {" ", kSeparator},
      {", ", kSeparator},
      {"\n\n", kSeparator},
      {"\xE2\x82\xAC", kSeparator},      // € (a symbol)
      {"\xFF", kSeparator},              // ill-formed: never a UTF-8 byte
      {"\xC3", kSeparator},              // ill-formed: a lead byte without its continuation
      {"\xE4\xB8\xAD", kCharacter},      // 中
      {"\xE3\x81\x82", kCharacter},      // あ
      {"\xCC\x81", kMark},              // combining acute accent
  };
  std::mt19937 rng(65);
  std::discrete_distribution<int> kind({70, 20, 10});  // ASCII word, space, anything
  for (int trial = 0; trial < 300; ++trial) {
    std::vector<std::pair<std::string, Class>> seq;
    const int n = 50 + static_cast<int>(rng() % 400);
    for (int i = 0; i < n; ++i) {
      const int k = kind(rng);
      seq.push_back(k == 0   ? pieces[rng() % 4]
                    : k == 1 ? pieces[7]
                             : pieces[rng() % pieces.size()]);
    }
    // Reference as in MatchesReferenceRulesOnRandomText; a prefix of the
    // pieces is checked every few pieces.
    std::string text;
    std::vector<std::string> expected;
    std::string word;
    std::vector<std::string> run;
    const auto flush = [&](std::vector<std::string>* out, std::string* w,
                           std::vector<std::string>* r) {
      if (!w->empty()) out->push_back(*w);
      w->clear();
      if (r->size() == 1) out->push_back((*r)[0]);
      for (size_t i = 0; i + 1 < r->size(); ++i) out->push_back((*r)[i] + (*r)[i + 1]);
      r->clear();
    };
    for (size_t i = 0; i < seq.size(); ++i) {
      const auto& [bytes, cls] = seq[i];
      text += bytes;
      if (cls == kWordPiece) {
        if (!run.empty()) flush(&expected, &word, &run);
        word += bytes;
      } else if (cls == kCharacter) {
        if (!word.empty()) flush(&expected, &word, &run);
        run.push_back(bytes);
      } else if (cls == kMark) {
        if (!run.empty()) {
          run.back() += bytes;
        } else {
          word += bytes;
        }
      } else {
        flush(&expected, &word, &run);
      }
      if (i % 7 == 0 || i + 1 == seq.size()) {
        std::vector<std::string> all = expected;
        std::string w = word;
        std::vector<std::string> r = run;
        flush(&all, &w, &r);
        ASSERT_EQ(Tokenize(text), all) << testing::PrintToString(text);
        ExpectHashesAreXxh3OfTokens(text);
      }
    }
  }
}

TEST(Tokenize, HashTokensHashesExactlyTheTokens) {
  const std::string text = NormalizeText(
      "Breaking: \xE6\x88\x91\xE7\x88\xB1\xE5\x8C\x97\xE4\xBA\xAC and caf\xC3\xA9 "
      "\xD0\xBC\xD0\xB8\xD1\x80 42");
  const std::vector<std::string> tokens = Tokenize(text);
  std::vector<uint64_t> hashes;
  internal::HashTokens(text, &hashes);
  ASSERT_EQ(hashes.size(), tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) {
    EXPECT_EQ(hashes[i], XXH3_64bits(tokens[i].data(), tokens[i].size())) << tokens[i];
  }
}

}  // namespace
}  // namespace libdiff
