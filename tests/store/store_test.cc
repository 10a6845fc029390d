// Copyright 2026 The libdiff Authors.
#include "libdiff/store.h"

#include <gtest/gtest.h>

#include <lmdb.h>

#include <algorithm>
#include <atomic>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "decide/test_articles.h"
#include "dedupe/saturated_copy.h"
#include "store/codec.h"
#include "store/earlier_revisions.h"
#include "store/lmdb/revision_store.h"
#include "store/temp_dir.h"

namespace libdiff {
namespace {

using testing::MakeArticle;
using testing::MakePage;

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override { Reopen(); }
  void Reopen(StoreOptions options = StoreOptions()) {
    store_.reset();
    auto s = Store::Open(options, dir_.path() + "/store");
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(*s);
  }
  Verdict Ingest(const Page& page) {
    auto v = store_->Ingest(page);
    EXPECT_TRUE(v.ok()) << v.status().ToString();
    return v.ok() ? *v : Verdict();
  }
  StoreStats Stats() {
    auto s = store_->Stats();
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return s.ok() ? *s : StoreStats();
  }

  testing::TempDir dir_;
  std::unique_ptr<Store> store_;
};

constexpr char kUrlA[] = "https://news.example.com/2026/11/28/storm-kills-10";

TEST_F(StoreTest, FirstSightingIsNewAndRepeatIsUnchanged) {
  const Article a = MakeArticle(1);
  Verdict v = Ingest(MakePage(kUrlA, a));
  EXPECT_EQ(v.kind, VerdictKind::kNew);
  EXPECT_EQ(v.revision, 1u);
  EXPECT_NE(v.article, 0u);
  Verdict again = Ingest(MakePage(kUrlA, a, 2000));
  EXPECT_EQ(again.kind, VerdictKind::kUnchanged);
  EXPECT_EQ(again.article, v.article);
  EXPECT_EQ(again.revision, 1u);
  EXPECT_EQ(Stats().revisions, 1u);
}

TEST_F(StoreTest, TrackingParametersAmpAndFragmentsKeepTheIdentity) {
  const Article a = MakeArticle(2);
  const uint64_t id = Ingest(MakePage(kUrlA, a)).article;
  for (const char* variant :
       {"https://news.example.com/2026/11/28/storm-kills-10?utm_source=twitter&utm_medium=social",
        "http://NEWS.example.com:80/2026/11/28/storm-kills-10/?fbclid=IwAR0xyz#comments",
        "https://news.example.com/2026/11/28/storm-kills-10/amp",
        "https://news.example.com/2026/11/28/storm-kills-10?gclid=abc&amp=1"}) {
    Verdict v = Ingest(MakePage(variant, a));
    EXPECT_EQ(v.kind, VerdictKind::kUnchanged) << variant;
    EXPECT_EQ(v.article, id) << variant;
    EXPECT_TRUE(v.alias_of.empty()) << variant;
  }
  EXPECT_EQ(Stats().articles, 1u);
}

TEST_F(StoreTest, MetadataAroundTheBodyDoesNotMakeAnUpdate) {
  Article a = MakeArticle(3);
  Ingest(MakePage(kUrlA, a));
  a.modified = "2026-11-28T09:00:00Z";  // a timestamp is not the text
  a.description = "Other teaser";
  EXPECT_EQ(Ingest(MakePage(kUrlA, a)).kind, VerdictKind::kUnchanged);
}

TEST_F(StoreTest, OneNumberChangeIsAnUpdate) {
  Article a = MakeArticle(4);
  a.blocks[0].text = "At least 10 people died when the storm reached the coast on Friday night.";
  Ingest(MakePage(kUrlA, a, 1000));
  Article b = a;
  b.blocks[0].text = "At least 14 people died when the storm reached the coast on Friday night.";
  b.modified = "2026-11-28T10:00:00Z";
  Verdict v = Ingest(MakePage(kUrlA, b, 2000));
  EXPECT_EQ(v.kind, VerdictKind::kUpdated);
  EXPECT_EQ(v.revision, 2u);
  EXPECT_EQ(v.reverted_to, 0u);
  EXPECT_EQ(v.changes.paragraphs_changed, 1);
  EXPECT_EQ(v.changes.paragraphs_added + v.changes.paragraphs_removed, 0);
  EXPECT_FALSE(v.changes.title_changed);
  EXPECT_EQ(v.changes.modified, "2026-11-28T10:00:00Z");
  EXPECT_GE(v.changes.sentences_changed, 1);
  auto r1 = store_->ReadRevision(kUrlA, 1);
  auto r2 = store_->ReadRevision(kUrlA, 2);
  ASSERT_TRUE(r1.ok() && r2.ok());
  EXPECT_EQ(r1->blocks[0].text, a.blocks[0].text);
  EXPECT_EQ(*r2, b);
}

TEST_F(StoreTest, TitleOnlyChangeIsAnUpdate) {
  Article a = MakeArticle(5);
  Ingest(MakePage(kUrlA, a));
  a.title += "?";
  Verdict v = Ingest(MakePage(kUrlA, a));
  EXPECT_EQ(v.kind, VerdictKind::kUpdated);
  EXPECT_TRUE(v.changes.title_changed);
  EXPECT_EQ(v.changes.paragraphs_changed, 0);
}

TEST_F(StoreTest, RevertIsReportedAndStoredOnce) {
  const Article a = MakeArticle(6);
  Article b = a;
  b.blocks.push_back({BlockKind::kParagraph, "A new paragraph with late details from the scene."});
  Ingest(MakePage(kUrlA, a, 1000));
  Ingest(MakePage(kUrlA, b, 2000));
  const StoreStats before = Stats();
  Verdict v = Ingest(MakePage(kUrlA, a, 3000));
  EXPECT_EQ(v.kind, VerdictKind::kUpdated);
  EXPECT_EQ(v.revision, 3u);
  EXPECT_EQ(v.reverted_to, 1u);
  EXPECT_EQ(v.changes.paragraphs_removed, 1);
  const StoreStats after = Stats();
  EXPECT_EQ(after.revisions, 3u);
  EXPECT_EQ(after.snapshot_bytes, before.snapshot_bytes) << "the text must not be stored twice";
  auto r3 = store_->ReadRevision(kUrlA, 3);
  ASSERT_TRUE(r3.ok());
  EXPECT_EQ(*r3, a);
  auto h = store_->History(kUrlA);
  ASSERT_TRUE(h.ok());
  ASSERT_EQ(h->revisions.size(), 3u);
  EXPECT_EQ(h->revisions[2].same_as, 1u);
  // An update after the revert deltas against it and still reads back.
  Verdict v4 = Ingest(MakePage(kUrlA, b, 4000));
  EXPECT_EQ(v4.reverted_to, 2u);
  Article c = b;
  c.blocks[1].text += " More.";
  Ingest(MakePage(kUrlA, c, 5000));
  auto r5 = store_->ReadRevision(kUrlA, 5);
  ASSERT_TRUE(r5.ok());
  EXPECT_EQ(*r5, c);
}

TEST_F(StoreTest, SyndicatedCopyOnAnotherSiteIsACrossSiteDuplicate) {
  const Article a = MakeArticle(7);
  const Verdict first = Ingest(MakePage(kUrlA, a));
  Article copy = a;
  copy.title = "Storm toll rises";  // another site, another headline
  copy.blocks[0].text = "LONDON (Wire) - " + copy.blocks[0].text;
  Verdict v = Ingest(MakePage("https://www.other-paper.co.uk/world/storm-wire-copy", copy));
  EXPECT_EQ(v.kind, VerdictKind::kDuplicate);
  EXPECT_EQ(v.of, first.article);
  EXPECT_EQ(v.of_url, kUrlA);
  EXPECT_TRUE(v.cross_site);
  EXPECT_LE(v.distance, 3);
  EXPECT_GT(v.similarity, 0.7);
  EXPECT_NE(v.article, first.article);
  // A third copy reports the earliest article, not the second copy.
  Verdict third = Ingest(MakePage("https://third.example.org/a/b", copy));
  EXPECT_EQ(third.kind, VerdictKind::kDuplicate);
  EXPECT_EQ(third.of, first.article);
  EXPECT_EQ(Stats().duplicates, 2u);
}

// `a` rewritten: its first six of ten paragraphs replaced by another story's.
Article Rewritten(const Article& a, unsigned seed) {
  Article r = a;
  const Article other = MakeArticle(seed);
  for (size_t i = 0; i < 6; ++i) r.blocks[i] = other.blocks[i];
  return r;
}

// `a` as a wire copy on another site: another headline and a dateline.
Article WireCopy(const Article& a) {
  Article copy = a;
  copy.title = "Wire: " + a.title;
  copy.blocks[0].text = "LONDON (Wire) - " + copy.blocks[0].text;
  return copy;
}

constexpr char kCopyUrl[] = "https://www.other-paper.co.uk/world/wire-copy";

TEST_F(StoreTest, CopyWhoseSharedFiledKeyIsSaturatedIsFoundByItsQueryKeys) {
  // Fails with lookups under the filed keys only (kQueryKeys = kSketchKeys).
  testing::SaturatedCopy fx;
  ASSERT_TRUE(testing::MakeSaturatedCopy(&fx));
  auto page = [](const std::string& url, const std::string& text) {
    Article a;
    a.title = "Headline";
    a.blocks.push_back({BlockKind::kParagraph, text});
    return MakePage(url, a);
  };
  const Verdict first = Ingest(page(kUrlA, fx.original));
  for (size_t k = 0; k < fx.fillers.size(); ++k) {
    Ingest(page("https://f.example.net/" + std::to_string(k), fx.fillers[k]));
  }
  const Verdict v = Ingest(page(kCopyUrl, fx.copy));
  EXPECT_EQ(v.kind, VerdictKind::kDuplicate);
  EXPECT_EQ(v.of, first.article);
}

TEST_F(StoreTest, CopyOfAnEarlierRevisionIsADuplicateOfTheArticle) {
  const Article r1 = MakeArticle(50);
  const Verdict first = Ingest(MakePage(kUrlA, r1));
  const Article r2 = Rewritten(r1, 51);
  ASSERT_EQ(Ingest(MakePage(kUrlA, r2, 2000)).kind, VerdictKind::kUpdated);
  // The copy of revision 1 shares 4 of revision 2's 10 paragraphs: not a
  // near duplicate of the latest text, but of the first.
  const Verdict v = Ingest(MakePage(kCopyUrl, WireCopy(r1), 3000));
  EXPECT_EQ(v.kind, VerdictKind::kDuplicate);
  EXPECT_EQ(v.of, first.article);
  EXPECT_EQ(v.of_revision, 1u);
  EXPECT_TRUE(v.cross_site);
  EXPECT_NE(VerdictToJson(v).find("\"of_revision\":1"), std::string::npos) << VerdictToJson(v);
  // A copy of the latest text names the latest revision.
  const Verdict latest = Ingest(MakePage("https://third.example.org/x/y", WireCopy(r2), 4000));
  EXPECT_EQ(latest.kind, VerdictKind::kDuplicate);
  EXPECT_EQ(latest.of, first.article);
  EXPECT_EQ(latest.of_revision, 2u);
  // An unrelated article stays new.
  EXPECT_EQ(Ingest(MakePage("https://fourth.example.net/z", MakeArticle(52), 5000)).kind,
            VerdictKind::kNew);
}

TEST_F(StoreTest, SmallEditsAfterARewriteKeepBothTextsFindable) {
  // r1, then a rewrite, then small edits: both the first text and the
  // rewrite are found; the small edits add no kept text of their own.
  Article a = MakeArticle(53);
  const Verdict first = Ingest(MakePage(kUrlA, a));
  const Article r1 = a;
  a = Rewritten(a, 54);
  Ingest(MakePage(kUrlA, a, 2000));
  const Article r2 = a;
  for (int i = 0; i < 6; ++i) {
    a.blocks[9].text += " Update " + std::to_string(i) + ".";
    ASSERT_EQ(Ingest(MakePage(kUrlA, a, 3000 + i)).kind, VerdictKind::kUpdated);
  }
  a = Rewritten(a, 55);  // a third text
  Ingest(MakePage(kUrlA, a, 4000));
  auto c1 = store_->Check(MakePage(kCopyUrl, WireCopy(r1)));
  ASSERT_TRUE(c1.ok());
  EXPECT_EQ(c1->kind, VerdictKind::kDuplicate);
  EXPECT_EQ(c1->of, first.article);
  EXPECT_EQ(c1->of_revision, 1u);
  auto c2 = store_->Check(MakePage(kCopyUrl, WireCopy(r2)));
  ASSERT_TRUE(c2.ok());
  EXPECT_EQ(c2->kind, VerdictKind::kDuplicate);
  EXPECT_EQ(c2->of, first.article);
  EXPECT_GE(c2->of_revision, 2u);
  EXPECT_LE(c2->of_revision, 8u);
}

// Raw LMDB access to a closed store's files.
class RawStore {
 public:
  RawStore(const std::string& dir, bool write) {
    EXPECT_EQ(mdb_env_create(&env_), 0);
    EXPECT_EQ(mdb_env_set_maxdbs(env_, 64), 0);
    EXPECT_EQ(mdb_env_open(env_, dir.c_str(), write ? 0u : MDB_RDONLY, 0644), 0);
    EXPECT_EQ(mdb_txn_begin(env_, nullptr, write ? 0u : MDB_RDONLY, &txn_), 0);
  }
  ~RawStore() {
    if (txn_ != nullptr) mdb_txn_abort(txn_);
    mdb_env_close(env_);
  }
  MDB_dbi Db(const char* name) {
    MDB_dbi dbi = 0;
    EXPECT_EQ(mdb_dbi_open(txn_, name, 0, &dbi), 0) << name;
    return dbi;
  }
  // Every (key, value) of a database, duplicates included.
  std::vector<std::pair<std::string, std::string>> All(const char* name) {
    std::vector<std::pair<std::string, std::string>> out;
    MDB_cursor* cur = nullptr;
    EXPECT_EQ(mdb_cursor_open(txn_, Db(name), &cur), 0);
    MDB_val k{}, v{};
    for (int rc = mdb_cursor_get(cur, &k, &v, MDB_FIRST); rc == 0;
         rc = mdb_cursor_get(cur, &k, &v, MDB_NEXT)) {
      out.emplace_back(std::string(static_cast<const char*>(k.mv_data), k.mv_size),
                       std::string(static_cast<const char*>(v.mv_data), v.mv_size));
    }
    mdb_cursor_close(cur);
    return out;
  }
  void Put(const char* name, const std::string& key, const std::string& value) {
    MDB_val k{key.size(), const_cast<char*>(key.data())};
    MDB_val v{value.size(), const_cast<char*>(value.data())};
    EXPECT_EQ(mdb_put(txn_, Db(name), &k, &v, 0), 0);
  }
  void Del(const char* name, const std::string& key, const std::string& value) {
    MDB_val k{key.size(), const_cast<char*>(key.data())};
    MDB_val v{value.size(), const_cast<char*>(value.data())};
    EXPECT_EQ(mdb_del(txn_, Db(name), &k, &v), 0);
  }
  void Commit() {
    EXPECT_EQ(mdb_txn_commit(txn_), 0);
    txn_ = nullptr;
  }

 private:
  MDB_env* env_ = nullptr;
  MDB_txn* txn_ = nullptr;
};

// A candidate key's ndi_sk entry (index/near_duplicate_index.h): key = low
// 8 bits, value = high 24 bits and the 5-byte id, big-endian.
std::pair<std::string, std::string> KeyEntry(uint32_t key, uint64_t id) {
  std::string k(1, static_cast<char>(key & 0xff)), v;
  for (int shift = 24; shift >= 8; shift -= 8) {
    v.push_back(static_cast<char>((key >> shift) & 0xff));
  }
  for (int shift = 32; shift >= 0; shift -= 8) v.push_back(static_cast<char>((id >> shift) & 0xff));
  return {k, v};
}

using KeyPairs = std::set<std::pair<std::string, std::string>>;

// The index's (key, id) entries, and those the article records call for.
void IndexAndRecordKeys(const std::string& dir, KeyPairs* index, KeyPairs* records) {
  RawStore raw(dir, /*write=*/false);
  for (auto& kv : raw.All("ndi_sk")) index->insert(std::move(kv));
  for (const auto& [k, v] : raw.All("articles")) {
    auto rec = internal::ArticleRecord::Decode(v);
    ASSERT_TRUE(rec.ok()) << rec.status().ToString();
    for (uint32_t key : internal::ArticleKeys(*rec)) {
      records->insert(KeyEntry(key, internal::DecodeFixed64BE(k.data())));
    }
  }
}

void ExpectIndexMatchesRecords(const std::string& dir) {
  KeyPairs index, records;
  IndexAndRecordKeys(dir, &index, &records);
  EXPECT_FALSE(index.empty());
  EXPECT_EQ(index, records) << "every key points at an article text, every text has its keys";
}

// Turns a closed store into one written before earlier texts were kept:
// schema 1, format 2 article records, the latest text's keys only.
void DowngradeToSchema1(const std::string& dir) {
  RawStore raw(dir, /*write=*/true);
  for (const auto& [k, v] : raw.All("articles")) {
    auto rec = internal::ArticleRecord::Decode(v);
    ASSERT_TRUE(rec.ok());
    const std::vector<uint32_t> all = internal::ArticleKeys(*rec);
    rec->earlier.clear();
    const std::vector<uint32_t> latest = internal::ArticleKeys(*rec);
    for (uint32_t key : all) {
      if (std::find(latest.begin(), latest.end(), key) != latest.end()) continue;
      const auto [ek, ev] = KeyEntry(key, internal::DecodeFixed64BE(k.data()));
      raw.Del("ndi_sk", ek, ev);
    }
    std::string bytes = rec->Encode();
    bytes[0] = 2;
    bytes.pop_back();  // the empty earlier list
    raw.Put("articles", k, bytes);
  }
  for (const auto& [k, v] : raw.All("meta")) {
    if (k != "schema") continue;
    std::string old = v;
    old[16] = 1;  // "libdiff-store" then the big-endian u32 version
    raw.Put("meta", k, old);
  }
  raw.Commit();
}

uint32_t SchemaVersion(const std::string& dir) {
  RawStore raw(dir, /*write=*/false);
  for (const auto& [k, v] : raw.All("meta")) {
    if (k == "schema") return internal::DecodeFixed32BE(v.data() + 13);
  }
  return 0;
}

TEST_F(StoreTest, SchemaOneStoreIsUpgradedAndFindsCopiesOfEarlierTexts) {
  const Article r1 = MakeArticle(56);
  const Verdict first = Ingest(MakePage(kUrlA, r1));
  const Article r2 = Rewritten(r1, 57);
  Ingest(MakePage(kUrlA, r2, 2000));
  Ingest(MakePage("https://example.com/other", MakeArticle(58), 2500));
  store_.reset();
  const std::string dir = dir_.path() + "/store";
  DowngradeToSchema1(dir);
  ASSERT_EQ(SchemaVersion(dir), 1u);

  // Read-only, the old store reads as it is: no earlier texts yet.
  StoreOptions read_only;
  read_only.read_only = true;
  {
    auto ro = Store::Open(read_only, dir);
    ASSERT_TRUE(ro.ok()) << ro.status().ToString();
    auto r = (*ro)->ReadRevision(kUrlA, 1);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->blocks, r1.blocks);
    auto c = (*ro)->Check(MakePage(kCopyUrl, WireCopy(r1)));
    ASSERT_TRUE(c.ok()) << c.status().ToString();
    EXPECT_EQ(c->kind, VerdictKind::kNew);
  }
  ASSERT_EQ(SchemaVersion(dir), 1u);

  // The first writable open upgrades: revision 1 is kept and found.
  Reopen();
  const Verdict v = Ingest(MakePage(kCopyUrl, WireCopy(r1), 3000));
  EXPECT_EQ(v.kind, VerdictKind::kDuplicate);
  EXPECT_EQ(v.of, first.article);
  EXPECT_EQ(v.of_revision, 1u);
  store_.reset();
  EXPECT_EQ(SchemaVersion(dir), internal::kStoreSchemaVersion);
  ExpectIndexMatchesRecords(dir);
}

TEST_F(StoreTest, PruneForgetsRemovedTextsAndKeepsTheIndexConsistent) {
  const Article r1 = MakeArticle(70);
  const Verdict first = Ingest(MakePage(kUrlA, r1));
  Article a = Rewritten(r1, 71);
  Ingest(MakePage(kUrlA, a, 2000));
  const Article r2 = a;
  a = Rewritten(a, 72);
  Ingest(MakePage(kUrlA, a, 3000));
  Ingest(MakePage("https://example.com/other", MakeArticle(73), 3500));
  auto before = store_->Check(MakePage(kCopyUrl, WireCopy(r1)));
  ASSERT_TRUE(before.ok());
  EXPECT_EQ(before->kind, VerdictKind::kDuplicate);
  EXPECT_EQ(before->of_revision, 1u);
  store_.reset();
  const std::string dir = dir_.path() + "/store";
  ExpectIndexMatchesRecords(dir);
  Reopen();

  PruneOptions po;
  po.keep_revisions = 2;  // removes revision 1
  auto pr = store_->Prune(po);
  ASSERT_TRUE(pr.ok()) << pr.status().ToString();
  EXPECT_EQ(pr->revisions_removed, 1u);
  auto gone = store_->Check(MakePage(kCopyUrl, WireCopy(r1)));
  ASSERT_TRUE(gone.ok());
  EXPECT_EQ(gone->kind, VerdictKind::kNew);
  auto kept = store_->Check(MakePage(kCopyUrl, WireCopy(r2)));
  ASSERT_TRUE(kept.ok());
  EXPECT_EQ(kept->kind, VerdictKind::kDuplicate);
  EXPECT_EQ(kept->of, first.article);
  EXPECT_EQ(kept->of_revision, 2u);
  store_.reset();
  ExpectIndexMatchesRecords(dir);

  Reopen();
  ASSERT_TRUE(store_->Compact().ok());
  store_.reset();
  ExpectIndexMatchesRecords(dir);
}

TEST(EarlierRevisions, FirstIsKeptCoveredTextsAreNotAndTheListIsBounded) {
  const internal::VerifyOptions vo;
  auto fp = [](const Article& a, uint32_t revision) {
    std::vector<std::string> texts;
    for (const auto& b : a.blocks) texts.push_back(b.text);
    return internal::ToEarlier(FingerprintParagraphs(texts), revision);
  };
  std::vector<internal::EarlierFingerprint> kept;
  Article a = MakeArticle(60);
  internal::KeepSuperseded(&kept, fp(a, 1), fp(a, 2).exact, vo);
  EXPECT_TRUE(kept.empty()) << "the same body (a title change) is not kept";
  Article b = a;
  b.blocks[3].text += " One more sentence about the council.";
  internal::KeepSuperseded(&kept, fp(a, 1), fp(b, 2).exact, vo);
  ASSERT_EQ(kept.size(), 1u);  // the first text is an anchor
  EXPECT_EQ(kept[0].revision, 1u);
  internal::KeepSuperseded(&kept, fp(b, 2), Hash128{}, vo);
  EXPECT_EQ(kept.size(), 1u) << "covered by revision 1";
  for (uint32_t r = 3; r < 3 + internal::kMaxEarlier + 2; ++r) {
    internal::KeepSuperseded(&kept, fp(MakeArticle(60 + r), r), Hash128{}, vo);
  }
  ASSERT_EQ(kept.size(), internal::kMaxEarlier);
  EXPECT_EQ(kept.front().revision, 1u);
  EXPECT_EQ(kept.back().revision, 2 + internal::kMaxEarlier + 2);
  EXPECT_EQ(kept[1].revision, kept.back().revision - internal::kMaxEarlier + 2);
  // Too short to ever be a duplicate: not kept.
  std::vector<internal::EarlierFingerprint> none;
  Article tiny;
  tiny.blocks.push_back({BlockKind::kParagraph, "Subscribe to read."});
  internal::KeepSuperseded(&none, fp(tiny, 1), Hash128{}, vo);
  EXPECT_TRUE(none.empty());
}

TEST_F(StoreTest, SameSiteCopyInAnotherSectionIsASameSiteDuplicate) {
  const Article a = MakeArticle(8);
  const Verdict first = Ingest(MakePage("https://example.com/news/storm-coast", a));
  Verdict v = Ingest(MakePage("https://example.com/weather/storm-coast-live", a));
  EXPECT_EQ(v.kind, VerdictKind::kDuplicate);
  EXPECT_EQ(v.of, first.article);
  EXPECT_FALSE(v.cross_site);
  EXPECT_EQ(v.distance, 0);
}

TEST_F(StoreTest, SlugChangeIsTheSameArticleReportedAsAlias) {
  Article a = MakeArticle(9);
  a.blocks[0].text = "At least 10 people died when the storm reached the coast.";
  const Verdict first = Ingest(MakePage(kUrlA, a));
  Article b = a;
  b.blocks[0].text = "At least 14 people died when the storm reached the coast.";
  b.title = "Storm kills 14";
  Verdict v = Ingest(MakePage("https://news.example.com/2026/11/28/storm-kills-14", b));
  EXPECT_EQ(v.kind, VerdictKind::kUpdated);
  EXPECT_EQ(v.article, first.article);
  EXPECT_EQ(v.alias_of, kUrlA);
  // The new URL now names the article directly.
  Verdict again = Ingest(MakePage("https://news.example.com/2026/11/28/storm-kills-14", b));
  EXPECT_EQ(again.kind, VerdictKind::kUnchanged);
  EXPECT_TRUE(again.alias_of.empty());
  auto h = store_->History(kUrlA);
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(h->urls.size(), 2u);
}

TEST_F(StoreTest, SameSiteCanonicalJoinsTheArticleOffSiteCanonicalDoesNot) {
  Article a = MakeArticle(10);
  const Verdict first = Ingest(MakePage("https://example.com/news/storm", a));
  Article print = a;
  print.canonical_url = "https://example.com/news/storm";
  Verdict v = Ingest(MakePage("https://example.com/print?story=883", print));
  EXPECT_EQ(v.kind, VerdictKind::kUnchanged);
  EXPECT_EQ(v.article, first.article);
  EXPECT_EQ(v.alias_of, "https://example.com/news/storm");
  Article foreign = MakeArticle(11);
  foreign.canonical_url = "https://example.com/news/storm";  // claims another site's URL
  Verdict w = Ingest(MakePage("https://spam.example.net/copy", foreign));
  EXPECT_EQ(w.kind, VerdictKind::kNew);
  EXPECT_NE(w.article, first.article);
}

TEST_F(StoreTest, CopyWithOtherParagraphBreaksIsADuplicate) {
  // Another site's template split the story's paragraphs elsewhere and added
  // a dateline: no paragraph hash is shared, the shingles are.
  const Article a = MakeArticle(31);
  const Verdict first = Ingest(MakePage(kUrlA, a));
  std::string all;
  for (const Block& b : a.blocks) all += (all.empty() ? "" : " ") + b.text;
  Article copy = a;
  copy.blocks.clear();
  std::string chunk = "NEW YORK (Wire) -";
  for (size_t at = 0; at < all.size();) {
    size_t end = all.find(' ', at + 300);
    if (end == std::string::npos) end = all.size();
    chunk += " " + all.substr(at, end - at);
    copy.blocks.push_back({BlockKind::kParagraph, chunk});
    chunk.clear();
    at = end + 1;
  }
  ASSERT_NE(copy.blocks.size(), a.blocks.size());
  Verdict v = Ingest(MakePage("https://wire.example.net/story/31", copy));
  EXPECT_EQ(v.kind, VerdictKind::kDuplicate);
  EXPECT_EQ(v.of, first.article);
  EXPECT_GT(v.similarity, 0.7);
  EXPECT_LT(v.similarity, 1.0);
}

TEST_F(StoreTest, SharedTemplateOrShortTextIsNotADuplicate) {
  const std::string boiler1 =
      "Sign up for our morning newsletter to get the day's top stories from the city, the region "
      "and the world delivered to your inbox every weekday before breakfast.";
  const std::string boiler2 =
      "Our journalism depends on readers like you: subscribe today for unlimited access to every "
      "story, the daily puzzle, the archive and the weekend magazine.";
  Article a = MakeArticle(12, 4);
  Article b = MakeArticle(13, 4);
  for (Article* x : {&a, &b}) {
    x->blocks.push_back({BlockKind::kParagraph, boiler1});
    x->blocks.push_back({BlockKind::kParagraph, boiler2});
  }
  EXPECT_EQ(Ingest(MakePage("https://example.com/news/one", a)).kind, VerdictKind::kNew);
  EXPECT_EQ(Ingest(MakePage("https://example.com/news/two", b)).kind, VerdictKind::kNew);
  Article s;
  s.title = "Subscribe";
  s.blocks = {{BlockKind::kParagraph, "Subscribe to read this story."}};
  EXPECT_EQ(Ingest(MakePage("https://example.com/news/three", s)).kind, VerdictKind::kNew);
  EXPECT_EQ(Ingest(MakePage("https://other.org/four", s)).kind, VerdictKind::kNew);
}

TEST_F(StoreTest, PageWithoutBodyIsSkippedAndNotStored) {
  Article empty;
  empty.empty_reason = "consent wall";
  Verdict v = Ingest(MakePage(kUrlA, empty));
  EXPECT_EQ(v.kind, VerdictKind::kSkipped);
  EXPECT_EQ(v.reason, "consent wall");
  EXPECT_EQ(Stats().revisions, 0u);
  EXPECT_TRUE(store_->History(kUrlA).status().IsNotFound());
}

TEST_F(StoreTest, BadUrlIsInvalidArgument) {
  EXPECT_TRUE(store_->Ingest(MakePage("not a url", MakeArticle(1))).status().IsInvalidArgument());
  EXPECT_TRUE(
      store_->Check(MakePage("ftp://x.org/a", MakeArticle(1))).status().IsInvalidArgument());
}

TEST_F(StoreTest, CheckAnswersWithoutWriting) {
  const Article a = MakeArticle(14);
  Verdict c = *store_->Check(MakePage(kUrlA, a));
  EXPECT_EQ(c.kind, VerdictKind::kNew);
  EXPECT_EQ(c.article, 0u);
  EXPECT_EQ(Stats().articles, 0u);
  Ingest(MakePage(kUrlA, a));
  Article b = a;
  b.blocks[2].text = "Completely rewritten paragraph about the recovery effort.";
  Verdict u = *store_->Check(MakePage(kUrlA, b));
  EXPECT_EQ(u.kind, VerdictKind::kUpdated);
  EXPECT_EQ(u.revision, 2u);
  EXPECT_EQ(Stats().revisions, 1u);
  EXPECT_EQ(Ingest(MakePage(kUrlA, b)).kind, VerdictKind::kUpdated);
  Verdict d = *store_->Check(MakePage("https://elsewhere.org/x", b));
  EXPECT_EQ(d.kind, VerdictKind::kDuplicate);
}

TEST_F(StoreTest, BatchIsOneTransactionAllOrNothing) {
  const Article a = MakeArticle(15), b = MakeArticle(16);
  auto ok = store_->IngestBatch({MakePage(kUrlA, a), MakePage("https://example.com/b", b),
                                 MakePage(kUrlA, a)});
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  ASSERT_EQ(ok->size(), 3u);
  EXPECT_EQ((*ok)[0].kind, VerdictKind::kNew);
  EXPECT_EQ((*ok)[1].kind, VerdictKind::kNew);
  EXPECT_EQ((*ok)[2].kind, VerdictKind::kUnchanged);
  auto bad = store_->IngestBatch({MakePage("https://example.com/c", MakeArticle(17)),
                                  MakePage("bad url", MakeArticle(18))});
  EXPECT_FALSE(bad.ok());
  EXPECT_TRUE(store_->History("https://example.com/c").status().IsNotFound());
  EXPECT_EQ(Stats().articles, 2u);
}

TEST_F(StoreTest, LongRevisionChainsReadBackByteExact) {
  StoreOptions options;
  options.keyframe_interval = 8;
  Reopen(options);
  std::vector<Article> versions;
  Article a = MakeArticle(20);
  std::mt19937 rng(5);
  for (int i = 0; i < 60; ++i) {
    const size_t p = rng() % a.blocks.size();
    a.blocks[p].text += " " + testing::Sentence(&rng);
    if (i % 7 == 3) a.blocks.erase(a.blocks.begin() + static_cast<long>(rng() % a.blocks.size()));
    if (i % 5 == 1) a.title = "Headline " + std::to_string(i);
    versions.push_back(a);
    Verdict v = Ingest(MakePage(kUrlA, a, 1000 + i));
    ASSERT_EQ(v.revision, static_cast<uint32_t>(i + 1));
  }
  for (uint32_t r = 1; r <= versions.size(); ++r) {
    auto got = store_->ReadRevision(kUrlA, r);
    ASSERT_TRUE(got.ok()) << got.status().ToString();
    EXPECT_EQ(*got, versions[r - 1]) << "revision " << r;
  }
  auto h = store_->History(kUrlA);
  ASSERT_TRUE(h.ok());
  int keyframes = 0;
  for (const auto& info : h->revisions) keyframes += info.keyframe ? 1 : 0;
  EXPECT_GE(keyframes, 60 / 8);
  EXPECT_LE(keyframes, 60 / 8 + 1);
  // A revert (stored as a reference to revision 41), then History decodes
  // every revision's title through keyframes, deltas and the reference.
  versions.push_back(versions[40]);
  Verdict revert = Ingest(MakePage(kUrlA, versions.back(), 2000));
  ASSERT_EQ(revert.revision, 61u);
  EXPECT_EQ(revert.reverted_to, 41u);
  h = store_->History(kUrlA);
  ASSERT_TRUE(h.ok());
  ASSERT_EQ(h->revisions.size(), versions.size());
  EXPECT_EQ(h->revisions.back().same_as, 41u);
  for (size_t i = 0; i < versions.size(); ++i) {
    EXPECT_EQ(h->revisions[i].title, versions[i].title) << "revision " << i + 1;
  }
  Reopen(options);  // and after reopening
  auto latest = store_->ReadRevision(kUrlA, 0);
  ASSERT_TRUE(latest.ok());
  EXPECT_EQ(*latest, versions.back());
}

TEST_F(StoreTest, PruneKeepsLatestRevisionsDecodable) {
  std::vector<Article> versions;
  Article a = MakeArticle(21);
  for (int i = 0; i < 10; ++i) {
    a.blocks[static_cast<size_t>(i % 5)].text += " Update " + std::to_string(i) + ".";
    versions.push_back(a);
    Ingest(MakePage(kUrlA, a, 1000 + i * 100));
  }
  PruneOptions po;
  po.keep_revisions = 3;
  auto pr = store_->Prune(po);
  ASSERT_TRUE(pr.ok()) << pr.status().ToString();
  EXPECT_EQ(pr->revisions_removed, 7u);
  EXPECT_EQ(pr->articles_touched, 1u);
  EXPECT_TRUE(store_->ReadRevision(kUrlA, 7).status().IsNotFound());
  for (uint32_t r = 8; r <= 10; ++r) {
    auto got = store_->ReadRevision(kUrlA, r);
    ASSERT_TRUE(got.ok()) << got.status().ToString();
    EXPECT_EQ(*got, versions[r - 1]);
  }
  EXPECT_EQ(Stats().revisions, 3u);
  po = PruneOptions();
  po.older_than = 1950;  // removes revision 9 (fetched 1800); keeps the latest
  pr = store_->Prune(po);
  ASSERT_TRUE(pr.ok());
  EXPECT_EQ(pr->revisions_removed, 2u);
  auto last = store_->ReadRevision(kUrlA, 10);
  ASSERT_TRUE(last.ok());
  EXPECT_EQ(*last, versions[9]);
  // Updates continue after pruning.
  a.title = "After prune";
  EXPECT_EQ(Ingest(MakePage(kUrlA, a, 9000)).revision, 11u);
}

TEST_F(StoreTest, CompactKeepsDataAndShrinksTheFile) {
  for (unsigned i = 0; i < 50; ++i) {
    Ingest(MakePage("https://example.com/n/" + std::to_string(i), MakeArticle(100 + i)));
  }
  PruneOptions po;
  po.keep_revisions = 1;
  ASSERT_TRUE(store_->Prune(po).ok());
  auto c = store_->Compact();
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_LE(c->bytes_after, c->bytes_before);
  auto got = store_->ReadRevision("https://example.com/n/7", 1);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(got->blocks, MakeArticle(107).blocks);
  EXPECT_EQ(Ingest(MakePage("https://example.com/n/7", MakeArticle(107))).kind,
            VerdictKind::kUnchanged);
}

TEST_F(StoreTest, TinyMapGrowsWhileIngesting) {
  StoreOptions options;
  options.initial_map_size = 1 << 20;
  options.keep_raw_html = true;
  Reopen(options);
  std::vector<Page> batch;
  for (unsigned i = 0; i < 200; ++i) {
    Page p = MakePage("https://example.com/g/" + std::to_string(i), MakeArticle(300 + i));
    std::mt19937 rng(i);
    for (int k = 0; k < 200; ++k) p.html += testing::Sentence(&rng);
    batch.push_back(std::move(p));
  }
  auto v = store_->IngestBatch(batch);
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  const StoreStats s = Stats();
  EXPECT_EQ(s.articles, 200u);
  EXPECT_GT(s.map_size, size_t{1} << 20);
  auto html = store_->ReadRawHtml("https://example.com/g/42", 0);
  ASSERT_TRUE(html.ok()) << html.status().ToString();
  EXPECT_EQ(*html, batch[42].html);
}

TEST_F(StoreTest, RawHtmlIsNotKeptByDefault) {
  Page p = MakePage(kUrlA, MakeArticle(30));
  p.html = "<html>...</html>";
  Ingest(p);
  EXPECT_TRUE(store_->ReadRawHtml(kUrlA, 1).status().IsNotFound());
  EXPECT_EQ(Stats().raw_html_bytes, 0u);
}

TEST_F(StoreTest, OtherFingerprintParametersAreRefused) {
  Ingest(MakePage(kUrlA, MakeArticle(31)));
  store_.reset();
  StoreOptions options;
  options.fingerprint.shingle_size = 4;
  auto s = Store::Open(options, dir_.path() + "/store");
  ASSERT_FALSE(s.ok());
  EXPECT_TRUE(s.status().IsInvalidArgument());
  EXPECT_NE(s.status().message().find("shingle size"), std::string::npos) << s.status().message();
  options = StoreOptions();
  options.max_distance = 5;
  EXPECT_TRUE(Store::Open(options, dir_.path() + "/store").status().IsInvalidArgument());
}

TEST_F(StoreTest, ReadOnlyStoreReadsButRefusesWrites) {
  Ingest(MakePage(kUrlA, MakeArticle(32)));
  StoreOptions options;
  options.read_only = true;
  auto ro = Store::Open(options, dir_.path() + "/store");
  ASSERT_TRUE(ro.ok()) << ro.status().ToString();
  EXPECT_TRUE((*ro)->ReadRevision(kUrlA, 1).ok());
  EXPECT_EQ((*ro)->Check(MakePage(kUrlA, MakeArticle(32)))->kind, VerdictKind::kUnchanged);
  EXPECT_TRUE((*ro)->Ingest(MakePage(kUrlA, MakeArticle(33))).status().IsInvalidArgument());
  EXPECT_TRUE(Store::Open(options, dir_.path() + "/missing").status().IsNotFound());
}

TEST_F(StoreTest, ReadersRunConcurrentlyWithTheWriter) {
  Ingest(MakePage(kUrlA, MakeArticle(40)));
  std::atomic<bool> done{false};
  std::atomic<int> errors{0}, reads{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 3; ++t) {
    readers.emplace_back([&] {
      while (!done.load()) {
        auto a = store_->ReadRevision(kUrlA, 0);
        auto s = store_->Stats();
        if (!a.ok() || !s.ok() || a->blocks.empty()) ++errors;
        ++reads;
      }
    });
  }
  Article a = MakeArticle(40);
  for (int i = 0; i < 100; ++i) {
    a.blocks[0].text += " More " + std::to_string(i) + ".";
    Ingest(MakePage(kUrlA, a));
    Ingest(MakePage("https://example.com/c/" + std::to_string(i),
                    MakeArticle(500u + static_cast<unsigned>(i))));
  }
  done = true;
  for (auto& t : readers) t.join();
  EXPECT_EQ(errors.load(), 0);
  EXPECT_GT(reads.load(), 0);
  EXPECT_EQ(store_->ReadRevision(kUrlA, 0)->blocks[0].text, a.blocks[0].text);
}

}  // namespace
}  // namespace libdiff
