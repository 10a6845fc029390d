// Copyright 2026 The libdiff Authors.
#include "libdiff/file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace libdiff {

namespace {

Status ErrnoStatus(const std::string& path, int err) {
  std::string msg = path + ": " + std::strerror(err);
  if (err == ENOENT) return Status::NotFound(msg);
  return Status::IOError(msg);
}

// ReadFile, or with `prefix_only` ReadFilePrefix.
Result<std::string> Read(const std::string& path, size_t max_bytes, bool prefix_only) {
  const bool is_stdin = path == "-";
  const std::string name = is_stdin ? "<stdin>" : path;
  int fd = is_stdin ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return ErrnoStatus(name, errno);
  std::string out;
  struct stat st {};
  if (::fstat(fd, &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      if (!is_stdin) ::close(fd);
      return Status::InvalidArgument(name + ": is a directory");
    }
    if (S_ISREG(st.st_mode) && static_cast<uint64_t>(st.st_size) > max_bytes && !prefix_only) {
      if (!is_stdin) ::close(fd);
      return Status::ResourceExhausted(name + ": " + std::to_string(st.st_size) +
                                       " bytes, over the limit of " +
                                       std::to_string(max_bytes));
    }
    // One allocation of the right size, not a doubling string.
    if (S_ISREG(st.st_mode)) {
      out.reserve(std::min<uint64_t>(static_cast<uint64_t>(st.st_size), max_bytes));
    }
  }
  char buf[1 << 16];
  for (;;) {
    const size_t want = prefix_only ? std::min(sizeof buf, max_bytes - out.size()) : sizeof buf;
    if (want == 0) break;
    ssize_t n = ::read(fd, buf, want);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      if (!is_stdin) ::close(fd);
      return ErrnoStatus(name, err);
    }
    if (n == 0) break;
    if (out.size() + static_cast<size_t>(n) > max_bytes) {
      if (!is_stdin) ::close(fd);
      return Status::ResourceExhausted(name + ": over the limit of " +
                                       std::to_string(max_bytes) + " bytes");
    }
    out.append(buf, static_cast<size_t>(n));
  }
  if (!is_stdin) ::close(fd);
  return out;
}

}  // namespace

Result<std::string> ReadFile(const std::string& path, size_t max_bytes) {
  return Read(path, max_bytes, /*prefix_only=*/false);
}

Result<std::string> ReadFilePrefix(const std::string& path, size_t max_bytes) {
  return Read(path, max_bytes, /*prefix_only=*/true);
}

}  // namespace libdiff
