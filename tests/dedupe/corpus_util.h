// Copyright 2026 The libdiff Authors.
//
// Small generated corpora for the dedupe tests: articles as paragraphs of
// seeded random words, written as .txt or .html files in a temporary directory.
#ifndef LIBDIFF_TESTS_DEDUPE_CORPUS_UTIL_H_
#define LIBDIFF_TESTS_DEDUPE_CORPUS_UTIL_H_

#include <zlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

namespace libdiff::dedupe_test {

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "dedupe_test_XXXXXX").string();
    path_ = mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::add, ec);
    std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

using Paragraphs = std::vector<std::string>;

// An article of `n` paragraphs of about 35 words from a 3,000-word vocabulary.
inline Paragraphs MakeArticle(uint32_t seed, int n = 8) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> word(0, 2999);
  std::uniform_int_distribution<int> len(25, 45);
  Paragraphs out;
  for (int p = 0; p < n; ++p) {
    std::string para;
    const int words = len(rng);
    for (int w = 0; w < words; ++w) {
      if (!para.empty()) para += ' ';
      para += "w" + std::to_string(word(rng));
    }
    para += '.';
    out.push_back(para);
  }
  return out;
}

inline std::string JoinText(const Paragraphs& p) {
  std::string s;
  for (const auto& x : p) s += (s.empty() ? "" : "\n\n") + x;
  return s + "\n";
}

inline std::string MakeHtml(const std::string& title, const Paragraphs& p,
                            const std::string& published, const std::string& site) {
  std::string html = "<!DOCTYPE html><html><head><title>" + title + " | " + site + "</title>";
  if (!published.empty()) {
    html += "<meta property=\"article:published_time\" content=\"" + published + "\">";
  }
  html +=
      "</head><body><nav><a href=\"/\">" + site + " home</a> <a href=\"/world\">World</a></nav>";
  html += "<main><article><h1>" + title + "</h1>";
  for (const auto& x : p) html += "<p>" + x + "</p>";
  html += "</article></main><footer>Copyright " + site + "</footer></body></html>";
  return html;
}

inline void WriteFile(const std::string& path, const std::string& data) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << data;
}

inline std::string Gzip(const std::string& data) {
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, static_cast<uLong>(data.size())) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

}  // namespace libdiff::dedupe_test

#endif  // LIBDIFF_TESTS_DEDUPE_CORPUS_UTIL_H_
