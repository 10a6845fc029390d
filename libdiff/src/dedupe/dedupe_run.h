// Copyright 2026 The libdiff Authors.
//
// DedupeRun: the state one DedupeInputs call shares between its threads, and
// the per-file records it keeps by file number. dedupe.cc runs it (workers,
// the store's ingester, clustering); inputs.cc lists the documents of its
// inputs (the walk). Private to libdiff's dedupe stage.
//
// Thread safety: one DedupeRun per call; its members say which thread writes
// them and which lock guards them.
#ifndef LIBDIFF_DEDUPE_DEDUPE_RUN_H_
#define LIBDIFF_DEDUPE_DEDUPE_RUN_H_

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <limits>
#include <map>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "dedupe/chunked_array.h"
#include "dedupe/cluster.h"
#include "dedupe/path_arena.h"
#include "index/near_duplicate_index.h"
#include "libdiff/dedupe.h"
#include "libdiff/fingerprint.h"
#include "libdiff/status.h"
#include "libdiff/store.h"

namespace libdiff::internal {

constexpr int64_t kNoDate = std::numeric_limits<int64_t>::max();
constexpr uint32_t kMaxFiles = std::numeric_limits<uint32_t>::max() - 1;

// Per-file state, at the file's number: 48 bytes.
struct DocRecord {
  uint64_t simhash = 0;
  uint64_t exact_high = 0;
  uint64_t exact_low = 0;
  int64_t published = kNoDate;
  uint32_t body_bytes = 0;
  uint32_t tokens = 0;
  uint32_t shingles = 0;
  uint16_t sketch_count = 0;
  uint16_t is_document = 0;  // 0: the file was skipped
};
static_assert(sizeof(DocRecord) == 48);

struct SketchSlots {
  uint32_t values[kSketchSize];
};

struct WorkItem {
  uint32_t doc = 0;  // the file's number
  std::string full_path;
  std::string rel_path;
  // A WARC member ("FILE#OFFSET"): its HTML is read by the walker, not from
  // full_path.
  bool warc_member = false;
  // A page of a page list: filed in the store under `url` (not its
  // canonical URL), fetched at `fetched_at`.
  bool listed = false;
  int64_t fetched_at = 0;
  std::string url;
  std::string content_type;
  std::string html;
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
// Everything one call shares between its threads.
class DedupeRun {
 public:
  DedupeRun(std::vector<std::string> inputs, const std::vector<DedupePage>& pages,
            const DedupeOptions& options)
      : inputs_(std::move(inputs)),
        pages_(pages),
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
  // One input, resolved by ResolveInputs: a directory, a WARC file, a file
  // or a listed page.
  struct Input {
    enum class Kind { kDirectory, kWarc, kFile, kPage };
    Kind kind = Kind::kFile;
    std::string path;  // as given, trailing '/' removed (a page's as given)
    const DedupePage* page = nullptr;  // kPage: the page, in pages_
  };
  // Checks the inputs and puts them in walk order (see DedupeInputs).
  Status ResolveInputs();
  // Checks the pages and merges them into resolved_ in byte order of their
  // paths (see DedupeInputs with pages).
  Status MergePages();
  // Queues every input's documents in byte order of their names.
  void Walk();
  // Queues the files under `root`, named `prefix` + their relative path.
  // Returns false when the walk must stop (too many files).
  bool WalkTree(const std::string& root, const std::string& prefix);
  // Queues the HTML records of the WARC at `full`, named "<rel>#<offset>".
  // Returns false when the walk must stop (too many files).
  bool WalkWarc(const std::string& full, const std::string& rel);
  bool Enqueue(WorkItem item);
  void Work();
  // Reads, extracts and fingerprints one file; with a store, also returns
  // the page to file in it (nullopt when the file is not a document).
  std::optional<Page> ProcessOne(const WorkItem& item);
  void HandToStore(uint32_t doc, const std::string& rel, std::optional<Page> page);
  void IngestInOrder();
  void Skip(const std::string& rel, const char* reason, std::string detail);
  void Cluster(UnionFind* uf);
  void VerifySketchCandidates(const std::vector<uint32_t>& leaders,
                              internal::DuplicatePairs* pairs) const;
  void EmitClusters(UnionFind* uf, DedupeResult* result);
  VerifyResult VerifyPair(uint32_t a, uint32_t b) const;
  std::span<const uint32_t> Sketch(uint32_t doc) const {
    return {sketches_[doc].values, records_[doc].sketch_count};
  }
  std::string PathOf(uint32_t doc) const { return paths_.Get(doc); }
  DedupeMember Member(uint32_t doc, uint32_t rep) const;

  std::vector<std::string> inputs_;
  const std::vector<DedupePage>& pages_;
  std::vector<Input> resolved_;
  const DedupeOptions& options_;
  const int threads_;
  VerifyOptions verify_;
  BoundedQueue queue_;

  // Written by the walker only; read after it finishes.
  internal::PathArena paths_;  // relative paths by file number
  internal::PathArena urls_;   // WARC members' and listed pages' URLs by file number
  std::atomic<uint64_t> files_found_{0};
  std::atomic<bool> walk_finished_{false};
  std::atomic<bool> too_many_files_{false};
  std::atomic<uint64_t> files_done_{0};
  std::atomic<uint64_t> bytes_done_{0};

  std::mutex mu_;  // guards everything below during the parallel phase
  internal::ChunkedArray<DocRecord, 12> records_;  // by file number
  internal::ChunkedArray<SketchSlots, 11> sketches_;  // by file number
  std::vector<DedupeSkipped> skipped_;
  DedupeResult counts_;
  uint64_t documents_ = 0;

  // With a store: the workers' pages wait here, by file number, until the
  // ingester (IngestInOrder) files them in path order. Workers holding a
  // later file wait while it is full; the one holding the next never does.
  std::mutex store_mu_;
  std::condition_variable store_cv_;
  struct StorePage {
    std::string rel;
    Page page;
  };
  std::map<uint32_t, std::optional<StorePage>> waiting_;  // guarded by store_mu_
  uint32_t next_to_ingest_ = 0;                        // guarded by store_mu_
  bool workers_done_ = false;                          // guarded by store_mu_
  size_t max_waiting_ = 0;
  // Written by the ingester only; read after it finishes.
  Status store_status_;
  std::vector<std::pair<uint32_t, uint32_t>> store_links_;  // pages the store linked
};

}  // namespace libdiff::internal

#endif  // LIBDIFF_DEDUPE_DEDUPE_RUN_H_
