// Copyright 2026 The libdiff Authors.
//
// Property checks inside fuzz targets. A failed check prints what broke and
// aborts, which libFuzzer reports as a crash and saves the input that caused it.
#ifndef LIBDIFF_FUZZ_FUZZ_CHECK_H_
#define LIBDIFF_FUZZ_FUZZ_CHECK_H_

#include <cstdio>
#include <cstdlib>

// LIBDIFF_FUZZ_CHECK(cond, "what should hold"): aborts with a message naming the
// file, line, condition and the property when `cond` is false.
#define LIBDIFF_FUZZ_CHECK(cond, what)                                              \
  do {                                                                              \
    if (!(cond)) {                                                                  \
      std::fprintf(stderr, "%s:%d: fuzz property violated: %s (%s)\n", __FILE__,  \
                   __LINE__, what, #cond);                                          \
      std::abort();                                                                 \
    }                                                                               \
  } while (false)

#endif  // LIBDIFF_FUZZ_FUZZ_CHECK_H_
