"""libdiff._dask_columns (the numpy stages of the Dask dedupe pipeline)
against plain-Python references: batch verification against one
libdiff_dedupe_verify call per pair, a bucket's edges against the candidate
rule written out pair by pair (whatever the partitioning), and connected
components against a union-find. Skips without numpy (the stock python3)."""
import ctypes
import itertools
import os
import random
import shutil
import tempfile
import unittest

try:
    import numpy as np
    from libdiff import _dask_columns as C
    HAVE_NUMPY = True
except ImportError:  # the core package works without numpy; this module does not
    HAVE_NUMPY = False

from libdiff import _dask_native as N
from libdiff import dask_dedupe as dd

WORDS = ("harbour bridge council budget river election court school hospital train station "
         "minister police storm museum festival market farmers teachers union strike report "
         "water price energy housing plan vote league match coach season").split()


def story(seed: int, n: int = 120) -> list:
    rng = random.Random(seed)
    return [rng.choice(WORDS) for _ in range(n)]


@unittest.skipUnless(HAVE_NUMPY, "numpy is not installed (the Dask stages need it)")
class DaskColumnsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        # Five stories; each with exact copies, near copies (a word or two
        # changed) and a short text that never matches.
        cls.tmp = tempfile.mkdtemp(prefix="dask_columns_test_")
        texts = []
        for s in range(5):
            words = story(s)
            texts += [words, list(words)]
            for edit in range(3):
                near = list(words)
                near[10 + 20 * edit] = "changed"
                texts += [near] * (1 + edit % 2)
        texts.append(["short", "text"])
        texts.append(story(99, 30))
        cls.docs = []
        for rank, words in enumerate(texts):
            rel = f"{rank:03d}.txt".encode()
            full = os.path.join(cls.tmp, rel.decode()).encode()
            with open(full, "w") as f:
                f.write(" ".join(words))
            [(kind, _, doc)] = dd._records((rank, rel, full))
            assert kind == "doc", doc
            cls.docs.append(doc)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def reference_edges(self, k):
        """Exact groups join their members to the first when the first two
        verify; leaders a < b where a files a sketch value (one of its 4
        smallest) that b looks up (one of its 8 smallest) and at most 64
        leaders file, or sharing a table key within k bits, are verified pair
        by pair."""
        edges = set()
        by_exact = {}
        for d in self.docs:
            by_exact.setdefault(d[N.DOC_EXACT], []).append(d)
        leaders = []
        for group in by_exact.values():
            group.sort(key=lambda d: d[N.DOC_RANK])
            leaders.append(group[0])
            if len(group) > 1 and N.verify(group[0], group[1], k)[0]:
                edges.update((group[0][N.DOC_RANK], d[N.DOC_RANK]) for d in group[1:])
        groups = {}
        filers = {}
        for d in leaders:
            for r, h in enumerate(d[N.DOC_SKETCH][:C.QUERY_KEYS]):
                groups.setdefault(("s", h), []).append(d)
                if r < C.KEYS_PER_SKETCH:
                    filers.setdefault(h, set()).add(d[N.DOC_RANK])
            for key in dd.table_keys(d[N.DOC_SIMHASH], k):
                groups.setdefault(("t", key), []).append(d)
        for key, group in groups.items():
            if key[0] == "s" and len(filers.get(key[1], ())) > C.MAX_POSTINGS:
                continue
            for a, b in itertools.combinations(sorted(group, key=lambda d: d[N.DOC_RANK]), 2):
                if key[0] == "s" and a[N.DOC_RANK] not in filers.get(key[1], ()):
                    continue
                if key[0] == "t" and bin(a[N.DOC_SIMHASH] ^ b[N.DOC_SIMHASH]).count("1") > k:
                    continue
                if N.verify(a, b, k)[0]:
                    edges.add((a[N.DOC_RANK], b[N.DOC_RANK]))
        return edges

    def edges_of(self, k, nparts, nbuckets):
        layout = dd.table_layout(k)
        bounds = [len(self.docs) * i // nparts for i in range(nparts + 1)]
        parts = [C.split_into_buckets(C.doc_columns(self.docs[bounds[i]:bounds[i + 1]]),
                                      layout, nbuckets) for i in range(nparts)]
        found = set()
        for b in range(nbuckets):
            e = C.bucket_edges([p[b] for p in parts], k)
            found.update(map(tuple, e.tolist()))
        return found

    def test_BatchVerifyEqualsOneCallPerPair(self):
        cols = C.doc_columns(self.docs)
        pairs = list(itertools.combinations(range(len(self.docs)), 2))
        a = np.array([p[0] for p in pairs])
        b = np.array([p[1] for p in pairs])
        dup, dist, sim, exact = C.verify_pairs(cols, a, b, 3, details=True)
        self.assertTrue(dup.any() and not dup.all())
        for i, (x, y) in enumerate(pairs):
            self.assertEqual(N.verify(self.docs[x], self.docs[y], 3),
                             (bool(dup[i]), int(dist[i]), float(sim[i]), bool(exact[i])))

    def test_BatchVerifyRejectsBadIndices(self):
        cols = C.doc_columns(self.docs)
        with self.assertRaises(Exception) as e:
            C.verify_pairs(cols, np.array([0]), np.array([len(self.docs)]), 3)
        self.assertIn("pair 0", str(e.exception))

    def test_BucketEdgesEqualThePairByPairRule(self):
        for k in (0, 3, 5):
            expected = self.reference_edges(k)
            self.assertTrue(expected)
            for nparts, nbuckets in ((1, 1), (2, 3), (5, 4)):
                self.assertEqual(expected, self.edges_of(k, nparts, nbuckets),
                                 f"k={k} parts={nparts} buckets={nbuckets}")

    def items(self):
        names = sorted(os.listdir(self.tmp)) + ["zz-missing.html"]
        return [(rank, n.encode(), os.path.join(self.tmp, n).encode())
                for rank, n in enumerate(names)]

    def test_DedupeDocRecordMatchesTheCtypesStruct(self):
        self.assertEqual(ctypes.sizeof(N.DedupeDoc), C.DEDUPE_DOC.itemsize)
        for name, _ in N.DedupeDoc._fields_:
            self.assertEqual(getattr(N.DedupeDoc, name).offset, C.DEDUPE_DOC.fields[name][1],
                             name)

    def test_PartDocumentsEqualTheTuplePath(self):
        # The columns read from the C structs hold what the tuples of
        # _records_of_items hold, and the same counts and skips.
        items = self.items()
        summary, batch = dd._part_documents(items)
        recs = dd._records_of_items(items)
        self.assertEqual([v for kind, _, v in recs if kind == "doc"], C.batch_tuples(batch))
        files, documents, disk, counts, skips = dd._partition_summary(recs)[0]
        self.assertEqual((files, documents, disk, counts), summary[:4])
        self.assertEqual(sorted(skips), sorted(summary[4]))
        self.assertEqual(len(self.docs), documents)
        self.assertEqual(1, len(skips))
        # Padding beyond a sketch's count is zero, as doc_columns leaves it.
        cols = C.doc_columns(C.batch_tuples(batch))
        self.assertTrue(np.array_equal(cols["sketch"], batch["sketch"]))
        part = dd._part_documents(items[5:9])[1]
        self.assertEqual(C.batch_tuples(part), C.batch_tuples(batch)[5:9])

    def test_ClusterBucketEqualsOneVerifyPerMember(self):
        # Batch metrics (one verify_batch call) give the records of one
        # libdiff_dedupe_verify call per member, whatever the batches' split.
        edges = np.array(sorted(self.edges_of(3, 1, 1)), np.int64)
        nodes, labels = C.component_labels(edges)
        in_component = [d for d in self.docs if d[N.DOC_RANK] in set(nodes.tolist())]
        expected = []
        for label in sorted(set(labels.tolist())):
            entries = [("D", d) for d in in_component
                       if C.label_lookup((nodes, labels), [d[N.DOC_RANK]])[0] == label]
            entries += [("E", (a, b)) for a, b in edges.tolist()
                        if C.label_lookup((nodes, labels), [a])[0] == label]
            expected += dd._component_clusters((label, entries), 3)
        self.assertGreater(len(expected), 3)
        batch = C.doc_batch(in_component)
        batch["label"] = C.label_lookup((nodes, labels), batch["rank"])
        edge_rows = np.column_stack([C.label_lookup((nodes, labels), edges[:, 0]), edges])
        half = len(in_component) // 2
        got = dd._cluster_bucket(3, edge_rows, C.take(batch, np.arange(half)),
                                 C.take(batch, np.arange(half, len(in_component))))
        self.assertEqual(expected, got)

    def test_PartitionBounds(self):
        for nfiles, nworkers in ((8007, 2), (8007, 1), (100, 16), (3, 2), (1, 1)):
            b = dd.partition_bounds(nfiles, nworkers)
            self.assertEqual((0, nfiles), (b[0], b[-1]))
            sizes = [y - x for x, y in zip(b, b[1:])]
            self.assertTrue(all(s > 0 for s in sizes), b)
            self.assertLessEqual(len(sizes), len(dd.PARTITION_WEIGHTS) * nworkers)
        b = dd.partition_bounds(8000, 2)
        sizes = [y - x for x, y in zip(b, b[1:])]
        self.assertEqual(16, len(sizes))
        self.assertEqual(sizes, sorted(sizes, reverse=True))  # big first, small last
        self.assertLess(sizes[-1] * 3, sizes[0])
        self.assertEqual([0, 14, 28, 42, 57, 71, 85, 100], dd.partition_bounds(100, 2, 7))
        self.assertEqual([0, 0], dd.partition_bounds(0, 2))

    def test_PairsAfter(self):
        pos, ends = np.array([0, 1, 3, 5, 7, 9]), np.array([3, 3, 4, 9, 9, 11])
        i, j = C._pairs_after(pos, ends)
        expected = [(p, q) for p, e in zip(pos.tolist(), ends.tolist()) for q in range(p + 1, e)]
        self.assertEqual(expected, list(zip(i.tolist(), j.tolist())))
        i, j = C._pairs_after(np.zeros(0, np.int64), np.zeros(0, np.int64))
        self.assertEqual(0, len(i))

    def test_ComponentLabelsAreTheSmallestNode(self):
        rng = random.Random(5)
        for _ in range(20):
            edges = [(rng.randrange(60) << 32, rng.randrange(60) << 32)
                     for _ in range(rng.randrange(1, 50))]
            parent = {}

            def find(x):
                while parent.setdefault(x, x) != x:
                    x = parent[x]
                return x

            for a, b in edges:
                ra, rb = find(a), find(b)
                parent[max(ra, rb)] = min(ra, rb)
            nodes, labels = C.component_labels(np.array(edges, dtype=np.int64))
            self.assertEqual(sorted(parent), nodes.tolist())
            self.assertEqual([find(x) for x in nodes.tolist()], labels.tolist())
            self.assertEqual(labels.tolist(),
                             C.label_lookup((nodes, labels), nodes).tolist())
            self.assertEqual([-1], C.label_lookup((nodes, labels), [7]).tolist())


if __name__ == "__main__":
    unittest.main()
