"""The records stage's batch path (dask_dedupe._records_of_items: one
libdiff_dedupe_records call per task) against the per-file path (_records:
one libdiff_dedupe_record call and JSON object per file) on the same files:
pages, near copies, text, a file that is not HTML, a missing file, a page
without an article. Needs neither numpy nor dask."""
import os
import shutil
import tempfile
import unittest

import libdiff
from libdiff import _dask_inputs as dd_inputs
from libdiff import _dask_native as N
from libdiff import dask_dedupe as dd

from pages import OTHER, PARAS, page


class DaskRecordsTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="dask_records_test_")
        files = {
            "a.html": page(),
            "b.html": page(site="Metro News", sidebar="Sport"),
            "c.html": page(title="Museum reopens", paras=OTHER),
            "d.txt": " ".join(PARAS),
            "e.bin": "\x01\x02 not a page",
            "f.html": "<html><body><nav>Home</nav></body></html>",
        }
        for name, text in files.items():
            with open(os.path.join(self.tmp, name), "w") as f:
                f.write(text)
        names = sorted(files) + ["g-missing.html"]
        self.items = [(rank, name.encode(), os.path.join(self.tmp, name).encode())
                      for rank, name in enumerate(names)]

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def test_BatchEqualsOneCallPerFile(self):
        batch = dd._records_of_items(self.items)
        one = [r for item in self.items for r in dd._records(item)]
        self.assertEqual(batch, one)
        kinds = [kind for kind, _, _ in batch]
        self.assertEqual(kinds, ["doc"] * 4 + ["skip"] * 3)
        reasons = [value[1] for kind, _, value in batch if kind == "skip"]
        self.assertEqual(reasons, ["not html", "no article", "unreadable"])

    def test_SkipsKeepTheirDiskBytes(self):
        docs, skips = N.dedupe_records([full for _, _, full in self.items])
        self.assertEqual([i for i, _, _ in skips], [4, 5, 6])
        self.assertGreater(docs[4].disk_bytes, 0)  # read, then found not HTML
        self.assertEqual(docs[6].disk_bytes, 0)    # missing
        self.assertFalse(docs[4].is_document)

    def test_EmptyListAndBadPath(self):
        self.assertEqual(dd._records_of_items([]), [])
        docs, skips = N.dedupe_records([])
        self.assertEqual((len(docs), skips), (0, []))
        with self.assertRaises(Exception) as cm:
            N.dedupe_records([self.items[0][2], b""])
        self.assertIn("path 1 is empty", str(cm.exception))


class DaskPageListTest(unittest.TestCase):
    """Page lists as `libdiff dedupe --list` reads them (the library's reader,
    libdiff/page_list.h, through libdiff.read_page_list): the Dask pipeline's
    pages, their names and their URLs."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="dask_lists_test_")
        os.makedirs(os.path.join(self.tmp, "pages"))
        for name, text in {"a.html": page(), "b.html": page(site="Metro News"),
                           "c.html": page(title="Museum reopens", paras=OTHER)}.items():
            with open(os.path.join(self.tmp, "pages", name), "w") as f:
                f.write(text)
        self.list = os.path.join(self.tmp, "lists", "crawl.tsv")
        os.makedirs(os.path.dirname(self.list))
        self.write_list("# url<TAB>path\n"
                        "https://news.example/2024/03/01/bridge\t../pages/a.html\n"
                        "\n"
                        "https://metro.example/bridge\t../pages/b.html\t1764300000\r\n"
                        "https://gone.example/x\tgone.html\t2026-11-28T04:00:00Z\n")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def write_list(self, text):
        with open(self.list, "w", newline="") as f:
            f.write(text)

    def test_ListsAreReadAsTheCliReadsThem(self):
        lists_dir = os.path.dirname(self.list)
        self.assertEqual(libdiff.read_page_list(self.list), [
            ("https://news.example/2024/03/01/bridge", os.path.join(lists_dir, "../pages/a.html"),
             0, self.list + ":2"),
            ("https://metro.example/bridge", os.path.join(lists_dir, "../pages/b.html"),
             1764300000, self.list + ":4"),
            ("https://gone.example/x", os.path.join(lists_dir, "gone.html"), 1795838400,
             self.list + ":5")])
        for bad, why in (("https://x.example/a\n", ":1: expected url<TAB>path"),
                         ("# ok\n\tpages/a.html\n", ":2: expected url<TAB>path"),
                         ("u\tp\t1\textra\n", ":1: expected url<TAB>path"),
                         ("u\tp\tyesterday\n", ':1: fetched_at "yesterday" is neither')):
            self.write_list(bad)
            with self.assertRaises(ValueError) as cm:
                libdiff.read_page_list(self.list)
            self.assertIn(self.list + why, str(cm.exception))

    def test_ListedPagesAreNamedByPathAndExtractedWithTheirUrls(self):
        origins = {}
        files, skipped = dd_inputs.collect([], [self.list], origins)
        self.assertEqual(skipped, [])
        a = os.path.join(os.path.dirname(self.list), "../pages/a.html")
        self.assertEqual(files[0], (a.encode(), os.path.abspath(a).encode(),
                                    "https://news.example/2024/03/01/bridge"))
        self.assertEqual(origins[a], self.list + ":2")
        items = [(rank,) + f for rank, f in enumerate(sorted(files))]
        batch = dd._records_of_items(items)
        self.assertEqual(batch, [r for item in items for r in dd._records(item)])
        self.assertEqual([kind for kind, _, _ in batch], ["doc", "doc", "skip"])
        docs = [value for kind, _, value in batch if kind == "doc"]
        self.assertEqual(docs[0][N.DOC_URL], "https://news.example/2024/03/01/bridge")
        self.assertEqual(docs[0][N.DOC_PATH], a)
        # The URL reached the extractor: its path dates the undated page.
        self.assertEqual(docs[0][N.DOC_PUBLISHED], 1709251200)
        plain = dd._records_of_items([(0, b"a.html", os.path.abspath(a).encode())])
        self.assertIsNone(plain[0][2][N.DOC_PUBLISHED])
        self.assertEqual(plain[0][2][N.DOC_URL], "")
        self.assertEqual(batch[2][2][1], "unreadable")

    def test_PagesMixWithInputsAndBadOnesAreRefused(self):
        pages = os.path.join(self.tmp, "pages")
        c = os.path.join(pages, "c.html")
        # With a list, one directory's files are named with the directory.
        self.write_list(f"https://news.example/c\t{os.path.join(self.tmp, 'c-copy.html')}\n")
        files, _ = dd_inputs.collect([pages], [self.list])
        self.assertIn((c.encode(), c.encode()), files)
        self.write_list(f"https://news.example/c\t{c}\n")
        with self.assertRaisesRegex(ValueError, "given twice \\(inside "):
            dd_inputs.collect([pages], [self.list])
        with self.assertRaisesRegex(ValueError, "given twice \\(same as "):
            dd_inputs.collect([c], [self.list])
        self.write_list(f"https://news.example/c\t{c}\nhttps://news.example/d\t{c}\n")
        with self.assertRaises(ValueError) as cm:
            dd_inputs.collect([], [self.list])
        self.assertEqual(str(cm.exception),
                         f"{self.list}:2: {c} listed twice (also at {self.list}:1)")
        # Two spellings of one path are one page too (compared lexically normalised).
        self.write_list(f"https://news.example/c\t../pages/c.html\n"
                        f"https://news.example/d\t./../pages/c.html\n")
        with self.assertRaises(ValueError) as cm:
            dd_inputs.collect([], [self.list])
        d = os.path.dirname(self.list)
        self.assertEqual(str(cm.exception), f"{self.list}:2: {d}/./../pages/c.html listed twice "
                                            f"(also at {self.list}:1)")
        with self.assertRaisesRegex(ValueError, "no input given"):
            dd_inputs.collect([], [])
        with self.assertRaises(FileNotFoundError):
            dd_inputs.collect([], [os.path.join(self.tmp, "none.tsv")])


if __name__ == "__main__":
    unittest.main()
