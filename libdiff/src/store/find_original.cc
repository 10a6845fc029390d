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
  // keeps no SimHash tables (docs/store.md). Texts are filed under their
  // SketchKeys and looked up under their deeper SketchQueryKeys
  // (near_duplicate_index.h).
  std::vector<uint64_t> candidates;
  LIBDIFF_RETURN_IF_ERROR(index.QueryKeys(txn, SketchQueryKeys(fp.sketch), &candidates));
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  // Against the latest text, then the kept earlier ones, newest first.
  auto verify = [&](const ArticleRecord& rec, uint32_t* revision) {
    VerifyResult r = VerifyNearDuplicateSorted(
        fp.simhash, rec.simhash, fp.exact == rec.exact, fp.token_count, rec.tokens,
        fp.shingle_count, rec.shingles, fp.sketch, rec.sketch, paragraphs, rec.paragraphs, options);
    *revision = rec.latest_revision;
    for (auto e = rec.earlier.rbegin(); !r.is_duplicate && e != rec.earlier.rend(); ++e) {
      VerifyResult er = VerifyNearDuplicateSorted(
          fp.simhash, e->simhash, fp.exact == e->exact, fp.token_count, e->tokens,
          fp.shingle_count, e->shingles, fp.sketch, e->sketch, paragraphs, {}, options);
      if (er.is_duplicate) {
        r = er;
        *revision = e->revision;
      }
    }
    return r;
  };
  OriginalMatch m;
  for (uint64_t candidate : candidates) {
    LIBDIFF_ASSIGN_OR_RETURN(ArticleRecord rec, revisions.GetArticle(txn, candidate));
    uint32_t revision = 0;
    VerifyResult r = verify(rec, &revision);
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
      r = verify(*root_rec, &revision);
      if (!r.is_duplicate) continue;
    }
    m.original = root;
    m.match = r;
    m.revision = revision;
  }
  if (m.alias != 0) m.original = 0;
  return m;
}

}  // namespace libdiff::internal
