"""Corpus dedupe on Dask: the answers of ``libdiff dedupe --format jsonl``, on a cluster.

    python3 -m libdiff.dask_dedupe INPUT... [--scheduler ADDRESS] [--workers N] [--distance K]
    python3 -m libdiff.dask_dedupe DIR | 'crawl/*.warc.gz' | FILE.warc.gz DIR2 PAGE.html ...

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
     (_dask_columns.py): the exact-text hash, the four smallest sketch
     values, and the K+1 permuted SimHash table keys (the layout of
     src/index/near_duplicate_index.h: two hashes within K bits share at
     least one block).
  3. Candidates, one shuffle: each bucket (one per worker) sorts its key
     entries. Exact groups join their members to the first (path order) when
     the first two verify; among the first document of each exact text,
     sketch-key groups of 2..64 documents (as the CLI) and table-key groups
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

Determinism and faults: every decision uses the path rank, never arrival
order, and components do not depend on merge order, so any partitioning, any
worker count and any recomputation after a lost worker give the same output.
"""
from __future__ import annotations

import argparse
import errno
import json
import math
import os
import stat
import sys
import time
import uuid
from typing import Callable, Iterable, List, Optional, Tuple

from . import _dask_native as N

MAX_SUPPORTED_K = 7


# ---------------------------------------------------------------- the walk

def walk(root: str) -> Tuple[List[Tuple[bytes, bytes]], List[Tuple[bytes, str, str]]]:
    """(files, skipped): regular files as (relative path, full path) and the
    walk's own skips (path, reason, detail), with the CLI's rules."""
    rootb = os.fsencode(root)
    while len(rootb) > 1 and rootb.endswith(b"/"):
        rootb = rootb[:-1]
    files: List[Tuple[bytes, bytes]] = []
    skipped: List[Tuple[bytes, str, str]] = []
    visited = set()
    try:
        st = os.stat(rootb)
        visited.add((st.st_dev, st.st_ino))
    except OSError:
        pass
    stack = [(rootb, b"")]
    while stack:
        full_dir, rel_dir = stack.pop()
        try:
            names = sorted(os.listdir(full_dir))
        except OSError as e:
            skipped.append((rel_dir or b".", "unreadable", e.strerror or str(e)))
            continue
        subdirs = []
        for name in names:
            full = full_dir + b"/" + name
            rel = rel_dir + b"/" + name if rel_dir else name
            try:
                target = os.stat(full)
            except OSError as e:
                reason = "symlink loop" if e.errno == errno.ELOOP else "unreadable"
                skipped.append((rel, reason, e.strerror or str(e)))
                continue
            if stat.S_ISDIR(target.st_mode):
                key = (target.st_dev, target.st_ino)
                if key in visited:
                    skipped.append((rel, "symlink loop", "directory already visited"))
                    continue
                visited.add(key)
                subdirs.append((full, rel))
            elif stat.S_ISREG(target.st_mode):
                files.append((rel, full))
            else:
                skipped.append((rel, "unreadable", "not a regular file"))
        stack.extend(reversed(subdirs))
    return files, skipped


def _text(b: bytes) -> str:
    return b.decode("utf-8", "replace")


# ---------------------------------------------------------- worker functions

def is_warc(name: bytes) -> bool:
    lower = name.lower()
    return lower.endswith(b".warc") or lower.endswith(b".warc.gz")


def _doc(rank, r, rel: bytes, url: str = ""):
    """A libdiff_dedupe_record object -> ("doc", ...) or ("skip", ...)."""
    if r["kind"] != "doc":
        return ("skip", r["disk_bytes"], (rel, r["reason"], r["detail"]))
    doc = (rank, r["simhash"], tuple(r["exact"]), r["tokens"], r["shingles"],
           tuple(r["sketch"]), r["published"], r["body_bytes"], _text(rel), url)
    return ("doc", r["disk_bytes"], doc)


# Documents are ranked (file rank << 32 | member index): the order of the
# CLI's file numbers, whose walk puts a WARC's members at its place.
RANK_SHIFT = 32


def _records(item):
    """(file rank, rel, full) -> [("doc", disk_bytes, doc) | ("skip", disk_bytes,
    (rel, reason, detail)) | ("note", 0, skip that is not a document: a revisit,
    a damaged WARC) | ("count", disk_bytes, {reason: n})]: one entry for a file,
    one per HTML or revisit record for a WARC, as the CLI counts them."""
    rank, rel, full = item
    base = rank << RANK_SHIFT
    if not is_warc(rel):
        return [_doc(base, N.dedupe_record(full), rel)]
    w = N.dedupe_warc_records(full)
    out = []
    for i, r in enumerate(w["records"]):
        member = rel + b"#" + str(r["offset"]).encode()
        if r["kind"] == "revisit":
            out.append(("note", 0, (member, "revisit", r["detail"])))
        else:
            out.append(_doc(base + i, dict(r, disk_bytes=0), member, r["url"]))
    if "error" in w:
        out.append(("note", 0, (rel, "unreadable", w["error"])))
    out.append(("count", w.get("disk_bytes", 0),
                {"not html": w.get("not_html", 0), "too large": w.get("too_large", 0)}))
    return out


def _records_of_items(items):
    """_records over a list of items, in order; the plain files' records come
    from one libdiff_dedupe_records call (one boundary crossing, no JSON per
    file), WARC files from _records. The records tasks use _part_documents
    (the same records as numpy columns); this tuple form is its reference in
    the tests."""
    files = [i for i, item in enumerate(items) if not is_warc(item[1])]
    out: list = [None] * len(items)
    if files:
        docs, skips = N.dedupe_records([items[i][2] for i in files])
        tuples = N.doc_tuples(docs, [items[i][0] << RANK_SHIFT for i in files],
                              [items[i][1] for i in files])
        for j, doc in enumerate(tuples):
            if doc is not None:
                out[files[j]] = [("doc", docs[j].disk_bytes, doc)]
        for j, reason, detail in skips:
            rel = items[files[j]][1]
            out[files[j]] = [("skip", docs[j].disk_bytes, (rel, reason, detail))]
    return [r for i, item in enumerate(items) for r in (out[i] or _records(item))]


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


def format_utc(t: Optional[int]) -> str:
    """dedupe.cc FormatUtc: Unix seconds -> YYYY-MM-DDTHH:MM:SSZ."""
    if t is None:
        return ""
    days = t // 86400
    secs = t - days * 86400
    days += 719468
    era = (days if days >= 0 else days - 146096) // 146097
    doe = days - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    if m <= 2:
        y += 1
    return "%04d-%02d-%02dT%02d:%02d:%02dZ" % (y, m, d, secs // 3600, secs // 60 % 60, secs % 60)


def _member(doc, metrics=None):
    """A member's jsonl object; `metrics` (distance, similarity, exact) against
    the representative, None for the representative itself."""
    j = {"path": doc[N.DOC_PATH],
         "published": format_utc(doc[N.DOC_PUBLISHED]) or None,
         "body_bytes": doc[N.DOC_BODY]}
    if doc[N.DOC_URL]:
        j["url"] = doc[N.DOC_URL]
    if metrics is not None:
        distance, similarity, exact = metrics
        j["distance"] = distance
        j["similarity"] = math.floor(similarity * 1000 + 0.5) / 1000  # std::round, x >= 0
        j["exact"] = exact
    return j


def _better_key(doc):
    pub = doc[N.DOC_PUBLISHED]
    return (0 if pub is not None else 1, pub if pub is not None else 0, -doc[N.DOC_BODY],
            doc[N.DOC_RANK])


def _stars(docs, edges, k):
    """A component's documents and verified edges -> its star clusters (lists
    of docs): cluster.h DuplicatePairs::JoinToOriginals, over exact edges too."""
    by_rank = {d[N.DOC_RANK]: d for d in docs}
    original = {r: r for r in by_rank}
    partners = {}
    for a, b in edges:
        lo, hi = min(a, b), max(a, b)
        partners.setdefault(hi, set()).add(lo)
    for d in sorted(partners):
        tried = sorted({original[e] for e in partners[d]})
        for o in tried:
            if o in partners[d] or N.verify(by_rank[o], by_rank[d], k)[0]:
                original[d] = o
                break
    stars = {}
    for r in sorted(by_rank):
        stars.setdefault(original[r], []).append(by_rank[r])
    return [members for members in stars.values() if len(members) > 1]


def _star_members(docs):
    """docs of one star -> (representative, the other members in path order)."""
    rep = min(docs, key=_better_key)
    return rep, sorted((d for d in docs if d is not rep), key=lambda d: d[N.DOC_RANK])


def _cluster(rep, members, metrics):
    """A star's representative, members and their metrics against it ->
    (representative rank, jsonl record without its "cluster" key, duplicates,
    exact duplicates). The record is encoded where it is made (the worker);
    the client only prefixes the cluster id (the first key in sorted order)."""
    texts = {rep[N.DOC_EXACT]}
    exact_dups = 0
    for d in members:
        if d[N.DOC_EXACT] in texts:
            exact_dups += 1
        texts.add(d[N.DOC_EXACT])
    record = {"size": len(members) + 1, "representative": _member(rep),
              "members": [_member(d, m) for d, m in zip(members, metrics)]}
    return rep[N.DOC_RANK], _encode(record), len(members), exact_dups


def _encode(record) -> str:
    return json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _component_clusters(group, k):
    """(label, [("D", doc) | ("E", edge)]) -> the _cluster tuples of its stars."""
    _, entries = group
    docs = [v for kind, v in entries if kind == "D"]
    edges = [v for kind, v in entries if kind == "E"]
    out = []
    for star in _stars(docs, edges, k):
        rep, members = _star_members(star)
        out.append(_cluster(rep, members, [N.verify(rep, d, k)[1:] for d in members]))
    return out


def _label_join(group):
    """rank -> [("L", label) and any ("D", doc) or ("E", edge)] -> (label, value)
    for each value, when the rank is labelled."""
    _, entries = group
    label = None
    values = []
    for _, (kind, value) in entries:
        if kind == "L":
            label = value
        else:
            values.append(value)
    return [(label, v) for v in values] if label is not None else []


# ---------------------------------------------------- connected components

def connected_components(edges_bag, npartitions: int):
    """Min-label propagation with pointer jumping over Dask dataframes.
    Returns a persisted dataframe (node, label) for every node of an edge;
    label is the smallest node of its component."""
    import dask.dataframe as dd
    import pandas as pd

    meta = pd.DataFrame({"u": pd.Series(dtype="int64"), "v": pd.Series(dtype="int64")})
    e = edges_bag.to_dataframe(meta=meta)
    both = dd.concat([e, e.rename(columns={"u": "v", "v": "u"})[["u", "v"]]])
    both = both.repartition(npartitions=npartitions).persist()
    labels = both.groupby("u").v.min().reset_index()
    labels = labels.rename(columns={"u": "node", "v": "label"})
    labels["label"] = labels[["node", "label"]].min(axis=1).astype("int64")
    labels = labels.persist()
    rounds = 0
    while True:
        rounds += 1
        m = both.merge(labels.rename(columns={"node": "v", "label": "lv"}), on="v")
        cand = m.groupby("u").lv.min().reset_index().rename(columns={"u": "node", "lv": "cand"})
        n = labels.merge(cand, on="node", how="left")
        n["label"] = n[["label", "cand"]].min(axis=1).astype("int64")
        n = n[["node", "label"]]
        j = n.merge(n.rename(columns={"node": "label", "label": "ll"}), on="label", how="left")
        j["label"] = j[["label", "ll"]].min(axis=1).astype("int64")
        new = j[["node", "label"]].persist()
        cmp = new.merge(labels.rename(columns={"label": "old"}), on="node")
        changed = int((cmp["label"] != cmp["old"]).sum().compute())
        labels = new
        if changed == 0:
            return labels, rounds


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
        self.seconds = 0.0
        self.cc_rounds = 0
        self.shuffle_bytes = 0
        self.stage_seconds: dict = {}  # wall time at the end of each stage, from the start

    @property
    def clusters(self) -> List[dict]:
        return [json.loads(line) for line in self.lines]

    def jsonl(self) -> str:
        return "".join(line + "\n" for line in self.lines)


def collect(inputs) -> Tuple[List[Tuple[bytes, bytes]], List[Tuple[bytes, str, str]]]:
    """(files, skipped) of `inputs` with the CLI's rules (libdiff/dedupe.h
    DedupeInputs): directories (walked), WARC files, page files and glob
    patterns of them. One directory names its files relative to it; with
    several inputs each name starts with its input as given. Raises
    FileNotFoundError/ValueError as the CLI refuses its inputs."""
    import glob as globlib
    if isinstance(inputs, (str, bytes, os.PathLike)):
        inputs = [inputs]
    names = []
    for pattern in (os.fsdecode(i) for i in inputs):
        matched = sorted(globlib.glob(pattern)) if globlib.has_magic(pattern) else [pattern]
        if not matched:
            raise FileNotFoundError(f"dedupe: {pattern}: no such file or directory")
        names.extend(matched)
    resolved = []  # (order key, name, is_dir, canonical)
    for name in names:
        while len(name) > 1 and name.endswith("/"):
            name = name[:-1]
        try:
            st = os.stat(name)
        except FileNotFoundError:
            raise FileNotFoundError(f"dedupe: {name}: no such file or directory") from None
        is_dir = stat.S_ISDIR(st.st_mode)
        if not is_dir and not stat.S_ISREG(st.st_mode):
            raise ValueError(f"dedupe: {name}: not a directory or a regular file")
        key = os.fsencode(name) + (b"/" if is_dir and name != "/" else b"")
        resolved.append((key, name, is_dir, os.path.realpath(name)))
    if not resolved:
        raise ValueError("dedupe: no input given")
    resolved.sort(key=lambda r: r[0])
    for i, (_, a_name, a_dir, a) in enumerate(resolved):
        for j, (_, b_name, _, b) in enumerate(resolved):
            inside = a_dir and len(b) > len(a) and b.startswith(a) and \
                (a.endswith("/") or b[len(a)] == "/")
            if (i < j and a == b) or (i != j and inside):
                raise ValueError(f"dedupe: {b_name}: given twice "
                                 f"({'same as' if a == b else 'inside'} {a_name})")
    files: List[Tuple[bytes, bytes]] = []
    skipped: List[Tuple[bytes, str, str]] = []
    several = len(resolved) > 1
    for _, name, is_dir, _ in resolved:
        nameb = os.fsencode(name)
        if not is_dir:
            # Named as given; read by absolute path (workers have other working directories).
            files.append((nameb, os.fsencode(os.path.abspath(name))))
            continue
        prefix = b"" if not several else nameb if nameb.endswith(b"/") else nameb + b"/"
        tree_files, tree_skips = walk(os.path.abspath(name))
        files.extend((prefix + rel, full) for rel, full in tree_files)
        skipped.extend((prefix + rel if rel != b"." or not several else nameb, reason, detail)
                       for rel, reason, detail in tree_skips)
    return files, skipped


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
    plain = [i for i, item in enumerate(items) if not is_warc(item[1])]
    other = [i for i, item in enumerate(items) if is_warc(item[1])]
    batches = []
    files = documents = disk = 0
    counts: dict = {}
    skips = []
    if plain:
        docs, c_skips = N.dedupe_records([items[i][2] for i in plain])
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
        batches.append(C.struct_batch(recs[rows], [items[plain[j]][0] << RANK_SHIFT
                                                   for j in rows],
                                      [_text(items[plain[j]][1]) for j in rows]))
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
           local_components_max_edges: int = LOCAL_COMPONENTS_MAX_EDGES) -> DedupeRun:
    """Runs the pipeline on `client` (a distributed.Client). `on_stage(name)` is
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
    files, walk_skips = collect(root)
    files.sort(key=lambda f: f[0])
    nworkers = max(1, len(client.scheduler_info().get("workers", {})))
    # Records tasks are the bulk of the work and the next stage waits for the
    # last of them: partition_bounds makes the last ones small, so the
    # workers finish together. The shuffle stages are small: one bucket per
    # worker.
    bounds = partition_bounds(len(files), nworkers, npartitions)
    nparts = len(bounds) - 1
    nbuckets = max(1, min(nparts, nworkers))
    items = [(rank, rel, full) for rank, (rel, full) in enumerate(files)]

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
    ap.add_argument("dir", nargs="+", help="directories, WARC files, pages, or glob patterns "
                    "of them (as `libdiff dedupe INPUT...`)")
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
                     progress=not args.no_progress and sys.stderr.isatty())
    except (ValueError, FileNotFoundError) as e:
        print(f"dask_dedupe: {e}", file=sys.stderr)
        return 1
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    sys.stdout.write(run.jsonl())
    for path, reason, detail in run.skipped:
        print(f"dedupe: skipped {path}: {reason}{': ' if detail else ''}{detail}", file=sys.stderr)
    c = run.counts
    print(f"dedupe: {run.documents} documents of {run.files} files, {len(run.lines)} clusters, "
          f"{run.duplicates} duplicates ({run.exact_duplicates} exact); skipped "
          f"{len(run.skipped)} (unreadable {c['unreadable']}, symlink loops {c['symlink loop']}, "
          f"not html {c['not html']}, too large {c['too large']}, no article "
          f"{c['no article']}); {run.seconds:.2f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
