// Copyright 2026 The libdiff Authors.
//
// Page lists for `libdiff extract`, `ingest`, `check` and `dedupe --list`: the
// library's reader (libdiff/page_list.h) with the tools' error reporting.
// Used by tools/*_command.cc only.
#ifndef LIBDIFF_TOOLS_PAGE_LIST_H_
#define LIBDIFF_TOOLS_PAGE_LIST_H_

#include <string>
#include <vector>

#include "command.h"
#include "libdiff/page_list.h"

namespace libdiff::tools {

// One page to ingest or check: where its HTML is and which URL it came from;
// `origin` is "<list>:<line>", or the path of a page given on the command line.
using PageSource = PageListEntry;

// Appends the pages of the list `list` ("-" = stdin) to *out (the rules are
// in libdiff/page_list.h). Returns false after reporting the first error.
inline bool ReadPageListOrReport(const std::string& list, std::vector<PageSource>* out) {
  const Status s = ::libdiff::ReadPageList(list, out);
  if (!s.ok()) ReportError(s.message());
  return s.ok();
}

}  // namespace libdiff::tools

#endif  // LIBDIFF_TOOLS_PAGE_LIST_H_
