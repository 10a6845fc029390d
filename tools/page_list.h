// Copyright 2026 The libdiff Authors.
//
// Page lists: files of tab-separated `url, path[, fetched_at]` lines, the way
// a crawl's pages reach `libdiff extract`, `ingest` and `check` with their
// URLs. Header-only, used by tools/*_command.cc only.
#ifndef LIBDIFF_TOOLS_PAGE_LIST_H_
#define LIBDIFF_TOOLS_PAGE_LIST_H_

#include <cstdint>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "command.h"
#include "libdiff/file.h"

namespace libdiff::tools {

// One page to ingest or check: where its HTML is and which URL it came from.
struct PageSource {
  std::string url;
  std::string path;
  int64_t fetched_at = 0;
  std::string origin;  // "<list>:<line>" or the path, for error messages
};

// Parses "1764300000" or "2026-11-28T04:00:00Z" (UTC; also without the Z or
// with a space) into Unix seconds. nullopt when neither.
inline std::optional<int64_t> ParseFetchedAt(const std::string& s) {
  if (s.empty()) return 0;
  if (s.find_first_not_of("0123456789") == std::string::npos) {
    if (s.size() > 18) return std::nullopt;
    return static_cast<int64_t>(std::stoll(s));
  }
  std::tm tm{};
  int consumed = 0;
  if (std::sscanf(s.c_str(), "%4d-%2d-%2d%*[T ]%2d:%2d:%2d%n", &tm.tm_year, &tm.tm_mon,
                  &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &consumed) == 6) {
    const std::string rest = s.substr(static_cast<size_t>(consumed));
    if (!rest.empty() && rest != "Z" && rest != "+00:00") return std::nullopt;
  } else if (std::sscanf(s.c_str(), "%4d-%2d-%2d%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                         &consumed) == 3 &&
             static_cast<size_t>(consumed) == s.size()) {
  } else {
    return std::nullopt;
  }
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  return static_cast<int64_t>(timegm(&tm));
}

// Reads a --list file ("-" = stdin) of tab-separated `url, path[, fetched_at]`
// lines; blank lines and lines starting with '#' are skipped. Relative paths
// are taken relative to the list file's directory (the working directory for
// stdin). Returns false after reporting the first bad line.
inline bool ReadPageList(const std::string& list, std::vector<PageSource>* out) {
  auto text = ReadFile(list, size_t{1} << 30);
  if (!text.ok()) {
    ReportError(text.status().message());
    return false;
  }
  const std::filesystem::path base =
      list == "-" ? std::filesystem::path() : std::filesystem::path(list).parent_path();
  size_t line_no = 0, start = 0;
  const std::string& t = *text;
  while (start < t.size()) {
    size_t end = t.find('\n', start);
    if (end == std::string::npos) end = t.size();
    std::string line = t.substr(start, end - start);
    start = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    size_t c = 0;
    for (;;) {
      const size_t tab = line.find('\t', c);
      cols.push_back(line.substr(c, tab == std::string::npos ? std::string::npos : tab - c));
      if (tab == std::string::npos) break;
      c = tab + 1;
    }
    const std::string where = list + ":" + std::to_string(line_no);
    if (cols.size() < 2 || cols.size() > 3 || cols[0].empty() || cols[1].empty()) {
      ReportError(where + ": expected url<TAB>path[<TAB>fetched_at]");
      return false;
    }
    PageSource src;
    src.url = cols[0];
    std::filesystem::path p(cols[1]);
    src.path = p.is_absolute() || cols[1] == "-" ? cols[1] : (base / p).string();
    src.origin = where;
    auto when = ParseFetchedAt(cols.size() == 3 ? cols[2] : "");
    if (!when) {
      ReportError(where + ": fetched_at \"" + cols[2] +
                  "\" is neither Unix seconds nor an ISO 8601 UTC time");
      return false;
    }
    src.fetched_at = *when;
    out->push_back(std::move(src));
  }
  return true;
}

}  // namespace libdiff::tools

#endif  // LIBDIFF_TOOLS_PAGE_LIST_H_
