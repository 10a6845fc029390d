// Copyright 2026 The libdiff Authors.
//
// Byte encodings of the store: varints, an Article's canonical serialisation,
// and the zstd snapshot codec (whole keyframes, and deltas that use the previous
// revision's serialisation as a zstd prefix). Private to libdiff.
//
// Thread safety: the free functions are safe to call concurrently; a
// SnapshotCodec object is used by one thread at a time.
#ifndef LIBDIFF_STORE_CODEC_H_
#define LIBDIFF_STORE_CODEC_H_

#include <zstd.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "libdiff/article.h"
#include "libdiff/status.h"

namespace libdiff::internal {

// LEB128 varints and fixed big-endian integers (big-endian keys sort numerically).
void PutVarint(std::string* out, uint64_t v);
// Reads a varint from the front of `in` and advances it; false on truncation/overflow.
bool GetVarint(std::string_view* in, uint64_t* v);
void PutLengthPrefixed(std::string* out, std::string_view s);
bool GetLengthPrefixed(std::string_view* in, std::string_view* s);
void PutFixed64BE(std::string* out, uint64_t v);
uint64_t DecodeFixed64BE(const char* p);
void PutFixed32BE(std::string* out, uint32_t v);
uint32_t DecodeFixed32BE(const char* p);

// The canonical serialisation of an Article (format byte 1, then every field
// length-prefixed, body blocks last). Equal articles give equal bytes, and
// DecodeArticle(EncodeArticle(a)) == a.
std::string EncodeArticle(const Article& article);
Result<Article> DecodeArticle(std::string_view bytes);

// Compresses snapshots. Keyframes are ordinary zstd frames; deltas are zstd
// frames compressed with the previous revision's bytes referenced as a prefix
// (ZSTD_CCtx_refPrefix), so text shared with it costs a few bytes per match.
class SnapshotCodec {
 public:
  explicit SnapshotCodec(int level);
  SnapshotCodec(const SnapshotCodec&) = delete;
  SnapshotCodec& operator=(const SnapshotCodec&) = delete;

  Result<std::string> Compress(std::string_view data);
  // REQUIRES: CanDelta(base.size(), data.size())
  Result<std::string> CompressDelta(std::string_view base, std::string_view data);

  // Decompresses a frame of at most `max_size` bytes (corrupt or larger ->
  // kCorruption). `base` is the prefix a delta was made with ("" for keyframes).
  static Result<std::string> Decompress(std::string_view frame, std::string_view base,
                                        size_t max_size);

  // Deltas keep the base inside the default decoder window (2^27 bytes).
  static bool CanDelta(size_t base_size, size_t data_size) {
    return base_size + data_size < (size_t{1} << 26);
  }

 private:
  struct CCtxDeleter {
    void operator()(ZSTD_CCtx* c) const { ZSTD_freeCCtx(c); }
  };
  int level_;
  std::unique_ptr<ZSTD_CCtx, CCtxDeleter> cctx_;
};

}  // namespace libdiff::internal

#endif  // LIBDIFF_STORE_CODEC_H_
