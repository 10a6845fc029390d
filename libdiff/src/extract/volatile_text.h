// Copyright 2026 The libdiff Authors.
//
// Whole-block text classification for the body extractor: the short blocks
// that are never article text (timestamps, counters, share labels, credits,
// sign-up prompts), and the page texts that name an error page or a consent
// wall. Private to libdiff's extract stage.
//
// Thread safety: pure functions over compiled patterns; safe to call
// concurrently.
#ifndef LIBDIFF_SRC_EXTRACT_VOLATILE_TEXT_H_
#define LIBDIFF_SRC_EXTRACT_VOLATILE_TEXT_H_

#include <re2/re2.h>

#include <string>

namespace libdiff::internal {

// True when `text` (one block) is volatile or furniture text that must never be
// part of a body: "Updated September 9, 2025 02:50pm", "3 hours ago",
// "5 min read", "12 comments", share-button labels, "Advertisement", ...
bool IsVolatileOrFurnitureText(const std::string& text);

// True when `text` (one block of under 700 bytes) is a writer's biography
// as pages set it after the article: a name of one to four capitalised words,
// "is a/an/the", and within a clause a writer's role followed by where or
// what ("Jane Doe is a senior reporter at ...", "Rose is a Senior Editor at
// ELLE overseeing ..."), or a guest writer's own ("Dana Moss is the co-founder
// and CEO of ...": creator, founder, director).
// And the blogger's greeting ("Hey, I'm Jessica! Welcome to ...": "Hi",
// "Hey" or "Hello", a few words, then "I'm").
// Also "Charlie Savage writes about national security ..." (a name of two
// to four words, "writes about", "writes on", "reports on").
bool IsAuthorBio(const std::string& text);

// True when `text` (one block of under 60 bytes) heads a box about the
// writer or the publisher: "About the author", "About Jane Doe", "About
// Example Media".
bool IsAboutTheWriterHeading(const std::string& text);

// True when `text` (one block of under 300 bytes) tells how to reach the
// writer: "Contact Jane Doe at jdoe@example.com", "—Staff writer Jane Doe
// can be reached at jdoe@example.com".
bool IsContactLine(const std::string& text);

// True for a note that the article was published elsewhere first ("A
// version of this story appeared in Science, Vol 382", "Editor's note: This
// story originally appeared in the winter issue of ..."), under 300 bytes.
bool IsPublishedElsewhereNote(const std::string& text);

// True when `text` (one block of under 500 bytes) says where the article
// came from, who helped or what was corrected: "This story was originally
// published ...", "A version of this article appears in print ...",
// "Reporting by ...", "Includes information from The Associated Press",
// "Contributing: ...", "Source: ...", "More information: ...", a reference
// to the study reported on ("Jane Doe et al, Title, Journal (2023)"),
// "Correction: ...", "A previous version of this story said ...", and the
// publisher's disclaimer ("Disclaimer: ...", "... for informational purposes
// only", "... is not intended to replace the advice of ...").
bool IsProvenanceLine(const std::string& text);

// Words of an error page ("404", "page not found"), matched anywhere in a
// title or heading.
const RE2& ErrorPageRe();

// Words of a consent wall ("cookies", "accept all"), matched anywhere in a
// short page's text.
const RE2& ConsentRe();

}  // namespace libdiff::internal

#endif  // LIBDIFF_SRC_EXTRACT_VOLATILE_TEXT_H_
