// Copyright 2026 The libdiff Authors.
//
// Fuzzes the store's decoders (store/codec.h, store/lmdb/revision_store.h) with what a
// damaged or foreign data.mdb could hold: corrupt zstd frames, corrupt article
// serialisations, corrupt article and revision records, and corrupt delta chains
// read back through RevisionStore::ReadSnapshot from a real LMDB environment.
//
// Input layout: byte 0 picks the mode (mod 7), the rest is mode-specific:
//   0  DecodeArticle(rest)                  ok -> re-encodes to a decodable equal article
//   1  ArticleRecord::Decode(rest)          ok -> Encode/Decode round trip
//   2  RevisionRecord::Decode(rest)         ok -> Encode/Decode round trip
//   3  Decompress(rest, no base)            ok -> within max_size
//   4  u32be n, base[n], frame              Decompress(frame, base)
//   5  u32be n, base[n], u8 flip, data      Compress(Delta) round-trips exactly; the
//                                           frame with one byte changed decodes or fails
//                                           with kCorruption, never crashes
//   6  u8 query, then records: u8 rev, u32be n, bytes[n]
//                                           written as revisions of article 1 in an
//                                           aborted write transaction; ReadSnapshot(query)
//                                           then DecodeArticle must fail cleanly or succeed
// Every failure must be kCorruption or kNotFound (mode 6), never a crash, an
// exception, a hang or an allocation past the documented limits.
//
// With LIBDIFF_FUZZ_WRITE_SEEDS=DIR (and LIBDIFF_FUZZ_SAMPLES_DIR) the target writes
// valid inputs for every mode, built from samples/texts, and exits.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.h"
#include "libdiff/article.h"
#include "store/codec.h"
#include "store/lmdb/environment.h"
#include "store/lmdb/revision_store.h"
#include "util/file.h"

namespace {

using libdiff::Article;
using libdiff::Result;
using libdiff::Status;
using libdiff::internal::ArticleRecord;
using libdiff::internal::RevisionRecord;
using libdiff::internal::SnapshotCodec;

constexpr size_t kMaxFrameBytes = size_t{1} << 20;

uint32_t TakeU32(std::string_view* in) {
  if (in->size() < 4) {
    in->remove_prefix(in->size());
    return 0;
  }
  const uint32_t v = libdiff::internal::DecodeFixed32BE(in->data());
  in->remove_prefix(4);
  return v;
}

void CheckFailure(const Status& s, bool allow_not_found) {
  LIBDIFF_FUZZ_CHECK(s.IsCorruption() || (allow_not_found && s.IsNotFound()),
                     "decoders fail with kCorruption");
  LIBDIFF_FUZZ_CHECK(!s.message().empty(), "failures carry a message");
}

void FuzzArticle(std::string_view in) {
  const Result<Article> a = libdiff::internal::DecodeArticle(in);
  if (!a.ok()) return CheckFailure(a.status(), false);
  const std::string encoded = libdiff::internal::EncodeArticle(*a);
  // A format-1 record (written before body_source was kept) re-encodes as
  // format 2, one byte longer: the empty body_source's length.
  const size_t older_format_growth = !in.empty() && in.front() == 1 ? 1 : 0;
  LIBDIFF_FUZZ_CHECK(encoded.size() <= in.size() + older_format_growth,
                     "the canonical encoding is the shortest");
  const Result<Article> again = libdiff::internal::DecodeArticle(encoded);
  LIBDIFF_FUZZ_CHECK(again.ok() && *again == *a, "articles round-trip through the encoding");
}

void FuzzArticleRecord(std::string_view in) {
  const Result<ArticleRecord> r = ArticleRecord::Decode(in);
  if (!r.ok()) return CheckFailure(r.status(), false);
  const Result<ArticleRecord> again = ArticleRecord::Decode(r->Encode());
  LIBDIFF_FUZZ_CHECK(again.ok(), "an article record re-encodes to a decodable record");
  LIBDIFF_FUZZ_CHECK(again->Encode() == r->Encode() && again->keys == r->keys &&
                         again->paragraphs == r->paragraphs && again->sketch == r->sketch &&
                         again->first_url == r->first_url,
                     "article records round-trip");
}

void FuzzRevisionRecord(std::string_view in) {
  const Result<RevisionRecord> r = RevisionRecord::Decode(in);
  if (!r.ok()) return CheckFailure(r.status(), false);
  const Result<RevisionRecord> again = RevisionRecord::Decode(r->Encode());
  LIBDIFF_FUZZ_CHECK(again.ok() && again->Encode() == r->Encode() && again->payload == r->payload,
                     "revision records round-trip");
}

void FuzzDecompress(std::string_view frame, std::string_view base) {
  const Result<std::string> out = SnapshotCodec::Decompress(frame, base, kMaxFrameBytes);
  if (!out.ok()) return CheckFailure(out.status(), false);
  LIBDIFF_FUZZ_CHECK(out->size() <= kMaxFrameBytes, "decompressed size is within max_size");
}

void FuzzCodecRoundTrip(std::string_view in) {
  const uint32_t n = TakeU32(&in);
  const std::string_view base = in.substr(0, n);
  in.remove_prefix(base.size());
  const uint8_t flip = in.empty() ? 0 : static_cast<uint8_t>(in.front());
  if (!in.empty()) in.remove_prefix(1);
  const std::string_view data = in;
  if (!SnapshotCodec::CanDelta(base.size(), data.size())) return;

  SnapshotCodec codec(3);
  const Result<std::string> frame =
      base.empty() ? codec.Compress(data) : codec.CompressDelta(base, data);
  LIBDIFF_FUZZ_CHECK(frame.ok(), "compression succeeds");
  const Result<std::string> back = SnapshotCodec::Decompress(*frame, base, data.size());
  LIBDIFF_FUZZ_CHECK(back.ok() && *back == data, "frames decompress to their input");
  if (!data.empty()) {
    const Result<std::string> too_small = SnapshotCodec::Decompress(*frame, base, data.size() - 1);
    LIBDIFF_FUZZ_CHECK(!too_small.ok() && too_small.status().IsCorruption(),
                       "a frame larger than max_size is refused");
  }
  // One damaged byte (position and value from the input).
  std::string damaged = *frame;
  const size_t at = (static_cast<size_t>(flip) * 2654435761u + data.size()) % damaged.size();
  damaged[at] = static_cast<char>(damaged[at] ^ static_cast<char>(flip | 1));
  FuzzDecompress(damaged, base);
}

// A scratch LMDB store, made once per process and removed at exit.
struct ScratchStore {
  std::string dir;
  std::unique_ptr<libdiff::internal::Environment> env;
  std::unique_ptr<libdiff::internal::RevisionStore> store;
  MDB_dbi revisions = 0;  // the store's "revisions" database, written to directly
};

ScratchStore* Scratch() {
  static ScratchStore* scratch = [] {
    auto* s = new ScratchStore;
    std::string tmpl =
        (std::filesystem::temp_directory_path() / "libdiff-snapshot-fuzz-XXXXXX").string();
    if (::mkdtemp(tmpl.data()) == nullptr) std::abort();
    s->dir = tmpl;
    libdiff::internal::EnvironmentOptions options;
    options.initial_map_size = size_t{16} << 20;
    auto env = libdiff::internal::Environment::Open(options, s->dir);
    LIBDIFF_FUZZ_CHECK(env.ok(), "the scratch store opens");
    s->env = std::move(*env);
    Status st = s->env->Setup([&](MDB_txn* txn) -> Status {
      auto store = libdiff::internal::RevisionStore::Open(txn, true, {}, s->dir);
      if (!store.ok()) return store.status();
      s->store = std::make_unique<libdiff::internal::RevisionStore>(std::move(*store));
      if (mdb_dbi_open(txn, "revisions", 0, &s->revisions) != 0) {
        return Status::Internal("revisions");
      }
      return Status::OK();
    });
    LIBDIFF_FUZZ_CHECK(st.ok(), "the scratch store's databases open");
    std::atexit([] {
      std::error_code ec;
      std::filesystem::remove_all(Scratch()->dir, ec);
    });
    return s;
  }();
  return scratch;
}

void FuzzChain(std::string_view in) {
  if (in.empty()) return;
  const auto query = static_cast<uint32_t>(static_cast<uint8_t>(in.front()));
  in.remove_prefix(1);
  ScratchStore* s = Scratch();
  const Status rollback = Status::Internal("fuzz: roll back");
  const Status st = s->env->Write([&](MDB_txn* txn) -> Status {
    std::string_view rest = in;
    while (!rest.empty()) {
      const auto rev = static_cast<uint32_t>(static_cast<uint8_t>(rest.front()));
      rest.remove_prefix(1);
      const uint32_t n = TakeU32(&rest);
      const std::string_view bytes = rest.substr(0, n);
      rest.remove_prefix(bytes.size());
      const std::string key = libdiff::internal::RevisionKey(1, rev);
      MDB_val k = libdiff::internal::ToVal(key), v = libdiff::internal::ToVal(bytes);
      if (mdb_put(txn, s->revisions, &k, &v, 0) != 0) break;
    }
    const Result<std::string> snapshot = s->store->ReadSnapshot(txn, 1, query);
    if (!snapshot.ok()) {
      CheckFailure(snapshot.status(), true);
    } else {
      LIBDIFF_FUZZ_CHECK(snapshot->size() <= libdiff::internal::RevisionStore::kMaxSnapshotBytes,
                         "snapshots stay within kMaxSnapshotBytes");
      const Result<Article> article = libdiff::internal::DecodeArticle(*snapshot);
      if (!article.ok()) CheckFailure(article.status(), false);
    }
    return rollback;  // never commit: each input starts from an empty store
  });
  LIBDIFF_FUZZ_CHECK(st.message() == rollback.message(), "the scratch transaction runs");
}

}  // namespace

// ---- Seeds ------------------------------------------------------------------

namespace {

std::string ReadWhole(const std::filesystem::path& path) {
  libdiff::Result<std::string> bytes = libdiff::internal::ReadFile(path.string(), size_t{1} << 20);
  return bytes.ok() ? *bytes : std::string();
}

Article ArticleFromText(const std::string& text, const std::string& name) {
  Article a;
  a.url = "https://example.com/news/" + name;
  a.title = name;
  a.authors = {"A. Writer"};
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find("\n\n", start);
    if (end == std::string::npos) end = text.size();
    std::string p = text.substr(start, end - start);
    for (char& c : p) {
      if (c == '\n') c = ' ';
    }
    if (!p.empty()) a.blocks.push_back({libdiff::BlockKind::kParagraph, p});
    start = end + 2;
  }
  return a;
}

std::string U32(uint32_t v) {
  std::string s;
  libdiff::internal::PutFixed32BE(&s, v);
  return s;
}

std::string Record(libdiff::internal::SnapshotEncoding enc, uint32_t base, uint32_t depth,
                   std::string payload) {
  RevisionRecord r;
  r.encoding = enc;
  r.base = base;
  r.depth = depth;
  r.fetched_at = 1764302400;
  r.simhash = 0x0123456789abcdefULL;
  r.content_hash = 42;
  r.payload = std::move(payload);
  return r.Encode();
}

void WriteSeed(const std::filesystem::path& dir, const std::string& name, char mode,
               const std::string& body) {
  std::ofstream(dir / ("seed-" + name), std::ios::binary) << mode << body;
}

// Writes valid inputs for every mode from samples/texts/*.
void WriteSeeds(const std::filesystem::path& out, const std::filesystem::path& samples) {
  std::vector<Article> articles;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(samples / "texts", ec)) {
    if (entry.is_regular_file()) {
      articles.push_back(ArticleFromText(ReadWhole(entry.path()).substr(0, 4096),
                                         entry.path().stem().string()));
    }
  }
  if (articles.empty()) articles.push_back(ArticleFromText("One.\n\nTwo.", "fallback"));
  SnapshotCodec codec(3);
  using libdiff::internal::SnapshotEncoding;
  for (size_t i = 0; i < articles.size(); ++i) {
    const std::string tag = std::to_string(i);
    const std::string bytes = libdiff::internal::EncodeArticle(articles[i]);
    const std::string next = libdiff::internal::EncodeArticle(articles[(i + 1) % articles.size()]);
    const std::string key = *codec.Compress(bytes);
    const std::string delta = *codec.CompressDelta(bytes, next);
    WriteSeed(out, "article-" + tag, 0, bytes);
    ArticleRecord ar;
    ar.first_seen = 1764302400;
    ar.latest_revision = 2;
    ar.first_url = articles[i].url;
    ar.keys = {"example.com/news/" + tag, "example.com/amp/" + tag};
    ar.simhash = 0xfeedfacecafebeefULL;
    ar.paragraphs = {1, 7, 99};
    WriteSeed(out, "article-record-" + tag, 1, ar.Encode());
    WriteSeed(out, "revision-record-" + tag, 2, Record(SnapshotEncoding::kDelta, 0, 1, delta));
    WriteSeed(out, "keyframe-" + tag, 3, key);
    WriteSeed(out, "delta-" + tag, 4, U32(static_cast<uint32_t>(bytes.size())) + bytes + delta);
    WriteSeed(out, "roundtrip-" + tag, 5,
              U32(static_cast<uint32_t>(bytes.size())) + bytes + std::string(1, '\x11') + next);
    // A chain: 0 keyframe, 1 delta on 0, 2 same as 0; read revision 1 (or 2).
    std::string chain(1, static_cast<char>(1 + i % 2));
    for (const auto& [rev, rec] :
         {std::pair<uint8_t, std::string>{0, Record(SnapshotEncoding::kKeyframe, 0, 0, key)},
          {1, Record(SnapshotEncoding::kDelta, 0, 1, delta)},
          {2, Record(SnapshotEncoding::kSameAs, 0, 0, "")}}) {
      chain += static_cast<char>(rev) + U32(static_cast<uint32_t>(rec.size())) + rec;
    }
    WriteSeed(out, "chain-" + tag, 6, chain);
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  if (const char* out = std::getenv("LIBDIFF_FUZZ_WRITE_SEEDS")) {
    const char* samples = std::getenv("LIBDIFF_FUZZ_SAMPLES_DIR");
    WriteSeeds(out, samples != nullptr ? samples : "samples");
    std::exit(0);
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string_view in(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 7) {
    case 0: FuzzArticle(in); break;
    case 1: FuzzArticleRecord(in); break;
    case 2: FuzzRevisionRecord(in); break;
    case 3: FuzzDecompress(in, {}); break;
    case 4: {
      std::string_view rest = in;
      const uint32_t n = TakeU32(&rest);
      const std::string_view base = rest.substr(0, n);
      rest.remove_prefix(base.size());
      FuzzDecompress(rest, base);
      break;
    }
    case 5: FuzzCodecRoundTrip(in); break;
    default: FuzzChain(in); break;
  }
  return 0;
}
