// Copyright 2026 The libdiff Authors.
//
// The C API's verdict handle: its kind, fields and JSON (libdiff.h, "The
// revision store").
#include "capi/boundary.h"

#include <string>

#include "libdiff/store.h"

using namespace libdiff::capi;  // NOLINT: the boundary helpers

extern "C" {

void libdiff_verdict_free(libdiff_verdict* verdict) { FreeHandle(verdict); }

int libdiff_verdict_kind(const libdiff_verdict* verdict) {
  int kind = 0;
  int rc = Guard(__func__, [&] {
    kind = static_cast<int>(Check(verdict, "verdict")->verdict.kind) + 1;
    return Status::OK();
  });
  return rc == LIBDIFF_OK ? kind : rc;
}

const char* libdiff_verdict_kind_name(int kind) {
  if (kind < LIBDIFF_VERDICT_NEW || kind > LIBDIFF_VERDICT_SKIPPED) return "unknown";
  return libdiff::VerdictKindName(static_cast<libdiff::VerdictKind>(kind - 1));
}

int libdiff_verdict_string(const char** out, size_t* out_len, const libdiff_verdict* verdict,
                           int field) {
  ResetOut(out);
  ResetLen(out_len);
  return Guard(__func__, [&] {
    RequireOut(out);
    const libdiff::Verdict& v = Check(verdict, "verdict")->verdict;
    const std::string* s = nullptr;
    switch (field) {
      case LIBDIFF_VERDICT_URL: s = &v.url; break;
      case LIBDIFF_VERDICT_NORMALIZED_URL: s = &v.normalized_url; break;
      case LIBDIFF_VERDICT_TITLE: s = &v.title; break;
      case LIBDIFF_VERDICT_ALIAS_OF: s = &v.alias_of; break;
      case LIBDIFF_VERDICT_OF_URL: s = &v.of_url; break;
      case LIBDIFF_VERDICT_REASON: s = &v.reason; break;
      case LIBDIFF_VERDICT_MODIFIED: s = &v.changes.modified; break;
      case LIBDIFF_VERDICT_SIGNIFICANCE: s = &v.changes.significance; break;
      default: InvalidArgument("unknown verdict string field " + std::to_string(field));
    }
    OutView(out, out_len, *s);
    return Status::OK();
  });
}

int libdiff_verdict_int(int64_t* out, const libdiff_verdict* verdict, int field) {
  if (out != nullptr) *out = 0;
  return Guard(__func__, [&] {
    RequireOut(out);
    const libdiff::Verdict& v = Check(verdict, "verdict")->verdict;
    const libdiff::UpdateSummary& c = v.changes;
    const bool updated = v.kind == libdiff::VerdictKind::kUpdated;
    const bool duplicate = v.kind == libdiff::VerdictKind::kDuplicate;
    switch (field) {
      case LIBDIFF_VERDICT_ARTICLE: *out = static_cast<int64_t>(v.article); break;
      case LIBDIFF_VERDICT_REVISION: *out = v.revision; break;
      case LIBDIFF_VERDICT_REVERTED_TO: *out = v.reverted_to; break;
      case LIBDIFF_VERDICT_OF: *out = duplicate ? static_cast<int64_t>(v.of) : 0; break;
      case LIBDIFF_VERDICT_DISTANCE: *out = duplicate ? v.distance : 0; break;
      case LIBDIFF_VERDICT_CROSS_SITE: *out = duplicate && v.cross_site ? 1 : 0; break;
      case LIBDIFF_VERDICT_PARAGRAPHS_ADDED: *out = updated ? c.paragraphs_added : 0; break;
      case LIBDIFF_VERDICT_PARAGRAPHS_REMOVED: *out = updated ? c.paragraphs_removed : 0; break;
      case LIBDIFF_VERDICT_PARAGRAPHS_CHANGED: *out = updated ? c.paragraphs_changed : 0; break;
      case LIBDIFF_VERDICT_SENTENCES_ADDED: *out = updated ? c.sentences_added : 0; break;
      case LIBDIFF_VERDICT_SENTENCES_REMOVED: *out = updated ? c.sentences_removed : 0; break;
      case LIBDIFF_VERDICT_SENTENCES_CHANGED: *out = updated ? c.sentences_changed : 0; break;
      case LIBDIFF_VERDICT_TITLE_CHANGED: *out = updated && c.title_changed ? 1 : 0; break;
      case LIBDIFF_VERDICT_CHANGE_DISTANCE: *out = updated ? c.simhash_distance : 0; break;
      case LIBDIFF_VERDICT_OF_REVISION: *out = duplicate ? v.of_revision : 0; break;
      default: InvalidArgument("unknown verdict integer field " + std::to_string(field));
    }
    return Status::OK();
  });
}

int libdiff_verdict_similarity(double* out, const libdiff_verdict* verdict) {
  if (out != nullptr) *out = 0.0;
  return Guard(__func__, [&] {
    RequireOut(out);
    const libdiff::Verdict& v = Check(verdict, "verdict")->verdict;
    *out = v.kind == libdiff::VerdictKind::kDuplicate ? v.similarity : 0.0;
    return Status::OK();
  });
}

int libdiff_verdict_containment(double* out, const libdiff_verdict* verdict) {
  if (out != nullptr) *out = 0.0;
  return Guard(__func__, [&] {
    RequireOut(out);
    const libdiff::Verdict& v = Check(verdict, "verdict")->verdict;
    *out = v.kind == libdiff::VerdictKind::kDuplicate ? v.containment : 0.0;
    return Status::OK();
  });
}

int libdiff_verdict_to_json(char** out, size_t* out_len, const libdiff_verdict* verdict) {
  ResetOut(out);
  ResetLen(out_len);
  return Guard(__func__, [&] {
    RequireOut(out);
    OutString(out, out_len, libdiff::VerdictToJson(Check(verdict, "verdict")->verdict));
    return Status::OK();
  });
}

}  // extern "C"
