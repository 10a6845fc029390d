// Copyright 2026 The libdiff Authors.
//
// Reading a page from a file with a size limit: what the command-line tools
// and the store's batch inputs use, offered so that a program built on libdiff
// reads pages with the same limits and the same error messages.
//
//   libdiff::Result<std::string> html = libdiff::ReadFile("page.html", 64 << 20);
//   if (!html.ok()) fprintf(stderr, "%s\n", html.status().message().c_str());
//
// Every failure's message starts with the path ("<stdin>" for "-") and then
// says why, e.g. "page.html: No such file or directory", so a caller prints it
// as it is and does not add the path again.
//
// Thread safety: the functions may be called from any thread; reading "-"
// from two threads at once interleaves standard input.
#ifndef LIBDIFF_FILE_H_
#define LIBDIFF_FILE_H_

#include <cstddef>
#include <string>

#include "libdiff/status.h"

namespace libdiff {

// Reads the whole file at `path` ("-" reads standard input). Fails with
// kResourceExhausted when it is larger than `max_bytes`, kNotFound when it does
// not exist, kInvalidArgument when it is a directory, kIOError otherwise.
Result<std::string> ReadFile(const std::string& path, size_t max_bytes);

// Reads the first `max_bytes` bytes of the file at `path` (all of it when it
// is shorter), to sniff what it is without reading it whole. Fails as
// ReadFile does, except that a longer file is not an error.
Result<std::string> ReadFilePrefix(const std::string& path, size_t max_bytes);

}  // namespace libdiff

#endif  // LIBDIFF_FILE_H_
