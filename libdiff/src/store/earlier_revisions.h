// Copyright 2026 The libdiff Authors.
//
// Which superseded revisions an article keeps for near-duplicate lookups.
// The near-duplicate index holds an article's latest text; a copy of an
// earlier text (syndicated before the article was rewritten) verifies against
// that text only. So when a revision is superseded, its fingerprint is kept in
// the article record (ArticleRecord::earlier) unless a text already kept
// covers it, and its candidate keys stay in the index pointing at the article.
//
// The kept entries are anchors: the first revision is always kept once
// superseded (unless its body is the next one's), and a later one only when no
// kept anchor covers it, so every past text is covered by an anchor however
// the article drifts by small edits. "Covers": the same normalised text, or a
// verified near duplicate (VerifyNearDuplicateSorted) with an estimated
// shingle Jaccard of at least kCoverSimilarity. At most kMaxEarlier entries:
// the first revision and the newest others.
//
// Thread safety: pure functions.
#ifndef LIBDIFF_SRC_STORE_EARLIER_REVISIONS_H_
#define LIBDIFF_SRC_STORE_EARLIER_REVISIONS_H_

#include <cstdint>
#include <vector>

#include "index/near_duplicate_index.h"
#include "libdiff/fingerprint.h"
#include "store/lmdb/revision_store.h"

namespace libdiff::internal {

inline constexpr size_t kMaxEarlier = 4;
inline constexpr double kCoverSimilarity = 0.8;

// The latest revision's fingerprint of `rec` as an earlier entry.
EarlierFingerprint LatestAsEarlier(const ArticleRecord& rec);

// `fp` of revision `revision` as an earlier entry.
EarlierFingerprint ToEarlier(const Fingerprint& fp, uint32_t revision);

// Records `superseded`, replaced by a revision whose body hashes to
// `next_exact`, in `earlier` (ascending by revision) by the rule above. Texts
// too short to ever be a duplicate, or without a sketch, are not kept.
void KeepSuperseded(std::vector<EarlierFingerprint>* earlier, EarlierFingerprint superseded,
                    const Hash128& next_exact, const VerifyOptions& options);

// The article's candidate keys: SketchKeys of its latest sketch and of every
// earlier entry's, ascending, each once.
std::vector<uint32_t> ArticleKeys(const ArticleRecord& rec);

// Replaces the article's keys `before` (as ArticleKeys gave them) with `after`
// in the index: removes those no longer held and inserts the new ones.
Status ReplaceKeys(MDB_txn* txn, const LmdbNearDuplicateIndex& index, uint64_t id,
                   const std::vector<uint32_t>& before, const std::vector<uint32_t>& after);

}  // namespace libdiff::internal

#endif  // LIBDIFF_SRC_STORE_EARLIER_REVISIONS_H_
