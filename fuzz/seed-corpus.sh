#!/usr/bin/env bash
# Fills a libFuzzer corpus directory with seeds derived from samples/ at run time,
# so the repository carries no generated corpus files.
#   fuzz/seed-corpus.sh TARGET OUTDIR [FUZZER_BINARY]
# Inputs libFuzzer added to OUTDIR are kept; seed-* files are regenerated.
# Complete inputs in fuzz/corpus/<target-without-_fuzzer>/ and in
# tests/reliability/regressions/<target>/ are copied as they are.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
target="$1"
out="$2"
binary="${3:-}"
mkdir -p "$out"
rm -f "$out"/seed-* "$out"/fixed-*  # regenerated below; libFuzzer's own finds are kept
samples="$root/samples"

# copy_files PREFIX GLOB...: copies each existing regular file, named after its path.
copy_files() {
  local prefix="$1" f
  shift
  for f in "$@"; do
    [ -f "$f" ] || continue
    cp "$f" "$out/$prefix-$(echo "${f#"$root"/}" | tr '/' '_')"
  done
}

# Cuts seeds to at most $1 bytes: libFuzzer mutates small inputs far faster.
trim_seeds() {
  local f
  for f in "$out"/seed-*; do
    [ -f "$f" ] || continue
    if [ "$(stat -c %s "$f")" -gt "$1" ]; then truncate -s "$1" "$f"; fi
  done
}

shopt -s nullglob globstar
case "$target" in
  utf8_fuzzer|text_fuzzer)
    copy_files seed "$samples"/texts/** "$samples"/pages/**/*.html
    ;;
  extract_fuzzer|capi_fuzzer)
    copy_files seed "$samples"/pages/**/*.html "$samples"/pages/**/*.htm
    ;;
  url_fuzzer)
    # Every href/src/canonical URL that the sample pages contain, one seed each.
    n=0
    for url in $(cat "$samples"/pages/**/*.html /dev/null 2>/dev/null |
                 grep -oE '(href|src|content)="[^"]+"' | cut -d'"' -f2 | sort -u | head -500); do
      printf '%s' "$url" >"$out/seed-url-$n"
      n=$((n + 1))
    done
    ;;
  warc_fuzzer)
    # Each sample page as an HTTP response record: a plain WARC, and the same
    # gzipped (one member per record).
    n=0
    for f in "$samples"/pages/**/*.html; do
      block="$(printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n'; head -c 3000 "$f")"
      {
        printf 'WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: <http://example.com/%d>\r\n' "$n"
        printf 'WARC-Date: 2026-11-28T04:00:00Z\r\nContent-Length: %d\r\n\r\n' "$(printf '%s' "$block" | wc -c)"
        printf '%s\r\n\r\n' "$block"
      } >"$out/seed-warc-$n"
      gzip -c "$out/seed-warc-$n" >"$out/seed-warcgz-$n"
      n=$((n + 1))
    done
    ;;
  diff_fuzzer)
    # The target splits its input at the first NUL byte: old text, then new text.
    files=("$samples"/texts/** "$samples"/pages/**/*.html)
    regular=()
    for f in "${files[@]}"; do [ -f "$f" ] && regular+=("$f"); done
    n=0
    for ((i = 0; i < ${#regular[@]} && i < 10; i++)); do
      for ((j = 0; j < ${#regular[@]} && j < 10; j++)); do
        [ "$i" -eq "$j" ] && continue
        { head -c 2048 "${regular[i]}"; printf '\0'; head -c 2048 "${regular[j]}"; } >"$out/seed-pair-$n"
        n=$((n + 1))
      done
    done
    ;;
esac

# A target can generate its own seeds (e.g. valid encoded snapshots) when run with
# LIBDIFF_FUZZ_WRITE_SEEDS=DIR; targets that do not know the variable ignore it.
if [ -n "$binary" ] && [ -x "$binary" ] && grep -q LIBDIFF_FUZZ_WRITE_SEEDS "$binary" 2>/dev/null; then
  LIBDIFF_FUZZ_SAMPLES_DIR="$samples" LIBDIFF_FUZZ_WRITE_SEEDS="$out" "$binary" -runs=0 >/dev/null 2>&1 || true
fi
# Targets read their options from the input's first byte (fuzz/fuzz_input.h):
# prepend the byte that selects the defaults.
prepend_byte() {
  local f
  for f in "$out"/seed-*; do
    [ -f "$f" ] || continue
    { printf "$1"; cat "$f"; } >"$f.tmp"
    mv "$f.tmp" "$f"
  done
}

case "$target" in
  text_fuzzer|diff_fuzzer|utf8_fuzzer) trim_seeds 4096 ;;  # per-byte work is high under sanitizers
  *) trim_seeds 65536 ;;
esac
case "$target" in
  extract_fuzzer|diff_fuzzer) prepend_byte '\000' ;;  # flags 0: default options
  text_fuzzer) prepend_byte '\002' ;;                 # shingle size 1 + 2 = 3, the default
  capi_fuzzer) prepend_byte '\010\032https://example.com/news/1\000' ;;  # store on, URL, no type
esac
# Complete inputs, used as they are: hand-written seeds for cases samples/ does not
# show, and the regression inputs of crashes found before.
copy_files fixed "$root"/fuzz/corpus/"${target%_fuzzer}"/* "$root"/tests/reliability/regressions/"$target"/*

# libFuzzer refuses an empty corpus directory only in merge mode, but give it one input.
[ -n "$(ls -A "$out")" ] || printf 'x' >"$out/seed-empty"
