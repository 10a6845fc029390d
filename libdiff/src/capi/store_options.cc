// Copyright 2026 The libdiff Authors.
//
// The C API's store options: an opaque libdiff::StoreOptions with one checked
// setter per field (libdiff.h, "The revision store").
#include "capi/boundary.h"

#include <string>

#include "capi/conversions.h"
#include "libdiff/store.h"

using namespace libdiff::capi;  // NOLINT: the boundary helpers

extern "C" {

int libdiff_store_options_create(libdiff_store_options** out) {
  ResetOut(out);
  return Guard(__func__, [&] {
    RequireOut(out);
    *out = new libdiff_store_options();
    return Status::OK();
  });
}

void libdiff_store_options_free(libdiff_store_options* options) { FreeHandle(options); }

int libdiff_store_options_set_create_if_missing(libdiff_store_options* options, int value) {
  return Guard(__func__, [&] {
    Check(options, "options")->options.create_if_missing =
        BoolFlag(value, "create_if_missing") == 1;
    return Status::OK();
  });
}

int libdiff_store_options_set_read_only(libdiff_store_options* options, int value) {
  return Guard(__func__, [&] {
    Check(options, "options")->options.read_only = BoolFlag(value, "read_only") == 1;
    return Status::OK();
  });
}

int libdiff_store_options_set_initial_map_size(libdiff_store_options* options, size_t bytes) {
  return Guard(__func__, [&] {
    Check(options, "options");
    if (bytes < (size_t{1} << 20)) {
      InvalidArgument("initial_map_size " + std::to_string(bytes) + " is below 1 MiB");
    }
    options->options.initial_map_size = bytes;
    return Status::OK();
  });
}

int libdiff_store_options_set_max_map_size(libdiff_store_options* options, size_t bytes) {
  return Guard(__func__, [&] {
    Check(options, "options");
    if (bytes < options->options.initial_map_size) {
      InvalidArgument("max_map_size " + std::to_string(bytes) + " is below initial_map_size " +
                      std::to_string(options->options.initial_map_size));
    }
    options->options.max_map_size = bytes;
    return Status::OK();
  });
}

int libdiff_store_options_set_keyframe_interval(libdiff_store_options* options,
                                                uint32_t interval) {
  return Guard(__func__, [&] {
    Check(options, "options");
    if (interval < 1 || interval > 65536) {
      InvalidArgument("keyframe_interval " + std::to_string(interval) + " is not in 1..65536");
    }
    options->options.keyframe_interval = interval;
    return Status::OK();
  });
}

int libdiff_store_options_set_compression_level(libdiff_store_options* options, int level) {
  return Guard(__func__, [&] {
    Check(options, "options");
    if (level < 1 || level > 22) {
      InvalidArgument("compression_level " + std::to_string(level) + " is not in 1..22");
    }
    options->options.compression_level = level;
    return Status::OK();
  });
}

int libdiff_store_options_set_keep_raw_html(libdiff_store_options* options, int value) {
  return Guard(__func__, [&] {
    Check(options, "options")->options.keep_raw_html = BoolFlag(value, "keep_raw_html") == 1;
    return Status::OK();
  });
}

int libdiff_store_options_set_max_distance(libdiff_store_options* options, int bits) {
  return Guard(__func__, [&] {
    Check(options, "options");
    if (bits < 0 || bits > 64) {
      InvalidArgument("max_distance " + std::to_string(bits) + " is not in 0..64");
    }
    options->options.max_distance = bits;
    return Status::OK();
  });
}

int libdiff_store_options_set_extract_options(libdiff_store_options* options,
                                              const libdiff_extract_options* extract) {
  return Guard(__func__, [&] {
    Check(options, "options");
    options->options.extract = Check(extract, "extract")->options;
    options->options.extract.url.clear();
    return Status::OK();
  });
}

}  // extern "C"
