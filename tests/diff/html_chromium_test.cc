// Copyright 2026 The libdiff Authors.
//
// `libdiff diff --format html` in a real browser: the page the command writes
// for the demo storm article and its update is loaded in headless Chromium
// (Debian's `chromium` package, or $LIBDIFF_CHROMIUM), which must keep the
// summary header and the inserted/deleted markup in its DOM and paint a
// screenshot. The page must also be self-contained: no scripts, stylesheets,
// images or other URLs to fetch. Tests skip, saying why, when the binary is
// not built or Chromium is absent; each browser run is bounded by `timeout 60`.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include "run_libdiff.h"
#include "store/temp_dir.h"

namespace libdiff {
namespace {

const std::string kDemo = LIBDIFF_SAMPLES_DIR "/pages/demo";

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// $LIBDIFF_CHROMIUM, else `chromium` or `chromium-browser` on PATH; "" if none.
std::string FindChromium() {
  if (const char* env = std::getenv("LIBDIFF_CHROMIUM"); env != nullptr && *env != '\0') {
    return ::access(env, X_OK) == 0 ? env : "";
  }
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path != nullptr ? path : "/usr/bin:/bin");
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    for (const char* name : {"chromium", "chromium-browser"}) {
      const std::filesystem::path p = std::filesystem::path(dir) / name;
      if (::access(p.c_str(), X_OK) == 0) return p.string();
    }
  }
  return "";
}

// Everything that would make a browser fetch something: a URL in src/href/
// action/poster/srcset or CSS url()/@import, and elements that load or run
// code (script, link, img, iframe, object, embed).
std::string ExternalReferences(const std::string& html) {
  static const std::regex kFetch(
      R"re(((src|href|action|poster|srcset|data)\s*=\s*["']?\s*([a-z]+:)?//)|)re"
      R"re((url\(\s*["']?\s*([a-z]+:)?//)|(@import)|)re"
      R"re((<(script|link|img|iframe|object|embed|video|audio)\b))re",
      std::regex::icase);
  std::string found;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), kFetch);
       it != std::sregex_iterator(); ++it) {
    found += it->str() + "\n";
  }
  return found;
}

class DiffHtmlInChromium : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(test::LibdiffBinary())) {
      GTEST_SKIP() << test::LibdiffBinary() << " is not built";
    }
    page_ = tmp_.path() + "/diff.html";
    test::CommandRun r = test::RunLibdiff("diff --format html " + kDemo + "/a-storm.html " + kDemo +
                                          "/a-storm-updated.html >" + page_);
    ASSERT_EQ(r.status, 1) << r.err;  // 1: the versions differ
    html_ = ReadAll(page_);
    ASSERT_FALSE(html_.empty());
  }

  // Runs Chromium headless on the page with `args`; its stdout goes to *out.
  // Skips when Chromium is absent. A fresh profile and HOME in the temp dir,
  // and a resolver that resolves nothing, so no network is used.
  void RunChromium(const std::string& args, std::string* out) {
    const std::string chromium = FindChromium();
    if (chromium.empty()) {
      GTEST_SKIP() << "Chromium not found (install Debian's chromium package or set "
                      "LIBDIFF_CHROMIUM); the HTML page was not checked in a browser";
    }
    const std::string out_path = tmp_.path() + "/chromium.out";
    const std::string err_path = tmp_.path() + "/chromium.err";
    const std::string command =
        "HOME=" + tmp_.path() + " timeout 60 " + chromium +
        " --headless --no-sandbox --disable-gpu --no-first-run --disable-extensions"
        " --disable-dev-shm-usage --host-resolver-rules='MAP * ~NOTFOUND'"
        " --user-data-dir=" + tmp_.path() + "/profile " + args + " file://" + page_ + " >" +
        out_path + " 2>" + err_path + " </dev/null";
    const int st = std::system(command.c_str());
    const int status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    const std::string err = ReadAll(err_path);
    ASSERT_NE(status, 124) << "Chromium did not finish within 60 s:\n" << err;
    ASSERT_EQ(status, 0) << command << "\n" << err;
    *out = ReadAll(out_path);
  }

  testing::TempDir tmp_;
  std::string page_;
  std::string html_;
};

TEST_F(DiffHtmlInChromium, PageIsSelfContained) {
  EXPECT_EQ(ExternalReferences(html_), "");
  EXPECT_NE(html_.find("<style>"), std::string::npos);  // styles are inline
  // The check itself would catch what it is for.
  EXPECT_NE(ExternalReferences("<img src=\"https://x.example/a.png\">"), "");
  EXPECT_NE(ExternalReferences("<a href='//x.example/'>"), "");
  EXPECT_NE(ExternalReferences("p{background:url( \"http://x.example/b.png\")}"), "");
}

TEST_F(DiffHtmlInChromium, DomKeepsSummaryAndChanges) {
  std::string dom;
  ASSERT_NO_FATAL_FAILURE(RunChromium("--dump-dom", &dom));
  if (IsSkipped()) return;
  ASSERT_NE(dom.find("</html>"), std::string::npos) << dom;
  // The summary header with the significance badge and the counts.
  EXPECT_NE(dom.find("<header id=\"summary\">"), std::string::npos) << dom;
  EXPECT_NE(dom.find("id=\"significance\">substantive</span>"), std::string::npos) << dom;
  EXPECT_NE(dom.find("</b> sentences added</li>"), std::string::npos) << dom;
  // The corrected death toll in the title, and words changed inside a sentence.
  EXPECT_NE(
      dom.find("<h1 id=\"title\">Storm kills <del class=\"d\">10</del><ins class=\"i\">14</ins>"),
      std::string::npos)
      << dom;
  EXPECT_NE(dom.find("<del class=\"d\">three</del><ins class=\"i\">five</ins>"), std::string::npos)
      << dom;
  // Whole sentences added and removed.
  EXPECT_NE(dom.find("<ins class=\"s-ins\">"), std::string::npos) << dom;
  EXPECT_NE(dom.find("<del class=\"s-del\">"), std::string::npos) << dom;
  // Nothing was added to fetch, even after the browser parsed it.
  EXPECT_EQ(ExternalReferences(dom), "");
}

TEST_F(DiffHtmlInChromium, PagePaints) {
  const std::string png = tmp_.path() + "/page.png";
  std::string out;
  ASSERT_NO_FATAL_FAILURE(
      RunChromium("--hide-scrollbars --window-size=900,1100 --screenshot=" + png, &out));
  if (IsSkipped()) return;
  const std::string image = ReadAll(png);
  ASSERT_GT(image.size(), 8u);
  EXPECT_EQ(image.substr(0, 8), "\x89PNG\r\n\x1a\n");
  // A blank 900x1100 page compresses to a few kB; the rendered diff is far larger.
  EXPECT_GT(image.size(), size_t{20000});
}

}  // namespace
}  // namespace libdiff
