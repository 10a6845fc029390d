// Copyright 2026 The libdiff Authors.
//
// Authors (see meta_byline.h).

#include "extract/meta_byline.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/date.h"
#include "extract/meta_author.h"
#include "extract/meta_dom.h"
#include "extract/meta_title.h"

namespace libdiff::internal {
namespace {

// Visible author markup in document order from a start node: rel=author
// links, links to author pages, elements with a byline or author class.
// Off-topic containers are skipped. Read only when the structured sources
// and the "By …" line name nobody, so most pages never pay for it.
struct BylineMarkup {
  std::vector<TextCandidate> rel_authors;
  std::vector<TextCandidate> author_links;
  std::vector<TextCandidate> bylines;
  std::vector<TextCandidate> photos;  // alt texts of author photos
};

constexpr int kBoxLevels = 4;  // how far above the headline its container may start
constexpr size_t kMaxLabelGap = 600;  // bytes from an author label to the name line

bool InsideArticle(xmlNodePtr n) {
  for (xmlNodePtr a = n->parent; a != nullptr && a->type == XML_ELEMENT_NODE; a = a->parent) {
    if (NameOf(a) == "article") return true;
  }
  return false;
}

// True when `alt` reads as a person's name: two to four words, each opening
// with a capital (an initial "K." counts), no digits, and none of the words
// that describe a picture rather than name its subject.
bool LooksLikeName(std::string_view alt) {
  const std::string text = SqueezeWhitespace(alt);
  const size_t words = WordCount(text);
  if (words < 2 || words > 4 || text.size() > 60) return false;
  bool word_start = true;
  for (char c : text) {
    if (c >= '0' && c <= '9') return false;
    if (word_start && !(c >= 'A' && c <= 'Z') && static_cast<unsigned char>(c) < 0x80) {
      return false;
    }
    word_start = c == ' ';
  }
  const std::string lower = LowerAscii(text);
  for (std::string_view w : {"image", "photo", "picture", "avatar", "headshot", "logo",
                             "profile", "icon"}) {
    if (Contains(lower, w)) return false;
  }
  return true;
}

// An author box's or an author photo's class or id ("avatar", "author-img").
bool IsAvatarClass(std::string_view class_id) {
  static const RE2* avatar = new RE2("(?i)author|writer|avatar");
  return RE2::PartialMatch(class_id, *avatar);
}

// True when the image `img` (class `img_class`, alt text `name`) is an
// author's photo: it or one of its two nearest ancestors has an author or
// avatar class, or the text after it is a bio that opens with the name
// ("Jane Roe is a travel writer…").
bool IsAuthorPhoto(xmlNodePtr img, std::string_view img_class, const std::string& name) {
  if (IsAvatarClass(img_class)) return true;
  const std::string after = SqueezeWhitespace(TextAfterHeadline(img, 200));
  if (after.size() > name.size() && after.compare(0, name.size(), name) == 0) {
    const std::string_view rest = std::string_view(after).substr(name.size());
    if (rest.substr(0, 4) == " is " || rest.substr(0, 5) == " has ") return true;
  }
  xmlNodePtr a = img->parent;
  for (int up = 0; up < 2 && a != nullptr && a->type == XML_ELEMENT_NODE; ++up, a = a->parent) {
    std::string class_id;
    std::string_view itemprop;
    ReadCommonAttributes(a, /*want_class=*/true, &class_id, &itemprop);
    if (IsAvatarClass(class_id)) return true;
  }
  return false;
}

// The name an author's photo whose alt text names nobody ("Photo of author")
// stands over: the first line of text after it, when that reads as a name
// ("<img class='avatar'> <p>Jane Roe</p> <div>Licensed grader, M.A.</div>");
// "" otherwise.
std::string NameUnderAvatar(xmlNodePtr img) {
  const std::string after = TextAfterHeadline(img, 200);
  const std::string line = SqueezeWhitespace(after.substr(0, after.find('\n')));
  return LooksLikeName(line) ? line : "";
}

// The name heading an author box `box` (an element with an author class
// whose text is too long for a byline: the name, then a bio): its first
// h2-h6, <strong> or <b>, when that reads as a name; "" otherwise.
std::string AuthorBoxHeading(xmlNodePtr box) {
  const xmlNodePtr end = NextInOrder(box, false);
  int steps = 0;
  for (xmlNodePtr x = NextInOrder(box, true); x != nullptr && x != end && steps < 200;
       x = NextInOrder(x, true), ++steps) {
    if (x->type != XML_ELEMENT_NODE) continue;
    const std::string_view name = NameOf(x);
    if (name == "h2" || name == "h3" || name == "h4" || name == "h5" || name == "h6" ||
        name == "strong" || name == "b") {
      std::string text = SqueezeWhitespace(ElementText(x, 100));
      // A label heading ("About the author", "Author Spotlight") is skipped;
      // "About Jane Roe" names her.
      const std::string lower = LowerAscii(text);
      if (Contains(lower, "author") || Contains(lower, "writer")) continue;
      if (lower.compare(0, 6, "about ") == 0) text.erase(0, 6);
      return LooksLikeName(text) ? text : "";
    }
  }
  return "";
}

// True when an element's class and id ("mntl-bylines__group--finance_reviewer",
// "fact-checker", "medically-reviewed") mark the people who reviewed or
// checked the article: they did not write it.
bool IsReviewerGroup(std::string_view class_id) {
  if (class_id.empty()) return false;
  const std::string lower = LowerAscii(class_id);
  for (std::string_view mark : {"reviewer", "reviewed", "fact-check", "factcheck", "fact_check"}) {
    if (Contains(lower, mark)) return true;
  }
  return false;
}

BylineMarkup ScanBylineMarkup(xmlNodePtr start, size_t max_elements) {
  BylineMarkup m;
  std::string class_id;
  std::string_view itemprop;
  int order = 0;
  for (xmlNodePtr n = start; n != nullptr && static_cast<size_t>(order) < max_elements;) {
    if (n->type != XML_ELEMENT_NODE) {
      n = NextInOrder(n, true);
      continue;
    }
    ++order;
    const std::string_view name = NameOf(n);
    ReadCommonAttributes(n, /*want_class=*/true, &class_id, &itemprop);
    // An article's own <footer> (its author box, tags) is not the page's.
    const bool article_footer = name == "footer" && InsideArticle(n);
    if (name == "script" || name == "style" || name == "svg" || name == "noscript" ||
        name == "template" || (IsOffTopicContainer(name, class_id) && !article_footer) ||
        IsReviewerGroup(class_id)) {
      n = NextInOrder(n, false);
      continue;
    }
    if (name == "a") {
      if (Contains(AttrView(n, "rel"), "author")) {
        AddCandidate(&m.rel_authors, ElementText(n, kMaxBylineBytes), order);
      } else if (IsAuthorHref(AttrView(n, "href"))) {
        AddCandidate(&m.author_links, ElementText(n, kMaxBylineBytes), order);
      }
    }
    if (name == "img" && m.photos.size() < kMaxCandidates) {
      // The name only: a title or credentials follow a comma ("Jane Roe,
      // Staff Writer", "Jane Roe, RD").
      std::string alt = Attr(n, "alt");
      alt = alt.substr(0, alt.find(','));
      alt = SqueezeWhitespace(alt);
      if (LooksLikeName(alt) && IsAuthorPhoto(n, class_id, alt)) {
        AddCandidate(&m.photos, alt, order);
      } else if (IsAvatarClass(class_id)) {
        AddCandidate(&m.photos, NameUnderAvatar(n), order);
      }
    }
    if (IsBylineClass(class_id) && m.bylines.size() < kMaxCandidates) {
      std::string text = BlockText(n, kMaxBylineBytes * 2);
      if (!text.empty() && text.size() <= kMaxBylineBytes) {
        AddCandidate(&m.bylines, std::move(text), order);
      } else if (text.size() > kMaxBylineBytes && m.photos.size() < kMaxCandidates) {
        AddCandidate(&m.photos, AuthorBoxHeading(n), order);
      }
    }
    n = NextInOrder(n, true);
  }
  return m;
}

// The names of a "By …" byline in the text under the headline: the text
// after the first "By" within `window` bytes, as NormalizeAuthors cuts it.
std::vector<std::string> BylineNames(const std::string& text, const std::string& site_name,
                                     size_t window, std::vector<std::string>* organisations) {
  // "By" opening a line (a block element) or following a separator; "ByJane"
  // when the label and the name are separate inline elements. Only where the
  // names start is captured (the line is read below): a bounded repeat to the
  // end of the line made the match several times slower.
  static const RE2* by = new RE2(
      "(?m)(?:^|[|·•])[ \\t]*"
      "(?:(?i:(?:written|words|story|article|reporting|text)\\s+)?(?i:by)\\b"
      "[: \\t\\n]*|By)([^\\n])");
  // "posted on 2023-12-19 by Jane Roe", "Photos and Story By Jane Roe".
  static const RE2* labelled_by = new RE2(
      "(?m)^[^\\n]{0,80}\\b(?i:posted|published|written|story|words|reporting)\\b[^\\n]{0,60}?"
      "\\b(?i:by)[: \\t]+([A-Z][^\\n])");
  const std::string_view head = std::string_view(text).substr(0, window);
  const re2::StringPiece head_piece(head.data(), head.size());
  re2::StringPiece rest;
  if (!RE2::PartialMatch(head_piece, *by, &rest) &&
      !RE2::PartialMatch(head_piece, *labelled_by, &rest)) {
    return {};
  }
  // The line after "By", and the lines that continue its list of names
  // (inline links often end up on lines of their own).
  size_t start = static_cast<size_t>(rest.data() - text.data());
  std::string line;
  for (int lines = 0; lines < 8 && start < text.size() && line.size() < 200; ++lines) {
    const size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view next = std::string_view(text).substr(start, end - start);
    const bool continues = line.empty() || line.back() == ',' || line.back() == '&' ||
                           next.front() == ',' || next.front() == '&' ||
                           next.substr(0, 4) == "and " || next == "and" ||
                           (line.size() >= 4 && line.compare(line.size() - 4, 4, " and") == 0) ||
                           line == "and";
    if (!continues) break;
    if (!line.empty()) line += ' ';
    line += next;
    start = end + 1;
  }
  // Names start with a capital (or a non-ASCII letter); "by the way" does
  // not. A line of one lower-case word is a user name ("by ibby"), which
  // the cleaning accepts alone.
  if (line.empty()) return {};
  const bool capital = (line[0] >= 'A' && line[0] <= 'Z') ||
                       static_cast<unsigned char>(line[0]) >= 0x80;
  if (!capital && WordCount(SqueezeWhitespace(line)) != 1) return {};
  bool organisations_only = false;
  std::vector<std::string> names =
      NormalizeAuthors({line.substr(0, 300)}, site_name, &organisations_only);
  if (!organisations_only) return names;
  // "By The Meetingnotes Team": kept as the fallback, as other sources' are.
  if (organisations->empty()) *organisations = std::move(names);
  return {};
}

// The name after a date and a separator in the first lines under the
// headline, where a template shows "Dec. 19, 2025 · Niko Matsakis" or
// "2025-12-17 ·" above "Trond Teigen" with no "By": a person's name (two to
// four capitalised words) that is the rest of the line, a category after
// " in" aside ("Mahua Das in" / "Project Management"). Empty otherwise.
std::vector<std::string> NameAfterDate(const std::string& text, const std::string& site_name) {
  const std::string_view head = std::string_view(text).substr(0, 300);
  const std::vector<TextDate> dates = FindDatesInText(head, 1);
  if (dates.empty()) return {};
  const size_t line_end = std::min(head.find('\n', dates[0].offset), head.size());
  const std::string_view line = head.substr(dates[0].offset, line_end - dates[0].offset);
  size_t sep = std::string_view::npos, sep_len = 0;
  for (std::string_view s : {"\xC2\xB7", "\xE2\x80\xA2", "|"}) {  // · • |
    const size_t at = line.find(s);
    if (at != std::string_view::npos && at < sep) {
      sep = at;
      sep_len = s.size();
    }
  }
  // Only the date before the separator.
  if (sep == std::string_view::npos || sep > 40) return {};
  const std::string date_part = SqueezeWhitespace(line.substr(0, sep));
  const std::vector<TextDate> again = FindDatesInText(date_part, 1);
  if (again.empty() || NormalizeDate(date_part).empty()) return {};
  std::string name = SqueezeWhitespace(line.substr(sep + sep_len));
  if (name.empty() && line_end < text.size()) {
    const size_t next_end = std::min(text.find('\n', line_end + 1), text.size());
    name = SqueezeWhitespace(std::string_view(text).substr(line_end + 1, next_end - line_end - 1));
  }
  if (name.size() > 3 && name.compare(name.size() - 3, 3, " in") == 0) name.resize(name.size() - 3);
  if (!LooksLikeName(name)) return {};
  bool organisations_only = false;
  std::vector<std::string> names = NormalizeAuthors({name}, site_name, &organisations_only);
  // Nothing cut ("Six Minute Read" is no name).
  if (organisations_only || names.size() != 1 || LooseKey(names[0]) != LooseKey(name)) return {};
  return names;
}

// With no "By", a person's name right before the first date under the
// headline: on the date's line ("Daisy-Mae Schmitt Dec 05, 2023", the two
// inline neighbours; a separator between them goes), or alone on the line
// above a line that opens with the date ("Jane Roe\nMarch 3, 2025"). It
// must read as a full name and pass the cleaning whole ("Last Updated" is
// cut to nothing; "Food & Drink" is two parts).
std::vector<std::string> NameBeforeDate(const std::string& text, const std::string& site_name) {
  const std::string_view head = std::string_view(text).substr(0, 600);
  const std::vector<TextDate> dates = FindDatesInText(head, 1);
  if (dates.empty()) return {};
  const size_t date_at = dates[0].offset;
  size_t line_start = head.rfind('\n', date_at == 0 ? 0 : date_at - 1);
  line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
  std::string name = SqueezeWhitespace(head.substr(line_start, date_at - line_start));
  if (name.empty() && line_start >= 2) {
    size_t prev_start = head.rfind('\n', line_start - 2);
    prev_start = prev_start == std::string_view::npos ? 0 : prev_start + 1;
    name = SqueezeWhitespace(head.substr(prev_start, line_start - 1 - prev_start));
  }
  // A separator between the name and the date.
  for (std::string_view sep : {"\xC2\xB7", "\xE2\x80\xA2", "|", ",", "-", "\xE2\x80\x93"}) {
    if (name.size() > sep.size() && name.compare(name.size() - sep.size(), sep.size(), sep) == 0) {
      name = SqueezeWhitespace(name.substr(0, name.size() - sep.size()));
    }
  }
  if (!LooksLikeName(name)) return {};
  bool organisations_only = false;
  std::vector<std::string> names = NormalizeAuthors({name}, site_name, &organisations_only);
  if (organisations_only || names.size() != 1 || LooseKey(names[0]) != LooseKey(name)) return {};
  return names;
}

// A label naming the author in the line after it. `whole_line` labels count
// only as a line of their own ("Author" heading a details table), since the
// bare word opens ordinary sentences too.
struct AuthorLabel {
  std::string_view text;
  bool whole_line;
  bool bio = false;  // the line after it is a bio that opens with the name
};

// The name a bio opens with ("Jane Roe is a travel writer…"): the words before
// " is ", when they read as a person's full name; "" otherwise.
std::string NameOpeningBio(std::string_view line) {
  const size_t is = line.find(" is ");
  if (is == std::string_view::npos) return "";
  const std::string_view name = line.substr(0, is);
  return LooksLikeName(name) ? std::string(name) : "";
}

// True when `text[at, at + len)` is a line of its own (spaces around it and a
// colon after it aside).
bool IsWholeLine(std::string_view text, size_t at, size_t len) {
  size_t begin = at, end = at + len;
  while (begin > 0 && text[begin - 1] == ' ') --begin;
  while (end < text.size() && (text[end] == ' ' || text[end] == ':')) ++end;
  return (begin == 0 || text[begin - 1] == '\n') && (end == text.size() || text[end] == '\n');
}

// The line after a capitalised "Written by", "Article by", "Author:" or
// "Contributors:" label anywhere in the page (an author box under the article,
// a sidebar, a details list), or the next line when the label stands alone; ""
// when there is none. Read only when no other source names anybody.
// True when `line` is two or three capitals that are the initials of the
// words of the next non-blank line after `end` ("CP" before "Chengcheng
// Pei"): the letters an avatar shows when the author has no photo.
bool IsInitialsOfNextLine(std::string_view line, std::string_view text, size_t end) {
  if (line.size() < 2 || line.size() > 3) return false;
  for (char c : line) {
    if (c < 'A' || c > 'Z') return false;
  }
  size_t from = end;
  while (from < text.size() && (text[from] == '\n' || text[from] == ' ')) ++from;
  size_t stop = text.find('\n', from);
  if (stop == std::string_view::npos) stop = text.size();
  std::string initials;
  bool word_start = true;
  for (char c : text.substr(from, stop - from)) {
    if (c == ' ') {
      word_start = true;
    } else if (word_start) {
      initials.push_back(c);
      word_start = false;
    }
  }
  return initials == line;
}

std::string LabelledBylineInPage(const std::string& text) {
  static constexpr AuthorLabel kLabels[] = {
      // Before "Author:", which it ends with.
      {"About the Author", true, true}, {"About the author", true, true},
      {"Written by", false},   {"Article by", false},    {"Author:", false},
      {"Authors:", false},     {"Contributor:", false},  {"Contributors:", false},
      {"Author", true},        {"Authors", true},        {"Posted by", false}};
  for (const AuthorLabel& label : kLabels) {
    for (size_t at = FindAtWordStart(text, label.text, 0); at != std::string::npos;
         at = FindAtWordStart(text, label.text, at + 1)) {
      if (label.whole_line && !IsWholeLine(text, at, label.text.size())) continue;
      size_t from = at + label.text.size();
      // Up to the end of the line, or the next line when the label ends its
      // own (blank lines between them left by indented markup are skipped,
      // however many: they are bounded by bytes, not counted).
      const size_t stop = from + kMaxLabelGap;
      while (from < text.size() && from < stop) {
        size_t end = text.find('\n', from);
        if (end == std::string::npos) end = text.size();
        const std::string line = SqueezeWhitespace(std::string_view(text).substr(from, end - from));
        if (!line.empty() && line != ":") {
          // Another label ("Researched by") means the name was not text.
          const bool is_label = line.back() == ':' ||
                                (line.size() > 3 && line.compare(line.size() - 3, 3, " by") == 0);
          if (is_label) break;
          // An avatar's initials before the name ("CP" over "Chengcheng Pei").
          if (IsInitialsOfNextLine(line, text, end)) {
            from = end + 1;
            continue;
          }
          if (label.bio) {
            const std::string name = NameOpeningBio(line);
            if (!name.empty()) return name;
            break;  // a bio that does not open with the name: other labels
          }
          return line.substr(0, 200);
        }
        from = end + 1;
      }
    }
  }
  return "";
}

// The owner a copyright notice names with its year ("© 2025 Jane Roe. All
// rights reserved.", "Copyright 2025 © Jane Roe"), the last such notice in
// `text` (the page's footer); "" when none names somebody in words that read
// as a person's full name. A personal site signs its pages only there.
std::string CopyrightOwner(const std::string& text) {
  static const RE2 kNotice(
      "(?:(?:©|\\(c\\)|Copyright)\\s*(?:©\\s*)?(?:19|20)\\d\\d(?:\\s*[-–]\\s*(?:19|20)\\d\\d)?"
      "|(?:19|20)\\d\\d\\s*©)[ \\t]*(?:©[ \\t]*)?(?:by[ \\t]+)?([^\\n]{1,80})");
  std::string owner;
  re2::StringPiece input(text);
  re2::StringPiece match;
  while (RE2::FindAndConsume(&input, kNotice, &match)) {
    const std::string_view name(match.data(), match.size());
    // The name ends at the notice's punctuation or its "All rights reserved".
    size_t end = name.size();
    for (std::string_view stop : {",", "|", "·", " - ", " – ", "•", " All ", "(", ". "}) {
      size_t at = name.find(stop);
      // A middle initial's full stop ("Jane Q. Roe") is part of the name.
      while (stop == ". " && at != std::string_view::npos && at >= 2 && name[at - 2] == ' ' &&
             name[at - 1] >= 'A' && name[at - 1] <= 'Z') {
        at = name.find(stop, at + 1);
      }
      end = std::min(end, at);
    }
    std::string_view cut = name.substr(0, end);
    while (!cut.empty() && (cut.back() == '.' || cut.back() == ' ')) cut.remove_suffix(1);
    if (LooksLikeName(cut)) {
      owner = std::string(cut);
    } else {
      owner.clear();
    }
  }
  return owner;
}

// True when the host spells `name`, a person's full name: one of its labels
// (the top-level domain aside) is the name's words run together, all of them
// or the first and last ("tobyhede.com" for Toby Hede, "janeqroe.net" or
// "janeroe.net" for Jane Q. Roe), or, on a host of three labels or more, the
// first label is the first name (a blog platform's user: "owain.bearblog.dev").
// The first label of a two-label host is the name of a company as often as a
// person's ("acme.com" and "Acme Widgets"), so it is not enough.
bool HostSpellsName(std::string_view host, std::string_view name) {
  const size_t first_end = name.find(' ');
  const size_t last_start = name.rfind(' ');
  if (first_end == std::string_view::npos) return false;
  const std::string all = LooseKey(name);
  const std::string first = LooseKey(name.substr(0, first_end));
  const std::string first_last = first + LooseKey(name.substr(last_start + 1));
  std::vector<std::string_view> labels;
  for (size_t at = 0; at <= host.size();) {
    size_t dot = host.find('.', at);
    if (dot == std::string_view::npos) dot = host.size();
    labels.push_back(host.substr(at, dot - at));
    at = dot + 1;
  }
  if (labels.size() < 2) return false;
  for (size_t i = 0; i + 1 < labels.size(); ++i) {
    if (labels[i] == all || labels[i] == first_last) return true;
  }
  return labels.size() >= 3 && first.size() >= 3 && labels.front() == first;
}

// True when a site's name reads as its owner's: a person's full name
// (LooksLikeName) with no possessive ("Jan's Blog") and none of the function
// words of a title ("The Wood Whisperer", "Journey To College").
bool ReadsAsOwnersName(std::string_view name) {
  if (!LooksLikeName(name)) return false;
  const std::string lower = " " + LowerAscii(SqueezeWhitespace(name)) + " ";
  if (Contains(lower, "'s") || Contains(lower, "\u2019s")) return false;
  // "CODE FARM", "PSA Financial": an acronym or a logo in capitals.
  size_t capitals = 0;
  for (char c : name) {
    capitals = c >= 'A' && c <= 'Z' ? capitals + 1 : 0;
    if (capitals >= 3) return false;
  }
  for (std::string_view w : {" the ", " a ", " an ", " to ", " of ", " for ", " and ", " in ",
                             " on ", " at ", " by ", " with ", " be "}) {
    if (Contains(lower, w)) return false;
  }
  // A given and a family name, with at most an initial between them: a
  // longer name is a company's or a publication's ("Talking Home
  // Renovations", "Scottish Construction Now").
  std::vector<std::string_view> words;
  for (size_t at = 1; at < lower.size();) {
    const size_t space = lower.find(' ', at);
    if (space > at) words.push_back(std::string_view(lower).substr(at, space - at));
    at = space + 1;
  }
  if (words.size() == 3) {
    const std::string_view middle = words[1];
    return middle.size() == 1 || (middle.size() == 2 && middle[1] == '.');
  }
  return words.size() == 2;
}

// True when a link to the site's home page ("/", or the host's root) among
// the first 300 elements of the page has `key` (a LooseKey) as its text: the
// masthead of a site that goes by its owner's name.
bool HomeLinkReads(xmlDocPtr doc, std::string_view host, const std::string& key) {
  int seen = 0;
  for (xmlNodePtr n = xmlDocGetRootElement(doc); n != nullptr && seen < 300;
       n = NextInOrder(n, true)) {
    if (n->type != XML_ELEMENT_NODE) continue;
    ++seen;
    if (NameOf(n) != "a") continue;
    std::string_view href = AttrView(n, "href");
    if (href != "/" && href != "./") {
      const size_t scheme = href.find("://");
      if (scheme == std::string_view::npos || host.empty()) continue;
      href.remove_prefix(scheme + 3);
      if (href.compare(0, 4, "www.") == 0) href.remove_prefix(4);
      if (href.compare(0, host.size(), host) != 0) continue;
      href.remove_prefix(host.size());
      if (!href.empty() && href != "/") continue;
    }
    if (LooseKey(ElementText(n, 200)) == key) return true;
  }
  return false;
}

// LooseKey of a name without an honorific in front ("Dr Jane Roe" and "Jane
// Roe" are one person).
std::string NameKey(std::string_view name) {
  const size_t space = name.find(' ');
  if (space != std::string_view::npos) {
    const std::string first = LowerAscii(name.substr(0, space));
    for (std::string_view h : {"dr", "dr.", "prof", "prof.", "professor", "mr", "mr.", "mrs",
                               "mrs.", "ms", "ms.", "sir", "dame"}) {
      if (first == h) return LooseKey(name.substr(space + 1));
    }
  }
  return LooseKey(name);
}

bool Covers(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (const std::string& y : b) {
    bool found = false;
    for (const std::string& x : a) found = found || NameKey(x) == NameKey(y);
    if (!found) return false;
  }
  return true;
}

// True when every name in `names` is written in a line that opens with "By "
// in the first `window` bytes of `text`: a line of its own ("By A ... By B")
// or one line for all ("By A and B", "By A, B & C"), each name after "By",
// "and", "&" or a comma; an editor's "Edited by" or a "Contributions from"
// does not count.
bool ShownNear(const std::vector<std::string>& names, const std::string& text, size_t window) {
  const std::string_view head = std::string_view(text).substr(0, window);
  std::vector<std::string_view> by_lines;
  for (size_t start = 0; start < head.size();) {
    size_t end = head.find('\n', start);
    if (end == std::string_view::npos) end = head.size();
    const std::string_view line = head.substr(start, end - start);
    if (line.size() > 3 && line.compare(0, 3, "By ") == 0) by_lines.push_back(line);
    start = end + 1;
  }
  for (const std::string& n : names) {
    bool found = false;
    for (std::string_view line : by_lines) {
      const size_t at = line.find(n);
      if (at == std::string_view::npos) continue;
      // The whole name: not the start of a longer word ("Ann" in "Anna").
      const bool whole = at + n.size() == line.size() ||
                         !std::isalpha(static_cast<unsigned char>(line[at + n.size()]));
      const std::string_view before = line.substr(0, at);
      bool joined = false;
      for (std::string_view j : {"By ", " and ", " & ", ", "}) {
        joined = joined || (before.size() >= j.size() &&
                            before.compare(before.size() - j.size(), j.size(), j) == 0);
      }
      found = found || (whole && joined);
    }
    if (!found) return false;
  }
  return true;
}

bool SharesName(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (const std::string& x : a) {
    const std::string kx = NameKey(x);
    for (const std::string& y : b) {
      if (kx == NameKey(y)) return true;
    }
  }
  return false;
}

// True when the "By" line under the headline names other people than the
// structured list does, each in a full name ("By: Paul Fenaroli" where the
// author <meta> names the account that posted it), and none of its names
// runs a structured name into other words ("Jane Roe Showbiz").
bool ShownInstead(const std::vector<std::string>& byline,
                  const std::vector<std::string>& structured) {
  for (const std::string& b : byline) {
    if (!LooksLikeName(b)) return false;
    const std::string kb = NameKey(b);
    for (const std::string& s : structured) {
      const std::string ks = NameKey(s);
      if (kb.compare(0, ks.size(), ks) == 0 || ks.compare(0, kb.size(), kb) == 0) return false;
    }
  }
  return true;
}

// True when `s` could be a name as a site writes it: one to three words of
// letters (and '.', '-', '\''), 40 bytes at most.
bool WrittenAsAName(std::string_view s) {
  if (s.empty() || s.size() > 40 || WordCount(s) > 3) return false;
  for (char c : s) {
    const unsigned char u = static_cast<unsigned char>(c);
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || u >= 0x80 || c == ' ' ||
                    c == '.' || c == '-' || c == '\'';
    if (!ok) return false;
  }
  return true;
}

// True for a post-nominal credential as bylines write them ("MD", "M.D.",
// "Ph.D.", "RDN", "PA-C", "CFP"). A closed list: an all-capital word after a
// name is as often the outlet ("Jane Roe, CNN") or a job ("CEO").
bool IsShownCredential(std::string_view word) {
  static constexpr std::string_view kCredentials[] = {
      // Medicine, nursing and dietetics.
      "MD", "DO", "PhD", "MPH", "MS", "MSc", "MA", "MBA", "RD", "RDN", "LD", "LDN", "CDN", "CDE",
      "CDCES", "CSSD", "RN", "BSN", "MSN", "NP", "FNP", "APRN", "DNP", "PA-C", "DVM", "VMD", "DDS",
      "DMD", "OD", "PharmD", "DPT", "OTR", "CSCS", "LCSW", "LPC", "LMFT", "LMHC", "PsyD", "EdD",
      "IBCLC", "CHES", "FACP", "FACS", "FAAP", "FACC", "FAND", "FACLM", "FOMA", "DABOM", "DACVB",
      "DACVIM", "LVT", "VTS", "CVT",
      // Finance, law, security, fitness, degrees.
      "CFP", "CFA", "CPA", "ChFC", "CLU", "CPWA", "CIMA", "CAIA", "RICP", "JD", "Esq", "LLM",
      "CPP", "PSP", "CISSP", "CISM", "CISA", "PMP", "RYT", "E-RYT", "BA", "BS", "BSc", "MEd",
      "MFA"};
  if (word.size() < 2 || word.size() > 8) return false;
  std::string bare;
  for (char c : word) {
    if (c != '.') bare.push_back(c);
  }
  for (std::string_view c : kCredentials) {
    if (bare == c) return true;
  }
  return false;
}

// `name` without the credentials after it ("Jane Roe, M.D." -> "Jane Roe").
std::string_view BareName(std::string_view name) {
  while (true) {
    const size_t space = name.rfind(' ');
    if (space == std::string_view::npos || !IsShownCredential(name.substr(space + 1))) break;
    name = name.substr(0, space);
    while (!name.empty() && (name.back() == ',' || name.back() == ' ')) name.remove_suffix(1);
  }
  return name;
}

// `name` with the credentials that the first mention of it under the
// headline writes after it ("Dylan Bailey, MS, RD, FAND", "Jeffrey A.
// Slotnick CPP, PSP"), or without any when that mention has none; `name`
// when the text does not mention it. A name's credentials belong to it as
// the byline shows it: structured copies carry them or not whatever the
// byline shows ("By Lauren Manaker" beside a JSON-LD "Lauren Manaker MS,
// RDN, LD"), and an author card further down may repeat them.
std::string WithShownCredentials(const std::string& name, std::string_view text) {
  const std::string_view bare = BareName(name);
  if (bare.size() < 4) return name;
  auto is_letter = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           static_cast<unsigned char>(c) >= 0x80;
  };
  size_t at = text.find(bare);
  while (at != std::string_view::npos && at > 0 && is_letter(text[at - 1])) {
    at = text.find(bare, at + 1);
  }
  if (at == std::string_view::npos) return name;
  size_t end = at + bare.size();
  if (end < text.size() && is_letter(text[end])) return name;
  while (end < text.size()) {
    size_t p = end;
    if (text[p] == ',') ++p;
    if (p >= text.size() || text[p] != ' ') break;
    ++p;
    size_t q = p;
    while (q < text.size() && text[q] != ' ' && text[q] != ',' && text[q] != '\n') ++q;
    const std::string_view word = text.substr(p, q - p);
    if (!IsShownCredential(word)) break;
    end = q;
    // A yoga teacher's registration carries its hours ("E-RYT 200").
    if (word.size() >= 3 && word.substr(word.size() - 3) == "RYT" && q + 4 <= text.size() &&
        text[q] == ' ' && std::isdigit(static_cast<unsigned char>(text[q + 1])) &&
        std::isdigit(static_cast<unsigned char>(text[q + 2])) &&
        std::isdigit(static_cast<unsigned char>(text[q + 3])) &&
        (q + 4 == text.size() || !std::isdigit(static_cast<unsigned char>(text[q + 4])))) {
      end = q + 4;
    }
  }
  return std::string(text.substr(at, end - at));
}

std::vector<std::string> ChooseAuthorNames(xmlDocPtr doc, const PageFacts& f,
                                           const JsonLdFacts& ld, const std::string& site_name,
                                           const std::string& host, xmlNodePtr title_node,
                                           int title_order,
                                           const std::string& text_after_headline);

}  // namespace

// Authors from the first source naming a person, in this order: JSON-LD,
// author <meta> tags, then visible markup near the headline (a "By …" line,
// itemprop=author, rel=author, author-page links, byline classes). A visible
// "By …" line that shares a name with the structured list replaces it: the
// page shows who wrote it (structured lists often add editors or drop
// co-authors); so does one that names only other people in full names (the
// structured list names the account that posted it). A source naming only
// organisations is kept as the fallback. Each name then carries the
// credentials its byline writes after it (WithShownCredentials).
std::vector<std::string> ChooseAuthors(xmlDocPtr doc, const PageFacts& f, const JsonLdFacts& ld,
                                       const std::string& site_name, const std::string& host,
                                       xmlNodePtr title_node, int title_order,
                                       const std::string& text_after_headline) {
  std::vector<std::string> authors =
      ChooseAuthorNames(doc, f, ld, site_name, host, title_node, title_order, text_after_headline);
  // A credential the name lists reach as a part of their own ("Jane Roe,
  // Ph.D." split at its comma) goes back to the name as the byline shows it.
  authors.erase(std::remove_if(authors.begin(), authors.end(),
                               [](const std::string& a) { return IsShownCredential(a); }),
                authors.end());
  for (std::string& name : authors) name = WithShownCredentials(name, text_after_headline);
  return authors;
}

namespace {

// Citation tags (Google Scholar's `citation_author`) write one author per
// tag, often surname first: "Roy, Aniruddha" is Aniruddha Roy, not two
// people. Each value of one to three words either side of a single comma,
// the second part no credential or generational suffix ("Jr."), is turned
// round; a "citation_authors" list
// of them separated by ';' is split first. Other values pass as they are.
std::vector<std::string> CitationNames(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const std::string& value : values) {
    size_t start = 0;
    while (start <= value.size()) {
      size_t end = value.find(';', start);
      if (end == std::string::npos) end = value.size();
      std::string one = SqueezeWhitespace(std::string_view(value).substr(start, end - start));
      start = end + 1;
      if (one.empty()) continue;
      const size_t comma = one.find(',');
      if (comma != std::string::npos && one.find(',', comma + 1) == std::string::npos &&
          !Contains(one, " and ") && !Contains(one, "&")) {
        const std::string last = SqueezeWhitespace(std::string_view(one).substr(0, comma));
        const std::string first = SqueezeWhitespace(std::string_view(one).substr(comma + 1));
        const size_t last_words = WordCount(last), first_words = WordCount(first);
        if (last_words >= 1 && last_words <= 3 && first_words >= 1 && first_words <= 3 &&
            first[0] >= 'A' && first[0] <= 'Z' && !IsShownCredential(first) &&
            first != "Jr." && first != "Jr" && first != "Sr." && first != "Sr" &&
            first != "II" && first != "III" && first != "IV" &&
            BareName(first).size() == first.size()) {
          one = first + " " + last;
        }
      }
      out.push_back(std::move(one));
    }
  }
  return out;
}

std::vector<std::string> ChooseAuthorNames(xmlDocPtr doc, const PageFacts& f,
                                           const JsonLdFacts& ld, const std::string& site_name,
                                           const std::string& host, xmlNodePtr title_node,
                                           int title_order,
                                           const std::string& text_after_headline) {
  std::vector<std::string> organisations;
  auto from = [&site_name, &organisations](const std::vector<std::string>& raw) {
    bool organisations_only = false;
    std::vector<std::string> names = NormalizeAuthors(raw, site_name, &organisations_only);
    if (organisations_only) {
      if (organisations.empty()) organisations = std::move(names);
      return std::vector<std::string>();
    }
    return names;
  };
  // Visible candidates nearest after the headline (or the first ones).
  auto near_title = [](const std::vector<TextCandidate>& list, int after) {
    std::vector<std::string> raw;
    const TextCandidate* first_after = nullptr;
    for (const TextCandidate& c : list) {
      if (c.order > after) {
        first_after = &c;
        break;
      }
    }
    const TextCandidate* anchor = first_after != nullptr ? first_after
                                  : list.empty()         ? nullptr
                                                         : &list.front();
    if (anchor == nullptr) return raw;
    // Names listed together ("A, B and C" as separate links) sit close together.
    for (const TextCandidate& c : list) {
      if (c.order >= anchor->order && c.order <= anchor->order + 40) raw.push_back(c.text);
    }
    return raw;
  };
  const std::vector<std::string> byline =
      BylineNames(text_after_headline, site_name, 600, &organisations);
  std::vector<std::string> structured = from(ld.authors);
  for (const char* key : {"author", "article:author", "dc.creator", "parsely-author",
                          "sailthru.author", "byl", "dcterms.creator", "citation_author",
                          "og:article:author", "cxenseparse:author", "twitter:creator"}) {
    if (!structured.empty()) break;
    // The site's own handle ("@shopwithselect" for both) is no author.
    if (std::string_view(key) == "twitter:creator" &&
        LooseKey(FirstMeta(f, key)) == LooseKey(FirstMeta(f, "twitter:site"))) {
      continue;
    }
    auto it = f.meta.find(key);
    if (it == f.meta.end()) continue;
    structured = std::string_view(key) == "citation_author" ? from(CitationNames(it->second))
                                                            : from(it->second);
  }
  // A paper's citation tags list all its authors where DC.Creator and the
  // author <meta> often give only the first: the fuller list that covers
  // the first wins.
  for (const char* key : {"citation_author", "citation_authors"}) {
    if (structured.empty()) break;
    auto it = f.meta.find(key);
    if (it == f.meta.end() || it->second.size() <= structured.size()) continue;
    std::vector<std::string> all = NormalizeAuthors(CitationNames(it->second), site_name);
    if (all.size() > structured.size() && Covers(all, structured)) structured = std::move(all);
  }
  // Yoast-style share labels: twitter:label1 "Written by", twitter:data1 the name.
  for (const char* n : {"1", "2", "3"}) {
    if (!structured.empty()) break;
    const std::string label = LowerAscii(FirstMeta(f, (std::string("twitter:label") + n).c_str()));
    if (label == "written by" || label == "author" || label == "by") {
      auto it = f.meta.find(std::string("twitter:data") + n);
      if (it != f.meta.end()) structured = from(it->second);
    }
  }
  if (!structured.empty()) {
    if (byline.empty()) return structured;
    if (!SharesName(byline, structured)) {
      return ShownInstead(byline, structured) ? byline : structured;
    }
    // Co-authors shown in bylines of their own under the headline ("By A ...
    // By B"): the structured list names them all.
    return Covers(structured, byline) && ShownNear(structured, text_after_headline, 600)
               ? structured
               : byline;
  }
  if (!byline.empty()) return byline;
  std::vector<std::string> dated = NameAfterDate(text_after_headline, site_name);
  if (!dated.empty()) return dated;
  // Weaker than a structured organisation ("Design Style" above the date
  // is the section of a page the "Editorial Team" signs).
  if (organisations.empty()) {
    dated = NameBeforeDate(text_after_headline, site_name);
    if (!dated.empty()) return dated;
  }
  std::vector<std::string> authors = from(near_title(f.itemprop_authors, title_order));
  if (!authors.empty()) return authors;
  // Markup from `start` on: rel=author links, then author-page links, then
  // byline classes. The scan counts elements from `start`, not from the top
  // of the page as `title_order` does, so every candidate is after it.
  auto from_markup = [&from, &near_title](xmlNodePtr start) {
    const BylineMarkup markup = ScanBylineMarkup(start, 1500);
    for (const std::vector<TextCandidate>* list :
         {&markup.rel_authors, &markup.author_links, &markup.bylines, &markup.photos}) {
      std::vector<std::string> names = from(near_title(*list, 0));
      if (!names.empty()) return names;
    }
    return std::vector<std::string>();
  };
  authors = from_markup(title_node != nullptr ? title_node : xmlDocGetRootElement(doc));
  if (!authors.empty()) return authors;
  // An author box set above the headline (a header with the avatar and name
  // first): the headline's container, read from its start.
  if (title_node != nullptr) {
    xmlNodePtr box = title_node;
    for (int up = 0; up < kBoxLevels && box->parent != nullptr &&
                     box->parent->type == XML_ELEMENT_NODE && NameOf(box->parent) != "body";
         ++up) {
      box = box->parent;
    }
    if (box != title_node) {
      authors = from_markup(box);
      if (!authors.empty()) return authors;
    }
  }
  // The page's text, read only when the sources above name nobody.
  std::string page_text;
  bool page_text_read = false;
  auto page = [&doc, &page_text, &page_text_read]() -> const std::string& {
    if (!page_text_read) {
      page_text_read = true;
      const xmlNodePtr root = xmlDocGetRootElement(doc);
      if (root != nullptr) page_text = PageBlockText(root, size_t{1} << 19);
    }
    return page_text;
  };
  if (organisations.empty()) {
    const std::string labelled = LabelledBylineInPage(page());
    if (!labelled.empty()) {
      authors = from({labelled});
      if (!authors.empty()) return authors;
    }
  }
  // Last, the JSON-LD author as written when the cleaning above rejected it
  // and nothing else names anybody: a person written in lower case
  // ("kirstin boatto") or a desk the site signs with ("Staff Clinician").
  // A WebPage's author (no article object names one): after what the page
  // shows, since sites put their company there too.
  if (organisations.empty()) {
    authors = from(ld.page_authors);
    if (!authors.empty()) return authors;
  }
  const std::vector<std::string>& ld_authors = ld.authors.empty() ? ld.page_authors : ld.authors;
  if (organisations.empty() && !ld_authors.empty()) {
    const std::string name = SqueezeWhitespace(ld_authors.front());
    if (WrittenAsAName(name)) return {name};
  }
  // A personal site, named after its owner and signing its pages only with
  // that name (its site name, its copyright notice), when the host spells it
  // or the page's masthead is that name (an h1 other than the headline).
  auto masthead = [&f, &doc, &host, title_node](const std::string& name) {
    const std::string key = LooseKey(name);
    for (const Heading& h : f.h1s) {
      if (h.node != title_node && LooseKey(h.text) == key) return true;
    }
    return HomeLinkReads(doc, host, key);
  };
  if (organisations.empty()) {
    for (const std::string& name : {site_name, CopyrightOwner(page())}) {
      if (!ReadsAsOwnersName(name) || !(HostSpellsName(host, name) || masthead(name))) continue;
      bool organisation = false;
      std::vector<std::string> owner = NormalizeAuthors({name}, "", &organisation);
      // Whole: "Thomson Reuters" is not "Thomson" once the agency is cut.
      if (!organisation && owner.size() == 1 && LooseKey(owner[0]) == LooseKey(name)) {
        return owner;
      }
    }
  }
  return organisations;
}

}  // namespace

}  // namespace libdiff::internal
