"""Corpus dedupe on Dask: the answers of ``libdiff dedupe --format jsonl``, on a cluster.

    python3 -m libdiff.dask_dedupe INPUT... [--scheduler ADDRESS] [--workers N] [--distance K]
    python3 -m libdiff.dask_dedupe DIR | 'crawl/*.warc.gz' | FILE.warc.gz DIR2 PAGE.html ...
    python3 -m libdiff.dask_dedupe [INPUT...] --list PAGES.tsv [--list MORE.tsv]

Without ``--scheduler`` a LocalCluster on 127.0.0.1 is started. Output: one JSON
line per cluster of two or more documents, byte for byte what ``libdiff dedupe
INPUT... --format jsonl`` prints over the same inputs; skipped files and counts
go to stderr.

WARC files (.warc, .warc.gz), in a directory or given as a list or glob of
files, are partitions: one task reads one file, and its HTML records are
documents named "FILE#OFFSET" with their "url", numbered in archive order at
the file's place in path order, as the CLI numbers them. One directory names
its files relative to it; with several inputs every name starts with its
input as given, and all are ranked in byte order of those names.

Page lists (``--list FILE``, ``dedupe(..., lists=[...])``): files of
tab-separated ``url, path[, fetched_at]`` lines read by the library's own
reader (``libdiff.read_page_lists``, libdiff/page_list.h), the one ``libdiff
dedupe --list`` uses; a page listed twice, also under two spellings of its
path ("./a.html", "a.html"), is refused by both. Each page is a document named by its
path as resolved against its list's directory, extracted with its URL (one
``libdiff_dedupe_page_records`` call per task) and reported with a "url";
it is ranked by its name among the other inputs' documents, not in list
order, as the CLI does.

Pipeline (docs/scaling.md has the design and the figures):
  1. The client walks DIR exactly as the CLI does (name order, symlink loops
     detected) and ranks files in byte order of their relative path.
  2. Records: one task per partition of files (8 per worker, the last ones
     smaller, see partition_bounds) reads, extracts
     and fingerprints its files through the C library (one
     ``libdiff_dedupe_records`` call for all its plain files, read back as
     numpy columns; one ``libdiff_dedupe_warc_records`` per WARC file; ctypes
     releases the GIL for each call) into a batch of documents (SimHash,
     exact-text hash, token and shingle counts, the bottom-24 shingle sketch,
     date, body size, path), kept on that worker, and splits
     the documents' keys into one numpy piece per shuffle bucket
     (_dask_columns.py): the exact-text hash, the eight smallest sketch
     values with their rank (the four smallest are filed), and the K+1
     permuted SimHash table keys (the layout of
     src/index/near_duplicate_index.h: two hashes within K bits share at
     least one block).
  3. Candidates, one shuffle: each bucket (one per worker) sorts its key
     entries. Exact groups join their members to the first (path order) when
     the first two verify; among the first document of each exact text,
     a sketch value's pairs (a, b), a earlier in path order and filing the
     value, when at most 64 documents file it (as the CLI and the store),
     and table-key groups
     (pairs within K bits) give candidate pairs, each verified once, all in
     one ``libdiff_dedupe_verify_batch`` call (the library's rule).
  4. Connected components of the confirmed pairs: up to
     LOCAL_COMPONENTS_MAX_EDGES pairs, min-label propagation over numpy
     arrays on the client; beyond, rounds of label propagation with pointer
     jumping over Dask dataframes (hash joins), so no machine holds all
     edges.
  5. Clusters: each worker sends, per bucket, the labelled documents of its
     partitions (the client names their ranks) to the bucket of their label,
     and each bucket splits its components into the
     CLI's star clusters: in path order, a document joins the earliest
     original it verifies against directly (an edge to it, or
     ``libdiff_dedupe_verify``), as the store files a duplicate (cluster.h
     DuplicatePairs). Each cluster picks its representative with the CLI
     rule: earliest published, then longest body, then first path in byte
     order.

Files: this module holds the pipeline (stages 2-5 as Dask tasks and the
client's part); beside it _dask_inputs.py (the walk and the records of a
file), _dask_columns.py (documents and keys as numpy columns),
_dask_clusters.py (components, star clusters and their jsonl records) and
_dask_native.py (the C library's calls).

Determinism and faults: every decision uses the path rank, never arrival
order, and components do not depend on merge order, so any partitioning, any
worker count and any recomputation after a lost worker give the same output.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
import uuid
from typing import Callable, Iterable, List, Optional, Tuple

from . import _dask_native as N
from ._dask_clusters import (_cluster, _component_clusters, _label_join, _star_members, _stars,
                             connected_components)
from ._dask_inputs import (RANK_SHIFT, _is_warc_item, _records, _text, collect, item_url,
                           plain_records)
from ._dask_inputs import _records_of_items  # noqa: F401  (the tests' reference path)

MAX_SUPPORTED_K = 7


# ---------------------------------------------------------- SimHash tables

def table_layout(k: int):
    """(shift, width) per table: K+1 contiguous blocks, most significant first
    (TableLayout::ForMaxK)."""
    tables = k + 1
    base, extra = divmod(64, tables)
    layout, start = [], 0
    for t in range(tables):
        w = base + (1 if t < extra else 0)
        layout.append((start, w))
        start += w
    return layout


def table_keys(simhash: int, k: int):
    """The permuted-table keys of a SimHash: top `width` bits of rotl(h, shift)."""
    mask = (1 << 64) - 1
    keys = []
    for t, (shift, width) in enumerate(table_layout(k)):
        p = ((simhash << shift) | (simhash >> (64 - shift))) & mask if shift else simhash
        keys.append((t, p >> (64 - width)))
    return keys


# ------------------------------------------------------------ the pipeline

class DedupeRun:
    """The result of one run: `clusters` as the CLI's jsonl records, counts, skips."""

    def __init__(self):
        # The jsonl lines, one per cluster ("clusters" parses them).
        self.lines: List[str] = []
        self.files = self.documents = self.bytes = 0
        self.duplicates = self.exact_duplicates = 0
        self.counts = {r: 0 for r in ("unreadable", "symlink loop", "not html", "too large",
                                      "no article", "revisit")}
        self.skipped: List[Tuple[str, str, str]] = []
        # Listed pages' names -> "LIST:LINE", to name a skipped page's line.
        self.origins: dict = {}
        self.seconds = 0.0
        self.cc_rounds = 0
        self.shuffle_bytes = 0
        self.stage_seconds: dict = {}  # wall time at the end of each stage, from the start

    @property
    def clusters(self) -> List[dict]:
        return [json.loads(line) for line in self.lines]

    def jsonl(self) -> str:
        return "".join(line + "\n" for line in self.lines)


# Up to this many confirmed pairs, connected components are found by one
# union-find on the client (16 bytes per pair: 128 MB at the limit) instead of
# rounds of distributed label propagation, whose fixed cost per round
# dominates below it.
LOCAL_COMPONENTS_MAX_EDGES = 8_000_000


def _partition_summary(part):
    """A records partition -> (files, documents, disk bytes, counts, skips):
    what the client needs of it, in one small object."""
    files = documents = disk = 0
    counts: dict = {}
    skips = []
    for kind, nbytes, value in part:
        disk += nbytes
        documents += kind == "doc"
        files += kind in ("doc", "skip")
        if kind == "count":
            for reason, n in value.items():
                counts[reason] = counts.get(reason, 0) + n
        elif kind in ("skip", "note"):
            skips.append(value)
    return [(files, documents, disk, counts, skips)]


def _distributed_labels(edges, docs, nparts, run, start, on_stage):
    """(label, doc) and (label, edge) bags by distributed label propagation."""
    import dask.bag as db
    labels, run.cc_rounds = connected_components(edges, nparts)
    run.stage_seconds["components"] = time.monotonic() - start
    if on_stage:
        on_stage("labels")
    label_entries = labels.to_bag(index=False).map(lambda t: (int(t[0]), ("L", int(t[1]))))
    doc_entries = docs.map(lambda d: (d[N.DOC_RANK], ("D", d)))
    labelled = db.concat([label_entries, doc_entries]).groupby(
        lambda e: e[0], npartitions=nparts).map(_label_join).flatten()
    # Each edge joins its component by the label of its smaller end (both
    # ends have the same label).
    edge_entries = edges.map(lambda e: (min(e), ("E", (int(e[0]), int(e[1])))))
    labelled_edges = db.concat([label_entries, edge_entries]).groupby(
        lambda e: e[0], npartitions=nparts).map(_label_join).flatten()
    return labelled, labelled_edges


# ------------------------------------------------ tasks of the pipeline
# Stages pass numpy columns (libdiff/_dask_columns.py) between few, large
# tasks: one records task per partition of files, one candidate task and one
# cluster task per shuffle bucket. Document tuples (paths, dates) stay on the
# worker that made them until their cluster is formed.

def _part_documents(items):
    """A partition's items -> (summary as _partition_summary, its documents as
    one batch in rank order). The plain files' records come from one
    libdiff_dedupe_records call and are read as numpy columns straight from
    the C structs (no Python object per file); WARC files go through
    _records."""
    from . import _dask_columns as C
    plain = [i for i, item in enumerate(items) if not _is_warc_item(item)]
    other = [i for i, item in enumerate(items) if _is_warc_item(item)]
    batches = []
    files = documents = disk = 0
    counts: dict = {}
    skips = []
    if plain:
        docs, c_skips = plain_records([items[i] for i in plain])
        recs = C.struct_records(docs)
        skipped = set()
        for j, reason, detail in c_skips:
            skips.append((items[plain[j]][1], reason, detail))
            skipped.add(j)
        is_doc = recs["is_document"] != 0
        rows = [j for j in range(len(plain)) if j not in skipped]
        files += len(skipped)
        disk += int(recs["disk_bytes"][sorted(skipped)].sum()) if skipped else 0
        # A file neither a document nor skipped (not expected) takes the
        # one-call path, as _records_of_items does.
        other.extend(plain[j] for j in rows if not is_doc[j])
        rows = [j for j in rows if is_doc[j]]
        files += len(rows)
        documents += len(rows)
        disk += int(recs["disk_bytes"][rows].sum())
        batch = C.struct_batch(recs[rows], [items[plain[j]][0] << RANK_SHIFT for j in rows],
                               [_text(items[plain[j]][1]) for j in rows])
        batch["url"] = [item_url(items[plain[j]]) for j in rows]
        batches.append(batch)
    if other:
        recs = [r for i in sorted(other) for r in _records(items[i])]
        f, d, b, c, s = _partition_summary(recs)[0]
        files, documents, disk = files + f, documents + d, disk + b
        for reason, n in c.items():
            counts[reason] = counts.get(reason, 0) + n
        skips.extend(s)
        batches.append(C.doc_batch([value for kind, _, value in recs if kind == "doc"]))
    batch = C.sort_docs(C.concat_docs(batches))
    return (files, documents, disk, counts, skips), batch


def _records_part(packed_items: bytes, k, nbuckets):
    """A partition of files (pickled, so Dask does not walk thousands of
    tuples looking for futures) -> (summary, document batch, the candidate
    shuffle's piece for each bucket)."""
    import pickle
    from . import _dask_columns as C
    summary, batch = _part_documents(pickle.loads(packed_items))
    pieces = C.split_into_buckets(C.verification_columns(batch), table_layout(k), nbuckets)
    return summary, batch, pieces


def _summary_of(part):
    return part[0]


def _docs_of(part):
    from . import _dask_columns as C
    return C.batch_tuples(part[1])


def _piece_of(part, bucket):
    return part[2][bucket]


def _bucket_edges(k, *pieces):
    from . import _dask_columns as C
    return C.bucket_edges(list(pieces), k)


def _edge_tuples(edges):
    return [(int(a), int(b)) for a, b in edges.tolist()]


def _bucket_docs(wanted, *parts):
    """Records partitions and, for each, the (sorted ranks, labels) of its
    documents in one cluster bucket (the client picked them) -> those
    documents as one batch with a "label" column. One task per bucket and
    worker, over the partitions that worker holds, so it runs where they are
    and only the documents of the bucket cross processes."""
    import numpy as np
    from . import _dask_columns as C
    out = []
    for (ranks, labels), part in zip(wanted, parts):
        batch = part[1]
        docs = C.take(batch, np.searchsorted(batch["rank"], ranks))
        docs["label"] = np.asarray(labels, np.int64)
        out.append(docs)
    return C.concat_docs(out)


def _cluster_bucket(k, edges, *batches):
    """A cluster bucket's edges ((n, 3) array: label, a, b) and labelled
    document batches (_bucket_docs) -> the _cluster tuples of its
    components; the members' metrics against their representative come from
    one libdiff_dedupe_verify_batch call."""
    from . import _dask_columns as C
    if not batches:  # no component's label falls in this bucket (a tiny corpus)
        return []
    batch = C.concat_docs(batches)
    docs = C.batch_tuples(batch)
    by_label: dict = {}
    for label, d in zip(batch["label"].tolist(), docs):
        by_label.setdefault(label, ([], []))[0].append(d)
    for label, a, b in edges.tolist():
        by_label.setdefault(label, ([], []))[1].append((a, b))
    stars = [_star_members(star) for label in sorted(by_label)
             for star in _stars(by_label[label][0], by_label[label][1], k)]
    row = {d[N.DOC_RANK]: i for i, d in enumerate(docs)}
    a = [row[rep[N.DOC_RANK]] for rep, members in stars for _ in members]
    b = [row[d[N.DOC_RANK]] for _, members in stars for d in members]
    _, distance, similarity, exact = C.verify_pairs(C.verification_columns(batch), a, b, k,
                                                    details=True)
    metrics = list(zip(distance.tolist(), similarity.tolist(), exact.tolist()))
    out, at = [], 0
    for rep, members in stars:
        out.append(_cluster(rep, members, metrics[at:at + len(members)]))
        at += len(members)
    return out


# Records partitions per worker, by relative size: tasks are handed out in
# submission order, so the big ones go first and the small last ones fill in
# while the other workers finish theirs (a worker idles at the end for at most
# about one small task, 1/25 of its share, instead of one of 8 equal tasks).
PARTITION_WEIGHTS = (1.0,) * 5 + (0.5,) * 2 + (0.25,)


def partition_bounds(nfiles: int, nworkers: int, npartitions: Optional[int] = None):
    """Start indexes of the records partitions of `nfiles` ranked files, and
    nfiles: `npartitions` equal ones when given, else PARTITION_WEIGHTS'
    sizes (each weight once per worker, in that order)."""
    if npartitions or nfiles == 0:
        n = max(1, min(nfiles, npartitions or 1))
        return [nfiles * i // n for i in range(n + 1)]
    weights = [w for w in PARTITION_WEIGHTS for _ in range(max(1, nworkers))]
    total = sum(weights)
    bounds, acc = [0], 0.0
    for w in weights:
        acc += w
        bounds.append(int(round(nfiles * acc / total)))
    bounds[-1] = nfiles
    # No empty partitions (fewer files than partitions).
    return [b for i, b in enumerate(bounds) if i == 0 or b > bounds[i - 1]]


def _pickled_bytes(obj) -> int:
    import pickle
    return len(pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL))


def dedupe(root, client, max_distance: int = 3, npartitions: Optional[int] = None,
           progress: bool = False, measure_shuffle: bool = False,
           on_stage: Optional[Callable[[str], None]] = None,
           local_components_max_edges: int = LOCAL_COMPONENTS_MAX_EDGES,
           lists=()) -> DedupeRun:
    """Runs the pipeline on `client` (a distributed.Client) over `root` (an
    input or a list of them, possibly empty when `lists` is not) and the page
    lists `lists` (paths, as `libdiff dedupe --list`). `on_stage(name)` is
    called on the client after each stage is materialised on the workers
    ("records", "edges", "labels"); tests use it to inject faults. Components
    of more than `local_components_max_edges` confirmed pairs are found by
    distributed label propagation (no machine holds all pairs); up to it, on
    the client with numpy."""
    import pickle

    import numpy as np
    from . import _dask_columns as C

    if not 0 <= max_distance <= MAX_SUPPORTED_K:
        raise ValueError(f"distance {max_distance} outside 0..{MAX_SUPPORTED_K}")
    start = time.monotonic()
    k = max_distance
    run = DedupeRun()
    files, walk_skips = collect(root, lists, run.origins)
    files.sort(key=lambda f: f[0])
    nworkers = max(1, len(client.scheduler_info().get("workers", {})))
    # Records tasks are the bulk of the work and the next stage waits for the
    # last of them: partition_bounds makes the last ones small, so the
    # workers finish together. The shuffle stages are small: one bucket per
    # worker.
    bounds = partition_bounds(len(files), nworkers, npartitions)
    nparts = len(bounds) - 1
    nbuckets = max(1, min(nparts, nworkers))
    # (rank, name, full path[, URL of a listed page])
    items = [(rank,) + tuple(f) for rank, f in enumerate(files)]

    def submit(func, *args):
        # pure=False: a fresh key per run, so a second run recomputes.
        return client.submit(func, *args, pure=False)

    # The records tasks and the candidate shuffle (it runs as records finish:
    # each bucket gathers its piece of every partition) go to the scheduler
    # as one graph: one message, not one per task (a client.submit costs the
    # client about a millisecond of CPU, taken from the workers on a small
    # machine). Fresh keys per run, so a second run recomputes.
    token = uuid.uuid4().hex

    def key(name, *index):
        # Zero-padded: the scheduler runs ready tasks of one graph in key
        # order (dask.order breaks ties by the key's text), which must be
        # partition order, the big partitions first.
        return f"{name}-{token}-" + "-".join(f"{i:08d}" for i in index)

    graph = {}
    for i in range(nparts):
        graph[key("records", i)] = (_records_part,
                                    pickle.dumps(items[bounds[i]:bounds[i + 1]]), k, nbuckets)
        graph[key("summary", i)] = (_summary_of, key("records", i))
        for b in range(nbuckets):
            graph[key("piece", b, i)] = (_piece_of, key("records", i), b)
    for b in range(nbuckets):
        graph[key("bucket", b)] = (_bucket_edges, k) + tuple(key("piece", b, i)
                                                            for i in range(nparts))
    parts, pieces, buckets, summary_futures = client.get(
        graph, [[key("records", i) for i in range(nparts)],
                [[key("piece", b, i) for i in range(nparts)] for b in range(nbuckets)],
                [key("bucket", b) for b in range(nbuckets)],
                [key("summary", i) for i in range(nparts)]], sync=False)
    if progress:
        from distributed import progress as dask_progress
        dask_progress(parts)
        print(file=sys.stderr)
    summaries = client.gather(summary_futures)
    run.stage_seconds["records"] = time.monotonic() - start
    if on_stage:
        on_stage("records")
    skips = []
    for nfiles, documents, disk, counts, part_skips in summaries:
        run.files += nfiles
        run.documents += documents
        run.bytes += disk
        for reason, n in counts.items():
            run.counts[reason] += n
        skips.extend(part_skips)
    all_skips = [(_text(p), reason, detail) for p, reason, detail in list(walk_skips) + skips]
    all_skips.sort(key=lambda s: s[0].encode("utf-8", "surrogatepass"))
    run.skipped = all_skips
    for _, reason, _ in all_skips:
        run.counts[reason] = run.counts.get(reason, 0) + 1

    if measure_shuffle:
        sizes = client.gather([submit(_pickled_bytes, f) for row in pieces for f in row] +
                              [submit(_pickled_bytes, f) for f in buckets])
        run.shuffle_bytes = int(sum(sizes))
    if on_stage:
        on_stage("edges")
    if local_components_max_edges <= 0:
        n_edges = sum(client.gather([submit(len, b) for b in buckets]))
    else:
        edges = client.gather(buckets)
        n_edges = sum(len(e) for e in edges)
    run.stage_seconds["edges"] = time.monotonic() - start
    if n_edges == 0:
        run.seconds = time.monotonic() - start
        return run
    if n_edges <= local_components_max_edges:
        edges = np.unique(np.concatenate(edges), axis=0)
        labels = C.component_labels(edges)
        run.cc_rounds = 0
        run.stage_seconds["components"] = time.monotonic() - start
        if on_stage:
            on_stage("labels")
        # The client knows which partition holds each labelled rank (ranks
        # are file ranks << RANK_SHIFT, partitions are ranges of file ranks)
        # and the bucket of each label, so the documents to send are task
        # arguments: no labels are scattered, a single hop from the
        # partitions to the buckets, and one task per (worker, bucket) over
        # the partitions the worker holds (a partition whose worker died is
        # recomputed wherever the task runs).
        nodes, node_label = labels
        node_bucket = C.label_buckets(node_label, nbuckets)
        cuts = np.searchsorted(nodes, np.array(bounds, np.int64) << RANK_SHIFT)
        holders: dict = {}
        who_has = client.who_has(parts)
        for i, p in enumerate(parts):
            held = who_has.get(p.key) or ()
            holders.setdefault(min(held) if held else "", []).append(i)
        sends = [[] for _ in range(nbuckets)]
        for group in holders.values():
            for b in range(nbuckets):
                wanted, deps = [], []
                for i in group:
                    lo, hi = int(cuts[i]), int(cuts[i + 1])
                    mine = lo + np.flatnonzero(node_bucket[lo:hi] == b)
                    if len(mine):
                        wanted.append((nodes[mine], node_label[mine]))
                        deps.append(parts[i])
                if deps:
                    sends[b].append(submit(_bucket_docs, wanted, *deps))
        edge_label = C.label_lookup(labels, edges[:, 0])
        edge_bucket = C.label_buckets(edge_label, nbuckets)
        clusters = client.gather([
            submit(_cluster_bucket, k, np.column_stack([edge_label, edges])[edge_bucket == b],
                   *sends[b])
            for b in range(nbuckets)])
        clusters = [c for bucket in clusters for c in bucket]
    else:
        import dask
        import dask.bag as db
        docs = db.from_delayed([dask.delayed(_docs_of)(p) for p in parts])
        edge_bag = db.from_delayed([dask.delayed(_edge_tuples)(b) for b in buckets])
        labelled, labelled_edges = _distributed_labels(edge_bag, docs, nparts, run, start,
                                                       on_stage)
        component_entries = db.concat([labelled.map(lambda t: (t[0], ("D", t[1]))),
                                       labelled_edges.map(lambda t: (t[0], ("E", t[1])))])
        clusters = component_entries.groupby(lambda e: e[0], npartitions=nparts).map(
            lambda g: (g[0], [e[1] for e in g[1]])).map(_component_clusters, k).flatten()
        clusters = clusters.compute()
    clusters.sort(key=lambda c: c[0])
    for cid, (_, body, dups, exact_dups) in enumerate(clusters, 1):
        # "cluster" is the first key in sorted order: {"cluster":N, + the rest.
        run.lines.append('{"cluster":%d,%s' % (cid, body[1:]))
        run.duplicates += dups
        run.exact_duplicates += exact_dups
    run.seconds = time.monotonic() - start
    run.stage_seconds["clusters"] = run.seconds
    return run


# Worker settings of the LocalCluster: the records tasks are long C calls, so
# the worker's periodic Python in its event-loop thread (the statistical
# profiler samples the task thread's stack every 10 ms; event-loop ticks every
# 20 ms; memory and system monitors) only takes CPU from them. Nannies pass
# the client's dask config to their workers. On a cluster of your own, set
# the same keys in the workers' dask config.
QUIET_WORKER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "500ms",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.memory.monitor-interval": "1s",
}


def local_client(workers: int = 2, threads_per_worker: int = 1, quiet: bool = True, **kwargs):
    """A LocalCluster on 127.0.0.1 (worker processes) and its Client; `quiet`
    starts the workers with QUIET_WORKER_CONFIG."""
    import dask
    from distributed import Client, LocalCluster
    with dask.config.set(QUIET_WORKER_CONFIG if quiet else {}):
        cluster = LocalCluster(n_workers=workers, threads_per_worker=threads_per_worker,
                               host="127.0.0.1", dashboard_address=None, processes=True,
                               **kwargs)
    # Results come straight from the workers, not relayed by the scheduler
    # (which, in a LocalCluster, shares this process).
    return cluster, Client(cluster, direct_to_workers=True)


def main(argv: Optional[Iterable[str]] = None) -> int:
    ap = argparse.ArgumentParser(prog="python3 -m libdiff.dask_dedupe",
                                 description="libdiff dedupe on a Dask cluster (same jsonl output)")
    ap.add_argument("dir", nargs="*", help="directories, WARC files, pages, or glob patterns "
                    "of them (as `libdiff dedupe INPUT...`)")
    ap.add_argument("--list", action="append", default=[], metavar="FILE",
                    help="page list of url<TAB>path[<TAB>fetched_at] lines ('-' reads "
                    "standard input; repeatable), as `libdiff dedupe --list`")
    ap.add_argument("--scheduler", help="address of a running Dask scheduler "
                    "(default: start a LocalCluster on 127.0.0.1)")
    ap.add_argument("--workers", type=int, default=2, help="LocalCluster workers (default 2)")
    ap.add_argument("--distance", type=int, default=3, help="SimHash distance, 0..7 (default 3)")
    ap.add_argument("--partitions", type=int, default=None)
    ap.add_argument("--no-progress", action="store_true")
    args = ap.parse_args(list(argv) if argv is not None else None)
    try:
        from distributed import Client
    except ImportError as e:
        print(f"dask_dedupe: Dask is not installed ({e}); on Debian: apt install "
              "python3-distributed", file=sys.stderr)
        return 2
    cluster = None
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster, client = local_client(args.workers)
    try:
        run = dedupe(args.dir, client, args.distance, args.partitions,
                     progress=not args.no_progress and sys.stderr.isatty(), lists=args.list)
    except (ValueError, FileNotFoundError) as e:
        # Bad input (an unreadable or malformed list, a missing input): 2, as
        # `libdiff dedupe` exits.
        print(f"dask_dedupe: {e}", file=sys.stderr)
        return 2
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    sys.stdout.write(run.jsonl())
    for path, reason, detail in run.skipped:
        where = f" ({run.origins[path]})" if path in run.origins else ""
        print(f"dedupe: skipped {path}{where}: {reason}{': ' if detail else ''}{detail}",
              file=sys.stderr)
    c = run.counts
    print(f"dedupe: {run.documents} documents of {run.files} files, {len(run.lines)} clusters, "
          f"{run.duplicates} duplicates ({run.exact_duplicates} exact); skipped "
          f"{len(run.skipped)} (unreadable {c['unreadable']}, symlink loops {c['symlink loop']}, "
          f"not html {c['not html']}, too large {c['too large']}, no article "
          f"{c['no article']}); {run.seconds:.2f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
