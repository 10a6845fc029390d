// Copyright 2026 The libdiff Authors.
//
// Reading files with a size limit. Private to libdiff.
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

// Reads the first `max_bytes` bytes of the file at `path` (all of it when it
// is shorter), to sniff what it is without reading it whole. Fails as
// ReadFile does, except that a longer file is not an error.
Result<std::string> ReadFilePrefix(const std::string& path, size_t max_bytes);

}  // namespace libdiff::internal

#endif  // LIBDIFF_UTIL_FILE_H_
