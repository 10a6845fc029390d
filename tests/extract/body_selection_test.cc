// Copyright 2026 The libdiff Authors.
//
// Which part of a page the body comes from: hand-written pages, each showing
// one way the choice can go wrong on real news pages.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/extract_test_util.h"
#include "libdiff/article.h"

namespace libdiff {
namespace {

using testing::Contains;
using testing::MustExtract;

// Six different sentences of news prose, about 130 bytes each.
std::string Prose(int i) {
  static const char* const kProse[] = {
      "the council voted on Monday to build the wall, which will protect four thousand homes "
      "from the river when it floods in the spring.",
      "engineers said the first section would rise along the old towpath, where the water came "
      "over the bank twice in the last ten years.",
      "residents of the lower town packed the hall for three hours, and most of those who spoke "
      "asked why the work had taken so long to start.",
      "the cost, forty million over five years, will be shared by the city, the region and a "
      "national fund for climate adaptation projects.",
      "opponents argued that the money would be better spent moving the most exposed families "
      "to higher ground further from the river.",
      "the mayor promised a public report every six months and said the design could still "
      "change once the soil surveys are finished.",
  };
  return kProse[i % 6];
}

// A short news story: three paragraphs, about 560 bytes of prose.
std::string ShortStory(const std::string& subject) {
  return "<p>The distributor announced on Saturday that it has licensed the film about " + subject +
         " and will screen it in cinemas across the country next spring.</p>"
         "<p>The film opened at home on December 8 and ranked sixth in its opening weekend, "
         "earning the equivalent of nine hundred thousand dollars in three days.</p>"
         "<p>The memoir behind the film tells of a girl who did not fit in at her first school "
         "and found her place at a small private school before the war.</p>";
}

// A list of teasers for other articles: a headline link, a date, a comment
// count and a summary each. The summaries together hold more prose than the
// story, and the boxes differ in their second class (the category).
std::string TeaserList() {
  std::string list = "<div class=\"latest\">";
  const char* kinds[] = {"news", "review", "news", "feature", "review", "news"};
  for (int i = 0; i < 6; ++i) {
    const std::string n = std::to_string(i);
    list += "<div class=\"herald box " + std::string(kinds[i]) + "\"><h3><a href=\"/a/" + n +
            "\">Another headline number " + n + " about a different anime</a></h3>"
            "<div class=\"meta\"><time>Dec 2" + n + ", 17:00</time> <a href=\"/c/" + n +
            "\">4 comments</a></div><div class=\"snippet\">Summary " + n +
            " of another story: the official website for the television anime began streaming "
            "a trailer on Saturday for the arc that will start with the next episode in January, "
            "and the staff revealed the new cast members...</div></div>";
  }
  return list + "</div>";
}

std::string PageWithTeasers(const std::string& subject) {
  return "<html><body><div id=\"page\"><div class=\"main-column\"><div class=\"story\"><h1>Film "
         "about " + subject + " licensed</h1><div class=\"text\">" + ShortStory(subject) +
         "</div></div>" + TeaserList() + "</div></div></body></html>";
}

TEST(BodySelection, TeaserListWithLongSummariesIsNotTheBody) {
  const Article a = MustExtract(PageWithTeasers("a girl at the window"));
  const std::string text = a.Text();
  EXPECT_TRUE(Contains(text, "licensed the film about a girl at the window")) << text;
  EXPECT_TRUE(Contains(text, "found her place at a small private school")) << text;
  EXPECT_FALSE(Contains(text, "Summary")) << text;
  EXPECT_FALSE(Contains(text, "Another headline")) << text;
}

TEST(BodySelection, TwoArticlesSharingATeaserListExtractToTheirOwnStories) {
  // When the list wins, every article of the site extracts to the same text.
  for (const char* subject : {"a girl at the window", "a crowned virtual streamer"}) {
    const Article a = MustExtract(PageWithTeasers(subject));
    ASSERT_EQ(a.blocks.size(), 3u) << a.Text();
    EXPECT_TRUE(Contains(a.blocks[0].text, subject)) << a.Text();
  }
}

TEST(BodySelection, RepeatedParagraphsOfTheArticleAreNotTeasers) {
  // Look-alike siblings without headline links are the article itself.
  std::string body;
  for (int i = 0; i < 5; ++i) {
    body += "<div class=\"para-block\"><p>Paragraph " + std::to_string(i) + ": " + Prose(i) +
            "</p></div>";
  }
  const Article a = MustExtract("<html><body><article>" + body + "</article></body></html>");
  for (int i = 0; i < 5; ++i)
    EXPECT_TRUE(Contains(a.Text(), "Paragraph " + std::to_string(i))) << a.Text();
}

TEST(BodySelection, RoundupItemsShapedLikeTeasersStayWhenTheyAreTheArticle) {
  // Products with a linked name and a short description look like teasers;
  // when they are most of the article's prose, the furniture cut is undone.
  std::string items;
  for (int i = 0; i < 4; ++i) {
    items += "<div class=\"product-card\"><h3><a href=\"/p" + std::to_string(i) + "\">Product " +
             std::to_string(i) + "</a></h3><p>Why we like it " + std::to_string(i) + ": " +
             Prose(i) + "</p></div>";
  }
  const Article a = MustExtract(
      "<html><body><article><div class=\"article-body\"><p>Intro: we tested a dozen rain "
      "jackets this autumn, walking the river path in every kind of weather, and these are the "
      "four we would buy.</p>" + items + "</div></article></body></html>");
  EXPECT_TRUE(Contains(a.Text(), "Intro: we tested")) << a.Text();
  for (int i = 0; i < 4; ++i)
    EXPECT_TRUE(Contains(a.Text(), "Why we like it " + std::to_string(i))) << a.Text();
}

// Three questions and answers: prose after a list, outside its items.
std::string Faq() {
  return "<h2>Questions</h2>"
         "<p>How often should they be watered? Most of them come from rainforests and like "
         "their soil moist but never soaked, so water when the top inch feels dry to the "
         "touch.</p>"
         "<p>Do they need feeding? A weak fertiliser once a month from spring to late summer is "
         "enough, and none at all in winter, when they hardly grow.</p>"
         "<p>Can they live in a room without windows? They will survive under a lamp left on "
         "for twelve hours a day, though they grow slowly and lose some of their colour.</p>";
}

// A listicle without article markup: each item a linked name and a
// paragraph, the shape of a teaser. Items that hold most of the page's prose,
// a full paragraph each, are the article, not a list of other pages.
TEST(BodySelection, ListicleItemsHoldingThePageAreNotTeasers) {
  std::string items;
  const char* const kCare[] = {"a north window and water once a week",
                               "a bathroom shelf, where the steam keeps its leaves glossy",
                               "any corner at all, even far from the nearest lamp"};
  for (int i = 0; i < 3; ++i) {
    const std::string n = std::to_string(i + 1);
    items += "<tr><td><h2>" + n + ". <a href=\"/plants/" + n + "\">CHINESE EVERGREEN PLANT " + n +
             "</a></h2><p>Item " + n + ": " + Prose(2 * i) + " " + Prose(2 * i + 1) +
             " It does best in " + kCare[i] + ", and it rarely needs a bigger pot.</p></td></tr>";
  }
  const Article a = MustExtract(
      "<html><body><div class=\"page\"><div class=\"sidebar\"><a href=\"/\">Home</a></div>"
      "<div class=\"content\"><p>Intro: these plants need little light and will grow in the "
      "darkest corner of the house.</p><table>" + items + "</table>" + Faq() +
      "</div></div></body></html>");
  for (int i = 1; i <= 3; ++i)
    EXPECT_TRUE(Contains(a.Text(), "Item " + std::to_string(i) + ": ")) << a.Text();
  EXPECT_TRUE(Contains(a.Text(), "Intro: these plants")) << a.Text();
  EXPECT_TRUE(Contains(a.Text(), "Can they live in a room without windows?")) << a.Text();
}

// The same list split by ad slots into runs of three: the items are
// counted together, wherever they are under their parent.
TEST(BodySelection, ListicleSplitByAdSlotsIsNotTeasers) {
  const char* const kMore[] = {
      "the ferry will run every hour from May, the operator said, and the old pier will be "
      "rebuilt in stone before the summer crowds arrive at the harbour.",
      "a new school for four hundred pupils opens next autumn on the site of the old brewery, "
      "with a sports hall the whole village will be able to book.",
      "the library has doubled its opening hours since the spring and lends tools, seeds and "
      "sewing machines as well as books to anyone with a card."};
  std::string items;
  for (int i = 0; i < 6; ++i) {
    const std::string n = std::to_string(i + 1);
    const std::string text = i < 3 ? Prose(2 * i) + " " + Prose(2 * i + 1)
                                   : std::string(kMore[i - 3]) + " " + Prose(2 * (i - 3));
    items += "<div class=\"item\"><h3><a href=\"/places/" + n + "\">A PLACE TO VISIT NUMBER " +
             n + "</a></h3><p>Item " + n + ": " + text +
             " It is open every day of the week from nine in the morning until late in the "
             "evening, and entry is free for everyone.</p></div>";
    if (i == 2) items += "<div class=\"slot\"></div>";
  }
  const Article a = MustExtract(
      "<html><body><div class=\"page\"><div class=\"content\"><p>Intro: six places to see "
      "this year.</p>" + items + Faq() + "</div></div></body></html>");
  for (int i = 1; i <= 6; ++i)
    EXPECT_TRUE(Contains(a.Text(), "Item " + std::to_string(i) + ": ")) << a.Text();
}

// The template puts the introduction in one article-body box and the rest
// of the article in another, with a comparison widget between them: both
// boxes are the article, the widget's labels are not.
TEST(BodySelection, ArticleBodySplitIntoTwoBoxesIsJoined) {
  std::string deals;  // a link-heavy box, clutter the joined container pays for
  for (int i = 0; i < 16; ++i)
    deals += "<a href=\"/deal/" + std::to_string(i) + "\">Compare scooter model " +
             std::to_string(i) + " prices</a> ";
  const Article a = MustExtract(
      "<html><body><div class=\"page\"><div class=\"intro\"><div class=\"article-body\"><p>"
      "Intro 1: " + Prose(0) + " " + Prose(1) + "</p><p>Intro 2: " + Prose(2) + " " + Prose(3) +
      "</p></div></div><div class=\"compare\"><div>Model A</div><div>$399</div><p>" + deals +
      "</p></div>"
      "<div class=\"products\">"
      "<div class=\"article-body\"><p>Part 1: " + Prose(4) + " " + Prose(5) + "</p><p>Part 2: "
      "the second scooter folds in three seconds and fits under a desk, though its small wheels "
      "feel every crack in the pavement and its brakes squeal in the rain.</p><p>Part 3: the "
      "third is the heaviest of the group and the slowest up hills, but it went further on one "
      "charge than any other scooter we rode this year.</p></div></div></div></body></html>");
  EXPECT_EQ(a.blocks.size(), 5u) << a.Text();
  EXPECT_TRUE(Contains(a.Text(), "Intro 1: ")) << a.Text();
  EXPECT_TRUE(Contains(a.Text(), "Part 3: ")) << a.Text();
  EXPECT_FALSE(Contains(a.Text(), "Model A")) << a.Text();
  EXPECT_FALSE(Contains(a.Text(), "Compare scooter")) << a.Text();
}

// A deals post: paragraphs of prose between long lists of linked offers,
// the whole page in a wrapper whose class reads like furniture. The lists
// between paragraphs are forgiven as in an unmarked article, since a mark on
// a wrapper of most of the page says nothing; before, the container was the
// one paragraph that outweighed them.
TEST(BodySelection, LinkListsBetweenProseAreForgivenUnderAPageWideMark) {
  const auto offers = [](int list) {
    std::string ul = "<ul>";
    for (int i = 0; i < 30; ++i)
      ul += "<li><a href=\"/offer/" + std::to_string(list * 100 + i) +
            "\">Up to half off best selling item " + std::to_string(i) + "</a></li>";
    return ul + "</ul>";
  };
  const Article a = MustExtract(
      "<html><body><div class=\"sidebar-layout\"><div class=\"article-body\"><p>Para 1: " +
      Prose(0) + "</p>" + offers(1) + "<p>Para 2: " + Prose(1) + " " + Prose(2) + " " +
      Prose(3) + "</p>" + offers(2) + "<p>Para 3: " + Prose(4) + "</p></div></div>"
      "<div class=\"promo\"><p>Sign up</p></div></body></html>");
  EXPECT_TRUE(Contains(a.Text(), "Para 1: ")) << a.Text();
  EXPECT_TRUE(Contains(a.Text(), "Para 3: ")) << a.Text();
}

TEST(BodySelection, ParagraphsEachWrappedInAFurnitureLikeClassAreKept) {
  // Paywalled pages wrap each paragraph: <div class="subscriber-preview"><p>.
  std::string body;
  for (int i = 0; i < 6; ++i) {
    body += "<div class=\"subscriber-preview\"><p>Part " + std::to_string(i) + " of the story: " +
            Prose(i) + "</p></div>";
  }
  const std::string html =
      "<html><body><div class=\"article-body\">" + body +
      "</div><div class=\"author-bio\"><p>Jane Roe has covered the city for the paper since "
      "2009 and writes about housing, planning and the environment.</p></div></body></html>";
  const Article a = MustExtract(html);
  for (int i = 0; i < 6; ++i)
    EXPECT_TRUE(Contains(a.Text(), "Part " + std::to_string(i) + " of the story")) << a.Text();
  // A single furniture-marked paragraph is still furniture.
  EXPECT_FALSE(Contains(a.Text(), "Jane Roe has covered")) << a.Text();
}

// The same wrappers with an ad slot and a promo box between them: the
// look-alike wrapper is two siblings away, not next door.
TEST(BodySelection, WrappedParagraphsSeparatedByAdSlotsAreKept) {
  std::string body, expected;
  for (int i = 0; i < 3; ++i) {
    body += "<div class=\"subscriber-only\"><p>" + Prose(i) + "</p></div>"
            "<div class=\"ad-slot\"><span>Advertisement</span></div>"
            "<div class=\"promo\"><a href=\"/subscribe\">Subscribe for full access</a></div>";
    expected += (i > 0 ? "\n\n" : "") + Prose(i);
  }
  const Article a = MustExtract("<html><body><div class=\"article-body\">" + body +
                                "</div><div class=\"subscriber-only\"><p>Jane Roe has covered "
                                "the city for the paper since 2009 and writes about housing.</p>"
                                "</div></body></html>");
  EXPECT_EQ(a.Text(), expected);
}

TEST(BodySelection, ProseInASmallSidebarDoesNotBeatAnArticleWithClutter) {
  // The article's column carries link-heavy clutter between its paragraphs;
  // a sidebar box holds one clean block of prose, less than the article's.
  std::string story;
  for (int i = 0; i < 6; ++i) {
    story += "<p>Paragraph " + std::to_string(i) + " of the story: " + Prose(i) + "</p>"
             "<div><a href=\"/x\">Read more: the council's budget for the coming year</a> "
             "<a href=\"/y\">Vote results by ward and by district</a></div>";
  }
  const std::string html =
      "<html><body><div class=\"col\">" + story +
      "</div><div class=\"sidebar\"><div class=\"box\"><p>In other news, the museum will open "
      "a new wing for modern art next year, after a donation from a local family that made its "
      "fortune in shipping, the director said on Tuesday in a statement.</p><p>The wing will "
      "show the family's collection of paintings and sculpture, about three hundred works, and "
      "the museum expects twice as many visitors in its first year as it had in the last, "
      "which is why it will stay open until nine on Fridays.</p>"
      "</div></div>"
      "</body></html>";
  const Article a = MustExtract(html);
  EXPECT_TRUE(Contains(a.Text(), "Paragraph 0 of the story")) << a.Text();
  EXPECT_TRUE(Contains(a.Text(), "Paragraph 5 of the story")) << a.Text();
  EXPECT_FALSE(Contains(a.Text(), "museum")) << a.Text();
}

TEST(BodySelection, ClutterInsideArticleBodyMarkupDoesNotLeaveOneParagraph) {
  // Link rows between the paragraphs of the marked body weigh almost as much
  // as its prose; the body is still the whole story, not its longest paragraph.
  std::string body;
  for (int i = 0; i < 4; ++i) {
    body += "<p>Paragraph " + std::to_string(i) + ": " + Prose(i) + "</p><div class=\"inline\">"
            "<a href=\"/r1\">Related: the river authority publishes its flood maps</a> "
            "<a href=\"/r2\">Opinion: the wall is the wrong answer to the floods</a> "
            "<a href=\"/r3\">Video: the night the river came over the old towpath</a></div>";
  }
  const Article a = MustExtract("<html><body><div class=\"article-body\">" + body +
                                "</div></body></html>");
  for (int i = 0; i < 4; ++i)
    EXPECT_TRUE(Contains(a.Text(), "Paragraph " + std::to_string(i))) << a.Text();
  EXPECT_FALSE(Contains(a.Text(), "Related:")) << a.Text();
}

TEST(BodyOutput, ASummaryRepeatingTheStoryAndADuplicatedBlockAppearOnce) {
  const std::string p1 =
      "Police have shut down 34,000 online accounts and punished more than 6,300 people for "
      "spreading rumours, state media reported on Friday.";
  const std::string p2 =
      "The campaign began in April, and the police said it would continue into next year with "
      "a special action against online rumours.";
  const std::string p3 =
      "Officials did not say which kinds of accounts were closed or how many of the people were "
      "detained rather than fined.";
  // A key-points box that quotes the first two paragraphs, shown twice (once
  // for small screens), then the story.
  const std::string summary = "<div class=\"summary\"><p>" + p1 + " " + p2 + "</p></div>";
  const Article a = MustExtract("<html><body><article>" + summary + summary + "<p>SHANGHAI: " + p1 +
                                "</p><p>" + p2 + "</p><p>" + p3 + "</p></article></body></html>");
  ASSERT_EQ(a.blocks.size(), 3u) << a.Text();
  EXPECT_EQ(a.blocks[0].text, "SHANGHAI: " + p1);
  EXPECT_EQ(a.blocks[2].text, p3);
}

// The writer's biography closing the article, with its name and role labels
// before it and a contact line after it, is not the article, nor is a line
// saying where the story first appeared; a sentence about a person in the
// story's last paragraph is.
TEST(BodyOutput, TrailingAuthorBioIsLeftOut) {
  const std::string story = "<p>" + Prose(0) + "</p><p>" + Prose(1) + "</p><p>" + Prose(2) + "</p>";
  const std::string expected = Prose(0) + "\n\n" + Prose(1) + "\n\n" + Prose(2);
  const auto page = [&](const std::string& tail) {
    return "<html><body><article>" + story + tail + "</article></body></html>";
  };
  for (const std::string& tail : {
           // a biography with its labels before it and a contact line after it
           std::string("<p>Jane Doe</p><p>Senior Reporter</p><p>Jane Doe is a senior reporter at "
                       "the Courier covering city hall and the river towns. She joined the paper "
                       "in 2015.</p><p>Email her at jdoe@example.com</p>"),
           std::string("<p>Contact reporter Jane Doe at jdoe@example.com</p>"),
           // a guest writer's biography by the company they founded or direct
           std::string("<p>Dana Moss is the co-founder and CEO of Example Analytics, a reporting "
                       "platform used by more than 7,000 agencies.</p>"),
           // the blogger's greeting
           std::string("<p>Hey, I'm Jane! Welcome to the River Towns blog, where I write about "
                       "the places the water keeps coming back to.</p>"),
           // the publisher's disclaimer
           std::string("<p>Disclaimer: This post is for informational purposes only and is not "
                       "intended to replace the advice of a professional.</p>"),
           std::string("<p>This story was originally published December 22, 2023.</p>"),
           std::string("<p>Associated Press writer Jim Roe in Boston contributed to this "
                       "report.</p>"),
           // a provenance line followed by the headlines of a box of links
           std::string("<p>This article appeared in the Britain section of the print edition "
                       "under the headline \"By the river\"</p><p>Discover stories from this "
                       "section and more in the list of contents</p><p>The planet's biggest "
                       "conservation project is in its least developed nation</p><p>New "
                       "vineyards are popping up in surprising places; old ones are enduring</p>"
                       "<p>The ferries stopped running, and the town is still trying to find out "
                       "why</p>"),
           // a box about the writer, in the first person
           std::string("<h3>About Jane Doe</h3><p>Security Analyst</p><p>As a security analyst, "
                       "I report on password managers and the software that keeps families safe "
                       "online.</p>")}) {
    EXPECT_EQ(MustExtract(page(tail)).Text(), expected) << tail;
  }
  // A contributor line in the middle of the story does not end it.
  const std::string credit = "The Associated Press contributed to this report.";
  EXPECT_EQ(MustExtract("<html><body><article><p>" + Prose(0) + "</p><p>" + Prose(1) + "</p><p>" +
                        credit + "</p><p>" + Prose(2) + "</p><p>" + Prose(3) + "</p><p>" +
                        Prose(4) + "</p></article></body></html>")
                .Text(),
            Prose(0) + "\n\n" + Prose(1) + "\n\n" + credit + "\n\n" + Prose(2) + "\n\n" +
                Prose(3) + "\n\n" + Prose(4));
  // A paragraph about the author of a book, further up than the last three
  // blocks, is the story's, and so are the paragraphs after it.
  const std::string author =
      "Goodman is the author of a book about the river towns, which he describes as a journey "
      "through the places the water keeps coming back to.";
  EXPECT_EQ(MustExtract("<html><body><article><p>" + Prose(0) + "</p><p>" + author + "</p><p>" +
                        Prose(1) + "</p><p>" + Prose(2) + "</p><p>" + Prose(3) + "</p><p>" +
                        Prose(4) + "</p></article></body></html>")
                .Text(),
            Prose(0) + "\n\n" + author + "\n\n" + Prose(1) + "\n\n" + Prose(2) + "\n\n" +
                Prose(3) + "\n\n" + Prose(4));
  const std::string last =
      "Mark Lee is a former reporter who now chairs the flood committee, and he said the "
      "vote was the most important of his time on the council.";
  EXPECT_EQ(MustExtract(page("<p>" + last + "</p>")).Text(), expected + "\n\n" + last);
}

// Ad labels and the headings of link boxes between the paragraphs, and the
// copyright line under the last one, are not the article.
TEST(BodyOutput, AdLabelsAndLinkBoxHeadingsInTheBodyAreLeftOut) {
  const Article a = MustExtract(
      "<html><body><article><p>" + Prose(0) +
      "</p><div class='slot'>Article continues below this ad</div><p>" + Prose(1) +
      "</p><h4>Recommended by Our Editors</h4><p>" + Prose(2) +
      "</p><p>Advertisement - Page continues below</p><p>" + Prose(3) +
      "</p><p>The Canadian Press. All rights reserved.</p></article></body></html>");
  EXPECT_EQ(a.Text(), Prose(0) + "\n\n" + Prose(1) + "\n\n" + Prose(2) + "\n\n" + Prose(3));
}

TEST(BodyOutput, AnInterviewsRepeatedQuestionStays) {
  const std::string q = "How does it feel to be nominated in the first year of the new category?";
  std::string body;
  for (const char* guest : {"Ayra", "Burna", "Davido"}) {
    body += "<p><strong>" + q + "</strong></p><p>" + std::string(guest) +
            ": It is an honour to be among the first, and it shows how far the music of the "
            "continent has travelled in the last ten years.</p>";
  }
  const Article a = MustExtract("<html><body><article>" + body + "</article></body></html>");
  size_t questions = 0;
  for (const Block& b : a.blocks) questions += b.text == q ? 1u : 0u;
  EXPECT_EQ(questions, 3u) << a.Text();
}

TEST(BodyOutput, EmbeddedSocialPostsAreLeftOut) {
  std::string body;
  for (int i = 0; i < 3; ++i)
    body += "<p>Paragraph " + std::to_string(i) + ": " + Prose(i) + "</p>";
  const std::string tweet =
      "<blockquote class=\"twitter-tweet\"><p lang=\"en\">As if the insanity could not get any "
      "worse, they now want to build a wall along the river and make us all pay for it, which "
      "is the worst idea I have heard this year.</p>&mdash; A. Critic (@acritic) <a "
      "href=\"https://twitter.com/acritic/status/1\">December 22, 2023</a></blockquote>";
  const std::string post =
      "<blockquote class=\"instagram-media\"><div><p>Sunset over the new flood wall tonight, "
      "what a view from the old towpath after a long day of work on the site.</p></div>"
      "</blockquote>";
  const Article a = MustExtract("<html><body><article>" + body + tweet + post +
                                "<p>Paragraph 3: " + Prose(3) + "</p></article></body></html>");
  EXPECT_TRUE(Contains(a.Text(), "Paragraph 0")) << a.Text();
  EXPECT_TRUE(Contains(a.Text(), "Paragraph 3")) << a.Text();
  EXPECT_FALSE(Contains(a.Text(), "insanity")) << a.Text();
  EXPECT_FALSE(Contains(a.Text(), "@acritic")) << a.Text();
  EXPECT_FALSE(Contains(a.Text(), "Sunset over")) << a.Text();
}

TEST(BodyOutput, DataTableRowsAreLeftOutButProseInALayoutTableIsKept) {
  std::string story;
  for (int i = 0; i < 3; ++i)
    story += "<p>Paragraph " + std::to_string(i) + ": " + Prose(i) + "</p>";
  const std::string table =
      "<table><tr><th>Team</th><th>W</th><th>L</th></tr><tr><td>Lions</td><td>11</td><td>3</td>"
      "</tr><tr><td>Bears</td><td>7</td><td>7</td></tr></table>";
  const Article a =
      MustExtract("<html><body><article>" + story + table + "</article></body></html>");
  EXPECT_TRUE(Contains(a.Text(), "Paragraph 2")) << a.Text();
  EXPECT_FALSE(Contains(a.Text(), "Lions")) << a.Text();
  for (const Block& b : a.blocks) EXPECT_NE(b.kind, BlockKind::kTableRow) << b.text;

  // Old pages lay out the whole article in table cells.
  std::string rows;
  for (int i = 0; i < 4; ++i)
    rows += "<tr><td>Paragraph " + std::to_string(i) + ": " + Prose(i) + "</td></tr>";
  const Article layout = MustExtract("<html><body><table>" + rows + "</table></body></html>");
  EXPECT_TRUE(Contains(layout.Text(), "Paragraph 0")) << layout.Text();
  EXPECT_TRUE(Contains(layout.Text(), "Paragraph 3")) << layout.Text();
}

// A short sentence with a link in it, between paragraphs, is article text;
// the same shape after the last paragraph is a teaser line.
TEST(BodyOutput, ShortLinkedSentenceBetweenParagraphsIsKept) {
  const std::string lead = "Here are 10 new and notable movies ";
  const Article a = MustExtract(
      "<html><body><article><p>Paragraph 0: " + Prose(0) + "</p><p>" + lead +
      "<a href=\"/streaming\">you can stream right now</a>:</p><p>Paragraph 1: " + Prose(1) +
      "</p><p>Paragraph 2: " + Prose(2) + "</p><p>Read more: <a href=\"/next\">The wall "
      "will rise by spring, engineers say</a>.</p></article></body></html>");
  EXPECT_EQ(a.Text(), "Paragraph 0: " + Prose(0) + "\n\n" + lead +
                          "you can stream right now:\n\nParagraph 1: " + Prose(1) +
                          "\n\nParagraph 2: " + Prose(2));
}

// "<p>Paragraph 0: ...</p>" to "<p>Paragraph 2: ...</p>".
std::string ThreeParagraphs() {
  std::string story;
  for (int i = 0; i < 3; ++i)
    story += "<p>Paragraph " + std::to_string(i) + ": " + Prose(i) + "</p>";
  return story;
}

// A table whose rows are phrases rather than figures (a comparison of pros
// and cons) is text the article wrote, kept even though no row is a
// sentence; a table of scores beside it is still left out.
TEST(BodyOutput, TableOfWordyRowsIsKept) {
  const std::string story = ThreeParagraphs();
  const std::string pros_cons =
      "<table><tr><th>Pros</th><th>Cons</th></tr>"
      "<tr><td>High adaptability to changing requirements</td>"
      "<td>May lead to scope creep without clear boundaries</td></tr>"
      "<tr><td>Frequent releases ensure continuous feedback</td>"
      "<td>Requires significant customer involvement</td></tr>"
      "<tr><td>Improves team collaboration and transparency</td>"
      "<td>Not ideal for projects with strict deadlines</td></tr></table>";
  const std::string scores =
      "<table><tr><th>Team</th><th>W</th><th>L</th></tr><tr><td>Lions</td><td>11</td><td>3</td>"
      "</tr><tr><td>Bears</td><td>7</td><td>7</td></tr></table>";
  const Article a = MustExtract("<html><body><article>" + story + pros_cons + scores +
                                "</article></body></html>");
  std::vector<std::string> rows;
  for (const Block& b : a.blocks)
    if (b.kind == BlockKind::kTableRow) rows.push_back(b.text);
  EXPECT_EQ(rows, (std::vector<std::string>{
                      "Pros Cons",
                      "High adaptability to changing requirements May lead to scope creep "
                      "without clear boundaries",
                      "Frequent releases ensure continuous feedback Requires significant "
                      "customer involvement",
                      "Improves team collaboration and transparency Not ideal for projects with "
                      "strict deadlines"}));
}

// An ad slot spliced into one paragraph's wrapper, beside the paragraph,
// does not make that wrapper anything but a paragraph of the article.
TEST(BodySelection, AdInsideAParagraphWrapperDoesNotDropTheParagraph) {
  std::string body;
  for (int i = 0; i < 6; ++i) {
    body += "<div class=\"subscriber-only\"><p>Part " + std::to_string(i) + " of the story: " +
            Prose(i) + "</p>" +
            (i == 3 ? "<div class=\"ad-container inline-ad\"><div>Advertisement</div></div>" : "") +
            "</div>";
  }
  const Article a = MustExtract("<html><body><div class=\"article-body\">" + body +
                                "</div></body></html>");
  std::string expected;
  for (int i = 0; i < 6; ++i)
    expected += (i ? "\n\n" : "") + std::string("Part ") + std::to_string(i) + " of the story: " +
                Prose(i);
  EXPECT_EQ(a.Text(), expected);
}

// Infinite scroll: the next stories are appended after the article, each an
// <article> with its own headline, here with more prose than the first. The
// body is the article the page is about, nothing of the ones after it.
TEST(BodySelection, ArticlesAppendedByInfiniteScrollAreLeftOut) {
  const auto story = [](const std::string& headline, const std::vector<std::string>& paragraphs) {
    std::string s = "<article class=\"post\"><h1>" + headline + "</h1><div class=\"text\">";
    for (const std::string& p : paragraphs) s += "<p>" + p + "</p>";
    return s + "</div></article>";
  };
  const std::vector<std::string> first = {Prose(0), Prose(1), Prose(2), Prose(3)};
  const std::vector<std::string> next = {
      "Ferry fares will rise by a tenth in April, the operator said, blaming the price of fuel "
      "and the cost of the new boats it ordered last year.",
      "Commuters who cross twice a day will pay about two hundred more a year, and the season "
      "ticket will no longer cover the late evening crossings.",
      "The operator said the increase was the first in four years and that fares for children "
      "and pensioners would stay as they are until next winter.",
      "Local businesses on the island warned that the change would keep day visitors away in "
      "the months when the shops depend on them most.",
      "A spokesman for the regional council said it would ask the operator to delay the rise "
      "until the new timetable has been agreed with residents.",
  };
  const std::string page = "<html><head><title>Flood wall approved</title></head><body><main><div "
                           "class=\"feed\">" + story("Flood wall approved", first) +
                           story("Ferry fares to rise", next) + "</div></main></body></html>";
  const Article a = MustExtract(page);
  EXPECT_EQ(a.Text(), first[0] + "\n\n" + first[1] + "\n\n" + first[2] + "\n\n" + first[3]);
}

// A long post that heads its sections with <h1> is one article: the sections
// are not appended stories, as they are not <article>s of their own. The
// section heads between paragraphs are kept; the headline is not.
TEST(BodySelection, SectionsHeadedWithH1StayTogether) {
  std::string page = "<html><head><title>A guide to flood walls</title></head><body><main><div "
                     "class=\"post\"><h1>A guide to flood walls</h1>";
  std::string expected;
  for (int s = 0; s < 3; ++s) {
    const std::string head = "Part " + std::to_string(s) + ": what the town decided";
    page += "<section><h1>" + head + "</h1>";
    if (s > 0) expected += "\n\n" + head + "\n\n";
    for (int i = 0; i < 2; ++i) {
      page += "<p>" + Prose(2 * s + i) + "</p>";
      expected += std::string(i > 0 ? "\n\n" : "") + Prose(2 * s + i);
    }
    page += "</section>";
  }
  const Article a = MustExtract(page + "</div></main></body></html>");
  EXPECT_EQ(a.Text(), expected);
}

// A privacy-preference dialog is never the body, even when its paragraphs
// about cookies outweigh a short story (a podcast page with a long CCPA
// notice). A consent flag on <body> marks the page, not a dialog.
TEST(BodySelection, PrivacyDialogIsNeverTheBody) {
  const char* const kNotice[] = {
      "When you visit our website, we store cookies on your browser to collect information "
      "that is mostly used to make the site work as you expect it to.",
      "You can choose not to allow some types of cookies, which may change your experience "
      "of the site and of the services we are able to offer you.",
      "These cookies are necessary for the website to function and cannot be switched off in "
      "our systems; they are usually set in response to your actions.",
      "Under the California Consumer Privacy Act you have the right to opt out of the sale of "
      "your personal information to third parties at any time.",
      "Performance cookies allow us to count visits and traffic sources so that we can measure "
      "and improve the performance of the pages of our site.",
  };
  std::string dialog = "<div class=\"privacy-bar\"><div class=\"privacy-modal\">"
                       "<div class=\"privacy-pref-box\">";
  for (const char* p : kNotice) dialog += "<p>" + std::string(p) + "</p>";
  dialog += "</div></div></div>";
  const std::string page = "<html><head><title>Flood wall approved</title></head>"
                           "<body class=\"gdpr-applies\"><div class=\"page\">"
                           "<div class=\"story\"><h1>Flood wall approved</h1><p>" + Prose(0) +
                           "</p><p>" + Prose(1) + "</p></div>" + dialog + "</div></body></html>";
  const Article a = MustExtract(page);
  EXPECT_EQ(a.Text(), Prose(0) + "\n\n" + Prose(1));
}

// A note that the article was published elsewhere first, printed above it.
TEST(BodyOutput, PublishedElsewhereNoteAboveTheArticleIsLeftOut) {
  for (const char* note : {"A version of this story appeared in the Review, Vol 12, Issue 3.",
                           "Editor\xE2\x80\x99s note: This story originally appeared in the "
                           "winter issue of the Coast Magazine."}) {
    const Article a = MustExtract("<html><body><article><p>" + std::string(note) + "</p><p>" +
                                  Prose(0) + "</p><p>" + Prose(1) + "</p><p>" + Prose(2) +
                                  "</p></article></body></html>");
    EXPECT_EQ(a.Text(), Prose(0) + "\n\n" + Prose(1) + "\n\n" + Prose(2)) << note;
  }
}

// A call-to-action box in the article (a donation appeal, a product's free
// trial), an e-mail opt-in box or a disclaimer box is the publisher's word,
// not the article, whatever prose it holds.
TEST(BodyOutput, CallToActionOptInAndDisclaimerBoxesAreLeftOut) {
  const std::string pitch =
      "Enjoyed this piece? The review is a small project kept alive by its readers, with no "
      "ads and no paywall, and every gift helps us publish the next essay.";
  for (const char* box : {"article-cta-box", "optin__box", "disclaimer-copy"}) {
    const Article a = MustExtract(
        "<html><body><article><p>" + Prose(0) + "</p><p>" + Prose(1) + "</p><p>" + Prose(2) +
        "</p><div class=\"" + box + "\"><p>" + pitch +
        "</p><a class=\"button\" href=\"/give\">Donate</a></div></article></body></html>");
    EXPECT_EQ(a.Text(), Prose(0) + "\n\n" + Prose(1) + "\n\n" + Prose(2)) << box;
  }
}

}  // namespace
}  // namespace libdiff
