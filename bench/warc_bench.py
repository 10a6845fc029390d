#!/usr/bin/env python3
"""What reading a .warc.gz costs in end-to-end ingest (issue 17's goal: <= 10 %).

Packs the development pages (../shared/corpus/naeb/html by default) into a
.warc.gz, one gzip member per response record as crawlers write them, then
measures, each as the median of --repeat runs of CPU time:

  read    libdiff_warc_next over every record (through ctypes, one call per
          record: the C reader's work, bodies decoded, nothing copied out)
  ingest  `libdiff ingest --warc FILE` into a fresh store (read, extract,
          fingerprint, file; batches of 64)
  list    `libdiff ingest --list` over the same pages as files, for reference

With --rss, measures memory instead: packs --copies of the corpus (e.g.
--copies 25 of NAEB: about 1 GB of WARC records) and runs `libdiff ingest
--warc` once into a fresh store, printing its peak RSS (getrusage of the child)
beside the store's size on disk (issue 17's goal: under 100 MB plus the store).
The temporary WARC and store are deleted afterwards.

Usage: bench/warc_bench.py [--libdiff build/release/tools/libdiff]
                           [--corpus DIR] [--repeat 3] [--copies 1] [--rss]
Standard library only; the Python package is loaded from bindings/python with
the build's libdiff.so.
"""
import argparse
import gzip
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def child_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_cpu(cmd):
    before = child_cpu()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return child_cpu() - before


def read_all(libdiff, path):
    """Records read by the C reader alone (libdiff_warc_next in a loop)."""
    import ctypes
    from libdiff import _capi
    handle, more, n = _capi.HANDLE(), ctypes.c_int(), 0
    p = os.fsencode(path)
    _capi.C.libdiff_warc_open(ctypes.byref(handle), p, len(p), 0)
    try:
        while True:
            _capi.C.libdiff_warc_next(ctypes.byref(more), handle)
            if not more.value:
                return n
            n += 1
    finally:
        _capi.C.libdiff_warc_free(handle)


def pack(pages, warc_path, list_path):
    with open(warc_path, "wb") as out, open(list_path, "w") as lst:
        for i, (name, path) in enumerate(pages):
            with open(path, "rb") as f:
                body = f.read()
            url = "https://naeb.example/%d/%s" % (i, name)
            block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
            rec = (b"WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: " + url.encode() +
                   b"\r\nWARC-Date: 2026-11-28T04:00:00Z\r\nContent-Type: "
                   b"application/http;msgtype=response\r\nContent-Length: " +
                   str(len(block)).encode() + b"\r\n\r\n" + block + b"\r\n\r\n")
            out.write(gzip.compress(rec, compresslevel=6))
            lst.write("%s\t%s\t2026-11-28T04:00:00Z\n" % (url, path))


def tree_bytes(path):
    return sum(os.path.getsize(os.path.join(d, n)) for d, _, ns in os.walk(path) for n in ns)


def measure_rss(libdiff_bin, warc, tmp, pages, html_bytes):
    """Peak RSS of one `libdiff ingest --warc` (the only child run here)."""
    store = os.path.join(tmp, "s-rss")
    t = time.monotonic()
    pid = subprocess.Popen([libdiff_bin, "ingest", "--store", store, "--warc", warc],
                           stdout=subprocess.DEVNULL).pid
    _, status, usage = os.wait4(pid, 0)
    if status != 0:
        sys.exit("warc_bench: libdiff ingest failed (status %d)" % status)
    secs = time.monotonic() - t
    record_bytes = 0
    with gzip.open(warc, "rb") as f:
        while True:
            chunk = f.read(1 << 20)
            if not chunk:
                break
            record_bytes += len(chunk)
    print("pages            %d (%.1f MB of HTML)" % (pages, html_bytes / 1e6))
    print("warc             %.1f MB as .warc.gz, %.1f MB of records" %
          (os.path.getsize(warc) / 1e6, record_bytes / 1e6))
    print("ingest --warc    %.1f s wall" % secs)
    print("peak RSS         %.1f MB (ru_maxrss)" % (usage.ru_maxrss / 1024))
    print("store on disk    %.1f MB" % (tree_bytes(store) / 1e6))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--libdiff", default=os.path.join(ROOT, "build/release/tools/libdiff"))
    ap.add_argument("--corpus", default=os.path.join(ROOT, "../shared/corpus/naeb/html"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--copies", type=int, default=1, help="pack the corpus this many times")
    ap.add_argument("--rss", action="store_true",
                    help="measure the peak RSS of one `ingest --warc` instead of CPU time")
    args = ap.parse_args()
    lib = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(args.libdiff))),
                       "libdiff/src/capi/libdiff.so")
    os.environ.setdefault("LIBDIFF_LIBRARY", lib)
    sys.path.insert(0, os.path.join(ROOT, "bindings/python"))
    import libdiff  # noqa: E402

    if not os.path.isdir(args.corpus):
        sys.exit("warc_bench: corpus %s is absent" % args.corpus)
    names = sorted(n for n in os.listdir(args.corpus) if n.endswith(".html"))
    pages = [(n, os.path.join(args.corpus, n)) for _ in range(args.copies) for n in names]
    with tempfile.TemporaryDirectory(prefix="libdiff-warc-bench-") as tmp:
        warc = os.path.join(tmp, "pages.warc.gz")
        lst = os.path.join(tmp, "pages.tsv")
        pack(pages, warc, lst)
        html_bytes = sum(os.path.getsize(p) for _, p in pages)
        if args.rss:
            return measure_rss(args.libdiff, warc, tmp, len(pages), html_bytes)
        reads, ingests, lists = [], [], []
        for i in range(args.repeat):
            t = time.process_time()
            n = read_all(libdiff, warc)
            reads.append(time.process_time() - t)
            assert n == len(pages), (n, len(pages))
            ingests.append(run_cpu([args.libdiff, "ingest", "--store",
                                    os.path.join(tmp, "s-warc-%d" % i), "--warc", warc]))
            lists.append(run_cpu([args.libdiff, "ingest", "--store",
                                  os.path.join(tmp, "s-list-%d" % i), "--list", lst]))
        read, ingest, listed = (statistics.median(x) for x in (reads, ingests, lists))
        print("pages            %d (%.1f MB of HTML, %.1f MB as .warc.gz)" %
              (len(pages), html_bytes / 1e6, os.path.getsize(warc) / 1e6))
        print("read .warc.gz    %.3f s CPU  (%.0f MB/s of HTML, %.0f pages/s)" %
              (read, html_bytes / 1e6 / read, len(pages) / read))
        print("ingest --warc    %.3f s CPU  (%.0f pages/s)" % (ingest, len(pages) / ingest))
        print("ingest --list    %.3f s CPU  (%.0f pages/s)" % (listed, len(pages) / listed))
        print("reading share    %.1f %% of ingest --warc (goal <= 10 %%)" % (100 * read / ingest))


if __name__ == "__main__":
    main()
