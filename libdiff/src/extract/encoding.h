// Copyright 2026 The libdiff Authors.
//
// Character encoding of fetched HTML: which charset the bytes are in, and their
// conversion to UTF-8. Private to libdiff.
//
// The charset is chosen in this order (docs/extract.md, "Encoding"):
//   1. a byte order mark (UTF-8, UTF-16LE, UTF-16BE);
//   2. the charset parameter of the HTTP Content-Type;
//   3. <meta charset=...> or <meta http-equiv=Content-Type content="...; charset=...">
//      within the first 64 KiB;
//   4. UTF-8 when the bytes are well-formed UTF-8, else Windows-1252.
// Declarations are checked against the bytes, because pages lie about their
// charset: a declared UTF-8 page whose bytes are mostly ill-formed is read as
// Windows-1252, and a declared Latin-1/Windows-1252/ASCII page whose bytes are
// well-formed UTF-8 with at least one multi-byte sequence is read as UTF-8.
// UTF-8 encoded twice (a lead byte's Latin-1 character followed by a C1
// control or a Windows-1252 character of 0x80..0x9F, at least one such pair
// for every eight multi-byte characters) is decoded once more.
// Labels are mapped as the WHATWG Encoding standard does (latin1, ascii ->
// windows-1252; gb2312 -> GB18030; a <meta> naming UTF-16 means UTF-8).
//
// Thread safety: the functions keep no state and may be called concurrently.
#ifndef LIBDIFF_SRC_EXTRACT_ENCODING_H_
#define LIBDIFF_SRC_EXTRACT_ENCODING_H_

#include <string>
#include <string_view>

namespace libdiff::internal {

struct CharsetDecision {
  std::string charset;  // normalised label: "utf-8", "windows-1252", "utf-16le", or an iconv name
  std::string source;   // "bom", "content-type", "meta", "fallback", or "<source>+checked"
  // True when the bytes were found to be well-formed UTF-8 without NUL bytes
  // while deciding (ConvertToUtf8 then copies them without checking again).
  bool clean_utf8 = false;
  // True when the bytes are UTF-8 encoded twice: a page's UTF-8 read as
  // Latin-1 or Windows-1252 and encoded again ("\xC3\xA2\xC2\x80\xC2\x99"
  // for U+2019). ConvertToUtf8 then undoes the second encoding.
  bool double_encoded = false;
};

// Decides the charset of `html` given the HTTP Content-Type (may be empty).
CharsetDecision DetectCharset(std::string_view html, std::string_view content_type);

// Returns `html` converted to well-formed UTF-8 without NUL bytes, reading it
// in `charset` (from DetectCharset). Bytes that cannot be decoded become
// U+FFFD; an unknown charset is read as Windows-1252. A leading BOM is dropped.
std::string ConvertToUtf8(std::string_view html, const std::string& charset);

// As above, with the decision from DetectCharset(html, ...) for these same
// bytes: skips the second well-formedness check when the decision made it.
std::string ConvertToUtf8(std::string_view html, const CharsetDecision& decision);

// True when ConvertToUtf8(html, decision) is `html` as it is, bar a leading
// BOM (well-formed UTF-8 without NUL bytes, decided so by DetectCharset):
// sets *utf8 to that part of `html`, which then needs no conversion.
bool IsUtf8AsIs(std::string_view html, const CharsetDecision& decision, std::string_view* utf8);

// The normalised charset label for `label` (case-insensitive, WHATWG aliases);
// empty when `label` is empty.
std::string NormalizeCharsetLabel(std::string_view label);

}  // namespace libdiff::internal

#endif  // LIBDIFF_SRC_EXTRACT_ENCODING_H_
