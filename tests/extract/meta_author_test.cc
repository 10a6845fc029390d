// Copyright 2026 The libdiff Authors.

#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "extract/meta_author.h"

namespace libdiff::internal {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(NormalizeAuthors, StripsLabelsAndSplitsLists) {
  EXPECT_THAT(NormalizeAuthors({"By Jane Roe and John Doe"}, ""),
              ElementsAre("Jane Roe", "John Doe"));
  EXPECT_THAT(NormalizeAuthors({"Written by: A. B. Smith; C. Jones & D. Lee"}, ""),
              ElementsAre("A. B. Smith", "C. Jones", "D. Lee"));
  EXPECT_THAT(NormalizeAuthors({"BY MARIA GARCIA"}, ""), ElementsAre("MARIA GARCIA"));
}

TEST(NormalizeAuthors, DropsRolesContactsAndWhatFollowsTheByline) {
  EXPECT_THAT(NormalizeAuthors({"Andrew Bosworth, Chief Technology Officer"}, ""),
              ElementsAre("Andrew Bosworth"));
  EXPECT_THAT(NormalizeAuthors({"By Tim Balk | tbalk@example.com | Published Dec. 22"}, ""),
              ElementsAre("Tim Balk"));
  EXPECT_THAT(NormalizeAuthors({"Ike Allen @ikeallen\nPublished on December 21, 2023"}, ""),
              ElementsAre("Ike Allen"));
  EXPECT_THAT(NormalizeAuthors({"Grace Dean Contributions from Leon Hurley"}, ""),
              ElementsAre("Grace Dean"));
  EXPECT_THAT(NormalizeAuthors({"Lauren Manaker MS, RDN, LD"}, ""), ElementsAre("Lauren Manaker"));
  EXPECT_THAT(NormalizeAuthors({"https://example.com/authors/jane-roe"}, ""), IsEmpty());
  // The preposition before the date the byline is cut at goes with it.
  EXPECT_THAT(NormalizeAuthors({"By Jane Roe on December 5, 2023"}, ""), ElementsAre("Jane Roe"));
  EXPECT_THAT(NormalizeAuthors({"Posted by Jane Roe at 10:20"}, ""), ElementsAre("Jane Roe"));
  // The dot operator (U+22C5) separates like the middle dot.
  EXPECT_THAT(
      NormalizeAuthors({"Dana Whitfield \u22c5 Review Editor \u22c5 Updated May 6, 2025"}, ""),
      ElementsAre("Dana Whitfield"));
}

TEST(NormalizeAuthors, KeepsAbbreviationsAndInitials) {
  EXPECT_THAT(NormalizeAuthors({"John Garcia Jr."}, ""), ElementsAre("John Garcia Jr."));
  EXPECT_THAT(NormalizeAuthors({"Robert E. Moffit, Ph.D."}, ""),
              ElementsAre("Robert E. Moffit", "Ph.D."));
}

TEST(NormalizeAuthors, OrganisationsOnlyWhenNoPersonIsNamed) {
  bool organisations_only = true;
  EXPECT_THAT(NormalizeAuthors({"Javier Espinoza and Patricia Nilsson, Financial Times"},
                               "Financial Times", &organisations_only),
              ElementsAre("Javier Espinoza", "Patricia Nilsson"));
  EXPECT_FALSE(organisations_only);
  EXPECT_THAT(NormalizeAuthors({"Minyvonne Burke, The Associated Press"}, "NBC News"),
              ElementsAre("Minyvonne Burke"));
  EXPECT_THAT(NormalizeAuthors({"Sarah Barnacle, The Worcester Telegram & Gazette"},
                               "The Worcester Telegram & Gazette"),
              ElementsAre("Sarah Barnacle"));
  EXPECT_THAT(NormalizeAuthors({"Terry Pluto, cleveland.com"}, "cleveland"),
              ElementsAre("Terry Pluto"));
  EXPECT_THAT(NormalizeAuthors({"USA TODAY"}, "USA TODAY", &organisations_only),
              ElementsAre("USA TODAY"));
  EXPECT_TRUE(organisations_only);
}

TEST(NormalizeAuthors, InstitutionsAndBeatsAreNotPeople) {
  EXPECT_THAT(NormalizeAuthors({"Dennis Thompson, U.S. National Institute of Allergy"}, ""),
              ElementsAre("Dennis Thompson"));
  EXPECT_THAT(NormalizeAuthors({"Javier Espinoza, Patricia Nilsson, Financial Times"}, ""),
              ElementsAre("Javier Espinoza", "Patricia Nilsson"));
  EXPECT_THAT(NormalizeAuthors({"Amrita Khalid, surveillance policy, consumer gadgets"}, ""),
              ElementsAre("Amrita Khalid"));
  EXPECT_THAT(NormalizeAuthors({"John O'Connor The Associated Press"}, ""),
              ElementsAre("John O'Connor"));
  EXPECT_THAT(NormalizeAuthors({"Harvard Medical School"}, ""),
              ElementsAre("Harvard Medical School"));
  // An empty name before the comma leaves only the publication.
  bool organisations_only = false;
  EXPECT_THAT(NormalizeAuthors({", The Daily Journal"}, "Courier-Post", &organisations_only),
              ElementsAre("The Daily Journal"));
  EXPECT_TRUE(organisations_only);
  EXPECT_THAT(NormalizeAuthors({"Courier-Post, Jim Walsh"}, "Courier-Post"),
              ElementsAre("Jim Walsh"));
}

TEST(NormalizeAuthors, CollectiveBylinesStayWhole) {
  bool organisations_only = false;
  EXPECT_THAT(NormalizeAuthors({"The Investopedia Team"}, "Investopedia", &organisations_only),
              ElementsAre("The Investopedia Team"));
  EXPECT_TRUE(organisations_only);
  EXPECT_THAT(NormalizeAuthors({"By Slate Staff"}, "Slate"), ElementsAre("Slate Staff"));
  EXPECT_THAT(NormalizeAuthors({"Sun Sentinel Editorial Board"}, "Sun Sentinel"),
              ElementsAre("Sun Sentinel Editorial Board"));
  EXPECT_THAT(NormalizeAuthors({"Team EBONY"}, "EBONY"), ElementsAre("Team EBONY"));
  EXPECT_THAT(NormalizeAuthors({"TOI Lifestyle Desk"}, ""), ElementsAre("TOI Lifestyle Desk"));
  // A person named beside the group wins; a bare "Staff" and a description
  // of the writers are not bylines.
  EXPECT_THAT(NormalizeAuthors({"Jane Roe, Slate Staff"}, "Slate"), ElementsAre("Jane Roe"));
  EXPECT_THAT(NormalizeAuthors({"Staff"}, ""), IsEmpty());
  EXPECT_THAT(NormalizeAuthors({"Chicago Tribune staff"}, "Chicago Tribune"),
              ElementsAre("Chicago Tribune"));
  EXPECT_THAT(NormalizeAuthors({"Full Bio"}, ""), IsEmpty());
}

TEST(NormalizeAuthors, JobTitlesAfterTheNameAreDropped) {
  EXPECT_THAT(NormalizeAuthors({"Claire Wilson, Co-Founder"}, ""), ElementsAre("Claire Wilson"));
  EXPECT_THAT(NormalizeAuthors({"Justin C. Meserole, Trial Attorney"}, ""),
              ElementsAre("Justin C. Meserole"));
  EXPECT_THAT(NormalizeAuthors({"Chris Radich, VP for customer success"}, ""),
              ElementsAre("Chris Radich"));
  EXPECT_THAT(NormalizeAuthors({"Article by: Cara Dumaplin, Sleep Consultant"}, ""),
              ElementsAre("Cara Dumaplin"));
}

TEST(NormalizeAuthors, AUserNameAloneIsTheAuthor) {
  EXPECT_THAT(NormalizeAuthors({"stephenlega"}, ""), ElementsAre("stephenlega"));
  EXPECT_THAT(NormalizeAuthors({"By q_admin"}, ""), ElementsAre("q_admin"));
  // In a list, lower-case words are tags; placeholders and beats are not names.
  EXPECT_THAT(NormalizeAuthors({"Adrien Ramirez, software, science"}, ""),
              ElementsAre("Adrien Ramirez"));
  EXPECT_THAT(NormalizeAuthors({"page.head.extra.author"}, ""), IsEmpty());
  EXPECT_THAT(NormalizeAuthors({"surveillance policy"}, ""), IsEmpty());
}

TEST(NormalizeAuthors, StrayPunctuationAndButtonsAreDropped) {
  EXPECT_THAT(NormalizeAuthors({"Jeff Cobb ."}, ""), ElementsAre("Jeff Cobb"));
  EXPECT_THAT(NormalizeAuthors({"Jean-Luc Aufranc (CNXSoft)"}, ""),
              ElementsAre("Jean-Luc Aufranc (CNXSoft)"));
  EXPECT_THAT(NormalizeAuthors({"Editor-in-Chief"}, ""), IsEmpty());
  EXPECT_THAT(NormalizeAuthors({"Learn More"}, ""), IsEmpty());
  // An initial keeps its period.
  EXPECT_THAT(NormalizeAuthors({"Jeff T."}, ""), ElementsAre("Jeff T."));
}

TEST(NormalizeAuthors, KeepsParticlesAndGenerationalSuffixes) {
  EXPECT_THAT(NormalizeAuthors({"George T. Conway III"}, ""), ElementsAre("George T. Conway III"));
  EXPECT_THAT(NormalizeAuthors({"de la Cruz, Maria"}, ""), ElementsAre("de la Cruz", "Maria"));
}

TEST(NormalizeAuthors, DeduplicatesCaseInsensitively) {
  EXPECT_THAT(NormalizeAuthors({"Kim Lee", "KIM LEE", "kim  lee, Ann Wu"}, ""),
              ElementsAre("Kim Lee", "Ann Wu"));
}

TEST(NormalizeAuthors, RejectsWhatIsNotAName) {
  EXPECT_THAT(NormalizeAuthors({"", "   ", "12345", "Dec. 22, 2023 at 1:36 pm"}, ""), IsEmpty());
  EXPECT_THAT(NormalizeAuthors({"one two three four five six seven eight"}, ""), IsEmpty());
  EXPECT_THAT(NormalizeAuthors({std::string(5000, 'x')}, ""), IsEmpty());
}

TEST(LooseKey, FoldsCaseQuotesAndPunctuation) {
  EXPECT_EQ(LooseKey("The Daily-World!"), "thedailyworld");
  EXPECT_EQ(LooseKey("It\u2019s \u201cnew\u201d"), LooseKey("It's \"new\""));
  EXPECT_EQ(LooseKey("Caf\u00e9"), "caf\u00e9");
}

TEST(SqueezeWhitespace, CollapsesAndTrims) {
  EXPECT_EQ(SqueezeWhitespace("  a \t\n b\u00a0\u00a0c  "), "a b c");
  EXPECT_EQ(SqueezeWhitespace(""), "");
}

}  // namespace
}  // namespace libdiff::internal
