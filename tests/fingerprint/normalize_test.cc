// Copyright 2026 The libdiff Authors.
#include "fingerprint/normalize.h"

#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "libdiff/fingerprint.h"

namespace libdiff {
namespace {

using internal::NormalizeFast;
using internal::NormalizeReference;

std::string ReadSample(const std::string& name) {
  std::ifstream in(std::string(LIBDIFF_SAMPLES_DIR) + "/texts/" + name, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(NormalizeText, LowercasesAndCollapsesWhitespace) {
  EXPECT_EQ(NormalizeText("  The   Quick\tBROWN  fox  "), "the quick brown fox");
  EXPECT_EQ(NormalizeText("one\ntwo\r\nthree\rfour"), "one two three four");
}

TEST(NormalizeText, BlankLineBecomesOneParagraphBreak) {
  EXPECT_EQ(NormalizeText("first\n\nsecond"), "first\nsecond");
  EXPECT_EQ(NormalizeText("first\n  \t\n\n\nsecond"), "first\nsecond");
  EXPECT_EQ(NormalizeText("first\r\n\r\nsecond"), "first\nsecond");
  EXPECT_EQ(NormalizeText("first\r\rsecond"), "first\nsecond");
  EXPECT_EQ(NormalizeText("first\xE2\x80\xA9second"), "first\nsecond");  // U+2029
  EXPECT_EQ(NormalizeText("first\xE2\x80\xA8second"), "first second");   // U+2028
  EXPECT_EQ(NormalizeText("\n\nfirst\n\n"), "first");
}

TEST(NormalizeText, EmptyAndBlankInputGiveEmptyText) {
  EXPECT_EQ(NormalizeText(""), "");
  EXPECT_EQ(NormalizeText(" \n\n\t\r\n "), "");
  EXPECT_EQ(NormalizeText("\xE2\x80\x8B\xC2\xA0"), "");  // ZWSP + NBSP
}

TEST(NormalizeText, FoldsCurlyQuotesAndDashes) {
  EXPECT_EQ(NormalizeText("\xE2\x80\x9CIt\xE2\x80\x99s over\xE2\x80\x9D \xE2\x80\x94 she said"),
            "\"it's over\" - she said");
  EXPECT_EQ(NormalizeText("\xC2\xAB" "Bonjour" "\xC2\xBB"), "\"bonjour\"");
  EXPECT_EQ(NormalizeText("1990\xE2\x80\x93" "2000, \xE2\x88\x92" "5"), "1990-2000, -5");
}

TEST(NormalizeText, FoldsNonBreakingAndZeroWidthSpacesAndSoftHyphens) {
  EXPECT_EQ(NormalizeText("10\xC2\xA0km"), "10 km");                    // NBSP
  EXPECT_EQ(NormalizeText("a\xE2\x80\xAF" "b\xE3\x80\x80" "c"), "a b c");  // NNBSP, ideographic
  EXPECT_EQ(NormalizeText("co\xC2\xADoperate"), "cooperate");           // soft hyphen
  EXPECT_EQ(NormalizeText("zero\xE2\x80\x8Bwidth\xEF\xBB\xBF"), "zerowidth");  // ZWSP, BOM
}

TEST(NormalizeText, AppliesNfkcAndCaseFolding) {
  EXPECT_EQ(NormalizeText("\xEF\xAC\x81nance"), "finance");        // U+FB01 ligature
  EXPECT_EQ(NormalizeText("\xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\x91"), "ab1");  // full width
  EXPECT_EQ(NormalizeText("Cafe\xCC\x81"), "caf\xC3\xA9");          // e + U+0301 -> U+00E9
  EXPECT_EQ(NormalizeText("CAF\xC3\x89"), "caf\xC3\xA9");
  EXPECT_EQ(NormalizeText("Stra\xC3\x9F" "e"), NormalizeText("STRASSE"));
  EXPECT_EQ(NormalizeText("\xD0\x9C\xD0\x9E\xD0\xA1\xD0\x9A\xD0\x92\xD0\x90"),  // МОСКВА
            "\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0");          // москва
}

TEST(NormalizeText, KeepsNumbers) {
  EXPECT_EQ(NormalizeText("10 dead"), "10 dead");
  EXPECT_NE(NormalizeText("10 dead"), NormalizeText("14 dead"));
  EXPECT_EQ(NormalizeText("\xD9\xA1\xD9\xA0"), "\xD9\xA1\xD9\xA0");  // Arabic-Indic digits kept
}

TEST(NormalizeText, RepairsInvalidUtf8AndDropsNul) {
  EXPECT_EQ(NormalizeText("ab\xFF" "cd"), "ab\xEF\xBF\xBD" "cd");
  EXPECT_EQ(NormalizeText("caf\xC3"), "caf\xEF\xBF\xBD");
  EXPECT_EQ(NormalizeText(std::string("a\0b", 3)), "ab");
  EXPECT_EQ(NormalizeText(std::string("\xC3\xA9\0x", 4)), "\xC3\xA9x");
}

TEST(NormalizeText, ControlCharactersSeparateWords) {
  EXPECT_EQ(NormalizeText("a\x01" "b\x7F" "c\xC2\x85" "d"), "a b c d");
}

// Normalised text is a fixed point once its paragraph breaks are written as
// blank lines again (a lone "\n" in the input is a soft line break).
TEST(NormalizeText, IsStableWhenParagraphBreaksAreBlankLines) {
  for (const char* name : {"original.txt", "updated.txt", "unrelated.txt"}) {
    const std::string text = ReadSample(name);
    ASSERT_FALSE(text.empty()) << name;
    const std::string once = NormalizeText(text);
    std::string blank_lines;
    for (char c : once) blank_lines += c == '\n' ? std::string("\n\n") : std::string(1, c);
    EXPECT_TRUE(NormalizeText(blank_lines) == once) << name;
    EXPECT_EQ(NormalizeText(once).find('\n'), std::string::npos) << name;
  }
}

// Random strings over pieces chosen to exercise every branch of both paths:
// the fast path must give exactly the reference output.
TEST(NormalizeText, FastPathMatchesReferenceOnRandomText) {
  const std::vector<std::string> pieces = {
      "a", "Z", "q", "7", " ", "  ", "\t", "\n", "\r", "\r\n", "\n\n", std::string(1, '\0'),
      "\x01", "\x7F", ".", "'", "\xC3\xA9", "E\xCC\x81", "\xCC\x81", "\xEF\xAC\x81",
      "\xC2\xA0", "\xE2\x80\x8B", "\xC2\xAD", "\xE2\x80\x9C", "\xE2\x80\x94", "\xE4\xB8\xAD",
      "\xE2\x80\xA9", "\xC2\x85", "\xFF", "\xC3", "\xE0\xB8\x97\xE0\xB8\xB5\xE0\xB9\x88",
      "\xD0\x9C", "\xC3\x9F", "\xEF\xBC\xA1", "\xE3\x80\x80", "\xF0\x9F\x98\x80", "\xED\xA0\x80",
      // Already-normal characters (the stable-word fast path) and the marks
      // and jamo that compose with them: и + breve = й, 한 + jamo T, a + ring.
      "\xD0\xB8", "\xD0\xB9", "\xCC\x86", "\xD8\xA7", "\xD9\x93", "\xED\x95\x9C",
      "\xE1\x86\xA8", "\xE0\xA4\x95", "\xE0\xA4\xBC", "\xCC\x8A", "\xE2\x89\xA0", "\xCC\xB8",
      "\xE1\x84\x80", "\xE1\x85\xA1", "\xD9\xA1", "\xCC\xA3", "\xEF\xBC\x8C", "\xE3\x80\x82"};
  std::mt19937 rng(12345);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(0, 40);
  for (int trial = 0; trial < 6000; ++trial) {
    std::string s;
    const int n = length(rng);
    for (int i = 0; i < n; ++i) s += pieces[pick(rng)];
    ASSERT_EQ(NormalizeFast(s), NormalizeReference(s)) << "input: " << testing::PrintToString(s);
  }
}

TEST(NormalizeText, FastPathMatchesReferenceOnSampleTexts) {
  for (const char* name : {"original.txt", "updated.txt", "unrelated.txt"}) {
    const std::string text = ReadSample(name);
    EXPECT_TRUE(NormalizeFast(text) == NormalizeReference(text)) << name;
  }
}

}  // namespace
}  // namespace libdiff
