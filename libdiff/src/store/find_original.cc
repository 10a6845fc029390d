// Copyright 2026 The libdiff Authors.
#include "store/find_original.h"

#include <algorithm>
#include <vector>

#include "store/url.h"

namespace libdiff::internal {

Result<OriginalMatch> FindOriginal(MDB_txn* txn, const LmdbNearDuplicateIndex& index,
                                   const RevisionStore& revisions, const Fingerprint& fp,
                                   std::span<const uint32_t> paragraphs, const std::string& key,
                                   const VerifyOptions& options) {
  // SimHash neighbours within max_distance share their keys too: the store
  // keeps no SimHash tables (docs/store.md).
  std::vector<uint64_t> candidates;
  LIBDIFF_RETURN_IF_ERROR(index.QueryKeys(txn, SketchKeys(fp.sketch), &candidates));
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  auto verify = [&](const ArticleRecord& rec) {
    return VerifyNearDuplicateSorted(fp.simhash, rec.simhash, fp.exact == rec.exact,
                                     fp.token_count, rec.tokens, fp.shingle_count, rec.shingles,
                                     fp.sketch, rec.sketch, paragraphs, rec.paragraphs, options);
  };
  OriginalMatch m;
  for (uint64_t candidate : candidates) {
    LIBDIFF_ASSIGN_OR_RETURN(ArticleRecord rec, revisions.GetArticle(txn, candidate));
    VerifyResult r = verify(rec);
    if (!r.is_duplicate) continue;
    // A same-site slug change is the same article.
    if (m.alias == 0) {
      for (const auto& k : rec.keys) {
        if (LooksLikeSlugChange(key, k)) {
          m.alias = candidate;
          break;
        }
      }
    }
    const uint64_t root = rec.duplicate_of != 0 ? rec.duplicate_of : candidate;
    if (m.original != 0 && root >= m.original) continue;
    if (root != candidate) {
      Result<ArticleRecord> root_rec = revisions.GetArticle(txn, root);
      if (!root_rec.ok() && !root_rec.status().IsNotFound()) return root_rec.status();
      if (!root_rec.ok()) continue;
      r = verify(*root_rec);
      if (!r.is_duplicate) continue;
    }
    m.original = root;
    m.match = r;
  }
  if (m.alias != 0) m.original = 0;
  return m;
}

}  // namespace libdiff::internal
