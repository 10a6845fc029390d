// Copyright 2026 The libdiff Authors.
//
// Speed of internal::ExtractMetadata on parsed pages (parse excluded): the
// NAEB pages when ../shared/corpus/naeb exists, else the hand-written pages
// in samples/pages/metadata. Each iteration extracts one page, cycling through
// all of them; items/s is pages per second.
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
  xmlDocPtr doc = nullptr;
};

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
      const std::string html = ReadAll(f);
      Page page;
      page.url = "https://example.com/" + f.stem().string();
      page.doc = htmlReadMemory(html.data(), static_cast<int>(html.size()), page.url.c_str(),
                                nullptr,
                                HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                    HTML_PARSE_NONET | HTML_PARSE_COMPACT);
      if (page.doc != nullptr) out->push_back(std::move(page));
    }
    return out;
  }();
  return *pages;
}

void BM_ExtractMetadata(benchmark::State& state) {
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
BENCHMARK(BM_ExtractMetadata)->Unit(benchmark::kMicrosecond);

}  // namespace
