// Copyright 2026 The libdiff Authors.
#include "extract/html_parser.h"

#include <gtest/gtest.h>

#include <string>

namespace libdiff::internal {
namespace {

TEST(HtmlParser, DropsScriptStyleAndSvgBodiesButKeepsJsonLd) {
  std::string html =
      "<head><script>var a = '<p>no</p>';</script><style>p{color:red}</style>"
      "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script></head>"
      "<body><p>Before <svg viewBox=\"0 0 1 1\"><title>Share icon</title><path d=\"M0 0h1\"/>"
      "</svg>after.</p><SVG><text>label</text></SVG><p>Tail.</p></body>";
  DropScriptAndStyleBodies(&html);
  EXPECT_EQ(html,
            "<head><script></script><style></style>"
            "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script></head>"
            "<body><p>Before <svg viewBox=\"0 0 1 1\"></svg>after.</p><SVG></SVG>"
            "<p>Tail.</p></body>");
}

TEST(HtmlParser, DropsCommentsAndNoscriptAndTemplateBodies) {
  std::string html =
      "<p>One<!-- an editor's note <p>not text</p> -->two</p><noscript><img src=x><p>Enable "
      "JavaScript</p></noscript><template><p>Card</p></template><p>Three</p><!-- unclosed";
  DropScriptAndStyleBodies(&html);
  EXPECT_EQ(html, "<p>Onetwo</p><noscript></noscript><template></template><p>Three</p>");
}

TEST(HtmlParser, UnclosedSvgDropsTheRestLikeAnUnclosedScript) {
  std::string html = "<p>Text</p><svg><path/><p>never shown</p>";
  DropScriptAndStyleBodies(&html);
  EXPECT_EQ(html, "<p>Text</p><svg>");
  // Tags that only start like <svg are left alone.
  std::string other = "<svgfoo>kept</svgfoo>";
  DropScriptAndStyleBodies(&other);
  EXPECT_EQ(other, "<svgfoo>kept</svgfoo>");
}

}  // namespace
}  // namespace libdiff::internal
