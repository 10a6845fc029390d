// Copyright 2026 The libdiff Authors.
//
// What a hostile page cannot make the library do: read local files through
// external entities or DTDs, or run its scripts. See docs/reliability.md.
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "libdiff/article.h"
#include "store/temp_dir.h"

namespace libdiff {
namespace {

// Every text the article exposes, joined.
std::string AllText(const Article& a) {
  std::string s = a.title + "|" + a.description + "|" + a.site_name + "|" + a.canonical_url + "|" +
                  a.published + "|" + a.modified + "|" + a.type + "|";
  for (const auto& author : a.authors) s += author + "|";
  return s + a.Text();
}

TEST(Security, ExternalEntitiesAndDtdsAreNotLoaded) {
  testing::TempDir dir;
  const std::string secret_path = dir.path() + "/secret.txt";
  std::ofstream(secret_path) << "TOPSECRET-7f3a";
  const std::string dtd_path = dir.path() + "/evil.dtd";
  std::ofstream(dtd_path) << "<!ENTITY leak \"TOPSECRET-DTD\">";
  const std::string html =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE html SYSTEM \"file://" + dtd_path + "\" [\n"
      "<!ENTITY xxe SYSTEM \"file://" + secret_path + "\">\n]>\n"
      "<html><head><title>Entity &xxe; &leak;</title></head><body><article><h1>Council meets</h1>"
      "<p>The council met on Monday to discuss the budget &xxe; and the plan &leak; for the "
      "river bridge, which residents have opposed for years.</p>"
      "<p>Officials said the vote would take place next week after a public hearing.</p>"
      "</article></body></html>";
  Result<Article> a = ExtractArticle(html, ExtractOptions());
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_NE(a->Text().find("council met on Monday"), std::string::npos) << a->Text();
  EXPECT_EQ(AllText(*a).find("TOPSECRET"), std::string::npos) << AllText(*a);
}

TEST(Security, ScriptsAreNeitherRunNorKept) {
  testing::TempDir dir;
  const std::string marker = dir.path() + "/ran";
  const std::string html =
      "<html><body><article><h1>Storm hits coast</h1>"
      "<script>require('fs').writeFileSync('" + marker +
      "', 'x'); document.write('INJECTED')</script>"
      "<p>The storm reached the coast on Tuesday night, flooding roads in three villages.</p>"
      "<p onclick=\"alert('INJECTED')\">Emergency services said no one was hurt in the floods.</p>"
      "<noscript>INJECTED</noscript><style>p{content:'INJECTED'}</style>"
      "</article></body></html>";
  Result<Article> a = ExtractArticle(html, ExtractOptions());
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_NE(a->Text().find("flooding roads"), std::string::npos) << a->Text();
  EXPECT_EQ(AllText(*a).find("INJECTED"), std::string::npos) << AllText(*a);
  EXPECT_FALSE(std::filesystem::exists(marker));
}

}  // namespace
}  // namespace libdiff
