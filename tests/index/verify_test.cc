// Copyright 2026 The libdiff Authors.
#include <gtest/gtest.h>

#include <cstdint>
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
  const VerifyResult r = VerifyNearDuplicate(Make(0xff00, Range(0, 10)), Make(0xff03, copy, 404, 77));
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
  const VerifyResult r = VerifyNearDuplicateSorted(0, 0x1ff, false, 400, 360, 398, 358, a, b);
  EXPECT_TRUE(r.is_duplicate);
  EXPECT_EQ(r.shared_paragraphs, 9u);
}

}  // namespace
}  // namespace libdiff::internal
