// Copyright 2026 The libdiff Authors.
//
// Dates as pages write them -> ISO 8601. Private to libdiff's extract stage.
//
//   NormalizeDate("Thu, 21 Dec 2023 09:45:16 PST")  -> "2023-12-21T09:45:16-08:00"
//   NormalizeDate("December 21, 2023")              -> "2023-12-21"
//   FindDateInUrl("https://x.com/2023/12/21/story") -> "2023-12-21"
//
// Output forms: "YYYY-MM-DD" for a date alone; "YYYY-MM-DDTHH:MM:SS" followed by
// "Z" or "+HH:MM" when the source names a zone or offset, and nothing when it
// gives a local time without one (the zone is never guessed). Fractions of a
// second are dropped. Only plausible dates are returned: from 1995-01-01 to two
// days after the current system date.
//
// Thread safety: all functions are pure apart from reading the system clock
// and may be called concurrently.
#ifndef LIBDIFF_SRC_EXTRACT_DATE_H_
#define LIBDIFF_SRC_EXTRACT_DATE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace libdiff::internal {

// How a page orders the day and month of an all-numeric date ("02/12/2025",
// "02.12.2025", "02-12-2025") when either number could be the month. One rule
// reads every such date: a first number above 12 is the day; a second number
// above 12 is the day and the first the month; otherwise the page's order
// decides, and without one the separator does: slashes month first (US
// usage), dots and dashes day first (European usage).
enum class NumericOrder { kUnknown, kDayFirst, kMonthFirst };

// The order a page's own unambiguous numeric dates show: kDayFirst when one
// has a first number above 12 ("25/11/2025"), kMonthFirst when one has a
// second number above 12 ("11/25/2025"), kUnknown with neither or both.
// Reads at most the first 4,096 bytes of `text`.
NumericOrder NumericOrderInText(std::string_view text);

// The order a language tag implies: kMonthFirst for the United States and
// the countries that follow its usage (en-US, es-US, en-PH), kDayFirst for
// any other region (en-GB, de-DE, fr-CA) and for a language without a region
// other than English (de, fr); kUnknown for "en", "en-CA" and "".
NumericOrder NumericOrderOfLanguage(std::string_view tag);

// Parses `text` when it is a date (possibly with a time) and nothing much else:
// ISO 8601 and its common relatives ("2023-05-04 10:20:00 +0000",
// "2023/05/04"), RFC 2822 ("Thu, 04 May 2023 10:20:00 GMT"), English month
// names in either order ("May 4th, 2023 at 10:20 a.m. EDT", "4 May 2023"),
// all-numeric dates ("05/04/2023", "23.07.2025", read as NumericOrder says
// with `order` the page's order), and Unix time in seconds or milliseconds.
// Leading labels such as "Published:" or "Updated on" are skipped. Returns ""
// when `text` holds no such date or the date is implausible.
std::string NormalizeDate(std::string_view text, NumericOrder order = NumericOrder::kUnknown);

// Finds the first date written in free text (a byline, "Updated Dec. 22, 2023
// at 6:00 a.m."), in the textual and ISO forms NormalizeDate reads. Returns ""
// when there is none.
std::string FindDateInText(std::string_view text, NumericOrder order = NumericOrder::kUnknown);

// A date found in free text: its NormalizeDate form and where it starts.
// `other` is the other reading of an all-numeric date whose day and month
// could be either way round ("02/12/2025"), and "" for any other date.
struct TextDate {
  std::string iso;
  size_t offset = 0;
  std::string other;
};

// Finds up to `max_dates` dates in free text, in the order they appear.
std::vector<TextDate> FindDatesInText(std::string_view text, size_t max_dates,
                                      NumericOrder order = NumericOrder::kUnknown);

// True when two NormalizeDate results name the same calendar day as written
// (their first ten characters are equal).
bool SameDay(std::string_view a, std::string_view b);

// Days from the calendar day of `a` to that of `b` as written (time zones
// ignored); 0 for unparsable input.
int64_t DayDifference(std::string_view a, std::string_view b);

// Finds a full date in a URL's path: /2023/12/21/, /2023-12-21-, /20231221/,
// /2023/dec/21/.
// Returns "YYYY-MM-DD" or "".
std::string FindDateInUrl(std::string_view url);

// Seconds since 1970-01-01T00:00:00Z of an ISO string produced by
// NormalizeDate, treating a missing zone as UTC; returns false for a string
// NormalizeDate does not produce.
bool IsoToUnixSeconds(std::string_view iso, int64_t* seconds);

// True when `iso` (a NormalizeDate result) carries an explicit offset other
// than UTC ("+05:30", "-04:00").
bool HasLocalOffset(std::string_view iso);

}  // namespace libdiff::internal

#endif  // LIBDIFF_SRC_EXTRACT_DATE_H_
