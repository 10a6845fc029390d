// Copyright 2026 The libdiff Authors.
#include "extract/encoding.h"

#include <gtest/gtest.h>

#include <string>

#include "util/utf8.h"

namespace libdiff::internal {
namespace {

TEST(CharsetDetection, ByteOrderMarkComesFirst) {
  const std::string html = "\xEF\xBB\xBF<meta charset=\"windows-1252\"><p>x</p>";
  const CharsetDecision d = DetectCharset(html, "text/html; charset=iso-8859-2");
  EXPECT_EQ(d.charset, "utf-8");
  EXPECT_EQ(d.source, "bom");
  EXPECT_EQ(DetectCharset("\xFF\xFE<\0h\0", "").charset, "utf-16le");
  EXPECT_EQ(DetectCharset("\xFE\xFF\0<\0h", "").charset, "utf-16be");
}

TEST(CharsetDetection, ContentTypeComesBeforeMeta) {
  const CharsetDecision d =
      DetectCharset("<meta charset=\"utf-8\"><p>x</p>", "text/html; Charset=\"ISO-8859-2\"");
  EXPECT_EQ(d.charset, "iso-8859-2");
  EXPECT_EQ(d.source, "content-type");
}

TEST(CharsetDetection, MetaCharsetAndHttpEquivAreRead) {
  EXPECT_EQ(DetectCharset("<head><META CHARSET=Shift_JIS></head>", "").charset, "shift_jis");
  const CharsetDecision d = DetectCharset(
      "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">", "text/html");
  EXPECT_EQ(d.charset, "koi8-r");
  EXPECT_EQ(d.source, "meta");
}

TEST(CharsetDetection, FallbackIsUtf8WhenWellFormedElseWindows1252) {
  EXPECT_EQ(DetectCharset("<p>caf\xC3\xA9</p>", "").charset, "utf-8");
  EXPECT_EQ(DetectCharset("<p>caf\xE9 cr\xE8me</p>", "").charset, "windows-1252");
  EXPECT_EQ(DetectCharset("<p>plain</p>", "").source, "fallback");
}

TEST(CharsetDetection, LabelsFollowTheWhatwgAliases) {
  EXPECT_EQ(NormalizeCharsetLabel("ISO-8859-1"), "windows-1252");
  EXPECT_EQ(NormalizeCharsetLabel("latin1"), "windows-1252");
  EXPECT_EQ(NormalizeCharsetLabel("US-ASCII"), "windows-1252");
  EXPECT_EQ(NormalizeCharsetLabel("UTF8"), "utf-8");
  EXPECT_EQ(NormalizeCharsetLabel("gb2312"), "gb18030");
  EXPECT_EQ(NormalizeCharsetLabel(""), "");
  // A <meta> naming UTF-16 in an ASCII-compatible document means UTF-8.
  EXPECT_EQ(DetectCharset("<meta charset=utf-16><p>x</p>", "").charset, "utf-8");
}

TEST(CharsetDetection, DeclaredUtf8WithMostlyBadBytesIsWindows1252) {
  const CharsetDecision d = DetectCharset("<meta charset=utf-8><p>cr\xE8me br\xFBl\xE9""e</p>", "");
  EXPECT_EQ(d.charset, "windows-1252");
  EXPECT_EQ(d.source, "meta+checked");
}

TEST(CharsetDetection, DeclaredUtf8WithAFewStrayBytesStaysUtf8) {
  std::string html = "<meta charset=utf-8><p>";
  for (int i = 0; i < 10; ++i) html += "caf\xC3\xA9 ";
  html += "\xFF</p>";
  EXPECT_EQ(DetectCharset(html, "").charset, "utf-8");
}

TEST(CharsetConversion, Windows1252HighBytesMapToTheirCodePoints) {
  EXPECT_EQ(ConvertToUtf8("\x93quoted\x94 \x80 caf\xE9", "windows-1252"),
            "\xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x82\xAC caf\xC3\xA9");
}

TEST(CharsetConversion, Utf16IsDecodedIncludingSurrogatePairs) {
  const std::string le("\xFF\xFEh\0i\0=\xD8\x00\xDE", 10);  // "hi" + U+1F600
  EXPECT_EQ(ConvertToUtf8(le, "utf-16le"), "hi\xF0\x9F\x98\x80");
}

TEST(CharsetConversion, IconvCharsetsAreDecoded) {
  EXPECT_EQ(ConvertToUtf8("\xF0\xD2\xC9\xD7\xC5\xD4", "koi8-r"), "Привет");
}

TEST(CharsetConversion, UnknownCharsetFallsBackToWindows1252) {
  EXPECT_EQ(ConvertToUtf8("caf\xE9", "x-no-such-charset"), "caf\xC3\xA9");
}

TEST(CharsetConversion, OutputIsValidUtf8WithoutNulsWhateverTheCharset) {
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes.push_back(static_cast<char>(i));
  for (const char* cs : {"utf-8", "windows-1252", "utf-16le", "utf-16be", "shift_jis", "koi8-r",
                         "gb18030", "x-unknown"}) {
    const std::string out = ConvertToUtf8(bytes, cs);
    EXPECT_TRUE(IsValidUtf8(out)) << cs;
    EXPECT_EQ(out.find('\0'), std::string::npos) << cs;
  }
}

TEST(CharsetConversion, DecisionSaysWhenTheBytesAreAlreadyCleanUtf8) {
  // Long enough to exercise the eight-bytes-at-a-time ASCII scan.
  const std::string ascii = "<meta charset=utf-8><p>" + std::string(100, 'a') + "</p>";
  const std::string clean =
      ascii + "caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D caf\xC3\xA9 caf\xC3\xA9";
  const CharsetDecision d = DetectCharset(clean, "");
  EXPECT_TRUE(d.clean_utf8);
  EXPECT_EQ(ConvertToUtf8(clean, d), clean);
  EXPECT_TRUE(DetectCharset(ascii, "").clean_utf8);  // fallback path too

  // A stray byte or a NUL anywhere, even after a long ASCII run, is not clean
  // and is repaired by the conversion.
  for (const std::string& dirty : {clean + "\xFF", ascii + std::string(1, '\0') + "x"}) {
    const CharsetDecision dd = DetectCharset(dirty, "");
    EXPECT_EQ(dd.charset, "utf-8");
    EXPECT_FALSE(dd.clean_utf8);
    const std::string out = ConvertToUtf8(dirty, dd);
    EXPECT_TRUE(IsValidUtf8(out));
    EXPECT_EQ(out.find('\0'), std::string::npos);
  }
}

// The ASCII scan reads 32 bytes at a time: a byte that is not plain ASCII
// is seen wherever it sits in such a block.
TEST(CharsetDetection, EveryByteOfTheAsciiScanIsChecked) {
  for (size_t at = 0; at < 70; ++at) {
    std::string page(100, 'a');
    page.insert(at, std::string(1, '\0'));
    EXPECT_FALSE(DetectCharset(page, "").clean_utf8) << at;
    page[at] = '\xFF';
    EXPECT_EQ(DetectCharset(page, "").charset, "windows-1252") << at;
    page.replace(at, 1, "\xC3\xA9");
    const CharsetDecision d = DetectCharset(page, "");
    EXPECT_EQ(d.charset, "utf-8") << at;
    EXPECT_TRUE(d.clean_utf8) << at;
  }
}

TEST(CharsetConversion, CleanUtf8IsReadAsItIsWithoutACopy) {
  const std::string clean = "<meta charset=utf-8><p>caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D</p>";
  std::string_view as_is;
  ASSERT_TRUE(IsUtf8AsIs(clean, DetectCharset(clean, ""), &as_is));
  EXPECT_EQ(as_is.data(), clean.data());
  EXPECT_EQ(as_is, clean);
  // A byte order mark is left out of the text (DetectCharset itself then
  // does not vouch for the bytes: they are checked while converted).
  const std::string bom = "\xEF\xBB\xBF" + clean;
  const CharsetDecision clean_decision{"utf-8", "meta", /*clean_utf8=*/true};
  ASSERT_TRUE(IsUtf8AsIs(bom, clean_decision, &as_is));
  EXPECT_EQ(as_is, clean);
  EXPECT_EQ(ConvertToUtf8(bom, clean_decision), clean);
  EXPECT_FALSE(IsUtf8AsIs(bom, DetectCharset(bom, ""), &as_is));
  EXPECT_EQ(ConvertToUtf8(bom, DetectCharset(bom, "")), clean);
  // A stray byte, a NUL, another charset or UTF-8 encoded twice need converting.
  for (const std::string& other :
       {clean + "\xFF", clean + std::string(1, '\0'),
        std::string("<meta charset=iso-8859-2><p>\xE9</p>"),
        std::string("<p>\xC3\xA2\xC2\x80\xC2\x99 \xC3\xA2\xC2\x80\xC2\x9C</p>")}) {
    EXPECT_FALSE(IsUtf8AsIs(other, DetectCharset(other, ""), &as_is)) << other;
  }
}

// Expects DetectCharset to call `html` encoded twice or not, and its
// conversion to give `utf8`.
void ExpectDoubleEncoding(const std::string& html, bool double_encoded, const std::string& utf8) {
  const CharsetDecision d = DetectCharset(html, "");
  EXPECT_EQ(d.double_encoded, double_encoded);
  EXPECT_EQ(ConvertToUtf8(html, d), utf8);
}

TEST(CharsetConversion, Utf8EncodedTwiceIsDecodedOnce) {
  // U+2019 and U+201C/U+201D read as Latin-1 (C1 controls) and encoded again,
  // and U+00E9 and U+2019 read as Windows-1252 and encoded again.
  ExpectDoubleEncoding(
      "<meta charset=\"UTF-8\"><p>Investor\xC3\xA2\xC2\x80\xC2\x99s guide: "
      "\xC3\xA2\xC2\x80\xC2\x9Csimple\xC3\xA2\xC2\x80\xC2\x9D, caf\xC3\x83\xC2\xA9 "
      "\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2</p>",
      true,
      "<meta charset=\"UTF-8\"><p>Investor\xE2\x80\x99s guide: "
      "\xE2\x80\x9Csimple\xE2\x80\x9D, caf\xC3\xA9 \xE2\x80\x99</p>");
  // Latin-1 letters next to each other, one lone pair among many ordinary
  // characters: well-formed text, copied as it is.
  const std::string text =
      "<meta charset=utf-8><p>\xC3\x83\xC2\xA9t\xC3\xA9 \xC3\xA2\xC2\x80 "
      "\xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x80\x9Cquoted\xE2\x80\x9D "
      "\xE2\x80\x9Cquoted\xE2\x80\x9D caf\xC3\xA9 caf\xC3\xA9</p>";
  ExpectDoubleEncoding(text, false, text);
}

}  // namespace
}  // namespace libdiff::internal
