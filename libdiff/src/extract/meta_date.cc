// Copyright 2026 The libdiff Authors.
//
// Published and modified times (see meta_date.h).

#include "extract/meta_date.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/date.h"
#include "extract/meta_dom.h"
#include "extract/meta_site.h"

namespace libdiff::internal {
namespace {

// A plausible date from the first source that has one. `source` names it.
struct DateCandidate {
  std::string iso;
  const char* source;
};

void AddDate(std::vector<DateCandidate>* out, std::string_view raw, const char* source,
             NumericOrder order) {
  if (raw.empty()) return;
  std::string iso = NormalizeDate(raw, order);
  if (!iso.empty()) out->push_back({std::move(iso), source});
}

constexpr std::array<const char*, 31> kPublishedMetaKeys = {
    "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date",
    "dcterms.date", "dcterms.created", "dc.date.created", "citation_publication_date",
    "citation_date", "citation_online_date", "pubdate", "publishdate", "published", "publish-date",
    "publish_date", "published_date", "published-date", "date_published", "datepublished",
    "article.published", "article_date_original", "original-publish-date", "og:published_time",
    "published_time", "release_date", "rnews:datepublished", "displaydate", "date", "dc.created",
    "cxenseparse:recs:publishtime"};

constexpr std::array<const char*, 11> kModifiedMetaKeys = {
    "article:modified_time", "og:updated_time", "og:article:modified_time", "datemodified",
    "dcterms.modified", "dc.date.modified", "last-modified", "lastmod", "sailthru.lastmodified",
    "article.updated", "updated"};

// Elements between a <time> and the headline below it, at most, for the
// <time> to date the article.
constexpr int kTimeAboveHeadline = 10;

// A date line longer than this is a sentence that holds a date.
constexpr size_t kMaxDateLineBytes = 40;

// A line under the headline longer than this is a paragraph, not a byline
// ("By Jane Roe | Published December 5, 2025 | 4 min read").
constexpr size_t kMaxBylineLineBytes = 120;

// The label just before a date shown in a byline: 'p' for "Published",
// "Posted", "First published"; 'u' for "Updated", "Modified"; 0 for none.
char DateLabel(std::string_view text, size_t offset) {
  const size_t from = offset > 24 ? offset - 24 : 0;
  const std::string before = LowerAscii(text.substr(from, offset - from));
  // Last position of either word, or -1.
  auto last = [&before](const char* a, const char* b) {
    const size_t x = before.rfind(a), y = before.rfind(b);
    const int64_t xi = x == std::string::npos ? -1 : static_cast<int64_t>(x);
    const int64_t yi = y == std::string::npos ? -1 : static_cast<int64_t>(y);
    return std::max(xi, yi);
  };
  const int64_t p = last("publish", "posted");
  const int64_t u = last("updat", "modif");
  if (p < 0 && u < 0) return 0;
  return p > u ? 'p' : 'u';
}

// The order of the page's all-numeric dates (NumericOrder): the one its own
// unambiguous numeric dates show under the headline or in its <time>
// elements ("25/11/2025" makes "02/12/2025" 2 December), else the one its
// language implies.
NumericOrder PageNumericOrder(const PageFacts& f, const JsonLdFacts& ld,
                              std::string_view shown_text) {
  NumericOrder order = NumericOrderInText(shown_text);
  for (const TimeElement& t : f.times) {
    if (order != NumericOrder::kUnknown) break;
    order = NumericOrderInText(t.datetime);
  }
  if (order == NumericOrder::kUnknown) order = NumericOrderOfLanguage(ChooseLanguage(f, ld));
  return order;
}

// The date nearest above the headline in the 300 bytes of text before it; of
// several ("December 22, 2022 Updated: January 02, 2026"), the nearest one
// the page does not label as an update. "" when there is none.
std::string DateAboveHeadline(xmlNodePtr title_node, NumericOrder order) {
  const std::string above = TextBeforeHeadline(title_node, 300);
  const std::vector<TextDate> dates = FindDatesInText(above, 8, order);
  for (auto d = dates.rbegin(); d != dates.rend(); ++d) {
    if (DateLabel(above, d->offset) != 'u') return d->iso;
  }
  return dates.empty() ? "" : dates.back().iso;
}

// The length of the line of `text` (between newlines) that holds `offset`.
size_t LineBytesAround(std::string_view text, size_t offset) {
  const size_t start = text.rfind('\n', offset);
  const size_t end = text.find('\n', offset);
  return (end == std::string_view::npos ? text.size() : end) -
         (start == std::string_view::npos ? 0 : start + 1);
}

// The structured value that confirms the date `d` shown in `text`: the first
// candidate of the same calendar day (it keeps the time and zone), else the
// shown day itself when it is the local day of a UTC time. An all-numeric
// date that could be read either way round ("02/12/2025") is confirmed in
// either reading. "" when nothing confirms it.
std::string ConfirmShownDate(std::string_view text, const TextDate& d,
                             const std::vector<DateCandidate>& structured) {
  // A date in a paragraph or caption ("Thursday, Dec. 21, 2023, in
  // Bridgton, Maine") is not taken for the local day of a UTC time.
  const bool in_paragraph = LineBytesAround(text, d.offset) > kMaxBylineLineBytes;
  auto confirm = [&structured, in_paragraph](const std::string& v) -> std::string {
    for (const DateCandidate& c : structured) {
      if (SameDay(v, c.iso)) return c.iso;
    }
    if (in_paragraph) return "";
    for (const DateCandidate& c : structured) {
      const int64_t diff = DayDifference(c.iso, v);
      if (c.iso.size() > 10 && c.iso.back() == 'Z' && (diff == 1 || diff == -1)) return v;
    }
    return "";
  };
  std::string confirmed = confirm(d.iso);
  if (confirmed.empty() && !d.other.empty()) confirmed = confirm(d.other);
  return confirmed;
}

// The date the page shows under its headline. A date labelled "Published"
// wins; otherwise the first shown date a structured source confirms. Either
// is returned as ConfirmShownDate gives it (a "Published" date nothing
// confirms as shown).
std::string ShownDate(std::string_view text, const std::vector<DateCandidate>& structured,
                      NumericOrder order) {
  const std::vector<TextDate> shown = FindDatesInText(text, 4, order);
  for (const TextDate& d : shown) {
    if (DateLabel(text, d.offset) == 'p') {
      const std::string confirmed = ConfirmShownDate(text, d, structured);
      return confirmed.empty() ? d.iso : confirmed;
    }
  }
  for (const TextDate& d : shown) {
    std::string confirmed = ConfirmShownDate(text, d, structured);
    if (!confirmed.empty()) return confirmed;
  }
  return "";
}

// The date shown right above the headline (in the 300 bytes of text before
// it) that a structured source confirms, the nearest first: templates that
// put the date line over the h1 ("Updated December 19, 2023" in the header
// above the headline). "" when none is confirmed.
std::string ShownDateAboveHeadline(xmlNodePtr title_node,
                                   const std::vector<DateCandidate>& structured,
                                   NumericOrder order) {
  if (title_node == nullptr || structured.empty()) return "";
  const std::string above = TextBeforeHeadline(title_node, 300);
  const std::vector<TextDate> dates = FindDatesInText(above, 8, order);
  for (auto d = dates.rbegin(); d != dates.rend(); ++d) {
    std::string confirmed = ConfirmShownDate(above, *d, structured);
    if (!confirmed.empty()) return confirmed;
  }
  return "";
}

// Bytes under the headline in which a shown date can outdate the structured
// one (EarlierShownDate): the byline's reach, before the article's prose.
constexpr size_t kEarlierShownDateBytes = 400;

// The first date shown under the headline, on a line of its own, when it is
// days before `published` and `modified` is not after `published`: a CMS
// that stamps its published and modified times at once (the same day, or
// modified before published) gives the time it last wrote the page, and the
// date shown under the headline ("January 31, 2024" above "Written By") is
// the first publication's. "" otherwise.
std::string EarlierShownDate(std::string_view text, const std::string& published,
                             const std::string& modified, NumericOrder order) {
  if (DayDifference(published, modified) > 0) return "";
  const std::vector<TextDate> first =
      FindDatesInText(text.substr(0, std::min(text.size(), kEarlierShownDateBytes)), 1, order);
  if (first.empty() || LineBytesAround(text, first[0].offset) > kMaxDateLineBytes) return "";
  return DayDifference(first[0].iso, published) > 1 ? first[0].iso : "";
}

// The date in a <meta> whose name ends in "published-date", "publish-date",
// "publish_date", "published_date", "publication-date" or "publication_date"
// after a site's own prefix; the first in name order, for determinism.
std::string PrefixedPublishedMeta(const PageFacts& f, NumericOrder order) {
  std::string best_key, best;
  for (const auto& [key, values] : f.meta) {
    bool suffix = false;
    for (std::string_view s : {"published-date", "publish-date", "publish_date", "published_date",
                               "publication-date", "publication_date"}) {
      suffix = suffix || (key.size() > s.size() + 1 &&
                          key.compare(key.size() - s.size(), s.size(), s) == 0);
    }
    if (!suffix || (!best.empty() && key > best_key)) continue;
    for (const std::string& v : values) {
      std::string iso = NormalizeDate(v, order);
      if (!iso.empty()) {
        best_key = key;
        best = std::move(iso);
        break;
      }
    }
  }
  return best;
}

// "June 2022" or "Jun 2022" at the start of `s`, followed by the end of the
// text or a non-alphanumeric byte, as the first day of that month; "" otherwise.
std::string MonthYearDate(std::string_view s) {
  const size_t space = s.find(' ');
  if (space == std::string_view::npos || space < 3 || space > 9) return "";
  const std::string_view year = s.substr(space + 1, 4);
  if (year.size() != 4) return "";
  for (char c : year) {
    if (c < '0' || c > '9') return "";
  }
  if (s.size() > space + 5) {
    const char next = s[space + 5];
    if ((next >= '0' && next <= '9') || (next >= 'a' && next <= 'z') ||
        (next >= 'A' && next <= 'Z')) {
      return "";
    }
  }
  // NormalizeDate checks the month's name and the year's range.
  return NormalizeDate(std::string(s.substr(0, space)) + " 1, " + std::string(year));
}

// A date written right after a capitalised "Published" or "Posted" label
// anywhere in `root`'s text ("Published July 8, 2025", "Posted on the
// 15/12/2025"): some templates show the date only under the article or in its
// footer. Prose ("was published on May 5") does not capitalise the label. Only
// reached when no other source gives a date; then a page that shows only
// "Last updated: November 13, 2025" (reference pages) is dated by it.
std::string LabelledDateInPage(xmlNodePtr root, NumericOrder order) {
  if (root == nullptr) return "";
  const std::string text = PageBlockText(root, size_t{1} << 19);
  for (std::string_view label :
       {"Published", "Posted", "Last updated", "Last Updated", "Updated"}) {
    for (size_t at = FindAtWordStart(text, label, 0); at != std::string::npos;
         at = FindAtWordStart(text, label, at + 1)) {
      // "Site last updated" dates the whole site, not this page.
      const size_t lead = std::min<size_t>(at, 12);
      if (Contains(LowerAscii(std::string_view(text).substr(at - lead, lead)), "site ")) continue;
      // The label's own words ("on", "on the", ":") may separate it from the date.
      size_t from = at + label.size();
      auto skip_space = [&text, &from] {
        // (CRLF pages keep their '\r's in text nodes.)
        // (and a no-break space: "Last Updated:&nbsp;June 2022").
        while (from < text.size()) {
          if (text[from] == ' ' || text[from] == '\n' || text[from] == '\r' ||
              text[from] == '\t' || text[from] == ':') {
            ++from;
          } else if (text.compare(from, 2, "\xC2\xA0") == 0) {
            from += 2;
          } else {
            break;
          }
        }
      };
      skip_space();
      for (std::string_view word : {"On", "on", "the"}) {
        if (text.compare(from, word.size(), word) == 0 && from + word.size() < text.size() &&
            (text[from + word.size()] == ' ' || text[from + word.size()] == ':' ||
             text[from + word.size()] == '\n')) {
          from += word.size();
        }
        skip_space();
      }
      const std::vector<TextDate> dates =
          FindDatesInText(std::string_view(text).substr(from, 48), 1, order);
      if (!dates.empty() && dates[0].offset == 0) return dates[0].iso;
      // A month alone ("Last Updated: June 2022", reference pages) dates
      // the page to its first day.
      const std::string month = MonthYearDate(std::string_view(text).substr(from, 24));
      if (!month.empty()) return month;
    }
  }
  return "";
}

// The first date that starts a short line of `root`'s text ("April 8, 2024"
// beside an author's name, far below the headline or on a page whose
// headline was not found): a date line of a template no other rule reads. A
// date inside a sentence, or after other words ("Other story, Dec 1, 2025",
// "Site last updated: ..."), is not one. Only reached when no other source
// gives a date. A date that the line before labels as today's ("Today's
// hours", "Today is") is the visit's date, shown by a widget, not the page's.
std::string DateLineInPage(xmlNodePtr root, NumericOrder order) {
  if (root == nullptr) return "";
  const std::string text = PageBlockText(root, size_t{1} << 19);
  std::string previous;  // the last non-empty line, lower-cased
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string line = SqueezeWhitespace(std::string_view(text).substr(start, end - start));
    if (line.size() >= 8 && line.size() <= kMaxDateLineBytes &&
        previous.find("today") == std::string::npos) {
      const std::vector<TextDate> dates = FindDatesInText(line, 1, order);
      if (!dates.empty() && dates[0].offset == 0) return dates[0].iso;
    }
    if (!line.empty()) previous = LowerAscii(line);
    start = end + 1;
  }
  return "";
}

}  // namespace

void ChooseDates(const PageFacts& f, const JsonLdFacts& ld, const std::string& page_url,
                 const std::string& canonical, int title_order, xmlNodePtr title_node,
                 const std::string& text_after_headline, xmlNodePtr root, Article* article) {
  const std::string& shown_text = text_after_headline;
  const NumericOrder order = PageNumericOrder(f, ld, shown_text);
  std::vector<DateCandidate> published;
  AddDate(&published, ld.date_published, "jsonld", order);
  for (const char* key :
       {"article:published_time", "og:article:published_time", "article:published",
        "article.published_time"}) {
    AddDate(&published, FirstMeta(f, key), "meta-article", order);
  }
  AddDate(&published, f.itemprop_published, "itemprop", order);
  for (const char* key : kPublishedMetaKeys) AddDate(&published, FirstMeta(f, key), "meta", order);
  AddDate(&published, ld.page_date_published, "jsonld-page", order);
  // JSON-LD that a framework wrote into a <meta name="script:ld+json"
  // content="{...}"> (Next.js metadata misused for the script tag).
  JsonLdFacts meta_ld;
  const std::string& ld_in_meta = FirstMeta(f, "script:ld+json");
  if (!ld_in_meta.empty()) {
    AddJsonLdScript(ld_in_meta, &meta_ld);
    AddDate(&published, meta_ld.date_published, "jsonld-meta", order);
    AddDate(&published, meta_ld.page_date_published, "jsonld-meta", order);
  }
  // <time>: one marked as the publication time, else the first after the headline.
  for (const TimeElement& t : f.times) {
    if (t.pub_hint) AddDate(&published, t.datetime, "time-pub", order);
  }
  // An unmarked <time> right above the headline (in its header) comes before
  // those after it, which may date related stories further down.
  const TimeElement* time_above = nullptr;
  for (const TimeElement& t : f.times) {
    if (!t.mod_hint && !t.pub_hint && title_order >= 0 && t.order < title_order &&
        title_order - t.order <= kTimeAboveHeadline) {
      time_above = &t;
    }
  }
  if (time_above != nullptr) AddDate(&published, time_above->datetime, "time-above", order);
  for (const TimeElement& t : f.times) {
    if (!t.mod_hint && t.order > title_order) AddDate(&published, t.datetime, "time", order);
  }
  std::string url_date = FindDateInUrl(page_url);
  if (url_date.empty()) url_date = FindDateInUrl(canonical);
  if (!url_date.empty()) published.push_back({url_date, "url"});

  std::vector<DateCandidate> modified;
  AddDate(&modified, ld.date_modified, "jsonld", order);
  for (const char* key : kModifiedMetaKeys) AddDate(&modified, FirstMeta(f, key), "meta", order);
  AddDate(&modified, f.itemprop_modified, "itemprop", order);
  AddDate(&modified, ld.page_date_modified, "jsonld-page", order);
  AddDate(&modified, meta_ld.date_modified, "jsonld-meta", order);
  AddDate(&modified, meta_ld.page_date_modified, "jsonld-meta", order);
  for (const TimeElement& t : f.times) {
    if (t.mod_hint) AddDate(&modified, t.datetime, "time-mod", order);
  }

  // The first source wins; but a UTC time restated by another source with
  // the page's local offset is given in that offset, so its calendar day is
  // the one readers saw.
  auto pick = [](const std::vector<DateCandidate>& list) -> std::string {
    if (list.empty()) return "";
    const std::string& first = list.front().iso;
    int64_t t0 = 0;
    if (first.size() > 10 && first.back() == 'Z' && IsoToUnixSeconds(first, &t0)) {
      for (const DateCandidate& c : list) {
        int64_t t = 0;
        if (HasLocalOffset(c.iso) && IsoToUnixSeconds(c.iso, &t) && t - t0 <= 120 &&
            t0 - t <= 120) {
          return c.iso;
        }
      }
      // The same instant as a local time without a zone ("2023-12-23T17:06:51"
      // beside "2023-12-24T01:06:51Z"): the same minutes and seconds, a whole
      // number of quarter hours apart, within a day. It is given with the
      // offset this makes.
      for (const DateCandidate& c : list) {
        int64_t t = 0;
        if (c.iso.size() != 19 || !IsoToUnixSeconds(c.iso, &t)) continue;
        const int64_t diff = t - t0;
        if (diff == 0 || diff % 900 != 0 || diff < -12 * 3600 || diff > 14 * 3600) continue;
        const int64_t minutes = (diff < 0 ? -diff : diff) / 60;
        char offset[8];
        std::snprintf(offset, sizeof offset, "%c%02d:%02d", diff < 0 ? '-' : '+',
                      static_cast<int>(minutes / 60), static_cast<int>(minutes % 60));
        return c.iso + offset;
      }
    }
    return first;
  };
  std::vector<DateCandidate> structured = published;
  structured.insert(structured.end(), modified.begin(), modified.end());
  article->published = ShownDate(shown_text, structured, order);
  // A date shown right above the headline votes for the published
  // candidate it names when that is days away from the first one (a day
  // off is a time zone's doing, which the first candidate's time settles).
  if (article->published.empty()) {
    const std::string first = pick(published);
    const std::string above = ShownDateAboveHeadline(title_node, published, order);
    const int64_t apart = above.empty() ? 0 : DayDifference(first, above);
    article->published = apart > 1 || apart < -1 ? above : first;
    if (above.empty() && !first.empty() && !modified.empty()) {
      const std::string earlier =
          EarlierShownDate(shown_text, first, modified.front().iso, order);
      if (!earlier.empty()) article->published = earlier;
    }
  }
  // A site's own name for the published-date <meta> ("w-published-date",
  // "cms.publish_date"): a name that ends like a known one.
  if (article->published.empty()) article->published = PrefixedPublishedMeta(f, order);
  // Without any structured date, the first date shown under the headline;
  // but one inside a paragraph ("hit its 1.0 release on 30 October 2025")
  // gives way to a date shown right above the headline.
  if (article->published.empty()) {
    const std::vector<TextDate> first = FindDatesInText(shown_text, 1, order);
    if (!first.empty()) {
      article->published = first[0].iso;
      if (LineBytesAround(shown_text, first[0].offset) > kMaxBylineLineBytes) {
        const std::string above = DateAboveHeadline(title_node, order);
        if (!above.empty()) article->published = above;
      }
    }
  }
  if (article->published.empty()) {
    for (const TimeElement& t : f.times) {
      article->published = NormalizeDate(t.datetime, order);
      if (!article->published.empty()) break;
    }
  }
  // Last, the date nearest above the headline: some templates put the date
  // line ("Last updated: Dec 12, 2025") over the h1 rather than under it.
  if (article->published.empty()) article->published = DateAboveHeadline(title_node, order);
  if (article->published.empty() && root != nullptr) {
    article->published = LabelledDateInPage(root, order);
  }
  article->modified = pick(modified);
  // Without a structured one, the date shown after an "Updated" label.
  if (article->modified.empty()) {
    for (const TextDate& d : FindDatesInText(shown_text, 4, order)) {
      if (DateLabel(shown_text, d.offset) == 'u') {
        article->modified = d.iso;
        break;
      }
    }
  }
  // A page that gives only a modified time (article:modified_time and
  // nothing else) is dated by it: the last known state of the text.
  if (article->published.empty()) article->published = article->modified;
  if (article->published.empty()) article->published = DateLineInPage(root, order);
}

}  // namespace libdiff::internal
