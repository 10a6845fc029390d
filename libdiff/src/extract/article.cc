// Copyright 2026 The libdiff Authors.
#include "libdiff/article.h"

#include <memory>
#include <string>
#include <string_view>

#include "extract/body.h"
#include "extract/embedded_body.h"
#include "extract/encoding.h"
#include "extract/html_parser.h"
#include "util/utf8.h"
#if defined(LIBDIFF_EXTRACT_HAVE_METADATA)
#include "extract/meta_language.h"
#include "extract/metadata.h"
#endif

namespace libdiff {

const char* BlockKindName(BlockKind kind) {
  switch (kind) {
    case BlockKind::kParagraph: return "paragraph";
    case BlockKind::kHeading: return "heading";
    case BlockKind::kListItem: return "list_item";
    case BlockKind::kQuote: return "quote";
    case BlockKind::kPreformatted: return "preformatted";
    case BlockKind::kTableRow: return "table_row";
  }
  return "paragraph";
}

std::string Article::Text() const {
  std::string out;
  for (const Block& b : blocks) {
    if (!out.empty()) out += "\n\n";
    out += b.text;
  }
  return out;
}

namespace {

// Metadata strings come from the page; make sure they are well-formed.
void RepairStrings(Article* a) {
  for (std::string* s : {&a->canonical_url, &a->title, &a->site_name, &a->published, &a->modified,
                         &a->language, &a->description, &a->type}) {
    if (!internal::IsValidUtf8(*s)) *s = internal::RepairUtf8(*s);
  }
  for (std::string& s : a->authors) {
    if (!internal::IsValidUtf8(s)) s = internal::RepairUtf8(s);
  }
}

// The page as the parser reads it: UTF-8, script and style bodies dropped
// (html_parser.h). A page in clean UTF-8 already is copied once, bodies left
// out on the way, into a buffer not cleared before.
class PageToParse {
 public:
  PageToParse(std::string_view html, const internal::CharsetDecision& charset) {
    std::string_view as_is;
    if (internal::IsUtf8AsIs(html, charset, &as_is)) {
      copy_ = std::make_unique_for_overwrite<char[]>(as_is.size());
      text_ = {copy_.get(), internal::DropScriptAndStyleBodies(as_is, copy_.get())};
    } else {
      converted_ = internal::ConvertToUtf8(html, charset);
      internal::DropScriptAndStyleBodies(&converted_);
      text_ = converted_;
    }
  }

  std::string_view text() const { return text_; }

 private:
  std::unique_ptr<char[]> copy_;
  std::string converted_;
  std::string_view text_;
};

}  // namespace

Result<Article> ExtractArticle(std::string_view html, const ExtractOptions& options) {
  if (html.size() > options.max_input_bytes) {
    return Status::ResourceExhausted("html input of " + std::to_string(html.size()) +
                                     " bytes exceeds the limit of " +
                                     std::to_string(options.max_input_bytes) + " bytes");
  }
  Article article;
  article.url =
      internal::IsValidUtf8(options.url) ? options.url : internal::RepairUtf8(options.url);
  const internal::CharsetDecision charset = internal::DetectCharset(html, options.content_type);
  const PageToParse page(html, charset);
  internal::XmlDocument doc = internal::ParseHtml(page.text(), article.url);
  // The metadata and every body pass read the same JSON-LD: parsed once.
  const internal::JsonLdParseScope jsonld_parses;
#if defined(LIBDIFF_EXTRACT_HAVE_METADATA)
  internal::ExtractMetadata(doc.get(), options, &article);
#else
  if (article.canonical_url.empty()) article.canonical_url = article.url;
#endif
  RepairStrings(&article);
  internal::BodyResult body = internal::ExtractBody(doc.get(), options, article.title);
  article.blocks = std::move(body.blocks);
  if (!article.blocks.empty()) article.body_source = internal::BodySourceName(body.source);
#if defined(LIBDIFF_EXTRACT_HAVE_METADATA)
  // A page that declares no language: its body text says it.
  if (article.language.empty() && !article.blocks.empty()) {
    std::string sample;
    for (const Block& b : article.blocks) {
      if (sample.size() >= 20000) break;
      sample += b.text;
      sample += '\n';
    }
    article.language = internal::GuessLanguage(sample);
  }
#endif
  article.empty_reason = article.blocks.empty() ? std::move(body.empty_reason) : std::string();
  if (article.blocks.empty() && article.empty_reason.empty()) article.empty_reason = "no content";
  return article;
}

}  // namespace libdiff
