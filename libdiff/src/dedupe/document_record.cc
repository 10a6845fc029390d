// Copyright 2026 The libdiff Authors.
#include "dedupe/document_record.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "extract/date.h"

namespace libdiff::internal {

namespace {

const char* ReasonOf(const Status& s) {
  return s.IsResourceExhausted() ? "too large" : "unreadable";
}

// A text file's paragraphs: the runs between blank lines ("\n\n") that hold
// more than whitespace.
Article TextArticle(const std::string& t) {
  Article text;
  for (size_t begin = 0; begin < t.size();) {
    size_t end = t.find("\n\n", begin);
    if (end == std::string::npos) end = t.size();
    Block block;
    block.text = t.substr(begin, end - begin);
    if (block.text.find_first_not_of(" \t\r\n") != std::string::npos) {
      text.blocks.push_back(std::move(block));
    }
    begin = end + 2;
  }
  return text;
}

}  // namespace

DocumentRecord MakeDocumentRecord(Result<DocumentContent> content,
                                  const DocumentRecordOptions& options) {
  DocumentRecord r;
  auto skip = [&r](const char* reason, std::string detail) {
    r.skip_reason = reason;
    r.skip_detail = std::move(detail);
    return std::move(r);
  };
  if (!content.ok()) return skip(ReasonOf(content.status()), content.status().message());
  r.disk_bytes = content->disk_bytes;
  if (content->kind == DocumentKind::kOther) return skip("not html", "");
  if (content->kind == DocumentKind::kText) {
    r.body_bytes = content->bytes.size();
    r.fp = FingerprintText(content->bytes);
    if (r.fp.token_count == 0) return skip("no article", "empty text");
    if (options.keep_article) r.article = TextArticle(content->bytes);
    return r;
  }
  ExtractOptions eo;
  eo.max_input_bytes = std::max(options.max_file_bytes, options.max_decompressed_bytes);
  eo.url = options.url;
  eo.content_type = options.content_type;
  auto article = ExtractArticle(content->bytes, eo);
  if (!article.ok()) return skip(ReasonOf(article.status()), article.status().message());
  if (article->blocks.empty()) return skip("no article", article->empty_reason);
  std::vector<std::string> paragraphs;
  paragraphs.reserve(article->blocks.size());
  for (Block& b : article->blocks) {
    r.body_bytes += b.text.size();
    // The body text is only needed again when the article is kept.
    paragraphs.push_back(options.keep_article ? b.text : std::move(b.text));
  }
  r.fp = FingerprintParagraphs(paragraphs);
  int64_t t = 0;
  if (!article->published.empty() && IsoToUnixSeconds(article->published, &t)) {
    r.has_published = true;
    r.published = t;
  }
  if (options.keep_article) r.article = *std::move(article);
  return r;
}

}  // namespace libdiff::internal
