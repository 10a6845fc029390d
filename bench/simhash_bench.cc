// Copyright 2026 The libdiff Authors.
//
// Speed of the fingerprint stage on one core, for article-sized (6 KB) and
// 1 MB inputs, in bytes of input per second:
//   BM_SimHash          normalised text -> Fingerprint (tokens, shingles, SimHash,
//                       exact and paragraph hashes): FingerprintNormalizedText
//   BM_FingerprintText  raw text -> Fingerprint, normalisation included
//   BM_Normalize        NormalizeText alone
//   BM_SimHashPerBit    the same SimHash with sort/unique and a per-bit vote
//                       loop: the baseline the fast path is measured against
//   BM_SimHashSlices    BM_SimHash over varying 6 KB slices of the 1 MB corpus:
//                       the honest article-sized figure (BM_SimHash/.../6144
//                       repeats one input, which the branch predictor learns)
//   BM_SimHashSlicesNoAvx512  the same without the AVX-512 paths
// Corpora: "english" is the sample articles (6 KB) or random sentences over
// their vocabulary (1 MB, so that shingles do not repeat); "russian",
// "chinese" and "arabic" are random sentences over small word lists.
//
//   build/release/bench/simhash_bench --benchmark_repetitions=5
//       --benchmark_report_aggregates_only=true   (one command line)
#include <benchmark/benchmark.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "fingerprint/cpu.h"
#include "fingerprint/simhash.h"
#include "fingerprint/tokenize.h"
#include "libdiff/fingerprint.h"

namespace {

std::string ReadSample(const std::string& name) {
  std::ifstream in(std::string(LIBDIFF_SAMPLES_DIR) + "/texts/" + name, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> SampleVocabulary() {
  std::vector<std::string> words;
  for (const char* name : {"original.txt", "updated.txt", "unrelated.txt"}) {
    std::istringstream in(ReadSample(name));
    std::string w;
    while (in >> w) words.push_back(w);  // keeps punctuation and capitals, as in prose
  }
  return words;
}

const std::vector<std::string> kRussian = {
    "город", "река", "вода", "люди", "спасатели", "дождь",
    "ночью", "дома", "власти", "сообщили", "погибли",
    "наводнение", "жители", "район", "мост", "дорога",
    "помощь", "министр", "правительство", "школа",
    "больница", "утром", "вторник", "более", "тысяч",
    "человек", "после", "сильного", "уровень", "поднялся",
    "эвакуировали", "пострадавших", "регион", "губернатор",
    "заявил,", "что", "в", "на", "и", "не", "14", "2024"};
const std::vector<std::string> kChinese = {
    "洪水", "城市", "居民", "政府", "救援", "人员", "暴雨", "河流", "房屋",
    "道路", "桥梁", "医院", "学校", "昨天", "晚上", "已经", "至少", "死亡",
    "失踪", "当地", "官员", "表示", "正在", "搜索", "地区", "电力", "供应",
    "中断", "铁路", "关闭", "气象", "部门", "预计", "降雨", "继续", "影响",
    "经济", "损失", "紧急", "资金", "，", "14"};
const std::vector<std::string> kArabic = {
    "المدينة", "النهر", "السكان", "الحكومة", "الإنقاذ",
    "الأمطار", "المنازل", "الطرق", "الجسر", "المستشفى",
    "المدرسة", "أمس", "الليلة", "قتلى", "مفقودين", "المسؤولين",
    "قال", "في", "من", "على", "إلى", "أن", "الكهرباء", "المياه",
    "الفيضانات", "المنطقة", "الوزير", "الثلاثاء", "صباح",
    "أكثر", "ألف", "شخص،", "14"};

// Random sentences over `words`, `bytes` long (cut at a word boundary).
std::string RandomProse(const std::vector<std::string>& words, size_t bytes, bool spaces,
                        const char* full_stop) {
  std::mt19937 rng(42);
  std::uniform_int_distribution<size_t> pick(0, words.size() - 1);
  std::uniform_int_distribution<int> sentence_length(6, 24);
  std::string text;
  int sentences = 0;
  while (text.size() < bytes) {
    const int n = sentence_length(rng);
    for (int i = 0; i < n; ++i) {
      text += words[pick(rng)];
      if (spaces && i + 1 < n) text += ' ';
    }
    text += full_stop;
    text += ++sentences % 5 == 0 ? "\n\n" : (spaces ? " " : "");
  }
  size_t cut = bytes;
  // Whole code points.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  text.resize(cut);
  return text;
}

const std::string& Corpus(const std::string& name, size_t bytes) {
  static std::map<std::pair<std::string, size_t>, std::string> cache;
  std::string& text = cache[{name, bytes}];
  if (!text.empty()) return text;
  if (name == "english" && bytes <= 8192) {
    text = ReadSample("original.txt") + "\n\n" + ReadSample("unrelated.txt");
    text.resize(bytes);
  } else if (name == "english") {
    text = RandomProse(SampleVocabulary(), bytes, true, ".");
  } else if (name == "russian") {
    text = RandomProse(kRussian, bytes, true, ".");
  } else if (name == "chinese") {
    text = RandomProse(kChinese, bytes, false, "。");
  } else {
    text = RandomProse(kArabic, bytes, true, ".");
  }
  return text;
}

const std::string& NormalizedCorpus(const std::string& name, size_t bytes) {
  static std::map<std::pair<std::string, size_t>, std::string> cache;
  std::string& text = cache[{name, bytes}];
  if (text.empty()) text = libdiff::NormalizeText(Corpus(name, bytes));
  return text;
}

void BM_SimHash(benchmark::State& state, const std::string& corpus) {
  const std::string& text = NormalizedCorpus(corpus, static_cast<size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(libdiff::FingerprintNormalizedText(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}

void BM_FingerprintText(benchmark::State& state, const std::string& corpus) {
  const std::string& text = Corpus(corpus, static_cast<size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(libdiff::FingerprintText(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}

void BM_Normalize(benchmark::State& state, const std::string& corpus) {
  const std::string& text = Corpus(corpus, static_cast<size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(libdiff::NormalizeText(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}

void BM_SimHashPerBit(benchmark::State& state, const std::string& corpus) {
  const std::string& text = NormalizedCorpus(corpus, static_cast<size_t>(state.range(0)));
  for (auto _ : state) {
    std::vector<uint64_t> tokens;
    libdiff::internal::HashTokens(text, &tokens);
    benchmark::DoNotOptimize(libdiff::internal::SimHashOfShinglesReference(tokens, 3));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}

// The two halves of BM_SimHash: tokens and their hashes; shingles and voting.
void BM_HashTokens(benchmark::State& state, const std::string& corpus) {
  const std::string& text = NormalizedCorpus(corpus, static_cast<size_t>(state.range(0)));
  std::vector<uint64_t> tokens;
  for (auto _ : state) {
    tokens.clear();
    libdiff::internal::HashTokens(text, &tokens);
    benchmark::DoNotOptimize(tokens.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}

void BM_ShinglesAndVote(benchmark::State& state, const std::string& corpus) {
  const std::string& text = NormalizedCorpus(corpus, static_cast<size_t>(state.range(0)));
  std::vector<uint64_t> tokens;
  libdiff::internal::HashTokens(text, &tokens);
  for (auto _ : state) benchmark::DoNotOptimize(libdiff::internal::SimHashOfShingles(tokens, 3));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
  state.counters["tokens"] = static_cast<double>(tokens.size());
}


// Article-sized calls over many different texts: a 1 MB corpus cut into 6 KB
// slices (at spaces), one slice per call in turn. A benchmark that repeats one
// 6 KB input lets the branch predictor learn it; this one cannot. Slices end
// at a space, or at a code point boundary in text without spaces.
template <typename Fn>
void RunSlices(benchmark::State& state, const std::string& corpus, Fn fn) {
  const std::string& text = NormalizedCorpus(corpus, 1 << 20);
  std::vector<std::string_view> slices;
  for (size_t at = 0; at < text.size();) {
    const size_t target = std::min(text.size(), at + static_cast<size_t>(state.range(0)));
    size_t end = target;
    while (end < text.size() && end - target < 64 && text[end] != ' ') ++end;
    if (end < text.size() && text[end] != ' ') {  // no space near (Chinese): a code point boundary
      end = target;
      while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
    }
    slices.push_back(std::string_view(text).substr(at, end - at));
    at = end;
  }
  size_t i = 0;
  int64_t bytes = 0;
  for (auto _ : state) {
    fn(slices[i]);
    bytes += static_cast<int64_t>(slices[i].size());
    if (++i == slices.size()) i = 0;
  }
  state.SetBytesProcessed(bytes);
}

void BM_SimHashSlices(benchmark::State& state, const std::string& corpus) {
  RunSlices(state, corpus, [](std::string_view s) {
    benchmark::DoNotOptimize(libdiff::FingerprintNormalizedText(s));
  });
}

// BM_SimHashSlices on the AVX2 and portable code (as on a CPU without
// AVX-512), to keep an eye on machines without it.
void BM_SimHashSlicesNoAvx512(benchmark::State& state, const std::string& corpus) {
  libdiff::internal::SetAvx512AllowedForTesting(false);
  BM_SimHashSlices(state, corpus);
  libdiff::internal::SetAvx512AllowedForTesting(true);
}

void BM_HashTokensSlices(benchmark::State& state, const std::string& corpus) {
  std::vector<uint64_t> tokens;
  RunSlices(state, corpus, [&](std::string_view s) {
    tokens.clear();
    libdiff::internal::HashTokens(s, &tokens);
    benchmark::DoNotOptimize(tokens.data());
  });
}

#define LIBDIFF_CORPUS_BENCH(fn, corpus) \
  BENCHMARK_CAPTURE(fn, corpus, #corpus)->Arg(6 << 10)->Arg(1 << 20)

LIBDIFF_CORPUS_BENCH(BM_SimHash, english);
LIBDIFF_CORPUS_BENCH(BM_SimHash, russian);
LIBDIFF_CORPUS_BENCH(BM_SimHash, chinese);
LIBDIFF_CORPUS_BENCH(BM_SimHash, arabic);
LIBDIFF_CORPUS_BENCH(BM_FingerprintText, english);
LIBDIFF_CORPUS_BENCH(BM_FingerprintText, russian);
LIBDIFF_CORPUS_BENCH(BM_FingerprintText, chinese);
LIBDIFF_CORPUS_BENCH(BM_FingerprintText, arabic);
LIBDIFF_CORPUS_BENCH(BM_Normalize, english);
LIBDIFF_CORPUS_BENCH(BM_Normalize, russian);
LIBDIFF_CORPUS_BENCH(BM_SimHashPerBit, english);
LIBDIFF_CORPUS_BENCH(BM_HashTokens, english);
LIBDIFF_CORPUS_BENCH(BM_HashTokens, russian);
LIBDIFF_CORPUS_BENCH(BM_HashTokens, chinese);
LIBDIFF_CORPUS_BENCH(BM_HashTokens, arabic);
LIBDIFF_CORPUS_BENCH(BM_ShinglesAndVote, english);
LIBDIFF_CORPUS_BENCH(BM_ShinglesAndVote, chinese);
BENCHMARK_CAPTURE(BM_SimHashSlices, english, "english")->Arg(6 << 10);
BENCHMARK_CAPTURE(BM_SimHashSlices, russian, "russian")->Arg(6 << 10);
BENCHMARK_CAPTURE(BM_SimHashSlices, chinese, "chinese")->Arg(6 << 10);
BENCHMARK_CAPTURE(BM_SimHashSlices, arabic, "arabic")->Arg(6 << 10);
BENCHMARK_CAPTURE(BM_HashTokensSlices, english, "english")->Arg(6 << 10);
BENCHMARK_CAPTURE(BM_SimHashSlicesNoAvx512, english, "english")->Arg(6 << 10);
BENCHMARK_CAPTURE(BM_SimHashSlicesNoAvx512, russian, "russian")->Arg(6 << 10);

}  // namespace
