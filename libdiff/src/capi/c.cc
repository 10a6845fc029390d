// Copyright 2026 The libdiff Authors.
//
// The C API (libdiff.h) over the C++ library. Every entry point runs inside
// Guard(), which clears the thread's last error, catches every exception and
// turns a Status into a C code and a message, so nothing C++ crosses the
// boundary. Handles start with a magic number so a foreign, mixed-up or
// freed (best effort) pointer is refused instead of being used.
#include "capi/boundary.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <initializer_list>
#include <memory>
#include <mutex>
#include <new>
#include <shared_mutex>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "libdiff/article.h"
#include "libdiff/diff.h"
#include "libdiff/fingerprint.h"
#include "libdiff/status.h"
#include "libdiff/store.h"
#include "libdiff/warc.h"
#include "util/utf8.h"
#include "dedupe/document_reader.h"
#include "extract/date.h"
#include "index/near_duplicate_index.h"

using namespace libdiff::capi;  // NOLINT: the boundary helpers, shared with warc.cc

namespace {

libdiff::Page MakePage(const libdiff_store* handle, const char* url, size_t url_len,
                       const char* html, size_t html_len, int64_t fetched_at) {
  libdiff::Page page;
  page.url = Name(url, url_len, "url");
  std::string_view body = Bytes(html, html_len, "html");
  if (body.empty()) InvalidArgument("html is empty");
  if (handle != nullptr && body.size() > handle->extract.max_input_bytes) {
    Fail(StatusCode::kResourceExhausted,
         "html is " + std::to_string(body.size()) + " bytes, over max_input_bytes " +
             std::to_string(handle->extract.max_input_bytes));
  }
  if (fetched_at < 0) InvalidArgument("fetched_at is negative");
  page.html.assign(body);
  page.fetched_at = fetched_at;
  return page;
}

libdiff_article* NewArticle(libdiff::Article article) {
  auto a = std::make_unique<libdiff_article>();
  a->article = std::move(article);
  a->text = a->article.Text();
  return a.release();
}

// The JSON of a verdict: the same schema as the lines `libdiff ingest` prints
// (tools/store_flags.h), so a crawler can log either interchangeably.
nlohmann::json VerdictJson(const libdiff::Verdict& v) {
  nlohmann::json j;
  j["url"] = v.url;
  j["verdict"] = libdiff::VerdictKindName(v.kind);
  j["article"] = v.article;
  j["revision"] = v.revision;
  j["title"] = v.title;
  j["key"] = v.normalized_url;
  if (!v.alias_of.empty()) j["alias_of"] = v.alias_of;
  if (v.kind == libdiff::VerdictKind::kDuplicate) {
    j["of"] = v.of_url;
    j["of_article"] = v.of;
    j["distance"] = v.distance;
    j["similarity"] = v.similarity;
    j["containment"] = v.containment;
    j["cross_site"] = v.cross_site;
  }
  if (v.kind == libdiff::VerdictKind::kUpdated) {
    const libdiff::UpdateSummary& c = v.changes;
    nlohmann::json changes;
    changes["paragraphs_added"] = c.paragraphs_added;
    changes["paragraphs_removed"] = c.paragraphs_removed;
    changes["paragraphs_changed"] = c.paragraphs_changed;
    if (c.sentences_added >= 0) {
      changes["sentences_added"] = c.sentences_added;
      changes["sentences_removed"] = c.sentences_removed;
      changes["sentences_changed"] = c.sentences_changed;
    }
    changes["title_changed"] = c.title_changed;
    changes["simhash_distance"] = c.simhash_distance;
    if (!c.modified.empty()) changes["modified"] = c.modified;
    if (!c.significance.empty()) changes["significance"] = c.significance;
    j["changes"] = changes;
    if (v.reverted_to != 0) j["reverted_to"] = v.reverted_to;
  }
  if (v.kind == libdiff::VerdictKind::kSkipped) j["reason"] = v.reason;
  return j;
}

// One line of JSON; strings that are not UTF-8 are repaired rather than throwing.
std::string Dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

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

// ---------------------------------------------------------------------------
// Library, errors and memory.

int libdiff_version_number(void) { return LIBDIFF_VERSION_NUMBER; }

const char* libdiff_version_string(void) { return LIBDIFF_VERSION_STRING; }

const char* libdiff_last_error(void) { return t_last_error; }

const char* libdiff_strerror(int code) {
  if (code > 0 || code < LIBDIFF_ERROR_INTERNAL) return "unknown error";
  return libdiff::StatusCodeName(static_cast<StatusCode>(-code));
}

void libdiff_string_free(char* s) { std::free(s); }

// ---------------------------------------------------------------------------
// Extraction.

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

// ---------------------------------------------------------------------------
// Fingerprints.

int libdiff_fingerprint_text(libdiff_fingerprint** out, const char* text, size_t len) {
  ResetOut(out);
  return Guard(__func__, [&] {
    RequireOut(out);
    std::string_view s = Utf8(text, len, "text");
    auto f = std::make_unique<libdiff_fingerprint>();
    f->fingerprint = libdiff::FingerprintText(s);
    *out = f.release();
    return Status::OK();
  });
}

int libdiff_fingerprint_article(libdiff_fingerprint** out, const libdiff_article* article) {
  ResetOut(out);
  return Guard(__func__, [&] {
    RequireOut(out);
    const libdiff::Article& a = Check(article, "article")->article;
    std::vector<std::string> paragraphs;
    paragraphs.reserve(a.blocks.size());
    for (const libdiff::Block& b : a.blocks) paragraphs.push_back(b.text);
    auto f = std::make_unique<libdiff_fingerprint>();
    f->fingerprint = libdiff::FingerprintParagraphs(paragraphs);
    *out = f.release();
    return Status::OK();
  });
}

void libdiff_fingerprint_free(libdiff_fingerprint* fingerprint) { FreeHandle(fingerprint); }

uint64_t libdiff_fingerprint_simhash(const libdiff_fingerprint* fingerprint) {
  return IsLive(fingerprint) ? fingerprint->fingerprint.simhash : 0;
}

int libdiff_fingerprint_get(uint64_t* out, const libdiff_fingerprint* fingerprint, int field) {
  if (out != nullptr) *out = 0;
  return Guard(__func__, [&] {
    RequireOut(out);
    const libdiff::Fingerprint& f = Check(fingerprint, "fingerprint")->fingerprint;
    switch (field) {
      case LIBDIFF_FINGERPRINT_TOKEN_COUNT: *out = f.token_count; break;
      case LIBDIFF_FINGERPRINT_SHINGLE_COUNT: *out = f.shingle_count; break;
      case LIBDIFF_FINGERPRINT_PARAGRAPH_COUNT: *out = f.paragraph_hashes.size(); break;
      case LIBDIFF_FINGERPRINT_ALGORITHM_VERSION: *out = f.params.algorithm_version; break;
      case LIBDIFF_FINGERPRINT_SHINGLE_SIZE: *out = f.params.shingle_size; break;
      case LIBDIFF_FINGERPRINT_EXACT_HIGH: *out = f.exact.high; break;
      case LIBDIFF_FINGERPRINT_EXACT_LOW: *out = f.exact.low; break;
      case LIBDIFF_FINGERPRINT_SKETCH_COUNT: *out = f.sketch.size(); break;
      default: InvalidArgument("unknown fingerprint field " + std::to_string(field));
    }
    return Status::OK();
  });
}

}  // extern "C"

namespace {

// The index-th element of a fingerprint's `field` (paragraph hashes, sketch).
template <typename T>
int FingerprintElement(const char* function, T* out, const libdiff_fingerprint* fingerprint,
                       size_t index, std::vector<T> libdiff::Fingerprint::*field, const char* what) {
  if (out != nullptr) *out = 0;
  return Guard(function, [&] {
    RequireOut(out);
    const std::vector<T>& values = Check(fingerprint, "fingerprint")->fingerprint.*field;
    if (index >= values.size()) {
      Fail(StatusCode::kNotFound, std::string(what) + " " + std::to_string(index) + " of " +
                                      std::to_string(values.size()));
    }
    *out = values[index];
    return Status::OK();
  });
}

}  // namespace

extern "C" {

int libdiff_fingerprint_paragraph_hash(uint64_t* out, const libdiff_fingerprint* fingerprint,
                                       size_t index) {
  return FingerprintElement(__func__, out, fingerprint, index,
                            &libdiff::Fingerprint::paragraph_hashes, "paragraph");
}

int libdiff_fingerprint_sketch_value(uint32_t* out, const libdiff_fingerprint* fingerprint,
                                     size_t index) {
  return FingerprintElement(__func__, out, fingerprint, index, &libdiff::Fingerprint::sketch,
                            "sketch value");
}

int libdiff_fingerprint_compare(int* out_distance, double* out_similarity, int* out_identical,
                                const libdiff_fingerprint* a, const libdiff_fingerprint* b) {
  if (out_distance != nullptr) *out_distance = 0;
  if (out_similarity != nullptr) *out_similarity = 0.0;
  if (out_identical != nullptr) *out_identical = 0;
  return Guard(__func__, [&] {
    RequireOut(out_distance, "out_distance");
    const libdiff::Fingerprint& fa = Check(a, "a")->fingerprint;
    const libdiff::Fingerprint& fb = Check(b, "b")->fingerprint;
    if (!(fa.params == fb.params)) {
      InvalidArgument("fingerprints were made with different parameters (algorithm " +
                      std::to_string(fa.params.algorithm_version) + "/shingle " +
                      std::to_string(fa.params.shingle_size) + " vs algorithm " +
                      std::to_string(fb.params.algorithm_version) + "/shingle " +
                      std::to_string(fb.params.shingle_size) + ")");
    }
    const int d = libdiff::HammingDistance(fa.simhash, fb.simhash);
    *out_distance = d;
    if (out_similarity != nullptr) *out_similarity = libdiff::EstimatedSimilarity(d);
    if (out_identical != nullptr) *out_identical = fa.exact == fb.exact ? 1 : 0;
    return Status::OK();
  });
}

int libdiff_simhash_distance(uint64_t a, uint64_t b) { return libdiff::HammingDistance(a, b); }

// ---------------------------------------------------------------------------
// Store options.

int libdiff_store_options_create(libdiff_store_options** out) {
  ResetOut(out);
  return Guard(__func__, [&] {
    RequireOut(out);
    *out = new libdiff_store_options();
    return Status::OK();
  });
}

void libdiff_store_options_free(libdiff_store_options* options) { FreeHandle(options); }

}  // extern "C"

namespace {
int BoolFlag(int value, const char* what) {
  if (value != 0 && value != 1) {
    InvalidArgument(std::string(what) + " must be 0 or 1, not " + std::to_string(value));
  }
  return value;
}
}  // namespace

extern "C" {

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

// ---------------------------------------------------------------------------
// Store.

int libdiff_store_open(libdiff_store** out, const libdiff_store_options* options,
                       const char* path, size_t len) {
  ResetOut(out);
  return Guard(__func__, [&]() -> Status {
    RequireOut(out);
    static const libdiff::StoreOptions kDefaults;
    const libdiff::StoreOptions& o =
        options != nullptr ? Check(options, "options")->options : kDefaults;
    std::string dir = Name(path, len, "path");
    auto r = libdiff::Store::Open(o, dir);
    if (!r.ok()) return r.status();
    auto handle = std::make_unique<libdiff_store>();
    handle->store = std::move(r).value();
    handle->extract = o.extract;
    *out = handle.release();
    return Status::OK();
  });
}

int libdiff_store_close(libdiff_store* store) {
  if (store == nullptr) return LIBDIFF_OK;
  return Guard(__func__, [&] {
    Check(store, "store");
    std::unique_ptr<libdiff::Store> closing;
    {
      std::unique_lock lock(store->mu);
      closing = std::move(store->store);
    }
    closing.reset();  // closes the environment outside the lock
    return Status::OK();
  });
}

void libdiff_store_free(libdiff_store* store) {
  if (!IsLive(store)) return;
  Quiet(0, [&] {
    libdiff_store_close(store);
    return 0;
  });
  FreeHandle(store);
}

int libdiff_store_ingest(libdiff_verdict** out, libdiff_store* store, const char* url,
                         size_t url_len, const char* html, size_t html_len,
                         int64_t fetched_at) {
  ResetOut(out);
  return Guard(__func__, [&] {
    RequireOut(out);
    return WithStore(store, [&](libdiff::Store& s) -> Status {
      libdiff::Page page = MakePage(store, url, url_len, html, html_len, fetched_at);
      auto r = s.Ingest(page);
      if (!r.ok()) return r.status();
      auto v = std::make_unique<libdiff_verdict>();
      v->verdict = std::move(r).value();
      *out = v.release();
      return Status::OK();
    });
  });
}

int libdiff_store_check(libdiff_verdict** out, libdiff_store* store, const char* url,
                        size_t url_len, const char* html, size_t html_len, int64_t fetched_at) {
  ResetOut(out);
  return Guard(__func__, [&] {
    RequireOut(out);
    return WithStore(store, [&](libdiff::Store& s) -> Status {
      libdiff::Page page = MakePage(store, url, url_len, html, html_len, fetched_at);
      auto r = s.Check(page);
      if (!r.ok()) return r.status();
      auto v = std::make_unique<libdiff_verdict>();
      v->verdict = std::move(r).value();
      *out = v.release();
      return Status::OK();
    });
  });
}

int libdiff_batch_create(libdiff_batch** out) {
  ResetOut(out);
  return Guard(__func__, [&] {
    RequireOut(out);
    *out = new libdiff_batch();
    return Status::OK();
  });
}

void libdiff_batch_free(libdiff_batch* batch) { FreeHandle(batch); }

int libdiff_batch_add(libdiff_batch* batch, const char* url, size_t url_len, const char* html,
                      size_t html_len, int64_t fetched_at) {
  return Guard(__func__, [&] {
    Check(batch, "batch");
    batch->pages.push_back(MakePage(nullptr, url, url_len, html, html_len, fetched_at));
    return Status::OK();
  });
}

size_t libdiff_batch_count(const libdiff_batch* batch) {
  return IsLive(batch) ? batch->pages.size() : 0;
}

int libdiff_batch_clear(libdiff_batch* batch) {
  return Guard(__func__, [&] {
    Check(batch, "batch")->pages.clear();
    return Status::OK();
  });
}

}  // extern "C"

namespace {

Status CheckBatchSizes(const libdiff_store* store, const libdiff_batch* batch) {
  for (size_t i = 0; i < batch->pages.size(); ++i) {
    if (batch->pages[i].html.size() > store->extract.max_input_bytes) {
      return Status::ResourceExhausted("page " + std::to_string(i) + " (" +
                                       batch->pages[i].url + "): html is " +
                                       std::to_string(batch->pages[i].html.size()) +
                                       " bytes, over max_input_bytes " +
                                       std::to_string(store->extract.max_input_bytes));
    }
  }
  return Status::OK();
}
}  // namespace

extern "C" {

int libdiff_store_ingest_batch(libdiff_verdict_list** out, libdiff_store* store,
                               const libdiff_batch* batch) {
  ResetOut(out);
  return Guard(__func__, [&] {
    RequireOut(out);
    Check(batch, "batch");
    return WithStore(store, [&](libdiff::Store& s) -> Status {
      LIBDIFF_RETURN_IF_ERROR(CheckBatchSizes(store, batch));
      if (batch->pages.empty()) {
        *out = NewVerdictList({});
        return Status::OK();
      }
      auto r = s.IngestBatch(batch->pages);
      if (!r.ok()) return r.status();
      *out = NewVerdictList(std::move(r).value());
      return Status::OK();
    });
  });
}

int libdiff_store_check_batch(libdiff_verdict_list** out, libdiff_store* store,
                              const libdiff_batch* batch) {
  ResetOut(out);
  return Guard(__func__, [&] {
    RequireOut(out);
    Check(batch, "batch");
    return WithStore(store, [&](libdiff::Store& s) -> Status {
      LIBDIFF_RETURN_IF_ERROR(CheckBatchSizes(store, batch));
      std::vector<libdiff::Verdict> verdicts;
      verdicts.reserve(batch->pages.size());
      for (size_t i = 0; i < batch->pages.size(); ++i) {
        auto r = s.Check(batch->pages[i]);
        if (!r.ok()) return r.status().WithContext("page " + std::to_string(i));
        verdicts.push_back(std::move(r).value());
      }
      *out = NewVerdictList(std::move(verdicts));
      return Status::OK();
    });
  });
}

void libdiff_verdict_list_free(libdiff_verdict_list* list) { FreeHandle(list); }

size_t libdiff_verdict_list_count(const libdiff_verdict_list* list) {
  return IsLive(list) ? list->verdicts.size() : 0;
}

int libdiff_verdict_list_get(const libdiff_verdict** out, const libdiff_verdict_list* list,
                             size_t index) {
  ResetOut(out);
  return Guard(__func__, [&] {
    RequireOut(out);
    const auto& v = Check(list, "list")->verdicts;
    if (index >= v.size()) {
      Fail(StatusCode::kNotFound,
           "verdict " + std::to_string(index) + " of " + std::to_string(v.size()));
    }
    *out = v[index].get();
    return Status::OK();
  });
}

void libdiff_verdict_free(libdiff_verdict* verdict) { FreeHandle(verdict); }

int libdiff_verdict_kind(const libdiff_verdict* verdict) {
  int kind = 0;
  int rc = Guard(__func__, [&] {
    kind = static_cast<int>(Check(verdict, "verdict")->verdict.kind) + 1;
    return Status::OK();
  });
  return rc == LIBDIFF_OK ? kind : rc;
}

const char* libdiff_verdict_kind_name(int kind) {
  if (kind < LIBDIFF_VERDICT_NEW || kind > LIBDIFF_VERDICT_SKIPPED) return "unknown";
  return libdiff::VerdictKindName(static_cast<libdiff::VerdictKind>(kind - 1));
}

int libdiff_verdict_string(const char** out, size_t* out_len, const libdiff_verdict* verdict,
                           int field) {
  ResetOut(out);
  ResetLen(out_len);
  return Guard(__func__, [&] {
    RequireOut(out);
    const libdiff::Verdict& v = Check(verdict, "verdict")->verdict;
    const std::string* s = nullptr;
    switch (field) {
      case LIBDIFF_VERDICT_URL: s = &v.url; break;
      case LIBDIFF_VERDICT_NORMALIZED_URL: s = &v.normalized_url; break;
      case LIBDIFF_VERDICT_TITLE: s = &v.title; break;
      case LIBDIFF_VERDICT_ALIAS_OF: s = &v.alias_of; break;
      case LIBDIFF_VERDICT_OF_URL: s = &v.of_url; break;
      case LIBDIFF_VERDICT_REASON: s = &v.reason; break;
      case LIBDIFF_VERDICT_MODIFIED: s = &v.changes.modified; break;
      case LIBDIFF_VERDICT_SIGNIFICANCE: s = &v.changes.significance; break;
      default: InvalidArgument("unknown verdict string field " + std::to_string(field));
    }
    OutView(out, out_len, *s);
    return Status::OK();
  });
}

int libdiff_verdict_int(int64_t* out, const libdiff_verdict* verdict, int field) {
  if (out != nullptr) *out = 0;
  return Guard(__func__, [&] {
    RequireOut(out);
    const libdiff::Verdict& v = Check(verdict, "verdict")->verdict;
    const libdiff::UpdateSummary& c = v.changes;
    const bool updated = v.kind == libdiff::VerdictKind::kUpdated;
    const bool duplicate = v.kind == libdiff::VerdictKind::kDuplicate;
    switch (field) {
      case LIBDIFF_VERDICT_ARTICLE: *out = static_cast<int64_t>(v.article); break;
      case LIBDIFF_VERDICT_REVISION: *out = v.revision; break;
      case LIBDIFF_VERDICT_REVERTED_TO: *out = v.reverted_to; break;
      case LIBDIFF_VERDICT_OF: *out = duplicate ? static_cast<int64_t>(v.of) : 0; break;
      case LIBDIFF_VERDICT_DISTANCE: *out = duplicate ? v.distance : 0; break;
      case LIBDIFF_VERDICT_CROSS_SITE: *out = duplicate && v.cross_site ? 1 : 0; break;
      case LIBDIFF_VERDICT_PARAGRAPHS_ADDED: *out = updated ? c.paragraphs_added : 0; break;
      case LIBDIFF_VERDICT_PARAGRAPHS_REMOVED: *out = updated ? c.paragraphs_removed : 0; break;
      case LIBDIFF_VERDICT_PARAGRAPHS_CHANGED: *out = updated ? c.paragraphs_changed : 0; break;
      case LIBDIFF_VERDICT_SENTENCES_ADDED: *out = updated ? c.sentences_added : 0; break;
      case LIBDIFF_VERDICT_SENTENCES_REMOVED: *out = updated ? c.sentences_removed : 0; break;
      case LIBDIFF_VERDICT_SENTENCES_CHANGED: *out = updated ? c.sentences_changed : 0; break;
      case LIBDIFF_VERDICT_TITLE_CHANGED: *out = updated && c.title_changed ? 1 : 0; break;
      case LIBDIFF_VERDICT_CHANGE_DISTANCE: *out = updated ? c.simhash_distance : 0; break;
      default: InvalidArgument("unknown verdict integer field " + std::to_string(field));
    }
    return Status::OK();
  });
}

int libdiff_verdict_similarity(double* out, const libdiff_verdict* verdict) {
  if (out != nullptr) *out = 0.0;
  return Guard(__func__, [&] {
    RequireOut(out);
    const libdiff::Verdict& v = Check(verdict, "verdict")->verdict;
    *out = v.kind == libdiff::VerdictKind::kDuplicate ? v.similarity : 0.0;
    return Status::OK();
  });
}

int libdiff_verdict_containment(double* out, const libdiff_verdict* verdict) {
  if (out != nullptr) *out = 0.0;
  return Guard(__func__, [&] {
    RequireOut(out);
    const libdiff::Verdict& v = Check(verdict, "verdict")->verdict;
    *out = v.kind == libdiff::VerdictKind::kDuplicate ? v.containment : 0.0;
    return Status::OK();
  });
}

int libdiff_verdict_to_json(char** out, size_t* out_len, const libdiff_verdict* verdict) {
  ResetOut(out);
  ResetLen(out_len);
  return Guard(__func__, [&] {
    RequireOut(out);
    OutString(out, out_len, Dump(VerdictJson(Check(verdict, "verdict")->verdict)));
    return Status::OK();
  });
}

// ---------------------------------------------------------------------------
// History, revisions, stats.

int libdiff_store_history(libdiff_history** out, libdiff_store* store, const char* url,
                          size_t url_len) {
  ResetOut(out);
  return Guard(__func__, [&] {
    RequireOut(out);
    return WithStore(store, [&](libdiff::Store& s) -> Status {
      std::string key = Name(url, url_len, "url");
      auto r = s.History(key);
      if (!r.ok()) return r.status();
      auto h = std::make_unique<libdiff_history>();
      h->history = std::move(r).value();
      h->url = std::move(key);
      *out = h.release();
      return Status::OK();
    });
  });
}

void libdiff_history_free(libdiff_history* history) { FreeHandle(history); }

int libdiff_history_int(int64_t* out, const libdiff_history* history, int field) {
  if (out != nullptr) *out = 0;
  return Guard(__func__, [&] {
    RequireOut(out);
    const libdiff::ArticleHistory& h = Check(history, "history")->history;
    switch (field) {
      case LIBDIFF_HISTORY_ARTICLE: *out = static_cast<int64_t>(h.article); break;
      case LIBDIFF_HISTORY_DUPLICATE_OF: *out = static_cast<int64_t>(h.duplicate_of); break;
      case LIBDIFF_HISTORY_FIRST_SEEN: *out = h.first_seen; break;
      case LIBDIFF_HISTORY_REVISION_COUNT: *out = static_cast<int64_t>(h.revisions.size()); break;
      case LIBDIFF_HISTORY_URL_COUNT: *out = static_cast<int64_t>(h.urls.size()); break;
      default: InvalidArgument("unknown history field " + std::to_string(field));
    }
    return Status::OK();
  });
}

int libdiff_history_first_url(const char** out, size_t* out_len,
                              const libdiff_history* history) {
  ResetOut(out);
  ResetLen(out_len);
  return Guard(__func__, [&] {
    RequireOut(out);
    OutView(out, out_len, Check(history, "history")->history.first_url);
    return Status::OK();
  });
}

int libdiff_history_url(const char** out, size_t* out_len, const libdiff_history* history,
                        size_t index) {
  ResetOut(out);
  ResetLen(out_len);
  return Guard(__func__, [&] {
    RequireOut(out);
    const auto& urls = Check(history, "history")->history.urls;
    if (index >= urls.size()) {
      Fail(StatusCode::kNotFound,
           "url " + std::to_string(index) + " of " + std::to_string(urls.size()));
    }
    OutView(out, out_len, urls[index]);
    return Status::OK();
  });
}

}  // extern "C"

namespace {
const libdiff::RevisionInfo& RevisionAt(const libdiff_history* history, size_t index) {
  const auto& revs = Check(history, "history")->history.revisions;
  if (index >= revs.size()) {
    Fail(StatusCode::kNotFound,
         "revision index " + std::to_string(index) + " of " + std::to_string(revs.size()));
  }
  return revs[index];
}
}  // namespace

extern "C" {

int libdiff_history_revision_int(int64_t* out, const libdiff_history* history, size_t index,
                                 int field) {
  if (out != nullptr) *out = 0;
  return Guard(__func__, [&] {
    RequireOut(out);
    const libdiff::RevisionInfo& r = RevisionAt(history, index);
    switch (field) {
      case LIBDIFF_REVISION_NUMBER: *out = r.revision; break;
      case LIBDIFF_REVISION_FETCHED_AT: *out = r.fetched_at; break;
      case LIBDIFF_REVISION_SAME_AS: *out = r.same_as; break;
      case LIBDIFF_REVISION_KEYFRAME: *out = r.keyframe ? 1 : 0; break;
      case LIBDIFF_REVISION_STORED_BYTES: *out = static_cast<int64_t>(r.stored_bytes); break;
      case LIBDIFF_REVISION_SIMHASH: *out = static_cast<int64_t>(r.simhash); break;
      default: InvalidArgument("unknown revision integer field " + std::to_string(field));
    }
    return Status::OK();
  });
}

int libdiff_history_revision_string(const char** out, size_t* out_len,
                                    const libdiff_history* history, size_t index, int field) {
  ResetOut(out);
  ResetLen(out_len);
  return Guard(__func__, [&] {
    RequireOut(out);
    const libdiff::RevisionInfo& r = RevisionAt(history, index);
    switch (field) {
      case LIBDIFF_REVISION_URL: OutView(out, out_len, r.url); break;
      case LIBDIFF_REVISION_TITLE: OutView(out, out_len, r.title); break;
      default: InvalidArgument("unknown revision string field " + std::to_string(field));
    }
    return Status::OK();
  });
}

int libdiff_history_to_json(char** out, size_t* out_len, const libdiff_history* history) {
  ResetOut(out);
  ResetLen(out_len);
  return Guard(__func__, [&] {
    RequireOut(out);
    const libdiff_history* handle = Check(history, "history");
    const libdiff::ArticleHistory& h = handle->history;
    // The schema of `libdiff history` (tools/history_command.cc).
    nlohmann::json j;
    j["url"] = handle->url;
    j["article"] = h.article;
    j["first_url"] = h.first_url;
    j["urls"] = h.urls;
    if (h.duplicate_of != 0) j["duplicate_of"] = h.duplicate_of;
    j["first_seen"] = h.first_seen;
    nlohmann::json revs = nlohmann::json::array();
    for (const libdiff::RevisionInfo& r : h.revisions) {
      nlohmann::json e;
      e["revision"] = r.revision;
      e["fetched_at"] = r.fetched_at;
      e["url"] = r.url;
      e["title"] = r.title;
      char hex[17];
      std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(r.simhash));
      e["simhash"] = hex;
      if (r.same_as != 0) e["same_as"] = r.same_as;
      e["stored"] = r.keyframe ? "keyframe" : (r.same_as != 0 ? "reference" : "delta");
      e["stored_bytes"] = r.stored_bytes;
      revs.push_back(std::move(e));
    }
    j["revisions"] = std::move(revs);
    OutString(out, out_len, Dump(j));
    return Status::OK();
  });
}

int libdiff_store_read_revision(libdiff_article** out, libdiff_store* store, const char* url,
                                size_t url_len, uint32_t revision) {
  ResetOut(out);
  return Guard(__func__, [&] {
    RequireOut(out);
    return WithStore(store, [&](libdiff::Store& s) -> Status {
      auto r = s.ReadRevision(Name(url, url_len, "url"), revision);
      if (!r.ok()) return r.status();
      *out = NewArticle(std::move(r).value());
      return Status::OK();
    });
  });
}

int libdiff_store_stats(libdiff_stats** out, libdiff_store* store) {
  ResetOut(out);
  return Guard(__func__, [&] {
    RequireOut(out);
    return WithStore(store, [&](libdiff::Store& s) -> Status {
      auto r = s.Stats();
      if (!r.ok()) return r.status();
      auto h = std::make_unique<libdiff_stats>();
      h->stats = std::move(r).value();
      h->dir = s.dir();
      *out = h.release();
      return Status::OK();
    });
  });
}

void libdiff_stats_free(libdiff_stats* stats) { FreeHandle(stats); }

int libdiff_stats_get(uint64_t* out, const libdiff_stats* stats, int field) {
  if (out != nullptr) *out = 0;
  return Guard(__func__, [&] {
    RequireOut(out);
    const libdiff::StoreStats& s = Check(stats, "stats")->stats;
    switch (field) {
      case LIBDIFF_STATS_ARTICLES: *out = s.articles; break;
      case LIBDIFF_STATS_REVISIONS: *out = s.revisions; break;
      case LIBDIFF_STATS_URLS: *out = s.urls; break;
      case LIBDIFF_STATS_DUPLICATES: *out = s.duplicates; break;
      case LIBDIFF_STATS_SNAPSHOT_BYTES: *out = s.snapshot_bytes; break;
      case LIBDIFF_STATS_RAW_HTML_BYTES: *out = s.raw_html_bytes; break;
      case LIBDIFF_STATS_RECORD_BYTES: *out = s.record_bytes; break;
      case LIBDIFF_STATS_FILE_BYTES: *out = s.file_bytes; break;
      case LIBDIFF_STATS_MAP_SIZE: *out = s.map_size; break;
      default: InvalidArgument("unknown stats field " + std::to_string(field));
    }
    return Status::OK();
  });
}

int libdiff_stats_bytes_per_revision(double* out, const libdiff_stats* stats) {
  if (out != nullptr) *out = 0.0;
  return Guard(__func__, [&] {
    RequireOut(out);
    *out = Check(stats, "stats")->stats.bytes_per_revision;
    return Status::OK();
  });
}

int libdiff_stats_to_json(char** out, size_t* out_len, const libdiff_stats* stats) {
  ResetOut(out);
  ResetLen(out_len);
  return Guard(__func__, [&] {
    RequireOut(out);
    const libdiff_stats* handle = Check(stats, "stats");
    const libdiff::StoreStats& s = handle->stats;
    // The schema of `libdiff stats --json` (tools/stats_command.cc).
    nlohmann::json j;
    j["store"] = handle->dir;
    j["articles"] = s.articles;
    j["revisions"] = s.revisions;
    j["urls"] = s.urls;
    j["duplicates"] = s.duplicates;
    j["snapshot_bytes"] = s.snapshot_bytes;
    j["record_bytes"] = s.record_bytes;
    j["bytes_per_revision"] = s.bytes_per_revision;
    j["raw_html_bytes"] = s.raw_html_bytes;
    j["file_bytes"] = s.file_bytes;
    j["map_size"] = s.map_size;
    OutString(out, out_len, Dump(j));
    return Status::OK();
  });
}

// ---------------------------------------------------------------------------
// Diffs.

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

// ---------------------------------------------------------------------------
// Experimental.

int libdiff_store_prune(uint64_t* out_removed, libdiff_store* store, int64_t older_than,
                        uint32_t keep_revisions) {
  if (out_removed != nullptr) *out_removed = 0;
  return Guard(__func__, [&] {
    if (older_than < 0) InvalidArgument("older_than is negative");
    return WithStore(store, [&](libdiff::Store& s) -> Status {
      libdiff::PruneOptions o;
      o.older_than = older_than;
      o.keep_revisions = keep_revisions;
      auto r = s.Prune(o);
      if (!r.ok()) return r.status();
      if (out_removed != nullptr) *out_removed = r->revisions_removed;
      return Status::OK();
    });
  });
}

int libdiff_store_compact(uint64_t* out_bytes_after, libdiff_store* store) {
  if (out_bytes_after != nullptr) *out_bytes_after = 0;
  return Guard(__func__, [&] {
    return WithStore(store, [&](libdiff::Store& s) -> Status {
      auto r = s.Compact();
      if (!r.ok()) return r.status();
      if (out_bytes_after != nullptr) *out_bytes_after = r->bytes_after;
      return Status::OK();
    });
  });
}

int libdiff_normalize_url(char** out, size_t* out_len, const char* url, size_t len) {
  ResetOut(out);
  ResetLen(out_len);
  return Guard(__func__, [&]() -> Status {
    RequireOut(out);
    auto r = libdiff::NormalizeUrl(Name(url, len, "url"));
    if (!r.ok()) return r.status();
    OutString(out, out_len, *r);
    return Status::OK();
  });
}

}  // extern "C"

// --- Scale-out dedupe entry points (experimental; used by
// bindings/python/libdiff/dask_dedupe.py). Mirrors DedupeRun::ProcessOne and
// DedupeRun::VerifyPair in libdiff/src/dedupe/dedupe.cc.
namespace {

// The record of one document's content; `url` and `content_type` (a WARC
// member's) go to the extractor as dedupe.cc gives them.
nlohmann::json DedupeRecordOf(libdiff::Result<libdiff::internal::DocumentContent> content,
                              size_t max_file, size_t max_gz, const std::string& url = "",
                              const std::string& content_type = "") {
  using libdiff::internal::DocumentKind;
  nlohmann::json j;
  auto skip = [&](const char* reason, std::string detail) {
    j["kind"] = "skip";
    j["reason"] = reason;
    j["detail"] = std::move(detail);
    if (!j.contains("disk_bytes")) j["disk_bytes"] = 0;
    return j;
  };
  if (!content.ok()) {
    return skip(content.status().IsResourceExhausted() ? "too large" : "unreadable",
                content.status().message());
  }
  j["disk_bytes"] = content->disk_bytes;
  if (content->kind == DocumentKind::kOther) return skip("not html", "");
  libdiff::Fingerprint fp;
  nlohmann::json published = nullptr;
  uint64_t body_bytes = 0;
  if (content->kind == DocumentKind::kHtml) {
    libdiff::ExtractOptions eo;
    eo.max_input_bytes = std::max(max_file, max_gz);
    eo.url = url;
    eo.content_type = content_type;
    auto article = libdiff::ExtractArticle(content->bytes, eo);
    if (!article.ok()) {
      return skip(article.status().IsResourceExhausted() ? "too large" : "unreadable",
                  article.status().message());
    }
    if (article->blocks.empty()) return skip("no article", article->empty_reason);
    std::vector<std::string> paragraphs;
    paragraphs.reserve(article->blocks.size());
    for (const libdiff::Block& b : article->blocks) {
      body_bytes += b.text.size();
      paragraphs.push_back(b.text);
    }
    fp = libdiff::FingerprintParagraphs(paragraphs);
    int64_t t = 0;
    if (!article->published.empty() &&
        libdiff::internal::IsoToUnixSeconds(article->published, &t)) {
      published = t;
    }
  } else {
    body_bytes = content->bytes.size();
    fp = libdiff::FingerprintText(content->bytes);
    if (fp.token_count == 0) return skip("no article", "empty text");
  }
  j["kind"] = "doc";
  j["simhash"] = fp.simhash;
  j["exact"] = nlohmann::json::array({fp.exact.high, fp.exact.low});
  j["published"] = published;
  j["body_bytes"] = std::min<uint64_t>(body_bytes, UINT32_MAX);
  j["tokens"] = std::min<uint64_t>(fp.token_count, UINT32_MAX);
  j["shingles"] = std::min<uint64_t>(fp.shingle_count, UINT32_MAX);
  j["sketch"] = fp.sketch;
  return j;
}

}  // namespace

extern "C" {

int libdiff_dedupe_record(char** out, size_t* out_len, const char* path, size_t path_len,
                          uint64_t max_file_bytes, uint64_t max_decompressed_bytes) {
  ResetOut(out);
  ResetLen(out_len);
  return Guard(__func__, [&]() -> Status {
    RequireOut(out);
    const std::string p = Name(path, path_len, "path");
    const nlohmann::json j =
        DedupeRecordOf(libdiff::internal::ReadDocument(p, static_cast<size_t>(max_file_bytes),
                                                       static_cast<size_t>(max_decompressed_bytes)),
                       static_cast<size_t>(max_file_bytes),
                       static_cast<size_t>(max_decompressed_bytes));
    OutString(out, out_len, j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    return Status::OK();
  });
}

int libdiff_dedupe_warc_records(char** out, size_t* out_len, const char* path, size_t path_len,
                                uint64_t max_file_bytes, uint64_t max_decompressed_bytes) {
  ResetOut(out);
  ResetLen(out_len);
  return Guard(__func__, [&]() -> Status {
    RequireOut(out);
    const std::string p = Name(path, path_len, "path");
    const size_t max_file = static_cast<size_t>(max_file_bytes);
    const size_t max_gz = static_cast<size_t>(max_decompressed_bytes);
    nlohmann::json j;
    j["records"] = nlohmann::json::array();
    libdiff::WarcReaderOptions wo;
    wo.max_record_bytes = std::max<size_t>(1, std::max(max_file, max_gz));
    auto reader = libdiff::WarcReader::Open(p, wo);
    if (!reader.ok()) {
      j["error"] = reader.status().message();
    } else {
      for (;;) {
        libdiff::WarcRecord r;
        auto more = (*reader)->Next(&r);
        if (!more.ok()) {  // the records before the damage are kept
          j["error"] = more.status().message();
          break;
        }
        if (!*more) break;
        nlohmann::json rec;
        if (r.type == libdiff::WarcRecordType::kRevisit) {
          rec["kind"] = "revisit";
          rec["detail"] = "of " + r.refers_to_url + " " + r.refers_to_date;
        } else {
          libdiff::internal::DocumentContent content;
          content.kind = libdiff::internal::DocumentKind::kHtml;
          content.bytes = std::move(r.body);
          rec = DedupeRecordOf(std::move(content), max_file, max_gz, r.url, r.content_type);
        }
        rec["offset"] = r.offset;
        rec["url"] = r.url;
        j["records"].push_back(std::move(rec));
      }
      const libdiff::WarcStats& st = (*reader)->stats();
      j["disk_bytes"] = st.bytes_in;
      j["not_html"] = st.not_html;
      j["too_large"] = st.too_large;
    }
    OutString(out, out_len, j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    return Status::OK();
  });
}

int libdiff_dedupe_verify(int* out_duplicate, int* out_distance, double* out_similarity,
                          int* out_exact, uint64_t simhash_a, uint64_t simhash_b, int exact_equal,
                          uint64_t tokens_a, uint64_t tokens_b, uint64_t shingles_a,
                          uint64_t shingles_b, const uint32_t* sketch_a, size_t count_a,
                          const uint32_t* sketch_b, size_t count_b, int max_distance) {
  return Guard(__func__, [&]() -> Status {
    if ((sketch_a == nullptr && count_a > 0) || (sketch_b == nullptr && count_b > 0)) {
      InvalidArgument("sketch is NULL with a non-zero count");
    }
    if (count_a > libdiff::kSketchSize || count_b > libdiff::kSketchSize) {
      InvalidArgument("a sketch holds at most " + std::to_string(libdiff::kSketchSize) + " values");
    }
    if (max_distance < 0 || max_distance > libdiff::internal::kMaxSupportedK) {
      InvalidArgument("max_distance outside 0..7");
    }
    libdiff::internal::VerifyOptions vo;
    vo.max_distance = max_distance;
    const libdiff::internal::VerifyResult v = libdiff::internal::VerifyNearDuplicateSorted(
        simhash_a, simhash_b, exact_equal != 0, tokens_a, tokens_b, shingles_a, shingles_b,
        std::span<const uint32_t>(sketch_a, count_a), std::span<const uint32_t>(sketch_b, count_b),
        {}, {}, vo);
    if (out_duplicate != nullptr) *out_duplicate = v.is_duplicate ? 1 : 0;
    if (out_distance != nullptr) *out_distance = v.distance;
    if (out_similarity != nullptr) *out_similarity = v.similarity;
    if (out_exact != nullptr) *out_exact = v.exact ? 1 : 0;
    return Status::OK();
  });
}

}  // extern "C"
