// Copyright 2026 The libdiff Authors.
#include <gtest/gtest.h>

#include <initializer_list>
#include <string>

#include "extract/volatile_text.h"

namespace libdiff::internal {
namespace {

TEST(VolatileText, TimestampsCountersAndShareLabelsAreVolatile) {
  for (const char* s : {"Updated September 9, 2025 02:50pm", "Updated: Sept. 9, 2025, 2:50 p.m. ET",
                        "Published 3 hours ago", "3 hours ago", "5 min read", "5-minute read",
                        "Reading time: 4 minutes", "42 comments", "1.2K views", "Comments (12)",
                        "Share", "Share Tweet Email", "Facebook Twitter LinkedIn", "Advertisement",
                        "Skip Advertisement", "By Jane Doe", "Sept. 9, 2025", "9 September 2025",
                        "2025-09-09 14:50", "© 2025 The Harbor Ledger", "Copyright 2025 Ledger",
                        "Photo: John Roe / Reuters", "WWD/Getty Images", "Read more", "Related",
                        "19:15 Updated Nov. 19, 2019, 3:24 p.m. ET",
                        "7:40 pm | Published Tuesday, March 3"}) {
    EXPECT_TRUE(IsVolatileOrFurnitureText(s)) << s;
  }
}

// The "ago" and credit patterns run only when a word they need is there; the
// test that decides it must never miss a match the patterns would make.
TEST(VolatileText, AgoAndCreditLinesAreFoundInAnyCase) {
  for (const char* s : {"Updated 5 MINS AGO", "Harbor Ledger staff, 2 Hours Ago",
                        "Jane Doe / ap", "JANE DOE, GETTY IMAGES", "Jane Doe for iStock",
                        "Pool Photo via AP", "Jane Doe, Alamy Stock Photo",
                        // U+212A KELVIN SIGN and U+017F LONG S fold to 'k' and 's' under (?i)
                        "Jane Doe, I\xC5\xBFtoc\xE2\x84\xAA",
                        "Jane Doe, \xC5\xBFhutter\xC5\xBFtock"}) {
    EXPECT_TRUE(IsVolatileOrFurnitureText(s)) << s;
  }
  for (const char* s : {"The agency said the storm passed 5 miles away.",
                        "A photographer for the agency, Jane Doe, took the picture at dawn.",
                        "Prices rose 3 percent, up from 2 percent a year ago, the bank said in its "
                        "quarterly report, which also showed wages growing."}) {
    EXPECT_FALSE(IsVolatileOrFurnitureText(s)) << s;
  }
}

// A credit may sit after up to 60 characters and have up to 40 after it; the
// length test that skips the credit pattern for longer blocks must agree
// with the pattern at the edge (112 characters), also counting characters,
// not bytes.
TEST(VolatileText, CreditLineLengthEdge) {
  const std::string before(60, 'x'), after(40, 'y');
  EXPECT_TRUE(IsVolatileOrFurnitureText(before + "Getty Images" + after));
  EXPECT_FALSE(IsVolatileOrFurnitureText(before + "Getty Images" + after + "y"));
  std::string wide_before;
  for (int i = 0; i < 60; ++i) wide_before += "\xC3\xA9";  // U+00E9, two bytes
  EXPECT_TRUE(IsVolatileOrFurnitureText(wide_before + "Shutterstock" + after));
  EXPECT_FALSE(IsVolatileOrFurnitureText(wide_before + "Shutterstock" + after + "y"));
  // Whitespace other than single spaces is not shortened by the block reader:
  // the pattern decides.
  EXPECT_TRUE(IsVolatileOrFurnitureText(before + "/" + std::string(20, '\t') + "AP" + after));
  EXPECT_TRUE(IsVolatileOrFurnitureText(before + "/" + std::string(20, ' ') + "AP" + after));
}

// Copyright lines open with the mark and hold up to 200 characters more on
// one line (IsWindowLine, once a VolatileRe alternative): the byte tests
// must agree with the pattern at its edges.
TEST(VolatileText, CopyrightLineEdges) {
  for (const char* s : {"\xC2\xA9 2025 The Harbor Ledger", "(c) 2025 Ledger", "(C) Ledger",
                        "COPYRIGHT", "Copyright: Ledger", "Copyright\xC2\xA0Ledger",
                        "All Rights Reserved.", "ALL RIGHTS RESERVED 2025"}) {
    EXPECT_TRUE(IsVolatileOrFurnitureText(s)) << s;
  }
  for (const char* s : {"Copyrighted works are protected by the law of the land, said the judge.",
                        "Copyright_2025 Ledger", "(c 2025 Ledger",
                        "2025 \xC2\xA9 Ledger and a longer "
                        "line that goes past one hundred and twenty bytes so that no other test of "
                        "the block can take it for furniture."}) {
    EXPECT_FALSE(IsVolatileOrFurnitureText(s)) << s;
  }
  const std::string tail(200, 'x');
  EXPECT_TRUE(IsVolatileOrFurnitureText("\xC2\xA9" + tail));
  EXPECT_FALSE(IsVolatileOrFurnitureText("\xC2\xA9" + tail + "x"));
  EXPECT_TRUE(IsVolatileOrFurnitureText("Copyright " + tail.substr(1)));
  EXPECT_FALSE(IsVolatileOrFurnitureText("Copyright " + tail));
  EXPECT_FALSE(IsVolatileOrFurnitureText("Copyright" + tail.substr(1)));  // no word boundary
  std::string wide;  // 200 characters of two bytes each
  for (int i = 0; i < 200; ++i) wide += "\xC3\xA9";
  EXPECT_TRUE(IsVolatileOrFurnitureText("(c)" + wide));
  EXPECT_FALSE(IsVolatileOrFurnitureText("(c)" + wide + "x"));
  // '.' does not match a line break.
  EXPECT_FALSE(IsVolatileOrFurnitureText("\xC2\xA9 2025\nLedger"));
  // U+017F LONG S folds to 's' under (?i): the pattern decides such a text,
  // and a byte that is not UTF-8, which '.' does not match.
  EXPECT_TRUE(IsVolatileOrFurnitureText("All right\xC5\xBF re\xC5\xBF" "erved by the Harbor Ledger "
                                        "and its many partners around the region, since 1901."));
  EXPECT_FALSE(IsVolatileOrFurnitureText("Copyright 2025 \xFF Ledger and a line that goes past one "
                                         "hundred and twenty bytes so that the other tests pass."));
  // RE2's '.' takes the bytes of a UTF-16 surrogate, which strict UTF-8 does not.
  EXPECT_TRUE(IsVolatileOrFurnitureText("Copyright 2025 \xED\xA0\x80 Ledger"));
}

// Credit labels ("Photo: ...", up to 80 characters after the ':') and
// bylines ("By ...", 2 to 60 characters after "by" and a space, none of them
// . ! ?), once VolatileRe alternatives (IsWindowLine): the byte tests must
// agree with the pattern at their edges.
TEST(VolatileText, CreditLabelAndBylineEdges) {
  const std::string x80(80, 'x');
  for (const std::string& s : std::initializer_list<std::string>{
           "Photo: Reuters", "IMAGE CREDITS : Jane Doe", "Picture credit:", "Videos\t:x",
        "Illustration: " + x80.substr(1), "Graphic:" + x80, "By Jane Doe", "BY  J",
        "by\nJane Doe", "By " + std::string(60, 'y'), "By  " + std::string(60, 'y'),
        "Photo\xC5\xBF: Reuters", "By J\xC3\xA9r\xC3\xB4me Doe"}) {
    EXPECT_TRUE(IsVolatileOrFurnitureText(s)) << s;
  }
  for (const std::string& s : std::initializer_list<std::string>{
           "Photographs of the harbour were taken at dawn by the city's own photographers, who "
        "came back each week for a year to see the wall go up.",
        "Photo credits Reuters", "Photos credit: Reuters", "Graphic:" + x80 + "x",
        "Photo: Reuters\nJane Doe", "By J", "By Jane Doe. She writes about the harbour.",
        "By " + std::string(61, 'y'), "Bypass road opens on Monday, the council said",
        "By Jane Doe \xFF"}) {
    EXPECT_FALSE(IsVolatileOrFurnitureText(s)) << s;
  }
}

TEST(VolatileText, SentencesOfTheArticleAreNotVolatile) {
  for (const char* s :
       {"By the end of the year, the council had approved the plan.",
        "Updated guidance was issued to schools in 2024.",
        "Published figures show 42 comments were filed during the consultation.",
        "The vote took place on September 9, 2025, after a long debate.",
        "Share prices fell 3 percent on Monday.", "Related costs rose sharply.",
        "10:30 updated forecasts were published by the agency, a spokesman said."}) {
    EXPECT_FALSE(IsVolatileOrFurnitureText(s)) << s;
  }
}

TEST(VolatileText, NewsletterPromptsAndAffiliateNoticesAreFurniture) {
  for (const char* s :
       {"Sign up for our Weekly Apple Brief for the latest news, reviews, tips, and more "
        "delivered right to your inbox.",
        "Get all the latest news, reviews and exclusives, direct to your inbox.",
        "Thank you for subscribingWe have more newsletters",
        "Your subscription has been confirmed. Keep an eye on your inbox!",
        "Want more movie news? Sign up for the free newsletter to get the latest trailers.",
        "If you buy something using links in our stories, we may earn a commission.",
        "In our content, we occasionally include affiliate links."}) {
    EXPECT_TRUE(IsVolatileOrFurnitureText(s)) << s;
  }
  for (const char* s :
       {"More than 2,000 residents signed up for the flood alerts after the storm, the city said.",
        "Subscriptions to the paper rose for the first time in a decade, the publisher said.",
        "The commission will meet again in January to review the plan."}) {
    EXPECT_FALSE(IsVolatileOrFurnitureText(s)) << s;
  }
}

// Expects `is` to hold for every text of `yes` and for none of `no`.
void ExpectRecognised(bool (*is)(const std::string&), std::initializer_list<const char*> yes,
                      std::initializer_list<const char*> no) {
  for (const char* s : yes) EXPECT_TRUE(is(s)) << s;
  for (const char* s : no) EXPECT_FALSE(is(s)) << s;
}

TEST(VolatileText, AffiliateNoticesOfTheSiteAreFurnitureUpTo400Bytes) {
  ExpectRecognised(
      IsVolatileOrFurnitureText,
      {"We occasionally recommend interesting products and services. If you make a purchase by "
       "clicking one of the links, we may earn an affiliate fee.",
       "Content and product recommendations are editorially independent. We may make money when "
       "you click on links to our partners. Learn More.",
       "If you find this helpful and buy through my links, I may receive a small commission.",
       "We earn commissions from links on our site, enabling us to deliver independent reviews.",
       // 365 bytes: the notice goes on about the user agreement.
       "If you purchase a product or register for an account through a link on our site, we may "
       "receive compensation. By using this site, you consent to our User Agreement and agree "
       "that your clicks, interactions, and personal information may be collected, recorded, "
       "and/or stored by us and social media and other third-party partners in accordance with "
       "our Privacy Policy."},
      {"I found tons of microphone recommendations, but it was impossible to tell who knew what "
       "they were talking about and who was just collecting affiliate fees.",
       "Investors could make money if rates fall, the analyst said.",
       "We make money by selling our own roasts online and at two cafes, the owner said.",
       // Newsletter prompts are judged in blocks under 320 bytes only.
       "The above is a snippet from our interview with the producers and the director, available "
       "in the latest issue of the magazine, which features the show on the cover and is on "
       "newsstands from Friday, December 29. For even more from the magazine, sign up for the "
       "newsletter, sending all the latest exclusives straight to your inbox."});
}

TEST(VolatileText, WritersBiographiesAreRecognised) {
  ExpectRecognised(
      IsAuthorBio,
      {"Rose is a Senior Editor at ELLE overseeing features and projects about women's issues.",
       "Jonathan Wasserman is the lead scout and NBA Draft analyst for Bleacher Report.",
       "L. Daniela Alvarez is a contributing writer for a home magazine with three years of "
       "experience.",
       "Caroline Delbert is a writer, avid reader, and contributing editor at a magazine.",
       "Charlie Savage writes about national security and legal policy.",
       "Dana Moss is the co-founder and CEO of Example Analytics, a reporting platform.",
       "Mirel Zaman is the health and fitness director at PS.",
       "Juliette Carreiro is a skilled content creator with over five years of experience.",
       "Hey, I\xE2\x80\x99m Jessica! Welcome to The Organized Home, where organizing is doable.",
       "Hello, and welcome! I'm the editor & founder of this site."},
      {"Another tip is to seek guidance from gym staff or personal trainers, who can help.",
       "Flatliner is a handy code editor that helps to test the expressions.",
       "The Booklist is a weekly newsletter for book lovers from books editor Jason Steger.",
       "Mark Lee is a former reporter who now chairs the flood committee, and he said the vote "
       "was the most important of his time on the council.",
       "Lisa Park is a founding member who voted against the levy.",
       "\xE2\x80\x9CHi, I'm Dana,\xE2\x80\x9D she said as she opened the door.",
       "Hillsdale, I'm told, voted for the levy twice."});
}

TEST(VolatileText, HeadingsOfAboutTheWriterBoxesAreRecognised) {
  ExpectRecognised(IsAboutTheWriterHeading,
                   {"ABOUT THE AUTHOR", "About the author", "About Kim Key", "About Example Media"},
                   {"About filing your tax return", "About 40 people attended the meeting.",
                    "About the Osprey Atmos AG and its many features, from the hip belt on"});
}

TEST(VolatileText, LinesTellingHowToReachTheWriterAreRecognised) {
  ExpectRecognised(
      IsContactLine,
      {"Contact reporter Greyson Steele at gsteele@example.com",
       "\xE2\x80\x94" "Contact Jennifer Toland at jennifer.toland@example.com. Follow her on X.",
       "\xE2\x80\x94" "Staff writer Cam E. Kettles can be reached at cam.kettles@example.com.",
       "Travis Andersen can be reached at travis.andersen@example.com.",
       "Curious about the lights on your street? Email us at desk@example.org."},
      {"You also may contact the Division of Drug Information at druginfo@example.gov.",
       "Contact the county clerk's office before Friday to register.",
       "Reach out to a tax adviser if you are unsure which form applies to you.",
       "The readers who email us at all hours want to know when the ferry will run."});
}

TEST(VolatileText, LinesSayingWhereTheArticleCameFromAreRecognised) {
  ExpectRecognised(
      IsProvenanceLine,
      {"This story was originally published December 22, 2023, 11:09 AM.",
       "A version of this article appears in print on , Section A, Page 19 of the New York "
       "edition.",
       "This piece originally appeared in RealClear Health",
       "Reporting by Pavel Polityuk; Editing by Kirsten Donovan",
       "Includes information from The Associated Press",
       "Contributing: Associated Press",
       "More information: Jane Doe et al, Distinct cell populations, PLOS Biology (2023).",
       "Jane Doe et al, Mimicking polar bear hairs in aerogel fibers, Science (2023). DOI: "
       "10.1126/science.adm8388",
       "Source: Al Jazeera and news agencies",
       "Correction: December 20, 2023:",
       "Clarification, 2 January 2024, 12:45 p.m.: This story has been updated to clarify the "
       "figures.",
       "A previous version of this story said that Parliament requires 45 days notice.",
       "Updated to add comments from the department.",
       "Associated Press researcher Jane Roe in New York contributed.",
       "Miami Herald correspondent Jane Roe contributed to this story.",
       "\xE2\x80\x94" "By Jane Doe, Harbor, N.H. Associated Press writer Jim Roe in Boston, "
       "contributed to this report.",
       "This episode was produced by Jane Roe, edited by Jim Doe and fact checked by Ann Lee.",
       "Health.com uses only high-quality sources to support the facts within our articles. "
       "Read our editorial process to learn more.",
       "The Weather Company\xE2\x80\x99s primary journalistic mission is to report on "
       "breaking weather news.",
       "* Disclaimer: This blog post is not intended to replace the advice of a medical "
       "professional.",
       "The content contained in this blog post is intended for general informational purposes "
       "only and is not meant to constitute legal advice.",
       "Example Wealth and its affiliates do not provide tax, legal or accounting advice. This "
       "material does not constitute investment advice."},
      {"The story of the wall was first told by the towns along the river.",
       "Reporters covering the vote were asked to leave the hall.",
       "This article explains how the levy will be collected.",
       "Sources:",
       "Corrections officers at the prison walked out on Monday.",
       "The levy was raised twice last year. Everyone in town contributed.",
       "The paper said the column did not meet its editorial standards.",
       "Carriero et al., Section 3: \u201cThe development followed the LOT methodology.\u201d",
       "Disclaimer(s):",
       "The app is not intended for children, the company said, and its makers do not plan to "
       "change that."});
}

// Labels of ads, link boxes, tables and feedback widgets inside the body, and
// a copyright line that names its holder first.
TEST(VolatileText, AdLabelsAndLinkBoxHeadingsAreFurniture) {
  for (const char* s : {"Article continues below this ad", "Advertisement - Page continues below",
                        "Story continues below advertisement", "Recommended by Our Editors",
                        "People are also reading\xE2\x80\xA6", "You might like", "Don't Miss:",
                        "Don\xE2\x80\x99t miss", "Tagged in:", "Swipe to scroll horizontally",
                        "Was this page helpful?", "The Canadian Press. All rights reserved.",
                        "Most read in Music", "Top reads on TechCrunch this week",
                        "*Names have been changed", "Some details have been changed",
                        "Comments are closed.", "Watch this: The new laptops, reviewed",
                        "WATCH | Official trailer for Hands That Bind:",
                        "Oops! Something went wrong while submitting the form.",
                        "Waiting for your permission to load the Instagram Media.",
                        "We use your sign-up to provide content in ways you have consented to.",
                        "Comments on this piece are premoderated to keep the discussion on topic.",
                        "Follow the Opinion section on Facebook, Instagram, TikTok, X and Threads.",
                        "Get email updates with the day's biggest stories",
                        "The Booklist is a weekly newsletter for book lovers. Get it delivered "
                        "every Friday.",
                        "Our journalism needs your support. Please subscribe today."}) {
    EXPECT_TRUE(IsVolatileOrFurnitureText(s)) << s;
  }
  for (const char* s : {"People are also reading the report, the mayor said.",
                        "You might like the new bridge more than the old one.",
                        "Don't miss the last ferry: it leaves at six.",
                        "Follow the river north for two miles and the path climbs to the dam.",
                        "Watch the river: it rises a foot an hour when the snow melts in the "
                        "hills, and the old bank has given way twice in ten years.",
                        "Something went wrong at the plant on Monday night, and the engineers "
                        "who were called in worked until dawn to stop the leak.",
                        "Comments are closed to the public until the hearing, the clerk said, "
                        "and the record will be published after the vote on the levy, which is "
                        "expected in the spring after the two surveys of the riverbank.",
                        "The page continues below the fold on the printed edition, which "
                        "carries all rights reserved notices on every page of the supplement, "
                        "as the publisher insists."}) {
    EXPECT_FALSE(IsVolatileOrFurnitureText(s)) << s;
  }
}

// The editors' note under an interview closes the body like a provenance line.
TEST(VolatileText, EditedForClarityNotesAreProvenanceLines) {
  for (const char* s : {"This interview has been edited for length and clarity.",
                        "This interview has been lightly edited and condensed for clarity.",
                        "Reviews have been edited for length and/or clarity."}) {
    EXPECT_TRUE(IsProvenanceLine(s)) << s;
  }
  for (const char* s : {"The plan has been edited for the third time this year, the clerk said.",
                        "The film has been condensed into two hours."}) {
    EXPECT_FALSE(IsProvenanceLine(s)) << s;
  }
}

// The labels of blog widgets: a like button, a writer box's post list, a
// table of contents, a post-rating form, a form's hidden-field note, a
// "last reviewed" date.
TEST(VolatileText, BlogWidgetLabelsAreFurniture) {
  for (const char* s : {"Like Loading...", "Like Loading\xE2\x80\xA6",
                        "Latest posts by Jane Doe (see all)", "Table of Contents",
                        "Table of contents:", "In this article:", "Related posts",
                        "Related Reading:", "Click on a star to rate it!",
                        "How useful was this post?", "Average rating 4.5 / 5. Vote count: 12",
                        "No votes so far! Be the first to rate this post.",
                        "We are sorry that this post was not useful for you!",
                        "Let us improve this post!", "Tell us how we can improve this post?",
                        "This field is for validation purposes and should be left unchanged.",
                        "Last reviewed January 2023", "Reviewed: March 3, 2024"}) {
    EXPECT_TRUE(IsVolatileOrFurnitureText(s)) << s;
  }
  for (const char* s : {"Like loading a truck, packing a kitchen takes a plan.",
                        "The table of contents lists nine chapters on the river.",
                        "In this article we look at the costs of the new wall.",
                        "Reviewed on a laptop with 16 GB of memory, the game ran well.",
                        "Related reading: the council's report on the floods of 2019, which "
                        "describes how the old bank gave way twice in ten years."}) {
    EXPECT_FALSE(IsVolatileOrFurnitureText(s)) << s;
  }
}

TEST(VolatileText, CaptionsKnownByTheirCreditAreFurniture) {
  ExpectRecognised(
      IsVolatileOrFurnitureText,
      {"A map showing the location of the new fissure on the peninsula on December 19, 2023. "
       "Credit: IMO.",
       "People shopping on Oxford Street in London. (Photo by Jane Doe/PA Images via Getty Images)",
       "Unburnt lichens like these alerted the team that some moths had survived. (Credit: Eric "
       "Edwards)",
       "PHOTO BY JANE DOE Hoquiam's Nadine Stewart scored nine points to lead the Grizzlies.",
       "Jane Doe speaks Jan. 23, 2022, during a rally in front of the Lincoln Memorial. (AP)",
       "Protesters outside the parliament in Athens on Friday. (Reuters)"},
      {"The best cards for building credit: Visa, Mastercard and Discover.",
       "WASHINGTON (AP) \xE2\x80\x94 The Senate passed the bill on Friday after a long debate.",
       "The photographer said the image was taken at dawn from the old bridge over the river.",
       "He spent ten years on the photo desk before he moved to the features team in 2019."});
}

// Lines of the page, not of the article: addresses printed as text (a source
// list, a profile's links), a post's tag list, the page's own "last updated"
// line and a script's placeholder.
TEST(VolatileText, AddressListsTagListsAndPageNotesAreFurniture) {
  for (const char* s :
       {"https://example.org/news/report-2023.html https://example.com/a#b",
        "https://www.facebook.com/HarborMoving/, https://x.com/HarborMoving1",
        "http://example.net/page", "www.example.org/files/guide.pdf",
        "Tags: Employment, Health & Fitness, Small Businesses, Jane Doe",
        "Filed under: Gardening, Tools", "Categories: News",
        "This post was last updated July 2021.", "Page last modified Jan. 17, 2025 @ 01:39 PM EST",
        "This article has been last updated on March 3, 2024",
        "This slideshow requires JavaScript.",
        "Thanks for reading The Ledger! This post is public so feel free to "
        "share it.",
        "Thanks for reading The Ledger! Subscribe for free to receive new posts "
        "and support my work."}) {
    EXPECT_TRUE(IsVolatileOrFurnitureText(s)) << s;
  }
  for (const char* s :
       {"https://example.org is where the council posts its minutes.", "https://",
        "http:// https://", "Visit www.example.org for the full schedule of the fair.",
        "Tags: they are small, cheap and easy to lose. We tried four.",
        "This story was updated on August 25.",
        "This page requires a login to see the council's records.",
        "Thanks for reading! We will be back with the second part next week."}) {
    EXPECT_FALSE(IsVolatileOrFurnitureText(s)) << s;
  }
}

}  // namespace
}  // namespace libdiff::internal
