// Copyright 2026 The libdiff Authors.

#include "extract/meta_author.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>

namespace libdiff::internal {
namespace {

struct AuthorPatterns {
  // Removed anywhere.
  RE2 email{"[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+"};
  RE2 url{"(?i)\\bhttps?://\\S+|\\bwww\\.\\S+"};
  RE2 handle{"(?:^|\\s)@\\w+"};
  // Where a byline stops being names.
  RE2 cut{
      "(?i)\\s\\|\\s|\\||·|•|⋅|\\n|\\b(?:published|updated|posted|last updated|modified|"
      "photographs?|photos?|illustrations?|images?|video|graphics?|contact|follow|"
      "read more|more from|more stories|view all|see all|twitter|email|e-mail|"
      "min read|minutes? read|filed|contributions?|contributing|edited|reviewed|"
      "additional reporting|fact[- ]checked|share|comments?|listen)\\b|"
      "\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2}\\b|"
      "\\b\\d{1,2}:\\d{2}\\b|\\b(?:19|20)\\d{2}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b|"
      "\\b\\d+\\s+(?:hours?|minutes?|days?)\\s+ago\\b"};
  RE2 label{
      "(?i)^\\s*(?:(?:(?:written|words|story|article|text|reporting|reported|report|posted|"
      "compiled|edited|reviewed|interview|analysis|commentary|opinion|column)\\s+by)|"
      "by|from|authors?|bylines?|contributors?|writers?|credits?)\\b\\s*[:,\\-–—]?\\s*"};
  // "+" joins names only with a space before it: "10+ Years" is a count.
  RE2 split{"(?i)\\s*(?:,|;|&|\\||/|\\band\\b|\\bwith\\b)\\s*|\\s+\\+\\s*"};
  // A byline naming a group of writers as a whole: "The Investopedia Team",
  // "Slate Staff", "TOI Lifestyle Desk", "Sun Sentinel Editorial Board",
  // "Team EBONY". A bare "Staff" or "Team" names nobody, and "Chicago Tribune
  // staff" describes the writers rather than signing as them.
  RE2 collective{
      "^(?:(?i:the|our)\\s+)?(?:[^\\s,;|]+\\s+){1,4}"
      "(?:(?i:editorial\\s+|news\\s+)?(?i:team|desk|editors|board)|"
      "Staff)$|^Team\\s+[^\\s,;|]+$"};
};

const AuthorPatterns& Patterns() {
  static const AuthorPatterns* p = new AuthorPatterns();
  return *p;
}

// Words that make a part a job title or a desk, not a person.
bool IsRoleWord(std::string_view w) {
  static constexpr std::string_view kRoles[] = {
      "writer",     "writers",      "reporter",    "reporters",   "correspondent",
      "correspondents", "editor",   "editors",     "contributor", "contributors",
      "columnist",  "officer",      "director",    "producer",    "staff",
      "analyst",    "head",         "chief",       "president",   "founder",
      "manager",    "photographer", "intern",      "fellow",      "critic",
      "anchor",     "host",         "senior",      "associate",   "executive",
      "contributing", "freelance",  "journalist",  "editorial",   "newsroom",
      "desk",       "team",         "guest",       "special",     "author",
      "professor",  "researcher",   "ceo",         "cto",         "bio",
      "biography",  "profile",      "articles",    "posts",       "vp",
      "attorney",   "consultant",   "cofounder",   "editorinchief", "learn",
      "choose",     "consultants",  "expert",      "experts",     "specialist",
      "reviewer",   "strategist",   "advisor",     "adviser",     "dietitian",
      "nutritionist", "physician",   "admin",       "administrator", "webmaster",
  };
  std::string lw = LowerAscii(w);
  // "Co-Founder" and "Editor-in-Chief" are read without their hyphens.
  lw.erase(std::remove(lw.begin(), lw.end(), '-'), lw.end());
  for (std::string_view r : kRoles) {
    if (lw == r) return true;
  }
  return false;
}

size_t WordsIn(std::string_view s) {
  size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    if (c != ' ' && !in_word) ++words;
    in_word = c != ' ';
  }
  return words;
}

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    const size_t start = i;
    while (i < s.size() && s[i] != ' ') ++i;
    if (i > start) words.push_back(s.substr(start, i - start));
  }
  return words;
}

// Trims spaces and punctuation that cannot begin or end a name.
std::string TrimName(std::string_view s) {
  auto edge = [](char c) {
    return c == ' ' || c == ',' || c == ':' || c == '-' || c == '"' || c == '\'' || c == '(' ||
           c == ')' || c == '[' || c == ']' || c == '*';
  };
  // A final '.' stays: it ends an initial or an abbreviation ("Jr.", "Ph.D.").
  // A closing parenthesis stays when it closes one in the name
  // ("Jean-Luc Aufranc (CNXSoft)").
  auto edge_at_end = [&edge, &s](char c) {
    return edge(c) && !(c == ')' && s.find('(') != std::string_view::npos);
  };
  while (!s.empty() && (edge(s.front()) || s.front() == '.')) s.remove_prefix(1);
  // A final '.' on its own ("Jeff Cobb .") is punctuation, not an initial.
  while (!s.empty() && (edge_at_end(s.back()) ||
                        (s.back() == '.' && s.size() >= 2 && s[s.size() - 2] == ' '))) {
    s.remove_suffix(1);
  }
  // Typographic dashes and quotes at the edges (3-byte UTF-8 sequences).
  for (std::string_view q : {"\u2013", "\u2014", "\u201c", "\u201d", "\u2018", "\u2019"}) {
    while (s.size() >= q.size() && s.substr(s.size() - q.size()) == q) {
      s.remove_suffix(q.size());
      while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    }
    while (s.size() >= q.size() && s.substr(0, q.size()) == q) {
      s.remove_prefix(q.size());
      while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    }
  }
  // The preposition left before a date the byline was cut at ("Jane Roe on
  // December 5", "Jane Roe at 10:20").
  for (std::string_view tail : {" on", " at", " in"}) {
    if (s.size() > tail.size() + 2 && s.substr(s.size() - tail.size()) == tail) {
      s.remove_suffix(tail.size());
      while (!s.empty() && edge_at_end(s.back())) s.remove_suffix(1);
      break;
    }
  }
  return std::string(s);
}

bool LooksLikeDomain(std::string_view s) {
  if (s.find(' ') != std::string_view::npos) return false;
  const size_t dot = s.rfind('.');
  return dot != std::string_view::npos && dot > 0 && s.size() - dot >= 3;
}

bool IsNameParticle(std::string_view w) {
  static constexpr std::array<std::string_view, 14> kParticles = {
      "de", "da", "do", "dos", "van", "von", "der", "den", "la", "le", "di", "del", "du", "al"};
  for (std::string_view p : kParticles) {
    if (w == p) return true;
  }
  return false;
}

// Words that make a part an institution or a publication.
bool IsOrganisationWord(std::string_view w) {
  static constexpr std::array<std::string_view, 56> kWords = {
      "Institute", "Institutes", "University", "Department", "Agency", "Center", "Centre",
      "Ministry", "Council", "School", "Hospital", "Foundation", "Association", "Inc", "Inc.",
      "Ltd", "Ltd.", "Corp", "Corp.", "Company", "Technologies", "Newspapers", "Times",
      "Report", "Press", "Network", "Journal", "Gazette", "Tribune", "Herald", "Newsroom",
      "Office", "Resources", "Services", "Solutions", "Consulting", "Coaching", "Group",
      "Partners", "Insurance", "Energy", "Foods", "Ingredients", "Store", "Reviews", "Guides",
      "Studio", "Studios", "Labs", "Media", "Magazine", "Academy", "College", "Society",
      "Community", "Desktop"};
  for (std::string_view o : kWords) {
    if (w == o) return true;
  }
  return false;
}

bool IsNewsAgency(std::string_view key) {
  static constexpr std::array<std::string_view, 12> kAgencies = {
      "associatedpress", "theassociatedpress", "ap", "reuters", "thomsonreuters", "afp",
      "agencefrancepresse", "upi", "unitedpressinternational", "dpa", "ansa", "efe"};
  for (std::string_view a : kAgencies) {
    if (key == a) return true;
  }
  return false;
}

// True for an all-capital word of two to four letters ("MD", "RDN"), other
// than a generational suffix ("II", "III", "IV").
bool IsCredential(std::string_view word) {
  if (word.size() < 2 || word.size() > 4) return false;
  if (word == "II" || word == "III" || word == "IV") return false;
  for (char c : word) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

// Drops trailing academic or professional credentials: all-capital words of
// two to four letters after a name of at least two words ("Jane Roe MS").
std::string StripCredentials(std::string name) {
  while (true) {
    const size_t space = name.rfind(' ');
    if (space == std::string::npos || WordsIn(name.substr(0, space)) < 2) return name;
    if (!IsCredential(std::string_view(name).substr(space + 1))) return name;
    name.resize(space);
    while (!name.empty() && (name.back() == ' ' || name.back() == ',')) name.pop_back();
  }
}

// "John O'Connor The Associated Press" -> "John O'Connor".
std::string StripAgencySuffix(std::string name) {
  for (std::string_view agency :
       {" The Associated Press", " Associated Press", " Reuters", " AFP"}) {
    if (name.size() > agency.size() + 3 &&
        name.compare(name.size() - agency.size(), agency.size(), agency) == 0) {
      name.resize(name.size() - agency.size());
      while (!name.empty() && (name.back() == ' ' || name.back() == ',')) name.pop_back();
      return name;
    }
  }
  return name;
}

// A blog's user name: one word of 4 to 30 lower-case letters, '_' or '.'.
bool IsUserName(std::string_view s) {
  if (s.size() < 4 || s.size() > 30) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || c == '_' || c == '.')) return false;
  }
  // A template's unfilled placeholder ("page.head.extra.author").
  return s.find("author") == std::string_view::npos;
}

bool IsCollectiveByline(std::string_view s) {
  return RE2::FullMatch(re2::StringPiece(s.data(), s.size()), Patterns().collective);
}

// True when `w` names a weekday or a month, in full or abbreviated, with or
// without a full stop ("Sat", "Tues.", "December"). ("May" and "June" are
// given names too, but never alone in a byline.)
bool IsDayOrMonthName(std::string_view w) {
  if (!w.empty() && w.back() == '.') w.remove_suffix(1);
  const std::string lw = LowerAscii(w);
  static constexpr std::string_view kNames[] = {
      "monday",  "tuesday", "wednesday", "thursday", "friday",   "saturday", "sunday",
      "mon",     "tue",     "tues",      "wed",      "thu",      "thur",     "thurs",
      "fri",     "sat",     "sun",       "january",  "february", "march",    "april",
      "june",    "july",    "august",    "september", "october", "november", "december",
      "jan",     "feb",     "mar",       "apr",      "may",      "jun",      "jul",
      "aug",     "sep",     "sept",      "oct",      "nov",      "dec"};
  for (std::string_view n : kNames) {
    if (lw == n) return true;
  }
  return false;
}

enum class PartKind { kName, kOrganisation, kReject };

// `whole` is true when `part` is the whole byline, not one item of a list.
PartKind Classify(std::string_view part, std::string_view site_key, bool whole) {
  if (part.empty() || part.size() > 60) return PartKind::kReject;
  if (IsCollectiveByline(part)) return PartKind::kOrganisation;
  bool letter = false;
  for (char c : part) {
    if (c >= '0' && c <= '9') return PartKind::kReject;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80) {
      letter = true;
    }
  }
  if (!letter) return PartKind::kReject;
  const std::vector<std::string_view> words = Words(part);
  if (words.empty() || words.size() > 6) return PartKind::kReject;
  for (std::string_view w : words) {
    if (IsRoleWord(w)) return PartKind::kReject;
  }
  // A day or a month alone ("Sat" of "Sat, 20 Dec, 2025" in a byline
  // element) is a date's part.
  if (words.size() == 1 && IsDayOrMonthName(words[0])) return PartKind::kReject;
  // Names start with a capital ("surveillance policy" is a beat, not a
  // person), except for particles such as "de la Cruz" or "van Dijk".
  // A byline that is one lower-case word of a user name's characters
  // ("stephenlega", "q_admin") is how blogs sign; in a list such words are
  // tags ("software, science").
  if (part[0] >= 'a' && part[0] <= 'z' && !IsNameParticle(words[0]) &&
      !(whole && words.size() == 1 && IsUserName(part))) {
    return PartKind::kReject;
  }
  const std::string key = LooseKey(part);
  if (IsNewsAgency(key)) return PartKind::kOrganisation;
  for (std::string_view w : words) {
    if (IsOrganisationWord(w)) return PartKind::kOrganisation;
  }
  if (!site_key.empty() &&
      (key == site_key || (key.size() > 4 && (key.find(site_key) != std::string::npos ||
                                              site_key.find(key) != std::string::npos)))) {
    return PartKind::kOrganisation;
  }
  if (LooksLikeDomain(part)) return PartKind::kOrganisation;
  // One word in capitals, four letters or more, is an acronym ("MECLABS"):
  // a person written in capitals has two names ("JANE ROE").
  if (words.size() == 1 && part.size() >= 4) {
    bool capitals = true;
    for (char c : part) capitals = capitals && ((c >= 'A' && c <= 'Z') || c == '.' || c == '-');
    if (capitals) return PartKind::kOrganisation;
  }
  // A name capitalises every word but its particles and, in a column's or a
  // sponsor's name, short function words ("Ask the Doctors"): another
  // lower-case word after the first makes the part prose caught in a byline
  // element ("I review different modules", "Dan lives", "Driven by expertise").
  for (size_t i = 1; i < words.size(); ++i) {
    const std::string_view w = words[i];
    if (w[0] < 'a' || w[0] > 'z' || IsNameParticle(w)) continue;
    bool function_word = false;
    for (std::string_view f :
         {"the", "of", "for", "by", "a", "an", "and", "at", "on", "in", "to"}) {
      function_word = function_word || w == f;
    }
    if (!function_word) return PartKind::kReject;
  }
  return PartKind::kName;
}

}  // namespace

std::string LooseKey(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) {
      out += static_cast<char>(c);
    } else if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if (c >= 0x80) {
      // Drop U+2010..U+201F (dashes, quotes) and U+00A0; keep other letters.
      if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
          static_cast<unsigned char>(s[i + 2]) >= 0x90 &&
          static_cast<unsigned char>(s[i + 2]) <= 0xA6) {
        i += 2;
      } else if (c == 0xC2 && i + 1 < s.size() &&
                 (static_cast<unsigned char>(s[i + 1]) == 0xA0 ||
                  static_cast<unsigned char>(s[i + 1]) == 0xB7)) {
        i += 1;
      } else {
        out += static_cast<char>(c);
      }
    }
  }
  return out;
}

// The length of the run of capitalised words at text[from..] up to the
// next separator (',', '|', ';', a newline or the end); 0 when a word of it
// is not capitalised. After the site's name they are the rest of an
// organisation's name: "Parkview Health" on the site "Parkview" is one body,
// not "Health" left over.
size_t CapitalisedWordsAt(std::string_view text, size_t from) {
  size_t end = from;
  while (end < text.size() && text[end] != ',' && text[end] != '|' && text[end] != ';' &&
         text[end] != '\n') {
    ++end;
  }
  const std::string_view run = text.substr(from, end - from);
  const std::vector<std::string_view> words = Words(run);
  if (words.empty()) return 0;
  for (std::string_view w : words) {
    if (!(w[0] >= 'A' && w[0] <= 'Z')) return 0;
  }
  return run.size();
}

std::vector<std::string> NormalizeAuthors(const std::vector<std::string>& raw,
                                          std::string_view site_name, bool* organisations_only) {
  const AuthorPatterns& p = Patterns();
  std::string site_key = LooseKey(site_name);
  if (site_key.compare(0, 3, "the") == 0 && site_key.size() > 6) site_key.erase(0, 3);
  std::vector<std::string> names;
  std::vector<std::string> organisations;
  std::vector<std::string> keys;
  std::vector<std::string> organisations_seen;
  auto add = [&keys](std::vector<std::string>* list, std::string name) {
    const std::string key = LooseKey(name);
    if (key.empty()) return;
    for (const std::string& k : keys) {
      if (k == key) return;
    }
    keys.push_back(key);
    list->push_back(std::move(name));
  };
  for (const std::string& r : raw) {
    std::string s(r.substr(0, 1000));
    // Newlines separate a byline from what follows it; keep them until the cut.
    for (char& c : s) {
      if (c == '\r') c = '\n';
    }
    RE2::GlobalReplace(&s, p.email, " ");
    RE2::GlobalReplace(&s, p.url, " ");
    RE2::GlobalReplace(&s, p.handle, " ");
    // Leading whitespace is not a cut: an element's text often opens with the
    // newline that follows its start tag.
    s.erase(0, std::min(s.size(), s.find_first_not_of(" \t\n")));
    re2::StringPiece in(s);
    re2::StringPiece cut;
    // Strip labels first so "Posted by" is not taken for a cut.
    std::string text = s;
    re2::StringPiece label;
    if (p.label.Match(in, 0, in.size(), RE2::ANCHOR_START, &label, 1)) {
      text = s.substr(label.size());
    }
    re2::StringPiece tin(text);
    if (p.cut.Match(tin, 0, tin.size(), RE2::UNANCHORED, &cut, 1)) {
      text.resize(static_cast<size_t>(cut.data() - tin.data()));
    }
    text = SqueezeWhitespace(text);
    // ", The Daily Journal": an empty name, then the publication.
    const bool publication_only = !text.empty() && text[0] == ',';
    // A site name may itself contain a separator ("Telegram & Gazette"); a
    // collective byline around it ("The Investopedia Team") stays whole.
    if (site_name.size() >= 3 && !IsCollectiveByline(TrimName(text))) {
      const std::string lower_text = LowerAscii(text);
      const std::string lower_site = LowerAscii(site_name);
      const size_t at = lower_text.find(lower_site);
      const size_t after = at + lower_site.size();
      auto is_word = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
               static_cast<unsigned char>(c) >= 0x80;
      };
      // Only the whole name: "cleveland" in "cleveland.com" is a domain.
      if (at != std::string::npos && (at == 0 || !is_word(lower_text[at - 1])) &&
          (after >= lower_text.size() || !is_word(lower_text[after]))) {
        const size_t end = at + site_name.size() + CapitalisedWordsAt(text, after);
        organisations_seen.emplace_back(text.substr(at, end - at));
        text = text.substr(0, at) + "," + text.substr(end);
      }
    }
    // Labels can follow one another ("By: Author: ...").
    for (int i = 0; i < 2; ++i) {
      re2::StringPiece again(text);
      if (p.label.Match(again, 0, again.size(), RE2::ANCHOR_START, &label, 1) && !label.empty()) {
        text = text.substr(label.size());
      }
    }
    std::vector<std::string> parts;
    std::vector<std::string> seps;  // seps[i] joins parts[i] to the part before
    re2::StringPiece rest(text);
    re2::StringPiece sep;
    size_t from = 0;
    seps.emplace_back();
    while (from <= text.size() &&
           p.split.Match(rest, from, text.size(), RE2::UNANCHORED, &sep, 1)) {
      const size_t at = static_cast<size_t>(sep.data() - text.data());
      parts.push_back(text.substr(from, at - from));
      seps.emplace_back(sep.data(), sep.size());
      from = at + (sep.empty() ? 1 : sep.size());
    }
    if (from <= text.size()) parts.push_back(text.substr(from));
    // "Research & Development", "Sales and Marketing" after a person's full
    // name: single words joined by "&" or "and" name the department of the
    // name before, not two more people (alone, "Maria & Katerina" sign a blog).
    const bool full_name_before =
        std::any_of(names.begin(), names.end(),
                    [](const std::string& n) { return WordsIn(n) >= 2; });
    if (full_name_before && parts.size() == 2 && WordsIn(TrimName(parts[0])) == 1 &&
        WordsIn(TrimName(parts[1])) == 1 && (Contains(text, " & ") || Contains(text, " and "))) {
      continue;
    }
    bool after_name = false;
    bool after_role = false;
    PartKind previous = PartKind::kReject;
    for (size_t i = 0; i < parts.size(); ++i) {
      const std::string& part = parts[i];
      // "Senior Director, Content & Marketing": single words after a job
      // title are its department, not people.
      const std::vector<std::string_view> part_words = Words(part);
      if (after_role && part_words.size() == 1) continue;
      after_role = std::any_of(part_words.begin(), part_words.end(), IsRoleWord);
      // "Home and Digital Security Expert": a single word joined by "and" or
      // "&" to a job title opens the title.
      if (!after_role && part_words.size() == 1 && i + 1 < parts.size()) {
        const std::string joint = LowerAscii(SqueezeWhitespace(seps[i + 1]));
        const std::vector<std::string_view> next_words = Words(parts[i + 1]);
        if ((joint == "and" || joint == "&") &&
            std::any_of(next_words.begin(), next_words.end(), IsRoleWord)) {
          continue;
        }
      }
      // "Center for Drug Evaluation and Research": one word joined by "and"
      // or "&" to an organisation ends its name, it is not a person.
      if (previous == PartKind::kOrganisation && !organisations.empty() &&
          WordsIn(TrimName(part)) == 1) {
        const std::string joint = LowerAscii(SqueezeWhitespace(seps[i]));
        if (joint == "and" || joint == "&") {
          organisations.back() += " " + SqueezeWhitespace(seps[i]) + " " + TrimName(part);
          keys.push_back(LooseKey(organisations.back()));
          continue;
        }
      }
      std::string name = StripAgencySuffix(StripCredentials(TrimName(part)));
      // "John Smith, Jr.": a generational suffix ends the name before it.
      if (after_name && previous == PartKind::kName && !names.empty() &&
          (name == "Jr." || name == "Jr" || name == "Sr." || name == "Sr" || name == "II" ||
           name == "III" || name == "IV")) {
        names.back() += ", " + name;
        continue;
      }
      // "Jane Roe, RDN, LD": credentials listed as parts of their own.
      if (after_name && IsCredential(name)) continue;
      after_name = true;
      re2::StringPiece again(name);
      if (p.label.Match(again, 0, again.size(), RE2::ANCHOR_START, &label, 1) && !label.empty()) {
        name = TrimName(name.substr(label.size()));
      }
      PartKind kind = Classify(name, site_key, parts.size() == 1);
      if (publication_only && kind == PartKind::kName) kind = PartKind::kOrganisation;
      previous = PartKind::kReject;
      switch (kind) {
        case PartKind::kName: {
          const size_t before = names.size();
          add(&names, std::move(name));
          if (names.size() > before) previous = kind;
          break;
        }
        case PartKind::kOrganisation: {
          const size_t before = organisations.size();
          add(&organisations, std::move(name));
          if (organisations.size() > before) previous = kind;
          break;
        }
        case PartKind::kReject:
          break;
      }
    }
  }
  for (std::string& o : organisations_seen) add(&organisations, std::move(o));
  if (organisations_only != nullptr) *organisations_only = names.empty() && !organisations.empty();
  return names.empty() ? organisations : names;
}

}  // namespace libdiff::internal

namespace libdiff::internal {
namespace {

// The capitals that open the words of `name` ("Nicole Burke" -> "NB").
std::string Initials(std::string_view name) {
  std::string out;
  for (std::string_view w : Words(name)) {
    if (w[0] >= 'A' && w[0] <= 'Z') out += w[0];
  }
  return out;
}

bool AllCapitals(std::string_view s) {
  for (char c : s) {
    if (c < 'A' || c > 'Z') return false;
  }
  return !s.empty();
}

// True when `name` is `other` with text run into it without a space
// ("Mateusz HabernyFounder at Oakywood" after "Mateusz Haberny").
bool RunsIntoText(std::string_view name, std::string_view other) {
  return name.size() > other.size() && name.compare(0, other.size(), other) == 0 &&
         name[other.size()] >= 'A' && name[other.size()] <= 'Z' &&
         other.back() >= 'a' && other.back() <= 'z';
}

}  // namespace

void DropEchoedNames(std::string_view publisher, std::vector<std::string>* names) {
  if (names->size() < 2) return;
  const std::string publisher_key = LooseKey(publisher);
  std::vector<std::string> kept;
  for (size_t i = 0; i < names->size(); ++i) {
    const std::string& name = (*names)[i];
    bool echo = !publisher_key.empty() && LooseKey(name) == publisher_key;
    for (size_t j = 0; j < names->size() && !echo; ++j) {
      if (j == i) continue;
      const std::string& other = (*names)[j];
      echo = (name.size() >= 2 && name.size() <= 3 && AllCapitals(name) && WordsIn(other) >= 2 &&
              Initials(other) == name) ||
             RunsIntoText(name, other);
    }
    if (!echo) kept.push_back(name);
  }
  if (!kept.empty()) *names = std::move(kept);
}

}  // namespace libdiff::internal
