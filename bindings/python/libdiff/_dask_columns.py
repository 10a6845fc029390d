"""Numpy columns for the Dask dedupe pipeline (dask_dedupe.py): documents as
arrays between stages, the candidate keys of a partition split into shuffle
buckets, one bucket's candidate pairs found by sorting, verified in one
``libdiff_dedupe_verify_batch`` call, and connected components of the
confirmed pairs. Needs numpy (imported by the workers and the client of a Dask
run only; the libdiff package itself does not).

A batch of documents is a dict of equal-length columns (COLUMNS); a key entry
is (kind, sub, value, row): kind EXACT (value: high half of the exact-text
hash), SKETCH (sub: its rank in the sketch, value: one of the QUERY_KEYS
smallest sketch values; ranks below KEYS_PER_SKETCH are the filed keys) or
TABLE (sub: the permuted table, value: its block of the SimHash), row: the
document's row.
"""
from __future__ import annotations

import numpy as np

from . import _capi
from . import _dask_native as N

SKETCH_STRIDE = 24       # kSketchSize: sketch rows are padded to this width
KEYS_PER_SKETCH = 4      # kSketchKeys in src/index/near_duplicate_index.h (filed)
QUERY_KEYS = 8           # kQueryKeys there (looked up)
MAX_POSTINGS = 64        # kMaxPostings there
SKETCH, TABLE, EXACT = 0, 1, 2

COLUMNS = {"rank": np.int64, "simhash": np.uint64, "high": np.uint64, "low": np.uint64,
           "tokens": np.uint32, "shingles": np.uint32, "sketch": np.uint32,
           "count": np.uint8}

_U64 = np.uint64


def doc_columns(docs) -> dict:
    """Document tuples (dask_dedupe's layout) -> the verification columns."""
    n = len(docs)
    cols = {
        "rank": np.fromiter((d[N.DOC_RANK] for d in docs), np.int64, n),
        "simhash": np.fromiter((d[N.DOC_SIMHASH] for d in docs), np.uint64, n),
        "high": np.fromiter((d[N.DOC_EXACT][0] for d in docs), np.uint64, n),
        "low": np.fromiter((d[N.DOC_EXACT][1] for d in docs), np.uint64, n),
        "tokens": np.fromiter((d[N.DOC_TOKENS] for d in docs), np.uint32, n),
        "shingles": np.fromiter((d[N.DOC_SHINGLES] for d in docs), np.uint32, n),
        "count": np.fromiter((len(d[N.DOC_SKETCH]) for d in docs), np.uint8, n),
    }
    sketch = np.zeros((n, SKETCH_STRIDE), np.uint32)
    for i, d in enumerate(docs):
        s = d[N.DOC_SKETCH]
        if len(s) > SKETCH_STRIDE:
            raise ValueError(f"document {d[N.DOC_RANK]}: sketch of {len(s)} values")
        sketch[i, :len(s)] = s
    cols["sketch"] = sketch
    return cols


# A batch of documents (what a records task keeps, and what the clusters
# stage moves): the verification COLUMNS plus the fields of the output, so a
# batch pickles as a few arrays and two lists of strings, not as tuples.
DOC_COLUMNS = dict(COLUMNS, published=np.int64, dated=np.bool_, body=np.uint32)
DOC_LISTS = ("path", "url")

# libdiff_dedupe_doc (libdiff.h; _dask_native.DedupeDoc) as a numpy record, so
# a records call's output is read as columns without a Python object per file.
DEDUPE_DOC = np.dtype([
    ("simhash", "<u8"), ("exact_high", "<u8"), ("exact_low", "<u8"), ("published", "<i8"),
    ("disk_bytes", "<u8"), ("body_bytes", "<u4"), ("tokens", "<u4"), ("shingles", "<u4"),
    ("is_document", "u1"), ("has_published", "u1"), ("sketch_count", "u1"), ("reserved", "u1"),
    ("sketch", "<u4", (SKETCH_STRIDE,))])


def struct_records(docs):
    """A ctypes array of _dask_native.DedupeDoc -> a numpy record array over
    the same memory (no copy)."""
    if len(docs) == 0:
        return np.zeros(0, DEDUPE_DOC)
    return np.frombuffer(docs, dtype=DEDUPE_DOC, count=len(docs))


def struct_batch(records, ranks, paths) -> dict:
    """Rows of struct_records (documents only) with their ranks and paths (str)
    -> a document batch."""
    count = records["sketch_count"].astype(np.uint8)
    if len(count) and int(count.max()) > SKETCH_STRIDE:
        raise ValueError(f"sketch of {int(count.max())} values")
    sketch = np.array(records["sketch"], np.uint32)
    sketch[np.arange(SKETCH_STRIDE)[None, :] >= count[:, None]] = 0
    return {"rank": np.asarray(ranks, np.int64), "simhash": records["simhash"].copy(),
            "high": records["exact_high"].copy(), "low": records["exact_low"].copy(),
            "tokens": records["tokens"].copy(), "shingles": records["shingles"].copy(),
            "sketch": sketch, "count": count,
            "published": np.where(records["has_published"] != 0, records["published"], 0),
            "dated": records["has_published"] != 0, "body": records["body_bytes"].copy(),
            "path": list(paths), "url": [""] * len(paths)}


def doc_batch(docs) -> dict:
    """Document tuples (dask_dedupe's layout) -> a document batch."""
    batch = doc_columns(docs)
    n = len(docs)
    batch["published"] = np.fromiter((d[N.DOC_PUBLISHED] or 0 for d in docs), np.int64, n)
    batch["dated"] = np.fromiter((d[N.DOC_PUBLISHED] is not None for d in docs), np.bool_, n)
    batch["body"] = np.fromiter((d[N.DOC_BODY] for d in docs), np.uint32, n)
    batch["path"] = [d[N.DOC_PATH] for d in docs]
    batch["url"] = [d[N.DOC_URL] for d in docs]
    return batch


def batch_tuples(batch) -> list:
    """A document batch -> its document tuples (dask_dedupe's layout)."""
    counts = batch["count"].tolist()
    sketches = batch["sketch"].tolist()
    published = [p if dated else None
                 for p, dated in zip(batch["published"].tolist(), batch["dated"].tolist())]
    return [(rank, simhash, (high, low), tokens, shingles, tuple(sketch[:count]), pub, body,
             path, url)
            for rank, simhash, high, low, tokens, shingles, sketch, count, pub, body, path, url
            in zip(batch["rank"].tolist(), batch["simhash"].tolist(), batch["high"].tolist(),
                   batch["low"].tolist(), batch["tokens"].tolist(), batch["shingles"].tolist(),
                   sketches, counts, published, batch["body"].tolist(), batch["path"],
                   batch["url"])]


def verification_columns(batch) -> dict:
    return {name: batch[name] for name in COLUMNS}


def take(cols: dict, rows) -> dict:
    """Rows of columns; lists of a document batch are taken too."""
    rows = np.asarray(rows, dtype=np.int64)
    return {name: (col[rows] if isinstance(col, np.ndarray) else [col[i] for i in rows.tolist()])
            for name, col in cols.items()}


def concat_docs(batches) -> dict:
    """Document batches -> one batch, in the order given; extra array columns
    that every batch has (such as a label) are kept."""
    batches = list(batches)
    if not batches:
        batches = [doc_batch([])]
    out = {}
    for name, col in batches[0].items():
        if isinstance(col, np.ndarray):
            out[name] = np.concatenate([b[name] for b in batches])
        else:
            out[name] = [v for b in batches for v in b[name]]
    return out


def sort_docs(batch) -> dict:
    """The batch in rank order."""
    rank = batch["rank"]
    if len(rank) < 2 or bool(np.all(rank[1:] > rank[:-1])):
        return batch
    return take(batch, np.argsort(rank, kind="stable"))


def concat(batches) -> dict:
    """Column batches -> one batch (an empty batch when there are none)."""
    batches = list(batches)
    if not batches:
        return {name: (np.zeros((0, SKETCH_STRIDE), t) if name == "sketch"
                       else np.zeros(0, t)) for name, t in COLUMNS.items()}
    return {name: np.concatenate([b[name] for b in batches]) for name in COLUMNS}


def table_keys(simhash, layout):
    """[(t, block array)] of a SimHash array: the top `width` bits of
    rotl(h, shift) per table (dask_dedupe.table_keys, vectorised)."""
    keys = []
    for t, (shift, width) in enumerate(layout):
        p = simhash
        if shift:
            p = (simhash << _U64(shift)) | (simhash >> _U64(64 - shift))
        keys.append((t, p >> _U64(64 - width)))
    return keys


def _mix(kind, sub, value):
    """A well-spread 64-bit hash of a key (for bucketing; numpy wraps)."""
    with np.errstate(over="ignore"):
        h = value * _U64(0x9E3779B97F4A7C15)
        h ^= (sub.astype(np.uint64) << _U64(8)) | kind.astype(np.uint64)
        h ^= h >> _U64(29)
        h *= _U64(0xBF58476D1CE4E5B9)
        h ^= h >> _U64(32)
    return h


def key_entries(cols: dict, layout):
    """(kind, sub, value, row) arrays of every key of every document."""
    n = len(cols["rank"])
    rows = np.arange(n, dtype=np.int64)
    kinds, subs, values, owners = [np.full(n, EXACT, np.uint8)], [np.zeros(n, np.uint8)], \
        [cols["high"]], [rows]
    for j in range(QUERY_KEYS):
        has = cols["count"] > j
        kinds.append(np.full(int(has.sum()), SKETCH, np.uint8))
        subs.append(np.full(int(has.sum()), j, np.uint8))
        values.append(cols["sketch"][has, j].astype(np.uint64))
        owners.append(rows[has])
    for t, block in table_keys(cols["simhash"], layout):
        kinds.append(np.full(n, TABLE, np.uint8))
        subs.append(np.full(n, t, np.uint8))
        values.append(block)
        owners.append(rows)
    return (np.concatenate(kinds), np.concatenate(subs), np.concatenate(values),
            np.concatenate(owners))


def _group_sub(kind, sub):
    """The sub of a key's group: a sketch value's ranks form one group."""
    return np.where(kind == SKETCH, np.uint8(0), sub).astype(np.uint8)


def split_into_buckets(cols: dict, layout, nbuckets: int):
    """A partition's documents -> nbuckets pieces (columns of the documents
    with a key in the bucket, key entries with rows into them): what the
    candidate shuffle sends to each bucket."""
    kind, sub, value, row = key_entries(cols, layout)
    bucket = (_mix(kind, _group_sub(kind, sub), value) % _U64(nbuckets)).astype(np.int64)
    order = np.argsort(bucket, kind="stable")
    bounds = np.searchsorted(bucket[order], np.arange(nbuckets + 1))
    pieces = []
    for b in range(nbuckets):
        sel = order[bounds[b]:bounds[b + 1]]
        used, local = np.unique(row[sel], return_inverse=True)
        pieces.append((take(cols, used), kind[sel], sub[sel], value[sel], local.astype(np.int64)))
    return pieces


def label_buckets(labels, nbuckets: int):
    """The cluster bucket of each component label (int64 array; labels are
    ranks, whose low bits are mostly zero, so they are mixed first)."""
    labels = np.asarray(labels, dtype=np.int64)
    zero = np.zeros(len(labels), np.uint8)
    return (_mix(zero, zero, labels.astype(np.uint64)) % _U64(nbuckets)).astype(np.int64)


def verify_pairs(cols: dict, a, b, max_distance: int, details: bool = False):
    """libdiff_dedupe_verify_batch over rows a[i], b[i] of `cols`: the
    duplicate flags (bool array), or with `details` (flags, distances,
    similarities, exact flags)."""
    n = len(a)
    dup = np.zeros(n, np.uint8)
    dist = np.zeros(n, np.intc) if details else None
    sim = np.zeros(n, np.float64) if details else None
    exact = np.zeros(n, np.uint8) if details else None
    if n:
        pa = np.ascontiguousarray(a, dtype=np.uint32)
        pb = np.ascontiguousarray(b, dtype=np.uint32)
        c = {name: np.ascontiguousarray(cols[name]) for name in COLUMNS}

        def ptr(x):
            return None if x is None else x.ctypes.data

        _capi.C.libdiff_dedupe_verify_batch(
            ptr(dup), ptr(dist), ptr(sim), ptr(exact), ptr(pa), ptr(pb), n, ptr(c["simhash"]),
            ptr(c["high"]), ptr(c["low"]), ptr(c["tokens"]), ptr(c["shingles"]),
            ptr(c["sketch"]), SKETCH_STRIDE, ptr(c["count"]), len(c["rank"]), max_distance)
    if details:
        return dup.astype(bool), dist, sim, exact.astype(bool)
    return dup.astype(bool)


def _runs(*keys):
    """Start flags of runs of equal tuples in sorted key arrays."""
    n = len(keys[0])
    start = np.ones(n, bool)
    if n:
        same = np.ones(n - 1, bool)
        for k in keys:
            same &= k[1:] == k[:-1]
        start[1:] = ~same
    return start


def _pairs_after(pos, ends):
    """Row positions (i, j) of every member i in `pos` with each j in
    (i, end), `ends` the end of each one's group."""
    pos = np.asarray(pos, np.int64)
    partners = np.asarray(ends, np.int64) - pos - 1
    total = int(partners.sum()) if len(partners) else 0
    if total == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    first = np.repeat(pos, partners)
    offset = np.arange(total) - np.repeat(np.cumsum(partners) - partners, partners)
    return first, first + 1 + offset


_POPCOUNT8 = np.array([bin(i).count("1") for i in range(256)], np.uint8)


def _popcount(x):
    return _POPCOUNT8[x.view(np.uint8).reshape(-1, 8)].sum(axis=1, dtype=np.int64)


def bucket_edges(pieces, max_distance: int):
    """One bucket's pieces (from every partition) -> its confirmed pairs as an
    (n, 2) int64 array of ranks (lower rank first): exact groups join their
    members to the first when the first two verify; among the first of each
    exact text (all copies of a text share every key, so each group holds
    them all), sketch groups and table groups give candidate pairs, each
    verified once. A sketch value's pair (a, b), rank a < rank b, is a
    candidate when a files it (rank in the sketch < KEYS_PER_SKETCH) and at
    most MAX_POSTINGS documents file it (as the CLI and the store); table
    pairs must be within max_distance bits."""
    cols = concat(p[0] for p in pieces)
    offsets = np.cumsum([0] + [len(p[0]["rank"]) for p in pieces[:-1]])
    kind = np.concatenate([p[1] for p in pieces]) if pieces else np.zeros(0, np.uint8)
    sub = np.concatenate([p[2] for p in pieces]) if pieces else np.zeros(0, np.uint8)
    value = np.concatenate([p[3] for p in pieces]) if pieces else np.zeros(0, np.uint64)
    row = (np.concatenate([p[4] + o for p, o in zip(pieces, offsets)]) if pieces
           else np.zeros(0, np.int64))
    rank, high, low = cols["rank"], cols["high"], cols["low"]
    edges = []

    # Exact groups.
    ex = row[kind == EXACT]
    ex = ex[np.lexsort((rank[ex], low[ex], high[ex]))]
    start = _runs(high[ex], low[ex])
    starts = np.flatnonzero(start)
    sizes = np.diff(np.append(starts, len(ex)))
    multi = sizes > 1
    leaders, seconds = ex[starts[multi]], ex[starts[multi] + 1]
    ok = verify_pairs(cols, leaders, seconds, max_distance)
    for s, size in zip(starts[multi][ok].tolist(), sizes[multi][ok].tolist()):
        edges.append(np.stack([np.full(size - 1, rank[ex[s]]), rank[ex[s + 1:s + size]]], 1))

    # Candidate groups among the first document of each exact text.
    m = kind != EXACT
    ck, cs, cv, cr = kind[m], sub[m], value[m], row[m]
    filed = (ck != SKETCH) | (cs < KEYS_PER_SKETCH)
    cs = _group_sub(ck, cs)
    order = np.lexsort((rank[cr], low[cr], high[cr], cv, cs, ck))
    ck, cs, cv, cr, filed = ck[order], cs[order], cv[order], cr[order], filed[order]
    first = _runs(ck, cs, cv, high[cr], low[cr])
    ck, cs, cv, cr, filed = ck[first], cs[first], cv[first], cr[first], filed[first]
    # Each group in rank order, so a member's partners are the ones after it.
    order = np.lexsort((rank[cr], cv, cs, ck))
    ck, cs, cv, cr, filed = ck[order], cs[order], cv[order], cr[order], filed[order]
    starts = np.flatnonzero(_runs(ck, cs, cv))
    sizes = np.diff(np.append(starts, len(cr)))
    gkind = ck[starts]
    nfiled = np.add.reduceat(filed.astype(np.int64), starts) if len(starts) else sizes
    keep = (sizes > 1) & ((gkind != SKETCH) | (nfiled <= MAX_POSTINGS))
    group_end = np.repeat(starts + sizes, sizes)
    member = filed & np.repeat(keep, sizes)
    i, j = _pairs_after(np.flatnonzero(member), group_end[member])
    a, b = cr[i], cr[j]
    near = (ck[i] != TABLE) | (_popcount(cols["simhash"][a] ^ cols["simhash"][b]) <=
                               max_distance)
    a, b = a[near], b[near]
    swap = rank[a] > rank[b]  # each pair once, lower rank first
    a, b = np.where(swap, b, a), np.where(swap, a, b)
    if len(a):
        code = np.unique(a * len(rank) + b)
        a, b = code // len(rank), code % len(rank)
        ok = verify_pairs(cols, a, b, max_distance)
        edges.append(np.stack([rank[a[ok]], rank[b[ok]]], 1))
    if not edges:
        return np.zeros((0, 2), np.int64)
    return np.concatenate(edges).astype(np.int64)


def component_labels(edges):
    """(nodes, labels): the sorted nodes of `edges` ((n, 2) int array) and the
    smallest node of each one's component, by min-label propagation with
    pointer jumping over arrays."""
    nodes, idx = np.unique(edges, return_inverse=True)
    idx = idx.reshape(-1, 2)
    a, b = idx[:, 0], idx[:, 1]
    label = np.arange(len(nodes))
    while True:
        low = np.minimum(label[a], label[b])
        new = label.copy()
        np.minimum.at(new, a, low)
        np.minimum.at(new, b, low)
        while True:  # pointer jumping: follow labels to their roots
            jumped = new[new]
            if np.array_equal(jumped, new):
                break
            new = jumped
        if np.array_equal(new, label):
            return nodes, nodes[label]
        label = new


def label_lookup(labels, ranks):
    """Labels of `ranks` in (sorted nodes, labels); -1 for nodes of no component."""
    known, label = labels
    q = np.asarray(ranks, dtype=np.int64)
    if len(known) == 0 or len(q) == 0:
        return np.full(len(q), -1, np.int64)
    at = np.minimum(np.searchsorted(known, q), len(known) - 1)
    return np.where(known[at] == q, label[at], -1)
