// Copyright 2026 The libdiff Authors.
//
// Page lists: how a crawl's pages reach libdiff with their URLs. A page list
// is a text file of lines
//
//   url<TAB>path[<TAB>fetched_at]
//
// '#' lines and blank lines are skipped, a CR before the LF is dropped, a
// relative path is taken relative to the list's directory (the working
// directory for a list read from standard input, "-"), a path "-" stays "-"
// (standard input), and fetched_at is Unix seconds or an ISO 8601 UTC time
// (ParseFetchedAt). The URL must be valid UTF-8; the path is bytes, as the
// filesystem has them. This one reader serves `libdiff extract|ingest|check|
// dedupe --list`, the C API (libdiff_page_list_read) and the Python package
// (libdiff.read_page_list, the Dask pipeline), so they read a list alike.
//
//   std::vector<libdiff::PageListEntry> pages;
//   libdiff::Status s = libdiff::ReadPageList("crawl/pages.tsv", &pages);
//   if (!s.ok()) fprintf(stderr, "%s\n", s.message().c_str());  // "LIST:LINE: ..."
//
// Thread safety: the functions may be called from any thread; reading "-"
// from two threads at once interleaves standard input.
#ifndef LIBDIFF_PAGE_LIST_H_
#define LIBDIFF_PAGE_LIST_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "libdiff/status.h"

namespace libdiff {

// One listed page: which URL it was fetched from and where its HTML is.
struct PageListEntry {
  std::string url;         // as written (valid UTF-8, not empty)
  std::string path;        // resolved against the list's directory; "-" = stdin
  int64_t fetched_at = 0;  // Unix seconds; 0 when the line has none
  std::string origin;      // "LIST:LINE", for error messages
  // The line has a non-empty fetched_at column (fetched_at may still be 0).
  bool has_fetched_at = false;
};

// Limits of a page list: a longer list or line is refused (kResourceExhausted).
inline constexpr size_t kMaxPageListBytes = size_t{1} << 30;    // 1 GiB
inline constexpr size_t kMaxPageListLineBytes = size_t{1} << 20;  // 1 MiB

// Reads the page list `list` ("-" = standard input) and appends its pages to
// *out in line order. On failure *out is unchanged and the message names the
// list, and the line when one is at fault:
//   "LIST: No such file or directory"                      kNotFound (ReadFile)
//   "LIST:LINE: expected url<TAB>path[<TAB>fetched_at]"    kInvalidArgument:
//        fewer than 2 or more than 3 columns, or an empty url or path
//   "LIST:LINE: fetched_at \"X\" is neither Unix seconds nor an ISO 8601 UTC time"
//   "LIST:LINE: url is not valid UTF-8"                    kInvalidArgument
//   "LIST:LINE: NUL byte in the line"                      kInvalidArgument
//   "LIST:LINE: line of N bytes, over the limit of M"      kResourceExhausted
//   "LIST: N bytes, over the limit of M"                   kResourceExhausted
// REQUIRES: out != nullptr.
Status ReadPageList(const std::string& list, std::vector<PageListEntry>* out);

// Parses a fetched_at column: "" (0), Unix seconds (up to 18 digits), or
// "YYYY-MM-DD" / "YYYY-MM-DDTHH:MM:SS" in UTC (a space may stand for the T;
// "Z" or "+00:00" may follow; 1-4 digit year, 1-2 digit other fields, no
// signs or spaces inside; month 1-12, day 1-31, hour 0-23, minute 0-59,
// second 0-60). nullopt when it is none of these.
std::optional<int64_t> ParseFetchedAt(std::string_view s);

// The key two listed paths are compared by: `path` lexically normalised
// ("./crawl/a.html" and "crawl/x/../a.html" are "crawl/a.html"), without
// touching the filesystem, so symbolic links are not followed.
std::string PageListPathKey(const std::string& path);

// Fails with kInvalidArgument when two pages have the same PageListPathKey:
// "ORIGIN: PATH listed twice (also at ORIGIN)", naming the later of the two
// in (key, position) order and the earlier one's line.
Status CheckPageListUnique(const std::vector<PageListEntry>& pages);

}  // namespace libdiff

#endif  // LIBDIFF_PAGE_LIST_H_
