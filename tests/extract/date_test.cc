// Copyright 2026 The libdiff Authors.

#include "extract/date.h"

#include <cstdint>
#include <vector>

#include <gtest/gtest.h>

namespace libdiff::internal {
namespace {

TEST(NormalizeDate, IsoFormsKeepTheirZone) {
  EXPECT_EQ(NormalizeDate("2023-05-04T10:20:00-04:00"), "2023-05-04T10:20:00-04:00");
  EXPECT_EQ(NormalizeDate("2023-05-04T10:20:00.123Z"), "2023-05-04T10:20:00Z");
  EXPECT_EQ(NormalizeDate("2023-05-04T10:20:00+0530"), "2023-05-04T10:20:00+05:30");
  EXPECT_EQ(NormalizeDate("2023-05-04 10:20:00 +00:00"), "2023-05-04T10:20:00Z");
  EXPECT_EQ(NormalizeDate("2023-05-04T10:20"), "2023-05-04T10:20:00");
  EXPECT_EQ(NormalizeDate("2023/5/4"), "2023-05-04");
  EXPECT_EQ(NormalizeDate("  2023-05-04  "), "2023-05-04");
}

TEST(NormalizeDate, Rfc2822AndZoneAbbreviations) {
  EXPECT_EQ(NormalizeDate("Thu, 21 Dec 2023 09:45:16 PST"), "2023-12-21T09:45:16-08:00");
  EXPECT_EQ(NormalizeDate("Thu, 21 Dec 2023 09:45:16 +0100"), "2023-12-21T09:45:16+01:00");
  EXPECT_EQ(NormalizeDate("Thu, 21 Dec 2023 09:45:16 GMT"), "2023-12-21T09:45:16Z");
}

TEST(NormalizeDate, EnglishMonthNamesInEitherOrder) {
  EXPECT_EQ(NormalizeDate("December 21, 2023"), "2023-12-21");
  EXPECT_EQ(NormalizeDate("Dec. 22, 2023 at 1:36 pm"), "2023-12-22T13:36:00");
  EXPECT_EQ(NormalizeDate("May 4th, 2023 at 10:20 a.m. EDT"), "2023-05-04T10:20:00-04:00");
  EXPECT_EQ(NormalizeDate("Sept 3 2023"), "2023-09-03");
  EXPECT_EQ(NormalizeDate("21 December 2023"), "2023-12-21");
  EXPECT_EQ(NormalizeDate("Sunday 17 December 2023 17:23, UK"), "2023-12-17T17:23:00");
  EXPECT_EQ(NormalizeDate("12:00 am"), "");
  EXPECT_EQ(NormalizeDate("December 21, 2023 12:05 AM"), "2023-12-21T00:05:00");
}

TEST(NormalizeDate, LabelsAreSkipped) {
  EXPECT_EQ(NormalizeDate("Published: December 21, 2023"), "2023-12-21");
  EXPECT_EQ(NormalizeDate("Last updated on 2023-12-21"), "2023-12-21");
  EXPECT_EQ(NormalizeDate("Updated Dec 20, 2023"), "2023-12-20");
}

TEST(NormalizeDate, NumericUsOrderUnlessImpossible) {
  EXPECT_EQ(NormalizeDate("12/21/2023"), "2023-12-21");
  EXPECT_EQ(NormalizeDate("21/12/2023"), "2023-12-21");
}

TEST(NormalizeDate, DottedNumericIsDayFirst) {
  EXPECT_EQ(NormalizeDate("23.07.2025"), "2025-07-23");
  EXPECT_EQ(NormalizeDate("05.04.2023"), "2023-04-05");
  EXPECT_EQ(FindDateInText("Elliot Raba\n23.07.2025 \u00b7 6 min read"), "2025-07-23");
  // Not a date: a version number, an impossible month.
  EXPECT_EQ(FindDateInText("Upgrade to 1.2.2024 today"), "");
}

// One rule for every separator: a number above 12 is the day; when both
// could be the month the page's order decides, and without one the
// separator (slashes month first, dots and dashes day first).
TEST(NormalizeDate, NumericDatesFollowThePagesOrder) {
  EXPECT_EQ(NormalizeDate("02/12/2025"), "2025-02-12");
  EXPECT_EQ(NormalizeDate("02-12-2025"), "2025-12-02");
  EXPECT_EQ(NormalizeDate("02.12.2025"), "2025-12-02");
  EXPECT_EQ(NormalizeDate("02/12/2025", NumericOrder::kDayFirst), "2025-12-02");
  EXPECT_EQ(NormalizeDate("02-12-2025", NumericOrder::kMonthFirst), "2025-02-12");
  EXPECT_EQ(NormalizeDate("02.12.2025", NumericOrder::kMonthFirst), "2025-02-12");
  // A number above 12 settles it whatever the page's order.
  EXPECT_EQ(NormalizeDate("25/11/2025", NumericOrder::kMonthFirst), "2025-11-25");
  EXPECT_EQ(NormalizeDate("11-25-2025", NumericOrder::kDayFirst), "2025-11-25");
  EXPECT_EQ(NormalizeDate("12.31.2024"), "2024-12-31");
  EXPECT_EQ(FindDateInText("Posted 03-04-2025 10:00", NumericOrder::kMonthFirst),
            "2025-03-04T10:00:00");
}

TEST(FindDatesInText, AmbiguousNumericDateGivesItsOtherReading) {
  const std::vector<TextDate> dates =
      FindDatesInText("Posted 02/12/2025, updated 25/11/2025, 05/05/2025, May 4, 2025", 4);
  ASSERT_EQ(dates.size(), 4u);
  EXPECT_EQ(dates[0].iso, "2025-02-12");
  EXPECT_EQ(dates[0].other, "2025-12-02");
  EXPECT_EQ(dates[1].other, "");  // 25 cannot be a month
  EXPECT_EQ(dates[2].other, "");  // the same either way
  EXPECT_EQ(dates[3].other, "");
}

// A text or language tag and the order it implies.
struct OrderCase {
  const char* input;
  NumericOrder want;
};

TEST(NumericOrderInText, UnambiguousDatesSetTheOrder) {
  const OrderCase cases[] = {
      {"Posted 25/11/2025, updated 02/12/2025", NumericOrder::kDayFirst},
      {"Posted 11-25-2025", NumericOrder::kMonthFirst},
      {"Posted 02.12.2025", NumericOrder::kUnknown},            // either way
      {"25/11/2025 and 11/25/2025", NumericOrder::kUnknown},    // both
      {"Call 32/13/2025", NumericOrder::kUnknown},              // no date
      {"", NumericOrder::kUnknown},
  };
  for (const OrderCase& c : cases) EXPECT_EQ(NumericOrderInText(c.input), c.want) << c.input;
}

TEST(NumericOrderOfLanguage, UnitedStatesIsMonthFirst) {
  const OrderCase cases[] = {
      {"en-US", NumericOrder::kMonthFirst}, {"en_us", NumericOrder::kMonthFirst},
      {"es-US", NumericOrder::kMonthFirst}, {"en-GB", NumericOrder::kDayFirst},
      {"de", NumericOrder::kDayFirst},      {"de-DE", NumericOrder::kDayFirst},
      {"zh-Hant-TW", NumericOrder::kDayFirst}, {"en", NumericOrder::kUnknown},
      {"en-CA", NumericOrder::kUnknown},    {"", NumericOrder::kUnknown},
  };
  for (const OrderCase& c : cases) EXPECT_EQ(NumericOrderOfLanguage(c.input), c.want) << c.input;
}

TEST(NormalizeDate, UnixTimeInSecondsAndMilliseconds) {
  EXPECT_EQ(NormalizeDate("1703152800"), "2023-12-21T10:00:00Z");
  EXPECT_EQ(NormalizeDate("1703152800000"), "2023-12-21T10:00:00Z");
}

TEST(NormalizeDate, RejectsImplausibleAndInvalid) {
  EXPECT_EQ(NormalizeDate(""), "");
  EXPECT_EQ(NormalizeDate("yesterday"), "");
  EXPECT_EQ(NormalizeDate("1994-12-31"), "");     // before the web news era
  EXPECT_EQ(NormalizeDate("2999-01-01"), "");     // far in the future
  EXPECT_EQ(NormalizeDate("2023-02-30"), "");     // no such day
  EXPECT_EQ(NormalizeDate("2023-13-01"), "");
  EXPECT_EQ(NormalizeDate("2023-05-04T25:00:00Z"), "");  // a broken timestamp is not trusted
  EXPECT_EQ(NormalizeDate("2024-02-29"), "2024-02-29");             // leap day
}

TEST(FindDateInText, FindsDatesInBylines) {
  EXPECT_EQ(FindDateInText("By Jane Roe | Updated Dec. 22, 2023 at 6:00 a.m."),
            "2023-12-22T06:00:00");
  EXPECT_EQ(FindDateInText("Price: 1999 dollars, 3 hours ago"), "");
  const std::vector<TextDate> dates =
      FindDatesInText("Updated March 4, 2023. Published 2023-03-03T21:15:00-05:00.", 4);
  ASSERT_EQ(dates.size(), 2u);
  EXPECT_EQ(dates[0].iso, "2023-03-04");
  EXPECT_EQ(dates[0].offset, 8u);
  EXPECT_EQ(dates[1].iso, "2023-03-03T21:15:00-05:00");
}

TEST(FindDateInUrl, PathForms) {
  EXPECT_EQ(FindDateInUrl("https://x.com/2023/12/21/story"), "2023-12-21");
  EXPECT_EQ(FindDateInUrl("https://x.com/news/2023-12-21-story.html"), "2023-12-21");
  EXPECT_EQ(FindDateInUrl("https://x.com/a/20231221/story"), "2023-12-21");
  EXPECT_EQ(FindDateInUrl("https://x.com/article/2023/dec/21/story"), "2023-12-21");
  EXPECT_EQ(FindDateInUrl("https://x.com/2023/12/story"), "");      // no day
  EXPECT_EQ(FindDateInUrl("https://x.com/story-105726154"), "");
  EXPECT_EQ(FindDateInUrl("https://x.com/a?d=2023/12/21"), "");     // query ignored
  EXPECT_EQ(FindDateInUrl(""), "");
}

TEST(DateHelpers, UnixSecondsSameDayAndOffsets) {
  int64_t t = 0;
  ASSERT_TRUE(IsoToUnixSeconds("2023-12-19T20:30:00-05:00", &t));
  int64_t u = 0;
  ASSERT_TRUE(IsoToUnixSeconds("2023-12-20T01:30:00Z", &u));
  EXPECT_EQ(t, u);
  EXPECT_FALSE(IsoToUnixSeconds("soon", &t));
  EXPECT_TRUE(SameDay("2023-12-19", "2023-12-19T23:00:00Z"));
  EXPECT_FALSE(SameDay("2023-12-19", "2023-12-20"));
  EXPECT_EQ(DayDifference("2023-12-31", "2024-01-01"), 1);
  EXPECT_TRUE(HasLocalOffset("2023-12-19T20:30:00-05:00"));
  EXPECT_FALSE(HasLocalOffset("2023-12-19T20:30:00Z"));
  EXPECT_FALSE(HasLocalOffset("2023-12-19T20:30:00+00:00"));
}

TEST(NormalizeDate, NumericDateAfterAWeekday) {
  // Drupal's meta times.
  EXPECT_EQ(NormalizeDate("Thu, 09/25/2025 - 11:38"), "2025-09-25T11:38:00");
  EXPECT_EQ(NormalizeDate("Thu, 09/25/2025 - 00:00"), "2025-09-25T00:00:00");
  EXPECT_EQ(NormalizeDate("Friday 12/19/2025"), "2025-12-19");
  EXPECT_EQ(FindDateInText("Posted Mon, 01/05/2026 by staff"), "2026-01-05");
}

}  // namespace
}  // namespace libdiff::internal
