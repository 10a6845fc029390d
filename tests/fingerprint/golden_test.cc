// Copyright 2026 The libdiff Authors.
//
// Golden vectors: fingerprints are stored for years, so their exact values are
// pinned here. These values were computed once by algorithm_version 1 and must
// never be edited to make a failing test pass: if a change to normalisation,
// tokens, hashing or voting alters any of them, the change must bump
// FingerprintParams::algorithm_version (and stores must treat fingerprints of
// different versions as not comparable); then add vectors for the new version.
#include <gtest/gtest.h>

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <string>

#include "libdiff/fingerprint.h"

namespace libdiff {
namespace {

struct GoldenVector {
  const char* name;
  std::string text;
  int shingle_size;
  uint64_t simhash;
  const char* exact;
  uint64_t tokens;
  uint64_t shingles;
  size_t paragraphs;
  uint64_t first_paragraph_hash;
};

std::string Hex64(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016" PRIx64, v);
  return buf;
}

const std::string kEnglish =
    "Flash floods kill 10 in river valley\n\n"
    "At least 10 people have died after flash floods swept through towns along the "
    "Varna river valley overnight, emergency services said on Tuesday.\n\n"
    "\xE2\x80\x9CThe water came up faster than anyone here has ever seen,\xE2\x80\x9D "
    "said Marta Lind.";

std::vector<GoldenVector> Vectors() {
  return {
      // clang-format off
      {"english_w3", kEnglish, 3, 0x56547545b64e6b08ULL, "22388eb9c708907c45de12808828298b",
       44, 42, 3, 0x856056193082705dULL},
      {"english_w1", kEnglish, 1, 0x5ea56f906b38c1b1ULL, "22388eb9c708907c45de12808828298b",
       44, 37, 3, 0x856056193082705dULL},
      {"english_w5", kEnglish, 5, 0x5ce60a6080cc0065ULL, "22388eb9c708907c45de12808828298b",
       44, 40, 3, 0x856056193082705dULL},
      {"empty", "", 3, 0x0000000000000000ULL, "99aa06d3014798d86001c324468d497f",
       0, 0, 0, 0x0000000000000000ULL},
      {"one_word", "Breaking", 3, 0x52d06094b89aeebdULL, "8e614083c052ee87f36ef509d2ffbbaa",
       1, 1, 1, 0xc199bd925e7d47f3ULL},
      {"russian", "\xD0\x9D\xD0\xB0\xD0\xB2\xD0\xBE\xD0\xB4\xD0\xBD"
                  "\xD0\xB5\xD0\xBD\xD0\xB8\xD0\xB5 \xD0\xB2 "
                  "\xD0\xB4\xD0\xBE\xD0\xBB\xD0\xB8\xD0\xBD\xD0\xB5: 14 "
                  "\xD0\xBF\xD0\xBE\xD0\xB3\xD0\xB8\xD0\xB1\xD1\x88\xD0\xB8\xD1\x85.",
       3, 0xfbb69e075dbff174ULL, "0b32a57d8ec4a88b2ba0166d9168aaa8",
       5, 3, 1, 0x3dd283bd38d280daULL},
      {"chinese", "\xE6\xB4\xAA\xE6\xB0\xB4\xE9\x80\xA0\xE6\x88\x90\xE8\x87\xB3\xE5\xB0\x91" "10"
                  "\xE4\xBA\xBA\xE6\xAD\xBB\xE4\xBA\xA1\xE3\x80\x82",
       3, 0x419284000881cf82ULL, "24ac02e40f2b6be8a4c67253567c3740",
       8, 6, 1, 0xe0fb84da7373bf2fULL},
      {"thai", "\xE0\xB8\x99\xE0\xB9\x89\xE0\xB8\xB3\xE0\xB8\x97"
               "\xE0\xB9\x88\xE0\xB8\xA7\xE0\xB8\xA1 "
               "\xE0\xB8\xAA\xE0\xB8\xA7\xE0\xB8\xB1\xE0\xB8\xAA\xE0\xB8\x94\xE0\xB8\xB5",
       3, 0xcf69235c687ee365ULL, "2e8fffd9e9567a78948be8d0d0ef92f5",
       7, 5, 1, 0x2f082a45a484e133ULL},
      {"messy_bytes",
       std::string("CAF\xC3\x89\xC2\xA0\xE2\x80\x94 co\xC2\xADop\xFF" "ERATE\0 \xEF\xAC\x81nal"
                   "\r\n\r\nEnd", 38),
       3, 0x373995d1a627cde2ULL, "adf204c4f7434053fc74cb08798454ab",
       5, 3, 2, 0xea904544d6d7c759ULL},
      // clang-format on
  };
}

TEST(FingerprintGolden, OutputIsPinned) {
  for (const GoldenVector& v : Vectors()) {
    FingerprintOptions options;
    options.shingle_size = v.shingle_size;
    const Fingerprint fp = FingerprintText(v.text, options);
    EXPECT_EQ(fp.params.algorithm_version, 1u) << v.name;
    EXPECT_EQ(Hex64(fp.simhash), Hex64(v.simhash)) << v.name;
    EXPECT_EQ(fp.exact.ToHex(), v.exact) << v.name;
    EXPECT_EQ(fp.token_count, v.tokens) << v.name;
    EXPECT_EQ(fp.shingle_count, v.shingles) << v.name;
    ASSERT_EQ(fp.paragraph_hashes.size(), v.paragraphs) << v.name;
    if (!fp.paragraph_hashes.empty()) {
      EXPECT_EQ(Hex64(fp.paragraph_hashes[0]), Hex64(v.first_paragraph_hash)) << v.name;
    }
  }
}


// The sketch (Fingerprint::sketch) of the same texts at the default shingle
// size: its length and its first and last values, pinned the same way.
TEST(FingerprintGolden, SketchIsPinned) {
  struct Pin {
    const char* name;
    size_t size;
    uint32_t first;
    uint32_t last;
  };
  const Pin pins[] = {
      // clang-format off
      {"english_w3", 24, 0x86644cb, 0x9d3f540d},
      {"empty", 0, 0x0, 0x0},
      {"one_word", 1, 0x52d06094, 0x52d06094},
      {"russian", 3, 0x3ffa8e13, 0xf9b697a7},
      {"chinese", 6, 0x2594fc38, 0xefbdcb39},
      {"thai", 5, 0x4e6dae1e, 0xf8dd5958},
      {"messy_bytes", 3, 0x2ebb8311, 0xb37855f3},
      // clang-format on
  };
  const std::vector<GoldenVector> vectors = Vectors();
  for (const Pin& pin : pins) {
    const auto v = std::find_if(vectors.begin(), vectors.end(), [&](const GoldenVector& g) {
      return std::string(g.name) == pin.name;
    });
    ASSERT_NE(v, vectors.end()) << pin.name;
    const Fingerprint fp = FingerprintText(v->text);
    char got[64];
    std::snprintf(got, sizeof got, "{%zu, 0x%x, 0x%x}", fp.sketch.size(),
                  fp.sketch.empty() ? 0u : fp.sketch.front(),
                  fp.sketch.empty() ? 0u : fp.sketch.back());
    char want[64];
    std::snprintf(want, sizeof want, "{%zu, 0x%x, 0x%x}", pin.size, pin.first, pin.last);
    EXPECT_STREQ(got, want) << pin.name;
  }
}

}  // namespace
}  // namespace libdiff
