// Copyright 2026 The libdiff Authors.
//
// Author names as pages write them ("By Jane Roe and John Doe, Staff Writers",
// "jane@example.com", "@jroe | Published Dec. 1") -> clean, deduplicated
// names. Private to libdiff's extract stage.
//
//   NormalizeAuthors({"By Jane Roe and John Doe, Reuters"}, "Reuters")
//     -> {"Jane Roe", "John Doe"}
//
// Thread safety: pure functions, safe to call concurrently.
#ifndef LIBDIFF_SRC_EXTRACT_META_AUTHOR_H_
#define LIBDIFF_SRC_EXTRACT_META_AUTHOR_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/meta_dom.h"

namespace libdiff::internal {

// Cleans and splits raw author strings, in order:
// - collapses whitespace; removes e-mail addresses, URLs and @handles;
// - cuts the text at what follows a byline (" | ", "Published", "Updated",
//   "Posted", a date or time);
// - strips leading labels ("By", "Written by", "Author:", "Reporting by");
// - splits on "," ";" "&" "|" "/" " and " " with ";
// - drops trailing credentials ("MS", "RDN") and parts that are job titles
//   ("Staff Writer", "Chief Technology Officer") or do not look like a name
//   (digits, more than six words, no letter);
// - treats parts equal to `site_name`, domain names and news agencies
//   ("The Associated Press", "Reuters", "AFP") as organisations, returned
//   only when no person's name remains; `*organisations_only` (when not null)
//   tells whether that happened;
// - removes duplicates, comparing case-insensitively, keeping the first.
std::vector<std::string> NormalizeAuthors(const std::vector<std::string>& raw,
                                          std::string_view site_name,
                                          bool* organisations_only = nullptr);

// Removes from a list of two or more names those that echo another item
// rather than name a person: the publisher's name (`publisher`, from
// JSON-LD: "Manoj Jain, Jagpreet Chhatwal, The Commercial Appeal"); an
// avatar's initials ("NB" beside "Nicole Burke"); and a name run into the
// text after it ("Mateusz HabernyFounder at Oakywood" beside "Mateusz
// Haberny"). A list of one name is left as it is.
void DropEchoedNames(std::string_view publisher, std::vector<std::string>* names);

// A lower-case key of `s` with only letters and digits, for comparing names,
// titles and site names ("The Daily-World!" -> "thedailyworld"). Non-ASCII
// characters are kept as they are, typographic quotes are dropped.
std::string LooseKey(std::string_view s);

}  // namespace libdiff::internal

#endif  // LIBDIFF_SRC_EXTRACT_META_AUTHOR_H_
