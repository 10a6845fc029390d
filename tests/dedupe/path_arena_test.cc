// Copyright 2026 The libdiff Authors.
#include "dedupe/path_arena.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <vector>

namespace libdiff::internal {
namespace {

TEST(PathArena, GetReturnsEveryPathAcrossBlocks) {
  std::mt19937 rng(7);
  std::vector<std::string> paths;
  for (int i = 0; i < 1000; ++i) {
    std::string p = "site" + std::to_string(rng() % 5) + "/section" + std::to_string(rng() % 7) +
                    "/story-" + std::to_string(rng());
    if (i % 97 == 0) p = "";  // empty names are stored too
    if (i % 89 == 0) p = std::string(PathArena::kMaxPath, 'z');
    paths.push_back(p);
  }
  std::sort(paths.begin(), paths.end());
  PathArena arena;
  for (size_t i = 0; i < paths.size(); ++i) EXPECT_EQ(arena.Add(paths[i]), i);
  ASSERT_EQ(arena.size(), paths.size());
  // Both the sealed blocks and the open one (1000 is not a multiple of 16).
  for (size_t i = 0; i < paths.size(); ++i) {
    ASSERT_EQ(arena.Get(static_cast<uint32_t>(i)), paths[i]) << i;
  }
  for (uint32_t i : {15u, 16u, 17u, 999u}) EXPECT_EQ(arena.Get(i), paths[i]);
}

TEST(PathArena, SharedPrefixesAreStoredOnce) {
  PathArena arena;
  size_t raw = 0;
  for (int i = 0; i < 10000; ++i) {
    char name[96];
    std::snprintf(name, sizeof name,
                  "crawl/2026-12-05/www.example-news-site.com/article-%06d.html", i);
    raw += std::strlen(name);
    arena.Add(name);
  }
  EXPECT_EQ(arena.Get(4321), "crawl/2026-12-05/www.example-news-site.com/article-004321.html");
  // Each path costs its changed digits and suffix plus a header, and every
  // 16th path is whole: well under half of the raw bytes, fixed chunks included.
  EXPECT_LT(arena.MemoryBytes(), raw / 2);
}

}  // namespace
}  // namespace libdiff::internal
