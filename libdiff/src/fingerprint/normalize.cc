// Copyright 2026 The libdiff Authors.
//
// The normalisation specification (docs/fingerprint.md has the rationale):
//  1. Ill-formed UTF-8 is replaced by U+FFFD and NUL bytes are dropped
//     (RepairUtf8).
//  2. NFKC with full case folding, and default-ignorable code points removed
//     (zero-width spaces and joiners, soft hyphen, BOM, variation selectors):
//     utf8proc's STABLE|COMPAT|COMPOSE|CASEFOLD|IGNORE, as in utf8proc_NFKC_Casefold.
//  3. Typographic folding (FoldTypographic): quotes and dashes to ASCII.
//  4. Whitespace: any run of white space (ASCII and Unicode Zs spaces, line
//     and paragraph separators) and other control characters becomes one
//     separator: "\n" when the run holds at least two line breaks (a blank
//     line, i.e. a paragraph break), " " otherwise. Leading and trailing
//     runs are dropped. Line breaks are LF, CR, CR LF (one break), NEL and
//     U+2028; U+2029 counts as a paragraph break on its own.
//
// Speed: NFKC and case folding are local to a run of characters between two
// ASCII white-space or control bytes (such bytes are starters that never
// compose, and case folding is context free), so the text is processed word by
// word, and words made only of ASCII bytes are lower-cased by table lookup
// without utf8proc. Tests compare the result with NormalizeReference, which
// runs utf8proc over the whole text.
#include "fingerprint/normalize.h"

#include <utf8proc.h>

#include <array>
#include <bitset>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "util/utf8.h"

namespace libdiff::internal {

namespace {

enum AsciiClass : uint8_t {
  kCopy,   // printable: copied, lower-cased
  kSpace,  // space, tab, VT, FF and other control characters
  kLf,
  kCr,
  kDrop,   // NUL
};

constexpr std::array<uint8_t, 128> MakeAsciiClasses() {
  std::array<uint8_t, 128> t{};
  for (size_t c = 0; c < 128; ++c) {
    if (c == 0) {
      t[c] = kDrop;
    } else if (c == '\n') {
      t[c] = kLf;
    } else if (c == '\r') {
      t[c] = kCr;
    } else if (c <= 0x20 || c == 0x7F) {
      t[c] = kSpace;
    } else {
      t[c] = kCopy;
    }
  }
  return t;
}
constexpr std::array<uint8_t, 128> kAsciiClass = MakeAsciiClasses();

constexpr bool IsAsciiSeparatorByte(uint8_t c) { return c < 0x80 && kAsciiClass[c] != kCopy; }

constexpr char AsciiLower(uint8_t c) {
  return static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
}

constexpr utf8proc_option_t kUtf8procOptions = static_cast<utf8proc_option_t>(
    UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE);


// Collects output and applies the white-space rule (step 4). Both the ASCII
// path and the Unicode path feed the same writer, so they cannot disagree on
// where separators go.
class Writer {
 public:
  explicit Writer(std::string* out) : out_(out) {}

  void Space() {
    pending_ = true;
    after_cr_ = false;
  }
  void LineBreaks(int n) {
    pending_ = true;
    breaks_ += n;
    after_cr_ = false;
  }
  void Cr() {
    pending_ = true;
    ++breaks_;
    after_cr_ = true;
  }
  void Lf() {
    pending_ = true;
    if (!after_cr_) ++breaks_;
    after_cr_ = false;
  }
  void CodePoint(char32_t c) {
    EmitSeparator();
    AppendUtf8(static_cast<uint32_t>(c), out_);
  }
  // Appends bytes that are already normalised and hold no white space.
  void Bytes(std::string_view s) {
    EmitSeparator();
    out_->append(s);
  }

  // Appends the bytes of an ASCII run (any classes except non-ASCII).
  void AsciiRun(const uint8_t* p, size_t n) {
    std::string& out = *out_;
    const size_t base = out.size();
    out.resize(base + n + 1);  // lower-casing keeps length; +1 for a pending separator
    char* const begin = out.data();
    char* d = begin + base;
    size_t i = 0;
    while (i < n) {
      uint8_t c = p[i];
      switch (kAsciiClass[c]) {
        case kCopy:
          if (pending_) {
            if (d != begin) *d++ = breaks_ >= 2 ? '\n' : ' ';
            pending_ = false;
            breaks_ = 0;
          }
          after_cr_ = false;
          do {
            *d++ = AsciiLower(c);
            if (++i == n) break;
            c = p[i];
          } while (kAsciiClass[c] == kCopy);
          continue;
        case kSpace:
          Space();
          break;
        case kLf:
          Lf();
          break;
        case kCr:
          Cr();
          break;
        default:  // kDrop: as if the byte were not there
          break;
      }
      ++i;
    }
    out.resize(static_cast<size_t>(d - begin));
  }

  // Feeds one code point of utf8proc's output through steps 3 and 4.
  void MappedCodePoint(char32_t c) {
    if (c < 0x80) {
      const auto b = static_cast<uint8_t>(c);
      AsciiRun(&b, 1);
      return;
    }
    if (c == 0x85 || c == 0x2028) {
      LineBreaks(1);
      return;
    }
    if (c == 0x2029) {
      LineBreaks(2);
      return;
    }
    if (c <= 0x9F) {  // C1 controls
      Space();
      return;
    }
    const char32_t folded = FoldTypographic(c);
    if (folded != c) {
      CodePoint(folded);
      return;
    }
    const utf8proc_category_t cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
    if (cat == UTF8PROC_CATEGORY_ZS) {
      Space();
    } else if (cat == UTF8PROC_CATEGORY_ZL) {
      LineBreaks(1);
    } else if (cat == UTF8PROC_CATEGORY_ZP) {
      LineBreaks(2);
    } else {
      CodePoint(c);
    }
  }

 private:
  void EmitSeparator() {
    if (pending_) {
      if (!out_->empty()) out_->push_back(breaks_ >= 2 ? '\n' : ' ');
      pending_ = false;
      breaks_ = 0;
    }
    after_cr_ = false;
  }

  std::string* out_;
  bool pending_ = false;  // white space seen since the last character
  int breaks_ = 0;        // line breaks in that white space
  bool after_cr_ = false; // the last byte was CR (so a following LF is no new break)
};

// Runs utf8proc over valid UTF-8 `s` (no NUL bytes) and feeds the result to `w`.
// `buffer` is scratch space reused between calls.
void MapWithUtf8proc(std::string_view s, std::vector<utf8proc_int32_t>* buffer, Writer* w) {
  const auto* str = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  const auto len = static_cast<utf8proc_ssize_t>(s.size());
  if (buffer->size() < s.size() + 16) buffer->resize(s.size() + 16);
  utf8proc_ssize_t n = utf8proc_decompose(str, len, buffer->data(),
                                          static_cast<utf8proc_ssize_t>(buffer->size()),
                                          kUtf8procOptions);
  if (n > static_cast<utf8proc_ssize_t>(buffer->size())) {
    buffer->resize(static_cast<size_t>(n));
    n = utf8proc_decompose(str, len, buffer->data(), n, kUtf8procOptions);
  }
  if (n >= 0) n = utf8proc_normalize_utf32(buffer->data(), n, kUtf8procOptions);
  if (n < 0) {
    // utf8proc rejects only ill-formed input, which RepairUtf8 has removed.
    // Should it ever happen, keep the code points unmapped rather than lose text.
    for (size_t i = 0; i < s.size();) {
      utf8proc_int32_t c = 0xFFFD;
      utf8proc_ssize_t k = utf8proc_iterate(str + i, len - static_cast<utf8proc_ssize_t>(i), &c);
      w->MappedCodePoint(static_cast<char32_t>(k > 0 ? c : 0xFFFD));
      i += k > 0 ? static_cast<size_t>(k) : 1;
    }
    return;
  }
  for (utf8proc_ssize_t i = 0; i < n; ++i) {
    w->MappedCodePoint(static_cast<char32_t>((*buffer)[static_cast<size_t>(i)]));
  }
}

// BMP code points that normalisation leaves alone wherever they stand:
// NFKC_Casefold maps them to themselves, their canonical combining class is 0
// (no reordering), no canonical decomposition has them after its first code
// point (so nothing before them can compose with them), and steps 3-4 do not
// touch them (not white space, a control or a folded quote or dash). A word of
// such characters (and lower-case ASCII) is its own normal form: a character
// that could compose with a following one would need a non-stable follower.
// Built once on first use from utf8proc's data (a few milliseconds).
const std::bitset<0x10000>& StableBmp() {
  static const auto* const stable = [] {
    std::bitset<0x10000> follower;  // appears after the start of some decomposition
    utf8proc_int32_t buf[32];
    for (utf8proc_int32_t c = 0x80; c < 0x30000; ++c) {
      if (c >= 0xD800 && c <= 0xDFFF) continue;
      int boundclass = 0;
      const utf8proc_ssize_t n =
          utf8proc_decompose_char(c, buf, 32, UTF8PROC_DECOMPOSE, &boundclass);
      for (utf8proc_ssize_t k = 1; k < n && k < 32; ++k) {
        if (buf[k] < 0x10000) follower.set(static_cast<size_t>(buf[k]));
      }
    }
    auto* table = new std::bitset<0x10000>;
    for (utf8proc_int32_t c = 0xA0; c < 0x10000; ++c) {
      if ((c >= 0xD800 && c <= 0xDFFF) || follower.test(static_cast<size_t>(c))) continue;
      const utf8proc_property_t* prop = utf8proc_get_property(c);
      if (prop->combining_class != 0) continue;
      const auto cat = static_cast<utf8proc_category_t>(prop->category);
      if (cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL ||
          cat == UTF8PROC_CATEGORY_ZP || cat == UTF8PROC_CATEGORY_CC ||
          cat == UTF8PROC_CATEGORY_CS || cat == UTF8PROC_CATEGORY_CN) {
        continue;
      }
      if (FoldTypographic(static_cast<char32_t>(c)) != static_cast<char32_t>(c)) continue;
      int boundclass = 0;
      utf8proc_ssize_t n = utf8proc_decompose_char(c, buf, 32, kUtf8procOptions, &boundclass);
      if (n < 1 || n > 32) continue;
      n = utf8proc_normalize_utf32(buf, n, kUtf8procOptions);
      if (n == 1 && buf[0] == c) table->set(static_cast<size_t>(c));
    }
    return table;
  }();
  return *stable;
}

// Normalises the valid UTF-8 word `s` (no ASCII white space or controls).
// Every stable character is a boundary: nothing before it changes it or what
// follows, so the word is cut before each one into segments of one stable
// character and the unstable characters after it (a combining mark stays with
// its base). Segments with only stable characters are copied as they are;
// the others go through utf8proc.
void NormalizeWord(std::string_view s, const std::bitset<0x10000>& stable,
                   std::vector<utf8proc_int32_t>* buffer, Writer* w) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const size_t n = s.size();
  size_t raw_begin = 0;   // stable bytes not yet written: [raw_begin, segment)
  size_t segment = 0;     // where the current segment began
  bool unstable = false;  // the current segment holds an unstable character
  const auto flush = [&](size_t end) {
    if (unstable) {
      if (segment > raw_begin) w->Bytes(s.substr(raw_begin, segment - raw_begin));
      MapWithUtf8proc(s.substr(segment, end - segment), buffer, w);
      raw_begin = end;
    }
  };
  for (size_t i = 0; i < n;) {
    const uint8_t b = p[i];
    bool is_stable;
    size_t len;
    if (b < 0x80) {
      is_stable = !(b >= 'A' && b <= 'Z');
      len = 1;
    } else if (b < 0xE0) {
      is_stable = stable.test(((b & 0x1Fu) << 6) | (p[i + 1] & 0x3Fu));
      len = 2;
    } else if (b < 0xF0) {
      is_stable = stable.test(((b & 0x0Fu) << 12) | ((p[i + 1] & 0x3Fu) << 6) | (p[i + 2] & 0x3Fu));
      len = 3;
    } else {
      is_stable = false;  // outside the BMP: leave it to utf8proc
      len = 4;
    }
    if (is_stable) {
      flush(i);
      segment = i;
      unstable = false;
    } else {
      unstable = true;
    }
    i += len;
  }
  if (unstable) {
    flush(n);
  } else if (n > raw_begin) {
    w->Bytes(s.substr(raw_begin, n - raw_begin));
  }
}

bool IsAscii(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  uint64_t acc = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t v;
    std::memcpy(&v, p + i, 8);
    acc |= v;
  }
  for (; i < n; ++i) acc |= p[i];
  return (acc & 0x8080808080808080ULL) == 0;
}

}  // namespace

char32_t FoldTypographic(char32_t c) {
  switch (c) {
    case 0x2018:  // LEFT SINGLE QUOTATION MARK
    case 0x2019:  // RIGHT SINGLE QUOTATION MARK (also the typographic apostrophe)
    case 0x201A:  // SINGLE LOW-9 QUOTATION MARK
    case 0x201B:  // SINGLE HIGH-REVERSED-9 QUOTATION MARK
    case 0x2032:  // PRIME
    case 0x2035:  // REVERSED PRIME
      return U'\'';
    case 0x201C:  // LEFT DOUBLE QUOTATION MARK
    case 0x201D:  // RIGHT DOUBLE QUOTATION MARK
    case 0x201E:  // DOUBLE LOW-9 QUOTATION MARK
    case 0x201F:  // DOUBLE HIGH-REVERSED-9 QUOTATION MARK
    case 0x2033:  // DOUBLE PRIME
    case 0x2036:  // REVERSED DOUBLE PRIME
    case 0x00AB:  // LEFT-POINTING DOUBLE ANGLE QUOTATION MARK
    case 0x00BB:  // RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK
    case 0x2039:  // SINGLE LEFT-POINTING ANGLE QUOTATION MARK
    case 0x203A:  // SINGLE RIGHT-POINTING ANGLE QUOTATION MARK
      return U'"';
    case 0x2010:  // HYPHEN
    case 0x2011:  // NON-BREAKING HYPHEN
    case 0x2012:  // FIGURE DASH
    case 0x2013:  // EN DASH
    case 0x2014:  // EM DASH
    case 0x2015:  // HORIZONTAL BAR
    case 0x2212:  // MINUS SIGN
    case 0x2E3A:  // TWO-EM DASH
    case 0x2E3B:  // THREE-EM DASH
    case 0xFE58:  // SMALL EM DASH
    case 0xFE63:  // SMALL HYPHEN-MINUS
    case 0xFF0D:  // FULLWIDTH HYPHEN-MINUS
      return U'-';
    default:
      return c;
  }
}

std::string NormalizeFast(std::string_view text) {
  std::string out;
  Writer w(&out);
  if (IsAscii(text)) {
    out.reserve(text.size() + 1);
    w.AsciiRun(reinterpret_cast<const uint8_t*>(text.data()), text.size());
    return out;
  }
  // Repair first (it also drops NUL bytes, which must not split a word here:
  // "a<NUL><U+0301>" is "a" + accent once the NUL is gone).
  std::string repaired;
  if (text.find('\0') != std::string_view::npos || !IsValidUtf8(text)) {
    repaired = RepairUtf8(text);
    text = repaired;
  }
  out.reserve(text.size() + text.size() / 8 + 16);
  std::vector<utf8proc_int32_t> buffer;
  const std::bitset<0x10000>& stable = StableBmp();
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    // [i, j): a word, i.e. bytes up to the next ASCII white-space/control byte.
    size_t j = i;
    bool ascii = true;
    while (j < n && !IsAsciiSeparatorByte(p[j])) {
      ascii &= p[j] < 0x80;
      ++j;
    }
    if (ascii) {
      w.AsciiRun(p + i, j - i);
    } else {
      NormalizeWord(text.substr(i, j - i), stable, &buffer, &w);
    }
    // [j, k): the ASCII separators after it.
    size_t k = j;
    while (k < n && IsAsciiSeparatorByte(p[k])) ++k;
    w.AsciiRun(p + j, k - j);
    i = k;
  }
  return out;
}

std::string NormalizeReference(std::string_view text) {
  const std::string repaired = RepairUtf8(text);  // also drops NUL bytes
  std::string out;
  Writer w(&out);
  utf8proc_uint8_t* mapped = nullptr;
  const utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(repaired.data()),
                   static_cast<utf8proc_ssize_t>(repaired.size()), &mapped, kUtf8procOptions);
  if (n >= 0) {
    const auto* s = mapped;
    for (utf8proc_ssize_t i = 0; i < n;) {
      utf8proc_int32_t c = 0;
      const utf8proc_ssize_t k = utf8proc_iterate(s + i, n - i, &c);
      if (k <= 0) break;
      w.MappedCodePoint(static_cast<char32_t>(c));
      i += k;
    }
  }
  std::free(mapped);
  return out;
}

}  // namespace libdiff::internal
