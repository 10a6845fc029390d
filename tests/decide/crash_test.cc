// Copyright 2026 The libdiff Authors.
//
// Must not lose data: a child process ingests batches and is killed with
// SIGKILL at a random moment; the store must open afterwards with every batch
// the child reported as committed intact, and no batch half-visible.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <thread>

#include "decide/test_articles.h"
#include "libdiff/store.h"
#include "store/temp_dir.h"

namespace libdiff {
namespace {

constexpr int kPagesPerBatch = 8;
constexpr char kLiveUrl[] = "https://example.com/live/blog";

std::string PageUrl(int batch, int page) {
  return "https://example.com/b" + std::to_string(batch) + "/p" + std::to_string(page);
}

unsigned PageSeed(int batch, int page) {
  return static_cast<unsigned>(1000 + batch * kPagesPerBatch + page);
}

Article LiveArticle(int batch) {
  Article a = testing::MakeArticle(7);
  a.blocks[0].text = "Live: " + std::to_string(batch) + " updates so far.";
  return a;
}

std::vector<Page> Batch(int batch) {
  std::vector<Page> pages;
  for (int p = 0; p < kPagesPerBatch; ++p) {
    pages.push_back(testing::MakePage(PageUrl(batch, p), testing::MakeArticle(PageSeed(batch, p))));
  }
  pages.push_back(testing::MakePage(kLiveUrl, LiveArticle(batch)));
  return pages;
}

// The child: runs only when the parent sets LIBDIFF_CRASH_CHILD_DIR. Writes
// "<batch>\n" to fd 3 after each committed batch.
TEST(StoreCrash, ChildIngestsUntilKilled) {
  const char* dir = std::getenv("LIBDIFF_CRASH_CHILD_DIR");
  if (dir == nullptr) {
    GTEST_SKIP() << "runs only as the child of StoreCrash.SigkillLosesNoCommittedBatch";
  }
  StoreOptions options;
  options.initial_map_size = 1 << 20;  // also exercise growth under kills
  auto store = Store::Open(options, dir);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  auto history = (*store)->History(kLiveUrl);
  int batch = history.ok() ? static_cast<int>(history->revisions.size()) : 0;
  for (;; ++batch) {
    auto v = (*store)->IngestBatch(Batch(batch));
    ASSERT_TRUE(v.ok()) << v.status().ToString();
    const std::string line = std::to_string(batch) + "\n";
    ASSERT_EQ(write(3, line.data(), line.size()), static_cast<ssize_t>(line.size()));
  }
}

bool BatchPresent(Store* store, int batch, bool* complete) {
  int present = 0;
  for (int p = 0; p < kPagesPerBatch; ++p) {
    auto a = store->ReadRevision(PageUrl(batch, p), 1);
    if (a.ok()) {
      ++present;
      EXPECT_EQ(a->blocks, testing::MakeArticle(PageSeed(batch, p)).blocks) << PageUrl(batch, p);
    } else {
      EXPECT_TRUE(a.status().IsNotFound()) << a.status().ToString();
    }
  }
  *complete = present == kPagesPerBatch;
  return present > 0;
}

TEST(StoreCrash, SigkillLosesNoCommittedBatch) {
  testing::TempDir tmp;
  const std::string dir = tmp.path() + "/store";
  std::mt19937 rng(12345);
  int last_committed = -1;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(40);
  int iterations = 0;
  for (; iterations < 25 && std::chrono::steady_clock::now() < deadline; ++iterations) {
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    const pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      close(fds[0]);  // may be fd 3 itself, so close it before taking 3
      if (fds[1] != 3) {
        dup2(fds[1], 3);
        close(fds[1]);
      }
      setenv("LIBDIFF_CRASH_CHILD_DIR", dir.c_str(), 1);
      const int null = open("/dev/null", O_WRONLY);
      dup2(null, 1);
      execl("/proc/self/exe", "crash_child", "--gtest_filter=StoreCrash.ChildIngestsUntilKilled",
            static_cast<char*>(nullptr));
      _exit(127);
    }
    close(fds[1]);
    std::this_thread::sleep_for(std::chrono::milliseconds(20 + rng() % 400));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the child stopped by itself: " << status;
    std::string reported;
    char buf[4096];
    ssize_t n;
    while ((n = read(fds[0], buf, sizeof(buf))) > 0) reported.append(buf, static_cast<size_t>(n));
    close(fds[0]);
    // The last complete line is the last batch known to be committed.
    size_t end = reported.rfind('\n');
    if (end != std::string::npos) {
      size_t start = reported.rfind('\n', end - 1);
      start = start == std::string::npos ? 0 : start + 1;
      last_committed = std::stoi(reported.substr(start, end - start));
    }

    auto store = Store::Open(StoreOptions(), dir);
    ASSERT_TRUE(store.ok()) << "iteration " << iterations << ": " << store.status().ToString();
    for (int b = 0; b <= last_committed; ++b) {
      bool complete = false;
      EXPECT_TRUE(BatchPresent(store->get(), b, &complete)) << "batch " << b << " lost";
      EXPECT_TRUE(complete) << "batch " << b << " incomplete";
    }
    // The batch in flight is all there (committed, not yet reported) or absent.
    bool complete = false;
    if (BatchPresent(store->get(), last_committed + 1, &complete)) {
      EXPECT_TRUE(complete) << "half-written batch " << last_committed + 1 << " is visible";
      ++last_committed;
    }
    bool unused = false;
    EXPECT_FALSE(BatchPresent(store->get(), last_committed + 1, &unused));
    // The live article has one revision per committed batch, all decodable.
    auto h = (*store)->History(kLiveUrl);
    if (last_committed >= 0) {
      ASSERT_TRUE(h.ok()) << h.status().ToString();
      EXPECT_EQ(h->revisions.size(), static_cast<size_t>(last_committed + 1));
      auto latest = (*store)->ReadRevision(kLiveUrl, 0);
      ASSERT_TRUE(latest.ok()) << latest.status().ToString();
      EXPECT_EQ(*latest, LiveArticle(last_committed));
    }
    if (::testing::Test::HasFailure()) break;
  }
  EXPECT_GE(iterations, 5);
  EXPECT_GT(last_committed, 0) << "the child never committed a batch";
}

}  // namespace
}  // namespace libdiff
