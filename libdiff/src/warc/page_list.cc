// Copyright 2026 The libdiff Authors.
#include "libdiff/page_list.h"

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <utility>

#include "util/file.h"
#include "util/utf8.h"

namespace libdiff {

namespace {

// Reads 1..max_digits ASCII digits at s[*pos] into *value.
bool Digits(std::string_view s, size_t* pos, size_t max_digits, int* value) {
  size_t n = 0;
  int v = 0;
  while (*pos + n < s.size() && n < max_digits && s[*pos + n] >= '0' && s[*pos + n] <= '9') {
    v = v * 10 + (s[*pos + n] - '0');
    ++n;
  }
  // A further digit would make the field longer than allowed.
  if (n == 0 || (*pos + n < s.size() && s[*pos + n] >= '0' && s[*pos + n] <= '9')) return false;
  *pos += n;
  *value = v;
  return true;
}

bool Expect(std::string_view s, size_t* pos, char c) {
  if (*pos >= s.size() || s[*pos] != c) return false;
  ++*pos;
  return true;
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> cols;
  size_t c = 0;
  for (;;) {
    const size_t tab = line.find('\t', c);
    const size_t n = tab == std::string_view::npos ? std::string_view::npos : tab - c;
    cols.push_back(line.substr(c, n));
    if (tab == std::string_view::npos) return cols;
    c = tab + 1;
  }
}

}  // namespace

std::optional<int64_t> ParseFetchedAt(std::string_view s) {
  if (s.empty()) return 0;
  if (s.find_first_not_of("0123456789") == std::string_view::npos) {
    if (s.size() > 18) return std::nullopt;
    int64_t v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
  }
  std::tm tm{};
  size_t pos = 0;
  if (!Digits(s, &pos, 4, &tm.tm_year) || !Expect(s, &pos, '-') ||
      !Digits(s, &pos, 2, &tm.tm_mon) || !Expect(s, &pos, '-') ||
      !Digits(s, &pos, 2, &tm.tm_mday)) {
    return std::nullopt;
  }
  if (pos < s.size()) {
    const size_t sep = pos;
    while (pos < s.size() && (s[pos] == 'T' || s[pos] == ' ')) ++pos;
    if (pos == sep || !Digits(s, &pos, 2, &tm.tm_hour) || !Expect(s, &pos, ':') ||
        !Digits(s, &pos, 2, &tm.tm_min) || !Expect(s, &pos, ':') ||
        !Digits(s, &pos, 2, &tm.tm_sec)) {
      return std::nullopt;
    }
    const std::string_view rest = s.substr(pos);
    if (!rest.empty() && rest != "Z" && rest != "+00:00") return std::nullopt;
  }
  if (tm.tm_mon < 1 || tm.tm_mon > 12 || tm.tm_mday < 1 || tm.tm_mday > 31 ||
      tm.tm_hour > 23 || tm.tm_min > 59 || tm.tm_sec > 60) {
    return std::nullopt;
  }
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  return static_cast<int64_t>(timegm(&tm));
}

Status ReadPageList(const std::string& list, std::vector<PageListEntry>* out) {
  Result<std::string> text = ReadFile(list, kMaxPageListBytes);
  if (!text.ok()) return text.status();
  const std::filesystem::path base =
      list == "-" ? std::filesystem::path() : std::filesystem::path(list).parent_path();
  const std::string_view t = *text;
  std::vector<PageListEntry> pages;
  size_t line_no = 0, start = 0;
  while (start < t.size()) {
    size_t end = t.find('\n', start);
    if (end == std::string_view::npos) end = t.size();
    std::string_view line = t.substr(start, end - start);
    start = end + 1;
    ++line_no;
    const std::string where = list + ":" + std::to_string(line_no);
    if (line.size() > kMaxPageListLineBytes) {
      return Status::ResourceExhausted(where + ": line of " + std::to_string(line.size()) +
                                       " bytes, over the limit of " +
                                       std::to_string(kMaxPageListLineBytes));
    }
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    if (line.find('\0') != std::string_view::npos) {
      return Status::InvalidArgument(where + ": NUL byte in the line");
    }
    const std::vector<std::string_view> cols = SplitTabs(line);
    if (cols.size() < 2 || cols.size() > 3 || cols[0].empty() || cols[1].empty()) {
      return Status::InvalidArgument(where + ": expected url<TAB>path[<TAB>fetched_at]");
    }
    if (!internal::IsValidUtf8(cols[0])) {
      return Status::InvalidArgument(where + ": url is not valid UTF-8");
    }
    const std::optional<int64_t> when = ParseFetchedAt(cols.size() == 3 ? cols[2] : "");
    if (!when) {
      return Status::InvalidArgument(where + ": fetched_at \"" + std::string(cols[2]) +
                                     "\" is neither Unix seconds nor an ISO 8601 UTC time");
    }
    PageListEntry page;
    page.url = std::string(cols[0]);
    const std::filesystem::path p(cols[1]);
    page.path = p.is_absolute() || cols[1] == "-" ? std::string(cols[1]) : (base / p).string();
    page.fetched_at = *when;
    page.has_fetched_at = cols.size() == 3 && !cols[2].empty();
    page.origin = where;
    pages.push_back(std::move(page));
  }
  out->insert(out->end(), std::make_move_iterator(pages.begin()),
              std::make_move_iterator(pages.end()));
  return Status::OK();
}

std::string PageListPathKey(const std::string& path) {
  if (path == "-") return path;
  return std::filesystem::path(path).lexically_normal().string();
}

Status CheckPageListUnique(const std::vector<PageListEntry>& pages) {
  std::vector<std::pair<std::string, size_t>> keys;
  keys.reserve(pages.size());
  for (size_t i = 0; i < pages.size(); ++i) keys.emplace_back(PageListPathKey(pages[i].path), i);
  std::sort(keys.begin(), keys.end());
  for (size_t i = 1; i < keys.size(); ++i) {
    if (keys[i].first == keys[i - 1].first) {
      const PageListEntry& later = pages[keys[i].second];
      return Status::InvalidArgument(later.origin + ": " + later.path + " listed twice (also at " +
                                     pages[keys[i - 1].second].origin + ")");
    }
  }
  return Status::OK();
}

}  // namespace libdiff
