// Copyright 2026 The libdiff Authors.
//
// What every file of the C API implementation (capi/*.cc) shares: the
// thread's last error, Guard() around each entry point, argument checks, and
// the handle types with their magic numbers. Private to libdiff.so.
#ifndef LIBDIFF_CAPI_BOUNDARY_H_
#define LIBDIFF_CAPI_BOUNDARY_H_

#define LIBDIFF_EXPERIMENTAL 1
#include "libdiff/libdiff.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <initializer_list>
#include <memory>
#include <new>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "libdiff/article.h"
#include "libdiff/diff.h"
#include "libdiff/fingerprint.h"
#include "libdiff/status.h"
#include "libdiff/store.h"
#include "util/utf8.h"

namespace libdiff::capi {

using ::libdiff::Status;
using ::libdiff::StatusCode;

static_assert(LIBDIFF_ERROR_INVALID_ARGUMENT == -static_cast<int>(StatusCode::kInvalidArgument));
static_assert(LIBDIFF_ERROR_NOT_FOUND == -static_cast<int>(StatusCode::kNotFound));
static_assert(LIBDIFF_ERROR_CORRUPTION == -static_cast<int>(StatusCode::kCorruption));
static_assert(LIBDIFF_ERROR_IO == -static_cast<int>(StatusCode::kIOError));
static_assert(LIBDIFF_ERROR_RESOURCE_EXHAUSTED ==
              -static_cast<int>(StatusCode::kResourceExhausted));
static_assert(LIBDIFF_ERROR_INTERNAL == -static_cast<int>(StatusCode::kInternal));
static_assert(static_cast<int>(libdiff::DiffFormat::kWord) == LIBDIFF_FORMAT_WORD);
static_assert(static_cast<int>(libdiff::DiffFormat::kStat) == LIBDIFF_FORMAT_STAT);

// The calling thread's last error: a plain array, not a std::string. It has no
// destructor, so it stays valid in code that runs after the thread's
// thread_local objects are destroyed (atexit handlers, pthread key destructors,
// other libraries' thread_local destructors), where a std::string would be freed
// memory; and setting it never allocates. A longer message is cut at a UTF-8
// character boundary and ends in "...".
constexpr size_t kLastErrorCapacity = 4096;
inline thread_local char t_last_error[kLastErrorCapacity];

inline void ClearLastError() noexcept { t_last_error[0] = '\0'; }

// Sets the last error to the concatenation of `parts`.
inline void SetLastError(std::initializer_list<std::string_view> parts) noexcept {
  constexpr std::string_view kEllipsis = "...";
  constexpr size_t kRoom = kLastErrorCapacity - 1;
  size_t n = 0;
  bool cut = false;
  for (std::string_view part : parts) {
    const size_t take = std::min(part.size(), kRoom - n);
    std::memcpy(t_last_error + n, part.data(), take);
    n += take;
    cut = cut || take < part.size();
  }
  if (cut) {
    n = kRoom - kEllipsis.size();
    // t_last_error[n] is the first byte dropped: back off to a character start.
    while (n > 0 && (static_cast<unsigned char>(t_last_error[n]) & 0xC0) == 0x80) --n;
    std::memcpy(t_last_error + n, kEllipsis.data(), kEllipsis.size());
    n += kEllipsis.size();
  }
  t_last_error[n] = '\0';
}

// Magic numbers: one per handle type, and one written over a handle as it is
// freed so that a second free or a use after free is usually caught.
enum class Magic : uint64_t {
  kArticle = 0x4c44'4152'5449'434cULL,
  kExtractOptions = 0x4c44'4558'4f50'5453ULL,
  kFingerprint = 0x4c44'4650'5249'4e54ULL,
  kStoreOptions = 0x4c44'534f'5054'5353ULL,
  kStore = 0x4c44'5354'4f52'4545ULL,
  kBatch = 0x4c44'4241'5443'4848ULL,
  kVerdict = 0x4c44'5645'5244'4943ULL,
  kVerdictList = 0x4c44'564c'4953'5454ULL,
  kHistory = 0x4c44'4849'5354'4f52ULL,
  kStats = 0x4c44'5354'4154'5353ULL,
  kDiffOptions = 0x4c44'4449'4f50'5453ULL,
  kWarc = 0x4c44'5741'5243'5244ULL,
  kPageList = 0x4c44'5047'4c49'5354ULL,
  kFreed = 0x4c44'4652'4545'4444ULL,
};

// Thrown inside Guard() by the argument checks; carries a ready Status.
struct BoundaryError {
  Status status;
};

[[noreturn]] inline void Fail(StatusCode code, std::string message) {
  throw BoundaryError{Status(code, message)};
}

[[noreturn]] inline void InvalidArgument(std::string message) {
  Fail(StatusCode::kInvalidArgument, std::move(message));
}

inline int CodeOf(StatusCode code) { return -static_cast<int>(code); }

// Runs `body` (returning Status) as the entry point `fn`.
template <typename Body>
inline int Guard(const char* fn, Body&& body) noexcept {
  try {
    ClearLastError();
    Status s = body();
    if (s.ok()) return LIBDIFF_OK;
    SetLastError({fn, ": ", s.message()});
    return CodeOf(s.code());
  } catch (const BoundaryError& e) {
    SetLastError({fn, ": ", e.status.message()});
    return CodeOf(e.status.code());
  } catch (const std::bad_alloc&) {
    SetLastError({fn, ": out of memory"});
    return LIBDIFF_ERROR_RESOURCE_EXHAUSTED;
  } catch (const std::exception& e) {
    SetLastError({fn, ": internal error: ", e.what()});
    return LIBDIFF_ERROR_INTERNAL;
  } catch (...) {
    SetLastError({fn, ": internal error: unknown exception"});
    return LIBDIFF_ERROR_INTERNAL;
  }
}

// For void and value-returning entry points: no exception escapes, failures
// give `fallback`.
template <typename T, typename Body>
T Quiet(T fallback, Body&& body) noexcept {
  try {
    return body();
  } catch (...) {
    return fallback;
  }
}

inline const char* MagicName(Magic m) {
  switch (m) {
    case Magic::kArticle: return "libdiff_article";
    case Magic::kExtractOptions: return "libdiff_extract_options";
    case Magic::kFingerprint: return "libdiff_fingerprint";
    case Magic::kStoreOptions: return "libdiff_store_options";
    case Magic::kStore: return "libdiff_store";
    case Magic::kBatch: return "libdiff_batch";
    case Magic::kVerdict: return "libdiff_verdict";
    case Magic::kVerdictList: return "libdiff_verdict_list";
    case Magic::kHistory: return "libdiff_history";
    case Magic::kStats: return "libdiff_stats";
    case Magic::kDiffOptions: return "libdiff_diff_options";
    case Magic::kWarc: return "libdiff_warc";
    case Magic::kPageList: return "libdiff_page_list";
    case Magic::kFreed: return "freed handle";
  }
  return "handle";
}

inline uint64_t ReadMagic(const void* p) {
  uint64_t m;
  std::memcpy(&m, p, sizeof m);
  return m;
}

// Returns `p` as T* after checking it is a live handle of T's type.
template <typename T>
T* Check(T* p, const char* what) {
  if (p == nullptr) InvalidArgument(std::string(what) + " is NULL");
  const uint64_t m = ReadMagic(p);
  if (m == static_cast<uint64_t>(T::kMagic)) return p;
  if (m == static_cast<uint64_t>(Magic::kFreed)) {
    InvalidArgument(std::string(what) + " is a freed " + MagicName(T::kMagic));
  }
  InvalidArgument(std::string(what) + " is not a " + MagicName(T::kMagic) + " handle");
}

template <typename T>
bool IsLive(const T* p) {
  return p != nullptr && ReadMagic(p) == static_cast<uint64_t>(T::kMagic);
}

// Frees a handle if it is one of T's type; anything else is ignored.
template <typename T>
inline void FreeHandle(T* p) noexcept {
  if (!IsLive(p)) return;
  p->magic = Magic::kFreed;
  delete p;
}

template <typename T>
inline void RequireOut(T* out, const char* what = "out") {
  if (out == nullptr) InvalidArgument(std::string(what) + " is NULL");
}

// A (data, len) input: NULL only with len 0, and no longer than the limit.
inline std::string_view Bytes(const char* data, size_t len, const char* what) {
  if (len > LIBDIFF_MAX_INPUT_BYTES) {
    Fail(StatusCode::kResourceExhausted, std::string(what) + " is " + std::to_string(len) +
                                             " bytes, over the limit of " +
                                             std::to_string(LIBDIFF_MAX_INPUT_BYTES));
  }
  if (data == nullptr && len != 0) {
    InvalidArgument(std::string(what) + " is NULL with length " + std::to_string(len));
  }
  return len == 0 ? std::string_view() : std::string_view(data, len);
}

inline std::string_view Utf8(const char* data, size_t len, const char* what) {
  std::string_view s = Bytes(data, len, what);
  if (!libdiff::internal::IsValidUtf8(s)) {
    InvalidArgument(std::string(what) + " is not valid UTF-8");
  }
  return s;
}

// A required single-line UTF-8 string (URL, path, content type).
inline std::string Name(const char* data, size_t len, const char* what, bool allow_empty = false) {
  std::string_view s = Utf8(data, len, what);
  if (s.empty() && !allow_empty) InvalidArgument(std::string(what) + " is empty");
  if (s.find('\0') != std::string_view::npos) {
    InvalidArgument(std::string(what) + " contains a NUL byte");
  }
  return std::string(s);
}

// Copies `s` into a malloc'ed NUL-terminated string for a `char **` output.
inline void OutString(char** out, size_t* out_len, const std::string& s) {
  char* p = static_cast<char*>(std::malloc(s.size() + 1));
  if (p == nullptr) throw std::bad_alloc();
  std::memcpy(p, s.data(), s.size());
  p[s.size()] = '\0';
  *out = p;
  if (out_len != nullptr) *out_len = s.size();
}

inline void OutView(const char** out, size_t* out_len, const std::string& s) {
  *out = s.c_str();
  if (out_len != nullptr) *out_len = s.size();
}

template <typename T>
inline void ResetOut(T** out) {
  if (out != nullptr) *out = nullptr;
}

inline void ResetLen(size_t* out_len) {
  if (out_len != nullptr) *out_len = 0;
}

}  // namespace libdiff::capi

// ---------------------------------------------------------------------------
// Handle types. Each starts with its magic (standard layout: first member).

struct libdiff_extract_options {
  static constexpr libdiff::capi::Magic kMagic = libdiff::capi::Magic::kExtractOptions;
  libdiff::capi::Magic magic = kMagic;
  libdiff::ExtractOptions options;
};

struct libdiff_article {
  static constexpr libdiff::capi::Magic kMagic = libdiff::capi::Magic::kArticle;
  libdiff::capi::Magic magic = kMagic;
  libdiff::Article article;
  std::string text;  // Article::Text(), computed once
};

struct libdiff_fingerprint {
  static constexpr libdiff::capi::Magic kMagic = libdiff::capi::Magic::kFingerprint;
  libdiff::capi::Magic magic = kMagic;
  libdiff::Fingerprint fingerprint;
};

struct libdiff_store_options {
  static constexpr libdiff::capi::Magic kMagic = libdiff::capi::Magic::kStoreOptions;
  libdiff::capi::Magic magic = kMagic;
  libdiff::StoreOptions options;
};

struct libdiff_store {
  static constexpr libdiff::capi::Magic kMagic = libdiff::capi::Magic::kStore;
  libdiff::capi::Magic magic = kMagic;
  // Shared by every call on the handle, exclusive for close: close waits for
  // calls in progress and later calls see store == nullptr. The Store itself
  // serialises writers and lets readers run concurrently.
  std::shared_mutex mu;
  std::unique_ptr<libdiff::Store> store;
  libdiff::ExtractOptions extract;
};

struct libdiff_batch {
  static constexpr libdiff::capi::Magic kMagic = libdiff::capi::Magic::kBatch;
  libdiff::capi::Magic magic = kMagic;
  std::vector<libdiff::Page> pages;
};

struct libdiff_verdict {
  static constexpr libdiff::capi::Magic kMagic = libdiff::capi::Magic::kVerdict;
  libdiff::capi::Magic magic = kMagic;
  libdiff::Verdict verdict;
};

struct libdiff_verdict_list {
  static constexpr libdiff::capi::Magic kMagic = libdiff::capi::Magic::kVerdictList;
  libdiff::capi::Magic magic = kMagic;
  std::vector<std::unique_ptr<libdiff_verdict>> verdicts;
  ~libdiff_verdict_list() {
    for (auto& v : verdicts) v->magic = libdiff::capi::Magic::kFreed;
  }
};

struct libdiff_history {
  static constexpr libdiff::capi::Magic kMagic = libdiff::capi::Magic::kHistory;
  libdiff::capi::Magic magic = kMagic;
  libdiff::ArticleHistory history;
  std::string url;  // as asked for, for the JSON
};

struct libdiff_stats {
  static constexpr libdiff::capi::Magic kMagic = libdiff::capi::Magic::kStats;
  libdiff::capi::Magic magic = kMagic;
  libdiff::StoreStats stats;
  std::string dir;  // the store's directory, for the JSON
};

struct libdiff_diff_options {
  static constexpr libdiff::capi::Magic kMagic = libdiff::capi::Magic::kDiffOptions;
  libdiff::capi::Magic magic = kMagic;
  libdiff::DiffOptions diff;
  libdiff::DiffFormat format = libdiff::DiffFormat::kWord;
  libdiff::RenderOptions render;
};

namespace libdiff::capi {

// Runs `fn` on the open Store of `handle` under its shared lock.
template <typename Fn>
Status WithStore(libdiff_store* handle, Fn&& fn) {
  Check(handle, "store");
  std::shared_lock lock(handle->mu);
  if (handle->store == nullptr) InvalidArgument("store is closed");
  return fn(*handle->store);
}

inline libdiff_verdict_list* NewVerdictList(std::vector<libdiff::Verdict> verdicts) {
  auto list = std::make_unique<libdiff_verdict_list>();
  list->verdicts.reserve(verdicts.size());
  for (libdiff::Verdict& v : verdicts) {
    auto h = std::make_unique<libdiff_verdict>();
    h->verdict = std::move(v);
    list->verdicts.push_back(std::move(h));
  }
  return list.release();
}

}  // namespace libdiff::capi

#endif  // LIBDIFF_CAPI_BOUNDARY_H_
