#!/usr/bin/python3
"""Dask dedupe throughput: pages/s with 1 and 2 workers, shuffle volume per document.

    LIBDIFF_LIBRARY=build/x/libdiff/src/capi/libdiff.so PYTHONPATH=bindings/python \
      /usr/bin/python3 bench/dask_bench.py [--pages N] [--corpus DIR] [--cli build/x/tools/libdiff]
      [--workers 1,2] [--shuffle]

Generates a corpus with bench/make_dedupe_corpus.py (synthetic stories from
samples/) unless --corpus is given, runs the pipeline on a LocalCluster on
127.0.0.1 with 1 and then 2 single-threaded workers, checks the output equals
`libdiff dedupe` when --cli is given, and prints one line per run, then the
CLI's pages/s with 1 and 2 threads, the load average, and the two ratios of
issue 17's goals (Dask 1 worker / CLI 1 thread >= 0.8; Dask 2 workers / Dask 1
worker >= 1.7), all from this one run. Pages/s counts documents (pages with an
article), the same number for both. With --shuffle, the shuffle volume (the
pickled size of the document records, sketch and table entries and edges the
shuffles move) is measured in a separate run.
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def profiled(dd, corpus, client):
    """One run with its task stream: prints the compute seconds per task kind
    (summed over workers) and the CPU seconds of each worker, the scheduler
    and this client process, which stay meaningful on a loaded machine."""
    from distributed import get_task_stream

    def cpu():
        return time.process_time()

    workers_before = client.run(cpu)
    scheduler_before = client.run_on_scheduler(cpu)
    client_before = time.process_time()
    with get_task_stream(client) as ts:
        run = dd.dedupe(corpus, client)
    workers = {w: t - workers_before[w] for w, t in client.run(cpu).items()}
    scheduler = client.run_on_scheduler(cpu) - scheduler_before
    per_kind = {}
    for task in ts.data:
        name = task["key"] if isinstance(task["key"], str) else str(task["key"][0])
        name = name.split("-", 1)[0]
        for ss in task["startstops"]:
            if ss["action"] == "compute":
                n, secs = per_kind.get(name, (0, 0.0))
                per_kind[name] = (n + 1, secs + ss["stop"] - ss["start"])
    print("        tasks (compute s): " + "  ".join(
        f"{name}={secs:.2f}/{n}" for name, (n, secs) in
        sorted(per_kind.items(), key=lambda kv: -kv[1][1])))
    print("        cpu s: workers " + " ".join(f"{t:.2f}" for t in workers.values()) +
          f"  scheduler {scheduler:.2f}  client {time.process_time() - client_before:.2f}")
    return run


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=2000, help="synthetic stories to generate")
    ap.add_argument("--corpus")
    ap.add_argument("--cli", help="libdiff binary: also time `libdiff dedupe` and check parity")
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--profile", action="store_true",
                    help="per task kind: compute seconds summed over workers (dask's task "
                    "stream), and each process's CPU seconds, for every run")
    ap.add_argument("--shuffle", action="store_true",
                    help="also measure the shuffle volume (a third run with 1 worker)")
    args = ap.parse_args()
    from libdiff import dask_dedupe as dd

    corpus = args.corpus
    if not corpus:
        corpus = os.path.join(tempfile.mkdtemp(prefix="dask_bench_"), "corpus")
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "make_dedupe_corpus.py"),
                        "generate", corpus, "--synthetic", str(args.pages), "--seed", "3",
                        "--samples", os.path.join(ROOT, "samples")], check=True)
    expected = None
    cli_secs = {}
    if args.cli:
        for threads in (1, 2):
            t = time.monotonic()
            out = subprocess.run([args.cli, "dedupe", corpus, "--format", "jsonl", "--threads",
                                  str(threads), "--no-progress"], check=True,
                                 capture_output=True).stdout
            cli_secs[threads] = time.monotonic() - t
            expected = out.decode("utf-8")
    rates = {}
    documents = 0
    for workers in [int(w) for w in args.workers.split(",")]:
        cluster, client = dd.local_client(workers=workers)
        try:
            dd.dedupe(corpus, client)  # warm-up: worker imports, library load
            if args.profile:
                run = profiled(dd, corpus, client)
            else:
                run = dd.dedupe(corpus, client)
            documents = run.documents
            rates[workers] = run.documents / run.seconds
            same = "" if expected is None else ("  parity=ok" if run.jsonl() == expected
                                                else "  parity=DIFFERENT")
            print(f"dask    workers={workers}  {run.seconds:7.2f} s  {run.documents} docs  "
                  f"{rates[workers]:8.1f} pages/s  {len(run.clusters)} clusters  "
                  f"cc_rounds={run.cc_rounds}{same}")
            print("        stages (s from start): " + "  ".join(
                f"{k}={v:.2f}" for k, v in run.stage_seconds.items()))
            if workers == 1 and args.shuffle:
                m = dd.dedupe(corpus, client, measure_shuffle=True)
                print(f"shuffle {m.shuffle_bytes} bytes = "
                      f"{m.shuffle_bytes / max(1, m.documents):.0f} bytes/document")
        finally:
            client.close()
            cluster.close()
    cli_rates = {t: documents / s for t, s in cli_secs.items()}
    for t, s in cli_secs.items():
        print(f"cli     threads={t}  {s:7.2f} s  {documents} docs  {cli_rates[t]:8.1f} pages/s")
    print(f"load    {' '.join(f'{x:.2f}' for x in os.getloadavg())} (1, 5, 15 min)")
    # The goals (issue 17): one worker >= 0.8x the CLI's one thread; two
    # workers >= 1.7x one worker.
    if 1 in rates and 1 in cli_rates:
        print(f"ratio   dask 1 worker / cli 1 thread   = {rates[1] / cli_rates[1]:.2f}  (goal >= 0.8)")
    if 1 in rates and 2 in rates:
        print(f"ratio   dask 2 workers / dask 1 worker = {rates[2] / rates[1]:.2f}  (goal >= 1.7)")
    if 2 in cli_rates and 1 in cli_rates:
        print(f"ratio   cli 2 threads / cli 1 thread   = {cli_rates[2] / cli_rates[1]:.2f}")


if __name__ == "__main__":
    main()
