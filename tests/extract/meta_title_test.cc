// Copyright 2026 The libdiff Authors.
//
// Titles (meta_title.cc), through ExtractMetadata on hand-written pages; more
// cases are data, in testdata/metadata/title.txt.

#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "extract/metadata.h"
#include "metadata_test_util.h"

namespace libdiff::internal {
namespace {

// The title of a page made of `head` and `body` (the inside of each element).
std::string TitleOf(const std::string& head, const std::string& body) {
  return ExtractMetadataOf("<html><head>" + head + "</head><body>" + body +
                               "<p>Text.</p></body></html>",
                           "https://news.example.com/opinion/kids")
      .title;
}

TEST(MetaTitle, HeadlineRepeatingAMetadataTitleLosesItsSectionSuffix) {
  // The h1 repeats og:title with the section after a " | ".
  EXPECT_EQ(TitleOf("<meta property='og:title' content='Let kids be kids and leave the laws "
                    "alone | Editorial'>",
                    "<h1>Let kids be kids and leave the laws alone | Editorial</h1>"),
            "Let kids be kids and leave the laws alone");
  // A hidden h1 copying the <title>, site name and all.
  EXPECT_EQ(TitleOf("<title>How to help babies sleep through the night | Patient Education | "
                    "City Hospital</title><meta property='og:site_name' content='City Hospital'>",
                    "<h1 class='sr-only'>How to help babies sleep through the night | Patient "
                    "Education | City Hospital</h1>"),
            "How to help babies sleep through the night");
  // An h1 the metadata does not repeat keeps its " | ".
  EXPECT_EQ(TitleOf("<meta property='og:title' content='Let kids be kids'>",
                    "<h1>Let kids be kids | Editorial</h1>"),
            "Let kids be kids | Editorial");
}

TEST(MetaTitle, MediaLabelAfterTheHeadlineIsDropped) {
  EXPECT_EQ(ExtractMetadataOf("<html><body><h1>Cat video beamed from deep space (Video)</h1></body></html>",
                    "https://space.example.com/cat")
                .title,
            "Cat video beamed from deep space");
  EXPECT_EQ(ExtractMetadataOf("<html><body><h1>Duo sings at the finale [Watch]</h1></body></html>",
                    "https://music.example.com/finale")
                .title,
            "Duo sings at the finale");
  // Other brackets are part of the headline.
  EXPECT_EQ(ExtractMetadataOf("<html><body><h1>Lexus RZ arrives (and it is cheaper)</h1></body></html>",
                    "https://cars.example.com/rz")
                .title,
            "Lexus RZ arrives (and it is cheaper)");
}

TEST(MetaTitle, PrefersTheH1ThatAgreesWithMetadata) {
  const Article a = ExtractMetadataOf(
      "<html><head><title>Rail strike called off - Metro News</title></head><body>"
      "<h1 class='sr-only'>Metro News</h1><div class='kicker'><h1>Transport</h1></div>"
      "<h1>Rail strike called off</h1></body></html>",
      "https://metro.example.com/rail");
  EXPECT_EQ(a.title, "Rail strike called off");
}

TEST(MetaTitle, TitleWithoutAnySourceFallsBackToTheTitleElement) {
  const Article a = ExtractMetadataOf(
      "<html><head><title>Quarterly results \u2013 Example Corp</title></head><body>"
      "<p>No headings.</p></body></html>",
      "https://www.examplecorp.com/q3");
  EXPECT_EQ(a.title, "Quarterly results");
  EXPECT_EQ(a.site_name, "Example Corp");
}

TEST(MetaTitle, CapitalisedHeadlineTakesTheMetadataCase) {
  const Article a = ExtractMetadataOf(
      "<html><head><title>Tips for Online Success | Example Shop</title></head><body>"
      "<h1>TIPS FOR ONLINE SUCCESS</h1><p>Body text.</p></body></html>",
      "https://shop.example.com/tips");
  EXPECT_EQ(a.title, "Tips for Online Success");
  // Different punctuation: the h1 stays as it is.
  const Article b = ExtractMetadataOf(
      "<html><head><title>Consulting vs Insurance</title></head><body>"
      "<h1>CONSULTING VS. INSURANCE</h1><p>Body text.</p></body></html>",
      "https://shop.example.com/vs");
  EXPECT_EQ(b.title, "CONSULTING VS. INSURANCE");
}

TEST(MetaTitle, AnH1AfterTheShownMetadataTitleIsABodyHeading) {
  // The blog sets its headline in an h2 and uses an h1 inside the text: the
  // metadata title, shown first, is the headline, and the byline under it
  // gives the date.
  const Article a = ExtractMetadataOf(
      "<html><head><title>What do people love about Rust? | Rust Blog</title></head><body>"
      "<header><h2>What do people love about Rust?</h2></header>"
      "<div class='meta'>Dec. 19, 2025 &middot; Niko Matsakis</div>"
      "<p>Intro.</p><h1>But what they love is the sense of empowerment</h1><p>Text.</p>"
      "</body></html>",
      "https://blog.rust.example.org/love");
  EXPECT_EQ(a.title, "What do people love about Rust?");
  EXPECT_EQ(a.published, "2025-12-19");
  // The same h1 with nothing showing the metadata title before it stays the
  // headline (metadata titles are often reworded).
  const Article b = ExtractMetadataOf(
      "<html><head><title>What do people love about Rust? | Rust Blog</title></head><body>"
      "<h1>But what they love is the sense of empowerment</h1><p>Text.</p>"
      "<h2>What do people love about Rust?</h2></body></html>",
      "https://blog.rust.example.org/love");
  EXPECT_EQ(b.title, "But what they love is the sense of empowerment");
}

TEST(MetaTitle, AnH1NamingTheSiteIsNotTheHeadline) {
  const Article a = ExtractMetadataOf(
      "<html><head><meta property='og:site_name' content='Human in the Loop'>"
      "<meta property='og:title' content='Three Models That Could Pay You Back'></head>"
      "<body><h1>Human in the Loop</h1><p>Text.</p></body></html>",
      "https://loop.example.co.uk/three-models");
  EXPECT_EQ(a.title, "Three Models That Could Pay You Back");
}

TEST(MetaTitle, AHeadlineRenderedTwiceIsOneH1) {
  // Desktop and mobile copies of the same h1; the metadata words it for search.
  const Article a = ExtractMetadataOf(
      "<html><head><title>How do you set up an ergonomic workstation? | Ergo</title></head>"
      "<body><div class='d'><h1>Setting up an ergonomic workspace</h1></div>"
      "<div class='m'><h1>Setting up an ergonomic workspace</h1></div><p>Text.</p>"
      "</body></html>",
      "https://shop.example.com/discover/workstation-setup");
  EXPECT_EQ(a.title, "Setting up an ergonomic workspace");
}

TEST(MetaTitle, ALoneH1InsideAnOffTopicContainerIsStillTheHeadline) {
  // An unclosed <nav> before the article: libxml2 nests the article, h1
  // and all, inside it.
  const Article a = ExtractMetadataOf(
      "<html><head><title>Best 5 Website Builders for 2026: My Tried Picks</title></head>"
      "<body><nav class='main-navigation'><ul><li><a href='/'>Home</a></li></ul>"
      "<article><header><h1>Best Website Builders for 2026: Our Top 5</h1></header>"
      "<p>Text.</p></article></body></html>",
      "https://builders.example.com/website-builders/");
  EXPECT_EQ(a.title, "Best Website Builders for 2026: Our Top 5");
  // Beside an on-topic h1 it does not count.
  const Article b = ExtractMetadataOf(
      "<html><head><title>Best 5 Website Builders for 2026: My Tried Picks</title></head>"
      "<body><h1>Best Website Builders for 2026: Our Top 5</h1><p>Text.</p>"
      "<aside><h1>Form your company today with us</h1></aside></body></html>",
      "https://builders.example.com/website-builders/");
  EXPECT_EQ(b.title, "Best Website Builders for 2026: Our Top 5");
}

}  // namespace
}  // namespace libdiff::internal
