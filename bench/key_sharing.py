#!/usr/bin/env python3
"""How often candidate keys are shared between different articles (docs/index.md).

Usage:
  python3 bench/key_sharing.py [--binary LIBDIFF] [--shared DIR] [--keys 4]

Fingerprints every page of DIR/corpus/naeb and DIR/corpus/wcxb-dev-articles (distinct
articles) with `libdiff fingerprint --html --format json` and reports, for the candidate
keys (the --keys smallest values of each sketch, SketchKeys in
src/index/near_duplicate_index.h):
  - the key values held by the most articles;
  - the share of articles with a key held by >= 1 %, 2 %, 5 % of the articles: such a
    key is a common phrase, and in a store of N articles it passes the 64-posting cap
    (kMaxPostings) once N times its share exceeds 64, after which it yields no
    candidates;
  - the mean number of an article's keys that another article also holds.
Exits 0 with a message when DIR is absent. Standard library only.
"""
import argparse
import collections
import glob
import json
import os
import subprocess
import sys
from pathlib import Path

from built_binary import find_libdiff


def main():
    root = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--binary")
    ap.add_argument("--shared", default=str(root.parent / "shared"))
    ap.add_argument("--keys", type=int, default=4)
    args = ap.parse_args()
    pages = []
    for corpus in ("naeb", "wcxb-dev-articles"):
        pages += sorted(glob.glob(os.path.join(args.shared, "corpus", corpus, "html", "*.html")))
    if not pages:
        print("key_sharing: no corpus under %s; nothing to measure" % args.shared)
        return 0
    binary = find_libdiff(args.binary)
    if not binary:
        print("key_sharing: no build/*/tools/libdiff; build first", file=sys.stderr)
        return 2
    out = subprocess.run([binary, "fingerprint", "--html", "--format", "json"] + pages,
                         stdout=subprocess.PIPE, check=True).stdout
    fps = [f for f in json.loads(out) if f.get("sketch")]
    n = len(fps)
    keys = [f["sketch"][:args.keys] for f in fps]
    held = collections.Counter(v for k in keys for v in set(k))
    print("articles with a sketch: %d (of %d pages); %d keys each" % (n, len(pages), args.keys))
    print("most widely held key values (articles): %s"
          % [c for _, c in held.most_common(10)])
    for share in (0.01, 0.02, 0.05):
        common = {v for v, c in held.items() if c >= share * n}
        with_common = sum(1 for k in keys if any(v in common for v in k))
        print("key values held by >= %2.0f %% of articles: %d; articles holding one: %d (%.1f %%)"
              % (share * 100, len(common), with_common, 100.0 * with_common / n))
    shared = sum(sum(1 for v in k if held[v] >= 2) for k in keys) / n
    print("keys per article that another article also holds: %.2f of %d" % (shared, args.keys))
    return 0


if __name__ == "__main__":
    sys.exit(main())
