// Copyright 2026 The libdiff Authors.
#include "fingerprint/tokenize.h"

#include <utf8proc.h>

#include <array>
#include <bit>
#include <memory>

#if defined(__SSE2__)
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
  const __m128i is_digit = _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8(static_cast<char>(0x80 - '0'))),
                                          _mm_set1_epi8(static_cast<char>(0x80 + 10)));
  return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(is_letter, is_digit)));
}

inline __m128i Load16(const uint8_t* p) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p)); }

inline unsigned AsciiWordMask(const uint8_t* p) { return AsciiWordMask(Load16(p)); }

// Bit k is set when byte k of the 16 at p is not ASCII.
inline unsigned NonAsciiMask(const uint8_t* p) { return static_cast<unsigned>(_mm_movemask_epi8(Load16(p))); }

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
// stay in registers.
template <typename Emit>
[[gnu::noinline]] AsciiScanEnd ScanAsciiBlocks(const uint8_t* p, size_t n, size_t i, uint64_t word,
                                               bool in_word, size_t start, Emit& emit) {
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
  } while (i + 64 <= n && AsciiWordMask64(p + i, &word));
  return AsciiScanEnd{i, b, carry};
}
#endif

// Calls emit(begin, end) with the byte span of each token, in order; tokens
// found by the 64-byte ASCII block loop go to emit_ascii(begin, end) instead
// (in the same order with the others).
template <typename Emit, typename EmitAscii>
void ScanTokens(std::string_view text, Emit&& emit, EmitAscii&& emit_ascii) {
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
      const unsigned ascii_len = non_ascii == 0 ? 16u : static_cast<unsigned>(__builtin_ctz(non_ascii));
      if (ascii_len > 0) {
        if (mode == Mode::kRun) close(i);  // ASCII ends a run of a script without spaces
        uint64_t word64 = 0;
        if (ascii_len == 16 && i + 64 <= n && AsciiWordMask64(p + i, &word64)) {
          const AsciiScanEnd end = ScanAsciiBlocks(p, n, i, word64, mode == Mode::kWord, start, emit_ascii);
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
  const auto emit = [&](size_t b, size_t e) { out->emplace_back(text.substr(b, e - b)); };
  ScanTokens(text, emit, emit);
}

namespace {

// XXH3_64bits of token spans, hashed in batches grouped by XXH3's length
// class (1-3, 4-8, 9-16, other). XXH3 branches on the class, and in prose the
// lengths of consecutive tokens jump between classes, so hashing tokens as
// they come mispredicts that branch for about every other token; grouped,
// each class is a loop of its own. The same XXH3 code computes each class,
// so the hashes are XXH3_64bits' (seed 0).
class BatchedTokenHasher {
 public:
  // Writes the hash of the len bytes at p to *out, now or at the latest in
  // Finish. REQUIRES: the bytes stay readable until then.
  void Add(const uint8_t* p, size_t len, uint64_t* out) {
    // The class index without a branch; len 0 wraps around to "other".
    const size_t m = len - 1;
    const size_t c = static_cast<size_t>(m > 2) + static_cast<size_t>(m > 7) + static_cast<size_t>(m > 15);
    staged_[c][size_[c]++] = Staged{p, len, out};
    if (++pending_ == kBatch) Flush();
  }

  // Hashes what is left.
  void Finish() { Flush(); }

 private:
  static constexpr size_t kBatch = 128;  // 4 x 128 x 24 bytes: stays in L1
  struct Staged {
    const uint8_t* p;
    size_t len;
    uint64_t* out;
  };

  void Flush() {
    const auto* secret = XXH3_kSecret;
    for (size_t i = 0; i < size_[0]; ++i) {
      const Staged& t = staged_[0][i];
      *t.out = XXH3_len_1to3_64b(t.p, t.len, secret, 0);
    }
    for (size_t i = 0; i < size_[1]; ++i) {
      const Staged& t = staged_[1][i];
      *t.out = XXH3_len_4to8_64b(t.p, t.len, secret, 0);
    }
    for (size_t i = 0; i < size_[2]; ++i) {
      const Staged& t = staged_[2][i];
      *t.out = XXH3_len_9to16_64b(t.p, t.len, secret, 0);
    }
    for (size_t i = 0; i < size_[3]; ++i) {
      const Staged& t = staged_[3][i];
      *t.out = XXH3_64bits(t.p, t.len);
    }
    size_ = {};
    pending_ = 0;
  }

  size_t pending_ = 0;
  std::array<size_t, 4> size_{};
  std::array<std::array<Staged, kBatch>, 4> staged_;
};

}  // namespace

// flatten: inline XXH3 into the scanner (GCC declines on its own, and a call
// per token costs more than hashing a short token).
__attribute__((flatten)) size_t HashTokens(std::string_view text, uint64_t* out) {
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  size_t count = 0;
  BatchedTokenHasher hasher;
  // Batching pays in ASCII prose; elsewhere (the per-character loop, and
  // bigrams, which are all one length class) tokens are hashed at once.
  ScanTokens(
      text, [&](size_t b, size_t e) { out[count++] = XXH3_64bits(p + b, e - b); },
      [&](size_t b, size_t e) { hasher.Add(p + b, e - b, out + count++); });
  hasher.Finish();
  return count;
}

void HashTokens(std::string_view text, std::vector<uint64_t>* out) {
  std::unique_ptr<uint64_t[]> hashes(new uint64_t[MaxTokens(text.size())]);
  const size_t count = HashTokens(text, hashes.get());
  out->insert(out->end(), hashes.get(), hashes.get() + count);
}

}  // namespace libdiff::internal
