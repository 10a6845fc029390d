"""Inputs of the Dask dedupe pipeline (dask_dedupe.py): the client's walk of
directories, WARC files, globs and page lists with the CLI's rules
(libdiff/dedupe.h DedupeInputs; page lists read by the library's reader,
libdiff/page_list.h, through libdiff.read_page_lists), and the records a task
reads from its files through the C library, ranked as the CLI numbers them.

An item is (rank, name, full path) for a walked or given file, and (rank,
name, full path, URL) for a page of a page list: always read as one page
(never as a WARC) and extracted with its URL."""
from __future__ import annotations

import errno
import os
import stat
from typing import Dict, List, Tuple

from . import _dask_native as N
from . import NotFoundError, ResourceExhaustedError, StorageIOError, read_page_lists


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


def _listed(item) -> bool:
    return len(item) > 3


def _is_warc_item(item) -> bool:
    return not _listed(item) and is_warc(item[1])


def _page_record(item):
    """A listed page's record, extracted with its URL, as _doc makes it."""
    rank, rel, full, url = item
    docs, skips = N.dedupe_page_records([full], [url.encode("utf-8")])
    if skips:
        return ("skip", docs[0].disk_bytes, (rel, skips[0][1], skips[0][2]))
    doc = N.doc_tuples(docs, [rank << RANK_SHIFT], [rel], [url])[0]
    return ("doc", docs[0].disk_bytes, doc)


def _records(item):
    """(file rank, rel, full) -> [("doc", disk_bytes, doc) | ("skip", disk_bytes,
    (rel, reason, detail)) | ("note", 0, skip that is not a document: a revisit,
    a damaged WARC) | ("count", disk_bytes, {reason: n})]: one entry for a file,
    one per HTML or revisit record for a WARC, as the CLI counts them."""
    if _listed(item):
        return [_page_record(item)]
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
    files = [i for i, item in enumerate(items) if not _is_warc_item(item)]
    out: list = [None] * len(items)
    if files:
        docs, skips = plain_records([items[i] for i in files])
        tuples = N.doc_tuples(docs, [items[i][0] << RANK_SHIFT for i in files],
                              [items[i][1] for i in files], [item_url(items[i]) for i in files])
        for j, doc in enumerate(tuples):
            if doc is not None:
                out[files[j]] = [("doc", docs[j].disk_bytes, doc)]
        for j, reason, detail in skips:
            rel = items[files[j]][1]
            out[files[j]] = [("skip", docs[j].disk_bytes, (rel, reason, detail))]
    return [r for i, item in enumerate(items) for r in (out[i] or _records(item))]


def item_url(item) -> str:
    return item[3] if _listed(item) else ""


def plain_records(items):
    """The records of items that are not WARC files, in one C call
    (libdiff_dedupe_records, or libdiff_dedupe_page_records when a listed
    page is among them) -> (DedupeDoc array, skips)."""
    paths = [item[2] for item in items]
    if not any(_listed(item) for item in items):
        return N.dedupe_records(paths)
    return N.dedupe_page_records(paths, [item_url(item).encode("utf-8") for item in items])


# PathArena::kMaxPath: a longer listed path is skipped, as the CLI does.
MAX_PATH = 4096


def collect(inputs, lists=(), origins: Dict[str, str] = None
            ) -> Tuple[list, List[Tuple[bytes, str, str]]]:
    """(files, skipped) of `inputs` and of the page lists `lists` with the
    CLI's rules (libdiff/dedupe.h DedupeInputs): directories (walked), WARC
    files, page files and glob patterns of them, and the lists' pages. A file
    is (name, full path); a listed page (name, full path, URL), named by its
    path as resolved against its list. One directory alone names its files
    relative to it; otherwise each name starts with its input as given. When
    `origins` is a dict, each listed page's name maps to its "LIST:LINE".
    Raises FileNotFoundError/ValueError as the CLI refuses its inputs."""
    import glob as globlib
    if isinstance(inputs, (str, bytes, os.PathLike)):
        inputs = [inputs]
    if isinstance(lists, (str, bytes, os.PathLike)):
        lists = [lists]
    pages = []
    if lists:
        # The library's reader, as `libdiff dedupe --list` reads lists: a page
        # listed twice (two spellings of one path too) is refused here.
        try:
            pages = [(p.url, p.path, p.origin) for p in read_page_lists(lists, unique=True)]
        except (NotFoundError, StorageIOError) as e:
            raise FileNotFoundError(str(e)) from None
        except ResourceExhaustedError as e:
            raise ValueError(str(e)) from None
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
    if not resolved and not pages:
        raise ValueError("dedupe: no input given")
    resolved.sort(key=lambda r: r[0])
    for i, (_, a_name, a_dir, a) in enumerate(resolved):
        for j, (_, b_name, _, b) in enumerate(resolved):
            inside = a_dir and len(b) > len(a) and b.startswith(a) and \
                (a.endswith("/") or b[len(a)] == "/")
            if (i < j and a == b) or (i != j and inside):
                raise ValueError(f"dedupe: {b_name}: given twice "
                                 f"({'same as' if a == b else 'inside'} {a_name})")
    files: list = []
    skipped: List[Tuple[bytes, str, str]] = []
    several = len(resolved) + len(pages) > 1
    if pages:
        files, skipped = _listed_files(pages, resolved, origins)
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


def _listed_files(pages, resolved, origins):
    """The listed pages as files (name, full path, URL) and the skips of
    paths too long, checked against the inputs as the library checks them
    (names compared as given; read_page_lists checked them against each other)."""
    names = sorted(os.fsencode(p) for _, p, _ in pages)
    import bisect
    for key, name, is_dir, _ in resolved:
        i = bisect.bisect_left(names, key)
        if i < len(names) and (names[i] == os.fsencode(name) or
                               (is_dir and names[i].startswith(key))):
            raise ValueError(f"dedupe: {os.fsdecode(names[i])}: given twice "
                             f"({'inside' if is_dir else 'same as'} {name})")
    files, skipped = [], []
    for url, path, where in pages:
        nameb = os.fsencode(path)
        if origins is not None:
            origins[path] = where
        if len(nameb) > MAX_PATH:
            skipped.append((nameb[:256], "unreadable", "path too long"))
            continue
        files.append((nameb, os.fsencode(os.path.abspath(path)), url))
    return files, skipped
