// Copyright 2026 The libdiff Authors.
//
// Which superseded revisions an article keeps (see earlier_revisions.h).
#include "store/earlier_revisions.h"

#include <algorithm>
#include <iterator>
#include <utility>

namespace libdiff::internal {
namespace {

bool Covers(const EarlierFingerprint& a, const EarlierFingerprint& b,
            const VerifyOptions& options) {
  if (a.exact == b.exact) return true;
  if (a.sketch.empty() || b.sketch.empty()) return false;
  const VerifyResult r =
      VerifyNearDuplicateSorted(a.simhash, b.simhash, false, a.tokens, b.tokens, a.shingles,
                                b.shingles, a.sketch, b.sketch, {}, {}, options);
  return r.is_duplicate && r.similarity >= kCoverSimilarity;
}

}  // namespace

EarlierFingerprint LatestAsEarlier(const ArticleRecord& rec) {
  return EarlierFingerprint{rec.latest_revision, rec.simhash, rec.exact,
                            rec.tokens, rec.shingles, rec.sketch};
}

EarlierFingerprint ToEarlier(const Fingerprint& fp, uint32_t revision) {
  return EarlierFingerprint{revision, fp.simhash, fp.exact, fp.token_count, fp.shingle_count,
                            fp.sketch};
}

void KeepSuperseded(std::vector<EarlierFingerprint>* earlier, EarlierFingerprint superseded,
                    const Hash128& next_exact, const VerifyOptions& options) {
  if (superseded.exact == next_exact || superseded.sketch.empty() ||
      superseded.tokens < options.min_tokens || superseded.shingles < options.min_shingles) {
    return;
  }
  for (const EarlierFingerprint& kept : *earlier) {
    if (Covers(kept, superseded, options)) return;
  }
  if (earlier->size() >= kMaxEarlier) earlier->erase(earlier->begin() + 1);
  earlier->push_back(std::move(superseded));
}

std::vector<uint32_t> ArticleKeys(const ArticleRecord& rec) {
  const auto latest = SketchKeys(rec.sketch);
  std::vector<uint32_t> keys(latest.begin(), latest.end());
  for (const EarlierFingerprint& e : rec.earlier) {
    const auto k = SketchKeys(e.sketch);
    keys.insert(keys.end(), k.begin(), k.end());
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

Status ReplaceKeys(MDB_txn* txn, const LmdbNearDuplicateIndex& index, uint64_t id,
                   const std::vector<uint32_t>& before, const std::vector<uint32_t>& after) {
  if (before == after) return Status::OK();
  std::vector<uint32_t> gone, added;
  std::set_difference(before.begin(), before.end(), after.begin(), after.end(),
                      std::back_inserter(gone));
  std::set_difference(after.begin(), after.end(), before.begin(), before.end(),
                      std::back_inserter(added));
  LIBDIFF_RETURN_IF_ERROR(index.RemoveKeys(txn, gone, id));
  return index.InsertKeys(txn, added, id);
}

}  // namespace libdiff::internal
