// Copyright 2026 The libdiff Authors.
//
// WarcStream: the bytes of a WARC file, decompressed when it is gzip (one
// member per record or one stream over the file), read in 64 KiB pieces, with
// the file offset of each gzip member so records can be named by the offset
// CDX indexes use. Private to libdiff.
//
// Thread safety: one thread at a time.
#ifndef LIBDIFF_WARC_WARC_STREAM_H_
#define LIBDIFF_WARC_WARC_STREAM_H_

#include <zlib.h>

#include <cstdint>
#include <cstdio>
#include <deque>
#include <memory>
#include <string>
#include <utility>

#include "libdiff/status.h"

namespace libdiff::internal {

class WarcStream {
 public:
  // Reads `file` (owned: closed by the destructor unless it is stdin), or
  // `memory` when `file` is null. Error messages name offsets, not the file:
  // the caller adds its name.
  WarcStream(FILE* file, std::string memory);
  ~WarcStream();
  WarcStream(const WarcStream&) = delete;
  WarcStream& operator=(const WarcStream&) = delete;

  // Skips the blank lines between records; false at a clean end of file.
  Result<bool> SkipBlankLines();
  // Reads one line without its "\n" (and "\r"); false at end of file before
  // any byte. A line longer than `max` fails with kCorruption.
  Result<bool> ReadLine(std::string* line, size_t max);
  // Appends exactly `n` bytes to *out; kCorruption when the data ends first.
  Status Read(uint64_t n, std::string* out);
  // Discards exactly `n` bytes; kCorruption when the data ends first.
  Status Skip(uint64_t n);

  // Where the next byte starts: the member's file offset when a gzip member
  // starts there, else the offset in the (decompressed) stream.
  uint64_t Offset();
  uint64_t bytes_in() const { return bytes_in_; }
  uint64_t bytes_out() const { return out_offset_ + (out_.size() - out_pos_); }

 private:
  // Appends more decompressed bytes to out_; false at the end of the data.
  Result<bool> Fill();
  Result<bool> FillRaw();   // more bytes of the file into in_
  Result<bool> Inflate();   // decompresses from in_ into out_
  // With libdeflate: decodes the gzip member at in_pos_ whole, when it fits
  // the buffered input and 16 MiB of output; false leaves it to zlib.
  Result<bool> InflateWholeMember();

  FILE* file_;
  std::string memory_;
  size_t memory_pos_ = 0;

  bool sniffed_ = false;
  bool gzip_ = false;
  bool in_member_ = false;  // inflate is inside a gzip member
  bool eof_ = false;
  z_stream zs_{};
  bool zs_init_ = false;
  void* whole_member_decoder_ = nullptr;  // libdeflate_decompressor, when built with it
  bool whole_members_ = true;             // false after libdeflate declined one member
  std::unique_ptr<char[]> scratch_;       // libdeflate's output
  size_t scratch_size_ = 0;

  std::string in_;          // compressed bytes not yet given to inflate
  size_t in_pos_ = 0;
  uint64_t in_offset_ = 0;  // file offset of in_[in_pos_]
  uint64_t bytes_in_ = 0;

  std::string out_;          // decompressed bytes not yet consumed, from out_pos_
  size_t out_pos_ = 0;
  uint64_t out_offset_ = 0;  // stream offset of out_[out_pos_]
  uint64_t produced_ = 0;    // decompressed bytes produced so far
  // (stream offset, file offset) of gzip members not yet passed.
  std::deque<std::pair<uint64_t, uint64_t>> members_;
};

}  // namespace libdiff::internal

#endif  // LIBDIFF_WARC_WARC_STREAM_H_
