// Copyright 2026 The libdiff Authors.
//
// ChunkedArray<T>: an append-only array in fixed chunks of 2^kChunkBits
// items. Unlike std::vector it never copies what it holds to grow, so memory
// is the items plus at most one partly filled chunk — no doubling peak. Used
// for dedupe's per-document records, sketches and paths.
#ifndef LIBDIFF_DEDUPE_CHUNKED_ARRAY_H_
#define LIBDIFF_DEDUPE_CHUNKED_ARRAY_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace libdiff::internal {

template <typename T, int kChunkBits = 16>
class ChunkedArray {
 public:
  static constexpr uint64_t kChunk = uint64_t{1} << kChunkBits;

  // Appends items [first, first + n) contiguously (starting a new chunk when
  // the current one cannot hold them all) and returns the offset of the
  // first. REQUIRES: n <= kChunk.
  uint64_t Append(const T* first, size_t n) {
    ++count_;
    if (n == 0) return size_;  // nothing to place (the offset may be past the last chunk)
    if (size_ % kChunk + n > kChunk) size_ = (size_ / kChunk + 1) * kChunk;
    while (size_ + n > chunks_.size() * kChunk) chunks_.push_back(std::make_unique<T[]>(kChunk));
    const uint64_t at = size_;
    std::copy(first, first + n, &chunks_[at >> kChunkBits][at & (kChunk - 1)]);
    size_ += n;
    return at;
  }
  uint64_t PushBack(const T& item) { return Append(&item, 1); }

  // Index mode, for arrays filled by position rather than by Append: makes
  // items [0, n) addressable (new ones value-initialised). Use one mode per
  // array.
  void Resize(uint64_t n) {
    while (chunks_.size() * kChunk < n) chunks_.push_back(std::make_unique<T[]>(kChunk));
    size_ = std::max(size_, n);
  }
  // REQUIRES: offset < size().
  T& Mutable(uint64_t offset) { return chunks_[offset >> kChunkBits][offset & (kChunk - 1)]; }

  // The item at `offset`; the items of one Append follow it contiguously.
  // REQUIRES: offset < size() (an empty Append's offset is not an item).
  const T& operator[](uint64_t offset) const {
    return chunks_[offset >> kChunkBits][offset & (kChunk - 1)];
  }
  const T* At(uint64_t offset) const { return &(*this)[offset]; }

  // Offsets used so far (items plus the padding before chunk starts).
  uint64_t size() const { return size_; }
  // Append/PushBack calls so far.
  uint64_t appends() const { return count_; }
  size_t MemoryBytes() const {
    return chunks_.size() * kChunk * sizeof(T) + chunks_.capacity() * sizeof(chunks_[0]);
  }

 private:
  std::vector<std::unique_ptr<T[]>> chunks_;
  uint64_t size_ = 0;
  uint64_t count_ = 0;
};

}  // namespace libdiff::internal

#endif  // LIBDIFF_DEDUPE_CHUNKED_ARRAY_H_
