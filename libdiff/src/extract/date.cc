// Copyright 2026 The libdiff Authors.

#include "extract/date.h"

#include <re2/re2.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <optional>
#include <string>

namespace libdiff::internal {
namespace {

// A date (and maybe a time and zone) before validation.
struct DateParts {
  int year = 0, month = 0, day = 0;
  bool has_time = false;
  int hour = 0, minute = 0, second = 0;
  bool has_zone = false;
  int offset_minutes = 0;  // east of UTC
};

constexpr int kMinYear = 1995;

// Howard Hinnant's days_from_civil: days since 1970-01-01 of a proleptic
// Gregorian date.
int64_t DaysFromCivil(int64_t y, int64_t m, int64_t d) {
  y -= m <= 2 ? 1 : 0;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void CivilFromDays(int64_t z, int* y, int* m, int* d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t dd = doy - (153 * mp + 2) / 5 + 1;
  const int64_t mm = mp < 10 ? mp + 3 : mp - 9;
  *y = static_cast<int>(yoe + era * 400 + (mm <= 2 ? 1 : 0));
  *m = static_cast<int>(mm);
  *d = static_cast<int>(dd);
}

int DaysInMonth(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0)) return 29;
  return kDays[static_cast<size_t>(month - 1)];
}

int64_t TodayDays() {
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  return std::chrono::duration_cast<std::chrono::seconds>(now).count() / 86400;
}

bool Plausible(const DateParts& p) {
  if (p.year < kMinYear || p.month < 1 || p.month > 12 || p.day < 1 ||
      p.day > DaysInMonth(p.year, p.month)) {
    return false;
  }
  if (p.has_time && (p.hour > 23 || p.minute > 59 || p.second > 60)) return false;
  return DaysFromCivil(p.year, p.month, p.day) <= TodayDays() + 2;
}

std::string Format(const DateParts& p) {
  char buf[40];
  if (!p.has_time) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", p.year, p.month, p.day);
    return buf;
  }
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", p.year, p.month, p.day, p.hour,
                p.minute, p.second);
  std::string out = buf;
  if (p.has_zone) {
    if (p.offset_minutes == 0) {
      out += 'Z';
    } else {
      const int abs_off = p.offset_minutes < 0 ? -p.offset_minutes : p.offset_minutes;
      std::snprintf(buf, sizeof buf, "%c%02d:%02d", p.offset_minutes < 0 ? '-' : '+',
                    abs_off / 60, abs_off % 60);
      out += buf;
    }
  }
  return out;
}

int ToInt(re2::StringPiece s) {
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') break;
    v = v * 10 + (c - '0');
    if (v > 100000) break;
  }
  return v;
}

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string LowerCopy(re2::StringPiece s) {
  std::string out(s.data(), s.size());
  for (char& c : out) c = Lower(c);
  return out;
}

// 1..12 from an English month name or abbreviation; 0 if unknown.
int MonthNumber(re2::StringPiece name) {
  static constexpr std::array<const char*, 12> kPrefixes = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  const std::string s = LowerCopy(name);
  for (size_t i = 0; i < kPrefixes.size(); ++i) {
    if (s.compare(0, 3, kPrefixes[i]) == 0) return static_cast<int>(i) + 1;
  }
  return 0;
}

// Applies a zone written as "Z", "+0500", "-04:00", "+05", "UTC", "GMT+2" or a
// common North American / European / Indian / Australian abbreviation.
// Ambiguous or unknown names leave the time without a zone.
void ApplyZone(re2::StringPiece zone, DateParts* p) {
  if (zone.empty()) return;
  const std::string z = LowerCopy(zone);
  struct Abbrev {
    const char* name;
    int minutes;
  };
  static constexpr std::array<Abbrev, 20> kAbbrevs = {{
      {"z", 0},       {"utc", 0},     {"gmt", 0},     {"est", -300},  {"edt", -240},
      {"cst", -360},  {"cdt", -300},  {"mst", -420},  {"mdt", -360},  {"pst", -480},
      {"pdt", -420},  {"akst", -540}, {"akdt", -480}, {"bst", 60},    {"cet", 60},
      {"cest", 120},  {"ist", 330},   {"aest", 600},  {"aedt", 660},  {"hst", -600},
  }};
  for (const Abbrev& a : kAbbrevs) {
    if (z == a.name) {
      p->has_zone = true;
      p->offset_minutes = a.minutes;
      return;
    }
  }
  size_t i = 0;
  if (z.compare(0, 3, "utc") == 0 || z.compare(0, 3, "gmt") == 0) i = 3;
  if (i >= z.size() || (z[i] != '+' && z[i] != '-')) return;
  const int sign = z[i] == '-' ? -1 : 1;
  std::string digits;
  for (size_t j = i + 1; j < z.size(); ++j) {
    if (z[j] >= '0' && z[j] <= '9') digits += z[j];
  }
  int hours = 0, minutes = 0;
  if (digits.size() <= 2) {
    hours = ToInt(digits);
  } else if (digits.size() == 3) {
    hours = ToInt(digits.substr(0, 1));
    minutes = ToInt(digits.substr(1));
  } else {
    hours = ToInt(digits.substr(0, 2));
    minutes = ToInt(digits.substr(2, 2));
  }
  if (hours > 14 || minutes > 59) return;
  p->has_zone = true;
  p->offset_minutes = sign * (hours * 60 + minutes);
}

// Fills the time of day from optional hour/minute/second/meridiem/zone groups.
void ApplyTime(re2::StringPiece hour, re2::StringPiece minute, re2::StringPiece second,
               re2::StringPiece meridiem, re2::StringPiece zone, DateParts* p) {
  if (hour.empty()) return;
  p->has_time = true;
  p->hour = ToInt(hour);
  p->minute = ToInt(minute);
  p->second = ToInt(second);
  if (!meridiem.empty()) {
    const bool pm = Lower(meridiem[0]) == 'p';
    if (p->hour < 1 || p->hour > 12) {
      p->has_time = false;
      return;
    }
    if (pm && p->hour != 12) p->hour += 12;
    if (!pm && p->hour == 12) p->hour = 0;
  }
  ApplyZone(zone, p);
}

// Pieces shared by the patterns below.
#define LIBDIFF_MONTH                                                                     \
  "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"        \
  "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?"
#define LIBDIFF_WEEKDAY "(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?"
// Groups: hour, minute, second, meridiem, zone.
#define LIBDIFF_TIME                                                                      \
  "(?:(?:\\s*(?:,|at|@|-|\\||/|·)?\\s*)(\\d{1,2})[:.](\\d{2})(?::(\\d{2}))?(?:[.,]\\d+)?" \
  "(?:\\s*([ap])\\.?m\\.?)?"                                                             \
  "(?:\\s*\\(?(z|(?:utc|gmt)?[+-]\\d{1,2}(?::?\\d{2})?|utc|gmt|[a-z]{2,4}t|ist)\\b\\)?)?)?"

// ISO and its relatives. Groups: year, month, day, then the time groups.
constexpr char kIsoPattern[] =
    "(?i)\\b((?:19|20)\\d{2})[-/.](\\d{1,2})[-/.](\\d{1,2})"
    "(?:(?:t|\\s+)(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:[.,]\\d+)?()"
    "\\s*(z|[+-]\\d{2}(?::?\\d{2})?|utc|gmt|[a-z]{2,4}t\\b|ist\\b)?)?";
// "December 21, 2023". Groups: month, day, year, then the time groups.
constexpr char kMonthDayYearPattern[] =
    "(?i)\\b" LIBDIFF_WEEKDAY LIBDIFF_MONTH
    "\\s*(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d{2})\\b" LIBDIFF_TIME;
// "21 December 2023". Groups: day, month, year, then the time groups.
constexpr char kDayMonthYearPattern[] =
    "(?i)\\b" LIBDIFF_WEEKDAY "(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+of)?[\\s-]+" LIBDIFF_MONTH
    ",?[\\s-]+((?:19|20)\\d{2})\\b" LIBDIFF_TIME;
// "12/21/2023", day and month in the order NumericOrder describes.
// A weekday may lead, as Drupal writes its meta times ("Thu, 09/25/2025 - 11:38").
constexpr char kNumericPattern[] =
    "(?i)\\b" LIBDIFF_WEEKDAY "(\\d{1,2})/(\\d{1,2})/((?:19|20)\\d{2})\\b" LIBDIFF_TIME;
// "23.07.2025" and "02-12-2025", read by the same rule; two-digit day and
// month, so version numbers ("1.2.2024") do not read as dates.
constexpr char kDottedPattern[] =
    "\\b(\\d{2})[.-](\\d{2})[.-]((?:19|20)\\d{2})\\b" LIBDIFF_TIME;
constexpr char kLabelPattern[] =
    "(?i)\\s*(?:(?:first\\s+|last\\s+|originally\\s+)?(?:published|updated|posted|modified|"
    "created|date|dated|on|at|le)\\b\\s*:?\\s*)*";
constexpr char kEpochPattern[] = "\\s*(\\d{10}|\\d{13})(?:\\.\\d+)?\\s*";

#undef LIBDIFF_MONTH
#undef LIBDIFF_WEEKDAY
#undef LIBDIFF_TIME

enum class Form { kIso, kMonthDayYear, kDayMonthYear, kNumeric, kDotted };

struct Patterns {
  RE2 iso{kIsoPattern};
  RE2 mdy{kMonthDayYearPattern};
  RE2 dmy{kDayMonthYearPattern};
  RE2 numeric{kNumericPattern};
  RE2 dotted{kDottedPattern};
  RE2 label{kLabelPattern};
  RE2 epoch{kEpochPattern};
  // Any all-numeric date, for NumericOrderInText. Groups: first, second.
  RE2 any_numeric{"\\b(\\d{1,2})[/.-](\\d{1,2})[/.-](?:19|20)\\d{2}\\b"};
  RE2 url_separated{"[/_-]((?:19|20)\\d{2})[/_-](\\d{1,2})[/_-](\\d{1,2})(?:[/_.-]|$)"};
  RE2 url_compact{"[/_-]((?:19|20)\\d{2})(\\d{2})(\\d{2})(?:[/_.-]|$)"};
  RE2 url_month_name{
      "(?i)[/_-]((?:19|20)\\d{2})[/_-](jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
      "[/_-](\\d{1,2})(?:[/_.-]|$)"};
};

const Patterns& GetPatterns() {
  static const Patterns* patterns = new Patterns();
  return *patterns;
}

// True when an all-numeric date "first/second/year" gives the day first (see
// NumericOrder); `slashed` is its separator.
bool ReadsDayFirst(int first, int second, bool slashed, NumericOrder order) {
  if (first > 12) return true;
  if (second > 12) return false;
  if (order != NumericOrder::kUnknown) return order == NumericOrder::kDayFirst;
  return !slashed;
}

// Converts the groups of one pattern's match into DateParts. For an
// all-numeric date whose day and month could be either way round, `*swapped`
// is set to the other reading (when it is given).
DateParts FromGroups(Form form, const re2::StringPiece* g, NumericOrder order,
                     DateParts* swapped) {
  DateParts p;
  switch (form) {
    case Form::kIso:
      p.year = ToInt(g[1]);
      p.month = ToInt(g[2]);
      p.day = ToInt(g[3]);
      ApplyTime(g[4], g[5], g[6], g[7], g[8], &p);
      break;
    case Form::kMonthDayYear:
      p.month = MonthNumber(g[1]);
      p.day = ToInt(g[2]);
      p.year = ToInt(g[3]);
      ApplyTime(g[4], g[5], g[6], g[7], g[8], &p);
      break;
    case Form::kDayMonthYear:
      p.day = ToInt(g[1]);
      p.month = MonthNumber(g[2]);
      p.year = ToInt(g[3]);
      ApplyTime(g[4], g[5], g[6], g[7], g[8], &p);
      break;
    case Form::kNumeric:
    case Form::kDotted: {
      const int first = ToInt(g[1]), second = ToInt(g[2]);
      const bool day_first = ReadsDayFirst(first, second, form == Form::kNumeric, order);
      p.day = day_first ? first : second;
      p.month = day_first ? second : first;
      p.year = ToInt(g[3]);
      ApplyTime(g[4], g[5], g[6], g[7], g[8], &p);
      if (swapped != nullptr && first <= 12 && second <= 12 && first != second) {
        *swapped = p;
        std::swap(swapped->day, swapped->month);
      }
      break;
    }
  }
  return p;
}

constexpr int kGroups = 9;  // whole match + 8 groups, the same layout in every pattern

// Tries every pattern at `pos` (anchored) or from `pos` on (unanchored) and
// returns the plausible match that starts first; `*end` receives the offset
// just past it, and `*other` (when given) its other reading or "" (TextDate).
std::string MatchAny(re2::StringPiece text, size_t pos, RE2::Anchor anchor, NumericOrder order,
                     size_t* begin, size_t* end, std::string* other) {
  const Patterns& pt = GetPatterns();
  struct Candidate {
    const RE2* re;
    Form form;
  };
  const std::array<Candidate, 5> candidates = {{{&pt.iso, Form::kIso},
                                                {&pt.mdy, Form::kMonthDayYear},
                                                {&pt.dmy, Form::kDayMonthYear},
                                                {&pt.numeric, Form::kNumeric},
                                                {&pt.dotted, Form::kDotted}}};
  std::string best;
  size_t best_start = text.size() + 1;
  for (const Candidate& c : candidates) {
    // Nothing can start earlier than a match at `pos`.
    if (best_start == pos) break;
    size_t start = pos;
    // An implausible match (e.g. a price-like number) must not hide a later one.
    while (start <= text.size()) {
      re2::StringPiece g[kGroups];
      if (!c.re->Match(text, start, text.size(), anchor, g, kGroups)) break;
      const size_t at = static_cast<size_t>(g[0].data() - text.data());
      if (at >= best_start) break;
      DateParts swapped;
      DateParts p = FromGroups(c.form, g, order, &swapped);
      if (Plausible(p)) {
        best = Format(p);
        if (other != nullptr) *other = Plausible(swapped) ? Format(swapped) : std::string();
        best_start = at;
        *begin = at;
        *end = at + g[0].size();
        break;
      }
      if (anchor == RE2::ANCHOR_START) break;
      start = at + 1;
    }
  }
  return best;
}

}  // namespace

NumericOrder NumericOrderInText(std::string_view text) {
  if (text.size() > 4096) text = text.substr(0, 4096);
  re2::StringPiece in(text.data(), text.size());
  re2::StringPiece first, second;
  bool day_first = false, month_first = false;
  while (RE2::FindAndConsume(&in, GetPatterns().any_numeric, &first, &second)) {
    const int a = ToInt(first), b = ToInt(second);
    if (a > 12 && a <= 31 && b >= 1 && b <= 12) day_first = true;
    if (b > 12 && b <= 31 && a >= 1 && a <= 12) month_first = true;
  }
  if (day_first == month_first) return NumericOrder::kUnknown;
  return day_first ? NumericOrder::kDayFirst : NumericOrder::kMonthFirst;
}

NumericOrder NumericOrderOfLanguage(std::string_view tag) {
  const std::string t = LowerCopy(re2::StringPiece(tag.data(), tag.size()));
  const size_t dash = t.find_first_of("-_");
  const std::string language = t.substr(0, dash);
  if (language.empty()) return NumericOrder::kUnknown;
  // The region: the first two-letter subtag after the language
  // ("zh-hant-tw" -> "tw").
  std::string region;
  size_t at = dash;
  while (at != std::string::npos && region.empty()) {
    const size_t next = t.find_first_of("-_", at + 1);
    const std::string sub = t.substr(at + 1, next == std::string::npos ? next : next - at - 1);
    if (sub.size() == 2) region = sub;
    at = next;
  }
  if (region.empty()) return language == "en" ? NumericOrder::kUnknown : NumericOrder::kDayFirst;
  // Canada writes both orders.
  if (region == "ca" && language == "en") return NumericOrder::kUnknown;
  for (const char* r : {"us", "ph", "fm", "mh", "pw", "gu", "as", "mp", "vi"}) {
    if (region == r) return NumericOrder::kMonthFirst;
  }
  return NumericOrder::kDayFirst;
}

std::string NormalizeDate(std::string_view text, NumericOrder order) {
  if (text.size() > 256) text = text.substr(0, 256);
  re2::StringPiece in(text.data(), text.size());
  const Patterns& pt = GetPatterns();
  re2::StringPiece digits;
  if (RE2::FullMatch(in, pt.epoch, &digits)) {
    int64_t secs = 0;
    for (char c : digits) secs = secs * 10 + (c - '0');
    if (digits.size() == 13) secs /= 1000;
    DateParts p;
    CivilFromDays(secs / 86400, &p.year, &p.month, &p.day);
    p.has_time = true;
    p.hour = static_cast<int>(secs % 86400 / 3600);
    p.minute = static_cast<int>(secs % 3600 / 60);
    p.second = static_cast<int>(secs % 60);
    p.has_zone = true;
    return Plausible(p) ? Format(p) : std::string();
  }
  re2::StringPiece label;
  size_t pos = 0;
  if (pt.label.Match(in, 0, in.size(), RE2::ANCHOR_START, &label, 1)) pos = label.size();
  size_t begin = 0, end = 0;
  return MatchAny(in, pos, RE2::ANCHOR_START, order, &begin, &end, nullptr);
}

std::string FindDateInText(std::string_view text, NumericOrder order) {
  std::vector<TextDate> dates = FindDatesInText(text, 1, order);
  return dates.empty() ? std::string() : dates.front().iso;
}

std::vector<TextDate> FindDatesInText(std::string_view text, size_t max_dates,
                                      NumericOrder order) {
  if (text.size() > 4096) text = text.substr(0, 4096);
  std::vector<TextDate> dates;
  const re2::StringPiece in(text.data(), text.size());
  size_t pos = 0;
  while (dates.size() < max_dates && pos < in.size()) {
    size_t begin = pos, end = pos;
    std::string other;
    std::string date = MatchAny(in, pos, RE2::UNANCHORED, order, &begin, &end, &other);
    if (date.empty() || end <= pos) break;
    dates.push_back({std::move(date), begin, std::move(other)});
    pos = end;
  }
  return dates;
}

bool SameDay(std::string_view a, std::string_view b) {
  return a.size() >= 10 && b.size() >= 10 && a.substr(0, 10) == b.substr(0, 10);
}

int64_t DayDifference(std::string_view a, std::string_view b) {
  int64_t ta = 0, tb = 0;
  if (a.size() < 10 || b.size() < 10 || !IsoToUnixSeconds(a.substr(0, 10), &ta) ||
      !IsoToUnixSeconds(b.substr(0, 10), &tb)) {
    return 0;
  }
  return (tb - ta) / 86400;
}

std::string FindDateInUrl(std::string_view url) {
  // Only the path: a host or query rarely holds the publication date.
  size_t path = url.find("://");
  path = path == std::string_view::npos ? 0 : url.find('/', path + 3);
  if (path == std::string_view::npos) return "";
  std::string_view rest = url.substr(path);
  rest = rest.substr(0, rest.find_first_of("?#"));
  re2::StringPiece in(rest.data(), rest.size());
  const Patterns& pt = GetPatterns();
  for (const RE2* re : {&pt.url_separated, &pt.url_compact, &pt.url_month_name}) {
    re2::StringPiece y, m, d;
    if (RE2::PartialMatch(in, *re, &y, &m, &d)) {
      DateParts p;
      p.year = ToInt(y);
      p.month = re == &pt.url_month_name ? MonthNumber(m) : ToInt(m);
      p.day = ToInt(d);
      if (Plausible(p)) return Format(p);
    }
  }
  return "";
}

bool IsoToUnixSeconds(std::string_view iso, int64_t* seconds) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  if (iso.size() < 10 || std::sscanf(std::string(iso.substr(0, 10)).c_str(), "%4d-%2d-%2d", &y,
                                     &mo, &d) != 3) {
    return false;
  }
  int64_t t = DaysFromCivil(y, mo, d) * 86400;
  if (iso.size() >= 19 && iso[10] == 'T') {
    if (std::sscanf(std::string(iso.substr(11, 8)).c_str(), "%2d:%2d:%2d", &h, &mi, &s) != 3) {
      return false;
    }
    t += h * 3600 + mi * 60 + s;
    if (iso.size() >= 25 && (iso[19] == '+' || iso[19] == '-')) {
      const int oh = (iso[20] - '0') * 10 + (iso[21] - '0');
      const int om = (iso[23] - '0') * 10 + (iso[24] - '0');
      const int off = (oh * 60 + om) * 60;
      t -= iso[19] == '-' ? -off : off;
    }
  }
  *seconds = t;
  return true;
}

bool HasLocalOffset(std::string_view iso) {
  return iso.size() >= 25 && iso[10] == 'T' && (iso[19] == '+' || iso[19] == '-') &&
         iso.substr(20) != "00:00";
}

}  // namespace libdiff::internal
