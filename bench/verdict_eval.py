#!/usr/bin/env python3
"""Score libdiff's verdicts on an ingestion stream made by ../shared/eval.

Usage:
  python3 bench/verdict_eval.py STREAM [--binary LIBDIFF] [--shared DIR]
                                [--clusters] [--json OUT] [--errors N] [--keep-store DIR]

STREAM is a directory made by ../shared/eval/make-dev-stream.sh (html/, manifest.jsonl,
negatives.jsonl). The stream's pages are ingested in order into a fresh store with
`libdiff ingest --list` (one url<TAB>path line per fetch, under the manifest's url), the
answers are scored with ../shared/eval/score_versions.py, and this prints its per-class
table, confusion matrix, accuracy per kind and false links, then the ingest's CPU time and
pages per CPU second (user + system time of the ingest process). --clusters also runs
`libdiff dedupe` over STREAM/html and scores its clusters the same way, and compares them
with the store's groups (article plus its duplicate_of links).

The stream's truth.jsonl is never read. The binary is --binary, or the first
build/*/tools/libdiff of this repository, newest first. Exits 0 with a message when
../shared (score_versions.py) is absent. Standard library only; python3 >= 3.8.
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from built_binary import find_libdiff

REPO = Path(__file__).resolve().parent.parent


def read_jsonl(path):
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def child_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def ingest(binary, stream, manifest, store, tmp):
    list_path = os.path.join(tmp, "stream.tsv")
    with open(list_path, "w", encoding="utf-8") as out:
        for m in manifest:
            out.write("%s\t%s\n" % (m["url"], os.path.join(stream, m["file"])))
    cpu0, wall0 = child_cpu(), time.time()
    proc = subprocess.run([binary, "ingest", "--store", store, "--list", list_path],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    cpu, wall = child_cpu() - cpu0, time.time() - wall0
    if proc.returncode != 0:
        sys.exit("verdict_eval: ingest failed (%d): %s" % (proc.returncode, proc.stderr[-2000:]))
    lines = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    if len(lines) != len(manifest):
        sys.exit("verdict_eval: %d verdicts for %d fetches" % (len(lines), len(manifest)))
    return lines, cpu, wall


def store_groups(manifest, verdicts):
    """Files grouped by the store: an article with every fetch filed to it, joined
    to the article it is a duplicate of."""
    parent = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    first_url_article = {}
    members = {}
    for m, v in zip(manifest, verdicts):
        art = v.get("article")
        if art is None or v.get("verdict") == "skipped":
            continue
        members.setdefault(art, []).append(m["file"])
        if v.get("verdict") == "new" or v.get("verdict") == "duplicate":
            first_url_article.setdefault(v.get("url"), art)
        find(art)
    for m, v in zip(manifest, verdicts):
        if v.get("verdict") == "duplicate" and v.get("of") in first_url_article:
            a, b = find(v["article"]), find(first_url_article[v["of"]])
            if a != b:
                parent[max(a, b)] = min(a, b)
    groups = {}
    for art, files in members.items():
        groups.setdefault(find(art), []).extend(files)
    return [sorted(g) for g in groups.values()]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("stream")
    ap.add_argument("--binary")
    ap.add_argument("--shared", default=str(REPO.parent / "shared"))
    ap.add_argument("--clusters", action="store_true")
    ap.add_argument("--json", help="also write score_versions.py's JSON report here")
    ap.add_argument("--errors", default="0", help="list up to N misclassified fetches")
    ap.add_argument("--keep-store", help="ingest into this (new) directory and keep it")
    args = ap.parse_args()

    scorer = Path(args.shared) / "eval" / "score_versions.py"
    if not scorer.exists():
        print("verdict_eval: %s is absent; nothing to score" % scorer)
        return 0
    stream = os.path.abspath(args.stream)
    manifest = read_jsonl(os.path.join(stream, "manifest.jsonl"))
    binary = find_libdiff(args.binary)
    if not binary:
        sys.exit("verdict_eval: no build/*/tools/libdiff; build first or pass --binary")

    with tempfile.TemporaryDirectory(prefix="libdiff-verdicts.") as tmp:
        store = args.keep_store or os.path.join(tmp, "store")
        verdicts, cpu, wall = ingest(binary, stream, manifest, store, tmp)
        answers = os.path.join(tmp, "answers.jsonl")
        with open(answers, "w", encoding="utf-8") as out:
            for m, v in zip(manifest, verdicts):
                out.write(json.dumps({"file": m["file"], "verdict": v.get("verdict"),
                                      "of": v.get("of")}) + "\n")
        cmd = [sys.executable, str(scorer), "verdicts", stream, answers, "--errors", args.errors]
        if args.json:
            cmd += ["--json", args.json]
        sys.stdout.flush()
        subprocess.run(cmd, check=True)
        skipped = sum(1 for v in verdicts if v.get("verdict") == "skipped")
        print("\ningest: %d fetches, %d skipped, %.1f s CPU, %.1f s wall, %.0f pages per CPU second"
              % (len(manifest), skipped, cpu, wall, len(manifest) / cpu if cpu else 0.0))

        if args.clusters:
            groups = os.path.join(tmp, "store-groups.jsonl")
            with open(groups, "w", encoding="utf-8") as out:
                for g in store_groups(manifest, verdicts):
                    out.write(json.dumps({"members": g}) + "\n")
            proc = subprocess.run([binary, "dedupe", os.path.join(stream, "html")],
                                  stdout=subprocess.PIPE, text=True, check=True)
            clusters = os.path.join(tmp, "dedupe.jsonl")
            dedupe_groups = []
            with open(clusters, "w", encoding="utf-8") as out:
                for line in proc.stdout.splitlines():
                    c = json.loads(line)
                    files = sorted("html/" + os.path.basename(x["path"])
                                   for x in c["members"] + [c["representative"]])
                    dedupe_groups.append(files)
                    out.write(json.dumps({"members": files}) + "\n")
            print("\n== dedupe clusters ==")
            sys.stdout.flush()
            subprocess.run([sys.executable, str(scorer), "clusters", stream, clusters], check=True)
            print("\n== store groups ==")
            sys.stdout.flush()
            subprocess.run([sys.executable, str(scorer), "clusters", stream, groups], check=True)
            # Groups of two or more files, compared as sets of sets.
            a = {tuple(g) for g in dedupe_groups if len(g) > 1}
            b = {tuple(g) for g in store_groups(manifest, verdicts) if len(g) > 1}
            print("\nstore vs dedupe: %d groups equal, %d only in dedupe, %d only in the store"
                  % (len(a & b), len(a - b), len(b - a)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
