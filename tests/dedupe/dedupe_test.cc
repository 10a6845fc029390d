// Copyright 2026 The libdiff Authors.
#include "libdiff/dedupe.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "dedupe/corpus_util.h"
#include "dedupe/saturated_copy.h"
#include "libdiff/store.h"

namespace libdiff {
namespace {

using dedupe_test::Gzip;
using dedupe_test::JoinText;
using dedupe_test::MakeArticle;
using dedupe_test::MakeHtml;
using dedupe_test::Paragraphs;
using dedupe_test::TempDir;
using dedupe_test::WriteFile;

// Clusters as sets of paths (representative first in each), for comparisons.
std::vector<std::vector<std::string>> Groups(const DedupeResult& r) {
  std::vector<std::vector<std::string>> out;
  for (const auto& c : r.clusters) {
    std::vector<std::string> g{c.representative.path};
    for (const auto& m : c.members) g.push_back(m.path);
    out.push_back(g);
  }
  return out;
}

// Everything the output formats print, flattened.
std::string Fingerprint(const DedupeResult& r) {
  std::string s;
  for (const auto& c : r.clusters) {
    s += "C " + c.representative.path + " " + c.representative.published + "\n";
    for (const auto& m : c.members) {
      s += "  " + m.path + " " + std::to_string(m.distance) + " " + std::to_string(m.similarity) +
           (m.exact ? " exact" : "") + "\n";
    }
  }
  s += std::to_string(r.documents) + " " + std::to_string(r.duplicates) + " " +
       std::to_string(r.skipped.size());
  return s;
}

// A small mixed corpus: originals, a dateline copy, a dropped-paragraph copy,
// an exact copy, and distinct articles.
void WriteMixedCorpus(const std::string& root) {
  const Paragraphs a = MakeArticle(1);
  Paragraphs a_dateline = a;
  a_dateline[0] = "WASHINGTON (AP) -- " + a_dateline[0];
  Paragraphs a_dropped = a;
  a_dropped.pop_back();
  WriteFile(root + "/site1/a.txt", JoinText(a));
  WriteFile(root + "/site2/a-dateline.txt", JoinText(a_dateline));
  WriteFile(root + "/site3/deep/a-dropped.txt", JoinText(a_dropped));
  WriteFile(root + "/site4/a-copy.txt", JoinText(a));
  for (uint32_t i = 0; i < 6; ++i) {
    WriteFile(root + "/site1/other" + std::to_string(i) + ".txt", JoinText(MakeArticle(100 + i)));
  }
}

TEST(DedupeDirectory, MissingDirectoryIsNotFound) {
  auto r = DedupeDirectory("/nonexistent/dedupe/dir");
  EXPECT_TRUE(r.status().IsNotFound()) << r.status().ToString();
}

TEST(DedupeDirectory, RejectsDistanceOutOfRange) {
  TempDir dir;
  DedupeOptions o;
  o.max_distance = 8;
  EXPECT_TRUE(DedupeDirectory(dir.path(), o).status().IsInvalidArgument());
}

TEST(DedupeDirectory, EmptyDirectoryHasNoClusters) {
  TempDir dir;
  auto r = DedupeDirectory(dir.path());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->documents, 0u);
  EXPECT_TRUE(r->clusters.empty());
}

TEST(DedupeDirectory, ClustersCopiesAndKeepsDistinctArticlesApart) {
  TempDir dir;
  WriteMixedCorpus(dir.path());
  DedupeOptions o;
  o.threads = 2;
  auto r = DedupeDirectory(dir.path(), o);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->documents, 10u);
  const auto groups = Groups(*r);
  ASSERT_EQ(groups.size(), 1u) << Fingerprint(*r);
  const std::set<std::string> got(groups[0].begin(), groups[0].end());
  EXPECT_EQ(got, (std::set<std::string>{"site1/a.txt", "site2/a-dateline.txt",
                                        "site3/deep/a-dropped.txt", "site4/a-copy.txt"}));
  EXPECT_EQ(r->duplicates, 3u);
  EXPECT_EQ(r->exact_duplicates, 1u);  // a-copy.txt repeats a.txt
  // No dates: the longest body (the dateline copy) represents the cluster;
  // distances and similarities are relative to it, so nothing is "exact".
  EXPECT_EQ(r->clusters[0].representative.path, "site2/a-dateline.txt");
  for (const auto& m : r->clusters[0].members) {
    EXPECT_LT(m.similarity, 1.0);
    EXPECT_GT(m.similarity, 0.6);
  }
}

TEST(DedupeDirectory, CopyWhoseSharedFiledKeyIsSaturatedIsFoundByItsQueryKeys) {
  // The store's rule in path order: the copy (last) looks the original
  // (first) up under its query keys. Fails with kQueryKeys = kSketchKeys.
  libdiff::testing::SaturatedCopy fx;
  ASSERT_TRUE(libdiff::testing::MakeSaturatedCopy(&fx));
  TempDir dir;
  WriteFile(dir.path() + "/a/original.txt", fx.original);
  for (size_t k = 0; k < fx.fillers.size(); ++k) {
    WriteFile(dir.path() + "/b/filler-" + std::to_string(1000 + k) + ".txt", fx.fillers[k]);
  }
  WriteFile(dir.path() + "/c/copy.txt", fx.copy);
  std::string first;
  for (int threads : {1, 3}) {
    DedupeOptions o;
    o.threads = threads;
    auto r = DedupeDirectory(dir.path(), o);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    bool found = false;
    for (const auto& g : Groups(*r)) {
      const std::set<std::string> got(g.begin(), g.end());
      found = found || (got.count("a/original.txt") && got.count("c/copy.txt"));
    }
    EXPECT_TRUE(found) << Fingerprint(*r);
    if (first.empty()) first = Fingerprint(*r);
    EXPECT_EQ(first, Fingerprint(*r));
  }
}

TEST(DedupeDirectory, ShortIdenticalTextsAreNotDuplicates) {
  TempDir dir;
  WriteFile(dir.path() + "/a.txt", "Subscribe to read the full story.\n");
  WriteFile(dir.path() + "/b.txt", "Subscribe to read the full story.\n");
  auto r = DedupeDirectory(dir.path());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->documents, 2u);
  EXPECT_TRUE(r->clusters.empty());
}

TEST(DedupeDirectory, OutputIsIdenticalForAnyThreadCountAndFileOrder) {
  // Two directories with the same files created in opposite orders.
  TempDir one, two;
  std::vector<std::pair<std::string, std::string>> files;
  for (uint32_t i = 0; i < 40; ++i) {
    Paragraphs p = MakeArticle(i % 13);  // copies of 13 stories
    if (i >= 13) p[i % p.size()] += " Updated.";
    if (i % 7 == 0) p.pop_back();
    files.emplace_back("d" + std::to_string(i % 5) + "/f" + std::to_string(i) + ".txt",
                       JoinText(p));
  }
  for (const auto& [name, text] : files) WriteFile(one.path() + "/" + name, text);
  for (auto it = files.rbegin(); it != files.rend(); ++it) {
    WriteFile(two.path() + "/" + it->first, it->second);
  }
  std::string reference;
  for (int threads : {1, 2, 3, 8}) {
    for (const std::string* root : {&one.path(), &two.path()}) {
      DedupeOptions o;
      o.threads = threads;
      o.queue_slots_per_thread = 1;
      auto r = DedupeDirectory(*root, o);
      ASSERT_TRUE(r.ok());
      const std::string f = Fingerprint(*r);
      if (reference.empty()) {
        reference = f;
        EXPECT_GE(r->clusters.size(), 10u) << f;
      }
      EXPECT_EQ(f, reference) << "threads=" << threads;
    }
  }
}

TEST(DedupeDirectory, RepresentativeIsEarliestPublished) {
  TempDir dir;
  const Paragraphs p = MakeArticle(7, 10);
  Paragraphs longer = p;
  longer.push_back(
      "An extra closing paragraph with several more words to make it longer than the rest.");
  WriteFile(dir.path() + "/a/late.html",
            MakeHtml("Storm hits coast", longer, "2024-03-02T10:00:00Z", "Alpha"));
  WriteFile(dir.path() + "/b/early.html",
            MakeHtml("Storm hits coast", p, "2024-03-01T23:30:00-05:00", "Beta"));
  WriteFile(dir.path() + "/c/undated.html", MakeHtml("Storm hits coast", p, "", "Gamma"));
  auto r = DedupeDirectory(dir.path());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->clusters.size(), 1u) << Fingerprint(*r);
  EXPECT_EQ(r->clusters[0].representative.path, "b/early.html");
  EXPECT_EQ(r->clusters[0].representative.published, "2024-03-02T04:30:00Z");
  EXPECT_EQ(r->clusters[0].members.size(), 2u);
}

TEST(DedupeDirectory, BadFilesAreCountedNotFatal) {
  TempDir dir;
  const std::string root = dir.path();
  const Paragraphs p = MakeArticle(3);
  WriteFile(root + "/good.html", MakeHtml("A story", p, "", "Site"));
  WriteFile(root + "/good-copy.html.gz", Gzip(MakeHtml("A story", p, "", "Other site")));
  WriteFile(root + "/image.png", std::string("\x89PNG\r\n\x1a\n\0\0\0", 11));
  WriteFile(root + "/notes.md", "# Just notes\n\nNothing to see.\n");
  WriteFile(root + "/bomb.html.gz", Gzip(std::string(size_t{3} << 20, ' ')));
  WriteFile(root + "/broken.gz", "\x1f\x8b garbage");
  WriteFile(root + "/empty.html", "");
  std::filesystem::create_directories(root + "/loop");
  std::filesystem::create_directory_symlink("..", root + "/loop/up");
  std::filesystem::create_symlink(root + "/nowhere.html", root + "/dangling.html");
  DedupeOptions o;
  o.max_decompressed_bytes = size_t{1} << 20;
  auto r = DedupeDirectory(root, o);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->documents, 2u);
  ASSERT_EQ(r->clusters.size(), 1u);
  EXPECT_EQ(r->not_html, 2u);     // image.png, notes.md
  EXPECT_EQ(r->too_large, 1u);    // bomb.html.gz
  EXPECT_EQ(r->symlink_loops, 1u);
  EXPECT_EQ(r->unreadable, 2u);   // broken.gz, dangling.html
  EXPECT_EQ(r->no_article, 1u);   // empty.html
  std::map<std::string, std::string> reasons;
  for (const auto& s : r->skipped) reasons[s.path] = s.reason;
  EXPECT_EQ(reasons["loop/up"], "symlink loop");
  EXPECT_EQ(reasons["bomb.html.gz"], "too large");
  EXPECT_EQ(reasons["dangling.html"], "unreadable");
  EXPECT_EQ(r->skipped.size(), 7u);
}

TEST(DedupeDirectory, UnreadableDirectoryIsCounted) {
  if (geteuid() == 0) GTEST_SKIP() << "root reads any directory";
  TempDir dir;
  WriteFile(dir.path() + "/closed/a.txt", JoinText(MakeArticle(1)));
  std::filesystem::permissions(dir.path() + "/closed", std::filesystem::perms::none);
  auto r = DedupeDirectory(dir.path());
  std::filesystem::permissions(dir.path() + "/closed", std::filesystem::perms::owner_all);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->unreadable, 1u);
  EXPECT_EQ(r->documents, 0u);
}

TEST(DedupeDirectory, ProgressEndsWithEveryFileDone) {
  TempDir dir;
  WriteMixedCorpus(dir.path());
  DedupeOptions o;
  o.progress_interval_ms = 10;
  std::vector<DedupeProgress> calls;
  o.progress = [&](const DedupeProgress& p) { calls.push_back(p); };
  auto r = DedupeDirectory(dir.path(), o);
  ASSERT_TRUE(r.ok());
  ASSERT_FALSE(calls.empty());
  EXPECT_TRUE(calls.back().walk_finished);
  EXPECT_EQ(calls.back().files_found, 10u);
  EXPECT_EQ(calls.back().files_done, 10u);
  EXPECT_GT(calls.back().bytes_done, 0u);
}

TEST(DedupeDirectory, StreamedClustersEqualTheKeptOnes) {
  TempDir dir;
  for (uint32_t i = 0; i < 24; ++i) {
    Paragraphs p = MakeArticle(i % 6);
    if (i >= 6) p[i % p.size()] += " Corrected.";
    WriteFile(dir.path() + "/s" + std::to_string(i % 3) + "/p" + std::to_string(i) + ".txt",
              JoinText(p));
  }
  auto kept = DedupeDirectory(dir.path());
  ASSERT_TRUE(kept.ok());
  ASSERT_GE(kept->clusters.size(), 5u) << Fingerprint(*kept);
  EXPECT_EQ(kept->cluster_count, kept->clusters.size());

  DedupeOptions o;
  DedupeResult streamed_view;  // the streamed clusters, for the same comparison
  o.on_cluster = [&](const DedupeCluster& c) { streamed_view.clusters.push_back(c); };
  auto streamed = DedupeDirectory(dir.path(), o);
  ASSERT_TRUE(streamed.ok());
  EXPECT_TRUE(streamed->clusters.empty());
  EXPECT_EQ(streamed->cluster_count, kept->clusters.size());
  EXPECT_EQ(streamed->duplicates, kept->duplicates);
  EXPECT_EQ(streamed->exact_duplicates, kept->exact_duplicates);
  streamed_view.documents = streamed->documents;
  streamed_view.duplicates = streamed->duplicates;
  streamed_view.skipped = streamed->skipped;
  EXPECT_EQ(Fingerprint(streamed_view), Fingerprint(*kept));
}

TEST(DedupeDirectory, PathOrderIsByteOrderAcrossDirectories) {
  // '-' < '.' < '/' < '0': a directory's files sort between its siblings by
  // the '/' after its name, not before or after all of them.
  TempDir dir;
  const std::string text = JoinText(MakeArticle(3));
  for (const char* name : {"x0.txt", "x/y.txt", "x.txt", "x-a.txt", "x/a/z.txt"}) {
    WriteFile(dir.path() + "/" + name, text);
  }
  auto r = DedupeDirectory(dir.path());
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->clusters.size(), 1u);
  // Same text, no dates, same length: the first path in byte order represents.
  EXPECT_EQ(r->clusters[0].representative.path, "x-a.txt");
  std::vector<std::string> members;
  for (const auto& m : r->clusters[0].members) members.push_back(m.path);
  EXPECT_EQ(members, (std::vector<std::string>{"x.txt", "x/a/z.txt", "x/y.txt", "x0.txt"}));
}

TEST(DedupeDirectory, StoreFilesEveryDocumentOnceInPathOrderForAnyThreadCount) {
  TempDir dir, stores;
  for (uint32_t i = 0; i < 30; ++i) {
    Paragraphs p = MakeArticle(i % 10);
    if (i >= 10) p[i % p.size()] += " Updated later.";
    WriteFile(dir.path() + "/d" + std::to_string(i % 4) + "/f" + std::to_string(i) + ".txt",
              JoinText(p));
  }
  // Two copies of one HTML page under one canonical URL: one article in the
  // store, one cluster however far apart their texts are.
  WriteFile(dir.path() + "/html/one.html",
            "<html><head><link rel=canonical href='https://news.example/one'></head><body>"
            "<article><p>" + JoinText(MakeArticle(50)) + "</p></article></body></html>");
  WriteFile(dir.path() + "/html/two.html",
            "<html><head><link rel=canonical href='https://news.example/one'></head><body>"
            "<article><p>" + JoinText(MakeArticle(51)) + "</p></article></body></html>");
  WriteFile(dir.path() + "/notes.bin", std::string("\0\1binary", 8));
  const auto plain = DedupeDirectory(dir.path());
  ASSERT_TRUE(plain.ok());
  std::string reference;
  uint64_t articles = 0;
  int run = 0;
  for (int threads : {1, 3}) {
    for (size_t batch : {size_t{1}, size_t{4}, size_t{256}}) {
      StoreOptions so;
      auto store = Store::Open(so, stores.path() + "/s" + std::to_string(run++));
      ASSERT_TRUE(store.ok()) << store.status().ToString();
      DedupeOptions o;
      o.threads = threads;
      o.queue_slots_per_thread = 1;
      o.store = store->get();
      o.store_batch = batch;
      auto r = DedupeDirectory(dir.path(), o);
      ASSERT_TRUE(r.ok()) << r.status().ToString();
      EXPECT_EQ(r->documents, 32u);
      EXPECT_EQ(r->store_errors, 0u);
      auto stats = (*store)->Stats();
      ASSERT_TRUE(stats.ok());
      if (reference.empty()) {
        reference = Fingerprint(*r);
        articles = stats->articles;
        // The canonical URL joined the two unrelated HTML texts.
        EXPECT_EQ(r->clusters.size(), plain->clusters.size() + 1) << reference;
        EXPECT_LT(articles, 32u);
        EXPECT_GE(articles, 10u);
      }
      EXPECT_EQ(Fingerprint(*r), reference) << "threads " << threads << " batch " << batch;
      EXPECT_EQ(stats->articles, articles) << "threads " << threads << " batch " << batch;
      // Every document is in the store, each once: 32 pages' worth of URLs.
      EXPECT_EQ(stats->urls, 31u) << "two pages share one canonical URL";
      // A second run over the same store gives the same clusters.
      auto again = DedupeDirectory(dir.path(), o);
      ASSERT_TRUE(again.ok());
      EXPECT_EQ(Fingerprint(*again), reference);
    }
  }
}

TEST(DedupeDirectory, AFullStoreIsAClearErrorNotAHang) {
  TempDir dir, stores;
  for (uint32_t i = 0; i < 400; ++i) {
    WriteFile(dir.path() + "/p" + std::to_string(i) + ".txt", JoinText(MakeArticle(1000 + i, 30)));
  }
  StoreOptions so;
  so.initial_map_size = size_t{1} << 20;
  so.max_map_size = size_t{1} << 20;  // far too small for 400 articles
  auto store = Store::Open(so, stores.path() + "/full");
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  for (int threads : {1, 2}) {
    DedupeOptions o;
    o.threads = threads;
    o.queue_slots_per_thread = 1;
    o.store = store->get();
    o.store_batch = 8;
    auto r = DedupeDirectory(dir.path(), o);
    ASSERT_FALSE(r.ok());
    EXPECT_TRUE(r.status().IsResourceExhausted()) << r.status().ToString();
    EXPECT_NE(r.status().message().find("ingesting into the store"), std::string::npos)
        << r.status().ToString();
  }
}

// Two copies of one story as undated HTML pages (the second, with a
// dateline, is longer): without URLs the longer one represents.
void WriteUndatedCopies(const std::string& root) {
  const Paragraphs a = MakeArticle(7, 9);
  Paragraphs copy = a;
  copy[0] = "LONDON (Wire) -- " + copy[0];
  WriteFile(root + "/a.html", MakeHtml("Storm", a, "", "Alpha"));
  WriteFile(root + "/b.html", MakeHtml("Storm", copy, "", "Beta"));
}

TEST(DedupePages, ListedPagesAreExtractedWithTheirUrls) {
  TempDir dir;
  WriteUndatedCopies(dir.path());
  auto plain = DedupeInputs({dir.path()});
  ASSERT_TRUE(plain.ok());
  ASSERT_EQ(plain->clusters.size(), 1u);
  EXPECT_EQ(plain->clusters[0].representative.path, "b.html");  // the longer one
  EXPECT_EQ(plain->clusters[0].representative.published, "");
  // The URLs date the pages (the extractor reads a date in a URL's path):
  // the earlier, a.html, now represents.
  const std::vector<DedupePage> pages = {
      {"https://beta.example/2024/03/05/storm", dir.path() + "/b.html", 0},
      {"https://alpha.example/2024/03/01/storm", dir.path() + "/a.html", 0}};
  auto r = DedupeInputs({}, pages);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->clusters.size(), 1u);
  const DedupeCluster& c = r->clusters[0];
  EXPECT_EQ(c.representative.path, dir.path() + "/a.html");
  EXPECT_EQ(c.representative.url, "https://alpha.example/2024/03/01/storm");
  EXPECT_EQ(c.representative.published, "2024-03-01T00:00:00Z");
  ASSERT_EQ(c.members.size(), 1u);
  EXPECT_EQ(c.members[0].path, dir.path() + "/b.html");
  EXPECT_EQ(c.members[0].url, "https://beta.example/2024/03/05/storm");
  EXPECT_EQ(c.members[0].published, "2024-03-05T00:00:00Z");
}

TEST(DedupePages, PagesTakeTheirPlaceInPathOrderForAnyThreadCountAndListOrder) {
  TempDir dir;
  WriteMixedCorpus(dir.path() + "/crawl");
  // Three exact copies, a listed one first and one last in byte order
  // ("crawl.txt" < "crawl/..." < "listed/..."): equal texts without dates,
  // the first name represents, wherever the page is in the list.
  const std::string text = JoinText(MakeArticle(300));
  WriteFile(dir.path() + "/crawl.txt", text);
  WriteFile(dir.path() + "/crawl/site5/x.txt", text);
  WriteFile(dir.path() + "/listed/z.txt", text);
  WriteFile(dir.path() + "/listed/other.txt", JoinText(MakeArticle(301)));
  std::vector<DedupePage> pages = {
      {"https://z.example/z", dir.path() + "/listed/z.txt", 0},
      {"https://c.example/c", dir.path() + "/crawl.txt", 0},
      {"https://o.example/o", dir.path() + "/listed/other.txt", 0}};
  std::string reference;
  for (int threads : {1, 3}) {
    for (bool reversed : {false, true}) {
      std::vector<DedupePage> order = pages;
      if (reversed) std::reverse(order.begin(), order.end());
      DedupeOptions o;
      o.threads = threads;
      auto r = DedupeInputs({dir.path() + "/crawl"}, order, o);
      ASSERT_TRUE(r.ok()) << r.status().ToString();
      EXPECT_EQ(r->documents, 14u);
      if (reference.empty()) {
        reference = Fingerprint(*r);
        ASSERT_EQ(r->clusters.size(), 2u) << reference;
        // Clusters in representative order: the listed page sorts first.
        const DedupeCluster& c = r->clusters[0];
        EXPECT_EQ(c.representative.path, dir.path() + "/crawl.txt");
        EXPECT_EQ(c.representative.url, "https://c.example/c");
        ASSERT_EQ(c.members.size(), 2u);
        EXPECT_EQ(c.members[0].path, dir.path() + "/crawl/site5/x.txt");
        EXPECT_EQ(c.members[0].url, "");
        EXPECT_EQ(c.members[1].path, dir.path() + "/listed/z.txt");
        EXPECT_EQ(c.members[1].url, "https://z.example/z");
        // With a page, the directory's files are named with it as given.
        EXPECT_EQ(r->clusters[1].representative.path,
                  dir.path() + "/crawl/site2/a-dateline.txt");
      }
      EXPECT_EQ(Fingerprint(*r), reference) << "threads " << threads;
    }
  }
}

TEST(DedupePages, StoreFilesAListedPageUnderItsUrlNotItsCanonical) {
  TempDir dir, stores;
  // The canonical URL is on another site: filed under it, the page's own URL
  // would not be in the store.
  WriteFile(dir.path() + "/p.html",
            "<html><head><link rel=canonical href='https://syndicator.example/story'></head>"
            "<body><article><p>" + JoinText(MakeArticle(60)) + "</p></article></body></html>");
  WriteFile(dir.path() + "/q.html", MakeHtml("Budget", MakeArticle(61), "", "Alpha"));
  auto store = Store::Open(StoreOptions(), stores.path() + "/s");
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  DedupeOptions o;
  o.store = store->get();
  const std::vector<DedupePage> pages = {
      {"https://news.example/p", dir.path() + "/p.html", 1764300000},
      {"https://news.example/q", dir.path() + "/q.html", 0}};
  auto r = DedupeInputs({}, pages, o);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->documents, 2u);
  EXPECT_EQ(r->store_errors, 0u);
  auto p = (*store)->History("https://news.example/p");
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  ASSERT_FALSE(p->revisions.empty());
  EXPECT_EQ(p->revisions[0].fetched_at, 1764300000);
  EXPECT_TRUE((*store)->History("https://news.example/q").ok());
  EXPECT_FALSE((*store)->History("https://syndicator.example/story").ok());
  auto stats = (*store)->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->articles, 2u);
}

TEST(DedupePages, BadPagesAreErrorsAndUnreadableOnesAreSkipped) {
  TempDir dir;
  WriteFile(dir.path() + "/crawl/a.txt", JoinText(MakeArticle(1)));
  WriteFile(dir.path() + "/b.txt", JoinText(MakeArticle(2)));
  const std::string b = dir.path() + "/b.txt";
  auto no_url = DedupeInputs({}, {{"", b, 0}});
  EXPECT_TRUE(no_url.status().IsInvalidArgument()) << no_url.status().ToString();
  auto twice = DedupeInputs({}, {{"https://x.example/1", b, 0}, {"https://x.example/2", b, 0}});
  EXPECT_TRUE(twice.status().IsInvalidArgument()) << twice.status().ToString();
  EXPECT_NE(twice.status().message().find("listed twice"), std::string::npos);
  auto as_input = DedupeInputs({b}, {{"https://x.example/1", b, 0}});
  EXPECT_TRUE(as_input.status().IsInvalidArgument()) << as_input.status().ToString();
  auto inside = DedupeInputs({dir.path() + "/crawl/"},
                             {{"https://x.example/1", dir.path() + "/crawl/a.txt", 0}});
  EXPECT_TRUE(inside.status().IsInvalidArgument()) << inside.status().ToString();
  EXPECT_NE(inside.status().message().find("inside"), std::string::npos);
  EXPECT_TRUE(DedupeInputs({}, std::vector<DedupePage>{}).status().IsInvalidArgument());
  // A page that cannot be read is skipped like a walked file.
  auto r = DedupeInputs({dir.path() + "/crawl"},
                        {{"https://x.example/1", b, 0},
                         {"https://x.example/2", dir.path() + "/gone.txt", 0}});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->documents, 2u);
  EXPECT_EQ(r->unreadable, 1u);
  ASSERT_EQ(r->skipped.size(), 1u);
  EXPECT_EQ(r->skipped[0].path, dir.path() + "/gone.txt");
  EXPECT_EQ(r->skipped[0].reason, "unreadable");
}

}  // namespace
}  // namespace libdiff
