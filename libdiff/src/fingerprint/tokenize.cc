// Copyright 2026 The libdiff Authors.
#include "fingerprint/tokenize.h"

#include <utf8proc.h>

#include <array>
#include <bit>
#include <memory>

#include "fingerprint/cpu.h"  // <immintrin.h> on x86-64

#if defined(__SSE2__) && !defined(__x86_64__)
#include <emmintrin.h>
#endif

#define XXH_INLINE_ALL  // token hashes are short: inlining XXH3 saves the call
#include <xxhash.h>

namespace libdiff::internal {

namespace {

constexpr std::array<bool, 256> MakeAsciiWordTable() {
  std::array<bool, 256> t{};
  for (int c = '0'; c <= '9'; ++c) t[static_cast<size_t>(c)] = true;
  for (int c = 'a'; c <= 'z'; ++c) t[static_cast<size_t>(c)] = true;
  for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<size_t>(c)] = true;
  return t;
}
constexpr std::array<bool, 256> kAsciiWord = MakeAsciiWordTable();

enum class Kind : uint8_t {
  kSeparator,
  kWord,     // letter or number of a script written with spaces
  kMark,     // combining mark: continues the current token or character
  kCluster,  // letter or number of a script without spaces
};

// Decodes the code point at p (n > 0 bytes left, p[0] >= 0x80). Returns its
// length, or 0 when the bytes are not a UTF-8 sequence.
inline size_t Decode(const uint8_t* p, size_t n, char32_t* c) {
  const uint8_t b0 = p[0];
  const auto cont = [&](size_t k) { return k < n && (p[k] & 0xC0) == 0x80; };
  if (b0 < 0xC2) return 0;
  if (b0 < 0xE0) {
    if (!cont(1)) return 0;
    *c = static_cast<char32_t>(((b0 & 0x1F) << 6) | (p[1] & 0x3F));
    return 2;
  }
  if (b0 < 0xF0) {
    if (!cont(1) || !cont(2)) return 0;
    *c = static_cast<char32_t>(((b0 & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F));
    return 3;
  }
  if (b0 < 0xF5) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    *c = static_cast<char32_t>(((b0 & 0x07) << 18) | ((p[1] & 0x3F) << 12) |
                               ((p[2] & 0x3F) << 6) | (p[3] & 0x3F));
    return *c <= 0x10FFFF ? 4 : 0;
  }
  return 0;
}

Kind ClassifySlow(char32_t c) {
  const utf8proc_category_t cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
  const bool letter_or_number = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
                                (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
  if (letter_or_number) return IsNoSpaceScript(c) ? Kind::kCluster : Kind::kWord;
  if (cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME) return Kind::kMark;
  return Kind::kSeparator;
}

// The kinds of all BMP code points, computed once (65,536 property lookups,
// well under a millisecond) on first use: one byte load per character instead
// of utf8proc's two-level property lookup and the script range tests.
const std::array<Kind, 0x10000>& BmpKinds() {
  static const auto* const kinds = [] {
    auto* table = new std::array<Kind, 0x10000>;
    for (char32_t c = 0; c < 0x10000; ++c) (*table)[c] = ClassifySlow(c);
    return table;
  }();
  return *kinds;
}

inline Kind Classify(char32_t c, const std::array<Kind, 0x10000>& bmp) {
  return c < 0x10000 ? bmp[c] : ClassifySlow(c);
}

#if defined(__SSE2__)
// Bit k is set when byte k of v is an ASCII letter or digit.
inline unsigned AsciiWordMask(__m128i v) {
  // x in [lo, lo + k) <=> (x - lo) + 0x80 < 0x80 + k as signed bytes; bytes
  // >= 0x80 fall outside both ranges. OR-ing 0x20 folds A-Z onto a-z.
  const __m128i is_letter =
      _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(v, _mm_set1_epi8(0x20)),
                                  _mm_set1_epi8(static_cast<char>(0x80 - 'a'))),
                     _mm_set1_epi8(static_cast<char>(0x80 + 26)));
  const __m128i is_digit =
      _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8(static_cast<char>(0x80 - '0'))),
                     _mm_set1_epi8(static_cast<char>(0x80 + 10)));
  return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(is_letter, is_digit)));
}

inline __m128i Load16(const uint8_t* p) {
  return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
}

inline unsigned AsciiWordMask(const uint8_t* p) { return AsciiWordMask(Load16(p)); }

// Bit k is set when byte k of the 16 at p is not ASCII.
inline unsigned NonAsciiMask(const uint8_t* p) {
  return static_cast<unsigned>(_mm_movemask_epi8(Load16(p)));
}

// For the 64 bytes at p: when all are ASCII, sets bit k of *word when byte k
// is a letter or digit and returns true; otherwise returns false.
inline bool AsciiWordMask64(const uint8_t* p, uint64_t* word) {
  const __m128i a = Load16(p);
  const __m128i b = Load16(p + 16);
  const __m128i c = Load16(p + 32);
  const __m128i d = Load16(p + 48);
  if (_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(a, b), _mm_or_si128(c, d))) != 0) return false;
  *word = uint64_t{AsciiWordMask(a)} | (uint64_t{AsciiWordMask(b)} << 16) |
          (uint64_t{AsciiWordMask(c)} << 32) | (uint64_t{AsciiWordMask(d)} << 48);
  return true;
}
#endif

// Returns the first position >= i (and <= n) whose byte is not an ASCII letter
// or digit. With SSE2 (every x86-64 CPU) 16 bytes are classified at once, so
// the end of a word is found without a mispredicted branch per byte.
inline size_t SkipAsciiWord(const uint8_t* p, size_t i, size_t n) {
#if defined(__SSE2__)
  while (i + 16 <= n) {
    const unsigned word = AsciiWordMask(p + i);
    if (word != 0xFFFF) return i + static_cast<size_t>(__builtin_ctz(~word));
    i += 16;
  }
#endif
  while (i < n && kAsciiWord[p[i]]) ++i;
  return i;
}

#if defined(__SSE2__)
// Where ScanAsciiBlocks stopped: the position, and whether a token is open
// there (then `start` is where it began).
struct AsciiScanEnd {
  size_t i;
  size_t start;
  bool in_word;
};

// The tokens of all-ASCII text, 64 bytes at a time, from i (where `word` is
// the AsciiWordMask64 of the next 64 bytes) to the first block that is not
// all ASCII or not whole. On entry, in_word says whether a token is open (then
// `start` is where it began).
// The tokens ending in a block are emitted by a loop whose only
// hard-to-predict branch is its exit, once per 64 bytes (about ten tokens of
// English) instead of once per 16. Not inlined: with this loop and the token
// batching (HashTokens) inlined into ScanTokens, GCC 12 laid out the
// per-character loop so that Russian, Arabic and Chinese text ran 5-20%
// slower. The state goes in and out by value so that the caller's variables
// stay in registers. ScanAsciiBlocks and HashAsciiBlocks (not inlined) share
// this loop (always inlined, so their counters stay in registers): emit(begin,
// end) for each token ending in a block, block_done() after each block.
template <typename Emit, typename BlockDone>
[[gnu::always_inline]] inline AsciiScanEnd ScanAsciiBlocksWith(const uint8_t* p, size_t n,
                                                               size_t i, uint64_t word,
                                                               bool in_word, size_t start,
                                                               Emit& emit, BlockDone& block_done) {
  bool carry = in_word;  // a token runs into the block
  size_t b = start;
  do {
    const uint64_t after_word = (word << 1) | (carry ? 1u : 0u);
    uint64_t starts = word & ~after_word;
    uint64_t ends = ~word & after_word;
    // Starts and ends alternate: each end closes the token of the start
    // before it (the carried one, for the first end after a carry).
    // countr_zero(0) is 64: a start that no end will use.
    if (!carry) {
      b = i + static_cast<size_t>(std::countr_zero(starts));
      starts &= starts - 1;
    }
    for (; ends != 0; ends &= ends - 1) {
      emit(b, i + static_cast<size_t>(std::countr_zero(ends)));
      b = i + static_cast<size_t>(std::countr_zero(starts));
      starts &= starts - 1;
    }
    carry = (word >> 63) != 0;
    i += 64;
    block_done();
  } while (i + 64 <= n && AsciiWordMask64(p + i, &word));
  return AsciiScanEnd{i, b, carry};
}

template <typename Emit>
[[gnu::noinline]] AsciiScanEnd ScanAsciiBlocks(const uint8_t* p, size_t n, size_t i, uint64_t word,
                                               bool in_word, size_t start, Emit& emit) {
  auto nothing = [] {};
  return ScanAsciiBlocksWith(p, n, i, word, in_word, start, emit, nothing);
}
#endif

// Calls emit(begin, end) with the byte span of each token, in order; runs of
// whole 64-byte all-ASCII blocks go to
// ascii_blocks(p, n, i, word, in_word, start), which must handle them as
// ScanAsciiBlocks does (and emit their tokens in the same order).
template <typename Emit, typename AsciiBlocks>
void ScanTokens(std::string_view text, Emit&& emit, AsciiBlocks&& ascii_blocks) {
  static_cast<void>(ascii_blocks);  // unused without SSE2
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  const size_t n = text.size();
  const std::array<Kind, 0x10000>& bmp = BmpKinds();
  enum class Mode { kNone, kWord, kRun } mode = Mode::kNone;
  size_t start = 0;     // kWord: where the token began
  size_t prev = 0;      // kRun: start of the character before the current one
  size_t cur = 0;       // kRun: start of the current character
  size_t clusters = 0;  // kRun: characters so far
  const auto close = [&](size_t end) {
    if (mode == Mode::kWord) {
      emit(start, end);
    } else if (mode == Mode::kRun) {
      emit(clusters >= 2 ? prev : cur, end);
    }
    mode = Mode::kNone;
  };
  size_t i = 0;
  while (i < n) {
#if defined(__SSE2__)
    // ASCII text, 16 bytes at a time: token starts and ends are the 0->1 and
    // 1->0 transitions of the "letter or digit" bit mask, visited with ctz.
    // One loop exit per block replaces a hard-to-predict branch per token.
    if (i + 16 <= n) {
      const unsigned non_ascii = NonAsciiMask(p + i);
      const unsigned ascii_len =
          non_ascii == 0 ? 16u : static_cast<unsigned>(__builtin_ctz(non_ascii));
      if (ascii_len > 0) {
        if (mode == Mode::kRun) close(i);  // ASCII ends a run of a script without spaces
        uint64_t word64 = 0;
        if (ascii_len == 16 && i + 64 <= n && AsciiWordMask64(p + i, &word64)) {
          const AsciiScanEnd end = ascii_blocks(p, n, i, word64, mode == Mode::kWord, start);
          i = end.i;
          start = end.start;
          mode = end.in_word ? Mode::kWord : Mode::kNone;
          continue;
        }
        const unsigned limit = ascii_len == 16 ? 0xFFFFu : (1u << ascii_len) - 1;
        const unsigned word = AsciiWordMask(p + i) & limit;
        const unsigned after_word = ((word << 1) | (mode == Mode::kWord ? 1u : 0u)) & limit;
        const unsigned starts = word & ~after_word;
        const unsigned ends = ~word & after_word;
        for (unsigned events = starts | ends; events != 0; events &= events - 1) {
          const auto k = static_cast<size_t>(__builtin_ctz(events));
          if ((ends >> k) & 1) {
            emit(start, i + k);
          } else {
            start = i + k;
          }
        }
        mode = ((word >> (ascii_len - 1)) & 1) ? Mode::kWord : Mode::kNone;
        i += ascii_len;
        continue;
      }
    }
#endif
    const uint8_t b = p[i];
    if (b < 0x80) {
      if (kAsciiWord[b]) {
        if (mode != Mode::kWord) {
          close(i);
          start = i;
          mode = Mode::kWord;
        }
        i = SkipAsciiWord(p, i + 1, n);
      } else {
        // Separators are mostly one or two bytes: a byte loop beats SIMD here.
        close(i);
        ++i;
        while (i < n && p[i] < 0x80 && !kAsciiWord[p[i]]) ++i;
      }
      continue;
    }
    char32_t c = 0;
    const size_t len = Decode(p + i, n - i, &c);
    if (len == 0) {
      close(i);
      ++i;
      continue;
    }
    switch (Classify(c, bmp)) {
      case Kind::kWord:
        if (mode != Mode::kWord) {
          close(i);
          start = i;
          mode = Mode::kWord;
        }
        break;
      case Kind::kMark:
        if (mode == Mode::kNone) {  // a mark with no base starts a token
          start = i;
          mode = Mode::kWord;
        }
        break;
      case Kind::kCluster:
        if (mode != Mode::kRun) {
          close(i);
          mode = Mode::kRun;
          clusters = 1;
          cur = i;
        } else {
          if (clusters >= 2) emit(prev, i);
          prev = cur;
          cur = i;
          ++clusters;
        }
        break;
      case Kind::kSeparator:
        close(i);
        break;
    }
    i += len;
  }
  close(n);
}

}  // namespace

bool IsNoSpaceScript(char32_t c) {
  if (c < 0x0E00) return false;
  return (c <= 0x0EFF) ||                      // Thai, Lao
         (c >= 0x1000 && c <= 0x109F) ||       // Myanmar
         (c >= 0x1780 && c <= 0x17FF) ||       // Khmer
         (c >= 0x19E0 && c <= 0x19FF) ||       // Khmer symbols
         (c >= 0x2E80 && c <= 0x2FDF) ||       // CJK and Kangxi radicals
         (c >= 0x3005 && c <= 0x3007) ||       // ideographic iteration mark, closing mark, zero
         (c >= 0x3021 && c <= 0x3029) ||       // Hangzhou numerals
         (c >= 0x3031 && c <= 0x3035) ||       // kana repeat marks
         (c >= 0x3038 && c <= 0x303C) ||
         (c >= 0x3040 && c <= 0x30FF) ||       // Hiragana, Katakana
         (c >= 0x31F0 && c <= 0x31FF) ||       // Katakana phonetic extensions
         (c >= 0x3400 && c <= 0x4DBF) ||       // CJK extension A
         (c >= 0x4E00 && c <= 0x9FFF) ||       // CJK unified ideographs
         (c >= 0xA9E0 && c <= 0xA9FF) ||       // Myanmar extended-B
         (c >= 0xAA60 && c <= 0xAA7F) ||       // Myanmar extended-A
         (c >= 0xF900 && c <= 0xFAFF) ||       // CJK compatibility ideographs
         (c >= 0xFF66 && c <= 0xFF9F) ||       // half-width Katakana
         (c >= 0x1B000 && c <= 0x1B16F) ||     // Kana supplement and extensions
         (c >= 0x20000 && c <= 0x3FFFF);       // CJK extensions B and later
}

void TokenizeInto(std::string_view text, std::vector<std::string>* out) {
  auto emit = [&](size_t b, size_t e) { out->emplace_back(text.substr(b, e - b)); };
#if defined(__SSE2__)
  ScanTokens(text, emit,
             [&](const uint8_t* p, size_t n, size_t i, uint64_t word, bool in_word, size_t start) {
               return ScanAsciiBlocks(p, n, i, word, in_word, start, emit);
             });
#else
  ScanTokens(text, emit, nullptr);
#endif
}

namespace {

#if defined(__SSE2__)  // the batched hashing serves HashAsciiBlocks
// Most tokens a batch of spans holds: HashAsciiBlocks hashes its spans once
// kSpanBatch have gathered, after a block that can add up to 32 (each token
// ending in a 64-byte block ends at a separator of its own in that block).
constexpr size_t kSpanBatch = 256;
constexpr size_t kMaxSpans = kSpanBatch + 32;

// out[k] = XXH3_64bits of bytes [begins[k], ends[k]) of p, for k < m, with
// the hashes grouped by XXH3's length class (1-3, 4-8, 9-16, other). XXH3
// branches on the class, and in prose the lengths of consecutive tokens jump
// between classes, so hashing tokens as they come mispredicts that branch for
// about every other token; grouped, each class is a loop of its own. The same
// XXH3 code computes each class, so the hashes are XXH3_64bits' (seed 0).
void HashSpansScalar(const uint8_t* p, const size_t* begins, const size_t* ends, size_t m,
                     uint64_t* out) {
  std::array<std::array<uint16_t, kMaxSpans>, 4> index;
  std::array<size_t, 4> size{};
  for (size_t k = 0; k < m; ++k) {
    // The class index without a branch; length 0 wraps around to "other".
    const size_t len_m1 = ends[k] - begins[k] - 1;
    const size_t c = static_cast<size_t>(len_m1 > 2) + static_cast<size_t>(len_m1 > 7) +
                     static_cast<size_t>(len_m1 > 15);
    index[c][size[c]++] = static_cast<uint16_t>(k);
  }
  const auto* secret = XXH3_kSecret;
  for (size_t j = 0; j < size[0]; ++j) {
    const size_t k = index[0][j];
    out[k] = XXH3_len_1to3_64b(p + begins[k], ends[k] - begins[k], secret, 0);
  }
  for (size_t j = 0; j < size[1]; ++j) {
    const size_t k = index[1][j];
    out[k] = XXH3_len_4to8_64b(p + begins[k], ends[k] - begins[k], secret, 0);
  }
  for (size_t j = 0; j < size[2]; ++j) {
    const size_t k = index[2][j];
    out[k] = XXH3_len_9to16_64b(p + begins[k], ends[k] - begins[k], secret, 0);
  }
  for (size_t j = 0; j < size[3]; ++j) {
    const size_t k = index[3][j];
    out[k] = XXH3_64bits(p + begins[k], ends[k] - begins[k]);
  }
}

#if defined(__x86_64__)
// XXH3_64bits of up to 8 spans (the lanes in `valid`), eight at once: all
// three short-input formulas of XXH3 (1-3, 4-8 and 9-16 bytes) are computed
// for every lane from the span's first and last 8 bytes, and each lane keeps
// the one for its length. Spans longer than 16 bytes, and spans whose 8-byte
// loads would leave the text (within 8 bytes of either end), are hashed one
// by one afterwards.
LIBDIFF_TARGET_AVX512 void HashSpans8(const uint8_t* p, size_t n, const size_t* begins,
                                      const size_t* ends, __mmask8 valid, uint64_t* out) {
  const auto* secret = XXH3_kSecret;
  const __m512i b = _mm512_maskz_loadu_epi64(valid, begins);
  const __m512i e = _mm512_maskz_loadu_epi64(valid, ends);
  const __m512i len = _mm512_sub_epi64(e, b);
  const __m512i eight = _mm512_set1_epi64(8);
  const __mmask8 in_text = _mm512_cmple_epu64_mask(_mm512_add_epi64(b, eight),
                                                   _mm512_set1_epi64(static_cast<long long>(n))) &
                           _mm512_cmpge_epu64_mask(e, eight);
  const __mmask8 fast = valid & in_text & _mm512_cmple_epu64_mask(len, _mm512_set1_epi64(16));
  const __m512i first8 = _mm512_mask_i64gather_epi64(_mm512_setzero_si512(), fast, b, p, 1);
  const __m512i last8 =
      _mm512_mask_i64gather_epi64(_mm512_setzero_si512(), fast, _mm512_sub_epi64(e, eight), p, 1);

  // 1-3 bytes (XXH3_len_1to3_64b): bytes 0, len/2 and len-1, the length, and
  // XXH64's avalanche.
  const __m512i byte = _mm512_set1_epi64(0xFF);
  const __m512i c1 = _mm512_and_si512(first8, byte);
  const __m512i c2 = _mm512_and_si512(
      _mm512_srlv_epi64(first8, _mm512_slli_epi64(_mm512_srli_epi64(len, 1), 3)), byte);
  const __m512i c3 = _mm512_and_si512(
      _mm512_srlv_epi64(first8, _mm512_slli_epi64(_mm512_sub_epi64(len, _mm512_set1_epi64(1)), 3)),
      byte);
  const __m512i combined =
      _mm512_or_si512(_mm512_or_si512(_mm512_slli_epi64(c1, 16), _mm512_slli_epi64(c2, 24)),
                      _mm512_or_si512(c3, _mm512_slli_epi64(len, 8)));
  const uint64_t bitflip_1to3 = uint64_t{XXH_readLE32(secret) ^ XXH_readLE32(secret + 4)};
  __m512i h1 = _mm512_xor_si512(combined, _mm512_set1_epi64(static_cast<long long>(bitflip_1to3)));
  h1 = _mm512_xor_si512(h1, _mm512_srli_epi64(h1, 33));
  h1 = _mm512_mullo_epi64(h1, _mm512_set1_epi64(static_cast<long long>(XXH_PRIME64_2)));
  h1 = _mm512_xor_si512(h1, _mm512_srli_epi64(h1, 29));
  h1 = _mm512_mullo_epi64(h1, _mm512_set1_epi64(static_cast<long long>(XXH_PRIME64_3)));
  h1 = _mm512_xor_si512(h1, _mm512_srli_epi64(h1, 32));

  // 4-8 bytes (XXH3_len_4to8_64b): the first and last 4 bytes, rrmxmx.
  const uint64_t bitflip_4to8 = XXH_readLE64(secret + 8) ^ XXH_readLE64(secret + 16);
  const __m512i mx = _mm512_set1_epi64(static_cast<long long>(0x9FB21C651E98DF25ULL));
  __m512i h4 =
      _mm512_xor_si512(_mm512_or_si512(_mm512_slli_epi64(first8, 32), _mm512_srli_epi64(last8, 32)),
                       _mm512_set1_epi64(static_cast<long long>(bitflip_4to8)));
  h4 = _mm512_xor_si512(h4, _mm512_xor_si512(_mm512_rol_epi64(h4, 49), _mm512_rol_epi64(h4, 24)));
  h4 = _mm512_mullo_epi64(h4, mx);
  h4 = _mm512_xor_si512(h4, _mm512_add_epi64(_mm512_srli_epi64(h4, 35), len));
  h4 = _mm512_mullo_epi64(h4, mx);
  h4 = _mm512_xor_si512(h4, _mm512_srli_epi64(h4, 28));

  // 9-16 bytes (XXH3_len_9to16_64b): the first and last 8 bytes, a folded
  // 128-bit product, XXH3's avalanche.
  const uint64_t bitflip_lo = XXH_readLE64(secret + 24) ^ XXH_readLE64(secret + 32);
  const uint64_t bitflip_hi = XXH_readLE64(secret + 40) ^ XXH_readLE64(secret + 48);
  const __m512i lo =
      _mm512_xor_si512(first8, _mm512_set1_epi64(static_cast<long long>(bitflip_lo)));
  const __m512i hi = _mm512_xor_si512(last8, _mm512_set1_epi64(static_cast<long long>(bitflip_hi)));
  const __m512i bswap64 = _mm512_set_epi8(8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7,  //
                                          8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7,  //
                                          8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7,  //
                                          8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7);
  __m512i h9 = _mm512_add_epi64(_mm512_add_epi64(len, _mm512_shuffle_epi8(lo, bswap64)),
                                _mm512_add_epi64(hi, Mul128Fold64(lo, hi)));
  h9 = _mm512_xor_si512(h9, _mm512_srli_epi64(h9, 37));
  h9 = _mm512_mullo_epi64(h9, _mm512_set1_epi64(static_cast<long long>(0x165667919E3779F9ULL)));
  h9 = _mm512_xor_si512(h9, _mm512_srli_epi64(h9, 32));

  const __mmask8 upto3 = _mm512_cmple_epu64_mask(len, _mm512_set1_epi64(3));
  const __mmask8 upto8 = _mm512_cmple_epu64_mask(len, eight);
  const __m512i h = _mm512_mask_mov_epi64(_mm512_mask_mov_epi64(h9, upto8, h4), upto3, h1);
  _mm512_mask_storeu_epi64(out, valid, h);
  for (unsigned slow = valid & static_cast<unsigned>(~fast) & 0xFFu; slow != 0; slow &= slow - 1) {
    const auto k = static_cast<size_t>(__builtin_ctz(slow));
    out[k] = XXH3_64bits(p + begins[k], ends[k] - begins[k]);
  }
}

LIBDIFF_TARGET_AVX512 void HashSpansAvx512(const uint8_t* p, size_t n, const size_t* begins,
                                           const size_t* ends, size_t m, uint64_t* out) {
  size_t k = 0;
  for (; k + 8 <= m; k += 8) HashSpans8(p, n, begins + k, ends + k, 0xFF, out + k);
  if (k < m) {
    HashSpans8(p, n, begins + k, ends + k, static_cast<__mmask8>((1u << (m - k)) - 1), out + k);
  }
}

#endif

// out[k] = XXH3_64bits of bytes [begins[k], ends[k]) of the n bytes at p.
// REQUIRES: m <= kMaxSpans.
void HashSpans(const uint8_t* p, size_t n, const size_t* begins, const size_t* ends, size_t m,
               uint64_t* out) {
#if defined(__x86_64__)
  if (UseAvx512()) {
    HashSpansAvx512(p, n, begins, ends, m, out);
    return;
  }
#endif
  (void)n;
  HashSpansScalar(p, begins, ends, m, out);
}

// ScanAsciiBlocks for HashTokens: the spans of the tokens are gathered in
// local arrays (so that the loop keeps its counters in registers) and hashed
// in batches of about kSpanBatch, written to out[*count..], advancing *count.
[[gnu::noinline]] AsciiScanEnd HashAsciiBlocks(const uint8_t* p, size_t n, size_t i, uint64_t word,
                                               bool in_word, size_t start, uint64_t* out,
                                               size_t* count) {
  std::array<size_t, kMaxSpans> begins;
  std::array<size_t, kMaxSpans> ends;
  size_t m = 0;
  uint64_t* next = out + *count;
  auto span = [&](size_t b, size_t e) {
    begins[m] = b;
    ends[m] = e;
    ++m;
  };
  auto block_done = [&] {
    if (m >= kSpanBatch) {
      HashSpans(p, n, begins.data(), ends.data(), m, next);
      next += m;
      m = 0;
    }
  };
  const AsciiScanEnd end = ScanAsciiBlocksWith(p, n, i, word, in_word, start, span, block_done);
  HashSpans(p, n, begins.data(), ends.data(), m, next);
  *count = static_cast<size_t>(next + m - out);
  return end;
}
#endif

}  // namespace

// flatten: inline XXH3 into the scanner (GCC declines on its own, and a call
// per token costs more than hashing a short token).
__attribute__((flatten)) size_t HashTokens(std::string_view text, uint64_t* out) {
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  size_t count = 0;
  // Tokens of the per-character loop are hashed at once (bigrams, the tokens
  // of scripts without spaces, are all one length class); those of ASCII
  // blocks in batches.
  const auto emit = [&](size_t b, size_t e) { out[count++] = XXH3_64bits(p + b, e - b); };
#if defined(__SSE2__)
  ScanTokens(text, emit,
             [&](const uint8_t* q, size_t n, size_t i, uint64_t word, bool in_word, size_t start) {
               return HashAsciiBlocks(q, n, i, word, in_word, start, out, &count);
             });
#else
  ScanTokens(text, emit, nullptr);
#endif
  return count;
}

void HashTokens(std::string_view text, std::vector<uint64_t>* out) {
  std::unique_ptr<uint64_t[]> hashes(new uint64_t[MaxTokens(text.size())]);
  const size_t count = HashTokens(text, hashes.get());
  out->insert(out->end(), hashes.get(), hashes.get() + count);
}

}  // namespace libdiff::internal
