"""The Dask dedupe pipeline gives exactly the clusters of `libdiff dedupe`
(over directories, WARC files and page lists).

Runs with Debian's /usr/bin/python3 (python3-distributed); skips with a message
when Dask is not importable. Needs LIBDIFF_LIBRARY (libdiff.so) and LIBDIFF_CLI
(the libdiff binary); the corpus comes from bench/make_dedupe_corpus.py
(synthetic stories from samples/, no ../shared needed) plus files the CLI must
skip (binary, empty page, unreadable when not root).
"""
import gzip
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest

try:
    import distributed  # noqa: F401
    HAVE_DASK = True
except ImportError as e:  # the stock python3 has no Dask
    HAVE_DASK = False
    WHY = f"Dask is not importable ({e}); run with /usr/bin/python3 (python3-distributed)"

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CLI = os.environ.get("LIBDIFF_CLI", "")


def make_corpus(out):
    subprocess.run([sys.executable, os.path.join(ROOT, "bench", "make_dedupe_corpus.py"),
                    "generate", out, "--synthetic", "60", "--seed", "11",
                    "--samples", os.path.join(ROOT, "samples")],
                   check=True, stdout=subprocess.DEVNULL)
    with open(os.path.join(out, "blob.bin"), "wb") as f:
        f.write(b"\x00\x01\x02binary\xff" * 50)
    with open(os.path.join(out, "empty.html"), "w") as f:
        f.write("<html><body></body></html>")
    os.makedirs(os.path.join(out, "sub"), exist_ok=True)
    os.symlink("..", os.path.join(out, "sub", "loop"))
    locked = os.path.join(out, "locked.html")
    with open(locked, "w") as f:
        f.write("<html><body><p>secret</p></body></html>")
    os.chmod(locked, 0)


def pack_warcs(corpus, out_dir, parts=2):
    """The corpus's .html files as response records of `parts` .warc.gz files
    (one gzip member per record), URLs http://corpus.example/<path>."""
    pages = []
    for dirpath, _, names in os.walk(corpus):
        for n in names:
            full = os.path.join(dirpath, n)
            if n.endswith(".html") and os.access(full, os.R_OK):
                pages.append(os.path.relpath(full, corpus))
    pages.sort()
    os.makedirs(out_dir, exist_ok=True)
    paths = [os.path.join(out_dir, "crawl-%02d.warc.gz" % i) for i in range(parts)]
    files = [open(p, "wb") for p in paths]
    for i, rel in enumerate(pages):
        with open(os.path.join(corpus, rel), "rb") as f:
            body = f.read()
        block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
        rec = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: <http://corpus.example/" +
               rel.encode() + b">\r\nWARC-Date: 2026-11-28T04:00:00Z\r\nContent-Length: " +
               str(len(block)).encode() + b"\r\n\r\n" + block + b"\r\n\r\n")
        files[i % parts].write(gzip.compress(rec))
    for f in files:
        f.close()
    return paths


def random_words(seed, n):
    """`n` words from a 100,000-word vocabulary: texts that share no phrase."""
    rng = random.Random(seed)
    return " ".join("v%d" % rng.randrange(100000) for _ in range(n))


def make_saturated_copy(out):
    """The candidate-key case of near_duplicate_index.h: a copy inside a larger
    template whose filed keys (4 smallest sketch values) shared with its
    original are all a common sentence's, filed by more than 64 fillers, while
    an unsaturated filed key of the original is among the copy's 8 smallest
    (its query keys). Writes original (first in path order), fillers, copy
    (last); returns False when no seeds give the case."""
    import libdiff
    for s in range(20):
        sentence = random_words(1000 + s, 30)
        original = sentence + " " + random_words(5000 + s, 120)
        fillers = [sentence + " " + random_words(2000 + k, 60) for k in range(100)]
        filed = [set(libdiff.fingerprint(f).sketch[:4]) for f in fillers]

        def saturated(v):
            return sum(v in f for f in filed) > 64

        o = libdiff.fingerprint(original).sketch[:4]
        for t in range(100):
            copy = random_words(6000 + t, 120) + " " + original
            c = libdiff.fingerprint(copy).sketch
            shared = [v for v in o if v in c[:4]]
            if (shared and all(saturated(v) for v in shared) and
                    any(v in c[:8] and not saturated(v) for v in o)):
                os.makedirs(out)
                for name, text in ([("a-original.txt", original), ("z-copy.txt", copy)] +
                                   [("f-%03d.txt" % k, f) for k, f in enumerate(fillers)]):
                    with open(os.path.join(out, name), "w") as f:
                        f.write(text)
                return True
    return False


@unittest.skipUnless(HAVE_DASK, WHY if not HAVE_DASK else "")
@unittest.skipUnless(CLI and os.path.exists(CLI), "LIBDIFF_CLI (the libdiff binary) not set")
class DaskDedupeTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        from libdiff import dask_dedupe
        cls.dd = dask_dedupe
        cls.tmp = tempfile.mkdtemp(prefix="dask_dedupe_test_")
        cls.corpus = os.path.join(cls.tmp, "corpus")
        make_corpus(cls.corpus)
        cli = subprocess.run([CLI, "dedupe", cls.corpus, "--format", "jsonl", "--threads", "2"],
                             check=True, capture_output=True)
        cls.expected = cli.stdout.decode("utf-8")
        summary = subprocess.run([CLI, "dedupe", cls.corpus, "--format", "summary"],
                                 check=True, capture_output=True)
        cls.summary = summary.stdout.decode("utf-8")
        cls.cluster, cls.client = dask_dedupe.local_client(workers=2)

    @classmethod
    def tearDownClass(cls):
        cls.client.close()
        cls.cluster.close()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_ClustersEqualTheCli(self):
        self.assertGreater(self.expected.count("\n"), 5, "corpus should have clusters")
        run = self.dd.dedupe(self.corpus, self.client)
        self.assertEqual(self.expected, run.jsonl())

    def test_CopyWhoseSharedFiledKeyIsSaturatedEqualsTheCli(self):
        # The copy is found only through its query keys (deeper than the
        # filed ones), in the CLI and in the Dask pipeline alike.
        corpus = os.path.join(self.tmp, "saturated")
        self.assertTrue(make_saturated_copy(corpus))
        cli = subprocess.run([CLI, "dedupe", corpus, "--format", "jsonl"], check=True,
                             capture_output=True).stdout.decode("utf-8")
        cluster = [line for line in cli.splitlines() if "z-copy.txt" in line]
        self.assertEqual(1, len(cluster), cli)
        self.assertIn("a-original.txt", cluster[0])
        self.assertEqual(cli, self.dd.dedupe(corpus, self.client, npartitions=3).jsonl())

    def test_WarcFilesEqualTheCli(self):
        warcs = os.path.join(self.tmp, "warcs")
        paths = pack_warcs(self.corpus, warcs)
        # A glob of WARC files, named as given, against the CLI over their directory.
        cli = subprocess.run([CLI, "dedupe", ".", "--format", "jsonl"], cwd=warcs, check=True,
                             capture_output=True).stdout.decode("utf-8")
        self.assertGreater(cli.count("\n"), 5, "the WARCs should hold clusters")
        self.assertIn('"url":"http://corpus.example/', cli)
        here = os.getcwd()
        os.chdir(warcs)
        try:
            run = self.dd.dedupe(["crawl-*.warc.gz"], self.client, npartitions=2)
        finally:
            os.chdir(here)
        self.assertEqual(cli, run.jsonl())
        # One WARC file, named as given.
        one = subprocess.run([CLI, "dedupe", paths[0], "--format", "jsonl"], check=True,
                             capture_output=True).stdout.decode("utf-8")
        self.assertEqual(one, self.dd.dedupe(paths[0], self.client).jsonl())
        # WARCs beside loose pages in a directory.
        mixed = os.path.join(self.tmp, "mixed")
        shutil.copytree(warcs, mixed)
        for name in sorted(os.listdir(self.corpus))[:20]:
            if name.endswith(".html"):
                shutil.copy(os.path.join(self.corpus, name), mixed)
        cli = subprocess.run([CLI, "dedupe", mixed, "--format", "jsonl"], check=True,
                             capture_output=True).stdout.decode("utf-8")
        self.assertEqual(cli, self.dd.dedupe(mixed, self.client).jsonl())

    def test_SeveralInputsEqualTheCli(self):
        # A WARC file, a directory of WARCs beside loose pages and a loose page,
        # given in no particular order: names start with the inputs as given.
        warcs = os.path.join(self.tmp, "several", "warcs")
        paths = pack_warcs(self.corpus, warcs, parts=3)
        pages = sorted(os.path.join(d, n) for d, _, names in os.walk(self.corpus)
                       for n in names if n.endswith(".html") and n != "locked.html")
        self.assertGreater(len(pages), 20)
        for name in pages[:15]:
            shutil.copy(name, warcs)
        lone = os.path.join(self.tmp, "several", "lone.warc.gz")
        os.rename(paths[2], lone)
        page = pages[20]
        inputs = [warcs + "/", lone, page]
        cli = subprocess.run([CLI, "dedupe", "--no-progress", *inputs], check=True,
                             capture_output=True).stdout.decode("utf-8")
        self.assertGreater(cli.count("\n"), 5)
        self.assertIn(f'"path":"{lone}#', cli)
        self.assertIn(f'"path":"{warcs}/crawl-00.warc.gz#', cli)
        run = self.dd.dedupe(list(reversed(inputs)), self.client)
        self.assertEqual(cli, run.jsonl())
        with self.assertRaisesRegex(ValueError, "given twice"):
            self.dd.dedupe([warcs, paths[0]], self.client)

    def test_PageListsEqualTheCli(self):
        # Half the pages by a list (paths relative to it, dated URLs, in
        # reverse order, one page gone), the other half in a directory beside.
        pages = sorted(os.path.relpath(os.path.join(d, n), self.corpus)
                       for d, _, names in os.walk(self.corpus)
                       for n in names if n.endswith(".html") and n != "locked.html")
        self.assertGreater(len(pages), 20)
        listed, loose = pages[::2], pages[1::2]
        loose_dir = os.path.join(self.tmp, "listed", "loose")
        for rel in loose:
            os.makedirs(os.path.dirname(os.path.join(loose_dir, rel)), exist_ok=True)
            shutil.copy(os.path.join(self.corpus, rel), os.path.join(loose_dir, rel))
        lst = os.path.join(self.tmp, "listed", "lists", "crawl.tsv")
        os.makedirs(os.path.dirname(lst))
        lines = ["# url\tpath"]
        lines += [f"https://site{i % 3}.example/2020/01/{i % 28 + 1:02d}/{i}\t../../corpus/{rel}"
                  for i, rel in enumerate(reversed(listed))]
        # Two undated copies of a story: the URLs date them, so the shorter,
        # earlier one represents only when its URL reaches the extractor.
        import random
        rng = random.Random(5)
        paras = [" ".join(f"w{rng.randrange(3000)}" for _ in range(35)) + "." for _ in range(9)]
        for name, first in (("x1.html", "LONDON (Wire) -- "), ("x2.html", "")):
            body = "".join(f"<p>{p}</p>" for p in [first + paras[0]] + paras[1:])
            with open(os.path.join(loose_dir, "..", name), "w") as f:
                f.write(f"<html><head><title>Storm</title></head><body><article><h1>Storm</h1>"
                        f"{body}</article></body></html>")
        lines.append("https://wire.example/2020/05/09/storm\t../x1.html")
        lines.append("https://news.example/2020/05/01/storm\t../x2.html")
        lines.append("https://gone.example/x\tgone.html\t2026-11-28T04:00:00Z")
        with open(lst, "w") as f:
            f.write("\n".join(lines) + "\n")
        # A WARC file of a few pages beside them: lists mix with WARC files too.
        warc = pack_warcs(os.path.join(loose_dir, os.path.dirname(loose[0])),
                          os.path.join(self.tmp, "listed", "warcs"), parts=1)[0]
        cli = subprocess.run([CLI, "dedupe", "--no-progress", "--list", lst, loose_dir, warc],
                             check=True, capture_output=True)
        out = cli.stdout.decode("utf-8")
        self.assertGreater(out.count("\n"), 3)
        self.assertIn('"url":"https://site', out)
        x2 = os.path.join(os.path.dirname(lst), "../x2.html")
        self.assertRegex(out, r'"representative":\{"body_bytes":\d+,"path":"%s",'
                         r'"published":"2020-05-01T00:00:00Z",'
                         r'"url":"https://news\.example/2020/05/01/storm"\}' % re.escape(x2))
        gone = os.path.join(os.path.dirname(lst), "gone.html")
        self.assertIn(f"dedupe: skipped {gone} ({lst}:{len(lines)}): unreadable",
                      cli.stderr.decode("utf-8"))
        self.assertIn(f'"path":"{warc}#', out)
        run = self.dd.dedupe([warc, loose_dir], self.client, lists=[lst])
        self.assertEqual(out, run.jsonl())
        self.assertIn((gone, "unreadable"), [(p, r) for p, r, _ in run.skipped])
        self.assertEqual(run.origins[gone], f"{lst}:{len(lines)}")
        # A bad line is refused by both, naming it.
        with open(lst, "a") as f:
            f.write("https://no-path.example/\n")
        bad = subprocess.run([CLI, "dedupe", "--no-progress", "--list", lst], capture_output=True)
        self.assertEqual(bad.returncode, 2)
        where = f"{lst}:{len(lines) + 1}: expected url<TAB>path"
        self.assertIn(where, bad.stderr.decode("utf-8"))
        with self.assertRaisesRegex(ValueError, where):
            self.dd.dedupe([], self.client, lists=[lst])
        # The module's command line exits 2 on it, as the CLI does.
        import contextlib
        import io
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            status = self.dd.main(["--scheduler", self.client.scheduler.address, "--list", lst])
        self.assertEqual(status, 2)
        self.assertIn(where, err.getvalue())
        # One page under two spellings of its path, in two lists: refused by
        # both with the same message (paths compared lexically normalised).
        one = os.path.join(self.tmp, "listed", "one.tsv")
        two = os.path.join(self.tmp, "listed", "two.tsv")
        with open(one, "w") as f:
            f.write("https://a.example/1\tlists/../x1.html\n")
        with open(two, "w") as f:
            f.write("https://a.example/2\t./x1.html\n")
        twice = (f"{two}:1: {os.path.join(self.tmp, 'listed', './x1.html')} listed twice "
                 f"(also at {one}:1)")
        bad = subprocess.run([CLI, "dedupe", "--no-progress", "--list", one, "--list", two],
                             capture_output=True)
        self.assertEqual(bad.returncode, 2)
        self.assertEqual(bad.stderr.decode("utf-8"), f"libdiff: {twice}\n")
        with self.assertRaises(ValueError) as e:
            self.dd.dedupe([], self.client, lists=[one, two])
        self.assertEqual(str(e.exception), twice)

    def test_PartitioningDoesNotChangeClusters(self):
        run = self.dd.dedupe(self.corpus, self.client, npartitions=7)
        self.assertEqual(self.expected, run.jsonl())

    def test_DistributedComponentsEqualTheCli(self):
        # Label propagation over Dask dataframes, as for more pairs than one
        # client holds.
        run = self.dd.dedupe(self.corpus, self.client, local_components_max_edges=0)
        self.assertGreaterEqual(run.cc_rounds, 1)
        self.assertEqual(self.expected, run.jsonl())

    def test_SkipsAreCountedAsInTheCli(self):
        run = self.dd.dedupe(self.corpus, self.client)
        self.assertIn(f"documents   {run.documents} (of {run.files} files)", self.summary)
        self.assertIn(f"duplicates  {run.duplicates} ({run.exact_duplicates} exact)",
                      self.summary)
        c = run.counts
        self.assertIn(f"unreadable {c['unreadable']}, symlink loops {c['symlink loop']}, "
                      f"not html {c['not html']}, too large {c['too large']}, "
                      f"no article {c['no article']}", self.summary)
        reasons = {p: r for p, r, _ in run.skipped}
        self.assertEqual("not html", reasons["blob.bin"])
        self.assertEqual("no article", reasons["empty.html"])
        self.assertEqual("symlink loop", reasons["sub/loop"])
        if os.geteuid() != 0:
            self.assertEqual("unreadable", reasons["locked.html"])

    def test_KilledWorkerDoesNotChangeClusters(self):
        before = self.client.run(os.getpid)
        killed = []

        def kill_one(stage):
            if stage == "records" and not killed:
                pid = sorted(before.values())[0]
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)

        run = self.dd.dedupe(self.corpus, self.client, on_stage=kill_one)
        self.assertEqual(1, len(killed))
        self.assertEqual(self.expected, run.jsonl())
        # The nanny restarted the worker: the killed process is gone.
        deadline = time.time() + 30
        while time.time() < deadline and len(self.client.scheduler_info()["workers"]) < 2:
            time.sleep(0.2)
        self.assertNotIn(killed[0], self.client.run(os.getpid).values())


@unittest.skipUnless(HAVE_DASK, WHY if not HAVE_DASK else "")
@unittest.skipUnless(CLI and os.path.exists(CLI), "LIBDIFF_CLI (the libdiff binary) not set")
class SchedulerAddressTest(unittest.TestCase):
    """`python3 -m libdiff.dask_dedupe DIR --scheduler ADDRESS` against a scheduler
    and workers started as separate processes, as on a real cluster."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="dask_sched_test_")
        self.procs = []
        self.corpus = os.path.join(self.tmp, "corpus")
        make_corpus(self.corpus)

    def tearDown(self):
        for p, log in self.procs:
            p.kill()
            p.wait()
            log.close()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def spawn(self, module, *args):
        log = open(os.path.join(self.tmp, module.rsplit(".", 1)[1] + ".log"), "w")
        p = subprocess.Popen([sys.executable, "-m", module, *args], stdout=log,
                             stderr=subprocess.STDOUT, env=dict(os.environ))
        self.procs.append((p, log))
        return p

    def test_RunsOnAnExistingScheduler(self):
        import json
        sched_file = os.path.join(self.tmp, "scheduler.json")
        self.spawn("distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", "0",
                   "--no-dashboard", "--scheduler-file", sched_file)
        deadline = time.time() + 60
        while not os.path.exists(sched_file) and time.time() < deadline:
            time.sleep(0.2)
        self.assertTrue(os.path.exists(sched_file), "the scheduler did not start")
        time.sleep(0.5)  # the file is written whole, but give the listener a moment
        with open(sched_file) as f:
            address = json.load(f)["address"]
        self.spawn("distributed.cli.dask_worker", "--scheduler-file", sched_file,
                   "--nworkers", "2", "--nthreads", "1", "--no-dashboard",
                   "--host", "127.0.0.1")
        cli = subprocess.run([CLI, "dedupe", self.corpus, "--format", "jsonl"], check=True,
                             capture_output=True)
        run = subprocess.run([sys.executable, "-m", "libdiff.dask_dedupe", self.corpus,
                              "--scheduler", address, "--no-progress"],
                             capture_output=True, timeout=90)
        self.assertEqual(0, run.returncode, run.stderr.decode("utf-8", "replace"))
        self.assertGreater(cli.stdout.count(b"\n"), 5)
        self.assertEqual(cli.stdout, run.stdout)
        self.assertIn(b"symlink loops 1, not html 4", run.stderr)


class TableKeysTest(unittest.TestCase):
    def test_HashesWithinKBitsShareAKey(self):
        try:  # the module imports Dask lazily: this test needs only libdiff
            from libdiff import dask_dedupe as dd
        except ImportError as e:
            self.skipTest(f"libdiff not loadable: {e}")
        import random
        rng = random.Random(5)
        for k in range(0, 8):
            widths = [w for _, w in dd.table_layout(k)]
            self.assertEqual(64, sum(widths))
            for _ in range(200):
                h = rng.getrandbits(64)
                g = h
                for bit in rng.sample(range(64), k):
                    g ^= 1 << bit
                self.assertTrue(set(dd.table_keys(h, k)) & set(dd.table_keys(g, k)))


if __name__ == "__main__":
    unittest.main()
