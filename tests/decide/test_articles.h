// Copyright 2026 The libdiff Authors.
//
// Article fixtures for store tests: deterministic news-like texts built from
// a seed, so unrelated seeds give unrelated articles of realistic length.
#ifndef LIBDIFF_TESTS_DECIDE_TEST_ARTICLES_H_
#define LIBDIFF_TESTS_DECIDE_TEST_ARTICLES_H_

#include <random>
#include <string>
#include <vector>

#include "libdiff/article.h"
#include "libdiff/store.h"

namespace libdiff::testing {

inline std::string Sentence(std::mt19937* rng) {
  static const char* kWords[] = {
      "council", "river", "storm", "minister", "budget", "police", "school", "hospital", "vote",
      "flood", "market", "train", "bridge", "report", "officials", "residents", "said", "would",
      "after", "before", "during", "north", "south", "coast", "city", "village", "workers",
      "union", "strike", "court", "judge", "ruling", "energy", "prices", "winter", "summer",
      "election", "mayor", "plan", "project", "funding", "government", "company", "shares",
      "investors", "team", "season", "coach", "match", "goal", "players", "fans", "museum",
      "artist", "festival", "film", "health", "doctors", "patients", "study", "scientists",
      "climate", "emissions", "farmers", "harvest", "water", "roads", "traffic", "airport",
      "flights", "tourists", "hotel", "housing", "rents", "tenants", "landlords", "protest"};
  constexpr size_t kCount = sizeof(kWords) / sizeof(kWords[0]);
  const size_t n = 10 + (*rng)() % 14;
  std::string s;
  for (size_t i = 0; i < n; ++i) {
    std::string w = kWords[(*rng)() % kCount];
    if (i == 0) w[0] = static_cast<char>(w[0] - 'a' + 'A');
    if (!s.empty()) s += ' ';
    s += w;
    if ((*rng)() % 9 == 0) s += " " + std::to_string((*rng)() % 1000);
  }
  return s + ".";
}

// About 6 KB of text: `paragraphs` paragraphs of 4 sentences each.
inline Article MakeArticle(unsigned seed, int paragraphs = 10) {
  std::mt19937 rng(seed);
  Article a;
  a.title = "Headline " + Sentence(&rng);
  a.site_name = "Example";
  a.published = "2026-11-28T04:00:00Z";
  for (int p = 0; p < paragraphs; ++p) {
    std::string text;
    for (int s = 0; s < 4; ++s) text += (s ? " " : "") + Sentence(&rng);
    a.blocks.push_back({BlockKind::kParagraph, text});
  }
  return a;
}

inline Page MakePage(const std::string& url, const Article& article, int64_t fetched_at = 1000) {
  Page page;
  page.url = url;
  page.article = article;
  page.fetched_at = fetched_at;
  return page;
}

}  // namespace libdiff::testing

#endif  // LIBDIFF_TESTS_DECIDE_TEST_ARTICLES_H_
