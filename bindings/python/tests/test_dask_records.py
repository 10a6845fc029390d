"""The records stage's batch path (dask_dedupe._records_of_items: one
libdiff_dedupe_records call per task) against the per-file path (_records:
one libdiff_dedupe_record call and JSON object per file) on the same files:
pages, near copies, text, a file that is not HTML, a missing file, a page
without an article. Needs neither numpy nor dask."""
import os
import shutil
import tempfile
import unittest

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


if __name__ == "__main__":
    unittest.main()
