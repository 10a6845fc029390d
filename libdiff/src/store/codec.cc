// Copyright 2026 The libdiff Authors.
#include "store/codec.h"

#include <cstring>
#include <utility>

#include "util/thread_cache.h"

namespace libdiff::internal {

void PutVarint(std::string* out, uint64_t v) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

bool GetVarint(std::string_view* in, uint64_t* v) {
  uint64_t result = 0;
  for (unsigned shift = 0; shift < 64 && !in->empty(); shift += 7) {
    const auto byte = static_cast<unsigned char>(in->front());
    in->remove_prefix(1);
    result |= static_cast<uint64_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) {
      *v = result;
      return true;
    }
  }
  return false;
}

void PutLengthPrefixed(std::string* out, std::string_view s) {
  PutVarint(out, s.size());
  out->append(s);
}

bool GetLengthPrefixed(std::string_view* in, std::string_view* s) {
  uint64_t len = 0;
  if (!GetVarint(in, &len) || len > in->size()) return false;
  *s = in->substr(0, static_cast<size_t>(len));
  in->remove_prefix(static_cast<size_t>(len));
  return true;
}

void PutFixed64BE(std::string* out, uint64_t v) {
  for (int shift = 56; shift >= 0; shift -= 8) {
    out->push_back(static_cast<char>((v >> shift) & 0xff));
  }
}

uint64_t DecodeFixed64BE(const char* p) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | static_cast<unsigned char>(p[i]);
  return v;
}

void PutFixed32BE(std::string* out, uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) {
    out->push_back(static_cast<char>((v >> shift) & 0xff));
  }
}

uint32_t DecodeFixed32BE(const char* p) {
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(p[i]);
  return v;
}

namespace {
// Format 1 lacks body_source; format 2 (written since) stores it after
// empty_reason. Both decode.
constexpr char kArticleFormatV1 = 1;
constexpr char kArticleFormat = 2;
constexpr uint64_t kMaxBlockKind = static_cast<uint64_t>(BlockKind::kTableRow);
}  // namespace

std::string EncodeArticle(const Article& a) {
  std::string out;
  out.reserve(a.title.size() + a.description.size() + 64 + a.blocks.size() * 128);
  out.push_back(kArticleFormat);
  for (const std::string* field : {&a.url, &a.canonical_url, &a.title, &a.site_name, &a.published,
                                   &a.modified, &a.language, &a.description, &a.type,
                                   &a.empty_reason, &a.body_source}) {
    PutLengthPrefixed(&out, *field);
  }
  PutVarint(&out, a.authors.size());
  for (const auto& author : a.authors) PutLengthPrefixed(&out, author);
  PutVarint(&out, a.blocks.size());
  for (const auto& block : a.blocks) {
    out.push_back(static_cast<char>(block.kind));
    PutLengthPrefixed(&out, block.text);
  }
  return out;
}

Result<Article> DecodeArticle(std::string_view in) {
  const auto corrupt = [](const char* what) {
    return Status::Corruption(std::string("stored article: ") + what);
  };
  if (in.empty() || (in.front() != kArticleFormat && in.front() != kArticleFormatV1)) {
    return corrupt("unknown format byte");
  }
  const bool has_body_source = in.front() == kArticleFormat;
  in.remove_prefix(1);
  Article a;
  for (std::string* field : {&a.url, &a.canonical_url, &a.title, &a.site_name, &a.published,
                             &a.modified, &a.language, &a.description, &a.type,
                             &a.empty_reason, &a.body_source}) {
    if (field == &a.body_source && !has_body_source) break;
    std::string_view s;
    if (!GetLengthPrefixed(&in, &s)) return corrupt("truncated metadata");
    field->assign(s);
  }
  uint64_t n = 0;
  if (!GetVarint(&in, &n) || n > in.size()) return corrupt("bad author count");
  for (uint64_t i = 0; i < n; ++i) {
    std::string_view s;
    if (!GetLengthPrefixed(&in, &s)) return corrupt("truncated author");
    a.authors.emplace_back(s);
  }
  if (!GetVarint(&in, &n) || n > in.size()) return corrupt("bad block count");
  a.blocks.reserve(static_cast<size_t>(n));
  for (uint64_t i = 0; i < n; ++i) {
    if (in.empty()) return corrupt("truncated block");
    const auto kind = static_cast<uint64_t>(static_cast<unsigned char>(in.front()));
    in.remove_prefix(1);
    if (kind > kMaxBlockKind) return corrupt("bad block kind");
    std::string_view s;
    if (!GetLengthPrefixed(&in, &s)) return corrupt("truncated block text");
    a.blocks.push_back(Block{static_cast<BlockKind>(kind), std::string(s)});
  }
  if (!in.empty()) return corrupt("trailing bytes");
  return a;
}

SnapshotCodec::SnapshotCodec(int level) : level_(level), cctx_(ZSTD_createCCtx()) {}

namespace {
Status ZstdError(const char* what, size_t code) {
  return Status::Internal(std::string("zstd ") + what + ": " + ZSTD_getErrorName(code));
}
}  // namespace

Result<std::string> SnapshotCodec::Compress(std::string_view data) {
  return CompressDelta({}, data);
}

Result<std::string> SnapshotCodec::CompressDelta(std::string_view base, std::string_view data) {
  if (!cctx_) return Status::ResourceExhausted("zstd: cannot allocate a compression context");
  ZSTD_CCtx* c = cctx_.get();
  ZSTD_CCtx_reset(c, ZSTD_reset_session_and_parameters);
  size_t rc = ZSTD_CCtx_setParameter(c, ZSTD_c_compressionLevel, level_);
  if (ZSTD_isError(rc)) return ZstdError("level", rc);
  // The frame header's 4-byte magic and the dictionary id are constant here; a
  // checksum stays on (4 bytes) so a damaged record is reported, not decoded.
  ZSTD_CCtx_setParameter(c, ZSTD_c_checksumFlag, 1);
  ZSTD_CCtx_setParameter(c, ZSTD_c_dictIDFlag, 0);
  if (!base.empty()) {
    // The window must cover base + data so every match into the base is legal.
    unsigned log = 10;
    while ((size_t{1} << log) < base.size() + data.size() && log < 27) ++log;
    ZSTD_CCtx_setParameter(c, ZSTD_c_windowLog, static_cast<int>(log));
    rc = ZSTD_CCtx_refPrefix(c, base.data(), base.size());
    if (ZSTD_isError(rc)) return ZstdError("refPrefix", rc);
  }
  std::string out(ZSTD_compressBound(data.size()), '\0');
  rc = ZSTD_compress2(c, out.data(), out.size(), data.data(), data.size());
  if (ZSTD_isError(rc)) return ZstdError("compress", rc);
  out.resize(rc);
  return out;
}

Result<std::string> SnapshotCodec::Decompress(std::string_view frame, std::string_view base,
                                              size_t max_size) {
  // One context per thread, reused between calls; a ThreadCache, so a call
  // at thread or process exit finds it intact.
  struct DecompressionContext {
    ZSTD_DCtx* d = ZSTD_createDCtx();
    ~DecompressionContext() { ZSTD_freeDCtx(d); }
  };
  internal::ThreadCache<DecompressionContext> dctx;
  if (dctx->d == nullptr) {
    return Status::ResourceExhausted("zstd: cannot allocate a decompression context");
  }
  const unsigned long long size = ZSTD_getFrameContentSize(frame.data(), frame.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN) {
    return Status::Corruption("stored snapshot: not a zstd frame with a content size");
  }
  if (size > max_size) {
    return Status::Corruption("stored snapshot: content size " + std::to_string(size) +
                              " exceeds the limit");
  }
  ZSTD_DCtx* d = dctx->d;
  ZSTD_DCtx_reset(d, ZSTD_reset_session_and_parameters);
  if (!base.empty()) {
    const size_t rc = ZSTD_DCtx_refPrefix(d, base.data(), base.size());
    if (ZSTD_isError(rc)) return ZstdError("refPrefix", rc);
  }
  std::string out(static_cast<size_t>(size), '\0');
  const size_t rc = ZSTD_decompressDCtx(d, out.data(), out.size(), frame.data(), frame.size());
  if (ZSTD_isError(rc) || rc != out.size()) {
    return Status::Corruption(std::string("stored snapshot: ") +
                              (ZSTD_isError(rc) ? ZSTD_getErrorName(rc) : "size mismatch"));
  }
  return out;
}

}  // namespace libdiff::internal
