// Copyright 2026 The libdiff Authors.
//
// PathArena: the relative paths of a directory walk, numbered 0, 1, ... in
// the order they are added and front-coded as LevelDB's blocks are. Each path
// is stored as the length of the prefix it shares with the path before it,
// the length of the rest, and the rest; every kBlock-th path starts a block
// and is stored whole, so Get(i) decodes at most kBlock paths. A walk adds
// paths in sorted order, where neighbours share their directories, so a path
// costs its new bytes plus two or three bytes, not its full length.
//
// Not thread-safe: one writer, or readers once writing is done.
#ifndef LIBDIFF_DEDUPE_PATH_ARENA_H_
#define LIBDIFF_DEDUPE_PATH_ARENA_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "dedupe/chunked_array.h"

namespace libdiff::internal {

class PathArena {
 public:
  static constexpr uint32_t kBlock = 16;
  // The longest path Add accepts: a sealed block (kBlock paths with their
  // headers) must fit one chunk.
  static constexpr size_t kMaxPath = 4096;

  // Adds `path` as number size(). REQUIRES: path.size() <= kMaxPath.
  uint32_t Add(std::string_view path) {
    const uint32_t id = count_++;
    size_t shared = 0;
    if (id % kBlock != 0) {
      const size_t limit = std::min(path.size(), last_.size());
      while (shared < limit && path[shared] == last_[shared]) ++shared;
    }
    PutVarint(&open_, shared);
    PutVarint(&open_, path.size() - shared);
    open_.append(path.substr(shared));
    last_.assign(path);
    if (count_ % kBlock == 0) Seal();
    return id;
  }

  // Path number `id`. REQUIRES: id < size().
  std::string Get(uint32_t id) const {
    const uint32_t block = id / kBlock;
    const char* p = block < block_offsets_.appends() ? bytes_.At(block_offsets_[block])
                                                     : open_.data();
    std::string path;
    for (uint32_t i = block * kBlock;; ++i) {
      const uint64_t shared = GetVarint(&p);
      const uint64_t rest = GetVarint(&p);
      path.resize(shared);
      path.append(p, rest);
      p += rest;
      if (i == id) return path;
    }
  }

  uint32_t size() const { return count_; }
  size_t MemoryBytes() const {
    return bytes_.MemoryBytes() + block_offsets_.MemoryBytes() + open_.capacity() +
           last_.capacity();
  }

 private:
  static void PutVarint(std::string* out, uint64_t v) {
    while (v >= 0x80) {
      out->push_back(static_cast<char>((v & 0x7F) | 0x80));
      v >>= 7;
    }
    out->push_back(static_cast<char>(v));
  }
  static uint64_t GetVarint(const char** p) {
    uint64_t v = 0;
    for (int shift = 0;; shift += 7) {
      const auto byte = static_cast<unsigned char>(*(*p)++);
      v |= static_cast<uint64_t>(byte & 0x7F) << shift;
      if (byte < 0x80) return v;
    }
  }
  void Seal() {
    block_offsets_.PushBack(bytes_.Append(open_.data(), open_.size()));
    open_.clear();
  }

  // 17 bits: a block of kBlock paths of kMaxPath bytes fits one chunk.
  ChunkedArray<char, 17> bytes_;             // sealed blocks
  ChunkedArray<uint64_t, 12> block_offsets_;  // where each sealed block starts in bytes_
  std::string open_;                         // the block being filled
  std::string last_;                         // the path added last
  uint32_t count_ = 0;
};

}  // namespace libdiff::internal

#endif  // LIBDIFF_DEDUPE_PATH_ARENA_H_
