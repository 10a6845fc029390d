// Copyright 2026 The libdiff Authors.
//
// Status and Result<T>: how libdiff reports expected failures without exceptions.
//
//   libdiff::Result<Article> r = libdiff::ExtractArticle(html, options);
//   if (!r.ok()) { std::cerr << r.status().ToString() << "\n"; return 2; }
//   const Article& article = *r;
//
// The codes form a short closed set, mirrored one to one by the C API's codes
// (libdiff.h); their numeric values never change once published.
//
// Thread safety: Status and Result are values; distinct objects may be used from
// different threads, const methods may be called concurrently on one object.
#ifndef LIBDIFF_STATUS_H_
#define LIBDIFF_STATUS_H_

#include <cassert>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>

namespace libdiff {

enum class StatusCode : int {
  kOk = 0,
  kInvalidArgument = 1,    // the caller passed something unusable
  kNotFound = 2,           // a URL, revision or file that does not exist
  kCorruption = 3,         // stored data fails its checks, or a foreign file
  kIOError = 4,            // the operating system refused a read or write
  kResourceExhausted = 5,  // a size or work limit, a full disk or map
  kInternal = 6,           // a bug in libdiff
};

// Returns a stable lower-case name of `code`, e.g. "invalid argument".
const char* StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  // An OK status. Cheap: holds no allocation.
  Status() noexcept = default;
  Status(StatusCode code, std::string_view message);

  static Status OK() { return Status(); }
  static Status InvalidArgument(std::string_view msg) {
    return {StatusCode::kInvalidArgument, msg};
  }
  static Status NotFound(std::string_view msg) { return {StatusCode::kNotFound, msg}; }
  static Status Corruption(std::string_view msg) { return {StatusCode::kCorruption, msg}; }
  static Status IOError(std::string_view msg) { return {StatusCode::kIOError, msg}; }
  static Status ResourceExhausted(std::string_view msg) {
    return {StatusCode::kResourceExhausted, msg};
  }
  static Status Internal(std::string_view msg) { return {StatusCode::kInternal, msg}; }

  bool ok() const { return rep_ == nullptr; }
  StatusCode code() const { return rep_ ? rep_->code : StatusCode::kOk; }
  // The message without the code name; empty for OK.
  const std::string& message() const;
  // "OK" or "<code name>: <message>".
  std::string ToString() const;

  // Returns a copy whose message is "<prefix>: <message>"; OK stays OK.
  Status WithContext(std::string_view prefix) const;

  bool IsNotFound() const { return code() == StatusCode::kNotFound; }
  bool IsCorruption() const { return code() == StatusCode::kCorruption; }
  bool IsInvalidArgument() const { return code() == StatusCode::kInvalidArgument; }
  bool IsIOError() const { return code() == StatusCode::kIOError; }
  bool IsResourceExhausted() const { return code() == StatusCode::kResourceExhausted; }

 private:
  struct Rep {
    StatusCode code;
    std::string message;
  };
  std::shared_ptr<const Rep> rep_;  // null means OK; shared so copies are cheap
};

// Result<T> holds either a T or a non-OK Status (a small StatusOr).
template <typename T>
class [[nodiscard]] Result {
 public:
  // REQUIRES: !status.ok()
  Result(Status status) : v_(std::move(status)) {  // NOLINT: implicit by design
    assert(!std::get<Status>(v_).ok());
  }
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
  template <typename U,
            typename = std::enable_if_t<std::is_constructible_v<T, U&&> &&
                                        !std::is_same_v<std::decay_t<U>, Status> &&
                                        !std::is_same_v<std::decay_t<U>, T>>>
  Result(U&& value) : v_(T(std::forward<U>(value))) {}  // NOLINT

  bool ok() const { return std::holds_alternative<T>(v_); }
  Status status() const { return ok() ? Status::OK() : std::get<Status>(v_); }

  // REQUIRES: ok()
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace libdiff

// Returns early from the enclosing function with the status of `expr` when it fails.
#define LIBDIFF_RETURN_IF_ERROR(expr)                \
  do {                                               \
    ::libdiff::Status libdiff_status_ = (expr);      \
    if (!libdiff_status_.ok()) return libdiff_status_; \
  } while (0)

#define LIBDIFF_CONCAT_INNER_(a, b) a##b
#define LIBDIFF_CONCAT_(a, b) LIBDIFF_CONCAT_INNER_(a, b)
// LIBDIFF_ASSIGN_OR_RETURN(auto x, MakeX()): declares x from a Result, or returns its status.
#define LIBDIFF_ASSIGN_OR_RETURN(lhs, expr) \
  LIBDIFF_ASSIGN_OR_RETURN_IMPL_(LIBDIFF_CONCAT_(libdiff_result_, __LINE__), lhs, expr)
#define LIBDIFF_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                   \
  if (!tmp.ok()) return tmp.status();                  \
  lhs = std::move(tmp).value()

#endif  // LIBDIFF_STATUS_H_
