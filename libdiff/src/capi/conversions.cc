// Copyright 2026 The libdiff Authors.
//
// See conversions.h.
#include "capi/conversions.h"

#include <memory>
#include <string>
#include <string_view>
#include <utility>

namespace libdiff::capi {

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

int BoolFlag(int value, const char* what) {
  if (value != 0 && value != 1) {
    InvalidArgument(std::string(what) + " must be 0 or 1, not " + std::to_string(value));
  }
  return value;
}

}  // namespace libdiff::capi
