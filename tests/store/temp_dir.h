// Copyright 2026 The libdiff Authors.
//
// A fresh temporary directory per test, removed afterwards.
#ifndef LIBDIFF_TESTS_STORE_TEMP_DIR_H_
#define LIBDIFF_TESTS_STORE_TEMP_DIR_H_

#include <stdlib.h>

#include <filesystem>
#include <string>

namespace libdiff::testing {

class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "libdiff-test-XXXXXX").string();
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all, ec);
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace libdiff::testing

#endif  // LIBDIFF_TESTS_STORE_TEMP_DIR_H_
