// Copyright 2026 The libdiff Authors.
//
// libdiff::Store: verdicts over the revision store. Data flows one way:
// a page is extracted and fingerprinted outside any transaction (Prepare), then
// filed inside one (File), which reads identity, the near-duplicate index and
// the latest revision, and writes the new revision, URL keys and index entries.
#include "libdiff/store.h"

#include <unistd.h>
#include <xxh3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <utility>
#include <vector>

#include "decide/change_summary.h"
#include "libdiff/diff.h"
#include "index/near_duplicate_index.h"
#include "store/codec.h"
#include "store/earlier_revisions.h"
#include "store/find_original.h"
#include "store/lmdb/environment.h"
#include "store/lmdb/revision_store.h"
#include "store/url.h"

namespace libdiff {

const char* VerdictKindName(VerdictKind kind) {
  switch (kind) {
    case VerdictKind::kNew: return "new";
    case VerdictKind::kUnchanged: return "unchanged";
    case VerdictKind::kUpdated: return "updated";
    case VerdictKind::kDuplicate: return "duplicate";
    case VerdictKind::kSkipped: return "skipped";
  }
  return "unknown";
}

Store::~Store() = default;

namespace {

using internal::ArticleRecord;
using internal::RevisionRecord;
using internal::SnapshotEncoding;

// A page after extraction and fingerprinting: everything File needs that does
// not depend on the store.
struct Prepared {
  const Page* page = nullptr;
  Article article;
  std::string key;            // normalised page URL
  std::string canonical_key;  // normalised same-site canonical URL, or ""
  bool skipped = false;
  std::string reason;
  Fingerprint fp;
  uint64_t title_hash = 0;
  uint64_t content_hash = 0;
  std::vector<uint32_t> paragraphs;      // sorted unique low halves
  std::vector<uint64_t> paragraph_order; // per block, in order (for change counts)
  int64_t fetched_at = 0;
};

uint64_t HashText(std::string_view s) { return XXH3_64bits(s.data(), s.size()); }

int64_t Now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::vector<uint64_t> ParagraphOrder(const Article& a) {
  std::vector<uint64_t> out;
  out.reserve(a.blocks.size());
  for (const auto& b : a.blocks) out.push_back(HashText(NormalizeText(b.text)));
  return out;
}

class StoreImpl final : public Store {
 public:
  StoreImpl(StoreOptions options, std::string dir)
      : options_(std::move(options)), dir_(std::move(dir)), codec_(options_.compression_level),
        html_codec_(6) {}

  Status Init() {
    internal::EnvironmentOptions eo;
    eo.read_only = options_.read_only;
    eo.create_if_missing = options_.create_if_missing;
    eo.initial_map_size = options_.initial_map_size;
    eo.max_map_size = std::max(options_.max_map_size, options_.initial_map_size);
    eo.max_dbs = 8 + internal::LmdbNearDuplicateIndex::kLmdbMaxDbs;
    LIBDIFF_ASSIGN_OR_RETURN(env_, internal::Environment::Open(eo, dir_));
    internal::SchemaParams params;
    params.fingerprint.shingle_size = static_cast<uint32_t>(options_.fingerprint.shingle_size);
    params.max_distance = static_cast<uint32_t>(options_.max_distance);
    return env_->Setup([&](MDB_txn* txn) -> Status {
      LIBDIFF_ASSIGN_OR_RETURN(auto rs, internal::RevisionStore::Open(txn, !options_.read_only,
                                                                      params, dir_));
      revisions_ = std::move(rs);
      auto index = internal::LmdbNearDuplicateIndex::Open(txn, options_.max_distance);
      if (!index.ok()) return index.status().WithContext("store " + dir_);
      index_.emplace(std::move(*index));
      if (index_->needs_keys()) LIBDIFF_RETURN_IF_ERROR(FillCandidateKeys(txn));
      if (revisions_->needs_earlier()) LIBDIFF_RETURN_IF_ERROR(FillEarlier(txn));
      return Status::OK();
    });
  }

  // Upgrades a store written before the candidate-key table: every article's
  // keys come from its record's sketch; a record written before sketches
  // existed is fingerprinted again from its latest revision (and rewritten
  // with the sketch); the SimHash tables, which the store no longer reads,
  // are emptied. One transaction: a crash leaves the old store intact.
  Status FillCandidateKeys(MDB_txn* txn) {
    LIBDIFF_ASSIGN_OR_RETURN(std::vector<uint64_t> ids, revisions_->ListArticles(txn));
    for (uint64_t id : ids) {
      LIBDIFF_ASSIGN_OR_RETURN(ArticleRecord rec, revisions_->GetArticle(txn, id));
      if (rec.sketch.empty() && rec.shingles > 0) {
        LIBDIFF_ASSIGN_OR_RETURN(std::string bytes,
                                 revisions_->ReadSnapshot(txn, id, rec.latest_revision));
        LIBDIFF_ASSIGN_OR_RETURN(Article a, internal::DecodeArticle(bytes));
        std::vector<std::string> texts;
        for (const auto& b : a.blocks) texts.push_back(b.text);
        rec.sketch = FingerprintParagraphs(texts, options_.fingerprint).sketch;
        LIBDIFF_RETURN_IF_ERROR(revisions_->PutArticle(txn, id, rec));
      }
      LIBDIFF_RETURN_IF_ERROR(index_->InsertKeys(txn, internal::ArticleKeys(rec), id));
    }
    LIBDIFF_RETURN_IF_ERROR(index_->ClearSimHashTables(txn));
    return index_->MarkKeysComplete(txn);
  }

  // Upgrades a schema 1 store (no earlier fingerprints): every article with
  // several revisions is replayed, each superseded revision fingerprinted
  // from its snapshot and kept by the rule ingest applies
  // (store/earlier_revisions.h), and the kept texts' keys are added. Runs in
  // the open's transaction: a crash leaves the schema 1 store intact.
  Status FillEarlier(MDB_txn* txn) {
    LIBDIFF_ASSIGN_OR_RETURN(std::vector<uint64_t> ids, revisions_->ListArticles(txn));
    const internal::VerifyOptions vo = VerifyOptionsFor();
    for (uint64_t id : ids) {
      LIBDIFF_ASSIGN_OR_RETURN(ArticleRecord rec, revisions_->GetArticle(txn, id));
      if (rec.latest_revision <= 1) continue;
      LIBDIFF_ASSIGN_OR_RETURN(auto revs, revisions_->ListRevisions(txn, id));
      if (revs.size() <= 1) continue;
      LIBDIFF_ASSIGN_OR_RETURN(std::vector<std::string> snapshots,
                               revisions_->ReadSnapshots(txn, id, revs));
      const std::vector<uint32_t> before = internal::ArticleKeys(rec);
      rec.earlier.clear();
      std::optional<internal::EarlierFingerprint> superseded;
      for (size_t i = 0; i < revs.size(); ++i) {
        LIBDIFF_ASSIGN_OR_RETURN(Article a, internal::DecodeArticle(snapshots[i]));
        std::vector<std::string> texts;
        for (const auto& b : a.blocks) texts.push_back(b.text);
        internal::EarlierFingerprint e = internal::ToEarlier(
            FingerprintParagraphs(texts, options_.fingerprint), revs[i].first);
        if (superseded) {
          internal::KeepSuperseded(&rec.earlier, std::move(*superseded), e.exact, vo);
        }
        superseded = std::move(e);
      }
      LIBDIFF_RETURN_IF_ERROR(revisions_->PutArticle(txn, id, rec));
      LIBDIFF_RETURN_IF_ERROR(
          internal::ReplaceKeys(txn, *index_, id, before, internal::ArticleKeys(rec)));
    }
    return Status::OK();
  }

  internal::VerifyOptions VerifyOptionsFor() const {
    internal::VerifyOptions vo;
    vo.max_distance = options_.max_distance;
    return vo;
  }

  Result<Verdict> Ingest(const Page& page) override {
    LIBDIFF_ASSIGN_OR_RETURN(auto verdicts, IngestBatch(std::vector<Page>{page}));
    return std::move(verdicts.front());
  }

  Result<std::vector<Verdict>> IngestBatch(const std::vector<Page>& pages) override {
    std::shared_lock<std::shared_mutex> op(op_lock_);
    if (options_.read_only) return Status::InvalidArgument("store " + dir_ + ": opened read-only");
    std::vector<Prepared> prepared;
    prepared.reserve(pages.size());
    for (const Page& page : pages) {
      LIBDIFF_ASSIGN_OR_RETURN(Prepared p, Prepare(page));
      prepared.push_back(std::move(p));
    }
    std::vector<Verdict> verdicts;
    Status status = env_->Write([&](MDB_txn* txn) -> Status {
      verdicts.clear();  // a retry after the map grew starts over
      LIBDIFF_ASSIGN_OR_RETURN(internal::StoreCounters counters, revisions_->GetCounters(txn));
      for (const Prepared& p : prepared) {
        LIBDIFF_ASSIGN_OR_RETURN(Verdict v, File(txn, p, /*write=*/true, &counters));
        verdicts.push_back(std::move(v));
      }
      return revisions_->PutCounters(txn, counters);
    });
    if (!status.ok()) return status;
    return verdicts;
  }

  Result<Verdict> Check(const Page& page) override {
    std::shared_lock<std::shared_mutex> op(op_lock_);
    LIBDIFF_ASSIGN_OR_RETURN(Prepared p, Prepare(page));
    Verdict verdict;
    LIBDIFF_RETURN_IF_ERROR(env_->Read([&](MDB_txn* txn) -> Status {
      internal::StoreCounters unused;
      LIBDIFF_ASSIGN_OR_RETURN(verdict, File(txn, p, /*write=*/false, &unused));
      return Status::OK();
    }));
    return verdict;
  }

  Result<ArticleHistory> History(const std::string& url) override {
    std::shared_lock<std::shared_mutex> op(op_lock_);
    LIBDIFF_ASSIGN_OR_RETURN(std::string key, NormalizeUrl(url));
    ArticleHistory h;
    LIBDIFF_RETURN_IF_ERROR(env_->Read([&](MDB_txn* txn) -> Status {
      LIBDIFF_ASSIGN_OR_RETURN(uint64_t id, FindArticle(txn, key, url));
      LIBDIFF_ASSIGN_OR_RETURN(ArticleRecord rec, revisions_->GetArticle(txn, id));
      h.article = id;
      h.first_url = rec.first_url;
      h.urls = rec.keys;
      h.duplicate_of = rec.duplicate_of;
      h.first_seen = rec.first_seen;
      LIBDIFF_ASSIGN_OR_RETURN(auto revs, revisions_->ListRevisions(txn, id));
      LIBDIFF_ASSIGN_OR_RETURN(std::vector<std::string> snapshots,
                               revisions_->ReadSnapshots(txn, id, revs));
      for (size_t i = 0; i < revs.size(); ++i) {
        const auto& [n, r] = revs[i];
        RevisionInfo info;
        info.revision = n;
        info.fetched_at = r.fetched_at;
        info.url = r.url_index < rec.keys.size() ? rec.keys[r.url_index] : "";
        info.simhash = r.simhash;
        info.same_as = r.encoding == SnapshotEncoding::kSameAs ? r.base : 0;
        info.keyframe = r.encoding == SnapshotEncoding::kKeyframe;
        info.stored_bytes = r.Encode().size();
        LIBDIFF_ASSIGN_OR_RETURN(Article a, internal::DecodeArticle(snapshots[i]));
        info.title = a.title;
        h.revisions.push_back(std::move(info));
      }
      return Status::OK();
    }));
    return h;
  }

  Result<Article> ReadRevision(const std::string& url, uint32_t revision) override {
    std::shared_lock<std::shared_mutex> op(op_lock_);
    LIBDIFF_ASSIGN_OR_RETURN(std::string key, NormalizeUrl(url));
    Article article;
    LIBDIFF_RETURN_IF_ERROR(env_->Read([&](MDB_txn* txn) -> Status {
      LIBDIFF_ASSIGN_OR_RETURN(uint64_t id, FindArticle(txn, key, url));
      LIBDIFF_ASSIGN_OR_RETURN(uint32_t rev, ResolveRevision(txn, id, revision));
      auto bytes = revisions_->ReadSnapshot(txn, id, rev);
      if (!bytes.ok()) return bytes.status().WithContext(url);
      LIBDIFF_ASSIGN_OR_RETURN(article, internal::DecodeArticle(*bytes));
      return Status::OK();
    }));
    return article;
  }

  Result<std::string> ReadRawHtml(const std::string& url, uint32_t revision) override {
    std::shared_lock<std::shared_mutex> op(op_lock_);
    LIBDIFF_ASSIGN_OR_RETURN(std::string key, NormalizeUrl(url));
    std::string html;
    LIBDIFF_RETURN_IF_ERROR(env_->Read([&](MDB_txn* txn) -> Status {
      LIBDIFF_ASSIGN_OR_RETURN(uint64_t id, FindArticle(txn, key, url));
      LIBDIFF_ASSIGN_OR_RETURN(uint32_t rev, ResolveRevision(txn, id, revision));
      LIBDIFF_ASSIGN_OR_RETURN(auto frame, revisions_->GetHtml(txn, id, rev));
      if (!frame) {
        return Status::NotFound(url + ": no raw HTML kept for revision " + std::to_string(rev));
      }
      LIBDIFF_ASSIGN_OR_RETURN(html, internal::SnapshotCodec::Decompress(
                                         *frame, "", internal::RevisionStore::kMaxSnapshotBytes));
      return Status::OK();
    }));
    return html;
  }

  Result<StoreStats> Stats() override {
    std::shared_lock<std::shared_mutex> op(op_lock_);
    StoreStats s;
    LIBDIFF_RETURN_IF_ERROR(env_->Read([&](MDB_txn* txn) -> Status {
      LIBDIFF_ASSIGN_OR_RETURN(internal::StoreCounters c, revisions_->GetCounters(txn));
      s.articles = c.articles;
      s.revisions = c.revisions;
      s.urls = c.urls;
      s.duplicates = c.duplicates;
      s.snapshot_bytes = c.snapshot_bytes;
      s.raw_html_bytes = c.html_bytes;
      s.record_bytes = c.record_bytes;
      return Status::OK();
    }));
    s.file_bytes = env_->FileBytes();
    s.map_size = env_->map_size();
    s.bytes_per_revision =
        s.revisions == 0 ? 0.0
                         : static_cast<double>(s.record_bytes) / static_cast<double>(s.revisions);
    return s;
  }

  Result<PruneResult> Prune(const PruneOptions& options) override {
    std::shared_lock<std::shared_mutex> op(op_lock_);
    if (options_.read_only) return Status::InvalidArgument("store " + dir_ + ": opened read-only");
    PruneResult result;
    LIBDIFF_RETURN_IF_ERROR(env_->Write([&](MDB_txn* txn) -> Status {
      result = PruneResult{};
      LIBDIFF_ASSIGN_OR_RETURN(internal::StoreCounters counters, revisions_->GetCounters(txn));
      LIBDIFF_ASSIGN_OR_RETURN(std::vector<uint64_t> ids, revisions_->ListArticles(txn));
      for (uint64_t id : ids) {
        LIBDIFF_ASSIGN_OR_RETURN(uint64_t removed, PruneArticle(txn, id, options, &counters));
        result.revisions_removed += removed;
        if (removed > 0) ++result.articles_touched;
      }
      return revisions_->PutCounters(txn, counters);
    }));
    return result;
  }

  Result<CompactResult> Compact() override {
    std::unique_lock<std::shared_mutex> op(op_lock_);  // no other call on this Store
    if (options_.read_only) return Status::InvalidArgument("store " + dir_ + ": opened read-only");
    namespace fs = std::filesystem;
    CompactResult result;
    result.bytes_before = env_->FileBytes();
    const std::string tmp = dir_ + "/compact.tmp";
    std::error_code ec;
    fs::remove_all(tmp, ec);
    fs::create_directories(tmp, ec);
    if (ec) {
      return Status::IOError("store " + dir_ + ": cannot create " + tmp + ": " + ec.message());
    }
    Status copied = env_->CopyCompacted(tmp);
    if (!copied.ok()) {
      fs::remove_all(tmp, ec);
      return copied;
    }
    // Close before the swap so no mapping of the old file stays in use, then
    // rename (atomic): a crash leaves either the old or the compacted file.
    env_.reset();
    fs::rename(tmp + "/data.mdb", dir_ + "/data.mdb", ec);
    const std::error_code rename_error = ec;
    fs::remove_all(tmp, ec);
    Status reopened = Init();
    if (rename_error) {
      return Status::IOError("store " + dir_ +
                             ": cannot replace data.mdb: " + rename_error.message());
    }
    LIBDIFF_RETURN_IF_ERROR(reopened);
    result.bytes_after = env_->FileBytes();
    return result;
  }

  const std::string& dir() const override { return dir_; }

 private:
  Result<Prepared> Prepare(const Page& page) const {
    Prepared p;
    p.page = &page;
    LIBDIFF_ASSIGN_OR_RETURN(p.key, NormalizeUrl(page.url));
    p.fetched_at = page.fetched_at != 0 ? page.fetched_at : Now();
    if (page.article) {
      p.article = *page.article;
    } else {
      ExtractOptions eo = options_.extract;
      eo.url = page.url;
      eo.content_type = page.content_type;
      auto extracted = ExtractArticle(page.html, eo);
      if (!extracted.ok()) return extracted.status().WithContext(page.url);
      p.article = std::move(*extracted);
    }
    if (p.article.blocks.empty()) {
      p.skipped = true;
      p.reason = p.article.empty_reason.empty() ? "no article content" : p.article.empty_reason;
      return p;
    }
    if (!p.article.canonical_url.empty()) {
      auto canonical = NormalizeUrl(p.article.canonical_url);
      if (canonical.ok() && *canonical != p.key && SiteOf(*canonical) == SiteOf(p.key)) {
        p.canonical_key = std::move(*canonical);
      }
    }
    std::vector<std::string> texts;
    texts.reserve(p.article.blocks.size());
    for (const auto& b : p.article.blocks) texts.push_back(b.text);
    p.fp = FingerprintParagraphs(texts, options_.fingerprint);
    p.title_hash = HashText(NormalizeText(p.article.title));
    const uint64_t parts[3] = {p.fp.exact.high, p.fp.exact.low, p.title_hash};
    p.content_hash = XXH3_64bits(parts, sizeof(parts));
    for (uint64_t h : p.fp.paragraph_hashes) p.paragraphs.push_back(static_cast<uint32_t>(h));
    std::sort(p.paragraphs.begin(), p.paragraphs.end());
    p.paragraphs.erase(std::unique(p.paragraphs.begin(), p.paragraphs.end()), p.paragraphs.end());
    return p;
  }

  // The article a URL key (or, failing that, the raw URL's canonical form) names.
  Result<uint64_t> FindArticle(MDB_txn* txn, const std::string& key, const std::string& url) {
    LIBDIFF_ASSIGN_OR_RETURN(auto id, revisions_->FindUrl(txn, key));
    if (!id) return Status::NotFound(url + ": not in the store");
    return *id;
  }

  // `revision`, or the article's latest when it is 0.
  Result<uint32_t> ResolveRevision(MDB_txn* txn, uint64_t id, uint32_t revision) {
    if (revision != 0) return revision;
    LIBDIFF_ASSIGN_OR_RETURN(ArticleRecord rec, revisions_->GetArticle(txn, id));
    return rec.latest_revision;
  }

  Result<Verdict> File(MDB_txn* txn, const Prepared& p, bool write,
                       internal::StoreCounters* counters) {
    Verdict v;
    v.url = p.page->url;
    v.normalized_url = p.key;
    v.title = p.article.title;
    if (p.skipped) {
      v.kind = VerdictKind::kSkipped;
      v.reason = p.reason;
      return v;
    }
    LIBDIFF_ASSIGN_OR_RETURN(auto id, revisions_->FindUrl(txn, p.key));
    if (!id && !p.canonical_key.empty()) {
      LIBDIFF_ASSIGN_OR_RETURN(id, revisions_->FindUrl(txn, p.canonical_key));
    }
    internal::OriginalMatch found;
    if (!id) {
      // No identity: the earliest original it is a near duplicate of
      // (find_original.h), or its own article under a changed slug.
      LIBDIFF_ASSIGN_OR_RETURN(found,
                               internal::FindOriginal(txn, *index_, *revisions_, p.fp,
                                                      p.paragraphs, p.key, VerifyOptionsFor()));
      if (found.alias != 0) id = found.alias;
    }
    if (id) return FileKnown(txn, p, *id, write, counters, std::move(v));
    return FileNew(txn, p, found, write, counters, std::move(v));
  }

  Status AddKeys(MDB_txn* txn, const Prepared& p, uint64_t id, ArticleRecord* rec,
                 internal::StoreCounters* counters, bool* changed) {
    for (const std::string* k : {&p.key, &p.canonical_key}) {
      if (k->empty() || std::find(rec->keys.begin(), rec->keys.end(), *k) != rec->keys.end()) {
        continue;
      }
      LIBDIFF_ASSIGN_OR_RETURN(auto owner, revisions_->FindUrl(txn, *k));
      if (owner && *owner != id) continue;  // already names another article
      LIBDIFF_RETURN_IF_ERROR(revisions_->PutUrl(txn, *k, id));
      rec->keys.push_back(*k);
      ++counters->urls;
      *changed = true;
    }
    return Status::OK();
  }

  uint32_t UrlIndex(const ArticleRecord& rec, const std::string& key) const {
    auto it = std::find(rec.keys.begin(), rec.keys.end(), key);
    return it == rec.keys.end() ? 0 : static_cast<uint32_t>(it - rec.keys.begin());
  }

  Result<Verdict> FileKnown(MDB_txn* txn, const Prepared& p, uint64_t id, bool write,
                            internal::StoreCounters* counters, Verdict v) {
    LIBDIFF_ASSIGN_OR_RETURN(ArticleRecord rec, revisions_->GetArticle(txn, id));
    v.article = id;
    if (std::find(rec.keys.begin(), rec.keys.end(), p.key) == rec.keys.end()) {
      v.alias_of = rec.first_url;
    }
    bool record_changed = false;
    if (write) LIBDIFF_RETURN_IF_ERROR(AddKeys(txn, p, id, &rec, counters, &record_changed));

    if (p.fp.exact == rec.exact && p.title_hash == rec.title_hash) {
      v.kind = VerdictKind::kUnchanged;
      v.revision = rec.latest_revision;
      if (write && record_changed) LIBDIFF_RETURN_IF_ERROR(revisions_->PutArticle(txn, id, rec));
      return v;
    }

    v.kind = VerdictKind::kUpdated;
    v.revision = rec.latest_revision + 1;
    LIBDIFF_ASSIGN_OR_RETURN(auto revs, revisions_->ListRevisions(txn, id));
    const RevisionRecord* latest = nullptr;
    for (auto it = revs.rbegin(); it != revs.rend(); ++it) {
      if (it->first == rec.latest_revision) latest = &it->second;
      if (v.reverted_to == 0 && it->second.content_hash == p.content_hash) {
        v.reverted_to = it->first;
      }
    }
    if (latest == nullptr) {
      return Status::Corruption("store " + dir_ + ": article " + std::to_string(id) +
                                " lacks its latest revision " +
                                std::to_string(rec.latest_revision));
    }
    LIBDIFF_ASSIGN_OR_RETURN(std::string prev_bytes,
                             revisions_->ReadSnapshot(txn, id, rec.latest_revision));
    LIBDIFF_ASSIGN_OR_RETURN(Article prev, internal::DecodeArticle(prev_bytes));
    const internal::ParagraphChanges pc =
        internal::CountParagraphChanges(ParagraphOrder(prev), ParagraphOrder(p.article));
    v.changes.paragraphs_added = pc.added;
    v.changes.paragraphs_removed = pc.removed;
    v.changes.paragraphs_changed = pc.changed;
    v.changes.title_changed = p.title_hash != rec.title_hash;
    v.changes.simhash_distance = HammingDistance(p.fp.simhash, rec.simhash);
    v.changes.modified = p.article.modified;
    DiffOptions diff_options;
    diff_options.compare_metadata = false;
    // A diff that fails (an input past the diff's size limit) leaves the
    // sentence counts at -1; the verdict itself does not depend on it.
    if (auto diff = DiffArticles(prev, p.article, diff_options); diff.ok()) {
      const ChangeSummary& s = diff->summary;
      v.changes.sentences_added = static_cast<int>(s.sentences_added);
      v.changes.sentences_removed = static_cast<int>(s.sentences_removed);
      v.changes.sentences_changed = static_cast<int>(s.sentences_changed + s.sentences_moved);
      v.changes.significance = SignificanceName(s.significance);
    }
    if (!write) return v;

    RevisionRecord r;
    r.fetched_at = p.fetched_at;
    r.url_index = UrlIndex(rec, p.key);
    r.simhash = p.fp.simhash;
    r.content_hash = p.content_hash;
    const std::string bytes = internal::EncodeArticle(p.article);
    if (v.reverted_to != 0) {
      // Stored once: the new revision points at the earlier one. Byte-exact
      // readback still holds only if the earlier bytes are these bytes.
      LIBDIFF_ASSIGN_OR_RETURN(std::string earlier,
                               revisions_->ReadSnapshot(txn, id, v.reverted_to));
      if (earlier == bytes) {
        r.encoding = SnapshotEncoding::kSameAs;
        r.base = v.reverted_to;
        for (const auto& [n, rr] : revs) {
          if (n == v.reverted_to) r.depth = rr.depth;
        }
      }
    }
    if (r.encoding != SnapshotEncoding::kSameAs) {
      const bool keyframe = options_.keyframe_interval <= 1 ||
                            latest->depth + 1 >= options_.keyframe_interval ||
                            !internal::SnapshotCodec::CanDelta(prev_bytes.size(), bytes.size());
      if (keyframe) {
        r.encoding = SnapshotEncoding::kKeyframe;
        LIBDIFF_ASSIGN_OR_RETURN(r.payload, codec_.Compress(bytes));
      } else {
        r.encoding = SnapshotEncoding::kDelta;
        r.base = rec.latest_revision;
        r.depth = latest->depth + 1;
        LIBDIFF_ASSIGN_OR_RETURN(r.payload, codec_.CompressDelta(prev_bytes, bytes));
      }
    }
    LIBDIFF_RETURN_IF_ERROR(PutRevision(txn, id, v.revision, r, p, counters));
    // The superseded text stays findable when it differs materially from
    // the texts kept (store/earlier_revisions.h).
    const std::vector<uint32_t> old_keys = internal::ArticleKeys(rec);
    internal::KeepSuperseded(&rec.earlier, internal::LatestAsEarlier(rec), p.fp.exact,
                             VerifyOptionsFor());
    SetFingerprint(p, &rec);
    rec.latest_revision = v.revision;
    LIBDIFF_RETURN_IF_ERROR(
        internal::ReplaceKeys(txn, *index_, id, old_keys, internal::ArticleKeys(rec)));
    LIBDIFF_RETURN_IF_ERROR(revisions_->PutArticle(txn, id, rec));
    return v;
  }

  Result<Verdict> FileNew(MDB_txn* txn, const Prepared& p, const internal::OriginalMatch& found,
                          bool write, internal::StoreCounters* counters, Verdict v) {
    const uint64_t original = found.original;
    const internal::VerifyResult& match = found.match;
    v.revision = 1;
    if (original != 0) {
      LIBDIFF_ASSIGN_OR_RETURN(ArticleRecord orig, revisions_->GetArticle(txn, original));
      v.kind = VerdictKind::kDuplicate;
      v.of = original;
      v.of_url = orig.first_url;
      v.of_revision = found.revision;
      v.distance = match.distance;
      v.similarity = match.similarity;
      v.containment = match.containment;
      v.cross_site = SiteOf(p.key) != SiteOf(orig.keys.empty() ? orig.first_url : orig.keys[0]);
    } else {
      v.kind = VerdictKind::kNew;
    }
    if (!write) return v;
    LIBDIFF_ASSIGN_OR_RETURN(uint64_t id, revisions_->AllocateArticleId(txn));
    v.article = id;
    ArticleRecord rec;
    rec.first_seen = p.fetched_at;
    rec.latest_revision = 1;
    rec.duplicate_of = original;
    rec.first_url = p.page->url;
    bool unused = false;
    LIBDIFF_RETURN_IF_ERROR(AddKeys(txn, p, id, &rec, counters, &unused));
    SetFingerprint(p, &rec);
    RevisionRecord r;
    r.encoding = SnapshotEncoding::kKeyframe;
    r.fetched_at = p.fetched_at;
    r.url_index = 0;
    r.simhash = p.fp.simhash;
    r.content_hash = p.content_hash;
    LIBDIFF_ASSIGN_OR_RETURN(r.payload, codec_.Compress(internal::EncodeArticle(p.article)));
    LIBDIFF_RETURN_IF_ERROR(PutRevision(txn, id, 1, r, p, counters));
    LIBDIFF_RETURN_IF_ERROR(index_->InsertKeys(txn, internal::SketchKeys(p.fp.sketch), id));
    LIBDIFF_RETURN_IF_ERROR(revisions_->PutArticle(txn, id, rec));
    ++counters->articles;
    if (original != 0) ++counters->duplicates;
    return v;
  }

  static void SetFingerprint(const Prepared& p, ArticleRecord* rec) {
    rec->simhash = p.fp.simhash;
    rec->exact = p.fp.exact;
    rec->title_hash = p.title_hash;
    rec->tokens = p.fp.token_count;
    rec->shingles = p.fp.shingle_count;
    rec->paragraphs = p.paragraphs;
    rec->sketch = p.fp.sketch;
  }

  Status PutRevision(MDB_txn* txn, uint64_t id, uint32_t rev, const RevisionRecord& r,
                     const Prepared& p, internal::StoreCounters* counters) {
    LIBDIFF_RETURN_IF_ERROR(revisions_->PutRevision(txn, id, rev, r));
    ++counters->revisions;
    counters->snapshot_bytes += r.payload.size();
    counters->record_bytes += r.Encode().size();
    if (options_.keep_raw_html && !p.page->html.empty()) {
      LIBDIFF_ASSIGN_OR_RETURN(std::string frame, html_codec_.Compress(p.page->html));
      LIBDIFF_RETURN_IF_ERROR(revisions_->PutHtml(txn, id, rev, frame));
      counters->html_bytes += frame.size();
    }
    return Status::OK();
  }

  // Removes the revisions `options` selects from one article; the first kept
  // revision (and any kept revert pointing at a removed one) is rewritten as
  // a keyframe first, so every kept revision still decodes.
  Result<uint64_t> PruneArticle(MDB_txn* txn, uint64_t id, const PruneOptions& options,
                                internal::StoreCounters* counters) {
    LIBDIFF_ASSIGN_OR_RETURN(auto revs, revisions_->ListRevisions(txn, id));
    if (revs.size() <= 1) return uint64_t{0};
    std::vector<bool> remove(revs.size(), false);
    for (size_t i = 0; i + 1 < revs.size(); ++i) {  // the latest is always kept
      if (options.older_than != 0 && revs[i].second.fetched_at < options.older_than) {
        remove[i] = true;
      }
      if (options.keep_revisions != 0 && revs.size() - i > options.keep_revisions) remove[i] = true;
    }
    std::vector<uint32_t> removed;
    for (size_t i = 0; i < revs.size(); ++i) {
      if (remove[i]) removed.push_back(revs[i].first);
    }
    if (removed.empty()) return uint64_t{0};
    const auto is_removed = [&](uint32_t n) {
      return std::binary_search(removed.begin(), removed.end(), n);
    };
    // A removed revision's kept fingerprint goes too, and with it the keys
    // no other kept text holds: retention forgets its text.
    LIBDIFF_ASSIGN_OR_RETURN(ArticleRecord rec, revisions_->GetArticle(txn, id));
    const std::vector<uint32_t> old_keys = internal::ArticleKeys(rec);
    const size_t kept_before = rec.earlier.size();
    std::erase_if(rec.earlier,
                  [&](const internal::EarlierFingerprint& e) { return is_removed(e.revision); });
    if (rec.earlier.size() != kept_before) {
      LIBDIFF_RETURN_IF_ERROR(
          internal::ReplaceKeys(txn, *index_, id, old_keys, internal::ArticleKeys(rec)));
      LIBDIFF_RETURN_IF_ERROR(revisions_->PutArticle(txn, id, rec));
    }
    // Decode what must become keyframes before anything is deleted.
    std::vector<std::pair<size_t, std::string>> rewrite;
    for (size_t i = 0; i < revs.size(); ++i) {
      if (remove[i]) continue;
      const RevisionRecord& r = revs[i].second;
      if (r.encoding != SnapshotEncoding::kKeyframe && is_removed(r.base)) {
        LIBDIFF_ASSIGN_OR_RETURN(std::string bytes,
                                 revisions_->ReadSnapshot(txn, id, revs[i].first));
        rewrite.emplace_back(i, std::move(bytes));
      }
    }
    for (size_t i = 0; i < revs.size(); ++i) {
      if (!remove[i]) continue;
      const std::string encoded = revs[i].second.Encode();
      LIBDIFF_RETURN_IF_ERROR(revisions_->DeleteRevision(txn, id, revs[i].first));
      --counters->revisions;
      counters->snapshot_bytes -=
          std::min(counters->snapshot_bytes, uint64_t{revs[i].second.payload.size()});
      counters->record_bytes -= std::min(counters->record_bytes, uint64_t{encoded.size()});
      uint64_t freed = 0;
      LIBDIFF_RETURN_IF_ERROR(revisions_->DeleteHtml(txn, id, revs[i].first, &freed));
      counters->html_bytes -= std::min(counters->html_bytes, freed);
    }
    for (auto& [i, bytes] : rewrite) {
      RevisionRecord r = revs[i].second;
      const uint64_t old_payload = r.payload.size(), old_record = r.Encode().size();
      r.encoding = SnapshotEncoding::kKeyframe;
      r.base = 0;
      r.depth = 0;
      LIBDIFF_ASSIGN_OR_RETURN(r.payload, codec_.Compress(bytes));
      LIBDIFF_RETURN_IF_ERROR(revisions_->PutRevision(txn, id, revs[i].first, r));
      counters->snapshot_bytes = counters->snapshot_bytes -
                                 std::min(counters->snapshot_bytes, old_payload) + r.payload.size();
      counters->record_bytes =
          counters->record_bytes - std::min(counters->record_bytes, old_record) + r.Encode().size();
    }
    return uint64_t{removed.size()};
  }

  StoreOptions options_;
  std::string dir_;
  std::unique_ptr<internal::Environment> env_;
  std::optional<internal::RevisionStore> revisions_;
  std::optional<internal::LmdbNearDuplicateIndex> index_;
  // Writers are serialised by the Environment, so one compression context each suffices.
  internal::SnapshotCodec codec_;
  internal::SnapshotCodec html_codec_;
  // Held shared by every call and exclusively by Compact, which reopens env_.
  std::shared_mutex op_lock_;
};

}  // namespace

Result<std::unique_ptr<Store>> Store::Open(const StoreOptions& options, const std::string& dir) {
  if (dir.empty()) return Status::InvalidArgument("store: empty directory name");
  if (options.max_distance < 0 || options.max_distance > internal::kMaxSupportedK) {
    return Status::InvalidArgument("store " + dir + ": max_distance " +
                                   std::to_string(options.max_distance) + " is outside 0.." +
                                   std::to_string(internal::kMaxSupportedK));
  }
  if (options.fingerprint.shingle_size < 1) {
    return Status::InvalidArgument("store " + dir + ": shingle_size must be at least 1");
  }
  if (options.keyframe_interval == 0) {
    return Status::InvalidArgument("store " + dir + ": keyframe_interval must be at least 1");
  }
  auto store = std::make_unique<StoreImpl>(options, dir);
  LIBDIFF_RETURN_IF_ERROR(store->Init());
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace libdiff
