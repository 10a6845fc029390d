// Copyright 2026 The libdiff Authors.
//
// Fuzzes article extraction (article.h): arbitrary bytes as HTML, with arbitrary
// URL, Content-Type and limits. Properties checked on each input:
//   - ExtractArticle succeeds, or fails with kResourceExhausted exactly when the
//     input is larger than max_input_bytes (malformed HTML is never an error);
//   - every text field and block is valid UTF-8, blocks have no newline and are
//     not empty, and there are at most max_blocks of them;
//   - Text() is the blocks joined by blank lines;
//   - extraction is deterministic.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "fuzz_input.h"
#include "libdiff/article.h"
#include "util/utf8.h"

namespace {

using libdiff::internal::IsValidUtf8;

void CheckArticle(const libdiff::Article& article, const libdiff::ExtractOptions& options) {
  for (const std::string* field :
       {&article.canonical_url, &article.title, &article.site_name, &article.published,
        &article.modified, &article.language, &article.description, &article.type,
        &article.empty_reason}) {
    LIBDIFF_FUZZ_CHECK(IsValidUtf8(*field), "metadata fields are valid UTF-8");
  }
  for (const std::string& author : article.authors) {
    LIBDIFF_FUZZ_CHECK(IsValidUtf8(author), "authors are valid UTF-8");
  }
  LIBDIFF_FUZZ_CHECK(article.blocks.size() <= options.max_blocks, "at most max_blocks blocks");
  std::string joined;
  for (const libdiff::Block& block : article.blocks) {
    LIBDIFF_FUZZ_CHECK(IsValidUtf8(block.text), "block text is valid UTF-8");
    LIBDIFF_FUZZ_CHECK(block.text.find('\n') == std::string::npos, "block text has no newline");
    LIBDIFF_FUZZ_CHECK(!block.text.empty(), "blocks are not empty");
    LIBDIFF_FUZZ_CHECK(libdiff::BlockKindName(block.kind) != nullptr, "block kind has a name");
    if (!joined.empty()) joined += "\n\n";
    joined += block.text;
  }
  LIBDIFF_FUZZ_CHECK(article.Text() == joined, "Text() joins blocks by blank lines");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Options first (a 0 flags byte keeps the defaults), then the page.
  libdiff::fuzz::FuzzInput input(data, size);
  libdiff::ExtractOptions options;
  const uint8_t flags = input.Byte();
  if (flags & 1) options.url = input.ShortString(200);
  if (flags & 2) options.content_type = input.ShortString(80);
  if (flags & 4) options.max_blocks = input.Range(0, 50);
  if (flags & 8) options.max_depth = static_cast<int>(input.Range(0, 300));
  if (flags & 16) options.max_input_bytes = input.Range(0, 4096);
  const std::string html(input.Rest());

  const libdiff::Result<libdiff::Article> r = libdiff::ExtractArticle(html, options);
  if (html.size() > options.max_input_bytes) {
    LIBDIFF_FUZZ_CHECK(!r.ok() && r.status().IsResourceExhausted(),
                       "oversized input fails with kResourceExhausted");
    return 0;
  }
  LIBDIFF_FUZZ_CHECK(r.ok(), "extraction of input within limits never fails");
  CheckArticle(*r, options);
  LIBDIFF_FUZZ_CHECK(r->url == options.url || IsValidUtf8(r->url), "url is echoed or repaired");

  const libdiff::Result<libdiff::Article> again = libdiff::ExtractArticle(html, options);
  LIBDIFF_FUZZ_CHECK(again.ok() && *again == *r, "extraction is deterministic");
  return 0;
}
