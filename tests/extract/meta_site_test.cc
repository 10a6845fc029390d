// Copyright 2026 The libdiff Authors.
//
// Canonical URL and site name (meta_site.cc), through ExtractMetadata.

#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "extract/metadata.h"
#include "metadata_test_util.h"

namespace libdiff::internal {
namespace {

using ::testing::ElementsAre;

TEST(MetaSite, MetaTagsOnlyWithRelativeCanonicalAndBase) {
  const Article a = ExtractMetadataSample("meta_only.html", "https://m.noticias.example.com.br/x");
  EXPECT_EQ(a.canonical_url,
            "https://www.noticias.example.com.br/economia/2023/05/04/inflacao-desacelera.html");
  // No h1: og:title without the site name.
  EXPECT_EQ(a.title, "Infla\u00e7\u00e3o desacelera em abril");
  EXPECT_EQ(a.site_name, "Di\u00e1rio do Vale");
  // article:author holds a URL, which is not a name.
  EXPECT_THAT(a.authors, ElementsAre("Ana Souza"));
  EXPECT_EQ(a.published, "2023-05-04T10:20:00-03:00");
  EXPECT_EQ(a.modified, "2023-05-04T15:02:00-03:00");
  EXPECT_EQ(a.language, "pt-BR");
  EXPECT_EQ(a.description, "O \u00edndice ficou abaixo do esperado.");
  EXPECT_EQ(a.type, "");
}

}  // namespace
}  // namespace libdiff::internal
