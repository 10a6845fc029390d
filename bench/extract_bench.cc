// Copyright 2026 The libdiff Authors.
//
// Article extraction speed, single-threaded, over the NAEB pages
// (../shared/corpus/naeb/html; the NAEB benchmarks skip when it is absent) and
// over the hand-written news template in samples/.
//
//   build/<dir>/bench/extract_bench --benchmark_min_time=0.01
//
// BM_ExtractNaeb runs ExtractArticle on every page once per iteration, timing
// each page in thread CPU time, and reports the median and 90th percentile
// milliseconds per page, and pages/s and MB/s from the summed CPU time. BM_ParseNaeb and
// BM_BodyNaeb split that time into the libxml2 parse (with charset detection and conversion) and
// the body step. BM_BareParseWalkNaeb is the floor extraction is compared with: libxml2's HTML
// parser on the raw page as fetched, then one walk gathering every text node, which any extractor
// built on libxml2 pays. BM_ExtractManyTeaserRuns times a generated page of 1,000 to 8,000 teaser
// runs under one parent and fits the times to O(N): the teaser pass must stay linear.
#include <benchmark/benchmark.h>
#include <libxml/HTMLparser.h>
#include <time.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "extract/body.h"
#include "extract/encoding.h"
#include "extract/html_parser.h"
#include "libdiff/article.h"

namespace {

// This thread's CPU time in seconds: per-page times that other processes on a
// shared machine do not inflate.
double ThreadSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

const std::vector<std::string>& NaebPages() {
  static const std::vector<std::string>* pages = [] {
    auto* v = new std::vector<std::string>;
    const std::filesystem::path dir =
        std::filesystem::path(LIBDIFF_SHARED_DIR) / "corpus" / "naeb" / "html";
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

size_t TotalBytes(const std::vector<std::string>& pages) {
  size_t n = 0;
  for (const auto& p : pages) n += p.size();
  return n;
}

void ReportPerPage(benchmark::State& state, std::vector<double>& ms, size_t pages, size_t bytes,
                   double seconds) {
  std::sort(ms.begin(), ms.end());
  state.counters["median_ms"] = ms[ms.size() / 2];
  state.counters["p90_ms"] = ms[ms.size() * 9 / 10];
  state.counters["pages_per_s"] = static_cast<double>(pages) / seconds;
  state.counters["MB_per_s"] = static_cast<double>(bytes) / 1e6 / seconds;
}

template <typename Step>
void RunOverNaeb(benchmark::State& state, Step step) {
  const auto& pages = NaebPages();
  if (pages.empty()) {
    state.SkipWithError("NAEB corpus absent (../shared/corpus/naeb/html)");
    return;
  }
  std::vector<double> ms;
  size_t done = 0, bytes = 0;
  double seconds = 0;
  for (auto _ : state) {
    for (const std::string& page : pages) {
      const double t0 = ThreadSeconds();
      step(page);
      const double s = ThreadSeconds() - t0;
      ms.push_back(s * 1e3);
      seconds += s;
    }
    done += pages.size();
    bytes += TotalBytes(pages);
  }
  state.SetItemsProcessed(static_cast<int64_t>(done));
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  ReportPerPage(state, ms, done, bytes, seconds);
}

void BM_ExtractNaeb(benchmark::State& state) {
  RunOverNaeb(state, [](const std::string& page) {
    auto r = libdiff::ExtractArticle(page, libdiff::ExtractOptions{});
    benchmark::DoNotOptimize(r);
  });
}
BENCHMARK(BM_ExtractNaeb)->Unit(benchmark::kMillisecond);

void BM_ParseNaeb(benchmark::State& state) {
  RunOverNaeb(state, [](const std::string& page) {
    const auto cs = libdiff::internal::DetectCharset(page, "");
    std::string utf8 = libdiff::internal::ConvertToUtf8(page, cs);
    libdiff::internal::DropScriptAndStyleBodies(&utf8);
    auto doc = libdiff::internal::ParseHtml(utf8, "");
    benchmark::DoNotOptimize(doc);
  });
}
BENCHMARK(BM_ParseNaeb)->Unit(benchmark::kMillisecond);

// Appends the text of every text node under `node` to `out`.
void GatherText(const xmlNode* node, std::string* out) {
  for (const xmlNode* c = node; c != nullptr; c = c->next) {
    if (c->type == XML_TEXT_NODE && c->content != nullptr) {
      out->append(reinterpret_cast<const char*>(c->content));
      out->push_back(' ');
    }
    if (c->children != nullptr) GatherText(c->children, out);
  }
}

void BM_BareParseWalkNaeb(benchmark::State& state) {
  RunOverNaeb(state, [](const std::string& page) {
    htmlDocPtr doc = htmlReadMemory(page.data(), static_cast<int>(page.size()), nullptr, nullptr,
                                    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                        HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    std::string text;
    if (doc != nullptr) GatherText(xmlDocGetRootElement(doc), &text);
    benchmark::DoNotOptimize(text);
    xmlFreeDoc(doc);
  });
}
BENCHMARK(BM_BareParseWalkNaeb)->Unit(benchmark::kMillisecond);

void BM_BodyNaeb(benchmark::State& state) {
  const auto& pages = NaebPages();
  std::vector<libdiff::internal::XmlDocument> docs;
  for (const std::string& page : pages) {
    const auto cs = libdiff::internal::DetectCharset(page, "");
    std::string utf8 = libdiff::internal::ConvertToUtf8(page, cs);
    libdiff::internal::DropScriptAndStyleBodies(&utf8);
    docs.push_back(libdiff::internal::ParseHtml(utf8, ""));
  }
  size_t i = 0;
  const libdiff::ExtractOptions options;
  RunOverNaeb(state, [&](const std::string&) {
    auto body = libdiff::internal::ExtractBody(docs[i++ % docs.size()].get(), options, "");
    benchmark::DoNotOptimize(body);
  });
}
BENCHMARK(BM_BodyNaeb)->Unit(benchmark::kMillisecond);

void BM_ExtractNewsTemplate(benchmark::State& state) {
  const std::string page =
      ReadAll(std::filesystem::path(LIBDIFF_SAMPLES_DIR) / "pages/extract/news_template.html");
  for (auto _ : state) {
    auto r = libdiff::ExtractArticle(page, libdiff::ExtractOptions{});
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(page.size()));
}
BENCHMARK(BM_ExtractNewsTemplate);

// A crafted page of many teaser runs under one parent: `runs` runs of three
// look-alike teasers (a headline link and a one-sentence summary each), split
// by an ad slot, all children of one <div>, before a short article. 8,000
// runs make about 4 MB. The teaser pass once compared every run with every
// sibling (10.7 s for 8,000 runs); the time must grow linearly in the runs.
std::string ManyTeaserRunsPage(int runs) {
  std::string page =
      "<html><head><title>Runs</title></head><body><div class=\"river\">";
  page.reserve(static_cast<size_t>(runs) * 520 + 2000);
  for (int r = 0; r < runs; ++r) {
    for (int k = 0; k < 3; ++k) {
      const std::string id = std::to_string(r * 3 + k);
      page +=
          "<div class=\"card\"><h3><a href=\"/story/" + id + "\">Headline of linked story " + id +
          "</a></h3><p>A summary of the linked story, long enough to count as prose, for item " +
          id + ".</p></div>";
    }
    page += "<div class=\"slot\"><span>Advertisement</span></div>";
  }
  page += "</div><article><h1>Runs</h1>";
  for (int k = 0; k < 4; ++k)
    page += "<p>The article itself is a few paragraphs of prose after the river of teasers, each "
            "long enough to be read as a paragraph of the article, with no links in it.</p>";
  page += "</article></body></html>";
  return page;
}

void BM_ExtractManyTeaserRuns(benchmark::State& state) {
  const std::string page = ManyTeaserRunsPage(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    auto r = libdiff::ExtractArticle(page, libdiff::ExtractOptions{});
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(page.size()));
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_ExtractManyTeaserRuns)
    ->Arg(1000)
    ->Arg(2000)
    ->Arg(4000)
    ->Arg(8000)
    ->Unit(benchmark::kMillisecond)
    ->Complexity(benchmark::oN);

}  // namespace
