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

TEST(HtmlParser, AtAttributeNamesAreRenamedSoTheTagParses) {
  // An Alpine.js binding with an arrow function: libxml2 would end the tag at
  // the "=>" and read the rest of it as text.
  std::string html =
      "<p>a @b</p><button class=\"m\" @click=\"$nextTick(() => f())\" x-init=\"i = 1\">Menu"
      "</button><a href='/x' @focus.window = 'g(\"@h\")'>x</a><p>Text.</p>";
  DropScriptAndStyleBodies(&html);
  EXPECT_EQ(html,
            "<p>a @b</p><button class=\"m\" _click=\"$nextTick(() => f())\" x-init=\"i = 1\">"
            "Menu</button><a href='/x' _focus.window = 'g(\"@h\")'>x</a><p>Text.</p>");
  XmlDocument doc = ParseHtml(html, "");
  ASSERT_NE(doc, nullptr);
  const xmlNode* body = xmlDocGetRootElement(doc.get())->children;
  const xmlNode* button = body->children->next;
  ASSERT_STREQ(NodeName(button), "button");
  EXPECT_STREQ(AttributeValue(button, "x-init"), "i = 1");
  ASSERT_NE(button->children, nullptr);
  EXPECT_STREQ(NodeText(button->children), "Menu");
  // An unterminated tag or value leaves the rest as it was.
  std::string open = "<p>One</p><div @x=\"never closed";
  DropScriptAndStyleBodies(&open);
  EXPECT_EQ(open, "<p>One</p><div _x=\"never closed");
}

// The attribute walk stops only at '>', '=' and '@': a quote opens a value
// only after '=' (and tag spaces), a '>' inside such a value does not end
// the tag, and an '@' is renamed only at the start of a name.
TEST(HtmlParser, AtAttributeWalkFollowsQuotesOnlyAfterEquals) {
  std::string html =
      "<div title = \n 'a > b' @a=x @b data-x=\"@c\" mail=a@b.c it's @d>T</div>"
      "<SCRIPTX @e=1>k</SCRIPTX><Script>drop</Script><TEMPLATE>t</TEMPLATE><sv @f>s</sv>";
  DropScriptAndStyleBodies(&html);
  EXPECT_EQ(html,
            "<div title = \n 'a > b' _a=x _b data-x=\"@c\" mail=a@b.c it's _d>T</div>"
            "<SCRIPTX _e=1>k</SCRIPTX><Script></Script><TEMPLATE></TEMPLATE><sv _f>s</sv>");
  // A quote not after '=' opens nothing: the '>' after it ends the tag.
  std::string stray = "<p class=x 'y>z' @g>";
  DropScriptAndStyleBodies(&stray);
  EXPECT_EQ(stray, "<p class=x 'y>z' @g>");
}

TEST(HtmlParser, EveryAtNameOfATagIsRenamedHoweverMany) {
  std::string tag = "<div";
  std::string renamed = "<div";
  for (int i = 0; i < 11; ++i) {
    tag += " @a" + std::to_string(i) + "=\"x @y\"";
    renamed += " _a" + std::to_string(i) + "=\"x @y\"";
  }
  std::string html = tag + ">T</div>";
  DropScriptAndStyleBodies(&html);
  EXPECT_EQ(html, renamed + ">T</div>");
}

TEST(HtmlParser, ScriptBodiesKeptByTypeOrIdInAnyCase) {
  std::string html =
      "<script type=application/LD+JSON>{\"a\":1}</script><script ID=__NEXT_DATA__>{}</script>"
      "<script type=ld+json>k</script><script data-x=ld+jso>gone</script>"
      "<script id=x__next_data__>k2</script><script type=\"text/ld-json\">gone</script>";
  DropScriptAndStyleBodies(&html);
  EXPECT_EQ(html,
            "<script type=application/LD+JSON>{\"a\":1}</script><script ID=__NEXT_DATA__>{}</script>"
            "<script type=ld+json>k</script><script data-x=ld+jso></script>"
            "<script id=x__next_data__>k2</script><script type=\"text/ld-json\"></script>");
}

// Into a buffer of its own, the page comes out as it does in place, with
// nothing written past what is returned.
TEST(HtmlParser, DroppingIntoAnotherBufferMatchesDroppingInPlace) {
  const std::string inputs[] = {
      "<p>a @b</p><button class=\"m\" @click=\"$nextTick(() => f())\">Menu</button>"
      "<script>var x = '<p>';</script><!-- note --><svg><path/></svg><p @x='1'>T</p>",
      "<script type=\"application/ld+json\">{\"a\": 1}</script><style>p{}</style>x",
      "<div @x=\"never closed", "", "plain text", "<!-- unclosed"};
  for (const std::string& input : inputs) {
    std::string in_place = input;
    DropScriptAndStyleBodies(&in_place);
    std::string out(input.size() + 4, '#');
    const size_t n = DropScriptAndStyleBodies(input, out.data());
    EXPECT_EQ(out.substr(0, n), in_place) << input;
    EXPECT_EQ(out.substr(n), std::string(input.size() + 4 - n, '#')) << input;
  }
}

}  // namespace
}  // namespace libdiff::internal
