// Copyright 2026 The libdiff Authors.
//
// For the command tests: runs the built `libdiff` binary through /bin/sh and
// captures its exit status, stdout and stderr.
#ifndef LIBDIFF_TESTS_RUN_LIBDIFF_H_
#define LIBDIFF_TESTS_RUN_LIBDIFF_H_

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace libdiff::test {

// The binary the build made (tests that need it skip when it is missing).
inline const std::string& LibdiffBinary() {
  static const std::string path = LIBDIFF_BINARY_DIR "/tools/libdiff";
  return path;
}

struct CommandRun {
  int status = -1;  // exit status; -1 when it did not exit normally
  std::string out;
  std::string err;
};

// Runs `libdiff <args>` (args go through the shell as written); stdin comes
// from `stdin_path` when given.
inline CommandRun RunLibdiff(const std::string& args, const std::string& stdin_path = "") {
  static std::atomic<int> serial{0};
  const std::filesystem::path err_path =
      std::filesystem::temp_directory_path() /
      ("libdiff_cmd_" + std::to_string(::getpid()) + "_" + std::to_string(serial++) + ".err");
  std::string command = LibdiffBinary() + " " + args + " 2>" + err_path.string();
  if (!stdin_path.empty()) command += " <" + stdin_path;
  CommandRun r;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return r;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) r.out.append(buf, n);
  const int status = ::pclose(pipe);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream in(err_path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  r.err = ss.str();
  std::error_code ec;
  std::filesystem::remove(err_path, ec);
  return r;
}

// The non-empty lines of a command's output, in order.
inline std::vector<std::string> OutputLines(const std::string& out) {
  std::vector<std::string> v;
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) v.push_back(line);
  }
  return v;
}

}  // namespace libdiff::test

#endif  // LIBDIFF_TESTS_RUN_LIBDIFF_H_
