// Copyright 2026 The libdiff Authors.
//
// DiffArticles (diff/article_diff.cc): titles and metadata around the body
// diff, and the summary's significance. body_diff_test.cc tests the body.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "libdiff/diff.h"

namespace libdiff {
namespace {

Article MakeArticle(std::string title, std::vector<std::string> paragraphs) {
  Article a;
  a.title = std::move(title);
  for (auto& p : paragraphs) a.blocks.push_back({BlockKind::kParagraph, std::move(p)});
  return a;
}

TEST(DiffArticles, HeadlineOnlyChangeIsTitleOnly) {
  Article a = MakeArticle("Minister resigns", {"The minister left office. Aides confirmed it."});
  Article b = MakeArticle("Minister resigns amid scandal",
                          {"The minister left office. Aides confirmed it."});
  Result<ArticleDiff> d = DiffArticles(a, b, DiffOptions());
  ASSERT_TRUE(d.ok());
  ASSERT_EQ(d->fields.size(), 1u);
  EXPECT_EQ(d->fields[0].field, "title");
  EXPECT_EQ(d->summary.significance, Significance::kTitleOnly);
  EXPECT_EQ(d->summary.body_significance, Significance::kNone);
  EXPECT_TRUE(d->summary.BodyOrTitleChanged());
  b.blocks[0].text = "The minister left office. Aides denied it.";
  d = DiffArticles(a, b, DiffOptions());
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->summary.significance, Significance::kSubstantive);
}

TEST(DiffArticles, ModifiedTimeAloneIsTimestamp) {
  Article a = MakeArticle("T", {"Body."});
  Article b = a;
  b.modified = "2025-09-09T14:50:00Z";
  b.authors = {"A. Writer"};
  Result<ArticleDiff> d = DiffArticles(a, b, DiffOptions());
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->summary.metadata_changed, 2u);
  EXPECT_EQ(d->summary.significance, Significance::kTimestamp);
  EXPECT_FALSE(d->summary.BodyOrTitleChanged());
  DiffOptions no_meta;
  no_meta.compare_metadata = false;
  d = DiffArticles(a, b, no_meta);
  ASSERT_TRUE(d.ok());
  EXPECT_TRUE(d->fields.empty());
  EXPECT_EQ(d->summary.significance, Significance::kNone);
}

}  // namespace
}  // namespace libdiff
