// Copyright 2026 The libdiff Authors.
#include "libdiff/warc.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "warc/warc_fixtures.h"

namespace libdiff {
namespace {

using test::Chunked;
using test::Gzip;
using test::HtmlResponse;
using test::HttpBlock;
using test::kArticleHtml;
using test::WarcRecordBytes;

struct ReadAll {
  std::vector<WarcRecord> records;
  Status status;
  WarcStats stats;
};

ReadAll Read(std::string data, WarcReaderOptions options = WarcReaderOptions()) {
  ReadAll all;
  auto reader = WarcReader::OpenBuffer(std::move(data), "test.warc", options);
  EXPECT_TRUE(reader.ok());
  for (;;) {
    WarcRecord r;
    Result<bool> more = (*reader)->Next(&r);
    if (!more.ok()) {
      all.status = more.status();
      // Latched: the same error again, not a crash or a loop.
      Result<bool> again = (*reader)->Next(&r);
      EXPECT_FALSE(again.ok());
      break;
    }
    if (!*more) break;
    all.records.push_back(std::move(r));
  }
  all.stats = (*reader)->stats();
  return all;
}

std::string Warcinfo() {
  return WarcRecordBytes("warcinfo", "", "application/warc-fields", "software: test\r\n");
}

TEST(WarcReader, Warc10AngleBracketUriAndDate) {
  ReadAll all = Read(Warcinfo() + HtmlResponse("http://example.com/a", kArticleHtml));
  ASSERT_TRUE(all.status.ok()) << all.status.ToString();
  ASSERT_EQ(all.records.size(), 1u);
  const WarcRecord& r = all.records[0];
  EXPECT_EQ(r.url, "http://example.com/a");
  EXPECT_EQ(r.type, WarcRecordType::kResponse);
  EXPECT_EQ(r.http_status, 200);
  EXPECT_EQ(r.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(r.body, kArticleHtml);
  EXPECT_EQ(r.date, "2026-11-28T04:00:00Z");
  EXPECT_EQ(r.fetched_at, 1795838400);
  EXPECT_EQ(r.offset, Warcinfo().size());
  EXPECT_EQ(all.stats.records, 2u);
  EXPECT_EQ(all.stats.other_types, 1u);
  EXPECT_EQ(all.stats.html, 1u);
}

TEST(WarcReader, Warc11PlainUriAndFractionalDate) {
  ReadAll all = Read(WarcRecordBytes("response", "https://example.com/b",
                                     "application/http;msgtype=response", HttpBlock(kArticleHtml),
                                     "", true, "WARC/1.1", "2026-11-28T04:00:00.123456Z"));
  ASSERT_TRUE(all.status.ok());
  ASSERT_EQ(all.records.size(), 1u);
  EXPECT_EQ(all.records[0].url, "https://example.com/b");
  EXPECT_EQ(all.records[0].fetched_at, 1795838400);
}

TEST(WarcReader, NonHtmlRecordsAreSkippedAndCounted) {
  std::string data = Warcinfo();
  data += WarcRecordBytes("request", "<http://example.com/a>", "application/http;msgtype=request",
                          "GET /a HTTP/1.1\r\nHost: example.com\r\n\r\n");
  data += WarcRecordBytes("response", "<http://example.com/logo.png>",
                          "application/http;msgtype=response",
                          HttpBlock(std::string("\x89PNG\r\n\x1a\n\0\0", 10), "image/png"));
  data += WarcRecordBytes("response", "<http://example.com/robots.txt>",
                          "application/http;msgtype=response",
                          HttpBlock("User-agent: *\nDisallow:\n", "text/plain"));
  data += WarcRecordBytes("response", "<http://example.com/gone>",
                          "application/http;msgtype=response",
                          HttpBlock("<html><body>gone</body></html>", "text/html", "", 404));
  data += WarcRecordBytes("metadata", "<http://example.com/a>", "application/warc-fields",
                          "via: x\r\n");
  data += HtmlResponse("http://example.com/a", kArticleHtml);
  ReadAll all = Read(data);
  ASSERT_TRUE(all.status.ok()) << all.status.ToString();
  ASSERT_EQ(all.records.size(), 1u);
  EXPECT_EQ(all.records[0].url, "http://example.com/a");
  EXPECT_EQ(all.stats.records, 7u);
  EXPECT_EQ(all.stats.other_types, 3u);  // warcinfo, request, metadata
  EXPECT_EQ(all.stats.not_html, 2u);     // image, robots.txt
  EXPECT_EQ(all.stats.not_ok, 1u);
  EXPECT_EQ(all.stats.html, 1u);
}

TEST(WarcReader, RevisitIsReportedNotDropped) {
  std::string data = HtmlResponse("http://example.com/a", kArticleHtml);
  data += WarcRecordBytes(
      "revisit", "<http://example.com/a>", "application/http;msgtype=response",
      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n",
      "WARC-Profile: http://netpreserve.org/warc/1.0/revisit/identical-payload-digest\r\n"
      "WARC-Refers-To-Target-URI: <http://example.com/a>\r\n"
      "WARC-Refers-To-Date: 2026-11-28T04:00:00Z\r\n");
  ReadAll all = Read(data);
  ASSERT_TRUE(all.status.ok());
  ASSERT_EQ(all.records.size(), 2u);
  const WarcRecord& r = all.records[1];
  EXPECT_EQ(r.type, WarcRecordType::kRevisit);
  EXPECT_STREQ(WarcRecordTypeName(r.type), "revisit");
  EXPECT_EQ(r.url, "http://example.com/a");
  EXPECT_EQ(r.refers_to_url, "http://example.com/a");
  EXPECT_EQ(r.refers_to_date, "2026-11-28T04:00:00Z");
  EXPECT_NE(r.profile.find("identical-payload-digest"), std::string::npos);
  EXPECT_TRUE(r.body.empty());
  EXPECT_EQ(all.stats.revisits, 1u);
}

TEST(WarcReader, ResourceRecordWithHtml) {
  ReadAll all =
      Read(WarcRecordBytes("resource", "file:///pages/a.html", "text/html", kArticleHtml) +
           WarcRecordBytes("resource", "file:///pages/a.css", "text/css", "p{}"));
  ASSERT_TRUE(all.status.ok());
  ASSERT_EQ(all.records.size(), 1u);
  EXPECT_EQ(all.records[0].type, WarcRecordType::kResource);
  EXPECT_EQ(all.records[0].body, kArticleHtml);
  EXPECT_EQ(all.records[0].http_status, 0);
  EXPECT_EQ(all.stats.not_html, 1u);
}

TEST(WarcReader, ChunkedAndGzipPayloadIsDecoded) {
  const std::string body = Chunked(Gzip(kArticleHtml), 100);
  ReadAll all = Read(WarcRecordBytes(
      "response", "<http://example.com/c>", "application/http;msgtype=response",
      HttpBlock(body, "text/html; charset=utf-8",
                "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n")));
  ASSERT_TRUE(all.status.ok());
  ASSERT_EQ(all.records.size(), 1u);
  EXPECT_EQ(all.records[0].body, kArticleHtml);
}

TEST(WarcReader, UndecodablePayloadIsSkippedAndReadingGoesOn) {
  std::string data = WarcRecordBytes(
      "response", "<http://example.com/bad>", "application/http;msgtype=response",
      HttpBlock("not gzip at all", "text/html", "Content-Encoding: gzip\r\n"));
  data += HtmlResponse("http://example.com/a", kArticleHtml);
  ReadAll all = Read(data);
  ASSERT_TRUE(all.status.ok());
  ASSERT_EQ(all.records.size(), 1u);
  EXPECT_EQ(all.stats.undecodable, 1u);
}

TEST(WarcReader, PerRecordGzipOffsetsAreMemberOffsets) {
  const std::string a = Gzip(Warcinfo());
  const std::string b = Gzip(HtmlResponse("http://example.com/a", kArticleHtml));
  const std::string c = Gzip(HtmlResponse("http://example.com/b", kArticleHtml));
  ReadAll all = Read(a + b + c);
  ASSERT_TRUE(all.status.ok()) << all.status.ToString();
  ASSERT_EQ(all.records.size(), 2u);
  EXPECT_EQ(all.records[0].offset, a.size());
  EXPECT_EQ(all.records[1].offset, a.size() + b.size());
  EXPECT_EQ(all.records[1].url, "http://example.com/b");
  EXPECT_EQ(all.stats.bytes_in, a.size() + b.size() + c.size());
}

TEST(WarcReader, WholeFileGzip) {
  const std::string plain = Warcinfo() + HtmlResponse("http://example.com/a", kArticleHtml) +
                            HtmlResponse("http://example.com/b", kArticleHtml);
  ReadAll all = Read(Gzip(plain));
  ASSERT_TRUE(all.status.ok());
  ASSERT_EQ(all.records.size(), 2u);
  // Inside one gzip stream, offsets are in the decompressed data.
  EXPECT_EQ(all.records[0].offset, Warcinfo().size());
  EXPECT_EQ(all.records[1].url, "http://example.com/b");
}

TEST(WarcReader, TruncatedLastRecordKeepsWhatCameBefore) {
  const std::string first = HtmlResponse("http://example.com/a", kArticleHtml);
  const std::string second = HtmlResponse("http://example.com/b", kArticleHtml);
  ReadAll all = Read(first + second.substr(0, second.size() - 100));
  ASSERT_EQ(all.records.size(), 1u);
  EXPECT_EQ(all.records[0].url, "http://example.com/a");
  EXPECT_TRUE(all.status.IsCorruption());
  EXPECT_NE(
      all.status.message().find("test.warc: record at offset " + std::to_string(first.size())),
      std::string::npos)
      << all.status.message();
  EXPECT_NE(all.status.message().find("cut short"), std::string::npos);
}

TEST(WarcReader, TruncatedGzipMember) {
  const std::string a = Gzip(HtmlResponse("http://example.com/a", kArticleHtml));
  const std::string b = Gzip(HtmlResponse("http://example.com/b", kArticleHtml));
  ReadAll all = Read(a + b.substr(0, b.size() / 2));
  ASSERT_EQ(all.records.size(), 1u);
  EXPECT_TRUE(all.status.IsCorruption());
  EXPECT_NE(all.status.message().find("truncated"), std::string::npos) << all.status.message();
}

TEST(WarcReader, BadGzipMemberKeepsWhatCameBefore) {
  const std::string a = Gzip(HtmlResponse("http://example.com/a", kArticleHtml));
  std::string b = Gzip(HtmlResponse("http://example.com/b", kArticleHtml));
  for (size_t i = 12; i < b.size() - 8; i += 7) b[i] = static_cast<char>(b[i] ^ 0x5a);
  const std::string c = Gzip(HtmlResponse("http://example.com/c", kArticleHtml));
  ReadAll all = Read(a + b + c);
  ASSERT_EQ(all.records.size(), 1u);
  EXPECT_EQ(all.records[0].url, "http://example.com/a");
  EXPECT_TRUE(all.status.IsCorruption());
  EXPECT_NE(all.status.message().find("gzip member at offset " + std::to_string(a.size())),
            std::string::npos)
      << all.status.message();
}

TEST(WarcReader, GarbageAfterGzipMember) {
  const std::string a = Gzip(HtmlResponse("http://example.com/a", kArticleHtml));
  ReadAll all = Read(a + "garbage");
  ASSERT_EQ(all.records.size(), 1u);
  EXPECT_TRUE(all.status.IsCorruption());
  EXPECT_NE(all.status.message().find("not a gzip member"), std::string::npos);
}

TEST(WarcReader, MissingContentLengthIsAClearError) {
  std::string data = HtmlResponse("http://example.com/a", kArticleHtml);
  const size_t second = data.size();
  data += WarcRecordBytes("response", "<http://example.com/b>", "application/http;msgtype=response",
                          HttpBlock(kArticleHtml), "", /*with_length=*/false);
  ReadAll all = Read(data);
  ASSERT_EQ(all.records.size(), 1u);
  EXPECT_TRUE(all.status.IsCorruption());
  EXPECT_NE(all.status.message().find("record at offset " + std::to_string(second) +
                                      ": no Content-Length"),
            std::string::npos)
      << all.status.message();
}

TEST(WarcReader, NotAWarcFile) {
  ReadAll all = Read("<html><body>hello</body></html>");
  EXPECT_TRUE(all.records.empty());
  EXPECT_TRUE(all.status.IsCorruption());
  EXPECT_NE(all.status.message().find("not a WARC record header"), std::string::npos);
}

TEST(WarcReader, EmptyFileHasNoRecords) {
  ReadAll all = Read("");
  EXPECT_TRUE(all.status.ok());
  EXPECT_TRUE(all.records.empty());
}

TEST(WarcReader, RecordOverTheLimitIsSkippedAndCounted) {
  WarcReaderOptions options;
  options.max_record_bytes = 1000;
  std::string big(5000, 'x');
  ReadAll all = Read(HtmlResponse("http://example.com/big", "<html>" + big + "</html>") +
                         HtmlResponse("http://example.com/a", "<html><p>small</p></html>"),
                     options);
  ASSERT_TRUE(all.status.ok());
  ASSERT_EQ(all.records.size(), 1u);
  EXPECT_EQ(all.records[0].url, "http://example.com/a");
  EXPECT_EQ(all.stats.too_large, 1u);
}

TEST(WarcReader, OpenMissingFileIsNotFound) {
  auto r = WarcReader::Open("/nonexistent/x.warc.gz", WarcReaderOptions());
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.status().IsNotFound());
}

TEST(WarcReader, FileNames) {
  EXPECT_TRUE(IsWarcFileName("a/crawl.warc"));
  EXPECT_TRUE(IsWarcFileName("CRAWL-00001.WARC.GZ"));
  EXPECT_FALSE(IsWarcFileName("a.html"));
  EXPECT_FALSE(IsWarcFileName("a.warc.gz.txt"));
}

}  // namespace
}  // namespace libdiff
