// Copyright 2026 The libdiff Authors.
//
// JSON-LD (<script type="application/ld+json">) as news pages write it, often
// broken: parsing with repair, and the article facts it states. Private to
// libdiff's extract stage.
//
//   JsonLdFacts facts;
//   for (const std::string& script : scripts) AddJsonLdScript(script, &facts);
//   if (facts.article_found) use(facts.headline, facts.date_published, ...);
//
// Thread safety: functions are pure; distinct JsonLdFacts may be filled
// concurrently.
#ifndef LIBDIFF_SRC_EXTRACT_JSONLD_H_
#define LIBDIFF_SRC_EXTRACT_JSONLD_H_

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace libdiff::internal {

// Parses one script body. Tolerates what pages get wrong: HTML comment and
// CDATA wrappers, raw control characters (newlines, tabs) inside strings,
// trailing commas, a trailing semicolon, and several top-level values written
// one after another (returned as an array). Returns a discarded value
// (is_discarded()) when the text cannot be repaired. Never throws.
nlohmann::json ParseJsonLd(std::string_view text);

// What the page's JSON-LD says about its article. Strings are whitespace-
// collapsed, HTML entities decoded; dates are as written (not normalised).
struct JsonLdFacts {
  bool article_found = false;  // an Article-like object (see IsArticleType) was seen
  std::string type;            // its @type, e.g. "NewsArticle"
  std::string headline;
  std::string name;
  std::string url;             // url or mainEntityOfPage @id
  std::string description;
  std::string language;        // inLanguage
  std::string date_published;
  std::string date_modified;
  std::vector<std::string> authors;  // as written; may need NormalizeAuthors
  std::string publisher;       // publisher.name
  // From a WebPage / WebSite object when no article object gives them.
  std::string page_date_published;
  std::string page_date_modified;
  std::string page_name;       // WebPage name or headline
  std::vector<std::string> page_authors;  // WebPage author, as written
  std::string website_name;    // WebSite name
  std::string organization_name;  // first Organization / NewsMediaOrganization name
};

// True for schema.org types of articles and posts: Article, NewsArticle,
// ReportageNewsArticle, BlogPosting, LiveBlogPosting, Report, ...
bool IsArticleType(std::string_view type);

// Parses `script` and merges what it states into `*facts`. The first article
// object found (in document order, top-level before nested) wins; @graph
// members and @id references to Person objects are followed. Nesting deeper
// than 32 levels is ignored. A script whose text names none of the types read
// (article types, WebPage, ItemPage, WebSite, Organization) is not parsed.
void AddJsonLdScript(std::string_view script, JsonLdFacts* facts);

// Decodes HTML character references (&amp;, &#8217;, &#x2019;, and the common
// named ones) that sites leave in JSON-LD strings; others are kept as written.
std::string DecodeHtmlEntities(std::string_view s);

}  // namespace libdiff::internal

#endif  // LIBDIFF_SRC_EXTRACT_JSONLD_H_
