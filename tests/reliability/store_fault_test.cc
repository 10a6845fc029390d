// Copyright 2026 The libdiff Authors.
//
// Store faults not covered by tests/store and tests/decide: the map or the disk
// running out mid-ingest, store files and the umask, and several processes
// reading while one writes (a bounded soak; LIBDIFF_SOAK_SECONDS runs it longer,
// default 5). See docs/reliability.md.
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "decide/test_articles.h"
#include "libdiff/store.h"
#include "store/temp_dir.h"

namespace libdiff {
namespace {

using testing::MakeArticle;
using testing::MakePage;
using testing::TempDir;

std::string Url(int i) { return "https://news.example.com/story/" + std::to_string(i); }

// Ingests distinct articles until a write fails or `limit` pages went in.
// Returns the URLs committed and the first failure.
std::pair<std::vector<std::string>, Status> FillUntilFailure(Store* store, int limit) {
  std::vector<std::string> committed;
  for (int i = 0; i < limit; ++i) {
    Result<Verdict> v =
        store->Ingest(MakePage(Url(i), MakeArticle(1000 + static_cast<unsigned>(i), 30)));
    if (!v.ok()) return {committed, v.status()};
    committed.push_back(Url(i));
  }
  return {committed, Status::OK()};
}

void ExpectAllReadable(Store* store, const std::vector<std::string>& urls) {
  for (size_t i = 0; i < urls.size(); ++i) {
    Result<Article> a = store->ReadRevision(urls[i], 0);
    ASSERT_TRUE(a.ok()) << urls[i] << ": " << a.status().ToString();
    EXPECT_EQ(*a, MakeArticle(1000 + static_cast<unsigned>(i), 30)) << urls[i];
  }
}

TEST(StoreFaults, MapAtItsMaximumFailsCleanlyAndKeepsCommittedData) {
  TempDir dir;
  StoreOptions options;
  options.initial_map_size = size_t{1} << 20;
  options.max_map_size = size_t{2} << 20;
  options.compression_level = 1;
  auto store = Store::Open(options, dir.path());
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  auto [committed, failure] = FillUntilFailure(store->get(), 5000);
  ASSERT_FALSE(failure.ok()) << "2 MiB never filled";
  std::printf("map full after %zu pages: %s\n", committed.size(), failure.ToString().c_str());
  EXPECT_TRUE(failure.IsResourceExhausted()) << failure.ToString();
  EXPECT_NE(failure.message().find(dir.path()), std::string::npos) << failure.ToString();
  EXPECT_NE(failure.message().find("map full"), std::string::npos) << failure.ToString();
  EXPECT_NE(failure.message().find("raise max_map_size"), std::string::npos) << failure.ToString();
  ASSERT_FALSE(committed.empty());
  ExpectAllReadable(store->get(), committed);
  // Still usable: reads, checks, and a smaller write after the failed one.
  Result<Verdict> again = (*store)->Check(MakePage(committed[0], MakeArticle(1000, 30)));
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->kind, VerdictKind::kUnchanged);
  Result<StoreStats> stats = (*store)->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->revisions, committed.size());
  store->reset();
  // Reopened with room to grow, the store takes the page that did not fit.
  options.max_map_size = size_t{64} << 20;
  auto reopened = Store::Open(options, dir.path());
  ASSERT_TRUE(reopened.ok()) << reopened.status().ToString();
  ExpectAllReadable(reopened->get(), committed);
  const int next = static_cast<int>(committed.size());
  Result<Verdict> v =
      (*reopened)->Ingest(MakePage(Url(next), MakeArticle(1000 + static_cast<unsigned>(next), 30)));
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  EXPECT_EQ(v->kind, VerdictKind::kNew);
}

TEST(StoreFaults, FullDiskFailsCleanlyAndKeepsCommittedData) {
  TempDir dir;
  const std::string mnt = dir.path() + "/tmpfs";
  std::filesystem::create_directory(mnt);
  if (::mount("tmpfs", mnt.c_str(), "tmpfs", 0, "size=4m") != 0) {
    GTEST_SKIP() << "cannot mount a 4 MiB tmpfs here (needs root): " << std::strerror(errno);
  }
  struct Unmount {
    std::string path;
    ~Unmount() { ::umount2(path.c_str(), MNT_DETACH); }
  } unmount{mnt};
  const std::string store_dir = mnt + "/store";
  std::vector<std::string> committed;
  {
    StoreOptions options;
    options.initial_map_size = size_t{64} << 20;  // far more than the disk holds
    options.compression_level = 1;
    auto store = Store::Open(options, store_dir);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    auto [urls, failure] = FillUntilFailure(store->get(), 5000);
    committed = urls;
    ASSERT_FALSE(failure.ok()) << "a 4 MiB disk never filled";
    std::printf("disk full after %zu pages: %s\n", committed.size(), failure.ToString().c_str());
    // LMDB reports the short write as EIO; the store names the cause.
    EXPECT_TRUE(failure.IsResourceExhausted()) << failure.ToString();
    EXPECT_NE(failure.message().find(store_dir), std::string::npos) << failure.ToString();
    EXPECT_NE(failure.message().find("disk full"), std::string::npos) << failure.ToString();
    ASSERT_FALSE(committed.empty());
    ExpectAllReadable(store->get(), committed);
    Result<StoreStats> stats = (*store)->Stats();
    ASSERT_TRUE(stats.ok()) << stats.status().ToString();
    EXPECT_EQ(stats->revisions, committed.size());
  }
  // Reopening the full store works and shows exactly the committed pages.
  StoreOptions options;
  auto reopened = Store::Open(options, store_dir);
  ASSERT_TRUE(reopened.ok()) << reopened.status().ToString();
  ExpectAllReadable(reopened->get(), committed);
}

TEST(StoreFaults, StoreFilesHonourTheUmask) {
  TempDir dir;
  const mode_t old = ::umask(077);
  {
    auto store = Store::Open(StoreOptions(), dir.path() + "/private");
    ::umask(old);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    ASSERT_TRUE((*store)->Ingest(MakePage(Url(1), MakeArticle(1))).ok());
  }
  for (const auto& entry : std::filesystem::directory_iterator(dir.path() + "/private")) {
    struct stat st {};
    ASSERT_EQ(::stat(entry.path().c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 077, 0u) << entry.path() << " is readable by others under umask 077";
  }
}


// ---- Soak: one writer process, several reader processes -------------------------

constexpr int kSoakArticles = 6;

// Version `v` of article `k`: a distinct text whose title names both.
Article SoakArticle(int k, int v) {
  Article a = MakeArticle(static_cast<unsigned>(k * 100000 + v), 6);
  a.title = "article " + std::to_string(k) + " version " + std::to_string(v);
  return a;
}

int SoakSeconds() {
  const char* env = std::getenv("LIBDIFF_SOAK_SECONDS");
  const int s = env != nullptr ? std::atoi(env) : 5;
  return s > 0 ? s : 5;
}

// A reader process: until `deadline`, reads every article's history and every
// listed revision. Returns "" or what broke. `*rounds` counts full passes.
std::string ReadUntil(const std::string& dir, std::chrono::steady_clock::time_point deadline,
                      long* rounds) {
  StoreOptions options;
  options.read_only = true;
  auto store = Store::Open(options, dir);
  if (!store.ok()) return "open: " + store.status().ToString();
  std::map<int, size_t> seen;  // article -> revisions seen last time
  uint64_t last_total = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    Result<StoreStats> stats = (*store)->Stats();
    if (!stats.ok()) return "stats: " + stats.status().ToString();
    if (stats->revisions < last_total) return "the revision count went backwards";
    last_total = stats->revisions;
    for (int k = 0; k < kSoakArticles; ++k) {
      Result<ArticleHistory> h = (*store)->History(Url(k));
      if (!h.ok()) return "history " + Url(k) + ": " + h.status().ToString();
      if (h->revisions.size() < seen[k]) return "revisions of " + Url(k) + " went backwards";
      seen[k] = h->revisions.size();
      for (const RevisionInfo& info : h->revisions) {
        Result<Article> a = (*store)->ReadRevision(Url(k), info.revision);
        if (!a.ok()) {
          return "revision " + std::to_string(info.revision) + " of " + Url(k) + ": " +
                 a.status().ToString();
        }
        const std::string prefix = "article " + std::to_string(k) + " version ";
        if (a->title.rfind(prefix, 0) != 0) return "revision with a foreign title: " + a->title;
        const int v = std::atoi(a->title.c_str() + prefix.size());
        Article expected = SoakArticle(k, v);
        expected.url = a->url;
        if (a->blocks != expected.blocks) {
          return "revision body differs from what was written: " + a->title;
        }
        if (info.title != a->title) return "history title differs from the revision's";
      }
    }
    ++*rounds;
  }
  return "";
}

TEST(StoreSoak, ReaderProcessesSeeOnlyWholeRevisionsWhileOneWrites) {
  TempDir dir;
  {
    auto store = Store::Open(StoreOptions(), dir.path());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    for (int k = 0; k < kSoakArticles; ++k) {
      ASSERT_TRUE((*store)->Ingest(MakePage(Url(k), SoakArticle(k, 0), 1000)).ok());
    }
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(SoakSeconds());
  constexpr int kReaders = 2;
  std::vector<pid_t> readers;
  for (int r = 0; r < kReaders; ++r) {
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0) << std::strerror(errno);
    if (pid == 0) {
      long rounds = 0;
      const std::string error = ReadUntil(dir.path(), deadline, &rounds);
      std::ofstream(dir.path() + "/reader-" + std::to_string(r)) << rounds << "\n" << error;
      ::_exit(error.empty() ? 0 : 1);
    }
    readers.push_back(pid);
  }
  // The writer: new versions round robin, one commit each, until the deadline.
  int written = 0;
  {
    auto store = Store::Open(StoreOptions(), dir.path());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    std::vector<int> version(kSoakArticles, 0);
    while (std::chrono::steady_clock::now() < deadline) {
      const int k = written % kSoakArticles;
      Result<Verdict> v = (*store)->Ingest(
          MakePage(Url(k), SoakArticle(k, ++version[static_cast<size_t>(k)]), 1000 + written));
      ASSERT_TRUE(v.ok()) << v.status().ToString();
      EXPECT_EQ(v->kind, VerdictKind::kUpdated) << Url(k);
      ++written;
    }
  }
  for (int r = 0; r < kReaders; ++r) {
    int status = 0;
    ASSERT_EQ(::waitpid(readers[static_cast<size_t>(r)], &status, 0),
              readers[static_cast<size_t>(r)]);
    std::ifstream report(dir.path() + "/reader-" + std::to_string(r));
    long rounds = 0;
    report >> rounds;
    std::string error;
    std::getline(report >> std::ws, error, '\0');
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "reader " << r << ": " << error;
    EXPECT_GT(rounds, 0) << "reader " << r << " never finished a pass";
    std::printf("soak: reader %d made %ld full passes\n", r, rounds);
  }
  EXPECT_GT(written, kSoakArticles) << "the writer made no progress";
  std::printf("soak: %d commits in %d s\n", written, SoakSeconds());
}

}  // namespace
}  // namespace libdiff
