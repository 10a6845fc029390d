// Copyright 2026 The libdiff Authors.
#include "extract/encoding.h"

#include <iconv.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>

#include "util/utf8.h"

namespace libdiff::internal {

namespace {

constexpr size_t kMetaScanBytes = 64 * 1024;

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

bool IsLabelChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == ':' || c == '.';
}

// The value after "charset" in `s` (lower-cased), e.g. from "text/html; charset=UTF-8".
std::string CharsetParameter(std::string_view s) {
  const std::string lower = LowerAscii(s);
  size_t pos = 0;
  while ((pos = lower.find("charset", pos)) != std::string::npos) {
    size_t i = pos + 7;
    while (i < lower.size() && (lower[i] == ' ' || lower[i] == '\t')) ++i;
    if (i < lower.size() && lower[i] == '=') {
      ++i;
      while (i < lower.size() && (lower[i] == ' ' || lower[i] == '"' || lower[i] == '\'')) ++i;
      size_t start = i;
      while (i < lower.size() && IsLabelChar(lower[i])) ++i;
      if (i > start) return lower.substr(start, i - start);
    }
    pos += 7;
  }
  return "";
}

// Position of the next "<meta" (any case) in `s` at or after `from`, or npos.
size_t FindMetaTag(std::string_view s, size_t from) {
  while (from < s.size()) {
    const void* p = std::memchr(s.data() + from, '<', s.size() - from);
    if (p == nullptr) return std::string_view::npos;
    const size_t at = static_cast<size_t>(static_cast<const char*>(p) - s.data());
    if (s.size() - at >= 5 && Lower(s[at + 1]) == 'm' && Lower(s[at + 2]) == 'e' &&
        Lower(s[at + 3]) == 't' && Lower(s[at + 4]) == 'a') {
      return at;
    }
    from = at + 1;
  }
  return std::string_view::npos;
}

// The charset named by a <meta> tag in the first kMetaScanBytes of `html`.
// Only the tags are lower-cased (CharsetParameter), not the whole prefix.
std::string MetaCharset(std::string_view html) {
  const std::string_view head = html.substr(0, kMetaScanBytes);
  size_t pos = 0;
  while ((pos = FindMetaTag(head, pos)) != std::string_view::npos) {
    size_t end = head.find('>', pos);
    if (end == std::string_view::npos) end = head.size();
    std::string label = CharsetParameter(head.substr(pos, end - pos));
    if (!label.empty()) return label;
    pos = end;
  }
  return "";
}

struct Utf8Census {
  size_t multibyte = 0;  // well-formed sequences of 2..4 bytes
  size_t invalid = 0;    // ill-formed bytes
  bool nul = false;      // a NUL byte somewhere
  // Characters U+00C2..U+00F4 (a UTF-8 lead byte read as Latin-1) followed
  // at once by a C1 control or a Windows-1252 character of 0x80..0x9F (a
  // continuation byte read as Latin-1 or Windows-1252): "\u00e2\u0080\u0099"
  // or "\u00e2\u20ac\u2122" for U+2019. Text does not hold these pairs;
  // UTF-8 encoded twice does.
  size_t mojibake = 0;
};

// Windows-1252 bytes 0x80..0x9F; 0 where the byte is undefined (read as U+FFFD).
constexpr uint16_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

// The byte 0x80..0xBF that `cp` stands for when a UTF-8 continuation byte was
// read as Latin-1 or Windows-1252; 0 when it stands for none.
uint8_t ContinuationByte(uint32_t cp) {
  if (cp >= 0x80 && cp <= 0xBF) return static_cast<uint8_t>(cp);
  if (cp < 0x100) return 0;
  for (uint8_t k = 0; k < 32; ++k) {
    if (kCp1252High[k] == cp) return static_cast<uint8_t>(0x80 + k);
  }
  return 0;
}

// Bytes of the 8 at p that are >= 0x80 or NUL have their high bit set in the
// result (a high bit, or the classic has-zero-byte test).
inline uint64_t NotPlainAscii8(const uint8_t* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
  return (w | ((w - kOnes) & ~w)) & kHighs;
}

// True when none of the 8 bytes at p is >= 0x80 or NUL.
inline bool PlainAscii8(const uint8_t* p) { return NotPlainAscii8(p) == 0; }

// True when none of the 32 bytes at p is >= 0x80 or NUL.
inline bool PlainAscii32(const uint8_t* p) {
#if defined(__SSE2__)
  // As signed bytes, plain ASCII is exactly what is greater than zero.
  const __m128i zero = _mm_setzero_si128();
  const __m128i a = _mm_cmpgt_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)), zero);
  const __m128i b = _mm_cmpgt_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16)), zero);
  return _mm_movemask_epi8(_mm_and_si128(a, b)) == 0xFFFF;
#else
  return (NotPlainAscii8(p) | NotPlainAscii8(p + 8) | NotPlainAscii8(p + 16) |
          NotPlainAscii8(p + 24)) == 0;
#endif
}

Utf8Census CountUtf8(std::string_view s) {
  Utf8Census c;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const size_t n = s.size();
  size_t after_lead = n;  // where a sequence for U+00C2..U+00F4 ended
  for (size_t i = 0; i < n;) {
    // Pages are mostly ASCII markup: skip it 32, then eight bytes at a time.
    while (i + 32 <= n && PlainAscii32(p + i)) i += 32;
    while (i + 8 <= n && PlainAscii8(p + i)) i += 8;
    if (i >= n) break;
    const uint8_t b = p[i];
    if (b < 0x80) {
      if (b == 0) c.nul = true;
      ++i;
      continue;
    }
    size_t need = 0;
    uint8_t lo = 0x80, hi = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) {
      need = 1;
    } else if (b >= 0xE0 && b <= 0xEF) {
      need = 2;
      if (b == 0xE0) lo = 0xA0;
      if (b == 0xED) hi = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
      need = 3;
      if (b == 0xF0) lo = 0x90;
      if (b == 0xF4) hi = 0x8F;
    }
    bool ok = need > 0;
    for (size_t k = 1; ok && k <= need; ++k) {
      if (i + k >= n) {
        ok = false;
        break;
      }
      const uint8_t t = p[i + k];
      if (t < (k == 1 ? lo : 0x80) || t > (k == 1 ? hi : 0xBF)) ok = false;
    }
    if (ok) {
      ++c.multibyte;
      if (i == after_lead) {
        uint32_t cp = b & (0xFFu >> (need + 2));
        for (size_t k = 1; k <= need; ++k) cp = cp << 6 | (p[i + k] & 0x3Fu);
        if (cp <= 0x9F || (cp >= 0x100 && ContinuationByte(cp) != 0 && ContinuationByte(cp) < 0xA0))
          ++c.mojibake;
      }
      if (b == 0xC3 && p[i + 1] >= 0x82 && p[i + 1] <= 0xB4) after_lead = i + 2;
      i += need + 1;
    } else {
      ++c.invalid;
      ++i;
    }
  }
  return c;
}

// Mostly UTF-8: a page with a few stray bytes is repaired rather than re-read
// as Windows-1252 (which would garble every other non-ASCII character).
bool LooksLikeUtf8(const Utf8Census& c) { return c.invalid == 0 || c.multibyte >= 4 * c.invalid; }

bool CleanUtf8(const Utf8Census& c) { return c.invalid == 0 && !c.nul; }

// UTF-8 encoded twice (read as Latin-1 or Windows-1252 and encoded again):
// a few pairs that text does not hold, and at least one for every eight
// multi-byte characters (a double-encoded U+2019 is three of them).
bool DoubleEncoded(const Utf8Census& c) { return c.mojibake >= 2 && c.mojibake * 8 >= c.multibyte; }

// The code point of the well-formed UTF-8 sequence at s[i], its length in
// `*len`.
uint32_t DecodeAt(std::string_view s, size_t i, size_t* len) {
  const auto b = static_cast<uint8_t>(s[i]);
  const size_t need = b < 0x80 ? 0 : b < 0xE0 ? 1 : b < 0xF0 ? 2 : 3;
  uint32_t cp = need == 0 ? b : b & (0xFFu >> (need + 2));
  for (size_t k = 1; k <= need && i + k < s.size(); ++k)
    cp = cp << 6 | (static_cast<uint8_t>(s[i + k]) & 0x3Fu);
  *len = std::min(need + 1, s.size() - i);
  return cp;
}

// Undoes a second UTF-8 encoding in well-formed UTF-8 `s`: each character
// U+00C2..U+00F4 followed by the continuation characters its lead byte needs
// (ContinuationByte) becomes the character those bytes encode, when they
// form a well-formed sequence. Everything else is copied.
std::string UndoDoubleEncoding(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    size_t len = 0;
    const uint32_t lead = DecodeAt(s, i, &len);
    if (lead >= 0xC2 && lead <= 0xF4) {
      const size_t need = lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3;
      std::string bytes(1, static_cast<char>(lead));
      size_t j = i + len;
      while (bytes.size() <= need && j < s.size()) {
        size_t l = 0;
        const uint8_t byte = ContinuationByte(DecodeAt(s, j, &l));
        if (byte == 0) break;
        bytes.push_back(static_cast<char>(byte));
        j += l;
      }
      if (bytes.size() == need + 1 && IsValidUtf8(bytes)) {
        out += bytes;
        i = j;
        continue;
      }
    }
    out.append(s.substr(i, len));
    i += len;
  }
  return out;
}

bool IsSingleByteLatin(const std::string& charset) { return charset == "windows-1252"; }

void AppendCodePoint(uint32_t cp, std::string* out) {
  if (cp != 0) AppendUtf8(cp, out);
}

std::string FromCp1252(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char ch : s) {
    const auto b = static_cast<uint8_t>(ch);
    if (b < 0x80) {
      if (b != 0) out.push_back(ch);
    } else if (b < 0xA0) {
      const uint16_t cp = kCp1252High[b - 0x80];
      AppendCodePoint(cp == 0 ? 0xFFFD : cp, &out);
    } else {
      AppendCodePoint(b, &out);
    }
  }
  return out;
}

std::string FromUtf16(std::string_view s, bool little_endian) {
  std::string out;
  out.reserve(s.size());
  const auto unit = [&](size_t i) -> uint32_t {
    const auto a = static_cast<uint8_t>(s[i]), b = static_cast<uint8_t>(s[i + 1]);
    return little_endian ? (static_cast<uint32_t>(b) << 8 | a)
                         : (static_cast<uint32_t>(a) << 8 | b);
  };
  size_t i = 0;
  for (; i + 1 < s.size(); i += 2) {
    uint32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF && i + 3 < s.size()) {
      const uint32_t v = unit(i + 2);
      if (v >= 0xDC00 && v <= 0xDFFF) {
        AppendCodePoint(0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00), &out);
        i += 2;
        continue;
      }
    }
    AppendCodePoint(u, &out);
  }
  if (i < s.size()) AppendCodePoint(0xFFFD, &out);
  return out;
}

// Converts with the C library's iconv; undecodable bytes become U+FFFD.
// Returns false when iconv does not know `charset`.
bool FromIconv(std::string_view s, const std::string& charset, std::string* out) {
  iconv_t cd = iconv_open("UTF-8", charset.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  out->clear();
  out->reserve(s.size() * 2);
  std::string buffer(16 * 1024, '\0');
  char* in = const_cast<char*>(s.data());
  size_t in_left = s.size();
  while (in_left > 0) {
    char* dst = buffer.data();
    size_t dst_left = buffer.size();
    const size_t rc = iconv(cd, &in, &in_left, &dst, &dst_left);
    out->append(buffer.data(), buffer.size() - dst_left);
    if (rc == static_cast<size_t>(-1)) {
      if (errno == E2BIG) continue;
      // EILSEQ or EINVAL (truncated at the end): skip one byte.
      out->append("\xEF\xBF\xBD");
      ++in;
      --in_left;
      iconv(cd, nullptr, nullptr, nullptr, nullptr);
    }
  }
  iconv_close(cd);
  std::string clean;
  clean.reserve(out->size());
  for (char c : *out) {
    if (c != '\0') clean.push_back(c);
  }
  *out = IsValidUtf8(clean) ? std::move(clean) : RepairUtf8(clean);
  return true;
}

}  // namespace

std::string NormalizeCharsetLabel(std::string_view label) {
  std::string l = LowerAscii(label);
  while (!l.empty() && (l.back() == ' ' || l.back() == '"' || l.back() == '\'')) l.pop_back();
  if (l.empty()) return "";
  if (l == "utf-8" || l == "utf8" || l == "unicode-1-1-utf-8" || l == "x-unicode20utf8")
    return "utf-8";
  if (l == "iso-8859-1" || l == "iso8859-1" || l == "iso_8859-1" || l == "latin1" || l == "l1" ||
      l == "us-ascii" || l == "ascii" || l == "windows-1252" || l == "cp1252" || l == "x-cp1252" ||
      l == "cp819" || l == "ibm819" || l == "iso-ir-100" || l == "ansi_x3.4-1968")
    return "windows-1252";
  if (l == "utf-16le" || l == "utf-16") return "utf-16le";
  if (l == "utf-16be") return "utf-16be";
  if (l == "gb2312" || l == "gbk" || l == "x-gbk" || l == "gb_2312-80" || l == "chinese" ||
      l == "gb18030")
    return "gb18030";
  if (l == "x-sjis" || l == "sjis" || l == "shift-jis" || l == "ms_kanji") return "shift_jis";
  if (l == "ks_c_5601-1987" || l == "korean") return "euc-kr";
  if (l == "tis-620" || l == "iso-8859-11") return "windows-874";
  return l;
}

CharsetDecision DetectCharset(std::string_view html, std::string_view content_type) {
  if (html.size() >= 3 && std::memcmp(html.data(), "\xEF\xBB\xBF", 3) == 0) return {"utf-8", "bom"};
  if (html.size() >= 2 && std::memcmp(html.data(), "\xFF\xFE", 2) == 0) return {"utf-16le", "bom"};
  if (html.size() >= 2 && std::memcmp(html.data(), "\xFE\xFF", 2) == 0) return {"utf-16be", "bom"};

  std::string declared = NormalizeCharsetLabel(CharsetParameter(content_type));
  std::string source = "content-type";
  if (declared.empty()) {
    declared = NormalizeCharsetLabel(MetaCharset(html));
    source = "meta";
    // A document that could be read to find this <meta> is ASCII-compatible.
    if (declared == "utf-16le" || declared == "utf-16be") declared = "utf-8";
  }
  if (declared.empty()) {
    const Utf8Census c = CountUtf8(html);
    if (LooksLikeUtf8(c)) return {"utf-8", "fallback", CleanUtf8(c), DoubleEncoded(c)};
    return {"windows-1252", "fallback"};
  }
  if (declared == "utf-8") {
    const Utf8Census c = CountUtf8(html);
    if (!LooksLikeUtf8(c)) return {"windows-1252", source + "+checked"};
    return {declared, source, CleanUtf8(c), DoubleEncoded(c)};
  }
  if (IsSingleByteLatin(declared)) {
    const Utf8Census c = CountUtf8(html);
    if (c.invalid == 0 && c.multibyte > 0)
      return {"utf-8", source + "+checked", CleanUtf8(c), DoubleEncoded(c)};
  }
  return {declared, source};
}

bool IsUtf8AsIs(std::string_view html, const CharsetDecision& decision, std::string_view* utf8) {
  if (decision.double_encoded || !decision.clean_utf8 || decision.charset != "utf-8") return false;
  if (html.size() >= 3 && std::memcmp(html.data(), "\xEF\xBB\xBF", 3) == 0) html.remove_prefix(3);
  *utf8 = html;
  return true;
}

std::string ConvertToUtf8(std::string_view html, const CharsetDecision& decision) {
  if (decision.double_encoded && decision.charset == "utf-8")
    return UndoDoubleEncoding(ConvertToUtf8(html, decision.charset));
  std::string_view utf8;
  if (IsUtf8AsIs(html, decision, &utf8)) return std::string(utf8);
  return ConvertToUtf8(html, decision.charset);
}

std::string ConvertToUtf8(std::string_view html, const std::string& charset) {
  if (charset == "utf-16le" || charset == "utf-16be") {
    if (html.size() >= 2 && (std::memcmp(html.data(), "\xFF\xFE", 2) == 0 ||
                             std::memcmp(html.data(), "\xFE\xFF", 2) == 0))
      html.remove_prefix(2);
    return FromUtf16(html, charset == "utf-16le");
  }
  if (html.size() >= 3 && std::memcmp(html.data(), "\xEF\xBB\xBF", 3) == 0) html.remove_prefix(3);
  if (charset == "utf-8") {
    if (IsValidUtf8(html) && std::memchr(html.data(), '\0', html.size()) == nullptr)
      return std::string(html);
    return RepairUtf8(html);
  }
  if (charset == "windows-1252") return FromCp1252(html);
  std::string out;
  if (FromIconv(html, charset, &out)) return out;
  return FromCp1252(html);
}

}  // namespace libdiff::internal
