#!/usr/bin/env python3
"""What libdiff.read_page_list costs from Python on a large page list.

Writes a list of --lines `url<TAB>path[<TAB>fetched_at]` lines (a third with
Unix seconds, a third with an ISO 8601 time, a third without), then measures,
each as the median of --repeat runs of wall time in this process:

  c read   libdiff_page_list_read + libdiff_page_list_free alone (the C
           reader's work: nothing crosses into Python)
  python   libdiff.read_page_list (the C read plus the copy of every page
           into a ListedPage)

The package is loaded from --package (default: this tree's bindings/python)
with the library --library (default: this tree's build/release libdiff.so),
so one script measures two trees: pass another checkout's paths for a
before/after comparison.

Usage: bench/page_list_bench.py [--lines 100000] [--repeat 5]
                                [--library PATH] [--package DIR]
Standard library only.
"""
import argparse
import os
import statistics
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def write_list(path, lines):
    when = ("\t1764300000", "\t2026-11-28T04:00:00Z", "")
    with open(path, "w", encoding="utf-8") as f:
        f.write("# url\tpath\tfetched_at\n")
        for i in range(lines):
            f.write("https://news.example/%d/a-story-of-some-length-%d\tcrawl/%02d/%d.html%s\n"
                    % (i // 1000, i, i % 100, i, when[i % 3]))


def c_read(path):
    import ctypes
    from libdiff import _capi
    handle = _capi.HANDLE()
    p = os.fsencode(path)
    _capi.C.libdiff_page_list_read(ctypes.byref(handle), p, len(p))
    n = _capi.C.libdiff_page_list_count(handle)
    _capi.C.libdiff_page_list_free(handle)
    return n


def median_seconds(fn, repeat):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), times


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--lines", type=int, default=100000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--library",
                    default=os.path.join(ROOT, "build/release/libdiff/src/capi/libdiff.so"))
    ap.add_argument("--package", default=os.path.join(ROOT, "bindings/python"))
    args = ap.parse_args()
    os.environ["LIBDIFF_LIBRARY"] = args.library
    sys.path.insert(0, args.package)
    import libdiff  # noqa: E402

    with tempfile.TemporaryDirectory(prefix="libdiff-page-list-bench-") as tmp:
        lst = os.path.join(tmp, "pages.tsv")
        write_list(lst, args.lines)
        assert c_read(lst) == args.lines
        assert len(libdiff.read_page_list(lst)) == args.lines
        c_med, c_all = median_seconds(lambda: c_read(lst), args.repeat)
        py_med, py_all = median_seconds(lambda: libdiff.read_page_list(lst), args.repeat)
    print("interpreter  %s %s" % (sys.executable, sys.version.split()[0]))
    print("library      %s" % libdiff.library_path)
    print("lines        %d" % args.lines)
    print("c read       %.3f s median of %d (%s)" %
          (c_med, args.repeat, " ".join("%.3f" % t for t in c_all)))
    print("python       %.3f s median of %d (%s)" %
          (py_med, args.repeat, " ".join("%.3f" % t for t in py_all)))


if __name__ == "__main__":
    main()
