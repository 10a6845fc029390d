// Copyright 2026 The libdiff Authors.
//
// Authors (meta_byline.cc), through ExtractMetadata on hand-written pages.

#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "extract/metadata.h"
#include "metadata_test_util.h"

namespace libdiff::internal {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(MetaByline, AuthorsInMixedFormsAreCleanedAndDeduplicated) {
  const Article a = ExtractMetadataSample("authors_mixed.html", "https://wire.example.com/a/1");
  EXPECT_THAT(a.authors, ElementsAre("Priya Natarajan", "Kim Lee", "Marc Dubois", "Sofia Rossi"));
  EXPECT_EQ(a.published, "2023-12-21T09:45:16-08:00");
  EXPECT_EQ(a.type, "Article");
}

TEST(MetaByline, VisibleBylineCompletesTheStructuredAuthors) {
  // The structured source names one author; the byline under the headline,
  // written as separate block and inline elements, names both.
  const Article a = ExtractMetadataOf(
      "<html><head><meta name='author' content='Starr Bowenbank'></head><body>"
      "<h1>Seven songs to know</h1><p>A dek about the songs.</p>"
      "<div class='byline'><div>By</div><div><a href='/a/1'>Starr Bowenbank</a></div>"
      "<div>, <a href='/a/2'>Rania Aniftos</a></div><time>12/22/2023</time></div>"
      "<p>Body text.</p></body></html>",
      "https://music.example.com/lists/songs");
  EXPECT_THAT(a.authors, ElementsAre("Starr Bowenbank", "Rania Aniftos"));
  EXPECT_EQ(a.published, "2023-12-22");
}

TEST(MetaByline, BylineLabelJoinedToTheName) {
  const Article a = ExtractMetadataOf(
      "<html><body><h1>Awards of the year in tennis</h1>"
      "<div><span>By</span><a href='/people/van'>Van Sias</a></div>"
      "<p>By the way, this sentence is not a byline.</p></body></html>",
      "https://tennis.example.com/awards");
  EXPECT_THAT(a.authors, ElementsAre("Van Sias"));
}

TEST(MetaByline, BylineAfterAPostedLabel) {
  const Article a = ExtractMetadataOf(
      "<html><body><h1>Anime film to open in Indonesia</h1>"
      "<div class='meta'>posted on 2023-12-19 23:30 EST by Rafael Antonio Pineda</div>"
      "<p>The film opened in Japan on December 8.</p></body></html>",
      "https://anime.example.com/news/film");
  EXPECT_THAT(a.authors, ElementsAre("Rafael Antonio Pineda"));
  EXPECT_EQ(a.published, "2023-12-19T23:30:00-05:00");
}

TEST(MetaByline, ProseIsNotABylineAndEditorsAreNotAuthors) {
  const Article a = ExtractMetadataOf(
      "<html><head><script type='application/ld+json'>{\"@type\":\"NewsArticle\","
      "\"headline\":\"Budget passes\",\"author\":[{\"name\":\"Grace Dean\"},"
      "{\"name\":\"Leon Hurley\"}]}</script></head><body><h1>Budget passes</h1>"
      "<div>By Grace Dean Contributions from Leon Hurley</div>"
      "<p>It was passed by a narrow margin.</p></body></html>",
      "https://news.example.com/budget");
  EXPECT_THAT(a.authors, ElementsAre("Grace Dean"));
}

TEST(MetaByline, AuthorBoxInTheArticlesOwnFooter) {
  const std::string page =
      "<html><body><article class='post'><header><h1>What tutoring is and what it is not</h1>"
      "<p class='date'>February 9, 2016</p></header><section><p>Tutoring is probably one of "
      "the most misunderstood services.</p></section><footer class='meta'><div class='author'>"
      "<p class='name'><a href='https://blogs.example.edu/author/hgoetz/' rel='author'>Halina "
      "Goetz</a></p></div></footer></article>"
      "<footer><a href='https://blogs.example.edu/author/webteam/' rel='author'>Web Team</a>"
      "</footer></body></html>";
  EXPECT_THAT(ExtractMetadataOf(page, "https://blogs.example.edu/tutoring").authors,
              ElementsAre("Halina Goetz"));
  // The page's footer alone names nobody.
  const std::string footer_only =
      "<html><body><article><h1>What tutoring is and what it is not</h1><p>Text.</p></article>"
      "<footer><a href='https://blogs.example.edu/author/jroe/' rel='author'>Jane Roe</a>"
      "</footer></body></html>";
  EXPECT_THAT(ExtractMetadataOf(footer_only, "https://blogs.example.edu/tutoring").authors,
              IsEmpty());
}

TEST(MetaByline, ArticleByLabelOnItsOwnLine) {
  const std::string page =
      "<html><head><script type='application/ld+json'>{\"@type\":\"Article\","
      "\"author\":{\"@type\":\"Person\",\"name\":\"Cara Dumaplin\"}}</script></head>"
      "<body><h1>How to help babies sleep through the night</h1><div class='byline'>"
      "<span>Article by</span><br><a href='/about'>Cara Dumaplin</a> and <a href='/jr'>Jane "
      "Roe</a>, Certified Pediatric Sleep Consultants</div><p>Sleep comes in cycles.</p>"
      "</body></html>";
  // The visible line completes the structured list.
  EXPECT_THAT(ExtractMetadataOf(page, "https://sleep.example.com/babies").authors,
              ElementsAre("Cara Dumaplin", "Jane Roe"));
}

TEST(MetaByline, TwitterWrittenByLabelNamesTheAuthor) {
  // SEO plugins state the author only as a share card's label and value.
  const Article a = ExtractMetadataOf(
      "<html><head><meta name='twitter:label1' content='Written by'>"
      "<meta name='twitter:data1' content='Dana Whitfield'>"
      "<meta name='twitter:label2' content='Est. reading time'>"
      "<meta name='twitter:data2' content='7 minutes'></head><body>"
      "<h1>Caring for old oak floors</h1><p>Body text.</p></body></html>",
      "https://floors.example.com/oak");
  EXPECT_THAT(a.authors, ElementsAre("Dana Whitfield"));
  // Any other label's value is not a name.
  const Article b = ExtractMetadataOf(
      "<html><head><meta name='twitter:label1' content='Est. reading time'>"
      "<meta name='twitter:data1' content='Seven Minutes'></head><body>"
      "<h1>Caring for old oak floors</h1><p>Body text.</p></body></html>",
      "https://floors.example.com/oak");
  EXPECT_THAT(b.authors, IsEmpty());
}

// The authors found on a page whose only byline is `tail`, after a headline
// and a long paragraph.
std::vector<std::string> AuthorsAfterArticle(const std::string& tail) {
  const std::string body = "<p>" + std::string(1200, 'x') + "</p>";
  return ExtractMetadataOf("<html><body><h1>Caring for old oak floors</h1>" + body + tail +
                               "</body></html>",
                           "https://floors.example.com/oak")
      .authors;
}

TEST(MetaByline, WrittenByLabelAnywhereWhenNoOtherSource) {
  // The only byline is an author box after the article, the name on the
  // label's line or on the next one.
  EXPECT_THAT(AuthorsAfterArticle("<div class='box'><h3>Written by Dana Whitfield</h3>"
                                  "<p>Dana writes about homes.</p></div>"),
              ElementsAre("Dana Whitfield"));
  EXPECT_THAT(AuthorsAfterArticle("<div><div>Article by</div><div>Dana Whitfield</div></div>"),
              ElementsAre("Dana Whitfield"));
  // In prose the label is not capitalised.
  EXPECT_THAT(AuthorsAfterArticle("<p>The guide was written by Dana Whitfield years ago.</p>"),
              IsEmpty());
}

TEST(MetaByline, AuthorAndContributorLabelsAnywhereWhenNoOtherSource) {
  // A details list: the label is a heading of its own, the name in the next
  // indented block.
  EXPECT_THAT(AuthorsAfterArticle(
                  "<div class='item'>\n  <h3>Author</h3>\n  <p>  Dana Whitfield</p>\n</div>"),
              ElementsAre("Dana Whitfield"));
  EXPECT_THAT(AuthorsAfterArticle("<div><strong>Contributors:</strong> Dana Whitfield</div>"),
              ElementsAre("Dana Whitfield"));
  // The bare word opening a sentence is no label.
  EXPECT_THAT(AuthorsAfterArticle("<p>Author Dana Whitfield restored the floors.</p>"),
              IsEmpty());
  // A second label after the first one is not a name.
  EXPECT_THAT(AuthorsAfterArticle(
                  "<div>Written by</div><div>Researched by</div><div>Omar Castillo</div>"),
              IsEmpty());
}

TEST(MetaByline, CoAuthorsInBylinesOfTheirOwnKeepTheStructuredList) {
  // Each author has a "By" line under the headline; the meta tag names both.
  const Article a = ExtractMetadataOf(
      "<html><head><meta name='author' content='Dana Whitfield, Omar Castillo'></head><body>"
      "<h1>Caring for old oak floors</h1>"
      "<div class='a'>By <a href='/staff/dw'>Dana Whitfield</a></div><div>December 21, 2023</div>"
      "<div class='a'>By <a href='/staff/oc'>Omar Castillo</a></div><div>December 21, 2023</div>"
      "<p>Body text.</p></body></html>",
      "https://floors.example.com/oak");
  EXPECT_THAT(a.authors, ElementsAre("Dana Whitfield", "Omar Castillo"));
  // An editor named after "Edited by" is not a co-author: the byline wins.
  const Article b = ExtractMetadataOf(
      "<html><head><meta name='author' content='Dana Whitfield, Omar Castillo'></head><body>"
      "<h1>Caring for old oak floors</h1>"
      "<div>By <a href='/staff/dw'>Dana Whitfield</a></div><div>Edited by Omar Castillo</div>"
      "<p>Body text.</p></body></html>",
      "https://floors.example.com/oak");
  EXPECT_THAT(b.authors, ElementsAre("Dana Whitfield"));
}

TEST(MetaByline, WithoutAnH1TheElementShowingTheTitleLeadsToTheByline) {
  const Article a = ExtractMetadataOf(
      "<html><head><title>Hardware builds for everyone</title></head><body>"
      "<div class='nav'>Home</div><h2>Hardware builds for everyone</h2>"
      "<div>By Dana Whitfield</div><div>Dec 17, 2025</div><p>Body text.</p></body></html>",
      "https://builds.example.com/post");
  EXPECT_EQ(a.title, "Hardware builds for everyone");
  EXPECT_THAT(a.authors, ElementsAre("Dana Whitfield"));
  EXPECT_EQ(a.published, "2025-12-17");
}

TEST(MetaByline, BylineElementOpeningWithANewline) {
  // The name starts on the line after the start tag; the newline is not a cut.
  const Article a = ExtractMetadataOf(
      "<html><body><h1>Defer, panic and recover</h1>\n<p class=\"author\">\n"
      "      Dana Whitfield<br>\n      4 August 2010\n</p><p>Body text.</p></body></html>",
      "https://go.example.com/blog/defer");
  EXPECT_THAT(a.authors, ElementsAre("Dana Whitfield"));
}

TEST(MetaByline, HonorificDoesNotHideTheSharedName) {
  // The meta tag names the first author without "Dr"; the visible byline
  // names all three, so it replaces the meta tag.
  const Article a = ExtractMetadataOf(
      "<html><head><meta name='author' content='Dana Whitfield'></head><body>"
      "<h1>Eleven trends for the year</h1>"
      "<div>Written by <span>Dr Dana Whitfield</span>, <span>Dr Omar Castillo</span>, "
      "<span>Lea Brandt</span></div><p>Body text.</p></body></html>",
      "https://hr.example.com/trends");
  EXPECT_THAT(a.authors, ElementsAre("Dr Dana Whitfield", "Dr Omar Castillo", "Lea Brandt"));
}

TEST(MetaByline, AuthorBoxAboveTheHeadlineInItsContainer) {
  // The header shows the avatar and the author's link before the h1.
  const Article a = ExtractMetadataOf(
      "<html><body><nav><a href='/team/'>Team</a></nav><main><article><header>"
      "<div class='meta'><img src='a.jpg'><a href='/author/rachel-macdonald/'>Rachel MacDonald"
      "</a></div><h1>Top ten tech conferences</h1></header><p>Text.</p></article></main>"
      "</body></html>",
      "https://travel.example.com/blog/conferences");
  EXPECT_THAT(a.authors, ElementsAre("Rachel MacDonald"));
}

TEST(MetaByline, NameInsideAButtonUnderTheHeadline) {
  // The name opens the author's bio card, so the page sets it in a button.
  const Article a = ExtractMetadataOf(
      "<html><body><h1>Best website builders</h1><div class='info'>"
      "<span>Written by</span> <span><button class='user-name'>Emma Ryan</button></span>"
      "</div><p>Text.</p></body></html>",
      "https://builders.example.com/website-builders/");
  EXPECT_THAT(a.authors, ElementsAre("Emma Ryan"));
}

TEST(MetaByline, WrittenByLabelAnywhereInALongPageWithIndentedMarkup) {
  // The label sits past the first 2,000 nodes, and the indented markup between
  // it and the name leaves more than three blank lines.
  std::string body;
  for (int i = 0; i < 1500; ++i) body += "<p>Paragraph <b>" + std::to_string(i) + "</b></p>";
  const Article a = ExtractMetadataOf(
      "<html><body><h1>What is an online course?</h1>" + body +
          "<div>\n  <span>Written by</span>\n  <div>\n    \n\n    <div>\n      \n"
          "      <span>Eliz</span>\n    </div>\n  </div>\n</div></body></html>",
      "https://lms.example.com/knowledge-center/online-course");
  EXPECT_THAT(a.authors, ElementsAre("Eliz"));
}

TEST(MetaByline, ACollectiveBylineUnderTheHeadlineIsTheFallback) {
  const Article a = ExtractMetadataOf(
      "<html><body><h1>The best CRMs of 2026</h1><div><div>By</div>"
      "<div>The Meetingnotes Team</div><div>|</div><div>6 mins</div></div><p>Text.</p>"
      "</body></html>",
      "https://notes.example.com/blog/best-crm-software");
  EXPECT_THAT(a.authors, ElementsAre("The Meetingnotes Team"));
  // A person named by later markup still wins over it.
  const Article b = ExtractMetadataOf(
      "<html><body><h1>The best CRMs of 2026</h1><div>By The Meetingnotes Team</div>"
      "<p>Text.</p><div class='author-name'><a href='/author/jane-roe/'>Jane Roe</a></div>"
      "</body></html>",
      "https://notes.example.com/blog/best-crm-software");
  EXPECT_THAT(b.authors, ElementsAre("Jane Roe"));
}

}  // namespace
}  // namespace libdiff::internal
