// Copyright 2026 The libdiff Authors.
#include "store/codec.h"

#include <gtest/gtest.h>

#include <random>

namespace libdiff::internal {
namespace {

Article SampleArticle() {
  Article a;
  a.url = "https://example.com/news/1";
  a.canonical_url = "https://example.com/news/1";
  a.title = "Storm kills 10 in coastal towns";
  a.site_name = "Example News";
  a.authors = {"Ana Ruiz", "Tom Lee"};
  a.published = "2026-11-28T04:00:00Z";
  a.modified = "2026-11-28T05:00:00Z";
  a.language = "en";
  a.description = "A storm hit.";
  a.type = "NewsArticle";
  a.body_source = "json-ld";
  a.blocks = {{BlockKind::kParagraph, "First paragraph."},
              {BlockKind::kHeading, "A heading"},
              {BlockKind::kQuote, "\"A quote\" with \xc3\xa9 UTF-8."},
              {BlockKind::kTableRow, ""}};
  return a;
}

TEST(ArticleCodec, RoundTripsEveryField) {
  const Article a = SampleArticle();
  const std::string bytes = EncodeArticle(a);
  auto back = DecodeArticle(bytes);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(*back, a);
  EXPECT_EQ(EncodeArticle(*back), bytes);
}

TEST(ArticleCodec, RejectsTruncatedAndForeignBytes) {
  const std::string bytes = EncodeArticle(SampleArticle());
  for (size_t cut = 0; cut < bytes.size(); ++cut) {
    EXPECT_TRUE(DecodeArticle(std::string_view(bytes).substr(0, cut)).status().IsCorruption())
        << "cut at " << cut;
  }
  EXPECT_TRUE(DecodeArticle("\x07garbage").status().IsCorruption());
  EXPECT_TRUE(DecodeArticle(bytes + "x").status().IsCorruption());
}

// A store written before body_source was kept holds format-1 records: they
// still decode, with body_source empty.
TEST(ArticleCodec, DecodesFormatOneWithoutBodySource) {
  Article a = SampleArticle();
  std::string v1(1, '\x01');
  for (const std::string* f : {&a.url, &a.canonical_url, &a.title, &a.site_name, &a.published,
                               &a.modified, &a.language, &a.description, &a.type,
                               &a.empty_reason}) {
    PutLengthPrefixed(&v1, *f);
  }
  PutVarint(&v1, a.authors.size());
  for (const auto& author : a.authors) PutLengthPrefixed(&v1, author);
  PutVarint(&v1, a.blocks.size());
  for (const auto& b : a.blocks) {
    v1.push_back(static_cast<char>(b.kind));
    PutLengthPrefixed(&v1, b.text);
  }
  auto back = DecodeArticle(v1);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->body_source, "");
  a.body_source.clear();
  EXPECT_EQ(*back, a);
}

TEST(Varint, RoundTripsBoundaries) {
  for (uint64_t v : {uint64_t{0}, uint64_t{127}, uint64_t{128}, uint64_t{1} << 35, ~uint64_t{0}}) {
    std::string s;
    PutVarint(&s, v);
    std::string_view in = s;
    uint64_t out = 1;
    ASSERT_TRUE(GetVarint(&in, &out));
    EXPECT_EQ(out, v);
    EXPECT_TRUE(in.empty());
  }
  std::string_view bad = "\xff\xff";
  uint64_t v = 0;
  EXPECT_FALSE(GetVarint(&bad, &v));
}

// A chain of edited texts, each decoded from its delta against the previous
// decoded text, must reproduce every version byte for byte.
TEST(SnapshotCodec, LongDeltaChainIsByteExact) {
  std::mt19937 rng(42);
  std::vector<std::string> words;
  for (int i = 0; i < 500; ++i) words.push_back("w" + std::to_string(rng() % 5000));
  SnapshotCodec codec(19);
  std::string previous_decoded;
  std::string text;
  for (const auto& w : words) text += w + " ";
  for (int version = 0; version < 200; ++version) {
    // Edit: replace a word, insert a sentence, delete a span.
    const size_t at = rng() % text.size();
    text.insert(at, "inserted " + std::to_string(version) + " words. ");
    if (text.size() > 100) text.erase(rng() % (text.size() - 50), 20);
    auto frame =
        version % 16 == 0 ? codec.Compress(text) : codec.CompressDelta(previous_decoded, text);
    ASSERT_TRUE(frame.ok());
    auto decoded = SnapshotCodec::Decompress(*frame, version % 16 == 0 ? "" : previous_decoded,
                                             size_t{1} << 20);
    ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
    ASSERT_EQ(*decoded, text) << "version " << version;
    if (version % 16 != 0) {
      EXPECT_LT(frame->size(), 200u) << "a small edit should cost a small delta";
    }
    previous_decoded = *decoded;
  }
}

TEST(SnapshotCodec, DeltaWithWrongBaseOrDamageIsCorruption) {
  SnapshotCodec codec(3);
  const std::string base(5000, 'a'), text = std::string(5000, 'a') + "tail";
  auto frame = codec.CompressDelta(base, text);
  ASSERT_TRUE(frame.ok());
  std::string damaged = *frame;
  damaged[damaged.size() / 2] ^= 0x55;
  EXPECT_FALSE(SnapshotCodec::Decompress(damaged, base, 1 << 20).ok());
  EXPECT_TRUE(SnapshotCodec::Decompress("not zstd", "", 1 << 20).status().IsCorruption());
  EXPECT_TRUE(SnapshotCodec::Decompress(*frame, base, 10).status().IsCorruption());
}

TEST(SnapshotCodec, EmptyInputRoundTrips) {
  SnapshotCodec codec(19);
  auto frame = codec.Compress("");
  ASSERT_TRUE(frame.ok());
  auto back = SnapshotCodec::Decompress(*frame, "", 100);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, "");
}

}  // namespace
}  // namespace libdiff::internal
