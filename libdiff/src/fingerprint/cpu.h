// Copyright 2026 The libdiff Authors.
//
// Run-time choice of the AVX-512 code paths of the fingerprint stage (token
// hashing, shingle hashing, voting), and the vector helper they share.
// Private to libdiff.
#ifndef LIBDIFF_FINGERPRINT_CPU_H_
#define LIBDIFF_FINGERPRINT_CPU_H_

#include <atomic>

#if defined(__x86_64__)
// GCC 12's AVX-512 headers trip -W(maybe-)uninitialized on their own
// _mm512_undefined_epi32() (GCC bug 105593); this has to be the first
// inclusion of <immintrin.h> in a file that uses AVX-512 intrinsics.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wuninitialized"
#if !defined(__clang__)  // clang has no such group (and no such bug)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <immintrin.h>
#pragma GCC diagnostic pop
#endif

// The target attribute of functions that use AVX-512 F, DQ, BW and VL
// (called only when UseAvx512() is true).
#define LIBDIFF_TARGET_AVX512 __attribute__((target("avx512f,avx512dq,avx512bw,avx512vl")))

namespace libdiff::internal {

inline std::atomic<bool> g_avx512_allowed{true};

// Whether the AVX-512 paths may be used (they are when the CPU has AVX-512
// F, DQ, BW and VL). Tests turn them off to check that the portable code (and
// the AVX2 code, see SetAvx2AllowedForTesting) gives the same results.
inline void SetAvx512AllowedForTesting(bool allowed) {
  g_avx512_allowed.store(allowed, std::memory_order_relaxed);
}

inline bool UseAvx512() {
#if defined(__x86_64__)
  static const bool has_avx512 =
      __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq") &&
      __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vl");
  return has_avx512 && g_avx512_allowed.load(std::memory_order_relaxed);
#else
  return false;
#endif
}

#if defined(__x86_64__)
// The low and high halves of the 128-bit products of the 64-bit lanes,
// XOR-ed (XXH3_mul128_fold64), from four 32x32-bit products per lane.
LIBDIFF_TARGET_AVX512 inline __m512i Mul128Fold64(__m512i a, __m512i b) {
  const __m512i low32 = _mm512_set1_epi64(0xFFFFFFFF);
  const __m512i a_hi = _mm512_srli_epi64(a, 32);
  const __m512i b_hi = _mm512_srli_epi64(b, 32);
  const __m512i ll = _mm512_mul_epu32(a, b);
  const __m512i lh = _mm512_mul_epu32(a, b_hi);
  const __m512i hl = _mm512_mul_epu32(a_hi, b);
  const __m512i hh = _mm512_mul_epu32(a_hi, b_hi);
  // At most 3 * (2^32 - 1) + (2^32 - 1)^2 < 2^64: no carry is lost.
  const __m512i cross = _mm512_add_epi64(
      _mm512_add_epi64(_mm512_srli_epi64(ll, 32), _mm512_and_si512(lh, low32)), hl);
  const __m512i high = _mm512_add_epi64(_mm512_add_epi64(hh, _mm512_srli_epi64(lh, 32)),
                                        _mm512_srli_epi64(cross, 32));
  const __m512i low = _mm512_or_si512(_mm512_slli_epi64(cross, 32), _mm512_and_si512(ll, low32));
  return _mm512_xor_si512(low, high);
}
#endif

}  // namespace libdiff::internal

#endif  // LIBDIFF_FINGERPRINT_CPU_H_
