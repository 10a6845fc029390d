// Copyright 2026 The libdiff Authors.
#include "dedupe/chunked_array.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace libdiff::internal {
namespace {

TEST(ChunkedArray, AppendsStayContiguousAcrossChunkEnds) {
  ChunkedArray<char, 4> a;  // 16 items per chunk
  std::vector<std::pair<uint64_t, std::string>> added;
  for (int i = 0; i < 50; ++i) {
    const std::string s = "path-" + std::to_string(i * 37);  // 6..9 chars + NUL
    added.emplace_back(a.Append(s.c_str(), s.size() + 1), s);
  }
  for (const auto& [offset, s] : added) {
    EXPECT_EQ(std::string(a.At(offset)), s);
    EXPECT_EQ(offset / 16, (offset + s.size()) / 16) << "split across chunks: " << s;
  }
  EXPECT_EQ(a.appends(), 50u);
  EXPECT_GE(a.size(), 50u * 7);
  EXPECT_LE(a.MemoryBytes(), (a.size() / 16 + 1) * 16 + 64 * sizeof(void*));
}

TEST(ChunkedArray, SingleItemsAreIndexedByOffset) {
  ChunkedArray<uint64_t, 3> a;
  for (uint64_t i = 0; i < 100; ++i) EXPECT_EQ(a.PushBack(i * i), i);
  for (uint64_t i = 0; i < 100; ++i) EXPECT_EQ(a[i], i * i);
}

TEST(ChunkedArray, FullChunkAppendAndEmptyAppend) {
  ChunkedArray<int, 2> a;  // 4 items per chunk
  const int four[4] = {1, 2, 3, 4};
  a.PushBack(9);
  const uint64_t at = a.Append(four, 4);
  EXPECT_EQ(at, 4u);  // did not fit after the first item: next chunk
  for (int i = 0; i < 4; ++i) EXPECT_EQ(a.At(at)[i], i + 1);
  const uint64_t empty = a.Append(four, 0);
  EXPECT_EQ(empty, 8u);
  EXPECT_EQ(a.appends(), 3u);
}

}  // namespace
}  // namespace libdiff::internal
