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
      "<div title = \n 'a > b' @a=x @b x-data=\"@c\" mail=a@b.c it's @d>T</div>"
      "<SCRIPTX @e=1>k</SCRIPTX><Script>drop</Script><TEMPLATE>t</TEMPLATE><sv @f>s</sv>";
  DropScriptAndStyleBodies(&html);
  EXPECT_EQ(html,
            "<div title = \n 'a > b' _a=x _b x-data=\"@c\" mail=a@b.c it's _d>T</div>"
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
  EXPECT_EQ(
      html,
      "<script type=application/LD+JSON>{\"a\":1}</script><script ID=__NEXT_DATA__>{}</script>"
      "<script type=ld+json>k</script><script data-x=ld+jso></script>"
      "<script id=x__next_data__>k2</script><script type=\"text/ld-json\"></script>");
}

TEST(HtmlParser, UnreadAttributesAreDropped) {
  std::string html =
      "<img src=\"a.jpg\" srcset=\"a-2x.jpg 2x, a-3x.jpg 3x\" SIZES=\"50vw\" alt='A'>"
      "<div data-props='{\"a\": \"<p>x</p>\"}' class=\"c\" onclick=\"f(1 > 2)\" data-x=1"
      " data-flag id=d>T</div><p\ndata-a=\"1\"\tclass=k>U</p>"
      "<a href=/x data-y = \"2\"/>V</a><option data-z>W</option>";
  DropScriptAndStyleBodies(&html);
  EXPECT_EQ(html,
            "<img src=\"a.jpg\"   alt='A'><div  class=\"c\"    id=d>T</div><p\n\tclass=k>U</p>"
            "<a href=/x />V</a><option >W</option>");
  // libxml2 reads the attributes kept, and only those.
  XmlDocument doc = ParseHtml(html, "");
  ASSERT_NE(doc, nullptr);
  std::string attributes;
  for (const xmlNode* e = xmlDocGetRootElement(doc.get())->children->children; e != nullptr;
       e = e->next) {
    if (e->type != XML_ELEMENT_NODE) continue;
    attributes += NodeName(e);
    for (const xmlAttr* a = e->properties; a != nullptr; a = a->next)
      attributes += std::string(" ") + reinterpret_cast<const char*>(a->name) + "=" +
                    (a->children != nullptr ? NodeText(a->children) : "");
    attributes += ";";
  }
  EXPECT_EQ(attributes, "img src=a.jpg alt=A;div class=c id=d;p class=k;a href=/x;option;");
}

// Where the tag stops reading as libxml2 reads it, nothing after is dropped.
TEST(HtmlParser, UnreadAttributesStayAfterAnythingUnexpected) {
  for (const char* tag :
       {"<div a=b\"c data-x=1>", "<div a=\"unclosed data-x=1>", "<div a=\"1\"/ data-x=1>",
        "<div (click)=\"f() data-x=1\">", "<div a= data-x=1>", "<div a\f data-x=1>",
        "<div a=`1` data-x=2>", "<div/data-x=1>"}) {
    std::string html = tag;
    DropScriptAndStyleBodies(&html);
    EXPECT_EQ(html, tag);
  }
  // Up to there, they go.
  std::string html = "<div data-a=1 b='x' c=d\"e data-x=1>";
  DropScriptAndStyleBodies(&html);
  EXPECT_EQ(html, "<div  b='x' c=d\"e data-x=1>");
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
