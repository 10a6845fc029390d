#!/usr/bin/env bash
# Runs libdiff's fuzz targets for longer than CI's smoke run.
#
#   scripts/fuzz.sh --list                 # the targets
#   scripts/fuzz.sh TARGET [SECONDS] [-- LIBFUZZER_FLAGS...]
#   scripts/fuzz.sh all [SECONDS]          # every target in turn
#
# SECONDS defaults to 600 per target (0 runs until the first crash or Ctrl-C).
# The corpus grows in build/fuzz/corpus/TARGET (seeded from samples/ and kept
# between runs); a crash, leak, timeout or broken property stops the target, writes
# the input to build/fuzz/artifacts/TARGET/ and makes this script exit non-zero.
# Reproduce one with: build/fuzz/fuzz/TARGET build/fuzz/artifacts/TARGET/crash-...
# and turn it into a regression test under tests/reliability/regressions/.
# Environment: FUZZ_JOBS   parallel libFuzzer jobs for one target (default 1).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
build="$root/build/fuzz"

if [ $# -eq 0 ]; then
  sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi

launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
cmake --preset fuzz "${launcher[@]}" >/dev/null
cmake --build --preset fuzz --target fuzzers >/dev/null

if [ "$1" = "--list" ]; then
  cat "$build/fuzz/fuzzers.txt"
  exit 0
fi

which="$1"
seconds="${2:-600}"
shift $(( $# >= 2 ? 2 : 1 ))
[ "${1:-}" = "--" ] && shift
extra=("$@")

if [ "$which" = "all" ]; then
  read -r -a targets <<<"$(tr '\n' ' ' <"$build/fuzz/fuzzers.txt")"
else
  targets=("$which")
fi

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
jobs="${FUZZ_JOBS:-1}"

status=0
for t in "${targets[@]}"; do
  bin="$build/fuzz/$t"
  if [ ! -x "$bin" ]; then
    echo "fuzz: no target $t; have: $(tr '\n' ' ' <"$build/fuzz/fuzzers.txt")" >&2
    exit 2
  fi
  corpus="$build/corpus/$t"
  artifacts="$build/artifacts/$t"
  mkdir -p "$artifacts"
  fuzz/seed-corpus.sh "$t" "$corpus" "$bin"
  dict=()
  [ -f "fuzz/${t%_fuzzer}.dict" ] && dict=(-dict="fuzz/${t%_fuzzer}.dict")
  max_len=262144
  case "$t" in text_fuzzer|diff_fuzzer) max_len=16384 ;; esac  # per-byte cost is high
  limit=()
  [ "$seconds" != 0 ] && limit=(-max_total_time="$seconds")
  parallel=()
  [ "$jobs" -gt 1 ] && parallel=(-jobs="$jobs" -workers="$jobs")
  echo "fuzz: $t ${seconds}s, corpus $corpus, artifacts $artifacts"
  if ! "$bin" "${dict[@]}" "${limit[@]}" "${parallel[@]}" -rss_limit_mb=2048 -timeout=10 \
       -max_len="$max_len" -print_final_stats=1 -artifact_prefix="$artifacts/" "${extra[@]}" "$corpus"; then
    echo "fuzz: $t FAILED; inputs in $artifacts" >&2
    status=1
  fi
done
exit $status
