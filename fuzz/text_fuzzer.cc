// Copyright 2026 The libdiff Authors.
//
// Fuzzes text normalisation, tokenisation and fingerprinting (fingerprint.h), which
// every extracted body goes through. Properties checked on each input:
//   - NormalizeText output is valid UTF-8, equals the slow reference normaliser's
//     (internal::NormalizeReference), and has no "\n\n" (paragraphs become "\n");
//   - Tokenize yields non-empty, valid UTF-8 tokens without whitespace;
//   - FingerprintText is deterministic, records its parameters, and its counts are
//     consistent (shingles <= tokens, at most one paragraph hash per paragraph).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fingerprint/normalize.h"
#include "fuzz_check.h"
#include "fuzz_input.h"
#include "libdiff/fingerprint.h"
#include "util/utf8.h"

namespace {

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // One option byte (shingle size 1 + byte % 8; 2 gives the default 3), then the text.
  libdiff::fuzz::FuzzInput input(data, size);
  libdiff::FingerprintOptions options;
  options.shingle_size = static_cast<int>(input.Range(1, 8));
  const std::string text(input.Rest());

  const std::string normalized = libdiff::NormalizeText(text);
  LIBDIFF_FUZZ_CHECK(libdiff::internal::IsValidUtf8(normalized),
                     "NormalizeText output is valid UTF-8");
  LIBDIFF_FUZZ_CHECK(normalized == libdiff::internal::NormalizeReference(text),
                     "NormalizeText equals the reference normaliser");
  LIBDIFF_FUZZ_CHECK(normalized.find("\n\n") == std::string::npos,
                     "NormalizeText keeps paragraph breaks as a single newline");

  const std::vector<std::string> tokens = libdiff::Tokenize(normalized);
  for (const std::string& token : tokens) {
    LIBDIFF_FUZZ_CHECK(!token.empty(), "tokens are not empty");
    LIBDIFF_FUZZ_CHECK(libdiff::internal::IsValidUtf8(token), "tokens are valid UTF-8");
    for (char c : token) LIBDIFF_FUZZ_CHECK(!IsAsciiSpace(c), "tokens hold no whitespace");
  }

  const libdiff::Fingerprint a = libdiff::FingerprintText(text, options);
  const libdiff::Fingerprint b = libdiff::FingerprintText(text, options);
  LIBDIFF_FUZZ_CHECK(a.simhash == b.simhash && a.exact == b.exact &&
                         a.paragraph_hashes == b.paragraph_hashes,
                     "FingerprintText is deterministic");
  LIBDIFF_FUZZ_CHECK(a.params.shingle_size == static_cast<uint32_t>(options.shingle_size),
                     "the fingerprint records its shingle size");
  LIBDIFF_FUZZ_CHECK(a.shingle_count <= a.token_count, "distinct shingles never exceed tokens");
  LIBDIFF_FUZZ_CHECK(libdiff::HammingDistance(a.simhash, b.simhash) == 0,
                     "distance to itself is 0");

  // Paragraph breaks survive normalisation as "\n", so there are at most that many + 1.
  const size_t breaks = static_cast<size_t>(std::count(normalized.begin(), normalized.end(), '\n'));
  LIBDIFF_FUZZ_CHECK(a.paragraph_hashes.size() <= breaks + 1,
                     "at most one paragraph hash per paragraph");
  return 0;
}
