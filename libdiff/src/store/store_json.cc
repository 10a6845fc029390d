// Copyright 2026 The libdiff Authors.
//
// VerdictToJson and HistoryToJson (libdiff/store.h): the one writer of each
// schema, used by the `libdiff ingest`/`check`/`history` output and by
// libdiff_verdict_to_json and libdiff_history_to_json.
#include <nlohmann/json.hpp>

#include <cinttypes>
#include <cstdio>

#include "libdiff/store.h"

namespace libdiff {
namespace {

std::string Dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::string VerdictToJson(const Verdict& v) {
  nlohmann::json j;
  j["url"] = v.url;
  j["verdict"] = VerdictKindName(v.kind);
  j["article"] = v.article;
  j["revision"] = v.revision;
  j["title"] = v.title;
  j["key"] = v.normalized_url;
  if (!v.alias_of.empty()) j["alias_of"] = v.alias_of;
  if (v.kind == VerdictKind::kDuplicate) {
    j["of"] = v.of_url;
    j["of_article"] = v.of;
    j["of_revision"] = v.of_revision;
    j["distance"] = v.distance;
    j["similarity"] = v.similarity;
    j["containment"] = v.containment;
    j["cross_site"] = v.cross_site;
  }
  if (v.kind == VerdictKind::kUpdated) {
    const UpdateSummary& c = v.changes;
    nlohmann::json changes;
    changes["paragraphs_added"] = c.paragraphs_added;
    changes["paragraphs_removed"] = c.paragraphs_removed;
    changes["paragraphs_changed"] = c.paragraphs_changed;
    if (c.sentences_added >= 0) {
      changes["sentences_added"] = c.sentences_added;
      changes["sentences_removed"] = c.sentences_removed;
      changes["sentences_changed"] = c.sentences_changed;
    }
    changes["title_changed"] = c.title_changed;
    changes["simhash_distance"] = c.simhash_distance;
    if (!c.modified.empty()) changes["modified"] = c.modified;
    if (!c.significance.empty()) changes["significance"] = c.significance;
    j["changes"] = changes;
    if (v.reverted_to != 0) j["reverted_to"] = v.reverted_to;
  }
  if (v.kind == VerdictKind::kSkipped) j["reason"] = v.reason;
  return Dump(j);
}

std::string HistoryToJson(const ArticleHistory& h, const std::string& url) {
  nlohmann::json j;
  j["url"] = url;
  j["article"] = h.article;
  j["first_url"] = h.first_url;
  j["urls"] = h.urls;
  if (h.duplicate_of != 0) j["duplicate_of"] = h.duplicate_of;
  j["first_seen"] = h.first_seen;
  nlohmann::json revs = nlohmann::json::array();
  for (const RevisionInfo& r : h.revisions) {
    nlohmann::json e;
    e["revision"] = r.revision;
    e["fetched_at"] = r.fetched_at;
    e["url"] = r.url;
    e["title"] = r.title;
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016" PRIx64, r.simhash);
    e["simhash"] = hex;
    if (r.same_as != 0) e["same_as"] = r.same_as;
    e["stored"] = r.keyframe ? "keyframe" : (r.same_as != 0 ? "reference" : "delta");
    e["stored_bytes"] = r.stored_bytes;
    revs.push_back(std::move(e));
  }
  j["revisions"] = std::move(revs);
  return Dump(j);
}

std::string StatsToJson(const StoreStats& s, const std::string& store_dir) {
  nlohmann::json j;
  j["store"] = store_dir;
  j["articles"] = s.articles;
  j["revisions"] = s.revisions;
  j["urls"] = s.urls;
  j["duplicates"] = s.duplicates;
  j["snapshot_bytes"] = s.snapshot_bytes;
  j["record_bytes"] = s.record_bytes;
  j["bytes_per_revision"] = s.bytes_per_revision;
  j["raw_html_bytes"] = s.raw_html_bytes;
  j["file_bytes"] = s.file_bytes;
  j["map_size"] = s.map_size;
  return Dump(j);
}

}  // namespace libdiff
