"""Clusters of the Dask dedupe pipeline (dask_dedupe.py): connected
components of the verified pairs, their star clusters under the CLI's rule
(cluster.h DuplicatePairs), and each cluster's jsonl record as
`libdiff dedupe --format jsonl` prints it."""
from __future__ import annotations

import json
import math
from typing import Optional

from . import _dask_native as N


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
