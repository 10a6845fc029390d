// Copyright 2026 The libdiff Authors.
//
// Helpers shared by the extraction tests.
#ifndef LIBDIFF_TESTS_EXTRACT_EXTRACT_TEST_UTIL_H_
#define LIBDIFF_TESTS_EXTRACT_EXTRACT_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "libdiff/article.h"

namespace libdiff::testing {

// The bytes of samples/pages/extract/<name>.
inline std::string ReadSample(const std::string& name) {
  std::ifstream in(std::string(LIBDIFF_SAMPLES_DIR) + "/pages/extract/" + name, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Extracts `html` with default options; fails the test when extraction fails.
inline Article MustExtract(const std::string& html, const ExtractOptions& options = {}) {
  Result<Article> r = ExtractArticle(html, options);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : Article{};
}

inline bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace libdiff::testing

#endif  // LIBDIFF_TESTS_EXTRACT_EXTRACT_TEST_UTIL_H_
