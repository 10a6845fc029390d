// Copyright 2026 The libdiff Authors.
//
// The C API's library surface: version, last error, error names and the
// string free function (libdiff.h, "Library, errors and memory").
#include "capi/boundary.h"

#include <cstdlib>

#include "libdiff/status.h"

using namespace libdiff::capi;  // NOLINT: the boundary helpers

// The cap libdiff.h promises C callers.
static_assert(kLastErrorCapacity == LIBDIFF_LAST_ERROR_MAX + 1);

extern "C" {

int libdiff_version_number(void) { return LIBDIFF_VERSION_NUMBER; }

const char* libdiff_version_string(void) { return LIBDIFF_VERSION_STRING; }

const char* libdiff_last_error(void) { return t_last_error; }

const char* libdiff_strerror(int code) {
  if (code > 0 || code < LIBDIFF_ERROR_INTERNAL) return "unknown error";
  return libdiff::StatusCodeName(static_cast<StatusCode>(-code));
}

void libdiff_string_free(char* s) { std::free(s); }

}  // extern "C"
