// Copyright 2026 The libdiff Authors.
//
// Titles (see meta_title.h).

#include "extract/meta_title.h"

#include <libxml/xpath.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>
#include <string>
#include <vector>

#include "extract/meta_author.h"
#include "extract/meta_dom.h"

namespace libdiff::internal {
namespace {

// True when a <title> part names the site rather than the article: it equals
// the site name or host, is a shortening of it, or is a short phrase around it
// ("BBC News", "Sport | nytimes.com").
bool IsSiteLike(const std::string& part, const std::string& site_key, const std::string& host) {
  const std::string key = LooseKey(part);
  if (key.empty()) return true;
  const bool short_part = WordCount(part) <= 4;
  if (!site_key.empty() &&
      (key == site_key || Contains(site_key, key) || (short_part && Contains(key, site_key)))) {
    return true;
  }
  const std::string host_key = LooseKey(host);
  return !host_key.empty() &&
         (Contains(host_key, key) || (short_part && Contains(key, host_key)));
}

// LooseKey(s) together with, for each key byte, the offset of the byte of `s`
// it came from.
std::string KeyWithOffsets(std::string_view s, std::vector<size_t>* offsets) {
  std::string key;
  offsets->clear();
  size_t i = 0;
  while (i < s.size()) {
    size_t len = 1;
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0xF0) {
      len = 4;
    } else if (c >= 0xE0) {
      len = 3;
    } else if (c >= 0xC0) {
      len = 2;
    }
    len = std::min(len, s.size() - i);
    const std::string k = LooseKey(s.substr(i, len));
    for (char kc : k) {
      key += kc;
      offsets->push_back(i);
    }
    i += len;
  }
  return key;
}

// A section label rendered inside the h1 ("Opinion", "News") precedes the
// headline that the metadata states alone: returns the h1 without it when a
// metadata title is exactly the h1's tail and the label is one or two bare
// words (no punctuation but a layout separator "|", so a written kicker like
// "Colleges:" stays);
// otherwise the h1 as it is.
std::string TrimHeadingLabel(const std::string& heading, const std::vector<std::string>& raw_keys) {
  std::vector<size_t> offsets;
  const std::string key = KeyWithOffsets(heading, &offsets);
  for (const std::string& m : raw_keys) {
    if (m.empty() || m.size() >= key.size() ||
        key.compare(key.size() - m.size(), m.size(), m) != 0) {
      continue;
    }
    size_t begin = offsets[key.size() - m.size()];
    while (begin > 0 && heading[begin - 1] != ' ' &&
           LooseKey(heading.substr(begin - 1, 1)).empty()) {
      --begin;
    }
    if (begin == 0 || heading[begin - 1] != ' ') continue;
    std::string_view label = std::string_view(heading).substr(0, begin - 1);
    // A layout separator after the label ("Politics |") is not punctuation.
    while (!label.empty() && (label.back() == '|' || label.back() == '/' || label.back() == ' ')) {
      label.remove_suffix(1);
    }
    if (label.empty() || WordCount(label) > 2) continue;
    // An article opens the headline ("The Best Cameras of 2026" for the
    // metadata's "Best Cameras of 2026"): it is no label.
    const std::string lower_label = LowerAscii(label);
    if (lower_label == "the" || lower_label == "a" || lower_label == "an") continue;
    // A label is words: a number before the headline ("2025 Price Guide",
    // "10 Best Cafés") is part of it.
    bool bare = true, letter = false;
    for (char c : label) {
      const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      const bool alnum = alpha || (c >= '0' && c <= '9');
      if (!alnum && c != ' ') bare = false;
      letter = letter || alpha;
    }
    if (bare && letter) return SqueezeWhitespace(std::string_view(heading).substr(begin));
  }
  return heading;
}

// True when `s` has ASCII capitals and no ASCII lower-case letter.
bool IsAllCaps(std::string_view s) {
  bool upper = false;
  for (char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    upper = upper || (c >= 'A' && c <= 'Z');
  }
  return upper;
}

// True when `heading`, read with each "?" or U+FFFD inside it standing for
// one to four bytes that the page's encoding lost, spells `meta` ("Beginner?
// Guide" for "Beginner's Guide"). A "?" at the end is a question mark.
bool SpellsWithLostCharacters(std::string_view heading, std::string_view meta) {
  const size_t n = heading.size(), m = meta.size();
  if (n == 0 || m == 0 || n > 400 || m > 600) return false;
  // reach[j]: meta[0, j) is spelled by the heading's bytes read so far.
  std::vector<char> reach(m + 1, 0), next(m + 1, 0);
  reach[0] = 1;
  bool lost = false;
  for (size_t i = 0; i < n;) {
    size_t width = 1;
    const bool fffd = heading.compare(i, 3, "\xEF\xBF\xBD") == 0;
    if (fffd) width = 3;
    const bool wild = fffd || (heading[i] == '?' && i + 1 < n);
    std::fill(next.begin(), next.end(), 0);
    for (size_t j = 0; j <= m; ++j) {
      if (!reach[j]) continue;
      if (wild) {
        for (size_t k = 1; k <= 4 && j + k <= m; ++k) next[j + k] = 1;
      }
      if (!fffd && j < m && meta[j] == heading[i]) next[j + 1] = 1;
    }
    lost = lost || wild;
    reach.swap(next);
    i += width;
  }
  return lost && reach[m];
}

// True when a heading ends with a colon: it introduces what follows it.
bool IsLeadIn(std::string_view heading) {
  return !heading.empty() && heading.back() == ':';
}

// The lower-cased words of `s`, sorted.
std::vector<std::string> SortedWords(std::string_view s) {
  std::vector<std::string> words;
  std::string word;
  for (char c : LowerAscii(s) + " ") {
    if (c == ' ') {
      if (!word.empty()) words.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  std::sort(words.begin(), words.end());
  return words;
}

// True when a headline set in capitals and a metadata title in mixed case
// have the same words but for at most two small ones ("MAKER IN 2026" and
// "Maker 2026"): the same headline, which the capitals do not spell.
bool SameWordsAsCapitals(std::string_view heading, std::string_view meta) {
  if (!IsAllCaps(heading) || IsAllCaps(meta)) return false;
  const std::vector<std::string> a = SortedWords(heading), b = SortedWords(meta);
  if (a.size() < 4 || b.size() < 4) return false;
  std::vector<std::string> only;
  std::set_symmetric_difference(a.begin(), a.end(), b.begin(), b.end(),
                                std::back_inserter(only));
  if (only.size() > 2) return false;
  for (const std::string& w : only) {
    if (w.size() > 3) return false;
  }
  return true;
}

// How well a visible heading agrees with a title given in metadata: 3 equal,
// 2 the heading is most of the metadata title, 1 the metadata title is most
// of the heading, 0 unrelated.
int Agreement(const std::string& heading_key, const std::string& meta_key) {
  if (heading_key.empty() || meta_key.empty()) return 0;
  if (heading_key == meta_key) return 3;
  if (Contains(meta_key, heading_key) && heading_key.size() * 2 >= meta_key.size()) return 2;
  if (Contains(heading_key, meta_key) && meta_key.size() * 3 >= heading_key.size() * 2) return 1;
  return 0;
}

// True when `s` is a year, possibly bracketed and after "in": " in 2025",
// " 2025", " (2025)", " [2026]".
bool IsYearSuffix(std::string_view s) {
  if (s.empty() || s[0] != ' ') return false;
  s.remove_prefix(1);
  if (s.substr(0, 3) == "in ") s.remove_prefix(3);
  if (s.size() == 6 && ((s[0] == '(' && s[5] == ')') || (s[0] == '[' && s[5] == ']'))) {
    s = s.substr(1, 4);
  }
  if (s.size() != 4 || !(s.substr(0, 2) == "19" || s.substr(0, 2) == "20")) return false;
  return s[2] >= '0' && s[2] <= '9' && s[3] >= '0' && s[3] <= '9';
}

// True when `s` is a count before a list's headline: "8 ", "15 ".
bool IsCountPrefix(std::string_view s) {
  if (s.size() < 2 || s.size() > 4 || s.back() != ' ') return false;
  for (char c : s.substr(0, s.size() - 1)) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// True when `s` is what a link aggregator sets after a story's headline: the
// source's host in brackets and perhaps a comment count (" (latimes.com) 87",
// " (github.com)").
bool IsSourceHostSuffix(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && s[i] == ' ') ++i;
  if (i == 0 || i >= s.size() || s[i] != '(') return false;
  const size_t close = s.find(')', i);
  if (close == std::string_view::npos) return false;
  const std::string_view host = s.substr(i + 1, close - i - 1);
  const size_t dot = host.rfind('.');
  if (host.empty() || host.size() > 64 || dot == std::string_view::npos || dot == 0 ||
      dot + 2 > host.size()) {
    return false;
  }
  for (char c : host) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '-';
    if (!ok) return false;
  }
  for (char c : s.substr(close + 1)) {
    if (c != ' ' && (c < '0' || c > '9')) return false;
  }
  return true;
}

// A metadata title that is `heading` with the year or the count of a list
// that the visible headline leaves out ("Best Travel Insurance for Seniors
// in 2025" for the h1 "Best Travel Insurance for Seniors"), or "".
std::string WithYearOrCount(const std::string& heading, const std::vector<std::string>& texts) {
  for (const std::string& m : texts) {
    if (m.size() <= heading.size()) continue;
    if (m.compare(0, heading.size(), heading) == 0 &&
        IsYearSuffix(std::string_view(m).substr(heading.size()))) {
      return m;
    }
    if (m.compare(m.size() - heading.size(), heading.size(), heading) == 0 &&
        IsCountPrefix(std::string_view(m).substr(0, m.size() - heading.size()))) {
      return m;
    }
  }
  return "";
}

}  // namespace

// Title separators between a headline and a site or section name.
constexpr std::array<std::string_view, 9> kTitleSeparators = {
    " | ", " - ", " \u2013 ", " \u2014 ", " :: ", " \u00b7 ", " \u2022 ", " \u00bb ", " / "};

std::vector<std::string> SplitTitle(const std::string& title) {
  std::vector<std::string> parts;
  size_t from = 0;
  while (true) {
    size_t best = std::string::npos, best_len = 0;
    for (std::string_view sep : kTitleSeparators) {
      const size_t at = title.find(sep, from);
      if (at < best) {
        best = at;
        best_len = sep.size();
      }
    }
    if (best == std::string::npos) break;
    parts.push_back(title.substr(from, best - from));
    from = best + best_len;
  }
  parts.push_back(title.substr(from));
  return parts;
}

size_t WordCount(std::string_view s) {
  size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = c == ' ';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// A <title> or og:title without the site (and section) names around it.
std::string StripSiteAffixes(const std::string& title, const std::string& site_name,
                             const std::string& host) {
  std::vector<std::string> parts = SplitTitle(title);
  if (parts.size() == 1) {
    // A host written before the headline with no separator ("example.com
    // Vibe Coding"), as some blog engines print it.
    const std::string_view bare_host =
        std::string_view(host).substr(host.compare(0, 4, "www.") == 0 ? 4 : 0);
    if (bare_host.find('.') != std::string_view::npos && title.size() > bare_host.size() + 1 &&
        LowerAscii(title.substr(0, bare_host.size())) == bare_host &&
        title[bare_host.size()] == ' ') {
      return SqueezeWhitespace(std::string_view(title).substr(bare_host.size() + 1));
    }
    return title;
  }
  const std::string site_key = LooseKey(site_name);
  size_t first = 0, last = parts.size();
  while (last - first > 1 && IsSiteLike(parts[last - 1], site_key, host)) --last;
  while (last - first > 1 && IsSiteLike(parts[first], site_key, host)) ++first;
  // A trailing section name ("... | Family | The Guardian"): short parts after
  // a much longer headline part.
  while (last - first > 1 && WordCount(parts[last - 1]) <= 3 &&
         WordCount(parts[first]) >= 2 * WordCount(parts[last - 1]) + 2 && first + 1 < last &&
         parts[last - 1].size() * 2 < parts[first].size()) {
    --last;
  }
  std::string out = parts[first];
  // Keep separators that are part of the headline ("A - B" where both are long).
  for (size_t i = first + 1; i < last; ++i) out += " | " + parts[i];
  if (last - first > 1) {
    // Re-join with the original text rather than a guessed separator.
    const size_t begin = title.find(parts[first]);
    const size_t end = title.find(parts[last - 1], begin) + parts[last - 1].size();
    if (begin != std::string::npos && end <= title.size()) out = title.substr(begin, end - begin);
  }
  return SqueezeWhitespace(out);
}

// Drops a trailing media label in brackets: "… Finale [Watch]", "… (video)".
std::string StripMediaLabel(const std::string& title) {
  if (title.size() < 4) return title;
  const char close = title.back();
  const char open = close == ')' ? '(' : close == ']' ? '[' : '\0';
  if (open == '\0') return title;
  const size_t at = title.rfind(open);
  if (at == std::string::npos || at == 0 || title[at - 1] != ' ') return title;
  const std::string label = LowerAscii(title.substr(at + 1, title.size() - at - 2));
  static constexpr std::array<std::string_view, 14> kLabels = {
      "watch", "video", "videos", "photo", "photos", "pics", "pictures", "gallery", "listen",
      "audio", "podcast", "poll", "watch video", "photos and video"};
  for (std::string_view l : kLabels) {
    if (label == l) return SqueezeWhitespace(std::string_view(title).substr(0, at));
  }
  return title;
}

std::string FoldFullwidthPunctuation(const std::string& title) {
  // Fullwidth punctuation (U+FF01..U+FF5E, "!" + k) becomes ASCII unless the
  // title has a character from U+2E80 on (CJK, kana, Hangul and their
  // punctuation): there fullwidth punctuation is the script's own. The text
  // is well-formed UTF-8 (the parser's output).
  std::string out;
  bool folded = false;
  for (size_t i = 0; i < title.size();) {
    const auto c = static_cast<unsigned char>(title[i]);
    const size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (i + len > title.size()) return title;
    uint32_t cp = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
    for (size_t j = 1; j < len; ++j) {
      cp = (cp << 6) | (static_cast<unsigned char>(title[i + j]) & 0x3F);
    }
    const char ascii = cp >= 0xFF01 && cp <= 0xFF5E ? static_cast<char>('!' + (cp - 0xFF01)) : '\0';
    const bool alnum = (ascii >= '0' && ascii <= '9') || (ascii >= 'A' && ascii <= 'Z') ||
                       (ascii >= 'a' && ascii <= 'z');
    if (ascii != '\0' && !alnum) {
      out += ascii;
      folded = true;
    } else if (cp >= 0x2E80 && cp < 0x1F000) {
      return title;
    } else {
      out.append(title, i, len);
    }
    i += len;
  }
  return folded ? out : title;
}

std::string StripTagline(const std::string& title) {
  const size_t bar = title.find(" | ");
  if (bar == std::string::npos || WordCount(std::string_view(title).substr(0, bar)) < 3) {
    return title;
  }
  return title.substr(0, bar);
}

namespace {

// A visible headline that ends with the site's own name ("Best Exhibitions
// 2025 – Artlyst"), without it. Only a part that is the site name or host
// goes: a headline's own subtitle looks the same as a section name.
std::string StripSiteNameFromHeading(const std::string& heading, const std::string& site_name,
                                     const std::string& host) {
  const std::vector<std::string> parts = SplitTitle(heading);
  if (parts.size() < 2) return heading;
  std::string site_key = LooseKey(site_name);
  const std::string host_key = LooseKey(host.substr(0, host.rfind('.')));
  const std::string last = LooseKey(parts.back());
  if (last.empty() || (last != site_key && last != host_key)) return heading;
  const size_t end = heading.rfind(parts.back());
  if (end == std::string::npos) return heading;
  const std::string head = SqueezeWhitespace(std::string_view(heading).substr(0, end));
  // The separator before the site name goes too.
  for (std::string_view sep : kTitleSeparators) {
    const std::string_view trimmed = sep.substr(1, sep.size() - 2);
    if (head.size() > trimmed.size() &&
        head.compare(head.size() - trimmed.size(), trimmed.size(), trimmed) == 0) {
      return SqueezeWhitespace(std::string_view(head).substr(0, head.size() - trimmed.size()));
    }
  }
  return head;
}

// An h1 (`raw`, read as `heading` so far) that repeats a metadata title with
// its layout affixes ("Headline | Opinion", the <title> copied into a hidden
// h1) loses them as that title would. Only a " | " separates: dashes and
// colons join a headline's own parts.
std::string StripRepeatedAffixes(const std::string& raw, const std::string& heading,
                                 const std::vector<std::string>& raw_keys,
                                 const std::string& site_name, const std::string& host) {
  if (heading.find(" | ") == std::string::npos) return heading;
  if (std::find(raw_keys.begin(), raw_keys.end(), LooseKey(raw)) == raw_keys.end() &&
      std::find(raw_keys.begin(), raw_keys.end(), LooseKey(heading)) == raw_keys.end()) {
    return heading;
  }
  return StripSiteAffixes(heading, site_name, host);
}

// True when a heading is the site's name ("Human in the Loop" on the blog of
// that name): a masthead set in an h1, not the article's headline.
bool NamesSite(const std::string& heading, const std::string& site_name,
               const std::string& host) {
  const std::string key = LooseKey(heading);
  if (key.empty()) return false;
  const std::string host_key = LooseKey(host.substr(0, host.rfind('.')));
  return key == LooseKey(site_name) || key == host_key || key == LooseKey(host);
}

// The element before the h1 `h1` that shows the metadata title `title`, or
// nullptr: a blog that sets its headline in an h2 and uses h1 for headings in
// the text. The h1 then is part of the body, not the headline.
xmlNodePtr ShownBefore(const std::string& title, xmlNodePtr h1) {
  if (title.empty() || h1 == nullptr || h1->doc == nullptr) return nullptr;
  const xmlNodePtr shown = FindHeadlineElement(h1->doc, title);
  return shown != nullptr && shown != h1 && xmlXPathCmpNodes(shown, h1) == 1 ? shown : nullptr;
}

}  // namespace

// A label that the h1 sets apart in an element of its own before the
// headline ("<strong>Blog:</strong> Best Agencies", "<span>Title:</span>…"),
// which the metadata leaves out: returns the h1 without it when a metadata
// title (or its headline part) is exactly the rest; otherwise `heading`. A kicker written into the
// headline's own text ("Colleges: Former star…", "Dear Abby: …") stays:
// golds and metadata keep those.
std::string TrimSetApartLabel(xmlNodePtr h1, const std::string& heading,
                              const std::vector<std::string>& meta_keys) {
  xmlNodePtr first = h1 == nullptr ? nullptr : h1->children;
  while (first != nullptr && first->type == XML_TEXT_NODE &&
         SqueezeWhitespace(Chars(first->content)).empty()) {
    first = first->next;
  }
  if (first == nullptr || first->type != XML_ELEMENT_NODE) return heading;
  const std::string label = ElementText(first, 64);
  if (label.size() < 2 || label.back() != ':' || WordCount(label) > 2) return heading;
  // The rest of the headline after the label as the h1's text shows it.
  if (heading.compare(0, label.size(), label) != 0) return heading;
  const std::string rest = SqueezeWhitespace(std::string_view(heading).substr(label.size()));
  const std::string rest_key = LooseKey(rest);
  if (rest_key.empty() || WordCount(rest) < 2) return heading;
  for (const std::string& m : meta_keys) {
    if (m == rest_key) return rest;
  }
  return heading;
}

std::string ChooseTitle(const PageFacts& f, const JsonLdFacts& ld, const std::string& site_name,
                        const std::string& host, xmlNodePtr* title_node) {
  std::vector<std::string> meta_keys;
  std::vector<std::string> meta_texts;  // meta_keys[i] is LooseKey(meta_texts[i])
  std::vector<std::string> raw_keys;  // without the stripped variants
  // (itemprop=headline is left out: it is usually the h1 itself.)
  for (const std::string* t :
       {&ld.headline, &FirstMeta(f, "og:title"), &FirstMeta(f, "twitter:title"), &f.title_tag,
        &ld.name, &FirstMeta(f, "parsely-title"), &FirstMeta(f, "dc.title"),
        &FirstMeta(f, "sailthru.title"), &ld.page_name}) {
    if (t->empty()) continue;
    meta_keys.push_back(LooseKey(*t));
    meta_texts.push_back(*t);
    raw_keys.push_back(meta_keys.back());
    // The <title>'s headline part alone ("Headline | Section | Site").
    const std::string stripped = StripSiteAffixes(*t, site_name, host);
    if (stripped.size() != t->size()) {
      meta_keys.push_back(LooseKey(stripped));
      meta_texts.push_back(stripped);
    }
  }
  // A visible h1 that agrees with the metadata: the page shows it as the
  // headline. h1s in related-content containers count only when no other does.
  for (const bool allow_off_topic : {false, true}) {
    // Ranked by the best agreement, then by how many metadata titles agree.
    int best_score = 0, best_votes = 0;
    const Heading* best = nullptr;
    for (const Heading& h : f.h1s) {
      if (h.off_topic && !allow_off_topic) continue;
      // A masthead h1 agrees with the site part of a <title> only.
      if (NamesSite(h.text, site_name, host)) continue;
      const std::string key = LooseKey(h.text);
      int score = 0, votes = 0;
      for (const std::string& m : meta_keys) {
        const int a = Agreement(key, m);
        score = std::max(score, a);
        votes += a > 0 ? 1 : 0;
      }
      if (score > best_score || (score == best_score && score > 0 && votes > best_votes)) {
        best_score = score;
        best_votes = votes;
        best = &h;
      }
    }
    if (best != nullptr) {
      *title_node = best->node;
      std::string heading =
          StripSiteNameFromHeading(TrimHeadingLabel(best->text, raw_keys), site_name, host);
      heading = TrimSetApartLabel(best->node, heading, meta_keys);
      // An aggregator's headline with its source and comment count after it
      // is the metadata title that precedes them.
      for (const std::string& m : meta_texts) {
        if (m.size() < heading.size() && heading.compare(0, m.size(), m) == 0 &&
            IsSourceHostSuffix(std::string_view(heading).substr(m.size()))) {
          heading = m;
          break;
        }
      }
      heading = StripRepeatedAffixes(best->text, heading, raw_keys, site_name, host);
      // An h1 set in capitals is a typographic choice: a metadata title that
      // differs from it only in case gives the headline's own case.
      if (IsAllCaps(heading)) {
        const std::string lower = LowerAscii(heading);
        for (const std::string& m : meta_texts) {
          if (LowerAscii(m) == lower && !IsAllCaps(m)) return m;
        }
      }
      // The metadata's fuller wording when it only adds the year or the
      // count of a list: the search-facing title states what the page is.
      std::string fuller = WithYearOrCount(heading, meta_texts);
      if (!fuller.empty()) return fuller;
      return heading;
    }
  }
  // A single substantial h1 is the headline even when metadata words it
  // differently (metadata titles are often rewritten for search and social).
  std::vector<const Heading*> on_topic;
  for (const Heading& h : f.h1s) {
    if (h.off_topic) continue;
    // A template that renders the headline twice (desktop and mobile) has
    // one headline.
    const std::string key = LooseKey(h.text);
    bool repeated = false;
    for (const Heading* o : on_topic) repeated = repeated || LooseKey(o->text) == key;
    // A masthead or a one-word label ("Menu") is no candidate, nor a lead-in
    // that ends with a colon ("A message from our founder:", "LISTEN NOW:").
    if (NamesSite(h.text, site_name, host) || WordCount(h.text) < 2 || IsLeadIn(h.text)) continue;
    if (!repeated) on_topic.push_back(&h);
  }
  std::string meta_title;
  for (const std::string* t : {&ld.headline, &FirstMeta(f, "og:title"),
                               &FirstMeta(f, "twitter:title"), &f.itemprop_headline, &f.title_tag,
                               &ld.name}) {
    if (!t->empty()) {
      meta_title = StripSiteAffixes(*t, site_name, host);
      break;
    }
  }
  // Google's structured-data guidelines long capped `headline` at 110
  // characters, and SEO plugins cut it there: a JSON-LD headline near that
  // length that another metadata title continues is that title cut short.
  if (!meta_title.empty() && meta_title == ld.headline && meta_title.size() >= 90 &&
      meta_title.size() <= 110) {
    for (const std::string& m : meta_texts) {
      if (m.size() > meta_title.size() + 1 && m.compare(0, meta_title.size(), meta_title) == 0 &&
          m[meta_title.size()] == ' ') {
        meta_title = StripSiteAffixes(m, site_name, host);
        if (meta_title.size() <= ld.headline.size()) meta_title = ld.headline;
        break;
      }
    }
  }
  // With no on-topic h1 at all, a lone h1 libxml2 nested in an off-topic
  // container (an unclosed <aside> or <nav> before it) is the page's.
  if (on_topic.empty() && f.h1s.size() == 1 && !IsLeadIn(f.h1s[0].text)) {
    on_topic.push_back(&f.h1s[0]);
  }
  // Of several h1s, none of them worded as the metadata title, the first is
  // the headline: the later ones head promotions, teasers and sign-up boxes
  // ("Subscribe to …", "Free Email Course", a guide's list of stories).
  if (on_topic.size() > 1) on_topic.resize(1);
  // (A headline has words enough to say something and few enough to read at
  // a glance: an h1 of over 25 words is a paragraph set in it.)
  if (on_topic.size() == 1 && WordCount(on_topic[0]->text) >= 4 &&
      WordCount(on_topic[0]->text) <= 25 && !NamesSite(on_topic[0]->text, site_name, host)) {
    // The metadata spells a headline that the page shows in capitals or with
    // characters its encoding lost.
    for (const std::string& m : meta_texts) {
      if (SameWordsAsCapitals(on_topic[0]->text, m) ||
          SpellsWithLostCharacters(on_topic[0]->text, m)) {
        *title_node = on_topic[0]->node;
        return m;
      }
    }
    const xmlNodePtr shown = ShownBefore(meta_title, on_topic[0]->node);
    if (shown != nullptr) {
      *title_node = shown;
      return meta_title;
    }
    *title_node = on_topic[0]->node;
    return StripSiteNameFromHeading(on_topic[0]->text, site_name, host);
  }
  if (!meta_title.empty()) return meta_title;
  if (!on_topic.empty()) {
    *title_node = on_topic[0]->node;
    return StripSiteNameFromHeading(on_topic[0]->text, site_name, host);
  }
  return "";
}

}  // namespace libdiff::internal
