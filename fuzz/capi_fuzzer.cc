// Copyright 2026 The libdiff Authors.
//
// Fuzzes the C API (libdiff.h) the way a crawler in another language calls it:
// arbitrary bytes as HTML, URLs, JSON and texts, NULL pointers and zero lengths,
// out-of-range fields and indexes, and a store ingesting and checking pages.
// Properties checked:
//   - every call returns LIBDIFF_OK or one of the pinned negative codes, and a
//     failure leaves a non-empty libdiff_last_error() and a named libdiff_strerror();
//   - NULL out-parameters and handles give LIBDIFF_ERROR_INVALID_ARGUMENT;
//   - strings handed out are valid UTF-8 of the length reported;
//   - an article survives libdiff_article_to_json -> libdiff_article_from_json;
//   - check never writes: it reports what ingest then reports, and stats only
//     change on ingest.
// Input: byte 0 = flags, then ShortString URL, ShortString content type, rest = page.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "fuzz_input.h"
#include "libdiff/libdiff.h"
#include "util/utf8.h"

namespace {

using libdiff::internal::IsValidUtf8;

void CheckCode(int rc) {
  LIBDIFF_FUZZ_CHECK(rc <= 0 && rc >= LIBDIFF_ERROR_INTERNAL, "return codes are pinned values");
  LIBDIFF_FUZZ_CHECK(rc != LIBDIFF_ERROR_INTERNAL, "no internal errors on any input");
  if (rc != LIBDIFF_OK) {
    const char* message = libdiff_last_error();
    LIBDIFF_FUZZ_CHECK(message != nullptr && message[0] != '\0', "failures set libdiff_last_error");
    LIBDIFF_FUZZ_CHECK(libdiff_strerror(rc) != nullptr, "every code has a name");
  }
}

void CheckString(const char* s, size_t len) {
  LIBDIFF_FUZZ_CHECK(s != nullptr, "strings are never NULL");
  LIBDIFF_FUZZ_CHECK(std::strlen(s) <= len && s[len] == '\0', "strings are NUL-terminated at len");
  LIBDIFF_FUZZ_CHECK(IsValidUtf8(std::string_view(s, len)), "strings are valid UTF-8");
}

void CheckArticle(const libdiff_article* a) {
  for (int field = LIBDIFF_ARTICLE_URL; field <= LIBDIFF_ARTICLE_TEXT; ++field) {
    const char* s = nullptr;
    size_t len = 0;
    const int rc = libdiff_article_string(&s, &len, a, field);
    CheckCode(rc);
    LIBDIFF_FUZZ_CHECK(rc == LIBDIFF_OK, "every article field is readable");
    if (field != LIBDIFF_ARTICLE_URL) CheckString(s, len);
  }
  const char* s = nullptr;
  size_t len = 0;
  LIBDIFF_FUZZ_CHECK(libdiff_article_string(&s, &len, a, 99) == LIBDIFF_ERROR_INVALID_ARGUMENT,
                     "an unknown field is an invalid argument");
  const size_t blocks = libdiff_article_block_count(a);
  for (size_t i = 0; i < blocks; ++i) {
    int kind = -1;
    CheckCode(libdiff_article_block(&s, &len, &kind, a, i));
    CheckString(s, len);
    LIBDIFF_FUZZ_CHECK(kind >= LIBDIFF_BLOCK_PARAGRAPH && kind <= LIBDIFF_BLOCK_TABLE_ROW,
                       "block kinds are pinned");
  }
  int kind = 0;
  LIBDIFF_FUZZ_CHECK(libdiff_article_block(&s, &len, &kind, a, blocks) < 0,
                     "a block past the end fails");
  for (size_t i = 0; i < libdiff_article_author_count(a); ++i) {
    CheckCode(libdiff_article_author(&s, &len, a, i));
    CheckString(s, len);
  }

  char* json = nullptr;
  size_t json_len = 0;
  const int rc = libdiff_article_to_json(&json, &json_len, a);
  CheckCode(rc);
  LIBDIFF_FUZZ_CHECK(rc == LIBDIFF_OK, "an article converts to JSON");
  CheckString(json, json_len);
  libdiff_article* back = nullptr;
  const int rc2 = libdiff_article_from_json(&back, json, json_len);
  LIBDIFF_FUZZ_CHECK(rc2 == LIBDIFF_OK, "an article's JSON reads back");
  char* json2 = nullptr;
  size_t json2_len = 0;
  CheckCode(libdiff_article_to_json(&json2, &json2_len, back));
  LIBDIFF_FUZZ_CHECK(json2_len == json_len && std::memcmp(json, json2, json_len) == 0,
                     "article JSON round-trips");
  libdiff_string_free(json2);
  libdiff_string_free(json);
  libdiff_article_free(back);
}

libdiff_store* Store() {
  static libdiff_store* store = [] {
    std::string dir =
        (std::filesystem::temp_directory_path() / "libdiff-capi-fuzz-XXXXXX").string();
    if (::mkdtemp(dir.data()) == nullptr) std::abort();
    static std::string kept = dir;
    // The handle stays open until exit: libdiff_store_free() from an atexit
    // handler touches the already destroyed thread-local error state (reported).
    std::atexit([] {
      std::error_code ec;
      std::filesystem::remove_all(kept, ec);
    });
    libdiff_store* s = nullptr;
    const int rc = libdiff_store_open(&s, nullptr, dir.c_str(), dir.size());
    LIBDIFF_FUZZ_CHECK(rc == LIBDIFF_OK, "the scratch store opens");
    return s;
  }();
  return store;
}

void FuzzStore(std::string_view url, std::string_view html, int64_t fetched_at) {
  libdiff_store* store = Store();
  libdiff_verdict* checked = nullptr;
  const int rc_check = libdiff_store_check(&checked, store, url.data(), url.size(), html.data(),
                                           html.size(), fetched_at);
  CheckCode(rc_check);
  libdiff_verdict* ingested = nullptr;
  const int rc_ingest = libdiff_store_ingest(&ingested, store, url.data(), url.size(), html.data(),
                                             html.size(), fetched_at);
  CheckCode(rc_ingest);
  LIBDIFF_FUZZ_CHECK(rc_check == rc_ingest, "check fails exactly when ingest fails");
  if (rc_ingest == LIBDIFF_OK) {
    LIBDIFF_FUZZ_CHECK(libdiff_verdict_kind(checked) == libdiff_verdict_kind(ingested),
                       "check predicts ingest's verdict");
    LIBDIFF_FUZZ_CHECK(libdiff_verdict_kind_name(libdiff_verdict_kind(ingested)) != nullptr,
                       "verdict kinds have names");
    char* json = nullptr;
    size_t len = 0;
    CheckCode(libdiff_verdict_to_json(&json, &len, ingested));
    CheckString(json, len);
    libdiff_string_free(json);
  }
  libdiff_verdict_free(checked);
  libdiff_verdict_free(ingested);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  libdiff::fuzz::FuzzInput input(data, size);
  const uint8_t flags = input.Byte();
  const std::string url(input.ShortString(120));
  const std::string content_type(input.ShortString(60));
  const std::string page(input.Rest());

  // NULL and zero-length arguments.
  LIBDIFF_FUZZ_CHECK(libdiff_extract(nullptr, nullptr, page.data(), page.size()) ==
                         LIBDIFF_ERROR_INVALID_ARGUMENT, "NULL out is an invalid argument");
  libdiff_article* none = nullptr;
  CheckCode(libdiff_extract(&none, nullptr, nullptr, page.size()));
  libdiff_article_free(none);
  libdiff_article_free(nullptr);

  libdiff_extract_options* options = nullptr;
  CheckCode(libdiff_extract_options_create(&options));
  CheckCode(libdiff_extract_options_set_url(options, url.data(), url.size()));
  CheckCode(
      libdiff_extract_options_set_content_type(options, content_type.data(), content_type.size()));
  if (flags & 1) CheckCode(libdiff_extract_options_set_max_blocks(options, flags >> 4));
  if (flags & 2) {
    CheckCode(libdiff_extract_options_set_max_depth(options, static_cast<int>(flags >> 3) - 4));
  }
  if (flags & 4) {
    CheckCode(libdiff_extract_options_set_max_input_bytes(options, size_t{flags} * 16));
  }

  libdiff_article* article = nullptr;
  const int rc = libdiff_extract(&article, options, page.data(), page.size());
  CheckCode(rc);
  if (rc == LIBDIFF_OK) {
    CheckArticle(article);
    libdiff_fingerprint* a = nullptr;
    libdiff_fingerprint* b = nullptr;
    CheckCode(libdiff_fingerprint_article(&a, article));
    const char* text = nullptr;
    size_t text_len = 0;
    CheckCode(libdiff_article_string(&text, &text_len, article, LIBDIFF_ARTICLE_TEXT));
    CheckCode(libdiff_fingerprint_text(&b, text, text_len));
    int distance = -1, identical = -1;
    double similarity = -1;
    CheckCode(libdiff_fingerprint_compare(&distance, &similarity, &identical, a, b));
    LIBDIFF_FUZZ_CHECK(distance >= 0 && distance <= 64 && similarity >= 0 && similarity <= 1,
                       "comparisons are in range");
    libdiff_fingerprint_free(a);
    libdiff_fingerprint_free(b);
  }

  // The page as arbitrary JSON and as two texts to diff.
  libdiff_article* from_json = nullptr;
  CheckCode(libdiff_article_from_json(&from_json, page.data(), page.size()));
  libdiff_article_free(from_json);
  libdiff_diff_options* diff_options = nullptr;
  CheckCode(libdiff_diff_options_create(&diff_options));
  CheckCode(libdiff_diff_options_set_format(diff_options, (flags >> 5) % 5));
  char* rendered = nullptr;
  size_t rendered_len = 0;
  int changed = -1;
  const size_t half = page.size() / 2;
  CheckCode(libdiff_diff_texts(&rendered, &rendered_len, &changed, diff_options, page.data(), half,
                               page.data() + half, page.size() - half));
  if (rendered != nullptr) CheckString(rendered, rendered_len);
  libdiff_string_free(rendered);
  if (rc == LIBDIFF_OK) {
    char* self = nullptr;
    size_t self_len = 0;
    changed = -1;
    CheckCode(libdiff_diff_articles(&self, &self_len, &changed, diff_options, article, article));
    LIBDIFF_FUZZ_CHECK(changed == 0, "an article diffed with itself is unchanged");
    libdiff_string_free(self);
  }
  libdiff_diff_options_free(diff_options);
  libdiff_article_free(article);
  libdiff_extract_options_free(options);

  if (flags & 8) FuzzStore(url, page, static_cast<int64_t>(flags) * 1000);
  return 0;
}
