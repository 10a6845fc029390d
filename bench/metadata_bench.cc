// Copyright 2026 The libdiff Authors.
//
// Speed of internal::ExtractMetadata on parsed pages (parse excluded): the
// NAEB pages when ../shared/corpus/naeb exists, else the hand-written pages
// in samples/pages/metadata. Each iteration extracts one page, cycling through
// all of them; items/s is pages per second.
//
// BM_ExtractMetadataAfterParse parses the page with the timer paused first, so
// the document is as warm in the caches as it is inside ExtractArticle;
// BM_ExtractMetadataColdDocument walks documents parsed long before (most of
// the time then goes to cache misses on the DOM).
//
//   build/<dir>/bench/metadata_bench --benchmark_min_time=2
#include <libxml/HTMLparser.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "extract/metadata.h"

namespace {

struct Page {
  std::string url;
  std::string html;
  xmlDocPtr doc = nullptr;
};

constexpr int kParseOptions = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                              HTML_PARSE_NONET | HTML_PARSE_COMPACT;

std::string ReadAll(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Parsed once, kept for the life of the process.
const std::vector<Page>& Pages() {
  static const std::vector<Page>* pages = [] {
    auto* out = new std::vector<Page>();
    std::filesystem::path dir = std::filesystem::path(LIBDIFF_SHARED_DIR) / "corpus/naeb/html";
    if (!std::filesystem::is_directory(dir)) {
      dir = std::filesystem::path(LIBDIFF_SAMPLES_DIR) / "pages/metadata";
    }
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
      if (e.path().extension() == ".html") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      Page page;
      page.html = ReadAll(f);
      page.url = "https://example.com/" + f.stem().string();
      page.doc = htmlReadMemory(page.html.data(), static_cast<int>(page.html.size()),
                                page.url.c_str(), nullptr, kParseOptions);
      if (page.doc != nullptr) out->push_back(std::move(page));
    }
    return out;
  }();
  return *pages;
}

void BM_ExtractMetadataAfterParse(benchmark::State& state) {
  const std::vector<Page>& pages = Pages();
  if (pages.empty()) {
    state.SkipWithError("no pages to measure");
    return;
  }
  size_t i = 0;
  for (auto _ : state) {
    state.PauseTiming();
    const Page& page = pages[i];
    xmlDocPtr doc = htmlReadMemory(page.html.data(), static_cast<int>(page.html.size()),
                                   page.url.c_str(), nullptr, kParseOptions);
    libdiff::ExtractOptions options;
    options.url = page.url;
    libdiff::Article article;
    state.ResumeTiming();
    libdiff::internal::ExtractMetadata(doc, options, &article);
    benchmark::DoNotOptimize(article);
    state.PauseTiming();
    xmlFreeDoc(doc);
    i = (i + 1) % pages.size();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  state.counters["pages"] = static_cast<double>(pages.size());
}
BENCHMARK(BM_ExtractMetadataAfterParse)->Unit(benchmark::kMicrosecond);

void BM_ExtractMetadataColdDocument(benchmark::State& state) {
  const std::vector<Page>& pages = Pages();
  if (pages.empty()) {
    state.SkipWithError("no pages to measure");
    return;
  }
  size_t i = 0;
  for (auto _ : state) {
    const Page& page = pages[i];
    libdiff::ExtractOptions options;
    options.url = page.url;
    libdiff::Article article;
    libdiff::internal::ExtractMetadata(page.doc, options, &article);
    benchmark::DoNotOptimize(article);
    i = (i + 1) % pages.size();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  state.counters["pages"] = static_cast<double>(pages.size());
}
BENCHMARK(BM_ExtractMetadataColdDocument)->Unit(benchmark::kMicrosecond);

}  // namespace
