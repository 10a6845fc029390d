// Copyright 2026 The libdiff Authors.
//
// Helpers shared by the metadata tests (metadata_test.cc and the meta_*_test.cc
// files beside each field family): parse a page and run ExtractMetadata alone.
#ifndef LIBDIFF_TESTS_EXTRACT_METADATA_TEST_UTIL_H_
#define LIBDIFF_TESTS_EXTRACT_METADATA_TEST_UTIL_H_

#include <libxml/HTMLparser.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "extract/metadata.h"

namespace libdiff::internal {

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocFree>;

inline DocPtr Parse(const std::string& html) {
  return DocPtr(htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
                               HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                   HTML_PARSE_NONET | HTML_PARSE_NOBLANKS));
}

// The bytes of samples/pages/metadata/<name>.
inline std::string ReadMetadataSample(const std::string& name) {
  std::ifstream in(std::string(LIBDIFF_SAMPLES_DIR) + "/pages/metadata/" + name,
                   std::ios::binary);
  EXPECT_TRUE(in.good()) << "missing sample " << name;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The metadata of `html` as ExtractMetadata gives it for a page at `url`.
inline Article ExtractMetadataOf(const std::string& html, const std::string& url) {
  DocPtr doc = Parse(html);
  ExtractOptions options;
  options.url = url;
  Article article;
  article.url = url;
  ExtractMetadata(doc.get(), options, &article);
  return article;
}

inline Article ExtractMetadataSample(const std::string& name, const std::string& url) {
  return ExtractMetadataOf(ReadMetadataSample(name), url);
}

}  // namespace libdiff::internal

#endif  // LIBDIFF_TESTS_EXTRACT_METADATA_TEST_UTIL_H_
