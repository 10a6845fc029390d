// Copyright 2026 The libdiff Authors.
//
// Whole-block text classification (see volatile_text.h): the patterns and
// IsVolatileOrFurnitureText.
#include "extract/volatile_text.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>

#include "util/utf8.h"

namespace libdiff::internal {

namespace {

// Volatile and furniture text, matched against whole short blocks. Every
// alternative here is anchored at its first words, so the DFA gives up on an
// ordinary sentence within a few bytes. The two patterns that may start
// anywhere in the first 40 or 60 characters are apart (AgoLineRe,
// CreditLineRe) and run only when a word they need is present: in one
// pattern their windows multiplied the DFA's states, and matching cost about
// 5,500 instructions a block (callgrind, NAEB ingest).
const RE2& VolatileRe() {
  static const RE2 re(
      "(?i)^(?:"
      // "5 min read", "Reading time: 4 minutes"
      "\\d+\\s*(?:-|\\s)?(?:min|mins|minute|minutes)\\.?\\s+(?:read|listen|watch|video)"
      "|(?:estimated\\s+)?reading\\s+time\\s*:?.{0,20}"
      // counters
      "|[\\d.,]+\\s*[km]?\\s*(?:comments?|views?|shares?|likes?|reads?|responses?|replies|"
      "reactions?)"
      "|(?:comments?|views?|shares?|replies)\\s*:?\\s*\\(?[\\d.,]+[km]?\\)?"
      // share bars
      "|(?:(?:share|share this|share on|tweet|email|e-mail|print|facebook|twitter|x|linkedin|"
      "whatsapp|reddit|pinterest|telegram|copy link|copy|link|flipboard|messenger|comments?|save|"
      "gift(?: this)? article|listen|bookmark)(?:\\s*[|/·•,]\\s*|\\s+|$))+"
      // furniture labels
      "|(?:advertisement|advertising|ad|ads|sponsored|sponsored content|promoted|paid content|"
      "skip advertisement|continue reading(?: below)?|"
      // "Advertisement - Page continues below", "Article continues below this ad"
      "(?:advertisement\\W*)?(?:story|article|page|content) continues below"
      "(?: (?:this |the )?(?:ad|advertisement))?|scroll to continue(?: with content)?|"
      "swipe to scroll(?: horizontally)?|read more|read next|read also|"
      "see also|more|related|related (?:articles|stories|coverage|content|news|topics|links|"
      "posts|reading|reads)|"
      "recommended(?: for you| stories| by our editors)?|"
      "most (?:popular|read|viewed|shared)(?: (?:in|on) [\\w ]{1,30})?|"
      "top reads(?: (?:in|on) [\\w ]{1,30})?(?: this week| today)?|"
      // "*Names have been changed", "Some details have been changed"
      "\\*?(?:some )?(?:names|details|identifying details) (?:have|has) been changed|"
      // an embed's placeholder: "Waiting for your permission to load the Instagram Media"
      "waiting for your permission to load\\b.*|"
      // "Watch this: ... Review", "WATCH | Official trailer": an embedded video's title
      "(?:watch(?: this| now)?|listen(?: now)?) ?[:|] .{1,80}|"
      // "Comments are closed.", "Comments on this piece are premoderated ..."
      "comments (?:are|have been) closed|comments on this (?:piece|article|story|post) are "
      "(?:closed|pre-?moderated)\\b.*|"
      "trending(?: now)?|don[\x27\xE2\x80\x99]?t miss|(?:people|readers) are also reading|"
      "was this (?:page|article) helpful|"
      // blog widgets: the like button ("Like Loading..."), the writer box's
      // "Latest posts by Jane Doe (see all)", a table of contents' label, a
      // post-rating form and a form's hidden-field note
      "like loading|latest posts by [^()]{1,60} \\(see all\\)|table of contents|"
      "in this (?:article|post|guide)|click on a star to rate it|how useful was this "
      "(?:post|article)|no votes so far\\W+be the first to rate this (?:post|article)|"
      "average rating [\\d.]+ ?/ ?5\\W+vote count\\W+\\d+|"
      "(?:we are )?sorry that this (?:post|article) was not useful for you|"
      "let us improve this (?:post|article)|tell us how we can improve this (?:post|article)|"
      "this field is for validation purposes and should be left unchanged|"
      "latest(?: news| stories)?|you (?:may|might) (?:also )?like|sign up|subscribe(?: now)?|"
      "follow us(?: on .{1,30})?|click here|listen to (?:this )?(?:article|story)|"
      "loading|image|photo|video|getty images|ap photo|reuters|afp|topics|tags|tagged(?: in)?|"
      // a script placeholder: "This slideshow requires JavaScript."
      "this (?:slideshow|gallery|video|map|content|page) requires javascript)\\W*"
      // a post's tag list: "Tags: Employment, Health & Fitness, Jane Doe"
      "|(?:tags|tagged(?: in| with)?|filed under|categories)\\s*:\\s*[^.!?]{1,150}"
      // (copyright lines, "Photo: Reuters" credit labels and bylines:
      // IsWindowLine)
      // date lines
      "|(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|"
      "sept|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b.{0,30}"
      "|(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?\\d{1,2}\\.?\\s+(?:jan|feb|mar|apr|may|"
      "jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?,?\\s+\\d{4}\\b.{0,30}"
      "|\\d{4}-\\d{2}-\\d{2}\\b.{0,25}"
      "|\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}\\b.{0,25}"
      ")$");
  return re;
}

// "3 hours ago", "Updated 5 mins ago". Needs "ago" (MayBeAgoLine).
const RE2& AgoLineRe() {
  static const RE2 re(
      "(?i)^.{0,40}\\b\\d+\\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|"
      "weeks?|mo|months?|y|yrs?|years?)\\s+ago\\b.{0,20}$");
  return re;
}

// Photo credits: "WWD/Getty Images", "Jane Doe / AP". Needs one of the
// words of MayBeCreditLine.
const RE2& CreditLineRe() {
  static const RE2 re(
      "(?i)^.{0,60}(?:getty images|shutterstock|/\\s*ap|/\\s*afp|/\\s*reuters|/\\s*mashable|"
      "/\\s*cnet|istock|alamy|pool photo|file photo|via ap|ap photo).{0,40}$");
  return re;
}

// `text` with every byte or-ed with 0x20 (an ASCII capital becomes its small
// letter; a space stays a space), made on first use. Has(lower) is true when
// the text holds `lower` (lower-case ASCII) in any ASCII case: the test
// (text[i + k] | 0x20) == lower[k] at every offset, done as one fold and a
// find() per key word (memchr and memcmp) rather than a byte loop per key.
class FoldedText {
 public:
  explicit FoldedText(std::string_view text) : text_(text) {}

  bool Has(std::string_view lower) {
    if (!folded_ready_) {
      folded_.resize(text_.size());
      for (size_t i = 0; i < text_.size(); ++i) folded_[i] = static_cast<char>(text_[i] | 0x20);
      folded_ready_ = true;
    }
    return folded_.find(lower) != std::string::npos;
  }

 private:
  std::string_view text_;
  std::string folded_;
  bool folded_ready_ = false;
};

// Under (?i) RE2 also folds U+017F (long s) to 's' and U+212A (Kelvin sign)
// to 'k' (no other character folds to an ASCII letter); a text holding
// either always goes to CreditLineRe, whose words have both letters.
bool HasUnicodeFolds(std::string_view text) {
  return text.find("\xC5\xBF") != std::string_view::npos ||
         text.find("\xE2\x84\xAA") != std::string_view::npos;
}

// Cheap tests that AgoLineRe / CreditLineRe could match (necessary, not
// sufficient). "ago" is found through its 'g' (memchr: the rarest letter of
// the word). Every "/..." credit needs a '/'; the words are ASCII letters and
// spaces (| 0x20 keeps a space a space).
bool MayBeAgoLine(std::string_view text) {
  for (const char g : {'g', 'G'}) {
    size_t i = 1;
    while (i + 1 < text.size()) {
      const void* p = std::memchr(text.data() + i, g, text.size() - 1 - i);
      if (p == nullptr) break;
      i = static_cast<size_t>(static_cast<const char*>(p) - text.data());
      if ((text[i - 1] | 0x20) == 'a' && (text[i + 1] | 0x20) == 'o') return true;
      ++i;
    }
  }
  return false;
}

// The longest text CreditLineRe can match when its spaces are single ' '
// (block text always is): 60 + 12 ("getty images", "shutterstock") + 40
// characters.
constexpr size_t kCreditLineMaxChars = 112;

// Does `text` hold no whitespace but single ' ' (as TreeReader makes it)?
bool HasSingleSpacesOnly(std::string_view text) {
  for (const char c : {'\t', '\n', '\r', '\f', '\v'}) {
    if (text.find(c) != std::string_view::npos) return false;
  }
  return text.find("  ") == std::string_view::npos;
}

// Characters as RE2's '.' counts them: every byte but UTF-8 continuations.
size_t CountChars(std::string_view text) {
  size_t n = 0;
  for (const char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

bool MayBeCreditLine(std::string_view text, FoldedText& folded) {
  // A character is at most four bytes: past 4 * 112 bytes there is no need
  // to count them.
  if (text.size() > kCreditLineMaxChars && HasSingleSpacesOnly(text) &&
      (text.size() > 4 * kCreditLineMaxChars || CountChars(text) > kCreditLineMaxChars)) {
    return false;
  }
  if (text.find('/') != std::string_view::npos || HasUnicodeFolds(text)) return true;
  for (std::string_view key : {"getty images", "shutterstock", "istock", "alamy", "pool photo",
                               "file photo", "via ap", "ap photo"}) {
    if (folded.Has(key)) return true;
  }
  return false;
}

// Lines of a mark or a label and then up to so many characters, under (?i):
// copyright lines ("© 2025 Example Media", "(c) 2025 ...", "Copyright 2025
// ...", "All rights reserved ...", up to 200 characters after the mark),
// credit labels ("Photo: Reuters", "Image credits: Jane Doe", up to 80 after
// the ':'; credits inside a line: CreditLineRe) and bylines ("By Jane Doe",
// 2 to 60 characters that are not . ! ?). Once alternatives of VolatileRe:
// their counted windows were 45% of its program (2,700 of 6,000
// instructions) and of its compile, and multiplied its DFA's states.
// IsWindowLine tests the same with bytes; this pattern decides only where
// RE2 could read the text otherwise.
const RE2& WindowLineRe() {
  static const RE2 re(
      "(?i)^(?:(?:©|\\(c\\)|copyright\\b|all rights reserved).{0,200}"
      "|(?:photo|image|picture|illustration|graphic|video)(?: credit)?s?\\s*:.{0,80}"
      "|by\\s+[^.!?]{2,60})$");
  return re;
}

// Does `text` start with `lower` (lower-case ASCII) in either ASCII case?
bool StartsWithAsciiNoCase(std::string_view text, std::string_view lower) {
  if (text.size() < lower.size()) return false;
  for (size_t k = 0; k < lower.size(); ++k) {
    const char c =
        text[k] >= 'A' && text[k] <= 'Z' ? static_cast<char>(text[k] - 'A' + 'a') : text[k];
    if (c != lower[k]) return false;
  }
  return true;
}

bool IsAsciiWordChar(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

// RE2's \s.
bool IsRe2Space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

// The three lines of WindowLineRe for a text free of the characters (?i)
// folds to ASCII letters. A character is a byte that is not a UTF-8
// continuation (as RE2 counts the characters of any text it matches); '.'
// is any character but '\n'.
bool IsCopyrightMarkLine(std::string_view text) {
  size_t mark = 0;
  if (text.substr(0, 2) == "\xC2\xA9") {  // ©
    mark = 2;
  } else if (StartsWithAsciiNoCase(text, "(c)")) {
    mark = 3;
  } else if (StartsWithAsciiNoCase(text, "copyright") &&
             (text.size() == 9 || !IsAsciiWordChar(text[9]))) {
    mark = 9;
  } else if (StartsWithAsciiNoCase(text, "all rights reserved")) {
    mark = 19;
  } else {
    return false;
  }
  const std::string_view rest = text.substr(mark);
  return rest.find('\n') == std::string_view::npos && CountChars(rest) <= 200;
}

bool IsCreditLabelLine(std::string_view text) {
  size_t at = 0;
  for (std::string_view label : {"photo", "image", "picture", "illustration", "graphic", "video"}) {
    if (StartsWithAsciiNoCase(text, label)) {
      at = label.size();
      break;
    }
  }
  if (at == 0) return false;
  // Each optional part is taken when present: leaving it out leaves a byte
  // that neither \s nor ':' matches.
  if (StartsWithAsciiNoCase(text.substr(at), " credit")) at += 7;
  if (at < text.size() && (text[at] | 0x20) == 's') ++at;
  while (at < text.size() && IsRe2Space(text[at])) ++at;
  if (at >= text.size() || text[at] != ':') return false;
  const std::string_view rest = text.substr(at + 1);
  return rest.find('\n') == std::string_view::npos && CountChars(rest) <= 80;
}

bool IsBylineLine(std::string_view text) {
  if (!StartsWithAsciiNoCase(text, "by")) return false;
  const std::string_view rest = text.substr(2);
  size_t spaces = 0;
  while (spaces < rest.size() && IsRe2Space(rest[spaces])) ++spaces;
  if (spaces == 0 || rest.find_first_of(".!?") != std::string_view::npos) return false;
  // \s+ takes j of the spaces (1 <= j <= spaces) and [^.!?]{2,60}, which
  // also takes spaces, the other chars - j characters.
  const size_t chars = CountChars(rest);
  const size_t j = std::max<size_t>(1, chars > 60 ? chars - 60 : 0);
  return chars >= 2 && j <= spaces && j <= chars - 2;
}

// True when WindowLineRe() fully matches `text`. Its first byte rules out
// most blocks. A long s or Kelvin sign ((?i) folds them to 's' and 'k') sends
// the text to the pattern; so does a match of the byte tests in a text that
// is not UTF-8 (the byte tests only ever match more than the pattern there:
// a stray byte is no character to RE2).
bool IsWindowLine(std::string_view text) {
  if (text.empty()) return false;
  switch (text[0]) {
    case '\xC2': case '(': case 'c': case 'C': case 'a': case 'A': case 'p': case 'P':
    case 'i': case 'I': case 'g': case 'G': case 'v': case 'V': case 'b': case 'B':
      break;
    default:
      return false;
  }
  const re2::StringPiece piece(text.data(), text.size());
  if (HasUnicodeFolds(text)) return RE2::FullMatch(piece, WindowLineRe());
  if (!IsCopyrightMarkLine(text) && !IsCreditLabelLine(text) && !IsBylineLine(text)) return false;
  return IsValidUtf8(text) || RE2::FullMatch(piece, WindowLineRe());
}

// "Updated ...", "Published ...", "Posted ..." lines that carry a time, also
// behind the clock time some sites print first ("19:15 Updated Nov. 19, ..."),
// and the page's own "This post was last updated July 2021.", "Page last
// modified Jan. 17, 2025" ("This story was updated on ..." without "last" is
// an editors' note some golds keep).
const RE2& UpdatedLineRe() {
  static const RE2 re(
      "(?i)^(?:\\d{1,2}[:.]\\d{2}\\s*(?:[ap]\\.?m\\.?)?\\s*[|·•,-]?\\s*)?"
      "(?:(?:this (?:post|article|page|story|guide) (?:was|has been) |page )?last\\s+|first\\s+|"
      "originally\\s+)?(?:updated|published|posted|modified|edited|"
      "created|reviewed)\\s*(?::|on|at|-|–|—)?\\s*"
      "(?:\\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|"
      "yesterday|today|an? (?:hour|minute|day)).{0,60}$");
  return re;
}

// Prompts of the site, not sentences of the article: newsletter sign-ups and
// their confirmations. Matched anywhere in a block of under 320 bytes.
const RE2& PromoRe() {
  static const RE2 re(
      "(?i)(?:\\bsign(?:ing)?[ -]?up\\b[^.!?]{0,80}\\b(?:newsletters?|inbox|e-?mails?|alerts?|"
      "notifications?)\\b"
      "|\\b(?:delivered|direct|directly|straight|right)(?: right)? to your inbox\\b"
      "|\\bsubscribe to (?:our|the)\\b[^.!?]{0,40}\\bnewsletters?\\b"
      "|\\bthanks? (?:you )?for (?:subscribing|signing up)"
      "|\\byour subscription (?:has been|could not|was)\\b"
      "|\\bclick here to subscribe\\b"
      // "Get The Watchlist delivered every Thursday.", "Get email updates with ..."
      "|\\bdelivered (?:to you )?every (?:day|morning|evening|week|weekday|"
      "(?:mon|tues|wednes|thurs|fri|satur|sun)day)\\b"
      "|\\bget (?:e-?mail|newsletter) updates\\b"
      "|\\bplease (?:consider )?subscrib(?:e|ing)\\b"
      // the consent line under a sign-up form
      "|\\bwe use your sign-?up\\b"
      // a newsletter platform's prompts under a post: "Thanks for reading The
      // Ledger! This post is public so feel free to share it.", "... Subscribe
      // for free to receive new posts and support my work."
      "|\\bthis post is public so feel free to share it\\b"
      "|\\bsubscribe for free to receive new posts\\b)");
  return re;
}

// Affiliate-link notices: the site speaking of what it earns from its links
// ("we may earn an affiliate fee", "I may receive a small commission", "We
// may make money when you click on links"). Matched anywhere in a block of
// under 400 bytes: the notice often goes on about the user agreement.
const RE2& AffiliateNoticeRe() {
  static const RE2 re(
      "(?i)(?:\\baffiliate (?:links?|partnerships?|commissions?)\\b"
      "|\\b(?:may|might|will) (?:earn|receive) (?:a |an affiliate )?(?:commission|compensation)\\b"
      "|\\b(?:we|i) (?:may |might |will |could )?(?:earn|receive|get) (?:a |an )?"
      "(?:small |affiliate |referral )?(?:commissions?|compensation|fees?)\\b"
      "|\\b(?:we|i) (?:may|might|could) make money\\b)");
  return re;
}

// Cheap tests that PromoRe() / AffiliateNoticeRe() could match: one of their
// key words is present (case-sensitive fragments that cover both cases of
// the first letter).
bool MayBePromo(std::string_view text) {
  for (std::string_view key : {"nbox", "ign", "ubscri", "elivered", "pdates", "is public"}) {
    if (text.find(key) != std::string_view::npos) return true;
  }
  return false;
}

bool MayBeAffiliateNotice(std::string_view text) {
  for (std::string_view key : {"ommission", "ompensation", "ffiliate", "make money"}) {
    if (text.find(key) != std::string_view::npos) return true;
  }
  // " fee" or " fees" as a word, not "feel" or "feet".
  for (size_t at = text.find(" fee"); at != std::string_view::npos;
       at = text.find(" fee", at + 4)) {
    const char next = at + 4 < text.size() ? text[at + 4] : ' ';
    if (next == 's' || next < 'a' || next > 'z') return true;
  }
  return false;
}

// Image captions set as paragraphs, known by their credit: "... Peninsula on
// December 19. Credit: IMO.", "... in Milan. (Photo by Jane Doe/Getty
// Images)", "PHOTO BY JANE DOE Hoquiam's ...". The credit ends the block, or
// a photo label opens it. Needs one of the words of MayBeCaption.
const RE2& CaptionRe() {
  static const RE2 re(
      "(?i)^(?:photo by|submitted photo|courtesy photo|file photo)\\b"
      "|(?:^|[.!?)] )(?:credit|photo|image|photograph)s?: ?[a-z][a-z .,'\xE2\x80\x99&/@-]*$"
      "|\\((?:photo|image|credit|picture)s?(?: by)?:? [^)]+\\)$"
      // "... in Mount Kisco, N.Y. (AP)": an agency's credit after the sentence
      "|[.!?] \\((?:ap|afp|reuters|epa|getty images|getty|shutterstock)(?: photos?)?\\)$");
  return re;
}

// A cheap test that CaptionRe could match: a photo label in the first 20
// bytes, or a ':' or closing ')' and a credit word in the last 100.
bool MayBeCaption(std::string_view text) {
  const std::string_view head = text.substr(0, 20);
  if (head.find("hoto") != std::string_view::npos || head.find("HOTO") != std::string_view::npos)
    return true;
  const std::string_view tail = text.substr(text.size() > 100 ? text.size() - 100 : 0);
  if (tail.empty() || (tail.back() != ')' && tail.find(':') == std::string_view::npos))
    return false;
  for (std::string_view key : {"redit", "REDIT", "hoto", "HOTO", "mage", "icture", "(AP)", "(AFP)",
                               "Reuters)", "(EPA)", "Getty)", "hutterstock)"}) {
    if (tail.find(key) != std::string_view::npos) return true;
  }
  return false;
}

// A cheap test that UpdatedLineRe could match: it starts with a clock time's
// digit or with the first letter of one of its words.
bool MayBeUpdatedLine(std::string_view text) {
  if (text.empty()) return false;
  const char c = static_cast<char>(text[0] | 0x20);
  return (text[0] >= '0' && text[0] <= '9') ||
         std::string_view("lfoupmecrt").find(c) != std::string_view::npos;
}

const RE2& HasTimeRe() {
  static const RE2 re("(?i)\\d|\\bago\\b|\\byesterday\\b|\\btoday\\b");
  return re;
}

}  // namespace

namespace {

// The length of the `words` words that open `text` when each starts with an
// ASCII capital and is followed by one space (a name); 0 otherwise.
size_t LeadingNameLength(std::string_view text, int words) {
  size_t at = 0;
  for (int w = 0; w < words; ++w) {
    if (at >= text.size() || text[at] < 'A' || text[at] > 'Z') return 0;
    const size_t space = text.find(' ', at);
    if (space == std::string_view::npos) return 0;
    at = space + 1;
  }
  return at;
}

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

}  // namespace

bool IsAuthorBio(const std::string& text) {
  if (text.size() >= 700) return false;
  // The blogger's greeting: "Hey, I'm Jessica! Welcome to ...", "Hello, and
  // welcome! I'm the editor & founder of this site."
  if (text[0] == 'H') {
    static const RE2 greeting("^H(?:i|ey|ello)\\b[^.!?]{0,20}[.!?,] I(?:'|\xE2\x80\x99)m ");
    if (RE2::PartialMatch(text, greeting)) return true;
  }
  // A writer's role, ending the clause or followed by where or what.
  static const RE2 role(
      "\\b(?i:editor|writer|reporter|correspondent|journalist|contributor|author|columnist|"
      "analyst|producer|freelancer|critic|blogger|creator|founder|co-founder|cofounder|director)s?"
      "(?:$| at\\b| for\\b| with\\b| of\\b| and\\b| based\\b| living\\b| covering\\b|"
      " overseeing\\b| where\\b|,)");
  const std::string_view all(text);
  // Try every split of the opening capitalised words into a name and the rest
  // ("L. Daniela Alvarez is a ..."): the verb follows the name.
  for (int words = 1; words <= 4; ++words) {
    const size_t name = LeadingNameLength(all, words);
    if (name == 0) break;
    const std::string_view rest = all.substr(name);
    // "Charlie Savage writes about national security."
    if (words >= 2 && (StartsWith(rest, "writes about ") || StartsWith(rest, "writes on ") ||
                       StartsWith(rest, "reports on ")))
      return true;
    size_t verb = 0;
    for (std::string_view v : {"is a ", "is an ", "is the ", "was a ", "was an ", "was the "}) {
      if (StartsWith(rest, v)) verb = v.size();
    }
    if (verb == 0) continue;
    // The clause up to its end, at most 140 bytes.
    std::string_view clause = rest.substr(verb, 140);
    const size_t end = clause.find_first_of(".!?");
    if (end != std::string_view::npos) clause = clause.substr(0, end);
    return RE2::PartialMatch(re2::StringPiece(clause.data(), clause.size()), role);
  }
  return false;
}

bool IsAboutTheWriterHeading(const std::string& text) {
  if (text.size() >= 60) return false;
  static const RE2 re(
      "(?i:about the (?:author|writer|reporter|contributor)s?)"
      "|About [A-Z][\\w.'\xE2\x80\x99-]*(?: [A-Z][\\w.'\xE2\x80\x99-]*){0,2}");
  return RE2::FullMatch(text, re);
}

bool IsContactLine(const std::string& text) {
  static const RE2 re(
      "(?i)^(?:[\xE2\x80\x94\xE2\x80\x93-] ?)?(?:contact|reach|e-?mail)\\b[^@]*"
      "[\\w.+-]+@[\\w-]+\\.[a-z][a-z]"
      "|\\bcan be reached\\b[^@]*[\\w.+-]+@[\\w-]+\\.[a-z][a-z]"
      "|\\b(?:e-?mail|write to) us at [\\w.+-]+@[\\w-]+\\.[a-z][a-z]");
  return text.size() < 300 && text.find('@') != std::string::npos && RE2::PartialMatch(text, re);
}

namespace {

// "A version of this article appeared in print ...", "This story was
// originally published by ...": the article printed elsewhere first.
constexpr char kPublishedElsewhere[] =
    "a version of this (?:article|story|report|piece) (?:appears|appeared|was published)"
    "|this (?:article|story|report|piece) (?:was )?(?:originally |first )?"
    "(?:appeared|appears|published|ran)\\b";

}  // namespace

bool IsPublishedElsewhereNote(const std::string& text) {
  static const RE2 re(std::string("(?i)^(?:editor(?:'|\xE2\x80\x99)?s note\\W+)?(?:") +
                      kPublishedElsewhere + ")");
  return text.size() < 300 && RE2::PartialMatch(text, re);
}

bool IsProvenanceLine(const std::string& text) {
  static const RE2 re(
      std::string("(?i)^(?:[\xE2\x80\x94\xE2\x80\x93-] ?)?(?:") + kPublishedElsewhere +
      "|includes (?:information|reporting) from\\b"
      "|(?:additional )?reporting by\\b"
      "|contributing: "
      "|click to read more and view comments"
      // the study the story reports on, and its sources
      "|(?:more|journal) information: \\S"
      "|sources?: \\S"
      // corrections of the article
      "|(?:corrections?|clarifications?)(?:[:,(]|$)"
      "|a previous version of this (?:article|story|report|piece|post)\\b"
      "|this (?:article|story|report|piece|post) has been (?:updated|corrected)\\b"
      "|updated to (?:add|include|reflect|correct)\\b"
      // the credits of a broadcast
      "|this (?:episode|segment|podcast|video|audio story) was (?:produced|edited|reported)\\b)");
  // A reference: "Jane Doe et al, Title, Journal (2023). DOI: ...", "Jane
  // Doe et al. 2023. Title." (a year or a DOI: "Doe et al., Section 3: ..."
  // quotes the study).
  static const RE2 year_or_doi("\\(\\d{4}\\)|\\b\\d{4}\\.|(?i:\\bdoi\\b)");
  if (text.size() >= 500) return false;
  if (RE2::PartialMatch(text, re)) return true;
  // The publisher's word on its standards: "Read our editorial process to learn
  // more", "The Weather Company's primary journalistic mission is ..."
  static const RE2 standards(
      "(?i)\\bour (?:editorial|fact[- ]checking) (?:process|policy|standards|guidelines)\\b"
      "|\\bjournalistic mission\\b");
  if ((text.find("ditorial") != std::string::npos || text.find("act") != std::string::npos ||
       text.find("ournalistic") != std::string::npos) &&
      RE2::PartialMatch(text, standards))
    return true;
  // The publisher's disclaimer: "Disclaimer: ...", "The content contained in
  // this blog post is intended for general informational purposes only ...",
  // "... is not intended to replace the advice of a medical professional".
  static const RE2 disclaimer(
      "(?i)^\\W{0,3}disclaimers?: \\S"
      "|\\bfor (?:general )?(?:informational|information|educational)"
      "(?: (?:and|or) (?:informational|educational|entertainment))? purposes only\\b"
      "|\\bis not (?:intended|meant) "
      "(?:to (?:replace|constitute|be a substitute for|be construed as)|as a substitute for)\\b"
      "|\\bdoes not (?:constitute|provide) (?:tax|legal|financial|investment|medical)\\b");
  bool may_disclaim = false;
  for (std::string_view word :
       {"isclaimer", "urposes only", "not intended", "not meant", "does not"})
    may_disclaim |= text.find(word) != std::string::npos;
  if (may_disclaim && RE2::PartialMatch(text, disclaimer))
    return true;
  // The editors' note under an interview: "This interview has been lightly
  // edited and condensed for clarity.", "Reviews have been edited for length."
  static const RE2 edited_for(
      "(?i)\\b(?:has|have) been (?:lightly |slightly )?(?:edited|condensed)"
      "(?: and (?:lightly )?(?:edited|condensed))? for (?:length|clarity|brevity|space)\\b");
  if (text.size() < 200 && text.find(" been ") != std::string::npos &&
      RE2::PartialMatch(text, edited_for))
    return true;
  // "Jane Roe in Boston contributed to this report."; a bare "... contributed."
  // only as one short sentence ("Everyone in town contributed." closing a
  // paragraph stays).
  if (text.size() < 300) {
    std::string_view t(text);
    while (!t.empty() && (t.back() == '.' || t.back() == ' ')) t.remove_suffix(1);
    const bool one_sentence = t.size() < 160 && t.find(". ") == std::string_view::npos;
    for (std::string_view end : {" contributed to this report", " contributed to this story",
                                 " contributed to this article", " contributed reporting",
                                 " contributed"}) {
      if (t.size() > end.size() && t.substr(t.size() - end.size()) == end)
        return end.size() > 20 || one_sentence;
    }
  }
  const size_t et_al = text.find(" et al");
  if (et_al == std::string::npos || et_al > 80 || text[0] < 'A' || text[0] > 'Z' ||
      et_al + 7 >= text.size() || (text[et_al + 6] != '.' && text[et_al + 6] != ','))
    return false;
  if (text.find('.') < et_al) return false;  // the names hold no full stop
  const std::string_view rest = std::string_view(text).substr(et_al + 7, 300);
  return RE2::PartialMatch(re2::StringPiece(rest.data(), rest.size()), year_or_doi);
}

const RE2& ErrorPageRe() {
  static const RE2 re(
      "(?i)\\b(?:404|not found|page not found|no longer available|does not exist|"
      "doesn't exist|cannot be found|can't be found|error)\\b");
  return re;
}

const RE2& ConsentRe() {
  static const RE2 re(
      "(?i)\\b(?:cookies?|consent|privacy|accept all|reject all|agree|gdpr|personal data|"
      "partners)\\b");
  return re;
}

namespace {

// "Follow the Opinion section on Facebook, Instagram, TikTok, X and Threads.":
// a prompt to follow the site, opening with "Follow" and naming a network.
bool IsFollowPrompt(const std::string& text) {
  if (text.size() >= 200 ||
      (text.compare(0, 7, "Follow ") != 0 && text.compare(0, 7, "FOLLOW ") != 0))
    return false;
  static const RE2 re(
      "(?i)^follow\\b[^.!?]{0,80}\\b(?:on|at|via)\\b[^.!?]{0,40}\\b(?:facebook|instagram|"
      "twitter|tiktok|x|threads|linkedin|youtube|bluesky|mastodon)\\b");
  return RE2::PartialMatch(text, re);
}

// "https://example.com/a", "www.example.org": a scheme or "www." and a host
// with a dot after it (a bare "https://" names the scheme in a tutorial).
bool IsWebAddress(std::string_view word) {
  size_t host = 0;
  if (word.compare(0, 8, "https://") == 0) {
    host = 8;
  } else if (word.compare(0, 7, "http://") == 0) {
    host = 7;
  } else if (word.compare(0, 4, "www.") != 0) {
    return false;
  }
  const size_t dot = word.find('.', host);
  return dot != std::string_view::npos && dot > host && dot + 1 < word.size();
}

// A block of bare web addresses and nothing else ("https://example.com/a
// https://example.com/b", "https://facebook.com/x, https://x.com/y"): a
// source list or a profile's links printed as text, no sentence of the
// article (an address that is a link is already a link block).
bool IsBareAddressList(std::string_view text) {
  if (text.empty() || (text[0] != 'h' && text[0] != 'w')) return false;
  size_t words = 0;
  size_t at = 0;
  while (at < text.size()) {
    const size_t end = text.find_first_of(" \t\n\r,", at);
    const std::string_view word = text.substr(at, end == std::string_view::npos ? end : end - at);
    if (!word.empty()) {
      if (!IsWebAddress(word)) return false;
      ++words;
    }
    if (end == std::string_view::npos) break;
    at = end + 1;
  }
  return words > 0;
}

}  // namespace

bool IsVolatileOrFurnitureText(const std::string& text) {
  if (RE2::FullMatch(text, VolatileRe()) || IsWindowLine(text) || IsBareAddressList(text))
    return true;
  FoldedText folded(text);
  // "The Canadian Press. All rights reserved." (a copyright line that names
  // its holder first; IsWindowLine takes the ones that open with the mark).
  if (text.size() < 120 && folded.Has("all rights reserved")) return true;
  if (IsFollowPrompt(text)) return true;
  // A form's error message: "Oops! Something went wrong while submitting the
  // form.", "Invalid EmailSomething went wrong, please try again later."
  if (text.size() < 120 && folded.Has("something went wrong")) return true;
  if (MayBeAgoLine(text) && RE2::FullMatch(text, AgoLineRe())) return true;
  if (MayBeCreditLine(text, folded) && RE2::FullMatch(text, CreditLineRe())) return true;
  if (MayBeCaption(text) && RE2::PartialMatch(text, CaptionRe())) return true;
  if (text.size() < 320 && MayBePromo(text) && RE2::PartialMatch(text, PromoRe())) return true;
  if (text.size() < 400 && MayBeAffiliateNotice(text) &&
      RE2::PartialMatch(text, AffiliateNoticeRe()))
    return true;
  return MayBeUpdatedLine(text) && RE2::FullMatch(text, UpdatedLineRe()) &&
         RE2::PartialMatch(text, HasTimeRe());
}

}  // namespace libdiff::internal
