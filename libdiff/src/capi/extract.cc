// Copyright 2026 The libdiff Authors.
//
// The C API's extraction surface: extract options, libdiff_extract and the
// article handle's accessors (libdiff.h, "Extraction").
#include "capi/boundary.h"

#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "capi/conversions.h"
#include "libdiff/article.h"

using namespace libdiff::capi;  // NOLINT: the boundary helpers

extern "C" {

int libdiff_extract_options_create(libdiff_extract_options** out) {
  ResetOut(out);
  return Guard(__func__, [&] {
    RequireOut(out);
    *out = new libdiff_extract_options();
    return Status::OK();
  });
}

void libdiff_extract_options_free(libdiff_extract_options* options) { FreeHandle(options); }

int libdiff_extract_options_set_url(libdiff_extract_options* options, const char* url,
                                    size_t len) {
  return Guard(__func__, [&] {
    Check(options, "options")->options.url = Name(url, len, "url", /*allow_empty=*/true);
    return Status::OK();
  });
}

int libdiff_extract_options_set_content_type(libdiff_extract_options* options,
                                             const char* content_type, size_t len) {
  return Guard(__func__, [&] {
    Check(options, "options")->options.content_type =
        Name(content_type, len, "content_type", /*allow_empty=*/true);
    return Status::OK();
  });
}

int libdiff_extract_options_set_max_input_bytes(libdiff_extract_options* options,
                                                size_t max_bytes) {
  return Guard(__func__, [&] {
    Check(options, "options");
    if (max_bytes == 0 || max_bytes > LIBDIFF_MAX_INPUT_BYTES) {
      InvalidArgument("max_input_bytes " + std::to_string(max_bytes) + " is not in 1.." +
                      std::to_string(LIBDIFF_MAX_INPUT_BYTES));
    }
    options->options.max_input_bytes = max_bytes;
    return Status::OK();
  });
}

int libdiff_extract_options_set_max_blocks(libdiff_extract_options* options,
                                           size_t max_blocks) {
  return Guard(__func__, [&] {
    Check(options, "options");
    if (max_blocks == 0) InvalidArgument("max_blocks is 0");
    options->options.max_blocks = max_blocks;
    return Status::OK();
  });
}

int libdiff_extract_options_set_max_depth(libdiff_extract_options* options, int max_depth) {
  return Guard(__func__, [&] {
    Check(options, "options");
    if (max_depth < 1 || max_depth > 100000) {
      InvalidArgument("max_depth " + std::to_string(max_depth) + " is not in 1..100000");
    }
    options->options.max_depth = max_depth;
    return Status::OK();
  });
}

int libdiff_extract(libdiff_article** out, const libdiff_extract_options* options,
                    const char* html, size_t len) {
  ResetOut(out);
  return Guard(__func__, [&]() -> Status {
    RequireOut(out);
    static const libdiff::ExtractOptions kDefaults;
    const libdiff::ExtractOptions& o =
        options != nullptr ? Check(options, "options")->options : kDefaults;
    std::string_view body = Bytes(html, len, "html");
    if (body.empty()) InvalidArgument("html is empty");
    if (body.size() > o.max_input_bytes) {
      return Status::ResourceExhausted("html is " + std::to_string(body.size()) +
                                       " bytes, over max_input_bytes " +
                                       std::to_string(o.max_input_bytes));
    }
    libdiff::Result<libdiff::Article> r = libdiff::ExtractArticle(body, o);
    if (!r.ok()) return r.status();
    *out = NewArticle(std::move(r).value());
    return Status::OK();
  });
}

int libdiff_article_from_json(libdiff_article** out, const char* json, size_t len) {
  ResetOut(out);
  return Guard(__func__, [&]() -> Status {
    RequireOut(out);
    std::string_view text = Utf8(json, len, "json");
    if (text.empty()) InvalidArgument("json is empty");
    libdiff::Result<libdiff::Article> r = libdiff::ArticleFromJson(text);
    if (!r.ok()) return r.status();
    *out = NewArticle(std::move(r).value());
    return Status::OK();
  });
}

void libdiff_article_free(libdiff_article* article) { FreeHandle(article); }

int libdiff_article_string(const char** out, size_t* out_len, const libdiff_article* article,
                           int field) {
  ResetOut(out);
  ResetLen(out_len);
  return Guard(__func__, [&] {
    RequireOut(out);
    const libdiff::Article& a = Check(article, "article")->article;
    const std::string* s = nullptr;
    switch (field) {
      case LIBDIFF_ARTICLE_URL: s = &a.url; break;
      case LIBDIFF_ARTICLE_CANONICAL_URL: s = &a.canonical_url; break;
      case LIBDIFF_ARTICLE_TITLE: s = &a.title; break;
      case LIBDIFF_ARTICLE_SITE_NAME: s = &a.site_name; break;
      case LIBDIFF_ARTICLE_PUBLISHED: s = &a.published; break;
      case LIBDIFF_ARTICLE_MODIFIED: s = &a.modified; break;
      case LIBDIFF_ARTICLE_LANGUAGE: s = &a.language; break;
      case LIBDIFF_ARTICLE_DESCRIPTION: s = &a.description; break;
      case LIBDIFF_ARTICLE_TYPE: s = &a.type; break;
      case LIBDIFF_ARTICLE_EMPTY_REASON: s = &a.empty_reason; break;
      case LIBDIFF_ARTICLE_TEXT: s = &article->text; break;
      case LIBDIFF_ARTICLE_BODY_SOURCE: s = &a.body_source; break;
      default: InvalidArgument("unknown article field " + std::to_string(field));
    }
    OutView(out, out_len, *s);
    return Status::OK();
  });
}

size_t libdiff_article_author_count(const libdiff_article* article) {
  return IsLive(article) ? article->article.authors.size() : 0;
}

size_t libdiff_article_block_count(const libdiff_article* article) {
  return IsLive(article) ? article->article.blocks.size() : 0;
}

int libdiff_article_author(const char** out, size_t* out_len, const libdiff_article* article,
                           size_t index) {
  ResetOut(out);
  ResetLen(out_len);
  return Guard(__func__, [&] {
    RequireOut(out);
    const auto& authors = Check(article, "article")->article.authors;
    if (index >= authors.size()) {
      Fail(StatusCode::kNotFound, "author " + std::to_string(index) + " of " +
                                      std::to_string(authors.size()));
    }
    OutView(out, out_len, authors[index]);
    return Status::OK();
  });
}

int libdiff_article_block(const char** out, size_t* out_len, int* out_kind,
                          const libdiff_article* article, size_t index) {
  ResetOut(out);
  ResetLen(out_len);
  if (out_kind != nullptr) *out_kind = 0;
  return Guard(__func__, [&] {
    RequireOut(out);
    const auto& blocks = Check(article, "article")->article.blocks;
    if (index >= blocks.size()) {
      Fail(StatusCode::kNotFound, "block " + std::to_string(index) + " of " +
                                      std::to_string(blocks.size()));
    }
    OutView(out, out_len, blocks[index].text);
    if (out_kind != nullptr) *out_kind = static_cast<int>(blocks[index].kind);
    return Status::OK();
  });
}

int libdiff_article_to_json(char** out, size_t* out_len, const libdiff_article* article) {
  ResetOut(out);
  ResetLen(out_len);
  return Guard(__func__, [&] {
    RequireOut(out);
    OutString(out, out_len, libdiff::ArticleToJson(Check(article, "article")->article));
    return Status::OK();
  });
}

}  // extern "C"
