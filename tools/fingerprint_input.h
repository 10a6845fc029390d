// Copyright 2026 The libdiff Authors.
//
// Reading a file for the fingerprint and compare commands: plain text, or an
// HTML page whose article is extracted first. Shared by fingerprint_command.cc
// (which defines these) and compare_command.cc.
#ifndef LIBDIFF_TOOLS_FINGERPRINT_INPUT_H_
#define LIBDIFF_TOOLS_FINGERPRINT_INPUT_H_

#include <CLI/CLI.hpp>

#include <cstddef>
#include <string>

#include "libdiff/fingerprint.h"
#include "libdiff/status.h"

namespace libdiff::tools {

enum class InputKind { kAuto, kText, kHtml };

struct FingerprintInputFlags {
  InputKind kind = InputKind::kAuto;
  int shingle_size = FingerprintOptions().shingle_size;
  size_t max_bytes = size_t{64} << 20;
};

struct FingerprintedFile {
  std::string path;
  bool html = false;  // the file was read as an HTML page
  Fingerprint fingerprint;
};

// Adds --html, --text, --shingle-size and --max-bytes to `sub`.
void AddFingerprintInputOptions(CLI::App* sub, FingerprintInputFlags* flags);

// Reads `path` ("-" is stdin) and fingerprints it. HTML is recognised (unless
// --text/--html decide) by a '<' first and <html, <head, <body or <!doctype in
// the first KB; its article body blocks are fingerprinted. Fails with a message
// naming the path for unreadable, over-limit or binary (NUL byte) files, and
// for pages with no article text.
Result<FingerprintedFile> FingerprintFile(const std::string& path,
                                          const FingerprintInputFlags& flags);

// 16 lower-case hex digits.
std::string Hex64(uint64_t v);

}  // namespace libdiff::tools

#endif  // LIBDIFF_TOOLS_FINGERPRINT_INPUT_H_
