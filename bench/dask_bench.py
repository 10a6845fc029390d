#!/usr/bin/python3
"""Dask dedupe throughput: pages/s with 1 and 2 workers, shuffle volume per document.

    LIBDIFF_LIBRARY=build/x/libdiff/src/capi/libdiff.so PYTHONPATH=bindings/python \
      /usr/bin/python3 bench/dask_bench.py [--pages N] [--corpus DIR] [--cli build/x/tools/libdiff]

Generates a corpus with bench/make_dedupe_corpus.py (synthetic stories from
samples/) unless --corpus is given, runs the pipeline on a LocalCluster on
127.0.0.1 with 1 and then 2 single-threaded workers, checks the output equals
`libdiff dedupe` when --cli is given, and prints one line per run. The shuffle
volume is the pickled size of what the pipeline's shuffles move (document
records, sketch and table entries, edges), measured in a separate run.
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=2000, help="synthetic stories to generate")
    ap.add_argument("--corpus")
    ap.add_argument("--cli", help="libdiff binary: also time `libdiff dedupe` and check parity")
    ap.add_argument("--workers", default="1,2")
    args = ap.parse_args()
    from libdiff import dask_dedupe as dd

    corpus = args.corpus
    if not corpus:
        corpus = os.path.join(tempfile.mkdtemp(prefix="dask_bench_"), "corpus")
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "make_dedupe_corpus.py"),
                        "generate", corpus, "--synthetic", str(args.pages), "--seed", "3",
                        "--samples", os.path.join(ROOT, "samples")], check=True)
    expected = None
    if args.cli:
        for threads in (1, 2):
            t = time.monotonic()
            out = subprocess.run([args.cli, "dedupe", corpus, "--format", "jsonl", "--threads",
                                  str(threads)], check=True, capture_output=True).stdout
            secs = time.monotonic() - t
            expected = out.decode("utf-8")
            print(f"cli     threads={threads}  {secs:7.2f} s")
    for workers in [int(w) for w in args.workers.split(",")]:
        cluster, client = dd.local_client(workers=workers)
        try:
            dd.dedupe(corpus, client)  # warm-up: worker imports, library load
            run = dd.dedupe(corpus, client)
            rate = run.documents / run.seconds
            same = "" if expected is None else ("  parity=ok" if run.jsonl() == expected
                                                else "  parity=DIFFERENT")
            print(f"dask    workers={workers}  {run.seconds:7.2f} s  {run.documents} docs  "
                  f"{rate:8.1f} pages/s  {len(run.clusters)} clusters  "
                  f"cc_rounds={run.cc_rounds}{same}")
            print("        stages (s from start): " + "  ".join(
                f"{k}={v:.2f}" for k, v in run.stage_seconds.items()))
            if workers == 1:
                m = dd.dedupe(corpus, client, measure_shuffle=True)
                print(f"shuffle {m.shuffle_bytes} bytes = "
                      f"{m.shuffle_bytes / max(1, m.documents):.0f} bytes/document")
        finally:
            client.close()
            cluster.close()


if __name__ == "__main__":
    main()
