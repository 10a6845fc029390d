// Copyright 2026 The libdiff Authors.
//
// Hard cases of recall, each cut down from a shape seen on development pages
// (docs/extract.md, "Recall and false empties"): an article lost to an empty
// result or cut short. Each test asserts the exact body.
#include <gtest/gtest.h>

#include <string>

#include "extract/extract_test_util.h"
#include "libdiff/article.h"

namespace libdiff {
namespace {

using testing::MustExtract;

const char kFirst[] =
    "The council voted on Monday to build the wall, which will protect four thousand homes "
    "from the river when it floods in the spring.";
const char kSecond[] =
    "Engineers said the first section would rise along the old towpath, where the water came "
    "over the bank twice in the last ten years.";
const char kThird[] =
    "Residents of the lower town packed the hall for three hours, and most of those who spoke "
    "asked why the work had taken so long to start.";

std::string Paragraphs() {
  return std::string("<p>") + kFirst + "</p><p>" + kSecond + "</p><p>" + kThird + "</p>";
}

std::string Expected() { return std::string(kFirst) + "\n\n" + kSecond + "\n\n" + kThird; }

// libxml2 does not let "</button>" close a <div> left open inside the button,
// so the rest of the page became the button's content, which is never read.
TEST(BodyRecall, ButtonLeftOpenDoesNotSwallowThePage) {
  const Article a = MustExtract(
      "<html><body><header><button class='menu'><div><span>Menu</span></button>"
      "<a href='/'>Home</a></header><main><article>" +
      Paragraphs() + "</article></main></body></html>");
  EXPECT_EQ(a.Text(), Expected());
  EXPECT_EQ(a.empty_reason, "");
}

// React streaming puts the rendered page in <div hidden id="S:0"> and moves it
// in with a script; only a loading shell is visible.
TEST(BodyRecall, StreamedContentInAHiddenDivIsRead) {
  const Article a = MustExtract(
      "<html><body><div id='shell'><p>Loading</p></div><div hidden id='S:0'><article>" +
      Paragraphs() + "</article></div></body></html>");
  EXPECT_EQ(a.Text(), Expected());
  EXPECT_EQ(a.empty_reason, "");
}

// A consent banner over a page whose article sits in an aria-hidden layer:
// the banner is boilerplate, the page is not a consent wall.
TEST(BodyRecall, ConsentBannerOverAHiddenArticleIsNotAWall) {
  const Article a = MustExtract(
      "<html><body><div class='cookie-consent'><p>We and our partners use cookies.</p>"
      "<a href='#'>Accept all</a> <a href='#'>Reject all</a></div>"
      "<div class='page-transition' aria-hidden='true'><article>" +
      Paragraphs() + "</article></div></body></html>");
  EXPECT_EQ(a.Text(), Expected());
  EXPECT_EQ(a.empty_reason, "");
}

// A hidden menu on an ordinary page stays unread: the retry with hidden text
// runs only when the visible page holds no article.
TEST(BodyRecall, HiddenTextIsNotReadWhenTheVisiblePageHasAnArticle) {
  const Article a = MustExtract(
      "<html><body><div hidden><p>A hidden panel holds a long sentence that a reader of this "
      "page never sees on the screen at all.</p></div><article>" +
      Paragraphs() + "</article></body></html>");
  EXPECT_EQ(a.Text(), Expected());
}

// A page builder's layout boxes are named like furniture
// ("elementor-widget-container" holds each section of the article); only a
// class token that starts with "widget" (a sidebar's "widget widget_text")
// marks furniture. The body used to be one section.
TEST(BodyRecall, PageBuilderWidgetBoxesAreNotFurniture) {
  std::string html = "<html><body><div class='elementor'>";
  for (const char* p : {kFirst, kSecond, kThird}) {
    html += std::string("<section class='elementor-section'><div class='elementor-widget-wrap'>"
                        "<div class='elementor-element elementor-widget elementor-widget-text-"
                        "editor'><div class='elementor-widget-container'><p>") +
            p + "</p></div></div></div></section>";
  }
  html += "</div><div class='widget widget_recent_entries'><p>Recent posts from this site, "
          "listed here for readers who want to find more of what we wrote lately.</p></div>"
          "</body></html>";
  const Article a = MustExtract(html);
  EXPECT_EQ(a.Text(), Expected());
}

// A list of linked items between two paragraphs (the patches a post reports,
// its sources) is part of the article; the same list after the last
// paragraph is navigation and stays out.
TEST(BodyRecall, LinkedListBetweenParagraphsIsKept) {
  const Article a = MustExtract(
      std::string("<html><body><article><p>") + kFirst +
      "</p><ul><li><a href='/p/1'>libgccjit: Add support for the weak variable attribute</a></li>"
      "<li><a href='/p/2'>libgccjit: Fix volatile loads and stores</a></li></ul><p>" +
      kSecond + "</p><p>" + kThird +
      "</p><ul><li><a href='/more/1'>More stories from the council this week</a></li>"
      "<li><a href='/more/2'>The river level at noon today</a></li></ul></article></body></html>");
  EXPECT_EQ(a.Text(), std::string(kFirst) +
                          "\n\nlibgccjit: Add support for the weak variable attribute\n\n"
                          "libgccjit: Fix volatile loads and stores\n\n" + kSecond + "\n\n" +
                          kThird);
}

// A link marked like furniture in the middle of a sentence ("recommendation",
// "related") is part of the sentence; it used to split the paragraph and drop
// its start.
TEST(BodyRecall, MarkedInlineLinkStaysInItsSentence) {
  const Article a = MustExtract(
      "<html><body><article><p>Growing up on a farm, I thought everyone had an acre set aside as "
      "a <a class='recommendation-inline-link' href='/garden'>vegetable garden</a>. It was not "
      "until I owned my first home that I started one from scratch.</p><p>" +
      std::string(kSecond) + "</p></article></body></html>");
  EXPECT_EQ(a.Text(),
            "Growing up on a farm, I thought everyone had an acre set aside as a vegetable garden. "
            "It was not until I owned my first home that I started one from scratch.\n\n" +
            std::string(kSecond));
}

// A page of short pieces of prose (a small company's front page: case studies
// with a link each) under a cookie notice. The pieces look like teasers, so no
// container outweighs its clutter, yet the page has text: it is read whole
// rather than called a consent wall.
TEST(BodyRecall, ShortPiecesOfProseAreNotAConsentWall) {
  std::string html = "<html><body><nav><a href='/'>Work</a> <a href='/blog'>Blog</a></nav><div>";
  const char* const kCases[][2] = {
      {"Universal Appeal",
       "Increasing attendance and awareness of a world-class space museum in a small town in "
       "Kansas."},
      {"The Picture of Health",
       "A collaborative approach brought leadership into the creative process for a health "
       "clinic."},
      {"Lift Off",
       "Branding a beer on a mission to benefit a museum and to stand out in a very crowded "
       "space."},
  };
  std::string expected;
  for (const auto& c : kCases) {
    html += std::string("<div class='case'><h3>") + c[0] + "</h3><p>" + c[1] +
            "</p><a href='/work/1'>See the whole case study</a></div>";
    expected += std::string(expected.empty() ? "" : "\n\n") + c[1];
  }
  html += "</div><div class='notice'><p>This site uses cookies. By continuing to browse you agree."
          "</p></div></body></html>";
  const Article a = MustExtract(html);
  EXPECT_EQ(a.empty_reason, "");
  EXPECT_EQ(a.Text(), expected);
}

// A progress report made mostly of lists of linked items (the patches it
// sent, the pull requests it merged) between its paragraphs. The lists are
// kept by the output when they sit between paragraphs; they used to count as
// clutter when choosing the container, so one section won over the article.
TEST(BodyRecall, LinkListsBetweenParagraphsDoNotShrinkTheContainer) {
  const char* const kPatches[] = {
      "libgccjit: Allow casts between integers and pointers",
      "libgccjit: Add support for the weak variable attribute",
      "libgccjit: Fix get_size for long double on every target",
      "libgccjit: Add a function to check if LTO is supported",
      "libgccjit: Fix volatile loads and stores of small structs",
      "libgccjit: Add support for packed struct declarations",
      "libgccjit: Fix undefined behaviour in constructor functions",
      "libgccjit: Allow set_location on various classes of nodes",
  };
  std::string list = "<ul>";
  std::string listed;
  for (const char* patch : kPatches) {
    list += std::string("<li><p><a href='https://example.org/patch'>") + patch + "</a></p></li>";
    listed += std::string("\n\n") + patch;
  }
  list += "</ul>";
  const Article a = MustExtract(
      "<html><body><header><a href='/'>Blog</a></header><main><article>"
      "<div class='sect1'><h2>What is it?</h2><div class='sectionbody'><p>" +
      std::string(kFirst) + "</p></div></div><div class='sect1'><h2>Patches</h2>"
      "<div class='sectionbody'><p>Many patches were sent for review:</p>" + list + "<p>" +
      kSecond + "</p></div></div><div class='sect1'><div class='sectionbody'><p>" + kThird +
      "</p></div></div></article></main></body></html>");
  EXPECT_EQ(a.Text(), std::string("What is it?\n\n") + kFirst +
                          "\n\nPatches\n\nMany patches were sent for review:" + listed + "\n\n" +
                          kSecond + "\n\n" + kThird);
}

// Article-body markup inside article-body markup: a wrapper marked as article
// text around each paragraph, inside the marked body that also holds a box of
// related links. The outer mark says where the article is; one paragraph's
// wrapper used to win over it because of the related box.
TEST(BodyRecall, NestedArticleBodyMarkupTakesTheOuterBody) {
  std::string related = "<div class='related-coverage'><ul>";
  for (int i = 0; i < 12; ++i) {
    related += "<li><a href='/news/" + std::to_string(i) +
               "'>A list of the best pitchers in the league lacks one old icon " +
               std::to_string(i) + "</a></li>";
  }
  related += "</ul></div>";
  const Article a = MustExtract(
      "<html><body><nav><a href='/'>News</a></nav><div class='asset-body article-body'>"
      "<div class='article-text'><p>" + std::string(kFirst) + "</p></div>" + related +
      "<div class='article-text'><p>" + kSecond + "</p></div><div class='article-text'><p>" +
      kThird + "</p></div></div></body></html>");
  EXPECT_EQ(a.Text(), Expected());
}

// A CSS-module layout wraps each section of the article in a box named
// "WidgetWrapper_...", like a sidebar's widgets. A run of such boxes that
// holds the page's prose is the article; the body used to be one paragraph.
TEST(BodyRecall, WidgetBoxesHoldingTheProseAreTheArticle) {
  const Article a = MustExtract(
      "<html><body><nav><a href='/'>Home</a> <a href='/tech'>Tech</a></nav><main><div>"
      "<div class='WidgetWrapper_Anchor__1bg'><div class='Prose_Prose__2z'><p>" +
      std::string(kFirst) + "</p></div></div>"
      "<div class='WidgetWrapper_Anchor__1bg'><div class='Prose_Prose__2z'><h2>The plan</h2><p>" +
      kSecond + "</p></div></div>"
      "<div class='WidgetWrapper_Anchor__1bg'><div class='Prose_Prose__2z'><p>" + kThird +
      "</p></div></div></div></main><footer><p>Copyright 2026 The Daily Example.</p></footer>"
      "</body></html>");
  EXPECT_EQ(a.Text(), std::string(kFirst) + "\n\nThe plan\n\n" + kSecond + "\n\n" + kThird);
}

// A page builder puts each section of a post in its own grid cell, as
// "so-panel widget widget_text": the boxes are not siblings, but together
// they hold the page's prose, so they are the article. A sidebar widget of
// the same page, a list of links, stays out.
TEST(BodyRecall, PageBuilderPanelsInSeparateCellsAreTheArticle) {
  std::string html = "<html><body><div class='page'><div class='content'>";
  const char* const kSections[] = {kFirst, kSecond, kThird};
  for (const char* section : kSections) {
    html += std::string("<div class='panel-grid'><div class='panel-grid-cell'>"
                        "<div class='so-panel widget widget_text'><div class='textwidget'><p>") +
            section + "</p></div></div></div></div>";
  }
  html += "</div><div class='sidebar-column'><div class='widget widget_recent_entries'><ul>"
          "<li><a href='/a'>How we chose the new office for the team</a></li>"
          "<li><a href='/b'>Five things we learned from our first year</a></li></ul></div>"
          "</div></div></body></html>";
  const Article a = MustExtract(html);
  EXPECT_EQ(a.Text(), Expected());
}

// A quoted statement set in a <figure> (a quote component between two
// paragraphs) is article text; the figure's caption is not, nor is a pull
// quote repeating a sentence of the article, nor an embedded post.
TEST(BodyRecall, QuoteInAFigureIsReadButNotItsCaptionOrAPullQuote) {
  const std::string quote =
      "Nobody here wants to move, but nobody wants to be flooded out every second winter either.";
  const Article a = MustExtract(
      std::string("<html><body><main><article><p>") + kFirst + "</p>"
      "<figure class='quote'><blockquote><p>" + quote + "</p></blockquote>"
      "<figcaption>Anna Berg, chair of the residents' association</figcaption></figure>"
      "<p>" + kSecond + "</p>"
      "<figure class='wp-block-pullquote'><blockquote><p>The water came over the bank twice in "
      "the last ten years, and the town has waited long enough.</p></blockquote></figure>"
      "<figure><blockquote class='nojs-tweet'><p>Packed hall tonight for the flood wall "
      "meeting, three hours and still going strong at the back.</p></blockquote></figure>"
      "<p>" + kThird + "</p></article></main></body></html>");
  EXPECT_EQ(a.Text(), std::string(kFirst) + "\n\n" + quote + "\n\n" + kSecond + "\n\n" + kThird);
}

// A listicle: each item a linked name and a paragraph, the shape of a teaser
// run, inside the article-body markup with the article going on after the
// list. The items are the article; a run after the last paragraph (a "more
// stories" list in the same markup) is still teasers.
TEST(BodyRecall, ListicleItemsInsideTheArticleBodyAreNotTeasers) {
  const char* const kBooks[][2] = {
      {"Drawing on the Right Side of the Brain",
       "This is the first book you should take on: it teaches you to see edges, spaces and "
       "light before it asks you to draw anything that you could be proud of."},
      {"The Natural Way to Draw",
       "An old course in a book, with a daily schedule of gesture drawings that will fill a "
       "sketchbook a week if you keep up with the exercises as written."},
      {"Keys to Drawing",
       "Short lessons with a clear goal each, so that it works well for the evening hour you "
       "have after work, and the examples are drawn by students of all ages."},
      {"The Sketchbook Habit",
       "Less a method than a push to draw every day, with prompts for a year of small pages "
       "and advice on carrying the book with you wherever you go."},
  };
  std::string items, expected = std::string(kFirst);
  for (const auto& book : kBooks) {
    items += std::string("<div class='item'><h3><a href='https://shop.example/") + book[0] + "'>" +
             book[0] + "</a></h3><p>" + book[1] + "</p></div>";
    expected += std::string("\n\n") + book[1];
  }
  expected += std::string("\n\n") + kSecond;
  std::string more = "<div class='list'>";
  for (int i = 0; i < 4; ++i) {
    more += "<div class='card'><h3><a href='/story/" + std::to_string(i) +
            "'>Another story from the newsroom, number " + std::to_string(i) + "</a></h3><p>A "
            "summary of that other story, which the reader may open next if the headline " +
            "caught the eye, number " + std::to_string(i) + ".</p></div>";
  }
  more += "</div>";
  const Article a = MustExtract(
      "<html><body><h1>Four books to learn drawing</h1><div class='entry-content'><p>" +
      std::string(kFirst) + "</p><div class='list'>" + items + "</div><p>" + kSecond + "</p>" +
      more + "</div></body></html>");
  EXPECT_EQ(a.Text(), expected);
}

// The panels of an accordion are hidden until the reader opens them, yet
// written for the reader: they are read. Other hidden text (a collapsed menu,
// a screen-reader label) still is not.
TEST(BodyRecall, CollapsedAccordionPanelsAreReadOtherHiddenTextIsNot) {
  const std::string answer =
      "The wall is paid for by the city, the region and a national fund, in equal shares over "
      "five years.";
  const Article a = MustExtract(
      std::string("<html><body><div class='menu hidden'><p>Home News Sport Weather Contact "
                  "us and a long line of other menu entries.</p></div><article><p>") +
      kFirst + "</p><div class='accordion'><button>Who pays for the wall?</button>"
      "<div class='accordion-panel' hidden><p>" + answer + "</p></div></div>"
      "<span class='sr-only'>Opens in a new window</span><p>" + kSecond + "</p><p>" + kThird +
      "</p><div aria-hidden='true'><p>A hidden copy of the first paragraph for a slide-in "
      "panel that the reader never sees on the page.</p></div></article></body></html>");
  EXPECT_EQ(a.Text(), std::string(kFirst) + "\n\n" + answer + "\n\n" + kSecond + "\n\n" + kThird);
}

// A class hides text only as a whole token ("screen-reader-text",
// "Visually-Hidden"), not inside another ("hidden-sm", a layout class).
TEST(BodyRecall, HiddenClassesAreWholeTokens) {
  const std::string shown =
      "The second phase of the works, along the old harbour wall, is to follow in the spring of "
      "the year after next, once the first has been paid for.";
  const Article a = MustExtract(
      std::string("<html><body><article><p>") + kFirst +
      "</p><div class='box screen-reader-text'><p>A copy of the summary for screen readers "
      "that the page never shows to anyone who looks at it.</p></div><div "
      "class='Visually-Hidden'><p>Another copy of the summary for screen readers that the "
      "page never shows to anyone.</p></div><p>" + kSecond + "</p><div class='hidden-sm col'><p>" +
      shown + "</p></div><p>" + kThird + "</p></article></body></html>");
  EXPECT_EQ(a.Text(), std::string(kFirst) + "\n\n" + kSecond + "\n\n" + shown + "\n\n" + kThird);
}

// React streaming renders the start of a page at once and sends the rest in
// <div hidden id="S:0">, which a script moves into place. When the visible
// start already holds a paragraph, the streamed rest is read too (before, only
// the retry for empty pages read it, so the body stopped at that paragraph).
TEST(BodyRecall, StreamedSegmentIsReadBesideVisibleProse) {
  const std::string lede =
      "After two years of public hearings and a decade of floods, the town has chosen how it "
      "will keep the river out of its lower streets, and the work is to start before the "
      "autumn rains come back to the valley.";
  const Article a = MustExtract(
      "<html><body><main><h1>Flood wall approved</h1><p>" + lede +
      "</p><template id='B:0'></template><p>Loading</p></main><div hidden id='S:0'>" +
      Paragraphs() + "</div></body></html>");
  EXPECT_EQ(a.Text(), lede + "\n\n" + Expected());
}

// Sections whose ids are anchor slugs of their headings: "menu-..." or
// "share-..." there are the article's words, not marks of furniture. A short
// furniture id ("related-posts") still marks furniture.
TEST(BodyRecall, HeadingSlugIdsAreNotFurnitureMarks) {
  const Article a = MustExtract(
      std::string("<html><body><article><div id='menu-ideas-for-small-weddings'><h2>Menu ideas "
                  "for small weddings</h2><p>") +
      kFirst + "</p></div><div id='share-the-cost-with-your-neighbours'><p>" + kSecond +
      "</p></div><div id='related-posts' class='box'><p>Our readers also liked these stories about "
      "weddings, rivers, councils and the spring floods of the valley.</p></div><p>" + kThird +
      "</p></article></body></html>");
  EXPECT_EQ(a.Text(), std::string(kFirst) + "\n\n" + kSecond + "\n\n" + kThird);
}

// The article's paragraphs inside a link (a body spliced into a table of
// contents' last <a>, or a link left open before the article): every
// paragraph was link text and the page came back empty. A link around three
// or more paragraphs is read as a plain element; a card link around one
// teaser paragraph is still link text.
TEST(BodyRecall, ParagraphsInsideALinkAreNotLinkText) {
  const Article a = MustExtract(
      "<html><body><main><div class='toc'><h4>In this story</h4><ul><a href='#1'>The vote</a>"
      "<a href='#2'><span>*</span>" + Paragraphs() + "</a></ul></div></main><div class='more'>"
      "<a href='/next'><div><p>Next: a story about ferries and the price of fuel, which rose "
      "again this month.</p></div></a></div></body></html>");
  EXPECT_EQ(a.Text(), Expected());
  EXPECT_EQ(a.empty_reason, "");
}

// "skip" marks a skip link ("skip-link", "skip-to-content"), not any class
// starting with it: a post whose sections are <div class="skip-item"> (the
// targets of its table of contents) lost every section but one. The skip
// link itself still goes.
TEST(BodyRecall, SkipItemSectionsAreNotFurniture) {
  std::string page = "<html><body><a class='skip-link' href='#topic1'>Skip to content</a>"
                     "<div class='post'>";
  std::string expected;
  const char* const kMore[] = {
      "The cost, forty million over five years, will be shared by the city, the region and a "
      "national fund for climate adaptation projects.",
      "Opponents argued that the money would be better spent moving the most exposed families "
      "to higher ground further from the river.",
      "The mayor promised a public report every six months and said the design could still "
      "change once the soil surveys are finished.",
  };
  const char* const kFirstOfSection[] = {kFirst, kSecond, kThird};
  for (int i = 0; i < 3; ++i) {
    page += "<div class='skip-item' id='topic" + std::to_string(i + 1) + "'><p>" +
            kFirstOfSection[i] + "</p><p>" + kMore[i] + "</p></div>";
    expected += std::string(i > 0 ? "\n\n" : "") + kFirstOfSection[i] + "\n\n" + kMore[i];
  }
  const Article a = MustExtract(page + "</div></body></html>");
  EXPECT_EQ(a.Text(), expected);
}

// A table set in a <figure> (WordPress's table block, <figure
// class="wp-block-table">) is read like any table: its rows of prose are
// article text. A figure's image and caption are still skipped.
TEST(BodyRecall, TableInAFigureIsRead) {
  const std::string row1 =
      "Raise the old embankment along the towpath, which the engineers said would take two "
      "summers of work.";
  const std::string row2 =
      "Build a new wall behind the houses of the lower town, which costs more but protects the "
      "school as well.";
  const Article a = MustExtract(
      std::string("<html><body><article><p>") + kFirst +
      "</p><figure class='wp-block-table'><table><tr><td>Option one</td><td>" + row1 +
      "</td></tr><tr><td>Option two</td><td>" + row2 +
      "</td></tr></table><figcaption>Table: the two plans</figcaption></figure><figure><img "
      "src='a.jpg'><figcaption>The river in flood last spring, seen from the old bridge at the "
      "end of the lower town.</figcaption></figure><p>" + kThird + "</p></article></body></html>");
  EXPECT_EQ(a.Text(), std::string(kFirst) + "\n\nOption one " + row1 + "\n\nOption two " + row2 +
                          "\n\n" + kThird);
}

// "more" alone is no furniture word: a section of the article may be
// <section class="sec-more-info">. "more-stories" and "read-more" still are.
TEST(BodyRecall, MoreInfoSectionIsNotFurniture) {
  const std::string history =
      "The town first asked for a wall in 1953, after the great flood of that winter had "
      "reached the steps of the church.";
  const Article a = MustExtract(
      std::string("<html><body><main><section class='sec-intro'><p>") + kFirst + "</p><p>" +
      kSecond + "</p></section><section class='sec-more-info'><h2>History</h2><p>" + kThird +
      "</p><p>" + history + "</p></section><div class='more-stories'><p>Our readers also "
      "liked these stories about weddings, rivers, councils and the spring floods.</p></div>"
      "</main></body></html>");
  EXPECT_EQ(a.Text(), std::string(kFirst) + "\n\n" + kSecond + "\n\nHistory\n\n" + kThird +
                          "\n\n" + history);
}

const char kFourth[] =
    "The mayor promised that the last section would be finished before the winter, when the "
    "river is at its highest and the old bank is weakest.";
const char kFifth[] =
    "A second vote, on the cost of raising the bridge at the same time, was put off until the "
    "engineers report on the state of its piers next month.";
const char kDek[] = "The vote ends ten years of arguments about the flood defences.";

// A paywalled page renders the dek and the first paragraph, and ships the
// whole article as a rich-text tree in its Next.js page data: the tree's
// paragraphs complete the body (its ad and media nodes are left out) and the
// dek stays.
TEST(BodyRecall, PreviewIsCompletedFromARichTextTreeInThePageData) {
  const auto para = [](const char* text) {
    return std::string(R"({"type":"paragraph","content":[{"type":"text","value":")") + text +
           R"("}]})";
  };
  const Article a = MustExtract(
      std::string("<html><body><article><p class='dek'>") + kDek + "</p><p>" + kFirst +
      "</p></article><script id='__NEXT_DATA__' type='application/json'>"
      R"({"props":{"story":{"body":{"type":"document","content":[)" +
      para(kFirst) + R"(,{"type":"ad","content":[]},)" + para(kSecond) + "," + para(kThird) +
      R"(,{"type":"heading","content":[{"type":"text","value":"What comes next"}]},)" +
      R"({"type":"paragraph","content":[{"type":"text","value":"The mayor promised that "},)"
      R"({"type":"link","content":[{"type":"text","value":"the last section"}]},)"
      R"({"type":"text","value":" would be finished before the winter, when the river is at )"
      R"(its highest and the old bank is weakest."}]},)" +
      para(kFifth) + "]}}}}</script></body></html>");
  EXPECT_EQ(a.Text(), std::string(kDek) + "\n\n" + Expected() + "\n\nWhat comes next\n\n" +
                          kFourth + "\n\n" + kFifth);
  EXPECT_EQ(a.body_source, "app-state");
}

// The same preview with the whole text in JSON-LD articleBody.
TEST(BodyRecall, PreviewIsCompletedFromJsonLdArticleBody) {
  const Article a = MustExtract(
      std::string("<html><head><script type='application/ld+json'>{\"@type\": \"NewsArticle\", "
                  "\"articleBody\": \"") +
      kFirst + "\\n" + kSecond + "\\n" + kThird + "\\n" + kFourth + "\\n" + kFifth +
      "\"}</script></head><body><article><p>" + kDek + "</p><p>" + kFirst + "</p><p>" +
      kSecond + "</p></article></body></html>");
  EXPECT_EQ(a.Text(), std::string(kDek) + "\n\n" + Expected() + "\n\n" + kFourth + "\n\n" + kFifth);
  EXPECT_EQ(a.body_source, "json-ld");
}

// A longer embedded text that does not hold the visible body (another
// article's, a page-wide dump of something else) is no reason to leave the
// markup; nor is a string of page data that holds JSON.
TEST(BodyRecall, EmbeddedTextThatDoesNotHoldTheVisibleBodyIsNotRead) {
  const std::string other =
      "Another story entirely, about the harvest festival and its parade, runs here with many "
      "words of its own. ";
  std::string other_body;
  for (int i = 0; i < 8; ++i) other_body += other + "\\n";
  // Twice the visible text, serialized as JSON inside a string.
  std::string serialized;
  for (int i = 0; i < 2; ++i) {
    for (const char* p : {kFirst, kSecond, kThird, kFourth, kFifth})
      serialized += std::string("{\\\"type\\\": \\\"p\\\", \\\"value\\\": \\\"") + p + "\\\"},";
  }
  serialized.pop_back();
  const Article a = MustExtract(
      std::string("<html><head><script type='application/ld+json'>{\"@type\": \"NewsArticle\", "
                  "\"articleBody\": \"") +
      other_body + "\"}</script></head><body><article>" + Paragraphs() +
      "</article><script id='__NEXT_DATA__' type='application/json'>{\"body\": \"[" + serialized +
      "]\"}</script></body></html>");
  EXPECT_EQ(a.Text(), Expected());
  EXPECT_EQ(a.body_source, "dom");
}

// The standfirst sits in the header beside the headline, apart from the body,
// and the page's meta description repeats it: it opens the body. A header
// line that the description does not repeat stays out.
TEST(BodyRecall, StandfirstRepeatedByTheMetaDescriptionOpensTheBody) {
  const std::string dek =
      "A four-mile wall will keep the spring floods out of the lower town, the council says.";
  const Article a =
      MustExtract("<html><head><title>Wall</title><meta property='og:description' content='" + dek +
                  "'></head><body><header class='article-header'><h1>Council backs flood wall</h1>"
                  "<p class='dek'>" +
                  dek +
                  "</p><p>The town is planning for its wettest spring in years, officials said.</p>"
                  "</header><article>" +
                  Paragraphs() + "</article></body></html>");
  EXPECT_EQ(a.Text(), dek + "\n\n" + Expected());
}

// A description cut short with an ellipsis still names the standfirst; a
// body that already opens with it does not get it twice, and a description
// that is nowhere before the body adds nothing.
TEST(BodyRecall, StandfirstIsMatchedByAPrefixAndNeverRepeated) {
  const std::string dek =
      "A four-mile wall will keep the spring floods out of the lower town, the council says.";
  const Article cut = MustExtract(
      "<html><head><meta name='description' content='A four-mile wall will keep the spring "
      "floods out of the lower\xE2\x80\xA6'></head><body><h1>Council backs flood wall</h1>"
      "<div class='standfirst'>" + dek + "</div><article>" + Paragraphs() +
      "</article></body></html>");
  EXPECT_EQ(cut.Text(), dek + "\n\n" + Expected());

  const Article opening = MustExtract(
      std::string("<html><head><meta name='description' content='") + kFirst +
      "'></head><body><h1>Council backs flood wall</h1><article>" + Paragraphs() +
      "</article></body></html>");
  EXPECT_EQ(opening.Text(), Expected());

  // The container takes in the page header: the dek sits in its furniture,
  // before the first paragraph of the body.
  const Article inside = MustExtract(
      "<html><head><meta name='description' content='" + dek + "'></head><body><article>"
      "<div class='content-header'><h1>Council backs flood wall</h1><p>" + dek +
      "</p><p class='byline'>By Jane Doe</p></div>" + Paragraphs() + "</article></body></html>");
  EXPECT_EQ(inside.Text(), dek + "\n\n" + Expected());

  const Article elsewhere = MustExtract(
      "<html><head><meta name='description' content='" + dek + "'></head><body><article>" +
      Paragraphs() + "</article><footer><p>" + dek + "</p></footer></body></html>");
  EXPECT_EQ(elsewhere.Text(), Expected());
}

// Section headings with a permalink: the heading links to its own anchor
// (markdown-it, docs generators), or carries a "header-anchor" class
// (Substack). Both are the article's headings; a table of contents linking
// to the same anchors from a list is still navigation, and a heading that
// links to another page is still a link.
TEST(BodyRecall, HeadingsWithAPermalinkAreText) {
  const Article own = MustExtract(
      "<html><body><article><ul><li><a href='#the-wall'>The wall</a></li>"
      "<li><a href='#the-hall'>The hall</a></li></ul><p>" + std::string(kFirst) +
      "</p><h2 id='the-wall'><a href='#the-wall'>Where the wall will run</a></h2><p>" + kSecond +
      "</p><h2><a href='/elsewhere'>Read about the river</a></h2><p>" + kThird +
      "</p></article></body></html>");
  EXPECT_EQ(own.Text(), std::string(kFirst) + "\n\nWhere the wall will run\n\n" + kSecond +
                            "\n\n" + kThird);

  const Article marked = MustExtract(
      "<html><body><header class='site-header'><h3>The Town Paper</h3></header><article><p>" +
      std::string(kFirst) + "</p><h3 class='header-anchor-post'>Where the wall will run"
      "<div class='header-anchor-parent'><button>Link</button></div></h3><p>" + kSecond +
      "</p><p>" + kThird + "</p></article></body></html>");
  EXPECT_EQ(marked.Text(), std::string(kFirst) + "\n\nWhere the wall will run\n\n" + kSecond +
                               "\n\n" + kThird);
}

// Layout modifiers name furniture they do not mark: a wrapper of the article's
// first paragraphs classed "has-sidebar", "no-sidebar", "with-sidebar" or
// "sidebar-enabled--false" holds the article. "no-print" still marks what the
// page keeps off paper.
TEST(BodyRecall, ModifierClassesAreNoFurnitureMark) {
  const std::string kLast =
      "The mayor said the contract would be signed before the summer, and that the town would "
      "pay a third of the cost from its reserves.";
  for (const char* cls : {"intro has-sidebar", "intro no-sidebar", "intro with-sidebar",
                          "main sidebar-enabled--false"}) {
    const Article a = MustExtract(
        "<html><body><article><div class='" + std::string(cls) + "'><p>" + kFirst +
        "</p></div><p>" + kSecond + "</p><p>" + kThird + "</p><p>" + kLast +
        "</p></article></body></html>");
    EXPECT_EQ(a.Text(), std::string(kFirst) + "\n\n" + kSecond + "\n\n" + kThird + "\n\n" +
                            kLast)
        << cls;
  }
  const Article print = MustExtract(
      "<html><body><article><div class='box no-print'><p>" + std::string(kFirst) +
      "</p></div><p>" + kSecond + "</p><p>" + kThird + "</p><p>" + kLast +
      "</p></article></body></html>");
  EXPECT_EQ(print.Text(), std::string(kSecond) + "\n\n" + kThird + "\n\n" + kLast);
}

// A modifier inside a class token names what the element lacks or has, as a
// modifier token does: "card-title-no-credit" (read from "cardTitleNoCredit")
// and "page-has-sidebar" mark no furniture.
TEST(BodyRecall, ModifiersInsideAClassTokenAreNoFurnitureMark) {
  for (const char* cls : {"cardTitleNoCredit", "page-has-sidebar", "intro_with-share"}) {
    const Article a = MustExtract("<html><body><article><div class='" + std::string(cls) +
                                  "'><p>" + kFirst + "</p></div><p>" + kSecond + "</p><p>" +
                                  kThird + "</p></article></body></html>");
    EXPECT_EQ(a.Text(), Expected()) << cls;
  }
}

// A subhead's own class names the heading, not page furniture: "header" and
// "tag" on an h2-h6 (<h2 class="section-header">, <h3 class="edTag">, a table
// of contents' target <h2 class="tocHeader">) leave it in the article. A
// heading in a "tags" box, or one classed as a share or related heading, is
// still furniture.
TEST(BodyRecall, HeadingClassesNamingTheHeadingAreText) {
  for (const char* cls : {"section-header", "edTag", "tocHeader", "post-tag"}) {
    const Article a = MustExtract(
        "<html><body><article><p>" + std::string(kFirst) + "</p><h2 class='" + cls +
        "'>Where the wall will run</h2><p>" + kSecond + "</p><p>" + kThird +
        "</p></article></body></html>");
    EXPECT_EQ(a.Text(), std::string(kFirst) + "\n\nWhere the wall will run\n\n" + kSecond +
                            "\n\n" + kThird)
        << cls;
  }
  for (const char* cls : {"post-tags", "share-header", "related-header"}) {
    const Article a = MustExtract(
        "<html><body><article><p>" + std::string(kFirst) + "</p><p>" + kSecond + "</p><p>" +
        kThird + "</p><h3 class='" + cls + "'>More on the wall</h3></article></body></html>");
    EXPECT_EQ(a.Text(), Expected()) << cls;
  }
}

// Class names written in camelCase are read as words, as hyphenated ones are:
// "imageCaption", "shareLinks" and "relatedStoriesBox" mark furniture as
// "image-caption" would. A capital only starts a word after a lower-case
// letter or digit and before a lower-case letter ("adID", "URLs" stay whole).
TEST(BodyRecall, CamelCaseClassNamesAreReadAsWords) {
  const std::string kCaption =
      "The old towpath by the river, where the first section of the wall will rise next year.";
  for (const char* cls : {"imageCaption", "photoCredit", "shareLinks", "inlineAdBox"}) {
    const Article a = MustExtract(
        "<html><body><article><p>" + std::string(kFirst) + "</p><div class='" + cls + "'>" +
        kCaption + "</div><p>" + kSecond + "</p><p>" + kThird + "</p></article></body></html>");
    EXPECT_EQ(a.Text(), Expected()) << cls;
  }
  // Words hidden in a longer word are not read: "broadcast", "threadID".
  for (const char* cls : {"broadcastNote", "threadID"}) {
    const Article a = MustExtract(
        "<html><body><article><p>" + std::string(kFirst) + "</p><div class='" + cls + "'>" +
        kCaption + "</div><p>" + kSecond + "</p><p>" + kThird + "</p></article></body></html>");
    EXPECT_EQ(a.Text(), std::string(kFirst) + "\n\n" + kCaption + "\n\n" + kSecond + "\n\n" +
                            kThird)
        << cls;
  }
}

// A paragraph of prose marked like furniture is prose (a "paywall" or
// "content-meta" class on the article's own paragraphs), but not when the mark
// names a caption or credit: a long caption (class="imageCaption") is left
// out, and so a paragraph it repeats is not taken for the repeat.
TEST(BodyRecall, LongCaptionParagraphsAreNoProse) {
  const std::string kCaption =
      "The old towpath by the river, where engineers said the first section of the wall would "
      "rise, seen from the footbridge on a wet morning in the spring.";
  for (const char* cls : {"imageCaption", "photo-credit"}) {
    const Article a = MustExtract("<html><body><article><p>" + std::string(kFirst) +
                                  "</p><p class='" + cls + "'>" + kCaption + "</p><p>" +
                                  kSecond + "</p><p>" + kThird + "</p></article></body></html>");
    EXPECT_EQ(a.Text(), Expected()) << cls;
  }
  const Article prose = MustExtract("<html><body><article><p>" + std::string(kFirst) +
                                    "</p><p class='content-meta'>" + kSecond + "</p><p>" +
                                    kThird + "</p></article></body></html>");
  EXPECT_EQ(prose.Text(), Expected());
}

// The article's opening paragraphs in a box marked like the page header
// ("listicle-header") come back when the box holds two or more paragraphs of
// prose and no links and no other prose of the container comes before it; a
// one-paragraph box (a dek), or a box after the prose, is still cut.
TEST(BodyRecall, OpeningParagraphsInAHeaderBoxAreText) {
  const std::string kIntro =
      "Flood defences have been argued over in the lower town for a decade, since the spring "
      "when the river took the footbridge and the bakery on the corner of the square. Every "
      "winter since, the sandbags have been stacked along the same low wall by the same people.";
  const std::string kMore =
      "Until this year the money was never there: the county paid for the upper town first, and "
      "the grant the council applied for twice went to the harbour instead. This spring the "
      "government's new fund for river towns changed that, with a sum no one had hoped for.";
  const std::string kLast =
      "The mayor said the contract would be signed before the summer, and that the town would "
      "pay a third of the cost from its reserves.";
  const std::string body = "<p>" + std::string(kFirst) + "</p><p>" + kSecond + "</p><p>" +
                           kThird + "</p><p>" + kLast + "</p>";
  const std::string rest =
      std::string(kFirst) + "\n\n" + kSecond + "\n\n" + kThird + "\n\n" + kLast;
  const Article opening = MustExtract(
      "<html><body><article><section class='listicle-header'><p>" + kIntro + "</p><p>" + kMore +
      "</p></section>" + body + "</article></body></html>");
  EXPECT_EQ(opening.Text(), kIntro + "\n\n" + kMore + "\n\n" + rest);

  const Article dek = MustExtract(
      "<html><body><article><section class='listicle-header'><p>" + kIntro + "</p></section>" +
      body + "</article></body></html>");
  EXPECT_EQ(dek.Text(), rest);

  const Article after = MustExtract(
      "<html><body><article>" + body + "<section class='listicle-header'><p>" + kIntro +
      "</p><p>" + kMore + "</p></section></article></body></html>");
  EXPECT_EQ(after.Text(), rest);
}

// A template wraps each part of a post in a box whose class names the in-page
// navigation ("content-nav-section"), with a call to action between the
// parts: two or more such boxes with a heading and paragraphs of prose, that
// hold most of the page's prose, are the article. Comment boxes repeat too
// but carry no heading, and copies of one box open alike: both stay furniture.
TEST(BodyRecall, RepeatedSectionBoxesMarkedLikeNavigationAreText) {
  const Article sections = MustExtract(
      "<html><body><h1>The wall</h1><div class='content-nav-section'><h2>The vote</h2><p>" +
      std::string(kFirst) + "</p><p>" + kSecond + "</p></div><div class='cta'>"
      "<a href='/save'>Find out what affects your score</a></div>"
      "<div class='content-nav-section'><h2>The hall</h2><p>" +
      kThird + "</p><p>" + kFourth + "</p></div></body></html>");
  EXPECT_EQ(sections.Text(), std::string(kFirst) + "\n\n" + kSecond + "\n\nThe hall\n\n" +
                                 kThird + "\n\n" + kFourth);

  const std::string comment =
      "<div class='comment-box'><p>I have lived by the river for forty years and never once "
      "did anyone from the council come down to ask us what we needed.</p><p>" +
      std::string(kFourth) +
      " Still, better late than never, and my neighbours agree with me on that.</p></div>";
  const Article comments = MustExtract("<html><body><article>" + Paragraphs() +
                                       "</article>" + comment + comment + comment +
                                       "</body></html>");
  EXPECT_EQ(comments.Text(), Expected());

  // Copies of one box down the page (a glossary repeated) are one box.
  const std::string glossary = "<div class='entry-sidebar'><h3>Terms to know</h3><p>" +
                               std::string(kFourth) + "</p><p>" + kSecond + "</p></div>";
  const Article copies = MustExtract("<html><body><article>" + Paragraphs() + "</article>" +
                                     glossary + glossary + glossary + "</body></html>");
  EXPECT_EQ(copies.Text(), Expected());
}

// The introduction in a box of its own under the headline, before a carousel
// of linked cards that outweighs it, opens the body; a box of key points in
// that place does not.
TEST(BodyRecall, IntroductionBeforeACarouselOpensTheBody) {
  std::string cards = "<div class='cards'>";
  for (int i = 0; i < 8; ++i) {
    const std::string n = std::to_string(i);
    cards += "<div class='card'><h3><a href='/v/" + n + "'>Restaurant number " + n +
             "</a></h3><p><a href='#v" + n + "'>View it in the list below</a></p></div>";
  }
  cards += "</div>";
  const std::string kLead = "The stars are back in the lower town, and in a big way this year.";
  const std::string kMore =
      "Below are the honourees you can book tonight, from the new names on the quay to the old "
      "houses on the square that have kept their places, and the small kitchens in the back "
      "streets that the guide has noticed for the first time.";
  const std::string page_start = "<html><body><h1>The town's stars</h1>";
  const std::string rest = "<div class='entries'>" + Paragraphs() + "</div></body></html>";
  const Article intro = MustExtract(page_start + "<div class='lead'><p>" + kLead + "</p><p>" +
                                    kMore + "</p></div>" + cards + rest);
  EXPECT_EQ(intro.Text(), kLead + "\n\n" + kMore + "\n\n" + Expected());

  const Article points = MustExtract(page_start + "<ul class='points'><li>" + kLead +
                                     "</li><li>" + kMore + "</li></ul>" + cards + rest);
  EXPECT_EQ(points.Text(), Expected());
}

// An FAQ whose questions are controls that open their answers (`href="#"` on
// an accordion's title, `aria-expanded`) is text of the article, not a run
// of teasers each with a headline link. A list of `href="#"` links named for
// nothing (placeholder teasers) stays link text.
TEST(BodyRecall, AccordionQuestionsAreNotTeaserLinks) {
  const char* kItems[][2] = {
      {"When will the work start?",
       "The first section starts in the spring, once the river is low enough for the machines."},
      {"Who pays for the wall?",
       "The town pays a third of the cost and the regional flood fund pays the rest of it."},
      {"Will the towpath stay open?",
       "The towpath closes for the summer and opens again when the first section is done."},
  };
  const auto page = [&](const std::string& link_open) {
    std::string faq = "<section class='faqs'><h2>Questions</h2><ul class='items'>";
    for (const auto& item : kItems) {
      faq += "<li class='item'>" + link_open + item[0] + "</a><div class='answer'><p>" +
             item[1] + "</p></div></li>";
    }
    return "<html><body><article>" + Paragraphs() + "<p>" + kFourth + "</p>" + faq +
           "</ul></section></article></body></html>";
  };
  std::string faq_text = "\n\nQuestions";
  for (const auto& item : kItems) faq_text += std::string("\n\n") + item[0] + "\n\n" + item[1];
  const std::string article = Expected() + "\n\n" + kFourth;
  EXPECT_EQ(MustExtract(page("<a href='#' class='accordion-title'>")).Text(), article + faq_text);
  EXPECT_EQ(MustExtract(page("<a href='#q' aria-expanded='false'>")).Text(), article + faq_text);
  EXPECT_EQ(MustExtract(page("<a href='#'>")).Text(), article);
}

// Steps of a plan written on one pattern ("Repeat 6-8 times, ending when ...:
// 800m at marathon pace") share most of their word 4-grams with each other
// but are not copies: each stays. A block whose 4-grams are all found again
// (a block shown twice) still goes.
TEST(BodyRecall, ItemsOnOnePatternAreNotRepeats) {
  const std::string kPattern =
      "Repeat the set until you feel that the next one is the last you could run well:";
  const std::string kA = kPattern + " two fast laps.";
  const std::string kB = kPattern + " four easy hills.";
  const Article a = MustExtract("<html><body><article>" + Paragraphs() + "<ul><li>" + kA +
                                "</li><li>" + kB + "</li></ul><p>" + kFourth +
                                "</p></article></body></html>");
  EXPECT_EQ(a.Text(), Expected() + "\n\n" + kA + "\n\n" + kB + "\n\n" + kFourth);

  const Article twice = MustExtract("<html><body><article>" + Paragraphs() + "<ul><li>" + kA +
                                    "</li><li>" + kA + "</li></ul><p>" + kFourth +
                                    "</p></article></body></html>");
  EXPECT_EQ(twice.Text(), Expected() + "\n\n" + kA + "\n\n" + kFourth);
}

}  // namespace
}  // namespace libdiff
