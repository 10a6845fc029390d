#!/usr/bin/env bash
# Whole-corpus dedupe throughput and memory (issue: >= 1.8x from 1 to 2
# threads; <= 256 bytes per document beyond fixed buffers).
#
#   bench/dedupe_scale.sh BUILD_DIR [PAGES] [RUNS]
#
# Generates PAGES synthetic pages (default 100000) and PAGES/10 with
# bench/make_dedupe_corpus.py under $TMPDIR, runs `libdiff dedupe` RUNS times
# (default 3) with --threads 1 and 2 on the large corpus, and once on the small
# one, and prints median pages/s, the thread speed-up, peak RSS, bytes per
# document ((peak RSS large - peak RSS small) / (documents large - small)),
# and pairwise precision and recall against the generator's labels.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:?usage: bench/dedupe_scale.sh BUILD_DIR [PAGES] [RUNS]}"
pages="${2:-100000}"
runs="${3:-3}"
cli="$build/tools/libdiff"
[ -x "$cli" ] || { echo "dedupe_scale: $cli is not built" >&2; exit 2; }
work="${TMPDIR:-/tmp}/libdiff-dedupe-scale"
mkdir -p "$work"
small=$(( pages / 10 ))
for n in "$pages" "$small"; do
  if [ ! -f "$work/c$n/labels.tsv" ]; then
    rm -rf "$work/c$n"
    python3 "$here/make_dedupe_corpus.py" generate "$work/c$n" --synthetic "$n" --seed 5 \
      --samples "$here/../samples" >&2
  fi
done

# run DIR THREADS -> "seconds peak_kb documents"
run() {
  local out
  out=$( { /usr/bin/time -f "TIME %e %M" "$cli" dedupe "$1" --threads "$2" --format summary \
           --no-progress; } 2>&1 )
  local docs secs kb
  docs=$(echo "$out" | awk '/^documents/ {print $2}')
  secs=$(echo "$out" | awk '/^TIME/ {print $2}')
  kb=$(echo "$out" | awk '/^TIME/ {print $3}')
  echo "$secs $kb $docs"
}
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

declare -A secs kb
docs_large=0
for t in 1 2; do
  s=(); k=()
  for _ in $(seq "$runs"); do
    read -r a b d < <(run "$work/c$pages" "$t")
    s+=("$a"); k+=("$b"); docs_large=$d
  done
  secs[$t]=$(printf '%s\n' "${s[@]}" | median)
  kb[$t]=$(printf '%s\n' "${k[@]}" | median)
done
read -r _ kb_small docs_small < <(run "$work/c$small" 1)
echo "corpus: $docs_large documents ($work/c$pages)"
for t in 1 2; do
  awk -v t="$t" -v s="${secs[$t]}" -v k="${kb[$t]}" -v d="$docs_large" \
    'BEGIN {printf "threads %d: median %.2f s, %.0f pages/s, peak RSS %.1f MiB\n", t, s, d / s, k / 1024}'
done
awk -v a="${secs[1]}" -v b="${secs[2]}" 'BEGIN {printf "speed-up 1 -> 2 threads: %.2fx\n", a / b}'
awk -v kl="${kb[1]}" -v ks="$kb_small" -v dl="$docs_large" -v ds="$docs_small" \
  'BEGIN {printf "memory per document: %.0f bytes (peak RSS %.1f MiB at %d docs, %.1f MiB at %d)\n", (kl - ks) * 1024 / (dl - ds), kl / 1024, dl, ks / 1024, ds}'
"$cli" dedupe "$work/c$pages" --no-progress > "$work/out.jsonl" 2>/dev/null
python3 "$here/make_dedupe_corpus.py" score "$work/c$pages/labels.tsv" "$work/out.jsonl" | head -2
