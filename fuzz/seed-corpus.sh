#!/usr/bin/env bash
# Fills a libFuzzer corpus directory with seeds derived from samples/ at run time,
# so the repository carries no generated corpus files.
#   fuzz/seed-corpus.sh TARGET OUTDIR [FUZZER_BINARY]
# Seeds already in OUTDIR are kept (libFuzzer's own finds accumulate there).
# Seeds committed under fuzz/corpus/<target-without-_fuzzer>/ are copied too.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
target="$1"
out="$2"
binary="${3:-}"
mkdir -p "$out"
samples="$root/samples"

# copy_files GLOB...: copies each existing regular file, named after its path.
copy_files() {
  local f
  for f in "$@"; do
    [ -f "$f" ] || continue
    cp "$f" "$out/seed-$(echo "${f#"$root"/}" | tr '/' '_')"
  done
}

# Cuts a file to at most 64 KiB: libFuzzer mutates small inputs far faster.
trim_seeds() {
  local f
  for f in "$out"/seed-*; do
    [ -f "$f" ] || continue
    if [ "$(stat -c %s "$f")" -gt 65536 ]; then truncate -s 65536 "$f"; fi
  done
}

shopt -s nullglob globstar
case "$target" in
  utf8_fuzzer|text_fuzzer)
    copy_files "$samples"/texts/** "$samples"/pages/**/*.html
    ;;
  extract_fuzzer|capi_fuzzer)
    copy_files "$samples"/pages/**/*.html "$samples"/pages/**/*.htm
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
  diff_fuzzer)
    # The target splits its input at the first NUL byte: old text, then new text.
    files=("$samples"/texts/** "$samples"/pages/**/*.html)
    regular=()
    for f in "${files[@]}"; do [ -f "$f" ] && regular+=("$f"); done
    for ((i = 0; i + 1 < ${#regular[@]} && i < 200; i++)); do
      { head -c 16384 "${regular[i]}"; printf '\0'; head -c 16384 "${regular[i + 1]}"; } \
        >"$out/seed-pair-$i"
    done
    ;;
esac

# Hand-written seeds for cases samples/ does not show.
copy_files "$root"/fuzz/corpus/"${target%_fuzzer}"/*

# A target can generate its own seeds (e.g. valid encoded snapshots) when run with
# LIBDIFF_FUZZ_WRITE_SEEDS=DIR; targets that do not know the variable ignore it.
if [ -n "$binary" ] && [ -x "$binary" ] && grep -q LIBDIFF_FUZZ_WRITE_SEEDS "$binary" 2>/dev/null; then
  LIBDIFF_FUZZ_SAMPLES_DIR="$samples" LIBDIFF_FUZZ_WRITE_SEEDS="$out" "$binary" -runs=0 >/dev/null 2>&1 || true
fi
trim_seeds
# libFuzzer refuses an empty corpus directory only in merge mode, but give it one input.
[ -n "$(ls -A "$out")" ] || printf 'x' >"$out/seed-empty"
