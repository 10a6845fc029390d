// Copyright 2026 The libdiff Authors.
#include "util/file.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace libdiff::internal {
namespace {

TEST(ReadFile, ReadsWholeFile) {
  auto path = std::filesystem::temp_directory_path() / "libdiff_file_test.txt";
  { std::ofstream(path) << "hello\nworld"; }
  auto r = ReadFile(path.string(), 1000);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(*r, "hello\nworld");
  std::filesystem::remove(path);
}

TEST(ReadFile, MissingFileIsNotFoundAndNamesThePath) {
  auto r = ReadFile("/nonexistent/libdiff/x.html", 1000);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.status().IsNotFound());
  EXPECT_NE(r.status().message().find("/nonexistent/libdiff/x.html"), std::string::npos);
}

TEST(ReadFile, OverLimitIsResourceExhausted) {
  auto path = std::filesystem::temp_directory_path() / "libdiff_file_big.txt";
  { std::ofstream(path) << std::string(2000, 'x'); }
  auto r = ReadFile(path.string(), 1000);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.status().IsResourceExhausted());
  std::filesystem::remove(path);
}

TEST(ReadFile, DirectoryIsInvalidArgument) {
  auto r = ReadFile(std::filesystem::temp_directory_path().string(), 1000);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.status().IsInvalidArgument());
}

}  // namespace
}  // namespace libdiff::internal
