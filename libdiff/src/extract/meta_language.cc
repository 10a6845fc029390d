// Copyright 2026 The libdiff Authors.
//
// Language of the body text (see meta_language.h).

#include "extract/meta_language.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "util/utf8.h"

namespace libdiff::internal {
namespace {

constexpr size_t kMaxBytes = 20000;

// Frequent function words, each specific enough to its language that a text
// in another one rarely uses it (no "de", "en", "a" or "e", which several
// languages share). Danish and Norwegian Bokmål share most of theirs, so
// only their differences are listed.
struct LanguageWords {
  std::string_view tag;
  std::array<std::string_view, 12> words;
};

constexpr LanguageWords kLatinAndCyrillic[] = {
    {"en", {"the", "and", "of", "to", "is", "that", "with", "for", "this", "are", "was", "you"}},
    {"de", {"der", "die", "und", "das", "ist", "nicht", "mit", "den", "ein", "eine", "auch",
            "sich"}},
    {"fr", {"le", "les", "et", "des", "est", "une", "du", "pour", "dans", "pas", "sur", "qui"}},
    {"es", {"el", "los", "las", "y", "del", "por", "una", "con", "para", "como", "más", "pero"}},
    {"it", {"il", "che", "della", "per", "sono", "non", "gli", "anche", "nel", "alla", "questo",
            "degli"}},
    {"pt", {"os", "não", "uma", "com", "pela", "do", "da", "em", "mais", "são", "ao", "pelo"}},
    {"nl", {"het", "een", "van", "niet", "dat", "zijn", "met", "voor", "ook", "wordt", "naar",
            "bij"}},
    {"sv", {"och", "att", "det", "som", "är", "på", "för", "med", "inte", "av", "till", "har"}},
    {"da", {"og", "ikke", "af", "har", "jeg", "hvad", "mig", "efter", "være", "også", "kun",
            "nu"}},
    {"nb", {"og", "ikke", "av", "har", "jeg", "hva", "meg", "etter", "være", "også", "bare",
            "nå"}},
    {"pl", {"nie", "się", "że", "jest", "jak", "przez", "dla", "oraz", "tym", "już", "być",
            "które"}},
    {"cs", {"je", "že", "se", "na", "jsou", "také", "který", "která", "jako", "pro", "ale",
            "podle"}},
    {"tr", {"ve", "bir", "bu", "için", "ile", "çok", "olarak", "daha", "gibi", "olan", "değil",
            "kadar"}},
    {"id", {"yang", "dan", "di", "dengan", "untuk", "ini", "dari", "dalam", "tidak", "akan",
            "itu", "pada"}},
    {"ru", {"и", "в", "не", "на", "что", "с", "по", "это", "как", "из", "для", "он"}},
    {"uk", {"і", "що", "це", "як", "з", "та", "від", "для", "але", "його", "які", "він"}},
    {"ar", {"في", "من", "على", "أن", "إلى", "التي", "الذي", "عن", "مع", "هذا", "كان", "ما"}},
    {"fa", {"و", "در", "به", "از", "که", "این", "را", "با", "است", "برای", "آن", "می"}},
};

bool IsWordCodePoint(uint32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp >= 0xC0;
}

bool IsSpaceOrPunctuation(uint32_t cp) {
  return cp < 0x80 ? !((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
                       (cp >= '0' && cp <= '9'))
                   : (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x303F) ||
                         cp == 0x00A0 || cp == 0x060C || cp == 0x061F || cp == 0xFF0C ||
                         cp == 0xFF01 || cp == 0xFF1F || cp == 0x00AB || cp == 0x00BB;
}

// Lower case for ASCII and the Latin-1, Latin Extended-A and Cyrillic
// capitals that function words can open a sentence with.
uint32_t Lower(uint32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + 32;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 32;
  if (cp >= 0x100 && cp <= 0x17F && cp % 2 == 0) return cp + 1;
  if (cp >= 0x410 && cp <= 0x42F) return cp + 32;
  if (cp >= 0x400 && cp <= 0x40F) return cp + 80;
  return cp;
}


}  // namespace

std::string CanonicalLanguageTag(std::string_view tag) {
  std::string out;
  size_t index = 0;
  for (size_t start = 0; start <= tag.size(); ++index) {
    size_t end = tag.find('-', start);
    if (end == std::string_view::npos) end = tag.size();
    std::string sub(tag.substr(start, end - start));
    bool alpha = !sub.empty();
    for (char c : sub) alpha = alpha && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
    for (char& c : sub) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    }
    if (index > 0 && alpha && sub.size() == 2) {
      for (char& c : sub) c = static_cast<char>(c - 32);  // a region: "US"
    } else if (index > 0 && alpha && sub.size() == 4) {
      sub[0] = static_cast<char>(sub[0] - 32);  // a script: "Hant"
    }
    if (index > 0) out.push_back('-');
    out += sub;
    start = end + 1;
  }
  return out;
}

std::string GuessLanguage(std::string_view text) {
  if (text.size() > kMaxBytes) {
    size_t cut = kMaxBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut);
  }
  // Letters of the scripts one language owns, and the words of the others.
  size_t letters = 0, kana = 0, han = 0, hangul = 0, thai = 0, greek = 0, hebrew = 0;
  size_t words = 0;
  std::array<size_t, std::size(kLatinAndCyrillic)> hits{};
  std::string word;
  auto end_word = [&]() {
    if (word.empty()) return;
    ++words;
    for (size_t l = 0; l < std::size(kLatinAndCyrillic); ++l) {
      for (std::string_view w : kLatinAndCyrillic[l].words) {
        if (word == w) {
          ++hits[l];
          break;
        }
      }
    }
    word.clear();
  };
  for (size_t i = 0; i < text.size();) {
    const uint32_t cp = DecodeUtf8At(text, &i);
    if ((cp >= 0x3040 && cp <= 0x30FF)) {
      ++kana;
    } else if (cp >= 0x4E00 && cp <= 0x9FFF) {
      ++han;
    } else if (cp >= 0xAC00 && cp <= 0xD7AF) {
      ++hangul;
    } else if (cp >= 0x0E00 && cp <= 0x0E7F) {
      ++thai;
    } else if (cp >= 0x0370 && cp <= 0x03FF) {
      ++greek;
    } else if (cp >= 0x0590 && cp <= 0x05FF) {
      ++hebrew;
    }
    if (IsSpaceOrPunctuation(cp) || !IsWordCodePoint(cp)) {
      end_word();
      continue;
    }
    ++letters;
    if (word.size() < 24) AppendUtf8(Lower(cp), &word);
  }
  end_word();
  // Scripts written without spaces between words are counted in letters.
  if (kana + han + hangul + thai >= 40) {
    const size_t cjk = kana + han;
    if (hangul * 2 > letters) return "ko";
    if (thai * 2 > letters) return "th";
    if (kana * 20 >= cjk && cjk * 2 > letters) return "ja";
    if (cjk * 2 > letters) return "zh";
  }
  if (words < 30) return "";
  if (greek * 2 > letters) return "el";
  if (hebrew * 2 > letters) return "he";
  size_t best = 0, second = 0, best_index = 0;
  for (size_t l = 0; l < hits.size(); ++l) {
    if (hits[l] > best) {
      second = best;
      best = hits[l];
      best_index = l;
    } else if (hits[l] > second) {
      second = hits[l];
    }
  }
  if (best < 5 || best < 2 * second || best * 20 < words) return "";
  return std::string(kLatinAndCyrillic[best_index].tag);
}

}  // namespace libdiff::internal
