// Copyright 2026 The libdiff Authors.
//
// Runs one fuzz target (compiled into this binary from fuzz/<target>.cc) over every
// stored input in tests/reliability/regressions/<target>/: the crashes and property
// violations fuzzing found, plus hand-made inputs for each surface. The target's
// LIBDIFF_FUZZ_CHECKs abort on a broken property, so a regression fails the test
// loudly with the property and the input's name on stderr.
//
// Built with the normal compiler and no sanitizer flags of its own; the asan-ubsan
// preset runs it under AddressSanitizer and UBSan like the rest of the suite.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "util/file.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int* argc, char*** argv);

namespace {

std::vector<std::filesystem::path> RegressionInputs() {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(LIBDIFF_FUZZ_REGRESSIONS_DIR, ec)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(LIBDIFF_FUZZ_SUITE, StoredInputsKeepEveryProperty) {
  if (LLVMFuzzerInitialize != nullptr) {
    int argc = 0;
    char** argv = nullptr;
    LLVMFuzzerInitialize(&argc, &argv);
  }
  const std::vector<std::filesystem::path> files = RegressionInputs();
  ASSERT_FALSE(files.empty()) << "no inputs in " << LIBDIFF_FUZZ_REGRESSIONS_DIR;
  for (const auto& path : files) {
    const libdiff::Result<std::string> read =
        libdiff::internal::ReadFile(path.string(), size_t{64} << 20);
    ASSERT_TRUE(read.ok()) << read.status().ToString();
    const std::string& bytes = *read;
    std::fprintf(stderr, "input %s (%zu bytes)\n", path.filename().c_str(), bytes.size());
    const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
    EXPECT_EQ(LLVMFuzzerTestOneInput(data, bytes.size()), 0) << path;
  }
}

}  // namespace
