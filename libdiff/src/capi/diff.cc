// Copyright 2026 The libdiff Authors.
//
// The C API's diff surface: diff options, and diffs of two articles, two texts
// or two stored revisions rendered as text (libdiff.h, "Diffs").
#include "capi/boundary.h"

#include <string>
#include <string_view>

#include "capi/conversions.h"
#include "libdiff/diff.h"
#include "libdiff/store.h"

using namespace libdiff::capi;  // NOLINT: the boundary helpers

namespace {

Status RenderInto(char** out, size_t* out_len, int* out_changed,
                  const libdiff_diff_options* options, const libdiff::ArticleDiff& diff) {
  static const libdiff_diff_options kDefaults;
  const libdiff_diff_options& o = options != nullptr ? *options : kDefaults;
  OutString(out, out_len, libdiff::RenderDiff(diff, o.format, o.render));
  if (out_changed != nullptr) *out_changed = diff.summary.BodyOrTitleChanged() ? 1 : 0;
  return Status::OK();
}

const libdiff_diff_options* OptionalDiffOptions(const libdiff_diff_options* options) {
  if (options != nullptr) Check(options, "options");
  return options;
}

const libdiff::DiffOptions& DiffOptionsOf(const libdiff_diff_options* options) {
  static const libdiff::DiffOptions kDefaults;
  return options != nullptr ? options->diff : kDefaults;
}

void ResetDiffOuts(char** out, size_t* out_len, int* out_changed) {
  ResetOut(out);
  ResetLen(out_len);
  if (out_changed != nullptr) *out_changed = 0;
}

}  // namespace

extern "C" {

int libdiff_diff_options_create(libdiff_diff_options** out) {
  ResetOut(out);
  return Guard(__func__, [&] {
    RequireOut(out);
    *out = new libdiff_diff_options();
    return Status::OK();
  });
}

void libdiff_diff_options_free(libdiff_diff_options* options) { FreeHandle(options); }

int libdiff_diff_options_set_format(libdiff_diff_options* options, int format) {
  return Guard(__func__, [&] {
    Check(options, "options");
    if (format < LIBDIFF_FORMAT_WORD || format > LIBDIFF_FORMAT_STAT) {
      InvalidArgument("unknown diff format " + std::to_string(format));
    }
    options->format = static_cast<libdiff::DiffFormat>(format);
    return Status::OK();
  });
}

int libdiff_diff_options_set_color(libdiff_diff_options* options, int value) {
  return Guard(__func__, [&] {
    Check(options, "options")->render.color = BoolFlag(value, "color") == 1;
    return Status::OK();
  });
}

int libdiff_diff_options_set_context(libdiff_diff_options* options, int lines) {
  return Guard(__func__, [&] {
    Check(options, "options");
    if (lines < -1 || lines > 1000) {
      InvalidArgument("context " + std::to_string(lines) + " is not in -1..1000");
    }
    options->render.context = lines;
    return Status::OK();
  });
}

int libdiff_diff_articles(char** out, size_t* out_len, int* out_changed,
                          const libdiff_diff_options* options,
                          const libdiff_article* old_article,
                          const libdiff_article* new_article) {
  ResetDiffOuts(out, out_len, out_changed);
  return Guard(__func__, [&]() -> Status {
    RequireOut(out);
    OptionalDiffOptions(options);
    const libdiff::Article& a = Check(old_article, "old_article")->article;
    const libdiff::Article& b = Check(new_article, "new_article")->article;
    auto r = libdiff::DiffArticles(a, b, DiffOptionsOf(options));
    if (!r.ok()) return r.status();
    return RenderInto(out, out_len, out_changed, options, *r);
  });
}

int libdiff_diff_texts(char** out, size_t* out_len, int* out_changed,
                       const libdiff_diff_options* options, const char* old_text,
                       size_t old_len, const char* new_text, size_t new_len) {
  ResetDiffOuts(out, out_len, out_changed);
  return Guard(__func__, [&]() -> Status {
    RequireOut(out);
    OptionalDiffOptions(options);
    std::string_view a = Utf8(old_text, old_len, "old_text");
    std::string_view b = Utf8(new_text, new_len, "new_text");
    auto r = libdiff::DiffTexts(a, b, DiffOptionsOf(options));
    if (!r.ok()) return r.status();
    return RenderInto(out, out_len, out_changed, options, *r);
  });
}

int libdiff_store_diff(char** out, size_t* out_len, int* out_changed, libdiff_store* store,
                       const libdiff_diff_options* options, const char* url, size_t url_len,
                       uint32_t old_revision, uint32_t new_revision) {
  ResetDiffOuts(out, out_len, out_changed);
  return Guard(__func__, [&] {
    RequireOut(out);
    OptionalDiffOptions(options);
    return WithStore(store, [&](libdiff::Store& s) -> Status {
      const std::string key = Name(url, url_len, "url");
      auto a = s.ReadRevision(key, old_revision);
      if (!a.ok()) return a.status();
      auto b = s.ReadRevision(key, new_revision);
      if (!b.ok()) return b.status();
      auto r = libdiff::DiffArticles(*a, *b, DiffOptionsOf(options));
      if (!r.ok()) return r.status();
      return RenderInto(out, out_len, out_changed, options, *r);
    });
  });
}

}  // extern "C"
