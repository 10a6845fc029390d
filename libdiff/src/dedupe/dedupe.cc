// Copyright 2026 The libdiff Authors.
//
// DedupeDirectory: walk -> bounded queue -> workers (read, extract,
// fingerprint) -> compact records -> exact groups, SimHash candidates and
// shingle-sketch candidates -> verification -> star clusters (each document
// joins the earliest original it verifies against, the store's rule) ->
// clusters.
// With a store, the workers also hand their articles to one ingesting thread
// that files them in path order (IngestInOrder).
//
// Determinism: the walk numbers files in byte order of their relative paths
// (siblings sorted by name, a directory's name compared with '/' appended,
// depth first), records are stored at their file's number whatever order
// the workers finish in, every tie is broken by that number, and the star
// clustering sorts the verified pairs before it uses them.
//
// Memory: per file found, a 48-byte record, its sketch (96 bytes) and its
// front-coded path; clustering adds about 30 bytes per document at its peak
// (a union-find parent, the leader list, and a quarter of the candidate keys
// or of one permuted table at a time) and 8 bytes per verified pair. Clusters are streamed to
// DedupeOptions::on_cluster when it is set.
//
// The state the threads share is declared in dedupe_run.h; the walk that
// numbers and queues the files is in inputs.cc.
#include <algorithm>
#include <array>
#include <atomic>
#include <cstdio>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <optional>
#include <set>
#include <span>
#include <thread>
#include <unordered_map>
#include <utility>

#include "dedupe/cluster.h"
#include "dedupe/dedupe_run.h"
#include "dedupe/document_reader.h"
#include "dedupe/document_record.h"
#include "extract/date.h"
#include "index/near_duplicate_index.h"
#include "libdiff/article.h"
#include "libdiff/dedupe.h"
#include "libdiff/fingerprint.h"
#include "libdiff/store.h"

namespace libdiff::internal {
namespace {

// Each document keeps its shingle sketch (Fingerprint::sketch, at most
// kSketchSize values): the verification's evidence and, through
// internal::SketchKeys and SketchQueryKeys, its filed and query keys (the
// engine shared with the store, near_duplicate_index.h): a pair is compared
// when the earlier document files a value the later one queries, and at
// most kMaxPostings documents file it.
// Candidate keys are gathered in this many passes (by their low bits), so at
// most a quarter of them is in memory at once.
constexpr uint32_t kKeyPasses = 4;

std::string FormatUtc(int64_t t) {
  if (t == kNoDate) return "";
  int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
  int64_t secs = t - days * 86400;
  // Civil from days (H. Hinnant's algorithm).
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t doe = days - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = yoe + era * 400;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp < 10 ? mp + 3 : mp - 9;
  if (m <= 2) ++y;
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lldZ",
                static_cast<long long>(y), static_cast<long long>(m), static_cast<long long>(d),
                static_cast<long long>(secs / 3600), static_cast<long long>(secs / 60 % 60),
                static_cast<long long>(secs % 60));
  return buf;
}

}  // namespace

void DedupeRun::Skip(const std::string& rel, const char* reason, std::string detail) {
  std::lock_guard lock(mu_);
  if (std::strcmp(reason, "unreadable") == 0) ++counts_.unreadable;
  if (std::strcmp(reason, "symlink loop") == 0) ++counts_.symlink_loops;
  if (std::strcmp(reason, "not html") == 0) ++counts_.not_html;
  if (std::strcmp(reason, "too large") == 0) ++counts_.too_large;
  if (std::strcmp(reason, "no article") == 0) ++counts_.no_article;
  if (std::strcmp(reason, "store error") == 0) ++counts_.store_errors;
  skipped_.push_back(DedupeSkipped{rel, reason, std::move(detail)});
}

void DedupeRun::Work() {
  WorkItem item;
  while (queue_.Pop(&item)) {
    std::optional<Page> page = ProcessOne(item);
    if (options_.store != nullptr) HandToStore(item.doc, item.rel_path, std::move(page));
    files_done_.fetch_add(1, std::memory_order_relaxed);
  }
}

void DedupeRun::HandToStore(uint32_t doc, const std::string& rel, std::optional<Page> page) {
  std::optional<StorePage> item;
  if (page.has_value()) item = StorePage{rel, *std::move(page)};
  std::unique_lock lock(store_mu_);
  store_cv_.wait(lock, [&] { return waiting_.size() < max_waiting_ || doc == next_to_ingest_; });
  waiting_.emplace(doc, std::move(item));
  store_cv_.notify_all();
}

void DedupeRun::IngestInOrder() {
  // Pages go in path order (file number) in batches of store_batch pages, so
  // the verdicts (and thus the clusters) do not depend on thread count or
  // walk order. After a failure the rest is drained, not filed, so no worker
  // waits forever.
  const size_t batch_size = std::max<size_t>(1, options_.store_batch);
  std::unordered_map<uint64_t, uint32_t> first_doc_of_article;
  std::vector<Page> pages;
  std::vector<uint32_t> docs;
  std::vector<std::string> rels;
  bool finished = false;
  while (!finished) {
    {
      std::unique_lock lock(store_mu_);
      while (pages.size() < batch_size) {
        store_cv_.wait(lock, [&] {
          return waiting_.count(next_to_ingest_) != 0 ||
                 (workers_done_ && waiting_.empty());
        });
        auto it = waiting_.find(next_to_ingest_);
        if (it == waiting_.end()) {  // every file has been handed over
          finished = true;
          break;
        }
        if (it->second.has_value() && store_status_.ok()) {
          pages.push_back(std::move(it->second->page));
          rels.push_back(std::move(it->second->rel));
          docs.push_back(it->first);
        }
        waiting_.erase(it);
        ++next_to_ingest_;
        store_cv_.notify_all();
      }
    }
    if (pages.empty()) continue;
    auto verdicts = options_.store->IngestBatch(pages);
    if (!verdicts.ok()) {
      store_status_ = verdicts.status().WithContext("dedupe: ingesting into the store");
    } else {
      for (size_t i = 0; i < verdicts->size(); ++i) {
        const Verdict& v = (*verdicts)[i];
        const uint32_t d = docs[i];
        if (v.kind == VerdictKind::kSkipped) {  // clustered all the same, but not filed
          Skip(rels[i], "store error", "not filed: " + v.reason);
          continue;
        }
        auto [it, inserted] = first_doc_of_article.emplace(v.article, d);
        if (!inserted) store_links_.emplace_back(it->second, d);  // same article identity
        if (v.kind == VerdictKind::kDuplicate) {
          auto of = first_doc_of_article.find(v.of);
          if (of != first_doc_of_article.end()) store_links_.emplace_back(of->second, d);
        }
      }
    }
    pages.clear();
    docs.clear();
    rels.clear();
  }
}

std::optional<Page> DedupeRun::ProcessOne(const WorkItem& item) {
  auto content = item.warc_member
                     ? Result<internal::DocumentContent>(
                           internal::DocumentContent{DocumentKind::kHtml, item.html, 0})
                     : internal::ReadDocument(item.full_path, options_.max_file_bytes,
                                              options_.max_decompressed_bytes);
  if (content.ok()) {
    bytes_done_.fetch_add(content->disk_bytes, std::memory_order_relaxed);
    std::lock_guard lock(mu_);
    counts_.bytes += content->disk_bytes;
  }
  internal::DocumentRecordOptions ro;
  ro.max_file_bytes = options_.max_file_bytes;
  ro.max_decompressed_bytes = options_.max_decompressed_bytes;
  ro.url = item.url;
  ro.content_type = item.content_type;
  ro.keep_article = options_.store != nullptr;
  internal::DocumentRecord doc = internal::MakeDocumentRecord(std::move(content), ro);
  if (doc.skip_reason != nullptr) {
    Skip(item.rel_path, doc.skip_reason, std::move(doc.skip_detail));
    return std::nullopt;
  }
  const Fingerprint& fp = doc.fp;
  std::optional<Page> page;
  if (doc.article.has_value()) {
    // A listed page is filed under its URL, as `libdiff ingest --list` files
    // it; any other under its canonical URL when it has an absolute one.
    page.emplace();
    page->url = item.url.empty() ? "https://dedupe.invalid/" + item.rel_path : item.url;
    page->fetched_at = item.fetched_at;
    const std::string& canonical = doc.article->canonical_url;
    if (!item.listed &&
        (canonical.rfind("https://", 0) == 0 || canonical.rfind("http://", 0) == 0)) {
      page->url = canonical;
    }
    page->article = *std::move(doc.article);
  }
  DocRecord r;
  r.simhash = fp.simhash;
  r.exact_high = fp.exact.high;
  r.exact_low = fp.exact.low;
  r.published = doc.has_published ? doc.published : kNoDate;
  r.body_bytes = static_cast<uint32_t>(std::min<uint64_t>(doc.body_bytes, UINT32_MAX));
  r.tokens = static_cast<uint32_t>(std::min<uint64_t>(fp.token_count, UINT32_MAX));
  r.shingles = static_cast<uint32_t>(std::min<uint64_t>(fp.shingle_count, UINT32_MAX));
  r.sketch_count = static_cast<uint16_t>(std::min(fp.sketch.size(), kSketchSize));
  r.is_document = 1;
  SketchSlots sketch{};
  std::copy_n(fp.sketch.begin(), r.sketch_count, sketch.values);
  std::lock_guard lock(mu_);
  records_.Resize(uint64_t{item.doc} + 1);
  sketches_.Resize(uint64_t{item.doc} + 1);
  records_.Mutable(item.doc) = r;
  sketches_.Mutable(item.doc) = sketch;
  ++documents_;
  return page;
}

VerifyResult DedupeRun::VerifyPair(uint32_t a, uint32_t b) const {
  const DocRecord& ra = records_[a];
  const DocRecord& rb = records_[b];
  const bool exact = ra.exact_high == rb.exact_high && ra.exact_low == rb.exact_low;
  return internal::VerifyNearDuplicateSorted(ra.simhash, rb.simhash, exact, ra.tokens, rb.tokens,
                                             ra.shingles, rb.shingles, Sketch(a), Sketch(b),
                                             {}, {}, verify_);
}

void DedupeRun::Cluster(UnionFind* uf) {
  const uint32_t n = static_cast<uint32_t>(records_.size());
  // 1. Exact duplicates: one sort, then each group joins its first member.
  std::vector<uint32_t> leaders;  // one document per distinct text
  {
    std::vector<uint32_t> by_exact;
    by_exact.reserve(documents_);
    for (uint32_t d = 0; d < n; ++d) {
      if (records_[d].is_document != 0) by_exact.push_back(d);
    }
    std::sort(by_exact.begin(), by_exact.end(), [&](uint32_t a, uint32_t b) {
      const DocRecord& x = records_[a];
      const DocRecord& y = records_[b];
      if (x.exact_high != y.exact_high) return x.exact_high < y.exact_high;
      if (x.exact_low != y.exact_low) return x.exact_low < y.exact_low;
      return a < b;
    });
    size_t kept = 0;  // leaders are written over the front of by_exact
    for (size_t i = 0; i < by_exact.size();) {
      size_t j = i + 1;
      const DocRecord& x = records_[by_exact[i]];
      while (j < by_exact.size() && records_[by_exact[j]].exact_high == x.exact_high &&
             records_[by_exact[j]].exact_low == x.exact_low) {
        ++j;
      }
      // Identical texts still pass the length rule (short texts never match).
      if (j - i > 1 && VerifyPair(by_exact[i], by_exact[i + 1]).is_duplicate) {
        for (size_t m = i + 1; m < j; ++m) uf->Union(by_exact[i], by_exact[m]);
      }
      by_exact[kept++] = by_exact[i];
      i = j;
    }
    by_exact.resize(kept);
    std::sort(by_exact.begin(), by_exact.end());
    by_exact.shrink_to_fit();
    leaders.swap(by_exact);
  }

  // 2. Shingle-sketch candidates (catches copies SimHash puts far apart,
  // e.g. a dropped last paragraph), verified.
  internal::DuplicatePairs pairs;
  VerifySketchCandidates(leaders, &pairs);

  // 3. SimHash candidates within max_distance, verified. (Fails only for a
  // distance out of range, rejected earlier.)
  const Status joined = internal::VisitSimHashNeighbours(
      leaders, options_.max_distance, [&](uint32_t d) { return records_[d].simhash; },
      [&](uint32_t a, uint32_t b) {
        if (VerifyPair(a, b).is_duplicate) pairs.Add(a, b);
      },
      internal::kDefaultJoinPasses);
  (void)joined;

  // 4. Each document joins the earliest original it verifies against, as in
  // the store.
  pairs.JoinToOriginals(
      [&](uint32_t original, uint32_t d) { return VerifyPair(original, d).is_duplicate; }, uf);
}

void DedupeRun::VerifySketchCandidates(const std::vector<uint32_t>& leaders,
                                       internal::DuplicatePairs* pairs) const {
  // The store's rule in path order (near_duplicate_index.h): a pair a < b
  // sharing value v is a candidate iff v is among a's filed keys
  // (SketchKeys) and b's query keys (SketchQueryKeys); a value filed by more
  // than kMaxPostings documents gives none. Keys are split by their low bits
  // into kKeyPasses passes (a key's documents all fall in one pass). Pairs
  // are verified as they are met and only the verified ones are kept.
  // A value is filed by a document iff it is below the document's
  // (kSketchKeys+1)-th smallest value (sketches are sorted and distinct), so
  // entries need no flag: 8 bytes, as before the query keys.
  auto filed = [&](uint32_t value, uint32_t doc) {
    const auto sketch = Sketch(doc);
    return sketch.size() <= kSketchKeys || value < sketch[kSketchKeys];
  };
  std::array<size_t, kKeyPasses> per_pass{};
  for (uint32_t d : leaders) {
    for (uint32_t v : SketchQueryKeys(Sketch(d))) ++per_pass[v % kKeyPasses];
  }
  std::vector<std::pair<uint32_t, uint32_t>> keys;  // (sketch value, doc)
  keys.reserve(*std::max_element(per_pass.begin(), per_pass.end()));
  for (uint32_t pass = 0; pass < kKeyPasses; ++pass) {
    keys.clear();
    for (uint32_t d : leaders) {
      for (uint32_t v : SketchQueryKeys(Sketch(d))) {
        if (v % kKeyPasses == pass) keys.emplace_back(v, d);
      }
    }
    std::sort(keys.begin(), keys.end());
    for (size_t i = 0; i < keys.size();) {
      size_t j = i;
      size_t filers = 0;
      for (; j < keys.size() && keys[j].first == keys[i].first; ++j) {
        if (filed(keys[j].first, keys[j].second)) ++filers;
      }
      if (j - i >= 2 && filers >= 1 && filers <= kMaxPostings) {
        for (size_t a = i; a < j; ++a) {
          if (!filed(keys[a].first, keys[a].second)) continue;
          for (size_t b = a + 1; b < j; ++b) {
            const uint32_t x = keys[a].second;
            const uint32_t y = keys[b].second;
            if (VerifyPair(x, y).is_duplicate) pairs->Add(x, y);
          }
        }
      }
      i = j;
    }
  }
}

DedupeMember DedupeRun::Member(uint32_t doc, uint32_t rep) const {
  const DocRecord& r = records_[doc];
  DedupeMember m;
  m.path = PathOf(doc);
  m.url = urls_.Get(doc);
  m.published = FormatUtc(r.published);
  m.body_bytes = r.body_bytes;
  if (doc == rep) {
    m.distance = 0;
    m.similarity = 1.0;
    return m;
  }
  const VerifyResult v = VerifyPair(rep, doc);
  m.distance = v.distance;
  m.similarity = v.similarity;
  m.exact = v.exact;
  return m;
}

void DedupeRun::EmitClusters(UnionFind* uf, DedupeResult* result) {
  const uint32_t n = static_cast<uint32_t>(records_.size());
  auto better = [&](uint32_t a, uint32_t b) {  // is a a better representative than b?
    const DocRecord& x = records_[a];
    const DocRecord& y = records_[b];
    if (x.published != y.published) return x.published < y.published;  // kNoDate is largest
    if (x.body_bytes != y.body_bytes) return x.body_bytes > y.body_bytes;
    return a < b;
  };
  // The root of a component is its smallest number; a document that is not
  // its own root marks its component as a cluster.
  std::vector<uint32_t> best(n, UINT32_MAX);  // by root: the representative
  uint64_t clustered = 0;
  for (uint32_t d = 0; d < n; ++d) {
    const uint32_t root = uf->Find(d);
    if (root == d) continue;
    ++clustered;
    if (best[root] == UINT32_MAX) {
      best[root] = root;
      ++clustered;
    }
    if (better(d, best[root])) best[root] = d;
  }
  // Clustered documents grouped by representative (path order), then in path
  // order.
  std::vector<uint32_t> docs;
  docs.reserve(clustered);
  for (uint32_t d = 0; d < n; ++d) {
    if (best[uf->Find(d)] != UINT32_MAX) docs.push_back(d);
  }
  std::stable_sort(docs.begin(), docs.end(),
                   [&](uint32_t a, uint32_t b) { return best[uf->Find(a)] < best[uf->Find(b)]; });
  for (size_t i = 0; i < docs.size();) {
    const uint32_t rep = best[uf->Find(docs[i])];
    size_t j = i;
    DedupeCluster cluster;
    cluster.representative = Member(rep, rep);
    std::set<std::pair<uint64_t, uint64_t>> texts{
        {records_[rep].exact_high, records_[rep].exact_low}};
    for (; j < docs.size() && best[uf->Find(docs[j])] == rep; ++j) {
      const uint32_t d = docs[j];
      if (d == rep) continue;
      cluster.members.push_back(Member(d, rep));
      if (!texts.insert({records_[d].exact_high, records_[d].exact_low}).second) {
        ++result->exact_duplicates;
      }
    }
    i = j;
    result->duplicates += cluster.members.size();
    ++result->cluster_count;
    if (options_.on_cluster) {
      options_.on_cluster(cluster);
    } else {
      result->clusters.push_back(std::move(cluster));
    }
  }
}

Result<DedupeResult> DedupeRun::Run() {
  const auto start = std::chrono::steady_clock::now();
  LIBDIFF_RETURN_IF_ERROR(ResolveInputs());
  if (options_.max_distance < 0 || options_.max_distance > internal::kMaxSupportedK) {
    return Status::InvalidArgument("dedupe: distance " + std::to_string(options_.max_distance) +
                                   " outside 0.." + std::to_string(internal::kMaxSupportedK));
  }

  std::thread ingester;
  if (options_.store != nullptr) {
    max_waiting_ = static_cast<size_t>(threads_) *
                   static_cast<size_t>(std::max(1, options_.queue_slots_per_thread) + 1);
    ingester = std::thread([this] { IngestInOrder(); });
  }
  std::vector<std::thread> workers;
  for (int i = 0; i < threads_; ++i) workers.emplace_back([this] { Work(); });
  std::thread walker([this] { Walk(); });
  auto report = [&](bool final_call) {
    if (!options_.progress) return;
    DedupeProgress p;
    p.files_found = files_found_.load();
    p.files_done = files_done_.load();
    p.bytes_done = bytes_done_.load();
    p.walk_finished = walk_finished_.load() || final_call;
    p.elapsed_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    options_.progress(p);
  };
  if (options_.progress) {
    const auto interval = std::chrono::milliseconds(std::max(10, options_.progress_interval_ms));
    while (!walk_finished_.load() || files_done_.load() < files_found_.load()) {
      std::this_thread::sleep_for(interval);
      report(false);
    }
  }
  walker.join();
  for (auto& w : workers) w.join();
  if (ingester.joinable()) {
    {
      std::lock_guard lock(store_mu_);
      workers_done_ = true;
      store_cv_.notify_all();
    }
    ingester.join();
    LIBDIFF_RETURN_IF_ERROR(store_status_);
  }
  report(true);
  if (too_many_files_.load()) {
    return Status::ResourceExhausted("dedupe: more than " + std::to_string(kMaxFiles) + " files");
  }

  // Holes for the files skipped last are not written by any worker.
  records_.Resize(files_found_.load());
  sketches_.Resize(files_found_.load());
  const uint32_t n = static_cast<uint32_t>(records_.size());
  UnionFind uf(n);
  Cluster(&uf);
  // The store's verdicts add what only it knows: pages that are one article
  // (a shared canonical URL), and on later runs, nothing is lost: clusters
  // never depend on what the store already held.
  for (const auto& [a, b] : store_links_) uf.Union(a, b);
  std::vector<std::pair<uint32_t, uint32_t>>().swap(store_links_);

  DedupeResult result = std::move(counts_);
  result.files = files_found_.load();
  result.documents = documents_;
  EmitClusters(&uf, &result);
  result.skipped = std::move(skipped_);
  std::sort(result.skipped.begin(), result.skipped.end(),
            [](const DedupeSkipped& a, const DedupeSkipped& b) { return a.path < b.path; });
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace libdiff::internal

namespace libdiff {

Result<DedupeResult> DedupeInputs(const std::vector<std::string>& inputs,
                                  const std::vector<DedupePage>& pages,
                                  const DedupeOptions& options) {
  internal::DedupeRun run(inputs, pages, options);
  return run.Run();
}

Result<DedupeResult> DedupeInputs(const std::vector<std::string>& inputs,
                                  const DedupeOptions& options) {
  return DedupeInputs(inputs, {}, options);
}

Result<DedupeResult> DedupeDirectory(const std::string& dir, const DedupeOptions& options) {
  return DedupeInputs({dir}, options);
}

}  // namespace libdiff
