// Copyright 2026 The libdiff Authors.
//
// DedupeDirectory: walk -> bounded queue -> workers (read, extract,
// fingerprint) -> compact records -> exact groups, SimHash candidates and
// shingle-sketch candidates -> verification -> union-find -> clusters.
//
// Determinism: records arrive in any order; every decision afterwards uses
// the document's rank in path order (never its arrival index) to break ties,
// and union-find components do not depend on the order pairs are merged.
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <filesystem>
#include <limits>
#include <mutex>
#include <set>
#include <span>
#include <thread>
#include <unordered_map>
#include <utility>

#include "dedupe/chunked_array.h"
#include "dedupe/cluster.h"
#include "dedupe/document_reader.h"
#include "extract/date.h"
#include "index/near_duplicate_index.h"
#include "libdiff/article.h"
#include "libdiff/dedupe.h"
#include "libdiff/fingerprint.h"
#include "libdiff/store.h"

namespace libdiff {
namespace {

using internal::DocumentKind;
using internal::UnionFind;
using internal::VerifyOptions;
using internal::VerifyResult;

// Each document keeps its shingle sketch (Fingerprint::sketch, at most
// kSketchSize values): the verification's evidence, and its smallest
// kSketchKeys values are candidate keys (documents sharing one are compared),
// which finds copies SimHash puts far apart (a dropped paragraph, an edited
// copy) as MinHash LSH does.
constexpr size_t kSketchKeys = 8;
// A key shared by more documents than this is boilerplate, not evidence.
constexpr size_t kMaxPostings = 64;
constexpr int64_t kNoDate = std::numeric_limits<int64_t>::max();

// Per-document state: 72 bytes plus its path and paragraph sample.
struct DocRecord {
  uint64_t simhash = 0;
  uint64_t exact_high = 0;
  uint64_t exact_low = 0;
  int64_t published = kNoDate;
  uint64_t path_offset = 0;  // into the path arena, NUL-terminated
  uint64_t sketch_offset = 0;  // into the sketch arena
  uint32_t body_bytes = 0;
  uint32_t tokens = 0;
  uint32_t shingles = 0;
  uint32_t sketch_count = 0;
};

struct WorkItem {
  uint64_t path_offset = 0;
  std::string full_path;
  std::string rel_path;
};

class BoundedQueue {
 public:
  explicit BoundedQueue(size_t capacity) : capacity_(capacity) {}
  void Push(WorkItem item) {
    std::unique_lock lock(mu_);
    not_full_.wait(lock, [&] { return items_.size() < capacity_; });
    items_.push_back(std::move(item));
    not_empty_.notify_one();
  }
  void Close() {
    std::lock_guard lock(mu_);
    closed_ = true;
    not_empty_.notify_all();
  }
  bool Pop(WorkItem* item) {
    std::unique_lock lock(mu_);
    not_empty_.wait(lock, [&] { return !items_.empty() || closed_; });
    if (items_.empty()) return false;
    *item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return true;
  }

 private:
  const size_t capacity_;
  std::mutex mu_;
  std::condition_variable not_full_;
  std::condition_variable not_empty_;
  std::deque<WorkItem> items_;
  bool closed_ = false;
};

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

// Everything one call shares between its threads.
class DedupeRun {
 public:
  DedupeRun(std::string root, const DedupeOptions& options)
      : root_(std::move(root)),
        options_(options),
        threads_(options.threads > 0
                     ? options.threads
                     : std::max(1, static_cast<int>(std::thread::hardware_concurrency()))),
        queue_(static_cast<size_t>(threads_) *
               static_cast<size_t>(std::max(1, options.queue_slots_per_thread))) {
    verify_.max_distance = options.max_distance;
  }

  Result<DedupeResult> Run();

 private:
  void Walk();
  void Work();
  void ProcessOne(const WorkItem& item);
  void Skip(const std::string& rel, const char* reason, std::string detail);
  void Cluster(UnionFind* uf, const std::vector<uint32_t>& rank);
  Status IngestIntoStore(UnionFind* uf, const std::vector<uint32_t>& order);
  VerifyResult VerifyPair(uint32_t a, uint32_t b) const;
  std::span<const uint32_t> Sketch(uint32_t doc) const {
    const DocRecord& r = records_[doc];
    if (r.sketch_count == 0) return {};
    return {sketches_.At(r.sketch_offset), r.sketch_count};
  }
  const char* PathOf(uint32_t doc) const { return paths_.At(records_[doc].path_offset); }
  DedupeMember Member(uint32_t doc, uint32_t rep) const;

  const std::string root_;
  const DedupeOptions& options_;
  const int threads_;
  VerifyOptions verify_;
  BoundedQueue queue_;

  // Written by the walker only; read after it finishes.
  internal::ChunkedArray<char> paths_;  // NUL-terminated relative paths
  std::atomic<uint64_t> files_found_{0};
  std::atomic<bool> walk_finished_{false};
  std::atomic<uint64_t> files_done_{0};
  std::atomic<uint64_t> bytes_done_{0};

  std::mutex mu_;  // guards everything below during the parallel phase
  internal::ChunkedArray<DocRecord, 12> records_;
  internal::ChunkedArray<uint32_t, 14> sketches_;
  std::vector<DedupeSkipped> skipped_;
  DedupeResult counts_;
};

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

void DedupeRun::Walk() {
  struct Dir {
    std::string full;
    std::string rel;
  };
  std::vector<Dir> stack;
  std::set<std::pair<dev_t, ino_t>> visited;
  struct stat st {};
  if (::stat(root_.c_str(), &st) == 0) visited.insert({st.st_dev, st.st_ino});
  stack.push_back({root_, ""});
  while (!stack.empty()) {
    Dir dir = std::move(stack.back());
    stack.pop_back();
    std::error_code ec;
    std::filesystem::directory_iterator it(dir.full, ec);
    if (ec) {
      Skip(dir.rel.empty() ? "." : dir.rel, "unreadable", ec.message());
      continue;
    }
    std::vector<std::string> names;
    for (; it != std::filesystem::directory_iterator(); it.increment(ec)) {
      if (ec) break;
      names.push_back(it->path().filename().string());
    }
    if (ec) Skip(dir.rel.empty() ? "." : dir.rel, "unreadable", ec.message());
    // Reverse order on the stack, so directories are walked in name order.
    std::sort(names.begin(), names.end(), std::greater<>());
    std::vector<Dir> subdirs;
    for (auto n = names.rbegin(); n != names.rend(); ++n) {
      const std::string full = dir.full + "/" + *n;
      const std::string rel = dir.rel.empty() ? *n : dir.rel + "/" + *n;
      struct stat target {};
      if (::stat(full.c_str(), &target) != 0) {
        const int err = errno;
        Skip(rel, err == ELOOP ? "symlink loop" : "unreadable", std::strerror(err));
        continue;
      }
      if (S_ISDIR(target.st_mode)) {
        if (!visited.insert({target.st_dev, target.st_ino}).second) {
          Skip(rel, "symlink loop", "directory already visited");
          continue;
        }
        subdirs.push_back({full, rel});
      } else if (S_ISREG(target.st_mode)) {
        WorkItem item;
        if (rel.size() >= decltype(paths_)::kChunk) {  // stat() refuses such paths first
          Skip(rel.substr(0, 256), "unreadable", "path too long");
          continue;
        }
        item.path_offset = paths_.Append(rel.c_str(), rel.size() + 1);  // with its NUL
        item.full_path = full;
        item.rel_path = rel;
        files_found_.fetch_add(1, std::memory_order_relaxed);
        queue_.Push(std::move(item));
      } else {
        Skip(rel, "unreadable", "not a regular file");
      }
    }
    for (auto d = subdirs.rbegin(); d != subdirs.rend(); ++d) stack.push_back(std::move(*d));
  }
  walk_finished_.store(true);
  queue_.Close();
}

void DedupeRun::Work() {
  WorkItem item;
  while (queue_.Pop(&item)) {
    ProcessOne(item);
    files_done_.fetch_add(1, std::memory_order_relaxed);
  }
}

void DedupeRun::ProcessOne(const WorkItem& item) {
  auto content = internal::ReadDocument(item.full_path, options_.max_file_bytes,
                                        options_.max_decompressed_bytes);
  if (!content.ok()) {
    Skip(item.rel_path, content.status().IsResourceExhausted() ? "too large" : "unreadable",
         content.status().message());
    return;
  }
  bytes_done_.fetch_add(content->disk_bytes, std::memory_order_relaxed);
  {
    std::lock_guard lock(mu_);
    counts_.bytes += content->disk_bytes;
  }
  Fingerprint fp;
  int64_t published = kNoDate;
  uint64_t body_bytes = 0;
  if (content->kind == DocumentKind::kOther) {
    Skip(item.rel_path, "not html", "");
    return;
  }
  if (content->kind == DocumentKind::kHtml) {
    ExtractOptions eo;
    eo.max_input_bytes = std::max(options_.max_file_bytes, options_.max_decompressed_bytes);
    auto article = ExtractArticle(content->bytes, eo);
    if (!article.ok()) {
      Skip(item.rel_path, article.status().IsResourceExhausted() ? "too large" : "unreadable",
           article.status().message());
      return;
    }
    if (article->blocks.empty()) {
      Skip(item.rel_path, "no article", article->empty_reason);
      return;
    }
    std::vector<std::string> paragraphs;
    paragraphs.reserve(article->blocks.size());
    for (const Block& b : article->blocks) {
      body_bytes += b.text.size();
      paragraphs.push_back(b.text);
    }
    fp = FingerprintParagraphs(paragraphs);
    int64_t t = 0;
    if (!article->published.empty() && internal::IsoToUnixSeconds(article->published, &t)) {
      published = t;
    }
  } else {
    body_bytes = content->bytes.size();
    fp = FingerprintText(content->bytes);
    if (fp.token_count == 0) {
      Skip(item.rel_path, "no article", "empty text");
      return;
    }
  }
  DocRecord r;
  r.simhash = fp.simhash;
  r.exact_high = fp.exact.high;
  r.exact_low = fp.exact.low;
  r.published = published;
  r.path_offset = item.path_offset;
  r.body_bytes = static_cast<uint32_t>(std::min<uint64_t>(body_bytes, UINT32_MAX));
  r.tokens = static_cast<uint32_t>(std::min<uint64_t>(fp.token_count, UINT32_MAX));
  r.shingles = static_cast<uint32_t>(std::min<uint64_t>(fp.shingle_count, UINT32_MAX));
  r.sketch_count = static_cast<uint32_t>(fp.sketch.size());
  std::lock_guard lock(mu_);
  r.sketch_offset = sketches_.Append(fp.sketch.data(), fp.sketch.size());
  records_.PushBack(r);
}

VerifyResult DedupeRun::VerifyPair(uint32_t a, uint32_t b) const {
  const DocRecord& ra = records_[a];
  const DocRecord& rb = records_[b];
  const bool exact = ra.exact_high == rb.exact_high && ra.exact_low == rb.exact_low;
  return internal::VerifyNearDuplicateSorted(ra.simhash, rb.simhash, exact, ra.tokens, rb.tokens,
                                             ra.shingles, rb.shingles, Sketch(a), Sketch(b),
                                             {}, {}, verify_);
}

void DedupeRun::Cluster(UnionFind* uf, const std::vector<uint32_t>& rank) {
  const uint32_t n = static_cast<uint32_t>(records_.appends());
  // 1. Exact duplicates: one sort, then each group joins its first member.
  std::vector<uint32_t> by_exact(n);
  for (uint32_t i = 0; i < n; ++i) by_exact[i] = i;
  std::sort(by_exact.begin(), by_exact.end(), [&](uint32_t a, uint32_t b) {
    const DocRecord& x = records_[a];
    const DocRecord& y = records_[b];
    if (x.exact_high != y.exact_high) return x.exact_high < y.exact_high;
    if (x.exact_low != y.exact_low) return x.exact_low < y.exact_low;
    return rank[a] < rank[b];
  });
  std::vector<uint32_t> leaders;  // one document per distinct text
  for (uint32_t i = 0; i < n;) {
    uint32_t j = i + 1;
    const DocRecord& x = records_[by_exact[i]];
    while (j < n && records_[by_exact[j]].exact_high == x.exact_high &&
           records_[by_exact[j]].exact_low == x.exact_low) {
      ++j;
    }
    leaders.push_back(by_exact[i]);
    // Identical texts still pass the length rule (short texts never match).
    if (j - i > 1 && VerifyPair(by_exact[i], by_exact[i + 1]).is_duplicate) {
      for (uint32_t m = i + 1; m < j; ++m) uf->Union(by_exact[i], by_exact[m]);
    }
    i = j;
  }
  std::vector<uint32_t>().swap(by_exact);

  // 2. Shingle-sketch candidates (catches copies SimHash puts far apart,
  // e.g. a dropped last paragraph). Built and freed before the SimHash index.
  {
    std::vector<std::pair<uint32_t, uint32_t>> keys;  // (sketch value, doc)
    for (uint32_t d : leaders) {
      auto p = Sketch(d);
      for (size_t i = 0; i < std::min(p.size(), kSketchKeys); ++i) keys.emplace_back(p[i], d);
    }
    std::sort(keys.begin(), keys.end());
    std::vector<std::pair<uint32_t, uint32_t>> pairs;
    for (size_t i = 0; i < keys.size();) {
      size_t j = i + 1;
      while (j < keys.size() && keys[j].first == keys[i].first) ++j;
      if (j - i >= 2 && j - i <= kMaxPostings) {
        for (size_t a = i; a < j; ++a) {
          for (size_t b = a + 1; b < j; ++b) pairs.emplace_back(keys[a].second, keys[b].second);
        }
      }
      i = j;
    }
    std::vector<std::pair<uint32_t, uint32_t>>().swap(keys);
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    for (const auto& [a, b] : pairs) {
      if (uf->Find(a) == uf->Find(b)) continue;
      if (VerifyPair(a, b).is_duplicate) uf->Union(a, b);
    }
  }

  // 3. SimHash candidates within max_distance. (Build fails only past 2^32
  // documents, rejected earlier.)
  const Status joined = internal::JoinSimHashNeighbours(
      leaders, options_.max_distance, [&](uint32_t d) { return records_[d].simhash; },
      [&](uint32_t a, uint32_t b) { return VerifyPair(a, b).is_duplicate; }, uf);
  (void)joined;
}

DedupeMember DedupeRun::Member(uint32_t doc, uint32_t rep) const {
  const DocRecord& r = records_[doc];
  DedupeMember m;
  m.path = PathOf(doc);
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

Status DedupeRun::IngestIntoStore(UnionFind* uf, const std::vector<uint32_t>& order) {
  // Pages go in path order, so verdicts (and thus clusters) do not depend on
  // thread count or walk order.
  std::unordered_map<uint64_t, uint32_t> first_doc_of_article;
  for (size_t from = 0; from < order.size(); from += options_.store_batch) {
    const size_t to = std::min(order.size(), from + std::max<size_t>(1, options_.store_batch));
    std::vector<Page> pages;
    std::vector<uint32_t> docs;
    for (size_t i = from; i < to; ++i) {
      const uint32_t d = order[i];
      const std::string rel = PathOf(d);
      auto content = internal::ReadDocument(root_ + "/" + rel, options_.max_file_bytes,
                                            options_.max_decompressed_bytes);
      if (!content.ok()) {
        Skip(rel, "store error", content.status().message());
        continue;
      }
      Page page;
      page.url = "https://dedupe.invalid/" + rel;
      if (content->kind == DocumentKind::kHtml) {
        auto article = ExtractArticle(content->bytes, ExtractOptions());
        if (!article.ok()) {
          Skip(rel, "store error", article.status().message());
          continue;
        }
        const std::string& canonical = article->canonical_url;
        if (canonical.rfind("https://", 0) == 0 || canonical.rfind("http://", 0) == 0) {
          page.url = canonical;
        }
        page.article = *std::move(article);
      } else {
        Article text;
        size_t begin = 0;
        const std::string& s = content->bytes;
        while (begin < s.size()) {
          size_t end = s.find("\n\n", begin);
          if (end == std::string::npos) end = s.size();
          Block b;
          b.text = s.substr(begin, end - begin);
          if (b.text.find_first_not_of(" \t\r\n") != std::string::npos) {
            text.blocks.push_back(std::move(b));
          }
          begin = end + 2;
        }
        page.article = std::move(text);
      }
      pages.push_back(std::move(page));
      docs.push_back(d);
    }
    auto verdicts = options_.store->IngestBatch(pages);
    if (!verdicts.ok()) return verdicts.status().WithContext("dedupe: ingesting into the store");
    for (size_t i = 0; i < verdicts->size(); ++i) {
      const Verdict& v = (*verdicts)[i];
      const uint32_t d = docs[i];
      if (v.kind == VerdictKind::kSkipped) continue;
      auto [it, inserted] = first_doc_of_article.emplace(v.article, d);
      if (!inserted) uf->Union(it->second, d);  // same article identity
      if (v.kind == VerdictKind::kDuplicate) {
        auto of = first_doc_of_article.find(v.of);
        if (of != first_doc_of_article.end()) uf->Union(of->second, d);
      }
    }
  }
  return Status::OK();
}

Result<DedupeResult> DedupeRun::Run() {
  const auto start = std::chrono::steady_clock::now();
  std::error_code ec;
  if (!std::filesystem::is_directory(root_, ec)) {
    if (!std::filesystem::exists(root_, ec)) {
      return Status::NotFound("dedupe: " + root_ + ": no such directory");
    }
    return Status::InvalidArgument("dedupe: " + root_ + ": not a directory");
  }
  if (options_.max_distance < 0 || options_.max_distance > internal::kMaxSupportedK) {
    return Status::InvalidArgument("dedupe: distance " + std::to_string(options_.max_distance) +
                                   " outside 0.." + std::to_string(internal::kMaxSupportedK));
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
  report(true);

  if (records_.appends() >= std::numeric_limits<uint32_t>::max()) {
    return Status::ResourceExhausted("dedupe: more than 2^32-1 documents");
  }
  const uint32_t n = static_cast<uint32_t>(records_.appends());
  std::vector<uint32_t> order(n);  // documents in path order
  for (uint32_t i = 0; i < n; ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](uint32_t a, uint32_t b) { return std::strcmp(PathOf(a), PathOf(b)) < 0; });
  std::vector<uint32_t> rank(n);
  for (uint32_t i = 0; i < n; ++i) rank[order[i]] = i;

  UnionFind uf(n);
  Cluster(&uf, rank);
  // The store's verdicts add what only it knows: pages that are one article
  // (a shared canonical URL), and on later runs, nothing is lost: clusters
  // never depend on what the store already held.
  if (options_.store != nullptr) LIBDIFF_RETURN_IF_ERROR(IngestIntoStore(&uf, order));

  // Components of two or more documents, with their representative.
  auto better = [&](uint32_t a, uint32_t b) {  // is a a better representative than b?
    const DocRecord& x = records_[a];
    const DocRecord& y = records_[b];
    if (x.published != y.published) return x.published < y.published;  // kNoDate is largest
    if (x.body_bytes != y.body_bytes) return x.body_bytes > y.body_bytes;
    return rank[a] < rank[b];
  };
  std::vector<uint32_t> best(n, UINT32_MAX);
  std::vector<uint32_t> size(n, 0);
  for (uint32_t d = 0; d < n; ++d) {
    const uint32_t root = uf.Find(d);
    ++size[root];
    if (best[root] == UINT32_MAX || better(d, best[root])) best[root] = d;
  }
  DedupeResult result = std::move(counts_);
  result.files = files_found_.load();
  result.documents = n;
  std::vector<std::vector<uint32_t>> members_of;  // cluster -> docs in path order
  std::vector<uint32_t> cluster_of(n, UINT32_MAX);
  std::vector<uint32_t> reps;
  for (uint32_t i = 0; i < n; ++i) {  // path order, so members come sorted
    const uint32_t d = order[i];
    const uint32_t root = uf.Find(d);
    if (size[root] < 2) continue;
    if (cluster_of[root] == UINT32_MAX) {
      cluster_of[root] = static_cast<uint32_t>(members_of.size());
      members_of.emplace_back();
      reps.push_back(best[root]);
    }
    if (d != best[root]) members_of[cluster_of[root]].push_back(d);
  }
  std::vector<size_t> cluster_order(members_of.size());
  for (size_t c = 0; c < cluster_order.size(); ++c) cluster_order[c] = c;
  std::sort(cluster_order.begin(), cluster_order.end(),
            [&](size_t a, size_t b) { return rank[reps[a]] < rank[reps[b]]; });
  for (size_t c : cluster_order) {
    DedupeCluster cluster;
    cluster.representative = Member(reps[c], reps[c]);
    std::set<std::pair<uint64_t, uint64_t>> texts{
        {records_[reps[c]].exact_high, records_[reps[c]].exact_low}};
    for (uint32_t d : members_of[c]) {
      cluster.members.push_back(Member(d, reps[c]));
      if (!texts.insert({records_[d].exact_high, records_[d].exact_low}).second) {
        ++result.exact_duplicates;
      }
    }
    result.duplicates += cluster.members.size();
    result.clusters.push_back(std::move(cluster));
  }
  result.skipped = std::move(skipped_);
  std::sort(result.skipped.begin(), result.skipped.end(),
            [](const DedupeSkipped& a, const DedupeSkipped& b) { return a.path < b.path; });
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace

Result<DedupeResult> DedupeDirectory(const std::string& dir, const DedupeOptions& options) {
  std::string root = dir;
  while (root.size() > 1 && root.back() == '/') root.pop_back();
  DedupeRun run(root, options);
  return run.Run();
}

}  // namespace libdiff
