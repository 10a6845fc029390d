// Copyright 2026 The libdiff Authors.
#include "warc/http_payload.h"

#include <gtest/gtest.h>

#include "warc/warc_fixtures.h"

namespace libdiff::internal {
namespace {

TEST(HttpPayload, ParsesStatusAndHeaders) {
  auto head = ParseHttpHead(
      "HTTP/1.1 200 OK\r\ncontent-TYPE: text/html; charset=ISO-8859-1\r\n"
      "Transfer-Encoding: Chunked\r\nContent-Encoding: GZIP\r\n\r\nbody");
  ASSERT_TRUE(head.ok());
  EXPECT_EQ(head->status, 200);
  EXPECT_EQ(head->content_type, "text/html; charset=ISO-8859-1");
  EXPECT_EQ(head->transfer_encoding, "chunked");
  EXPECT_EQ(head->content_encoding, "gzip");
  EXPECT_EQ(std::string("HTTP/1.1 200 OK\r\ncontent-TYPE: text/html; charset=ISO-8859-1\r\n"
                        "Transfer-Encoding: Chunked\r\nContent-Encoding: GZIP\r\n\r\nbody")
                .substr(head->body_offset),
            "body");
  EXPECT_FALSE(ParseHttpHead("GET / HTTP/1.1\r\n\r\n").ok());
  EXPECT_FALSE(ParseHttpHead("HTTP/1.1 200 OK\r\nX: y").ok());
}

TEST(HttpPayload, Dechunk) {
  EXPECT_EQ(*Dechunk(test::Chunked("hello world", 3), 100), "hello world");
  EXPECT_EQ(*Dechunk("5;ext=1\r\nhello\r\n", 100), "hello");  // no last chunk
  EXPECT_TRUE(Dechunk("zz\r\nhello\r\n0\r\n\r\n", 100).status().IsCorruption());
  EXPECT_TRUE(Dechunk("50\r\nhello\r\n", 100).status().IsCorruption());
  EXPECT_TRUE(
      Dechunk(test::Chunked(std::string(200, 'x'), 50), 100).status().IsResourceExhausted());
}

TEST(HttpPayload, InflateGzipZlibAndRawDeflate) {
  EXPECT_EQ(*InflateLimited(test::Gzip("abc"), 100), "abc");
  EXPECT_TRUE(InflateLimited("nope", 100).status().IsCorruption());
  EXPECT_TRUE(
      InflateLimited(test::Gzip(std::string(1000, 'a')), 100).status().IsResourceExhausted());
  const std::string gz = test::Gzip("hello hello hello");
  EXPECT_TRUE(InflateLimited(gz.substr(0, gz.size() - 10), 100).status().IsCorruption());
  // Raw deflate: the gzip member without its 10-byte header and 8-byte trailer.
  EXPECT_EQ(*InflateLimited(gz.substr(10, gz.size() - 18), 100), "hello hello hello");
}

TEST(HttpPayload, IsHtmlPayload) {
  EXPECT_TRUE(IsHtmlPayload("text/html; charset=utf-8", ""));
  EXPECT_TRUE(IsHtmlPayload("Application/XHTML+xml", ""));
  EXPECT_FALSE(IsHtmlPayload("text/plain", "<html>"));
  EXPECT_TRUE(IsHtmlPayload("", "\xEF\xBB\xBF  <!doctype html>"));
  EXPECT_FALSE(IsHtmlPayload("", "plain"));
}

TEST(HttpPayload, ParseWarcDate) {
  int64_t t = 0;
  ASSERT_TRUE(ParseWarcDate("2026-11-28T04:00:00Z", &t));
  EXPECT_EQ(t, 1795838400);
  ASSERT_TRUE(ParseWarcDate("2026-11-28T04:00:00.5Z", &t));
  EXPECT_EQ(t, 1795838400);
  ASSERT_TRUE(ParseWarcDate("2026-11-28", &t));
  EXPECT_EQ(t, 1795824000);
  EXPECT_FALSE(ParseWarcDate("yesterday", &t));
  EXPECT_FALSE(ParseWarcDate("2026-13-28T04:00:00Z", &t));
  EXPECT_FALSE(ParseWarcDate("", &t));
}

}  // namespace
}  // namespace libdiff::internal
