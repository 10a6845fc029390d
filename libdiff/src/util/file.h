// Copyright 2026 The libdiff Authors.
//
// Reading files with a size limit: the public libdiff/file.h, under the names
// the library's own code uses (libdiff::internal::ReadFile).
#ifndef LIBDIFF_UTIL_FILE_H_
#define LIBDIFF_UTIL_FILE_H_

#include "libdiff/file.h"

namespace libdiff::internal {

using ::libdiff::ReadFile;
using ::libdiff::ReadFilePrefix;

}  // namespace libdiff::internal

#endif  // LIBDIFF_UTIL_FILE_H_
