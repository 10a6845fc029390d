// Copyright 2026 The libdiff Authors.
#include "warc/warc_stream.h"

#include <algorithm>
#include <new>
#include <cerrno>
#include <cstring>

#ifdef LIBDIFF_HAVE_LIBDEFLATE
#include <libdeflate.h>
#endif

namespace libdiff::internal {
namespace {

constexpr size_t kChunk = size_t{64} << 10;
// libdeflate decodes a member whole: at most this much of it is buffered,
// and its output may grow to kMaxWholeOutput before zlib takes over.
constexpr size_t kWholeMemberInput = size_t{4} << 20;
constexpr size_t kMaxWholeOutput = size_t{16} << 20;

}  // namespace

WarcStream::WarcStream(FILE* file, std::string memory)
    : file_(file), memory_(std::move(memory)) {}

WarcStream::~WarcStream() {
  if (zs_init_) inflateEnd(&zs_);
#ifdef LIBDIFF_HAVE_LIBDEFLATE
  if (whole_member_decoder_ != nullptr) {
    libdeflate_free_decompressor(static_cast<libdeflate_decompressor*>(whole_member_decoder_));
  }
#endif
  if (file_ != nullptr && file_ != stdin) std::fclose(file_);
}

Result<bool> WarcStream::FillRaw() {
  if (in_pos_ > 0 && in_pos_ >= in_.size() / 2) {
    in_.erase(0, in_pos_);
    in_pos_ = 0;
  }
  size_t n = 0;
  if (file_ != nullptr) {
    const size_t old = in_.size();
    in_.resize(old + kChunk);
    n = std::fread(in_.data() + old, 1, kChunk, file_);
    in_.resize(old + n);
    if (n == 0 && std::ferror(file_)) {
      return Status::IOError(std::string("read failed: ") + std::strerror(errno));
    }
  } else {
    n = std::min(kChunk, memory_.size() - memory_pos_);
    in_.append(memory_, memory_pos_, n);
    memory_pos_ += n;
  }
  bytes_in_ += n;
  return n > 0;
}

Result<bool> WarcStream::Inflate() {
  if (!in_member_) {
    while (in_.size() - in_pos_ < 2) {
      LIBDIFF_ASSIGN_OR_RETURN(bool more, FillRaw());
      if (!more) break;
    }
    if (in_pos_ == in_.size()) return false;  // the end, between members
    if (in_.size() - in_pos_ < 2 || static_cast<unsigned char>(in_[in_pos_]) != 0x1f ||
        static_cast<unsigned char>(in_[in_pos_ + 1]) != 0x8b) {
      return Status::Corruption("offset " + std::to_string(in_offset_) +
                                ": not a gzip member (garbage after the previous one)");
    }
    if (whole_members_) {
      LIBDIFF_ASSIGN_OR_RETURN(bool done, InflateWholeMember());
      if (done) return true;
    }
    if (!zs_init_) {
      if (inflateInit2(&zs_, 15 + 16) != Z_OK) return Status::Internal("gzip: inflateInit2 failed");
      zs_init_ = true;
    } else {
      inflateReset(&zs_);
    }
    members_.emplace_back(produced_, in_offset_);
    in_member_ = true;
  }
  const uint64_t member_offset = members_.empty() ? 0 : members_.back().second;
  for (;;) {
    if (in_pos_ == in_.size()) {
      LIBDIFF_ASSIGN_OR_RETURN(bool more, FillRaw());
      if (!more) {
        return Status::Corruption("gzip member at offset " +
                                  std::to_string(member_offset) + " is truncated");
      }
    }
    zs_.next_in = reinterpret_cast<Bytef*>(in_.data() + in_pos_);
    zs_.avail_in = static_cast<uInt>(std::min<size_t>(in_.size() - in_pos_, UINT32_MAX));
    // Inflates straight into out_ (no bounce buffer: this copy is most of
    // the reader's cost on large pages).
    const size_t old_size = out_.size();
    out_.resize(old_size + kChunk);
    zs_.next_out = reinterpret_cast<Bytef*>(out_.data() + old_size);
    zs_.avail_out = static_cast<uInt>(kChunk);
    const uInt before = zs_.avail_in;
    const int rc = inflate(&zs_, Z_NO_FLUSH);
    const size_t consumed = before - zs_.avail_in;
    in_pos_ += consumed;
    in_offset_ += consumed;
    const size_t got = kChunk - zs_.avail_out;
    out_.resize(old_size + got);
    produced_ += got;
    if (rc == Z_STREAM_END) {
      in_member_ = false;
      return true;
    }
    if (rc == Z_BUF_ERROR && zs_.avail_in == 0) continue;  // needs more input
    if (rc != Z_OK) {
      return Status::Corruption("gzip member at offset " +
                                std::to_string(member_offset) + ": " +
                                (zs_.msg != nullptr ? zs_.msg : "damaged data"));
    }
    if (got > 0) return true;
  }
}

Result<bool> WarcStream::InflateWholeMember() {
#ifdef LIBDIFF_HAVE_LIBDEFLATE
  // Per-record members (the usual .warc.gz) are small: libdeflate decodes one
  // whole two to three times faster than zlib streams it. Anything it
  // declines (a member larger than the buffered input or than
  // kMaxWholeOutput, damage) goes to zlib, which streams it and reports
  // damage; after one decline the file is read by zlib alone (a whole-file
  // gzip stream is declined once).
  while (in_.size() - in_pos_ < kWholeMemberInput) {
    LIBDIFF_ASSIGN_OR_RETURN(bool more, FillRaw());
    if (!more) break;
  }
  if (whole_member_decoder_ == nullptr) {
    whole_member_decoder_ = libdeflate_alloc_decompressor();
    if (whole_member_decoder_ == nullptr) throw std::bad_alloc();
  }
  auto* decoder = static_cast<libdeflate_decompressor*>(whole_member_decoder_);
  // 1 MiB of output first (a news page), less for a small file.
  const size_t first = std::clamp<size_t>((in_.size() - in_pos_) * 16, kChunk, size_t{1} << 20);
  for (size_t cap = first; cap <= kMaxWholeOutput; cap *= 4) {
    if (scratch_size_ < cap) {
      scratch_.reset(new char[cap]);  // not zeroed: libdeflate writes what it returns
      scratch_size_ = cap;
    }
    size_t used_in = 0, used_out = 0;
    const libdeflate_result r = libdeflate_gzip_decompress_ex(
        decoder, in_.data() + in_pos_, in_.size() - in_pos_, scratch_.get(), scratch_size_,
        &used_in, &used_out);
    if (r == LIBDEFLATE_INSUFFICIENT_SPACE) continue;
    if (r != LIBDEFLATE_SUCCESS) break;
    members_.emplace_back(produced_, in_offset_);
    out_.append(scratch_.get(), used_out);
    produced_ += used_out;
    in_pos_ += used_in;
    in_offset_ += used_in;
    if (scratch_size_ > kWholeMemberInput) {  // keep the common case's buffer only
      scratch_.reset();
      scratch_size_ = 0;
    }
    return true;
  }
  whole_members_ = false;
  scratch_.reset();
  scratch_size_ = 0;
#endif
  return false;
}

Result<bool> WarcStream::Fill() {
  if (eof_) return false;
  if (out_pos_ >= kChunk && out_pos_ >= out_.size() / 2) {
    out_.erase(0, out_pos_);
    out_pos_ = 0;
  }
  if (!sniffed_) {
    while (in_.size() < 2) {
      LIBDIFF_ASSIGN_OR_RETURN(bool more, FillRaw());
      if (!more) break;
    }
    sniffed_ = true;
    gzip_ = in_.size() >= 2 && static_cast<unsigned char>(in_[0]) == 0x1f &&
            static_cast<unsigned char>(in_[1]) == 0x8b;
  }
  Result<bool> more = false;
  if (gzip_) {
    more = Inflate();
  } else {
    if (in_pos_ == in_.size()) more = FillRaw();
    if (more.ok() && in_pos_ < in_.size()) {
      out_.append(in_, in_pos_, std::string::npos);
      produced_ += in_.size() - in_pos_;
      in_offset_ += in_.size() - in_pos_;
      in_pos_ = in_.size();
      more = true;
    }
  }
  if (!more.ok()) {
    eof_ = true;
    return more.status();
  }
  if (!*more) eof_ = true;
  return *more;
}

Result<bool> WarcStream::SkipBlankLines() {
  for (;;) {
    while (out_pos_ < out_.size() && (out_[out_pos_] == '\r' || out_[out_pos_] == '\n')) {
      ++out_pos_;
      ++out_offset_;
    }
    if (out_pos_ < out_.size()) return true;
    LIBDIFF_ASSIGN_OR_RETURN(bool more, Fill());
    if (!more) return false;
  }
}

Result<bool> WarcStream::ReadLine(std::string* line, size_t max) {
  line->clear();
  size_t searched = out_pos_;
  for (;;) {
    const size_t nl = out_.find('\n', searched);
    if (nl != std::string::npos) {
      if (nl - out_pos_ > max) break;
      line->assign(out_, out_pos_, nl - out_pos_);
      out_offset_ += nl + 1 - out_pos_;
      out_pos_ = nl + 1;
      if (!line->empty() && line->back() == '\r') line->pop_back();
      return true;
    }
    if (out_.size() - out_pos_ > max) break;
    const size_t kept = out_.size() - out_pos_;
    LIBDIFF_ASSIGN_OR_RETURN(bool more, Fill());
    searched = out_pos_ + kept;  // Fill may have moved the data to the front
    if (!more) {
      if (kept == 0) return false;
      line->assign(out_, out_pos_, kept);
      out_offset_ += kept;
      out_pos_ = out_.size();
      return true;
    }
  }
  return Status::Corruption("offset " + std::to_string(out_offset_) +
                            ": header line longer than " + std::to_string(max) + " bytes");
}

Status WarcStream::Read(uint64_t n, std::string* out) {
  while (n > 0) {
    if (out_pos_ == out_.size()) {
      LIBDIFF_ASSIGN_OR_RETURN(bool more, Fill());
      if (!more) {
        return Status::Corruption("data ends " + std::to_string(n) +
                                  " bytes before the end of the record");
      }
    }
    const size_t take = static_cast<size_t>(std::min<uint64_t>(n, out_.size() - out_pos_));
    if (out != nullptr) out->append(out_, out_pos_, take);
    out_pos_ += take;
    out_offset_ += take;
    n -= take;
  }
  return Status::OK();
}

Status WarcStream::Skip(uint64_t n) { return Read(n, nullptr); }

uint64_t WarcStream::Offset() {
  while (!members_.empty() && members_.front().first < out_offset_) members_.pop_front();
  if (!members_.empty() && members_.front().first == out_offset_) return members_.front().second;
  return out_offset_;
}

}  // namespace libdiff::internal
