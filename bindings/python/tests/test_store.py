import gc
import json
import os
import random
import shutil
import tempfile
import threading
import unittest

import libdiff
from pages import OTHER, PARAS, UPDATE, page

URL = "https://harbour.example/news/bridge-closure"
COPY_URL = "https://other-paper.example/world/harbour-bridge"
MUSEUM_URL = "https://harbour.example/culture/museum-reopens"


class StoreTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="libdiff_py_store_")
        self.path = os.path.join(self.dir, "store")

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def test_verdicts_history_revisions_diff_stats(self):
        with libdiff.Store(self.path) as store:
            v = store.ingest(URL, page(), fetched_at=1700000000)
            self.assertEqual((v.kind, v.revision, v.url), ("new", 1, URL))
            self.assertIsNone(v.changes)
            # Only the template changed: unchanged.
            v = store.ingest(URL + "?utm_source=rss", page(sidebar="Football"))
            self.assertEqual((v.kind, v.revision), ("unchanged", 1))
            # check() does not write.
            for _ in range(2):
                self.assertEqual(store.check(URL, page(paras=PARAS + [UPDATE])).kind, "updated")
            v = store.ingest(URL, page(paras=PARAS + [UPDATE]), fetched_at=1700003600)
            self.assertEqual((v.kind, v.revision), ("updated", 2))
            self.assertIsInstance(v.changes, libdiff.Changes)
            self.assertEqual(v.changes.paragraphs_added, 1)
            self.assertFalse(v.changes.title_changed)
            # A copy of the latest version on another site: duplicate of the first.
            v = store.ingest(COPY_URL, page(paras=PARAS + [UPDATE], site="Other Paper",
                                            sidebar="Markets"))
            self.assertEqual(v.kind, "duplicate")
            self.assertIn("harbour.example/news/bridge-closure", v.of_url)
            self.assertEqual(v.of_revision, 2)   # the text it matched: the latest
            self.assertTrue(v.cross_site)
            self.assertGreater(v.similarity, 0.8)
            self.assertGreater(v.containment, 0.8)
            self.assertLessEqual(v.containment, 1.0)

            h = store.history(URL)
            self.assertIsInstance(h, libdiff.History)
            self.assertEqual([r.revision for r in h.revisions], [1, 2])
            self.assertEqual(h.revisions[0].fetched_at, 1700000000)
            self.assertEqual(h.first_url, URL)

            first = store.revision(URL, 1)
            latest = store.revision(URL)
            self.assertNotIn(UPDATE, first.text)
            self.assertIn(UPDATE, latest.text)
            self.assertIn("{+Update:", store.diff(URL, 1, 2))
            self.assertIn("{+Update:", libdiff.diff(first, latest))
            diff = json.loads(store.diff(URL, 1, 2, format="json"))
            self.assertIsInstance(diff, dict)
            self.assertIn("<html", store.diff(URL, 1, 2, format="html"))

            s = store.stats()
            self.assertEqual((s.articles, s.revisions, s.duplicates), (2, 3, 1))
            self.assertGreater(s.bytes_per_revision, 0)

    def test_batches(self):
        with libdiff.Store(self.path) as store:
            verdicts = store.ingest_batch([(URL, page()), (MUSEUM_URL, page(paras=OTHER)),
                                           (URL + "#comments", page(), 1700000000)])
            self.assertEqual([v.kind for v in verdicts], ["new", "new", "unchanged"])
            checked = store.check_batch([(URL, page(paras=PARAS + [UPDATE])),
                                         (MUSEUM_URL, page(paras=OTHER))])
            self.assertEqual([v.kind for v in checked], ["updated", "unchanged"])
            self.assertEqual(store.ingest_batch([]), [])
            # All or nothing: a bad page fails the batch and nothing is stored.
            with self.assertRaises(libdiff.InvalidArgumentError):
                store.ingest_batch([("https://new.example/a", page(paras=OTHER[:2])),
                                    ("https://new.example/b", b"")])
            self.assertEqual(store.stats().articles, 2)

    def test_missing_url_and_revision_are_not_found(self):
        with libdiff.Store(self.path) as store:
            store.ingest(URL, page())
            with self.assertRaises(libdiff.NotFoundError):
                store.history("https://nowhere.example/x")
            with self.assertRaises(libdiff.NotFoundError):
                store.revision(URL, 7)
            with self.assertRaises(LookupError):
                store.diff(URL, 1, 9)

    def test_close_is_idempotent_and_later_calls_fail(self):
        store = libdiff.Store(self.path)
        store.close()
        store.close()
        self.assertTrue(store.closed)
        with self.assertRaises(libdiff.InvalidArgumentError) as cm:
            store.ingest(URL, page())
        self.assertIn("store is closed", str(cm.exception))
        with self.assertRaises(libdiff.InvalidArgumentError):
            store.stats()
        del store
        gc.collect()
        # The directory can be opened again once closed.
        with libdiff.Store(self.path) as again:
            self.assertEqual(again.stats().articles, 0)

    def test_context_manager_closes_on_error(self):
        with self.assertRaises(RuntimeError):
            with libdiff.Store(self.path) as store:
                raise RuntimeError("boom")
        self.assertTrue(store.closed)

    def test_open_errors(self):
        with self.assertRaises(libdiff.NotFoundError):
            libdiff.Store(self.path, create_if_missing=False)
        with self.assertRaises(libdiff.InvalidArgumentError) as cm:
            libdiff.Store("")
        self.assertIn("path is empty", str(cm.exception))
        with self.assertRaises(libdiff.InvalidArgumentError):
            libdiff.Store(self.path, max_distance=65)
        os.makedirs(os.path.join(self.dir, "foreign"))
        with open(os.path.join(self.dir, "foreign", "data.mdb"), "wb") as f:
            f.write(b"not an lmdb file " * 10000)
        with self.assertRaises(libdiff.LibdiffError):
            libdiff.Store(os.path.join(self.dir, "foreign"))

    def test_read_only_store_refuses_writes(self):
        with libdiff.Store(self.path) as store:
            store.ingest(URL, page())
        with libdiff.Store(self.path, read_only=True) as store:
            self.assertEqual(store.check(URL, page()).kind, "unchanged")
            with self.assertRaises(libdiff.InvalidArgumentError):
                store.ingest(URL, page(paras=PARAS + [UPDATE]))

    def test_bad_page_input(self):
        with libdiff.Store(self.path) as store:
            with self.assertRaises(libdiff.InvalidArgumentError):
                store.ingest("", page())
            with self.assertRaises(libdiff.InvalidArgumentError):
                store.ingest(URL, b"")
            with self.assertRaises(libdiff.InvalidArgumentError):
                store.ingest(b"https://x.example/\xc0\xaf", page())
            with self.assertRaises(libdiff.InvalidArgumentError):
                store.ingest(URL, page(), fetched_at=-5)
            with self.assertRaises(libdiff.InvalidArgumentError):
                store.ingest_batch([(URL,)])
        with libdiff.Store(self.path, max_input_bytes=1000) as store:
            with self.assertRaises(libdiff.ResourceExhaustedError):
                store.ingest(URL, page())

    def test_one_store_many_threads(self):
        errors = []
        with libdiff.Store(self.path) as store:
            def writer(i):
                try:
                    url = f"https://site{i}.example/news/{i}"
                    # Words drawn at random per story: the stories share no
                    # text (consecutive numbers would share runs of shingles).
                    rng = random.Random(i)
                    paras = [f"Story {i} paragraph {j}: " + " ".join(
                        f"w{rng.randrange(100000)}" for _ in range(30)) for j in range(4)]
                    self.assertEqual(store.ingest(url, page(title=f"Story {i}", paras=paras)).kind,
                                     "new")
                    self.assertEqual(store.ingest(url, page(title=f"Story {i}",
                                                            paras=paras + [UPDATE])).kind,
                                     "updated")
                except Exception as e:  # noqa: BLE001 - reported below
                    errors.append(e)

            def reader():
                try:
                    for _ in range(20):
                        store.stats()
                        store.check(URL, page())
                except Exception as e:  # noqa: BLE001
                    errors.append(e)

            threads = [threading.Thread(target=writer, args=(i,)) for i in range(6)]
            threads += [threading.Thread(target=reader) for _ in range(3)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            self.assertEqual(errors, [])
            s = store.stats()
            self.assertEqual((s.articles, s.revisions), (6, 12))


if __name__ == "__main__":
    unittest.main()
