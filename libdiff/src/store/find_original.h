// Copyright 2026 The libdiff Authors.
//
// FindOriginal: which stored article a page whose URL the store does not know
// is a copy of — the store's half of the near-duplicate engine. Candidates are
// the articles sharing a candidate key (near_duplicate_index.h); each is
// checked with the near-duplicate rule (VerifyNearDuplicateSorted). A page is
// a duplicate only of an original it verifies against itself: a candidate
// that is a duplicate leads to its original, which is then verified too, so a
// copy carrying part of another article (a template that kept some of its own
// story) cannot chain that article to it. A candidate is verified against its
// latest text, then against the earlier texts its record keeps (newest first;
// store/earlier_revisions.h). A verified candidate on the same
// site whose URL differs only in its slug is the same article (an alias).
//
// Thread safety: as the transaction's (LMDB's rules).
#ifndef LIBDIFF_SRC_STORE_FIND_ORIGINAL_H_
#define LIBDIFF_SRC_STORE_FIND_ORIGINAL_H_

#include <lmdb.h>

#include <cstdint>
#include <span>
#include <string>

#include "index/near_duplicate_index.h"
#include "libdiff/fingerprint.h"
#include "libdiff/status.h"
#include "store/lmdb/revision_store.h"

namespace libdiff::internal {

struct OriginalMatch {
  uint64_t alias = 0;     // a verified same-site slug change: the page's own article
  uint64_t original = 0;  // else the earliest original it verifies against, or 0
  VerifyResult match;     // the rule's answer against `original`
  uint32_t revision = 0;  // the revision of `original` it matched: its latest,
                          // or a kept earlier one (ArticleRecord::earlier)
};

// `key` is the page's normalised URL; `paragraphs` its sorted unique
// paragraph hashes (low halves), as the store's records keep them.
Result<OriginalMatch> FindOriginal(MDB_txn* txn, const LmdbNearDuplicateIndex& index,
                                   const RevisionStore& revisions, const Fingerprint& fp,
                                   std::span<const uint32_t> paragraphs, const std::string& key,
                                   const VerifyOptions& options);

}  // namespace libdiff::internal

#endif  // LIBDIFF_SRC_STORE_FIND_ORIGINAL_H_
