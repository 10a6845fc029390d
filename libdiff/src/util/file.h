// Copyright 2026 The libdiff Authors.
//
// Reading whole files with a size limit. Private to libdiff.
#ifndef LIBDIFF_UTIL_FILE_H_
#define LIBDIFF_UTIL_FILE_H_

#include <cstddef>
#include <string>

#include "libdiff/status.h"

namespace libdiff::internal {

// Reads the whole file at `path` ("-" reads standard input). Fails with
// kResourceExhausted when it is larger than `max_bytes`, kNotFound when it does
// not exist, kIOError otherwise; every message names the path and the reason.
Result<std::string> ReadFile(const std::string& path, size_t max_bytes);

}  // namespace libdiff::internal

#endif  // LIBDIFF_UTIL_FILE_H_
