// Copyright 2026 The libdiff Authors.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "index/near_duplicate_index.h"

namespace libdiff::internal {
namespace {

// A synthetic fingerprint: paragraphs are given by id; the test controls the
// SimHash so the rule, not the hashing, is under test.
Fingerprint Make(uint64_t simhash, std::vector<uint64_t> paragraphs, uint64_t tokens = 400,
                 uint64_t exact_low = 0) {
  Fingerprint f;
  f.simhash = simhash;
  f.paragraph_hashes = std::move(paragraphs);
  f.token_count = tokens;
  f.shingle_count = tokens > 2 ? tokens - 2 : 0;
  f.exact = Hash128{1, exact_low == 0 ? simhash : exact_low};
  return f;
}

std::vector<uint64_t> Range(uint64_t from, uint64_t to) {
  std::vector<uint64_t> v;
  for (uint64_t i = from; i < to; ++i) v.push_back(i * 0x9e3779b97f4a7c15ULL);
  return v;
}

TEST(VerifyNearDuplicate, IdenticalLongTextsAreDuplicates) {
  const Fingerprint a = Make(0xabc, Range(0, 10));
  const VerifyResult r = VerifyNearDuplicate(a, a);
  EXPECT_TRUE(r.is_duplicate);
  EXPECT_TRUE(r.exact);
  EXPECT_EQ(r.distance, 0);
  EXPECT_DOUBLE_EQ(r.similarity, 1.0);
}

TEST(VerifyNearDuplicate, ShortTextsAreNeverDuplicates) {
  const Fingerprint a = Make(0xabc, Range(0, 1), /*tokens=*/6);
  const VerifyResult r = VerifyNearDuplicate(a, a);
  EXPECT_FALSE(r.is_duplicate);
  EXPECT_STREQ(r.reason, "too short");
}

TEST(VerifyNearDuplicate, DatelineAddedPasses) {
  // First paragraph changed ("WASHINGTON (AP) -- " prefix), SimHash 2 bits away.
  std::vector<uint64_t> copy = Range(0, 10);
  copy[0] = 12345;
  const VerifyResult r =
      VerifyNearDuplicate(Make(0xff00, Range(0, 10)), Make(0xff03, copy, 404, 77));
  EXPECT_TRUE(r.is_duplicate) << r.reason;
  EXPECT_FALSE(r.exact);
  EXPECT_EQ(r.distance, 2);
  EXPECT_EQ(r.shared_paragraphs, 9u);
  EXPECT_NEAR(r.containment, 0.9, 1e-9);
  EXPECT_NEAR(r.similarity, 9.0 / 11.0, 1e-9);
}

TEST(VerifyNearDuplicate, LastParagraphDroppedPassesEvenWhenSimHashIsFar) {
  // SimHash 9 bits away (beyond k = 3), but the copy is contained in the original.
  const VerifyResult r =
      VerifyNearDuplicate(Make(0, Range(0, 10)), Make(0x1ff, Range(0, 9), 360, 5));
  EXPECT_TRUE(r.is_duplicate) << r.reason;
  EXPECT_DOUBLE_EQ(r.containment, 1.0);
  EXPECT_STREQ(r.reason, "paragraphs contained");
}

TEST(VerifyNearDuplicate, SharedTemplateParagraphsAreNotEnough) {
  // Two articles share 2 boilerplate paragraphs of 10; SimHash happens to be close.
  std::vector<uint64_t> a = Range(0, 10);
  std::vector<uint64_t> b = Range(100, 110);
  b[8] = a[8];
  b[9] = a[9];
  const VerifyResult r = VerifyNearDuplicate(Make(0, a), Make(0x3, b, 400, 9));
  EXPECT_FALSE(r.is_duplicate);
  EXPECT_EQ(r.shared_paragraphs, 2u);
  EXPECT_STREQ(r.reason, "too few shared paragraphs");
}

TEST(VerifyNearDuplicate, ContainmentRouteNeedsRelatedSimHash) {
  // Highly contained paragraphs but SimHashes 30 bits apart: not a duplicate.
  const VerifyResult r =
      VerifyNearDuplicate(Make(0, Range(0, 10)), Make(0x3fffffff, Range(0, 9), 360, 5));
  EXPECT_FALSE(r.is_duplicate);
  EXPECT_EQ(r.distance, 30);
}

TEST(VerifyNearDuplicate, EditedCopyKeepingHalfItsParagraphsPasses) {
  // A revision syndicated elsewhere: 5 of 10 paragraphs edited, SimHash 10 bits away.
  std::vector<uint64_t> edited = Range(0, 10);
  for (size_t i = 0; i < 5; ++i) edited[i * 2] += 1000;
  const VerifyResult r = VerifyNearDuplicate(Make(0, Range(0, 10)), Make(0x3ff, edited, 400, 7));
  EXPECT_TRUE(r.is_duplicate) << r.reason;
  EXPECT_STREQ(r.reason, "edited copy");
  EXPECT_EQ(r.shared_paragraphs, 5u);
  // The same paragraphs 13 bits apart are too far for the route.
  const VerifyResult far =
      VerifyNearDuplicate(Make(0, Range(0, 10)), Make(0x1fff, edited, 400, 7));
  EXPECT_FALSE(far.is_duplicate);
  EXPECT_STREQ(far.reason, "too far apart");
}

TEST(VerifyNearDuplicate, EditedCopyRouteNeedsThreeSharedParagraphs) {
  // Half of a 4-paragraph text shared (2 paragraphs, e.g. a template), 8 bits apart.
  const std::vector<uint64_t> a = {1, 2, 3, 4};
  const std::vector<uint64_t> b = {1, 2, 13, 14};
  const VerifyResult r = VerifyNearDuplicate(Make(0, a), Make(0xff, b, 400, 7));
  EXPECT_FALSE(r.is_duplicate) << r.reason;
  EXPECT_DOUBLE_EQ(r.containment, 0.5);
}

TEST(VerifyNearDuplicate, SingleParagraphTextsFallBackToSimHash) {
  const VerifyResult near = VerifyNearDuplicate(Make(0, {1}), Make(0x5, {2}, 400, 3));
  EXPECT_TRUE(near.is_duplicate) << near.reason;
  const VerifyResult far = VerifyNearDuplicate(Make(0, {1}), Make(0xf, {2}, 400, 3));
  EXPECT_FALSE(far.is_duplicate);
}

TEST(VerifyNearDuplicate, OptionsChangeTheRule) {
  VerifyOptions strict;
  strict.max_distance = 1;
  strict.strong_containment = 1.1;  // disables the containment route
  strict.edited_max_distance = 0;    // and the edited-copy route
  std::vector<uint64_t> copy = Range(0, 10);
  copy[0] = 12345;
  const VerifyResult r =
      VerifyNearDuplicate(Make(0xff00, Range(0, 10)), Make(0xff03, copy, 404, 77), strict);
  EXPECT_FALSE(r.is_duplicate);
}

TEST(VerifyNearDuplicateSorted, AgreesWithFingerprintVersion) {
  std::vector<uint32_t> a = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  std::vector<uint32_t> b = {1, 2, 3, 4, 5, 6, 7, 8, 9};
  const VerifyResult r =
      VerifyNearDuplicateSorted(0, 0x1ff, false, 400, 360, 398, 358, {}, {}, a, b);
  EXPECT_TRUE(r.is_duplicate);
  EXPECT_EQ(r.shared_paragraphs, 9u);
}


// The shingle rule, on real fingerprints of generated texts (these have
// sketches; the synthetic fingerprints above do not, so they exercise the
// paragraph rule kept for old store records).
std::string Words(std::mt19937* rng, size_t n, size_t vocabulary = 20000) {
  std::string text;
  for (size_t i = 0; i < n; ++i) {
    if (i > 0) text += i % 60 == 0 ? "\n\n" : " ";
    text += "w" + std::to_string((*rng)() % vocabulary);
  }
  return text;
}

TEST(VerifyNearDuplicate, RegroupedParagraphsWithADatelinePass) {
  std::mt19937 rng(1);
  const std::string text = Words(&rng, 700);
  // Another site: a dateline, paragraph breaks elsewhere, the last 10% dropped.
  std::string copy = "LONDON (Wire) - " + text.substr(0, text.size() * 9 / 10);
  std::replace(copy.begin(), copy.end(), '\n', ' ');
  for (size_t at = 0; (at = copy.find(' ', at + 250)) != std::string::npos;) {
    copy.replace(at, 1, "\n\n");
  }
  const Fingerprint a = FingerprintText(text);
  const Fingerprint b = FingerprintText(copy);
  ASSERT_FALSE(a.sketch.empty());
  const VerifyResult r = VerifyNearDuplicate(a, b);
  EXPECT_TRUE(r.is_duplicate) << r.reason << " d=" << r.distance << " c=" << r.containment;
  EXPECT_STREQ(r.reason, "shingles contained");
  EXPECT_GE(r.sketch_samples, 8u);
  EXPECT_GT(r.similarity, 0.6);
  EXPECT_LT(r.similarity, 1.0);
  // The paragraph rule alone would have refused it: no paragraph is shared.
  Fingerprint a_old = a, b_old = b;
  a_old.sketch.clear();
  EXPECT_FALSE(VerifyNearDuplicate(a_old, b_old).is_duplicate);
}

TEST(VerifyNearDuplicate, ArticlesSharingAPassageAreNotDuplicates) {
  std::mt19937 rng(2);
  const std::string shared = Words(&rng, 150);  // a quoted statement, a shared wire paragraph
  const std::string a = Words(&rng, 400) + "\n\n" + shared;
  const std::string b = shared + "\n\n" + Words(&rng, 400);
  const VerifyResult r = VerifyNearDuplicate(FingerprintText(a), FingerprintText(b));
  EXPECT_FALSE(r.is_duplicate) << r.reason;
  EXPECT_LT(r.containment, 0.5);
}

TEST(VerifyNearDuplicate, ABriefQuotedWholeInALongArticleIsNotADuplicate) {
  std::mt19937 rng(3);
  const std::string brief = Words(&rng, 120);
  const std::string feature = Words(&rng, 500) + "\n\n" + brief + "\n\n" + Words(&rng, 500);
  VerifyOptions options;
  options.sketch_max_distance = 64;  // whatever the SimHashes say
  const VerifyResult r =
      VerifyNearDuplicate(FingerprintText(brief), FingerprintText(feature), options);
  EXPECT_FALSE(r.is_duplicate);
  EXPECT_STREQ(r.reason, "sizes too different");
}

TEST(VerifyNearDuplicateSorted, SketchRuleSamplesBelowTheLargerSketchsThreshold) {
  // b's sketch is full (kSketchSize values): only a's values up to b's last
  // value can be checked. a holds 10 values, 8 of them below b's last, 6 shared.
  std::vector<uint32_t> b;
  for (uint32_t i = 0; i < kSketchSize; ++i) b.push_back(100 + 10 * i);
  const uint32_t b_last = b.back();
  std::vector<uint32_t> a = {100, 110, 120, 130, 140, 150, 155, 165, b_last + 5, b_last + 9};
  VerifyResult r = VerifyNearDuplicateSorted(0, 0, false, 400, 800, 400, 800, a, b, {}, {});
  EXPECT_EQ(r.sketch_samples, 8u);
  EXPECT_EQ(r.sketch_shared, 6u);
  EXPECT_DOUBLE_EQ(r.containment, 0.75);
  EXPECT_TRUE(r.is_duplicate) << r.reason;
  // Nine sampled values are needed with this option: undecidable, not a duplicate.
  VerifyOptions strict;
  strict.min_sketch_samples = 9;
  r = VerifyNearDuplicateSorted(0, 0, false, 400, 800, 400, 800, a, b, {}, {}, strict);
  EXPECT_FALSE(r.is_duplicate);
  EXPECT_STREQ(r.reason, "too few sketch samples");
  // Far SimHashes refuse it too.
  r = VerifyNearDuplicateSorted(0, 0x1ffffff, false, 400, 800, 400, 800, a, b, {}, {});
  EXPECT_FALSE(r.is_duplicate);
  EXPECT_STREQ(r.reason, "too far apart");
  // And so does a larger text more than four times the smaller.
  r = VerifyNearDuplicateSorted(0, 0, false, 400, 800, 400, 1700, a, b, {}, {});
  EXPECT_FALSE(r.is_duplicate);
  EXPECT_STREQ(r.reason, "sizes too different");
}

TEST(VerifyNearDuplicateSorted, PartialContainmentNeedsCloserSimHashes) {
  // a holds 10 values, all sampled (b's sketch is not full); `shared` of
  // them are in b.
  const auto pair = [](size_t shared, uint64_t simhash_b) {
    std::vector<uint32_t> a, b;
    for (uint32_t i = 0; i < 10; ++i) a.push_back(100 + 10 * i);
    for (size_t i = 0; i < shared; ++i) b.push_back(a[i]);
    for (uint32_t i = 0; i < 10; ++i) b.push_back(1000 + i);
    std::sort(b.begin(), b.end());
    return VerifyNearDuplicateSorted(0, simhash_b, false, 400, 500, 400, 500, a, b, {}, {});
  };
  const uint64_t bits22 = (uint64_t{1} << 22) - 1;
  const uint64_t bits20 = (uint64_t{1} << 20) - 1;
  // 90 % contained: up to sketch_max_distance (24) bits apart.
  VerifyResult r = pair(9, bits22);
  EXPECT_TRUE(r.is_duplicate) << r.reason;
  // 60 % contained: 22 bits is too far, 20 is close enough.
  r = pair(6, bits22);
  EXPECT_FALSE(r.is_duplicate);
  EXPECT_STREQ(r.reason, "too far apart for the containment");
  EXPECT_DOUBLE_EQ(r.containment, 0.6);
  r = pair(6, bits20);
  EXPECT_TRUE(r.is_duplicate) << r.reason;
  // 40 % contained: not a duplicate at any distance.
  r = pair(4, 0);
  EXPECT_FALSE(r.is_duplicate);
  EXPECT_STREQ(r.reason, "too few shared shingles");
}

}  // namespace
}  // namespace libdiff::internal
