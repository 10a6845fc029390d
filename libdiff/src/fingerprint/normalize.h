// Copyright 2026 The libdiff Authors.
//
// Text normalisation for fingerprints. Private to libdiff; the public entry
// point is libdiff::NormalizeText (fingerprint.h), which calls NormalizeFast.
#ifndef LIBDIFF_FINGERPRINT_NORMALIZE_H_
#define LIBDIFF_FINGERPRINT_NORMALIZE_H_

#include <string>
#include <string_view>

namespace libdiff::internal {

// The full normaliser. Words made only of ASCII bytes skip utf8proc (their
// NFKC case fold is plain ASCII lower-casing); words with any non-ASCII byte go
// through utf8proc. The output is identical to NormalizeReference's.
std::string NormalizeFast(std::string_view text);

// The same specification implemented the slow, obvious way: the whole text goes
// through utf8proc in one call. Kept so tests can prove the fast paths give
// identical output.
std::string NormalizeReference(std::string_view text);

// The typographic folding applied after NFKC and case folding: curly and angle
// quotes become ASCII quotes, dashes and minus signs become '-'. Returns `c`
// unchanged when no folding applies.
char32_t FoldTypographic(char32_t c);

}  // namespace libdiff::internal

#endif  // LIBDIFF_FINGERPRINT_NORMALIZE_H_
