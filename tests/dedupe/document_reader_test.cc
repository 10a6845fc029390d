// Copyright 2026 The libdiff Authors.
#include "dedupe/document_reader.h"

#include <gtest/gtest.h>

#include "dedupe/corpus_util.h"

namespace libdiff::internal {
namespace {

using dedupe_test::Gzip;
using dedupe_test::TempDir;
using dedupe_test::WriteFile;

TEST(DocumentReader, KindFromNameUsesTheExtension) {
  EXPECT_EQ(KindFromName("a/b.HTML"), DocumentKind::kHtml);
  EXPECT_EQ(KindFromName("b.htm"), DocumentKind::kHtml);
  EXPECT_EQ(KindFromName("b.xhtml"), DocumentKind::kHtml);
  EXPECT_EQ(KindFromName("b.txt"), DocumentKind::kText);
  EXPECT_EQ(KindFromName("b.pdf"), DocumentKind::kOther);
  EXPECT_EQ(KindFromName("html"), DocumentKind::kOther);
}

TEST(DocumentReader, SniffsHtmlButNotBinaryOrProse) {
  EXPECT_TRUE(LooksLikeHtml("\xEF\xBB\xBF  <!DOCTYPE html><html>"));
  EXPECT_TRUE(LooksLikeHtml("<!-- saved --><html><body>x</body></html>"));
  EXPECT_TRUE(LooksLikeHtml("<HTML><BODY>"));
  EXPECT_FALSE(LooksLikeHtml("Just some prose mentioning <html> tags."));
  EXPECT_FALSE(LooksLikeHtml(std::string("<html>\0\0", 8)));
  EXPECT_FALSE(LooksLikeHtml(""));
}

TEST(DocumentReader, GunzipRespectsTheLimitAndRejectsDamage) {
  const std::string text(100000, 'a');
  const std::string gz = Gzip(text);
  auto ok = GunzipLimited(gz, 200000);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(*ok, text);
  EXPECT_TRUE(GunzipLimited(gz, 50000).status().IsResourceExhausted());
  EXPECT_TRUE(GunzipLimited(gz.substr(0, gz.size() / 2), 200000).status().IsCorruption());
  EXPECT_TRUE(GunzipLimited("not gzip at all", 100).status().IsCorruption());
}

TEST(DocumentReader, ReadsGzipByInnerNameAndSniffsUnknownNames) {
  TempDir dir;
  WriteFile(dir.path() + "/a.html.gz", Gzip("<html><body><p>x</p></body></html>"));
  WriteFile(dir.path() + "/b.txt.gz", Gzip("plain text"));
  WriteFile(dir.path() + "/c.page", "<!doctype html><html></html>");
  WriteFile(dir.path() + "/d.bin", std::string("\x89PNG\r\n\x1a\n\0\0", 10));
  auto a = ReadDocument(dir.path() + "/a.html.gz", 1 << 20, 1 << 20);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->kind, DocumentKind::kHtml);
  EXPECT_EQ(a->bytes, "<html><body><p>x</p></body></html>");
  EXPECT_LT(a->disk_bytes, a->bytes.size() + 64);
  auto b = ReadDocument(dir.path() + "/b.txt.gz", 1 << 20, 1 << 20);
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->kind, DocumentKind::kText);
  EXPECT_EQ(ReadDocument(dir.path() + "/c.page", 1 << 20, 1 << 20)->kind, DocumentKind::kHtml);
  EXPECT_EQ(ReadDocument(dir.path() + "/d.bin", 1 << 20, 1 << 20)->kind, DocumentKind::kOther);
  EXPECT_TRUE(ReadDocument(dir.path() + "/c.page", 5, 1 << 20).status().IsResourceExhausted());
  EXPECT_TRUE(ReadDocument(dir.path() + "/missing.html", 5, 5).status().IsNotFound());
}

TEST(DocumentReader, OtherNamesThatAreNotHtmlAreReadOnlyAsFarAsTheSniff) {
  TempDir dir;
  std::string tsv;
  while (tsv.size() < 200000) {
    tsv += "story-12\tsite/a/page-" + std::to_string(tsv.size()) + ".html\n";
  }
  WriteFile(dir.path() + "/labels.tsv", tsv);
  std::string page = "<!doctype html><html><body><p>";
  page.append(200000, 'x');
  page += "</p></body></html>";
  WriteFile(dir.path() + "/page.saved", page);
  // Over the size limit, yet judged by its first bytes: "not html", not "too large".
  auto labels = ReadDocument(dir.path() + "/labels.tsv", 100000, 100000);
  ASSERT_TRUE(labels.ok()) << labels.status().ToString();
  EXPECT_EQ(labels->kind, DocumentKind::kOther);
  EXPECT_EQ(labels->disk_bytes, kSniffBytes);
  EXPECT_TRUE(labels->bytes.empty());
  // A sniffed page is read whole, and its size limit applies.
  auto whole = ReadDocument(dir.path() + "/page.saved", 1 << 20, 1 << 20);
  ASSERT_TRUE(whole.ok());
  EXPECT_EQ(whole->kind, DocumentKind::kHtml);
  EXPECT_EQ(whole->bytes, page);
  EXPECT_EQ(whole->disk_bytes, page.size());
  EXPECT_TRUE(
      ReadDocument(dir.path() + "/page.saved", 100000, 1 << 20).status().IsResourceExhausted());
}

}  // namespace
}  // namespace libdiff::internal
