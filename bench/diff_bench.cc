// Copyright 2026 The libdiff Authors.
//
// Speed and memory of the diff stage (docs/diff.md) on one core:
//   BM_DiffArticles   two versions of a ~1,200-word article with NewsEdits-like
//                     edits (3 sentences changed, a number corrected, 2 removed,
//                     one moved, a 3-sentence paragraph added, the modified time
//                     updated): DiffArticles. Goal: median <= 1 ms.
//   BM_DiffTexts      the same pair as plain text: DiffTexts. Goal: <= 1 ms.
//   BM_Render/<fmt>   RenderDiff of that diff in each format (word, unified,
//                     json, html, stat).
//   BM_DiffUnrelated/<words>/<shape>
//                     two unrelated random texts of <words> words each, shaped
//                     as news prose (0); long sentences (1: 60-140 words, about
//                     1,000 per side at 100,000 words, so sentence pairing
//                     scores every pair); one sentence (2: no sentence ends);
//                     run-on sentences (3: 500-3,000 words, most pairs get a
//                     word-level diff). Goal at 100,000 words: < 1 s for every
//                     shape, memory linear in the input.
// Memory counters (BM_DiffUnrelated): peak_heap_MB is the most heap live during
// one call above what was live before it (this binary replaces operator new
// to count), heap_per_input the same divided by the bytes of both inputs, and
// max_rss_MB the process's peak RSS so far (meaningful when the benchmark runs
// alone: --benchmark_filter).
//
// The texts are generated deterministically (fixed seeds) from the sentences
// of samples/texts and samples/diff: the article is a shuffle of real news
// sentences; the unrelated texts are random sentences over their vocabulary.
//
//   build/<dir>/bench/diff_bench --benchmark_repetitions=5
//       --benchmark_report_aggregates_only=true   (one command line)
#include <benchmark/benchmark.h>
#include <malloc.h>
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <new>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "libdiff/article.h"
#include "libdiff/diff.h"

// --- heap accounting ---------------------------------------------------------
// Relaxed loads and stores rather than read-modify-write: the benchmarks are
// single-threaded, and a locked add per allocation would slow the timed calls.
namespace {
std::atomic<size_t> g_heap_live{0};
std::atomic<size_t> g_heap_peak{0};

void HeapAdd(size_t n) {
  const size_t live = g_heap_live.load(std::memory_order_relaxed) + n;
  g_heap_live.store(live, std::memory_order_relaxed);
  if (live > g_heap_peak.load(std::memory_order_relaxed)) {
    g_heap_peak.store(live, std::memory_order_relaxed);
  }
}
void HeapSub(size_t n) {
  g_heap_live.store(g_heap_live.load(std::memory_order_relaxed) - n, std::memory_order_relaxed);
}
}  // namespace

// The array and nothrow forms of libstdc++ call these two.
void* operator new(std::size_t n) {
  void* p = std::malloc(n == 0 ? 1 : n);
  if (p == nullptr) throw std::bad_alloc();
  HeapAdd(malloc_usable_size(p));
  return p;
}
void operator delete(void* p) noexcept {
  if (p == nullptr) return;
  HeapSub(malloc_usable_size(p));
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept { operator delete(p); }

namespace libdiff {
namespace {

std::string ReadSample(const std::string& name) {
  std::ifstream in(std::string(LIBDIFF_SAMPLES_DIR) + "/" + name, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

size_t CountWords(const std::string& s) {
  std::istringstream in(s);
  std::string w;
  size_t n = 0;
  while (in >> w) ++n;
  return n;
}

// Distinct sentences of five words or more from one version of each sample
// (the other versions are near copies and would not occur in one article).
std::vector<std::string> SentencePool() {
  std::vector<std::string> pool;
  std::set<std::string> seen;
  for (const char* name :
       {"texts/original.txt", "texts/unrelated.txt", "diff/updated-article/old.txt",
        "diff/headline-only/old.txt", "diff/number-correction/old.txt",
        "diff/moved-paragraph/old.txt", "diff/liveblog-append/new.txt"}) {
    const std::string text = ReadSample(name);
    size_t start = 0;
    while (start < text.size()) {
      size_t end = text.find("\n\n", start);
      if (end == std::string::npos) end = text.size();
      const std::string paragraph = text.substr(start, end - start);
      start = end + 2;
      if (paragraph.rfind("# ", 0) == 0) continue;  // the title line
      for (std::string& s : SplitSentences(paragraph)) {
        if (CountWords(s) >= 5 && seen.insert(s).second) pool.push_back(std::move(s));
      }
    }
  }
  return pool;
}

using Paragraphs = std::vector<std::vector<std::string>>;

Article ToArticle(const Paragraphs& ps, const std::string& modified) {
  Article a;
  a.url = "https://www.example.com/news/2026/11/28/floods";
  a.title = "Flash floods kill 10 in river valley after record overnight rain";
  a.site_name = "Example News";
  a.authors = {"Staff reporter"};
  a.published = "2026-11-28T07:00:00Z";
  a.modified = modified;
  a.language = "en";
  a.type = "NewsArticle";
  for (const auto& p : ps) {
    std::string text;
    for (const auto& s : p) text += (text.empty() ? "" : " ") + s;
    if (!text.empty()) a.blocks.push_back({BlockKind::kParagraph, text});
  }
  return a;
}

struct ArticlePair {
  Article old_article, new_article;
  size_t old_words = 0;
};

// The old article: pool sentences in a seeded order until 1,200 words, in
// paragraphs of 2-4 sentences. The new one: the edits of a typical update.
const ArticlePair& NewsPair() {
  static const ArticlePair* pair = [] {
    std::vector<std::string> pool = SentencePool();
    std::mt19937 rng(20261128);
    std::shuffle(pool.begin(), pool.end(), rng);
    auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng); };
    Paragraphs old_ps;
    size_t words = 0, next = 0;
    while (words < 1200 && next < pool.size()) {
      old_ps.emplace_back();
      const size_t n = 2 + pick(3);
      for (size_t i = 0; i < n && words < 1200 && next < pool.size(); ++i) {
        words += CountWords(pool[next]);
        old_ps.back().push_back(pool[next++]);
      }
    }
    std::vector<std::string> vocabulary;
    for (const auto& s : pool) {
      std::istringstream in(s);
      std::string w;
      while (in >> w) {
        if (std::all_of(w.begin(), w.end(), [](unsigned char c) { return std::islower(c) != 0; })) {
          vocabulary.push_back(w);
        }
      }
    }

    Paragraphs ps = old_ps;
    // 3 sentences changed: two inner words replaced in each (paragraphs 2, 5, 8),
    // one in each half of the sentence.
    for (size_t p : {size_t{2}, size_t{5}, size_t{8}}) {
      std::string& s = ps[p][pick(ps[p].size())];
      for (size_t half = 0; half < 2; ++half) {
        std::vector<size_t> spaces;
        for (size_t i = s.find(' '); i != std::string::npos; i = s.find(' ', i + 1)) {
          spaces.push_back(i);
        }
        if (spaces.size() < 3) break;
        // The words after spaces[0 .. n-1] end at a space.
        const size_t n = spaces.size() - 1, lo = half * (n / 2), hi = half == 0 ? n / 2 : n;
        const size_t at = spaces[lo + pick(hi - lo)];
        const size_t end = s.find(' ', at + 1);
        std::string word = vocabulary[pick(vocabulary.size())];
        if (s.compare(at + 1, end - at - 1, word) == 0) word += "s";
        s.replace(at + 1, end - at - 1, word);
      }
    }
    // A number corrected: the first number after paragraph 10 goes up by 2.
    bool corrected = false;
    for (size_t p = 10; p < ps.size() && !corrected; ++p) {
      for (std::string& s : ps[p]) {
        const size_t d = s.find_first_of("0123456789");
        if (d == std::string::npos) continue;
        const size_t e = s.find_first_not_of("0123456789", d);
        s.replace(d, e - d, std::to_string(std::stoul(s.substr(d, e - d)) + 2));
        corrected = true;
        break;
      }
    }
    // 2 sentences removed (paragraphs 4 and 12), one moved (paragraph 1 to
    // the end of paragraph 14).
    ps[4].erase(ps[4].begin());
    ps[12].pop_back();
    const std::string moved = ps[1].back();
    ps[1].pop_back();
    ps[14].push_back(moved);
    // A 3-sentence paragraph added after paragraph 6, from unused sentences.
    ps.insert(ps.begin() + 7, {pool[next], pool[next + 1], pool[next + 2]});

    auto* out = new ArticlePair;
    out->old_article = ToArticle(old_ps, "2026-11-28T07:00:00Z");
    out->new_article = ToArticle(ps, "2026-11-28T14:50:00Z");
    out->old_words = words;
    return out;
  }();
  return *pair;
}

// Article::Text() without linking libdiff::extract: blocks joined by "\n\n".
std::string BodyText(const Article& a) {
  std::string text;
  for (const Block& b : a.blocks) text += (text.empty() ? "" : "\n\n") + b.text;
  return text;
}

void SetArticleCounters(benchmark::State& state, const ArticleDiff& d) {
  const ChangeSummary& s = d.summary;
  state.counters["words"] = static_cast<double>(NewsPair().old_words);
  state.counters["added"] = static_cast<double>(s.sentences_added);
  state.counters["changed"] = static_cast<double>(s.sentences_changed);
  state.counters["removed"] = static_cast<double>(s.sentences_removed);
  state.counters["moved"] = static_cast<double>(s.sentences_moved);
}

// Times `diff` (a call returning Result<ArticleDiff>); the counters give the
// last result's sentence counts, so a reader sees the edits were found.
template <typename DiffCall>
void TimeDiff(benchmark::State& state, const DiffCall& diff) {
  ArticleDiff last;
  for (auto _ : state) {
    Result<ArticleDiff> d = diff();
    if (!d.ok()) {
      state.SkipWithError(d.status().ToString().c_str());
      return;
    }
    benchmark::DoNotOptimize(d->ops.data());
    last = std::move(*d);
  }
  SetArticleCounters(state, last);
}

void BM_DiffArticles(benchmark::State& state) {
  const ArticlePair& pair = NewsPair();
  const DiffOptions options;
  TimeDiff(state, [&] { return DiffArticles(pair.old_article, pair.new_article, options); });
}
BENCHMARK(BM_DiffArticles)->Unit(benchmark::kMicrosecond);

void BM_DiffTexts(benchmark::State& state) {
  const ArticlePair& pair = NewsPair();
  const std::string a = BodyText(pair.old_article), b = BodyText(pair.new_article);
  const DiffOptions options;
  TimeDiff(state, [&] { return DiffTexts(a, b, options); });
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(a.size() + b.size()));
}
BENCHMARK(BM_DiffTexts)->Unit(benchmark::kMicrosecond);

void BM_Render(benchmark::State& state) {
  const ArticlePair& pair = NewsPair();
  Result<ArticleDiff> d = DiffArticles(pair.old_article, pair.new_article, DiffOptions());
  if (!d.ok()) {
    state.SkipWithError(d.status().ToString().c_str());
    return;
  }
  const auto format = static_cast<DiffFormat>(state.range(0));
  RenderOptions options;
  size_t bytes = 0;
  for (auto _ : state) {
    std::string out = RenderDiff(*d, format, options);
    bytes = out.size();
    benchmark::DoNotOptimize(out.data());
  }
  state.SetLabel(DiffFormatName(format));
  state.counters["out_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_Render)
    ->ArgName("format")
    ->DenseRange(static_cast<int>(DiffFormat::kWord), static_cast<int>(DiffFormat::kStat))
    ->Unit(benchmark::kMicrosecond);

// Shapes of the unrelated texts (see the top of the file). Sentences are one
// per paragraph for long and run-on sentences, 2-5 per paragraph for prose.
enum class Shape : int { kProse = 0, kLongSentences = 1, kOneSentence = 2, kRunOn = 3 };

const char* ShapeName(Shape shape) {
  switch (shape) {
    case Shape::kProse: return "prose";
    case Shape::kLongSentences: return "long_sentences";
    case Shape::kOneSentence: return "one_sentence";
    case Shape::kRunOn: return "run_on";
  }
  return "";
}

// Random words over the pool's vocabulary (with . ! ? " ( ) removed from the
// words, so sentences end only where this puts a full stop).
std::string UnrelatedText(size_t words, uint32_t seed, Shape shape) {
  static const std::vector<std::string>* vocabulary = [] {
    auto* v = new std::vector<std::string>;
    std::set<std::string> seen;
    for (const auto& s : SentencePool()) {
      std::istringstream in(s);
      std::string w;
      while (in >> w) {
        std::erase_if(w, [](char c) {
          return std::string_view(".!?\"()").find(c) != std::string_view::npos;
        });
        if (!w.empty() && seen.insert(w).second) v->push_back(w);
      }
    }
    return v;
  }();
  std::mt19937 rng(seed);
  std::uniform_int_distribution<size_t> word(0, vocabulary->size() - 1);
  size_t min_words = 8, max_words = 30, max_sentences = 5;  // per sentence, per paragraph
  if (shape == Shape::kLongSentences) {
    min_words = 60;
    max_words = 140;
    max_sentences = 1;
  } else if (shape == Shape::kRunOn) {
    min_words = 500;
    max_words = 3000;
    max_sentences = 1;
  }
  std::uniform_int_distribution<size_t> sentence_length(min_words, max_words);
  std::uniform_int_distribution<size_t> paragraph_length(std::min<size_t>(2, max_sentences),
                                                         max_sentences);
  const bool ends = shape != Shape::kOneSentence;
  std::string text;
  size_t n = 0, in_sentence = 0, sentence_words = sentence_length(rng);
  size_t in_paragraph = 0, paragraph_sentences = paragraph_length(rng);
  while (n < words) {
    std::string w = (*vocabulary)[word(rng)];
    if (in_sentence == 0 && ends) {
      w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
    }
    text += w;
    ++n;
    if (ends && ++in_sentence == sentence_words) {
      text += '.';
      in_sentence = 0;
      sentence_words = sentence_length(rng);
      if (++in_paragraph == paragraph_sentences) {
        text += "\n\n";
        in_paragraph = 0;
        paragraph_sentences = paragraph_length(rng);
        continue;
      }
    }
    text += ' ';
  }
  return text;
}

void BM_DiffUnrelated(benchmark::State& state) {
  const size_t words = static_cast<size_t>(state.range(0));
  const auto shape = static_cast<Shape>(state.range(1));
  const std::string a = UnrelatedText(words, 1, shape);
  const std::string b = UnrelatedText(words, 2, shape);
  const DiffOptions options;
  size_t peak = 0;
  bool coarse = false;
  for (auto _ : state) {
    const size_t before = g_heap_live.load(std::memory_order_relaxed);
    g_heap_peak.store(before, std::memory_order_relaxed);
    Result<ArticleDiff> d = DiffTexts(a, b, options);
    if (!d.ok()) {
      state.SkipWithError(d.status().ToString().c_str());
      return;
    }
    coarse = d->coarse;
    benchmark::DoNotOptimize(d->ops.data());
    peak = std::max(peak, g_heap_peak.load(std::memory_order_relaxed) - before);
  }
  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  const double input = static_cast<double>(a.size() + b.size());
  state.counters["input_MB"] = input / 1e6;
  state.counters["peak_heap_MB"] = static_cast<double>(peak) / 1e6;
  state.counters["heap_per_input"] = static_cast<double>(peak) / input;
  state.counters["max_rss_MB"] = static_cast<double>(usage.ru_maxrss) / 1e3;
  state.counters["coarse"] = coarse ? 1 : 0;
  state.SetLabel(ShapeName(shape));
}
BENCHMARK(BM_DiffUnrelated)
    ->ArgNames({"words", "shape"})
    ->ArgsProduct({{25000, 50000, 100000}, {0, 1, 2, 3}})
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace libdiff
