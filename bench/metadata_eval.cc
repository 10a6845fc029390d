// Copyright 2026 The libdiff Authors.
//
// metadata_eval: runs internal::ExtractMetadata over a NAEB-style corpus and
// writes predictions in the format of ../shared/eval/score.py, so the metadata
// half of extraction can be scored on its own.
//
//   metadata_eval [CORPUS_DIR] > predictions.json
//   python3 ../shared/eval/score.py predictions.json
//
// CORPUS_DIR defaults to ../shared/corpus/naeb. By default each page is
// parsed with htmlReadMemory and only ExtractMetadata runs; "articleBody" then
// holds the meta description (the body is not this tool's business), so
// score.py's body figures are meaningless; date, title and author are the ones
// to read. With LIBDIFF_METADATA_PIPELINE=1 the whole ExtractArticle runs
// instead (its charset detection, parser and body), and every field is real.
// On stderr: the number of pages and the median / mean ExtractMetadata time
// (parse excluded; the fastest of three runs per page). With LIBDIFF_METADATA_DEBUG=1 every field
// of every page is printed on stderr as well.
#include <libxml/HTMLparser.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "extract/metadata.h"

namespace {

std::string ReadAll(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) {
    if (!out.empty()) out += ", ";
    out += s;
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  const std::filesystem::path corpus =
      argc > 1 ? std::filesystem::path(argv[1])
               : std::filesystem::path(LIBDIFF_SHARED_DIR) / "corpus" / "naeb";
  const std::filesystem::path gold_path = corpus / "ground-truth.json";
  if (!std::filesystem::exists(gold_path)) {
    std::cerr << "metadata_eval: no corpus at " << corpus << ", skipping\n";
    return 0;
  }
  const nlohmann::json gold = nlohmann::json::parse(ReadAll(gold_path), nullptr, false);
  if (gold.is_discarded() || !gold.is_object()) {
    std::cerr << "metadata_eval: " << gold_path << " is not a JSON object\n";
    return 1;
  }
  const bool debug = std::getenv("LIBDIFF_METADATA_DEBUG") != nullptr;
  const bool pipeline = std::getenv("LIBDIFF_METADATA_PIPELINE") != nullptr;
  nlohmann::json out = nlohmann::json::object();
  std::vector<double> micros;
  for (const auto& [id, entry] : gold.items()) {
    const std::filesystem::path html_path = corpus / "html" / (id + ".html");
    if (!std::filesystem::exists(html_path)) continue;
    const std::string html = ReadAll(html_path);
    libdiff::ExtractOptions options;
    if (entry.contains("url") && entry["url"].is_string()) options.url = entry["url"];
    libdiff::Article article;
    if (pipeline) {
      libdiff::Result<libdiff::Article> r = libdiff::ExtractArticle(html, options);
      if (r.ok()) article = std::move(*r);
      nlohmann::json p;
      p["articleBody"] = article.Text();
      p["title"] = article.title;
      p["date"] = article.published.empty() ? nlohmann::json() : nlohmann::json(article.published);
      p["author"] =
          article.authors.empty() ? nlohmann::json() : nlohmann::json(Join(article.authors));
      out[id] = p;
      continue;
    }
    htmlDocPtr doc = htmlReadMemory(html.data(), static_cast<int>(html.size()), options.url.c_str(),
                                    nullptr,
                                    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                        HTML_PARSE_NONET | HTML_PARSE_COMPACT);
    // The fastest of three runs: the machine is shared, so single timings are noisy.
    double best = 1e18;
    for (int run = 0; run < 3; ++run) {
      const auto start = std::chrono::steady_clock::now();
      libdiff::internal::ExtractMetadata(doc, options, &article);
      const auto stop = std::chrono::steady_clock::now();
      best = std::min(best, std::chrono::duration<double, std::micro>(stop - start).count());
    }
    micros.push_back(best);
    if (doc != nullptr) xmlFreeDoc(doc);
    nlohmann::json p;
    p["articleBody"] = article.description;
    p["title"] = article.title;
    p["date"] = article.published.empty() ? nlohmann::json() : nlohmann::json(article.published);
    p["author"] =
        article.authors.empty() ? nlohmann::json() : nlohmann::json(Join(article.authors));
    out[id] = p;
    if (debug) {
      std::cerr << id << "\n  title: " << article.title << "\n  site: " << article.site_name
                << "\n  canonical: " << article.canonical_url
                << "\n  authors: " << Join(article.authors)
                << "\n  published: " << article.published << "\n  modified: " << article.modified
                << "\n  language: " << article.language << "\n  type: " << article.type << "\n";
    }
  }
  std::cout << out.dump(1) << "\n";
  if (!micros.empty()) {
    std::vector<double> sorted = micros;
    std::sort(sorted.begin(), sorted.end());
    double sum = 0;
    for (double m : micros) sum += m;
    std::fprintf(stderr, "metadata_eval: %zu pages, ExtractMetadata median %.1f us, mean %.1f us\n",
                 micros.size(), sorted[sorted.size() / 2],
                 sum / static_cast<double>(micros.size()));
  }
  return 0;
}
