// Copyright 2026 The libdiff Authors.
//
// Article <-> JSON. nlohmann::ordered_json keeps the documented field order.
#include <nlohmann/json.hpp>

#include <string>

#include "libdiff/article.h"
#include "util/utf8.h"

namespace libdiff {

namespace {

std::string Clean(const std::string& s) {
  return internal::IsValidUtf8(s) ? s : internal::RepairUtf8(s);
}

bool KindFromName(const std::string& name, BlockKind* kind) {
  for (BlockKind k : {BlockKind::kParagraph, BlockKind::kHeading, BlockKind::kListItem,
                      BlockKind::kQuote, BlockKind::kPreformatted, BlockKind::kTableRow}) {
    if (name == BlockKindName(k)) {
      *kind = k;
      return true;
    }
  }
  return false;
}

}  // namespace

std::string ArticleToJson(const Article& article) {
  nlohmann::ordered_json j;
  j["url"] = Clean(article.url);
  j["canonical_url"] = Clean(article.canonical_url);
  j["title"] = Clean(article.title);
  j["site_name"] = Clean(article.site_name);
  nlohmann::ordered_json authors = nlohmann::ordered_json::array();
  for (const std::string& a : article.authors) authors.push_back(Clean(a));
  j["authors"] = std::move(authors);
  j["published"] = Clean(article.published);
  j["modified"] = Clean(article.modified);
  j["language"] = Clean(article.language);
  j["description"] = Clean(article.description);
  j["type"] = Clean(article.type);
  j["text"] = Clean(article.Text());
  nlohmann::ordered_json blocks = nlohmann::ordered_json::array();
  for (const Block& b : article.blocks) {
    nlohmann::ordered_json block;
    block["kind"] = BlockKindName(b.kind);
    block["text"] = Clean(b.text);
    blocks.push_back(std::move(block));
  }
  j["blocks"] = std::move(blocks);
  if (!article.body_source.empty()) j["body_source"] = Clean(article.body_source);
  if (!article.empty_reason.empty()) j["empty_reason"] = Clean(article.empty_reason);
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

Result<Article> ArticleFromJson(std::string_view json) {
  nlohmann::json j = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    return Status::InvalidArgument("article json: not a JSON object");
  }
  Article a;
  const auto str = [&](const char* key, std::string* out) -> bool {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return true;
    if (!it->is_string()) return false;
    *out = it->get<std::string>();
    return true;
  };
  for (auto [key, field] : {std::pair{"url", &a.url}, {"canonical_url", &a.canonical_url},
                            {"title", &a.title}, {"site_name", &a.site_name},
                            {"published", &a.published}, {"modified", &a.modified},
                            {"language", &a.language}, {"description", &a.description},
                            {"type", &a.type}, {"body_source", &a.body_source},
                            {"empty_reason", &a.empty_reason}}) {
    if (!str(key, field)) {
      return Status::InvalidArgument(std::string("article json: field \"") + key +
                                     "\" is not a string");
    }
  }
  if (auto it = j.find("authors"); it != j.end() && !it->is_null()) {
    if (!it->is_array())
      return Status::InvalidArgument("article json: \"authors\" is not an array");
    for (const auto& v : *it) {
      if (!v.is_string()) return Status::InvalidArgument("article json: an author is not a string");
      a.authors.push_back(v.get<std::string>());
    }
  }
  if (auto it = j.find("blocks"); it != j.end() && !it->is_null()) {
    if (!it->is_array()) return Status::InvalidArgument("article json: \"blocks\" is not an array");
    for (const auto& v : *it) {
      if (!v.is_object() || !v.contains("text") || !v["text"].is_string()) {
        return Status::InvalidArgument("article json: a block has no \"text\" string");
      }
      Block b;
      b.text = v["text"].get<std::string>();
      if (v.contains("kind")) {
        if (!v["kind"].is_string() || !KindFromName(v["kind"].get<std::string>(), &b.kind)) {
          return Status::InvalidArgument("article json: unknown block kind");
        }
      }
      a.blocks.push_back(std::move(b));
    }
  }
  return a;
}

}  // namespace libdiff
