// Copyright 2026 The libdiff Authors.
//
// ThreadCache<T>: one T per thread, kept between calls (scratch memory, a
// zstd context), that stays usable for the thread's whole life, including
// code that runs after the thread's C++ thread_local objects are destroyed:
// atexit handlers, pthread key destructors, other libraries' thread_local
// destructors. A `thread_local T` is destroyed before those run, and a call
// into libdiff from one of them would use freed memory (the hazard the C
// API's last error avoids with a plain array, capi/boundary.h).
//
// Here the thread_local is a plain pointer (no destructor, so it is still
// valid then), and the T is freed by a pthread key destructor. glibc repeats
// the key destructors while any of them sets a value again, so a T made by a
// call from another key destructor is freed too. The main thread's T, still
// in use by atexit handlers, is left to the end of the process.
//
// Thread safety: each thread sees only its own T.
#ifndef LIBDIFF_UTIL_THREAD_CACHE_H_
#define LIBDIFF_UTIL_THREAD_CACHE_H_

#include <pthread.h>

#include <memory>

namespace libdiff::internal {

template <typename T>
class ThreadCache {
 public:
  // Makes this thread's T on first use. When the thread cannot keep one (no
  // pthread key is left), the T lives only as long as this object.
  ThreadCache() : value_(t_value) {
    if (value_ != nullptr) return;
    const Key& key = TheKey();
    if (key.ok) {
      auto made = std::make_unique<T>();
      if (pthread_setspecific(key.key, made.get()) == 0) {
        value_ = t_value = made.release();
        return;
      }
    }
    own_ = std::make_unique<T>();
    value_ = own_.get();
  }
  ThreadCache(const ThreadCache&) = delete;
  ThreadCache& operator=(const ThreadCache&) = delete;

  T* get() const { return value_; }
  T* operator->() const { return value_; }
  T& operator*() const { return *value_; }

 private:
  struct Key {
    pthread_key_t key{};
    bool ok = false;
  };

  // Created once; never deleted, so it outlives every thread.
  static const Key& TheKey() {
    static const Key key = [] {
      Key k;
      k.ok = pthread_key_create(&k.key, &Destroy) == 0;
      return k;
    }();
    return key;
  }

  static void Destroy(void* p) {
    t_value = nullptr;
    delete static_cast<T*>(p);
  }

  static inline thread_local T* t_value = nullptr;
  T* value_;
  std::unique_ptr<T> own_;
};

}  // namespace libdiff::internal

#endif  // LIBDIFF_UTIL_THREAD_CACHE_H_
