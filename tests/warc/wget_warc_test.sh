#!/usr/bin/env bash
# A real producer: serves samples/pages with `python3 -m http.server` on
# 127.0.0.1, fetches every file (and a missing one) with `wget --warc-file`, and
# checks that
#   - `ingest --warc` gives the verdicts `ingest --list` gives over the same
#     pages and URLs (apart from the warc/offset fields), and
#   - `dedupe` over the WARC gives the clusters `dedupe` gives over the
#     directory, members named by URL instead of path.
# Skips (exit 77) when wget is not installed.
#
# Usage: wget_warc_test.sh LIBDIFF_BINARY SAMPLES_DIR
set -euo pipefail
bin="$1"
samples="$2"
if ! command -v wget >/dev/null; then
  echo "SKIP: wget is not installed (scripts/install-deps.sh installs it)"
  exit 77
fi
work="$(mktemp -d)"
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
cp -r "$samples/pages" "$work/site"
cd "$work"

python3 -u -m http.server 0 --bind 127.0.0.1 --directory site >server.log 2>&1 &
server=$!
port=""
for _ in $(seq 1 100); do
  port="$(sed -n 's/.*port \([0-9][0-9]*\).*/\1/p' server.log | head -1)"
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { echo "FAIL: http.server did not start"; cat server.log; exit 1; }
base="http://127.0.0.1:$port"

# Every file in path order (so archive order is path order), and a 404.
(cd site && find . -type f | sed 's|^\./||' | LC_ALL=C sort) >files.txt
sed "s|^|$base/|" files.txt >urls.txt
echo "$base/missing.html" >>urls.txt
# wget exits 8 for the 404; the WARC is complete all the same.
wget --quiet --warc-file=crawl --no-warc-keep-log -i urls.txt -O /dev/null || [ $? -eq 8 ]
[ -s crawl.warc.gz ] || { echo "FAIL: wget wrote no crawl.warc.gz"; exit 1; }

grep -E '\.(html|htm)$' files.txt | while read -r f; do
  printf '%s/%s\tsite/%s\n' "$base" "$f" "$f"
done >list.tsv

"$bin" ingest --store list-store --list list.tsv >list.jsonl
"$bin" ingest --store warc-store --warc crawl.warc.gz >warc.jsonl 2>warc.err
"$bin" dedupe --no-progress site >dir-clusters.jsonl 2>/dev/null
"$bin" dedupe --no-progress crawl.warc.gz >warc-clusters.jsonl 2>/dev/null

python3 - "$base" <<'PY'
import json, sys
base = sys.argv[1]
def lines(p):
    return [json.loads(l) for l in open(p) if l.strip()]
listed, warc = lines("list.jsonl"), lines("warc.jsonl")
for v in warc:
    assert v.pop("warc") == "crawl.warc.gz", v
    assert isinstance(v.pop("offset"), int), v
if listed != warc:
    for a, b in zip(listed, warc):
        if a != b:
            print("FAIL: --list", json.dumps(a, sort_keys=True), "\n      --warc", json.dumps(b, sort_keys=True))
    print("FAIL: ingest --warc differs from ingest --list (%d vs %d lines)" % (len(warc), len(listed)))
    sys.exit(1)
verdicts = sorted({v["verdict"] for v in warc})
print("ingest: %d pages, the same verdicts from the WARC and the list %s" % (len(warc), verdicts))

def by_url(member):
    url = member.pop("url")
    assert url.startswith(base + "/"), url
    member["path"] = url[len(base) + 1:]
    return member
dir_clusters = lines("dir-clusters.jsonl")
warc_clusters = lines("warc-clusters.jsonl")
for c in warc_clusters:
    by_url(c["representative"])
    for m in c["members"]:
        by_url(m)
if dir_clusters != warc_clusters or not dir_clusters:
    print("FAIL: dedupe over the WARC differs from dedupe over the directory")
    print(json.dumps(dir_clusters, sort_keys=True))
    print(json.dumps(warc_clusters, sort_keys=True))
    sys.exit(1)
print("dedupe: %d clusters, the same from the WARC and the directory" % len(dir_clusters))
PY
grep -q "not 2xx" warc.err || { echo "FAIL: no summary line on stderr"; cat warc.err; exit 1; }
cat warc.err
echo "PASS"
