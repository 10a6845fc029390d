// Copyright 2026 The libdiff Authors.
//
// ArticleRecord: the per-article record's format, including records written
// before the shingle sketch existed (format 1) and before earlier revisions'
// fingerprints were kept (format 2).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "store/lmdb/revision_store.h"

namespace libdiff::internal {
namespace {

ArticleRecord Sample() {
  ArticleRecord r;
  r.first_seen = -5;
  r.latest_revision = 3;
  r.duplicate_of = 9;
  r.first_url = "https://example.com/a";
  r.keys = {"example.com/a", "example.com/b"};
  r.simhash = 0x0123456789abcdefULL;
  r.exact = Hash128{1, 2};
  r.title_hash = 77;
  r.tokens = 600;
  r.shingles = 580;
  r.paragraphs = {1, 5, 9};
  r.sketch = {3, 4, 100, 4000000000u};
  return r;
}

void ExpectSame(const ArticleRecord& a, const ArticleRecord& b) {
  EXPECT_EQ(a.first_seen, b.first_seen);
  EXPECT_EQ(a.latest_revision, b.latest_revision);
  EXPECT_EQ(a.duplicate_of, b.duplicate_of);
  EXPECT_EQ(a.first_url, b.first_url);
  EXPECT_EQ(a.keys, b.keys);
  EXPECT_EQ(a.simhash, b.simhash);
  EXPECT_EQ(a.exact, b.exact);
  EXPECT_EQ(a.title_hash, b.title_hash);
  EXPECT_EQ(a.tokens, b.tokens);
  EXPECT_EQ(a.shingles, b.shingles);
  EXPECT_EQ(a.paragraphs, b.paragraphs);
  EXPECT_EQ(a.sketch, b.sketch);
  EXPECT_EQ(a.earlier, b.earlier);
}

ArticleRecord SampleWithEarlier() {
  ArticleRecord r = Sample();
  EarlierFingerprint e;
  e.revision = 1;
  e.simhash = 0xfedcba9876543210ULL;
  e.exact = Hash128{5, 6};
  e.tokens = 410;
  e.shingles = 400;
  e.sketch = {2, 8, 300000u};
  r.earlier.push_back(e);
  e.revision = 2;
  e.sketch = {1};
  r.earlier.push_back(e);
  return r;
}

TEST(ArticleRecord, RoundTripsWithAndWithoutASketch) {
  ArticleRecord r = Sample();
  auto back = ArticleRecord::Decode(r.Encode());
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  ExpectSame(*back, r);
  r.sketch.clear();
  r.paragraphs.clear();
  back = ArticleRecord::Decode(r.Encode());
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  ExpectSame(*back, r);
}

TEST(ArticleRecord, RoundTripsEarlierFingerprints) {
  const ArticleRecord r = SampleWithEarlier();
  auto back = ArticleRecord::Decode(r.Encode());
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  ExpectSame(*back, r);
  ASSERT_EQ(back->earlier.size(), 2u);
  EXPECT_EQ(back->earlier[0].sketch, (std::vector<uint32_t>{2, 8, 300000u}));
  EXPECT_EQ(back->earlier[1].revision, 2u);
}

TEST(ArticleRecord, ReadsFormat1RecordsWithoutASketch) {
  // A format 1 record is a format 3 record without the trailing sketch and
  // earlier list (here: empty ones, two 0 varints) and with format byte 1.
  ArticleRecord r = Sample();
  r.sketch.clear();
  std::string bytes = r.Encode();
  ASSERT_EQ(bytes[0], 3);
  ASSERT_EQ(bytes.substr(bytes.size() - 2), std::string(2, '\0'));
  bytes[0] = 1;
  bytes.resize(bytes.size() - 2);
  auto back = ArticleRecord::Decode(bytes);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  ExpectSame(*back, r);
}

TEST(ArticleRecord, ReadsFormat2RecordsWithoutEarlierFingerprints) {
  // A format 2 record is a format 3 record without the trailing earlier list.
  const ArticleRecord r = Sample();
  std::string bytes = r.Encode();
  ASSERT_EQ(bytes.back(), 0);
  bytes[0] = 2;
  bytes.pop_back();
  auto back = ArticleRecord::Decode(bytes);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  ExpectSame(*back, r);
  EXPECT_TRUE(back->earlier.empty());
}

TEST(ArticleRecord, DamagedRecordsAreCorruption) {
  const std::string bytes = SampleWithEarlier().Encode();
  for (size_t cut = 0; cut < bytes.size(); ++cut) {
    EXPECT_TRUE(ArticleRecord::Decode(bytes.substr(0, cut)).status().IsCorruption()) << cut;
  }
  EXPECT_TRUE(ArticleRecord::Decode(bytes + "x").status().IsCorruption());
  std::string other = bytes;
  other[0] = 4;
  EXPECT_TRUE(ArticleRecord::Decode(other).status().IsCorruption());
  // A sketch longer than kSketchSize cannot have been written by libdiff.
  ArticleRecord big = Sample();
  big.sketch.assign(kSketchSize + 1, 7);
  EXPECT_TRUE(ArticleRecord::Decode(big.Encode()).status().IsCorruption());
  big = SampleWithEarlier();
  big.earlier[1].sketch.assign(kSketchSize + 1, 7);
  EXPECT_TRUE(ArticleRecord::Decode(big.Encode()).status().IsCorruption());
}

}  // namespace
}  // namespace libdiff::internal
