// Copyright 2026 The libdiff Authors.
//
// Store benchmarks.
//
// BM_UpdateBytes/<level>: the storage goal — at most 400 bytes per realistic
// update of a ~6 KB article (3 sentences added, 3 changed, 2 removed: the
// NewsEdits median rates), with StoreOptions::compression_level = level.
// Articles are real NAEB article texts of 5-8 KB when ../shared is present,
// generated news-like text otherwise. Counters: delta_bytes (mean stored record
// bytes of an update stored as a delta), all_bytes (mean over all updates,
// keyframes every K = 16 included), updates_per_s (per CPU second, store
// included). BM_UpdateBytesChain/<K>/<revisions>: the same on longer chains
// with other keyframe intervals.
//
// BM_CodecKeyframe/<level>, BM_CodecDelta/<level>: the zstd cost alone, on the
// same 20 x 20 revision chains (serialised once, outside the timing): the first
// revisions compressed whole, or the 19 later ones against their predecessor.
// Counters frame_bytes (mean frame size) and s_per_frame (CPU seconds).
//
// BM_IngestNaeb/<batch>/<level>: end-to-end ingest (HTML in, extraction,
// fingerprint, verdict, committed) of the NAEB pages into a fresh store,
// `batch` pages per write transaction, compression level `level`. Counters
// pages_per_s (per CPU second of the ingesting thread, so other load on the
// machine and fsync waits do not count; goal >= 200 on one core) and bytes_per_revision
// (record bytes per stored revision; every NAEB page is a new article, so
// these are keyframes).
//
//   build/<dir>/bench/store_bench --benchmark_min_time=0.01
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "libdiff/article.h"
#include "libdiff/diff.h"
#include "libdiff/store.h"
#include "store/codec.h"

namespace libdiff {
namespace {

std::string ReadAll(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

const std::vector<std::string>& NaebPages() {
  static const std::vector<std::string>* pages = [] {
    auto* v = new std::vector<std::string>;
    const auto dir = std::filesystem::path(LIBDIFF_SHARED_DIR) / "corpus" / "naeb" / "html";
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) return v;
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
      if (e.path().extension() == ".html") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) v->push_back(ReadAll(f));
    return v;
  }();
  return *pages;
}

std::string TempStoreDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "libdiff-bench-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) return "/tmp/libdiff-bench-store";
  return pattern;
}

// Articles as lists of paragraphs of sentences.
using Paragraphs = std::vector<std::vector<std::string>>;

std::vector<Paragraphs> SourceArticles() {
  std::vector<Paragraphs> out;
  for (const auto& html : NaebPages()) {
    auto a = ExtractArticle(html, ExtractOptions());
    if (!a.ok()) continue;
    const std::string text = a->Text();
    if (text.size() < 5000 || text.size() > 8000) continue;
    Paragraphs ps;
    for (const auto& b : a->blocks) ps.push_back(SplitSentences(b.text));
    out.push_back(std::move(ps));
    if (out.size() == 20) break;
  }
  if (!out.empty()) return out;
  // Fallback: generated text of the same size.
  static const char* kWords[] = {"the", "council", "said", "on", "Tuesday", "that", "river",
                                 "flooding", "would", "cost", "more", "than", "expected", "and",
                                 "residents", "of", "northern", "districts", "were", "told",
                                 "to", "prepare", "for", "evacuation", "officials", "warned"};
  std::mt19937 rng(1);
  for (int n = 0; n < 20; ++n) {
    Paragraphs ps;
    size_t bytes = 0;
    while (bytes < 6000) {
      std::vector<std::string> para;
      for (int s = 0; s < 3; ++s) {
        std::string sentence;
        for (int w = 0; w < 22; ++w) sentence += std::string(w ? " " : "") + kWords[rng() % 26];
        sentence += ".";
        bytes += sentence.size();
        para.push_back(sentence);
      }
      ps.push_back(para);
    }
    out.push_back(ps);
  }
  return out;
}

Article ToArticle(const Paragraphs& ps) {
  Article a;
  a.title = "Benchmark article";
  for (const auto& p : ps) {
    std::string text;
    for (const auto& s : p) text += (text.empty() ? "" : " ") + s;
    if (!text.empty()) a.blocks.push_back({BlockKind::kParagraph, text});
  }
  return a;
}

// One NewsEdits-median update: 3 sentences added (from `donor`), 3 changed
// (a few words replaced), 2 removed.
void Edit(Paragraphs* ps, const Paragraphs& donor, std::mt19937* rng) {
  auto pick = [&](const Paragraphs& from) -> std::pair<size_t, size_t> {
    for (;;) {
      const size_t p = (*rng)() % from.size();
      if (!from[p].empty()) return {p, (*rng)() % from[p].size()};
    }
  };
  for (int i = 0; i < 2; ++i) {
    auto [p, s] = pick(*ps);
    if ((*ps)[p].size() > 1 || ps->size() > 3) {
      (*ps)[p].erase((*ps)[p].begin() + static_cast<long>(s));
    }
  }
  for (int i = 0; i < 3; ++i) {
    auto [p, s] = pick(*ps);
    std::string& sentence = (*ps)[p][s];
    for (int w = 0; w < 3; ++w) {
      const size_t at = (*rng)() % sentence.size();
      const size_t space = sentence.find(' ', at);
      if (space != std::string::npos) {
        sentence.insert(space, " reportedly" + std::to_string((*rng)() % 100));
      }
    }
  }
  for (int i = 0; i < 3; ++i) {
    auto [dp, ds] = pick(donor);
    auto [p, s] = pick(*ps);
    (*ps)[p].insert((*ps)[p].begin() + static_cast<long>(s), donor[dp][ds]);
  }
}

// The compression levels the benchmarks compare.
void CompressionLevels(benchmark::internal::Benchmark* b) {
  for (int level : {3, 7, 9, 19}) b->Arg(level);
}

StoreOptions WithLevel(int level) {
  StoreOptions options;
  options.compression_level = level;
  return options;
}

// Ingests `revisions` versions of each source article (each after the first
// with the NewsEdits median edit) into a fresh store made with `options`.
void RunUpdates(benchmark::State& state, const StoreOptions& options, int revisions) {
  const std::vector<Paragraphs> sources = SourceArticles();
  const uint32_t interval = options.keyframe_interval;
  double delta_sum = 0, all_sum = 0, source_bytes = 0;
  size_t deltas = 0, updates = 0;
  for (auto _ : state) {
    const std::string dir = TempStoreDir();
    {
      auto store = Store::Open(options, dir + "/store");
      if (!store.ok()) {
        state.SkipWithError(store.status().ToString().c_str());
        return;
      }
      std::mt19937 rng(7);
      for (size_t n = 0; n < sources.size(); ++n) {
        Paragraphs ps = sources[n];
        const std::string url = "https://example.com/a/" + std::to_string(n);
        Page page;
        page.url = url;
        for (int rev = 0; rev < revisions; ++rev) {
          if (rev > 0) Edit(&ps, sources[(n + 1) % sources.size()], &rng);
          page.article = ToArticle(ps);
          if (rev == 0) source_bytes += static_cast<double>(page.article->Text().size());
          const uint64_t before = (*store)->Stats()->record_bytes;
          auto v = (*store)->Ingest(page);
          if (!v.ok()) {
            state.SkipWithError(v.status().ToString().c_str());
            return;
          }
          const double bytes = static_cast<double>((*store)->Stats()->record_bytes - before);
          if (rev == 0) continue;
          all_sum += bytes;
          ++updates;
          if (interval > 1 && v->revision % interval != 1) {  // keyframes: 1, K + 1, 2K + 1, ...
            delta_sum += bytes;
            ++deltas;
          }
        }
      }
    }
    std::filesystem::remove_all(dir);
  }
  state.counters["delta_bytes"] = deltas ? delta_sum / static_cast<double>(deltas) : 0;
  state.counters["all_bytes"] = updates ? all_sum / static_cast<double>(updates) : 0;
  state.counters["article_bytes"] = source_bytes / (static_cast<double>(sources.size()) *
                                                    static_cast<double>(state.iterations()));
  state.counters["naeb_text"] = NaebPages().empty() ? 0 : 1;
  state.counters["updates_per_s"] =
      benchmark::Counter(static_cast<double>(updates), benchmark::Counter::kIsRate);
}

void BM_UpdateBytes(benchmark::State& state) {
  RunUpdates(state, WithLevel(static_cast<int>(state.range(0))), 20);
}
BENCHMARK(BM_UpdateBytes)->Apply(CompressionLevels)->Unit(benchmark::kMillisecond)->Iterations(1);

// BM_UpdateBytesChain/<K>/<revisions>: the default level on longer chains, for
// keyframe intervals K: all_bytes is what a long-lived article costs per
// update, updates_per_s what its deeper delta chains cost to extend.
void BM_UpdateBytesChain(benchmark::State& state) {
  StoreOptions options;
  options.keyframe_interval = static_cast<uint32_t>(state.range(0));
  RunUpdates(state, options, static_cast<int>(state.range(1)));
}
BENCHMARK(BM_UpdateBytesChain)
    ->ArgNames({"K", "revisions"})
    ->Args({16, 64})
    ->Args({32, 64})
    ->Args({64, 64})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

// Serialisations of 20 revisions of each source article, as BM_UpdateBytes makes them.
const std::vector<std::vector<std::string>>& RevisionChains() {
  static const auto* chains = [] {
    auto* out = new std::vector<std::vector<std::string>>;
    const std::vector<Paragraphs> sources = SourceArticles();
    std::mt19937 rng(7);
    for (size_t n = 0; n < sources.size(); ++n) {
      Paragraphs ps = sources[n];
      std::vector<std::string> chain;
      for (int rev = 0; rev < 20; ++rev) {
        if (rev > 0) Edit(&ps, sources[(n + 1) % sources.size()], &rng);
        chain.push_back(internal::EncodeArticle(ToArticle(ps)));
      }
      out->push_back(std::move(chain));
    }
    return out;
  }();
  return *chains;
}

// Compresses the first revision of every chain (keyframes) or every later one
// against its predecessor (deltas).
void CompressChains(benchmark::State& state, bool keyframes) {
  const auto& chains = RevisionChains();
  internal::SnapshotCodec codec(static_cast<int>(state.range(0)));
  double bytes = 0, frames = 0;
  for (auto _ : state) {
    for (const auto& chain : chains) {
      for (size_t i = keyframes ? 0 : 1; i < (keyframes ? 1 : chain.size()); ++i) {
        auto frame =
            keyframes ? codec.Compress(chain[i]) : codec.CompressDelta(chain[i - 1], chain[i]);
        if (!frame.ok()) {
          state.SkipWithError(frame.status().ToString().c_str());
          return;
        }
        bytes += static_cast<double>(frame->size());
        frames += 1;
      }
    }
  }
  state.counters["frame_bytes"] = frames > 0 ? bytes / frames : 0;
  state.counters["s_per_frame"] =
      benchmark::Counter(frames, benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

void BM_CodecKeyframe(benchmark::State& state) { CompressChains(state, true); }
void BM_CodecDelta(benchmark::State& state) { CompressChains(state, false); }
// The codec alone is cheap to measure, so at more levels.
void CodecLevels(benchmark::internal::Benchmark* b) {
  for (int level : {1, 3, 5, 6, 7, 9, 12, 15, 19}) b->Arg(level);
}
BENCHMARK(BM_CodecKeyframe)->Apply(CodecLevels)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CodecDelta)->Apply(CodecLevels)->Unit(benchmark::kMillisecond);

void BM_IngestNaeb(benchmark::State& state) {
  const auto& html = NaebPages();
  if (html.empty()) {
    state.SkipWithError("NAEB corpus absent (../shared/corpus/naeb/html)");
    return;
  }
  const size_t batch = static_cast<size_t>(state.range(0));
  const StoreOptions options = WithLevel(static_cast<int>(state.range(1)));
  // The batches are made once, outside the timed loop: IngestBatch takes
  // them by const reference, and copying 64 pages of 364 KB each (fresh
  // mmap'd strings) is the benchmark's cost, not the store's.
  std::vector<std::vector<Page>> chunks;
  for (size_t i = 0; i < html.size(); ++i) {
    if (i % batch == 0) chunks.emplace_back();
    Page p;
    p.url = "https://naeb.example/page/" + std::to_string(i);
    p.html = html[i];
    p.fetched_at = 1000;
    chunks.back().push_back(std::move(p));
  }
  size_t ingested = 0;
  double record_bytes = 0, revisions = 0;
  for (auto _ : state) {
    state.PauseTiming();
    const std::string dir = TempStoreDir();
    auto store = Store::Open(options, dir + "/store");
    state.ResumeTiming();
    if (!store.ok()) {
      state.SkipWithError(store.status().ToString().c_str());
      return;
    }
    for (const std::vector<Page>& chunk : chunks) {
      auto v = (*store)->IngestBatch(chunk);
      if (!v.ok()) {
        state.SkipWithError(v.status().ToString().c_str());
        return;
      }
      ingested += chunk.size();
    }
    state.PauseTiming();
    if (auto stats = (*store)->Stats(); stats.ok()) {
      record_bytes += static_cast<double>(stats->record_bytes);
      revisions += static_cast<double>(stats->revisions);
    }
    store->reset();
    std::filesystem::remove_all(dir);
    state.ResumeTiming();
  }
  state.counters["pages_per_s"] =
      benchmark::Counter(static_cast<double>(ingested), benchmark::Counter::kIsRate);
  state.counters["bytes_per_revision"] = revisions > 0 ? record_bytes / revisions : 0;
}
BENCHMARK(BM_IngestNaeb)
    ->ArgNames({"batch", "level"})
    ->ArgsProduct({{1, 64}, {3, 7, 9, 19}})
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace libdiff
