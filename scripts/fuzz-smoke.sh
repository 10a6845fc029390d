#!/usr/bin/env bash
# CI's fuzz smoke run: builds the `fuzz` preset (clang, libFuzzer, ASan+UBSan) and
# runs every fuzz target briefly on seeds made from samples/. Exits non-zero when
# any target crashes, leaks, times out, runs out of memory or breaks a property;
# the failing input is kept under build/fuzz/artifacts/<target>/ and printed.
#
# Usage: scripts/fuzz-smoke.sh
# Environment: FUZZ_SECONDS   seconds per target (default: 150 s shared between the
#                             targets, 10-30 s each)
#              FUZZ_TARGETS   space-separated subset of targets to run
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

scripts/install-deps.sh
launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
cmake --preset fuzz "${launcher[@]}" >/dev/null
cmake --build --preset fuzz --target fuzzers

build="$root/build/fuzz"
read -r -a targets <<<"${FUZZ_TARGETS:-$(tr '\n' ' ' <"$build/fuzz/fuzzers.txt")}"
if [ ${#targets[@]} -eq 0 ]; then
  echo "fuzz-smoke: no fuzz targets" >&2
  exit 1
fi
if [ -n "${FUZZ_SECONDS:-}" ]; then
  seconds="$FUZZ_SECONDS"
else
  seconds=$(( 150 / ${#targets[@]} ))
  [ "$seconds" -lt 10 ] && seconds=10
  [ "$seconds" -gt 30 ] && seconds=30
fi

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"

failed=()
passed=0
for t in "${targets[@]}"; do
  bin="$build/fuzz/$t"
  corpus="$build/corpus/$t"
  artifacts="$build/artifacts/$t"
  rm -rf "$artifacts"
  mkdir -p "$artifacts"
  fuzz/seed-corpus.sh "$t" "$corpus" "$bin"
  dict=()
  [ -f "fuzz/${t%_fuzzer}.dict" ] && dict=(-dict="fuzz/${t%_fuzzer}.dict")
  max_len=65536
  case "$t" in text_fuzzer|diff_fuzzer) max_len=8192 ;; esac
  echo "fuzz-smoke: $t for ${seconds}s on $(ls "$corpus" | wc -l) seeds"
  log="$build/$t.log"
  if "$bin" "${dict[@]}" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
       -max_len="$max_len" -print_final_stats=1 -artifact_prefix="$artifacts/" "$corpus" >"$log" 2>&1; then
    passed=$((passed + 1))
    grep -E '^(Done|stat::number_of_executed_units|stat::new_units_added)' "$log" | sed "s/^/  $t: /"
  else
    failed+=("$t")
    echo "fuzz-smoke: $t FAILED; last lines of $log:" >&2
    tail -60 "$log" >&2
    for a in "$artifacts"/*; do
      [ -f "$a" ] || continue
      echo "fuzz-smoke: failing input $a ($(stat -c %s "$a") bytes), base64:" >&2
      head -c 4096 "$a" | base64 >&2
    done
  fi
done

echo "fuzz-smoke: ${passed} passed, ${#failed[@]} failed"
if [ ${#failed[@]} -ne 0 ]; then
  echo "fuzz-smoke: failing targets: ${failed[*]}" >&2
  exit 1
fi
