#!/usr/bin/env python3
"""Measure libdiff's article extraction on a development corpus (NAEB by default).

Usage:
  python3 bench/naeb_eval.py [LIBDIFF_BINARY] [--shared DIR] [--corpus NAME|PATH]
                             [--out PREDICTIONS.json] [--per-doc] [--ids ID,...] [--halves]
                             [--urls]

Runs `libdiff extract --format jsonl` once over every page of
DIR/corpus/naeb/html (DIR defaults to ../shared beside the repository; --corpus
names another corpus under DIR/corpus, e.g. wcxb-dev-articles, or gives its
path), turns
its output into the prediction format of DIR/eval/score.py
({id: {"articleBody", "title", "date", "author"}}, several authors joined by
", "), runs score.py on it and prints the scores (body shingle F1/P/R, body
word F1, date F1, title and author exact match), the false empties (pages
whose body came back empty: every page of the development corpora holds an
article, so each one is an error; listed with their empty_reason) and the
wall time. --halves
also scores the body on the two halves of the corpus split by document id
(NAEB's hash ids by first hex digit, 0-7 and 8-f; numbered ids such as
wcxb's by the parity of the last digit): develop on one half, check on the
other. --urls gives each page the URL its gold record holds (ground-truth.json
"url"), through `libdiff extract --list`, as a crawler would: host-based rules
(a host before the title, a personal site's owner) then count. Without it the
pages are extracted without a URL, the figures the README quotes.

The binary is the first argument, or the first `libdiff` found under build/*/
(tools/libdiff) of this repository, newest first. Exits 0 with a message when
the corpus is absent. Standard library only; runs under any python3 >= 3.8.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from built_binary import find_libdiff

REPO = Path(__file__).resolve().parent.parent


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("binary", nargs="?", help="path to the built libdiff command")
    ap.add_argument("--shared", default=str(REPO.parent / "shared"),
                    help="the shared folder holding corpus/naeb and eval/score.py")
    ap.add_argument("--corpus", default="naeb",
                    help="a corpus name under SHARED/corpus (naeb, wcxb-dev-articles) or a path")
    ap.add_argument("--out", help="also keep the predictions in this file")
    ap.add_argument("--per-doc", action="store_true",
                    help="list per-document body P/R, worst first (on stderr)")
    ap.add_argument("--ids",
                    help="only these comma-separated document ids (scores are then partial)")
    ap.add_argument("--halves", action="store_true",
                    help="also print body scores for two halves of the ids separately")
    ap.add_argument("--urls", action="store_true",
                    help="extract each page with the URL of its gold record (extract --list)")
    a = ap.parse_args()

    shared = Path(a.shared)
    corpus = Path(a.corpus) if os.sep in a.corpus else shared / "corpus" / a.corpus
    score = shared / "eval" / "score.py"
    if not (corpus / "html").is_dir() or not score.is_file():
        print(f"naeb_eval: skipped: no corpus at {corpus} or no scorer at {score}")
        return 0
    binary = find_libdiff(a.binary)
    if not binary:
        print("naeb_eval: no libdiff binary given and none found under build/*/tools/",
              file=sys.stderr)
        return 2

    pages = sorted((corpus / "html").glob("*.html"))
    if a.ids:
        wanted = set(a.ids.split(","))
        pages = [p for p in pages if p.stem in wanted]
    args = [str(p) for p in pages]
    list_path = None
    if a.urls:
        with open(corpus / "ground-truth.json", encoding="utf-8") as f:
            gold_urls = {k: (v or {}).get("url") or "" for k, v in json.load(f).items()}
        fd, list_path = tempfile.mkstemp(prefix="eval_pages_", suffix=".tsv")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            for p in pages:
                url = gold_urls.get(p.stem, "").replace("\t", "%09").replace("\n", "")
                # A page without a URL keeps its line: an unknown scheme-less
                # URL resolves nothing and names no host.
                f.write(f"{url or 'about:blank'}\t{p}\n")
        args = ["--list", list_path]
    start = time.perf_counter()
    proc = subprocess.run([binary, "extract", "--format", "jsonl"] + args,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if list_path:
        os.unlink(list_path)
    if proc.stderr:
        sys.stderr.write(proc.stderr.decode("utf-8", "replace"))

    predictions = {}
    empties = []  # (id, empty_reason)
    # Split on "\n" only: str.splitlines() would also split inside strings
    # holding U+2028, U+0085 and the like, which JSON leaves unescaped.
    for line in proc.stdout.decode("utf-8").split("\n"):
        if not line.strip():
            continue
        obj = json.loads(line)
        doc_id = Path(obj.get("path", "")).stem
        authors = obj.get("authors") or []
        if not (obj.get("text") or "").strip():
            empties.append((doc_id, obj.get("empty_reason") or "?"))
        predictions[doc_id] = {
            "articleBody": obj.get("text") or "",
            "title": obj.get("title") or None,
            "date": obj.get("published") or None,
            "author": ", ".join(authors) if authors else None,
        }

    if a.out:
        out_path = a.out
    else:
        fd, out_path = tempfile.mkstemp(prefix="eval_predictions_", suffix=".json")
        os.close(fd)
    try:
        with open(out_path, "w", encoding="utf-8") as f:
            json.dump(predictions, f, ensure_ascii=False)
        def run_score(keep, per_doc):
            """score.py on the documents `keep` accepts (all when None)."""
            corpus_arg = str(corpus)
            if keep is not None:
                # A trimmed copy of the gold files.
                tmpdir = tempfile.mkdtemp(prefix="eval_subset_")
                for name in ("ground-truth.json", "ground-truth-metadata.json"):
                    src = corpus / name
                    if src.exists():
                        data = json.load(open(src, encoding="utf-8"))
                        json.dump({k: v for k, v in data.items() if keep(k)},
                                  open(os.path.join(tmpdir, name), "w", encoding="utf-8"))
                corpus_arg = tmpdir
            cmd = [sys.executable, str(score), out_path, "--corpus", corpus_arg]
            if per_doc:
                cmd.append("--per-doc")
            res = subprocess.run(cmd, stdout=subprocess.PIPE)
            if res.returncode != 0:
                return None
            return json.loads(res.stdout.decode("utf-8"))

        scores = run_score((lambda k: k in wanted) if a.ids else None, a.per_doc)
        if scores is None:
            print("naeb_eval: score.py failed", file=sys.stderr)
            return 2
        halves = []
        if a.halves:
            ids = set(predictions)
            # Numbered ids (0001, 0002, ...) share their first digit: split
            # those by the last digit's parity instead.
            hashed = all(len(k) == 32 for k in ids)
            splits = ((("ids 0-7", True), ("ids 8-f", False)) if hashed else
                      (("even ids", True), ("odd ids", False)))
            for label, low in splits:
                if hashed:
                    keep = (lambda k, low=low: k in ids and (int(k[0], 16) < 8) == low)
                else:
                    keep = (lambda k, low=low: k in ids and (int(k[-1], 16) % 2 == 0) == low)
                halves.append((label, sum(1 for k in ids if keep(k)), run_score(keep, False)))
    finally:
        if not a.out:
            os.unlink(out_path)

    total_bytes = sum(p.stat().st_size for p in pages)
    b = scores["body_shingle"]
    print(f"binary            {binary}")
    print(f"corpus            {corpus}")
    print(f"pages             {len(pages)} ({len(predictions)} predictions, "
          f"exit {proc.returncode})")
    print(f"body shingle      F1 {b['f1']:.3f}  P {b['precision']:.3f}  R {b['recall']:.3f}")
    print(f"body word         F1 {scores['body_word']['f1']:.3f}")
    if "date" in scores:
        d, t, au = scores["date"], scores["title"], scores["author"]
        print(f"date              F1 {d['f1']:.3f}  P {d['precision']:.3f}  R {d['recall']:.3f}")
        print(f"title             exact {t['exact']:.3f}  (n={t['n']})")
        print(f"author            exact {au['exact']:.3f}  (n={au['n']})")
    print(f"false empties     {len(empties)}"
          + "".join(f"\n  {doc_id}  {reason}" for doc_id, reason in sorted(empties)))
    for label, n, h in halves:
        if h is None:
            continue
        hb = h["body_shingle"]
        print(f"  half {label}   F1 {hb['f1']:.3f}  P {hb['precision']:.3f}  R {hb['recall']:.3f}"
              f"  (n={n})")
    print(f"wall time         {elapsed:.2f} s for {total_bytes / 1e6:.1f} MB "
          f"({1000 * elapsed / max(1, len(pages)):.2f} ms/page incl. process start and I/O)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
