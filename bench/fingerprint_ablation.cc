// Copyright 2026 The libdiff Authors.
//
// fingerprint_ablation: how the shingle size w changes SimHash distances, on
// the sample texts (the table in docs/fingerprint.md "Why w = 3"). For each w:
//  - 500 random one-word replacements in each of two sample articles:
//    median, 95th percentile and max distance to the unedited text;
//  - the sample update (updated.txt vs original.txt);
//  - 50 random shuffles of the original's words (a bag of words cannot see it);
//  - 300 pairs of random 600-word texts over the samples' vocabulary.
// Run: build/release/bench/fingerprint_ablation
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "libdiff/fingerprint.h"

namespace {

std::string ReadSample(const std::string& name) {
  std::ifstream in(std::string(LIBDIFF_SAMPLES_DIR) + "/texts/" + name, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::pair<size_t, size_t>> WordSpans(const std::string& text) {
  std::vector<std::pair<size_t, size_t>> spans;
  const auto is_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  for (size_t i = 0; i < text.size();) {
    if (!is_letter(text[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && is_letter(text[j])) ++j;
    spans.emplace_back(i, j - i);
    i = j;
  }
  return spans;
}

std::vector<std::string> Words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> words;
  std::string w;
  while (in >> w) words.push_back(w);
  return words;
}

}  // namespace

int main() {
  const std::vector<std::string> texts = {ReadSample("original.txt"), ReadSample("unrelated.txt")};
  const std::string updated = ReadSample("updated.txt");
  if (texts[0].empty() || texts[1].empty() || updated.empty()) {
    std::fprintf(stderr, "fingerprint_ablation: sample texts not found under %s/texts\n",
                 LIBDIFF_SAMPLES_DIR);
    return 2;
  }
  std::vector<std::string> vocabulary;
  for (const std::string& t : texts) {
    for (std::string& w : Words(t)) vocabulary.push_back(std::move(w));
  }
  using libdiff::FingerprintText;
  using libdiff::HammingDistance;
  for (int w = 1; w <= 6; ++w) {
    libdiff::FingerprintOptions options;
    options.shingle_size = w;
    std::mt19937 rng(2026);
    std::vector<int> edits;
    for (const std::string& t : texts) {
      const uint64_t base = FingerprintText(t, options).simhash;
      const auto spans = WordSpans(t);
      for (int k = 0; k < 500; ++k) {
        const auto [pos, len] = spans[rng() % spans.size()];
        std::string edited = t;
        edited.replace(pos, len, "zq" + std::to_string(k));
        edits.push_back(HammingDistance(base, FingerprintText(edited, options).simhash));
      }
    }
    std::sort(edits.begin(), edits.end());
    const uint64_t original = FingerprintText(texts[0], options).simhash;
    const int update = HammingDistance(original, FingerprintText(updated, options).simhash);
    std::vector<int> shuffled;
    std::vector<std::string> words = Words(texts[0]);
    for (int k = 0; k < 50; ++k) {
      std::shuffle(words.begin(), words.end(), rng);
      std::string s;
      for (const std::string& x : words) s += x + " ";
      shuffled.push_back(HammingDistance(original, FingerprintText(s, options).simhash));
    }
    std::sort(shuffled.begin(), shuffled.end());
    const auto random_text = [&] {
      std::string s;
      for (int i = 0; i < 600; ++i) s += vocabulary[rng() % vocabulary.size()] + " ";
      return s;
    };
    double sum = 0;
    int min = 64;
    constexpr int kPairs = 300;
    for (int k = 0; k < kPairs; ++k) {
      const int d = HammingDistance(FingerprintText(random_text(), options).simhash,
                                    FingerprintText(random_text(), options).simhash);
      sum += d;
      min = std::min(min, d);
    }
    std::printf(
        "w=%d  one-word edit median %d p95 %d max %d | sample update %d | "
        "shuffled words median %d | random pairs mean %.1f min %d\n",
        w, edits[edits.size() / 2], edits[edits.size() * 95 / 100], edits.back(), update,
        shuffled[shuffled.size() / 2], sum / kPairs, min);
  }
  return 0;
}
