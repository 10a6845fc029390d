"""libdiff: news article change and near-duplicate detection (ctypes over libdiff.h).

    import libdiff

    article = libdiff.extract(html, url="https://example.com/news/1")
    print(article.title, article.text)

    with libdiff.Store("/var/lib/crawler/.libdiff") as store:
        verdict = store.ingest(url, html)
        if verdict.kind == "updated":
            print(verdict.revision, verdict.changes)
            print(store.diff(url, verdict.revision - 1, verdict.revision))

Results are plain dataclasses copied out of the library (the C objects are
freed before the call returns), so they are safe to keep and share. Errors are
``LibdiffError`` subclasses chosen by the C code, with the library's message.

The library is found through ``$LIBDIFF_LIBRARY`` (a path to libdiff.so.N), a
build tree beside this package's sources, or the system loader path; its ABI
major is checked at import.

Thread safety: every function may be called from any thread; ctypes releases
the GIL during C calls, so threads run in parallel. A ``Store`` may be shared
by many threads (writes are serialised inside the library, reads run
concurrently); closing it while other threads use it makes their later calls
raise ``InvalidArgumentError``.
"""
from __future__ import annotations

import ctypes
import os
import sys
import threading
import weakref
from ctypes import byref, c_double, c_int, c_int64, c_size_t, c_uint32, c_uint64, c_void_p
from dataclasses import dataclass, field
from typing import Iterable, Iterator, List, NamedTuple, Optional, Sequence, Tuple, Union

from . import _capi
from ._capi import (C, CorruptionError, InternalError, InvalidArgumentError, LibdiffError,
                    NotFoundError, ResourceExhaustedError, StorageIOError, encode)

__all__ = [
    "Article", "Block", "Changes", "Comparison", "CorruptionError", "Fingerprint", "History",
    "InternalError", "InvalidArgumentError", "LibdiffError", "ListedPage", "NotFoundError",
    "ResourceExhaustedError", "Revision", "Stats", "StorageIOError", "Store", "Verdict",
    "WarcRecord", "compare", "diff", "diff_texts", "extract", "fingerprint", "iter_warc",
    "library_path", "read_page_list", "read_page_lists", "version",
]

version: str = C.libdiff_version_string().decode()
__version__ = version
library_path: str = _capi.library_path

Bytes = Union[str, bytes, bytearray, memoryview]

_BLOCK_KINDS = ("paragraph", "heading", "list_item", "quote", "preformatted", "table_row")
_FORMATS = {"word": 0, "unified": 1, "json": 2, "html": 3, "stat": 4}

# Pinned field numbers of libdiff.h.
_ARTICLE_FIELDS = ("url", "canonical_url", "title", "site_name", "published", "modified",
                   "language", "description", "type", "empty_reason", "text", "body_source")


class _Owned:
    """A C handle freed exactly once: by ``free()`` or when garbage collected."""

    def __init__(self, ptr, free_fn):
        self.ptr = ptr
        self._finalizer = weakref.finalize(self, free_fn, ptr)

    def free(self):
        self._finalizer()
        self.ptr = None


def _new_handle():
    return _capi.HANDLE()


def _str_field(fn, handle, *args) -> str:
    ptr, n = c_void_p(), c_size_t()
    fn(byref(ptr), byref(n), handle, *args)
    return _capi.view_string(ptr, n)


def _owned_string(fn, *args) -> str:
    ptr, n = c_void_p(), c_size_t()
    fn(byref(ptr), byref(n), *args)
    return _capi.take_string(ptr, n)


# --------------------------------------------------------------------------
# Extraction.

@dataclass(frozen=True)
class Block:
    kind: str  # "paragraph", "heading", "list_item", "quote", "preformatted", "table_row"
    text: str


@dataclass(frozen=True)
class Article:
    """An extracted (or stored) article. ``text`` is the body, blocks joined by blank lines."""

    url: str
    canonical_url: str
    title: str
    site_name: str
    authors: List[str]
    published: str
    modified: str
    language: str
    description: str
    type: str
    blocks: List[Block]
    text: str
    empty_reason: str
    # "dom", "json-ld" or "app-state": where the body was read; "" when it is empty.
    body_source: str = ""
    # The C article, kept for diff(); freed with this object.
    _handle: Optional[_Owned] = field(default=None, repr=False, compare=False)

    def to_json(self) -> str:
        """The article as JSON, in the schema of ``libdiff extract --format json``."""
        if self._handle is None:
            raise InvalidArgumentError("article has no library object")
        return _owned_string(C.libdiff_article_to_json, self._handle.ptr)

    @staticmethod
    def from_json(text: Bytes) -> "Article":
        """Reads an article from the JSON of to_json() (or ``libdiff extract``)."""
        data = encode(text, "json")
        handle = _new_handle()
        C.libdiff_article_from_json(byref(handle), data, len(data))
        return _article_from_handle(handle)


def _article_from_handle(handle) -> Article:
    owned = _Owned(handle, C.libdiff_article_free)
    try:
        values = {name: _str_field(C.libdiff_article_string, handle, i)
                  for i, name in enumerate(_ARTICLE_FIELDS)}
        authors = [_str_field(C.libdiff_article_author, handle, i)
                   for i in range(C.libdiff_article_author_count(handle))]
        blocks = []
        for i in range(C.libdiff_article_block_count(handle)):
            ptr, n, kind = c_void_p(), c_size_t(), c_int()
            C.libdiff_article_block(byref(ptr), byref(n), byref(kind), handle, i)
            blocks.append(Block(_BLOCK_KINDS[kind.value] if 0 <= kind.value < len(_BLOCK_KINDS)
                                else str(kind.value), _capi.view_string(ptr, n)))
    except BaseException:
        owned.free()
        raise
    return Article(authors=authors, blocks=blocks, _handle=owned, **values)


class _ExtractOptions:
    def __init__(self, url: Bytes = "", content_type: Bytes = "",
                 max_input_bytes: Optional[int] = None, max_blocks: Optional[int] = None,
                 max_depth: Optional[int] = None):
        handle = _new_handle()
        C.libdiff_extract_options_create(byref(handle))
        self._owned = _Owned(handle, C.libdiff_extract_options_free)
        self.ptr = handle
        try:
            u = encode(url, "url")
            C.libdiff_extract_options_set_url(handle, u, len(u))
            ct = encode(content_type, "content_type")
            C.libdiff_extract_options_set_content_type(handle, ct, len(ct))
            if max_input_bytes is not None:
                C.libdiff_extract_options_set_max_input_bytes(handle, max_input_bytes)
            if max_blocks is not None:
                C.libdiff_extract_options_set_max_blocks(handle, max_blocks)
            if max_depth is not None:
                C.libdiff_extract_options_set_max_depth(handle, max_depth)
        except BaseException:
            self.close()
            raise

    def close(self):
        self._owned.free()


def extract(html: Bytes, url: Bytes = "", *, content_type: Bytes = "",
            max_input_bytes: Optional[int] = None, max_blocks: Optional[int] = None,
            max_depth: Optional[int] = None) -> Article:
    """Extracts the article from ``html`` (bytes in any charset, or str).

    Raises InvalidArgumentError for empty html, ResourceExhaustedError past
    ``max_input_bytes`` (default 32 MiB)."""
    data = encode(html, "html")
    options = _ExtractOptions(url, content_type, max_input_bytes, max_blocks, max_depth)
    try:
        handle = _new_handle()
        C.libdiff_extract(byref(handle), options.ptr, data, len(data))
    finally:
        options.close()
    return _article_from_handle(handle)


# --------------------------------------------------------------------------
# Fingerprints.

@dataclass(frozen=True)
class Fingerprint:
    """A text fingerprint: 64-bit SimHash, exact 128-bit hash, paragraph hashes."""

    simhash: int
    exact: str  # 32 hex digits
    paragraph_hashes: List[int]
    sketch: List[int]  # bottom-24 MinHash of the shingle set, ascending (docs/fingerprint.md)
    token_count: int
    shingle_count: int
    algorithm_version: int
    shingle_size: int
    _handle: Optional[_Owned] = field(default=None, repr=False, compare=False)

    def distance(self, other: "Fingerprint") -> int:
        """SimHash Hamming distance (0..64)."""
        return compare(self, other).distance


@dataclass(frozen=True)
class Comparison:
    distance: int       # SimHash Hamming distance, 0..64
    similarity: float   # estimated, in [0, 1]
    identical: bool     # same normalised text


def _fingerprint_from_handle(handle) -> Fingerprint:
    owned = _Owned(handle, C.libdiff_fingerprint_free)
    try:
        def get(i):
            v = c_uint64()
            C.libdiff_fingerprint_get(byref(v), handle, i)
            return v.value
        hashes = []
        for i in range(get(2)):
            v = c_uint64()
            C.libdiff_fingerprint_paragraph_hash(byref(v), handle, i)
            hashes.append(v.value)
        sketch = []
        for i in range(get(7)):
            s = c_uint32()
            C.libdiff_fingerprint_sketch_value(byref(s), handle, i)
            sketch.append(s.value)
        return Fingerprint(simhash=C.libdiff_fingerprint_simhash(handle),
                           exact=f"{get(5):016x}{get(6):016x}", paragraph_hashes=hashes,
                           sketch=sketch,
                           token_count=get(0), shingle_count=get(1), algorithm_version=get(3),
                           shingle_size=get(4), _handle=owned)
    except BaseException:
        owned.free()
        raise


def fingerprint(text: Union[Bytes, Article]) -> Fingerprint:
    """Fingerprints ``text`` (UTF-8; paragraphs separated by blank lines) or an
    Article's body. Raises InvalidArgumentError for invalid UTF-8."""
    handle = _new_handle()
    if isinstance(text, Article):
        if text._handle is None:
            raise InvalidArgumentError("article has no library object")
        C.libdiff_fingerprint_article(byref(handle), text._handle.ptr)
    else:
        data = encode(text, "text")
        C.libdiff_fingerprint_text(byref(handle), data, len(data))
    return _fingerprint_from_handle(handle)


def compare(a: Fingerprint, b: Fingerprint) -> Comparison:
    """Compares two fingerprints. Raises InvalidArgumentError when they were
    made with different parameters."""
    if a._handle is None or b._handle is None:
        raise InvalidArgumentError("fingerprint has no library object")
    d, s, same = c_int(), c_double(), c_int()
    C.libdiff_fingerprint_compare(byref(d), byref(s), byref(same), a._handle.ptr, b._handle.ptr)
    return Comparison(d.value, s.value, bool(same.value))


# --------------------------------------------------------------------------
# Diffs.

class _DiffOptions:
    def __init__(self, format: str = "word", color: bool = False, context: Optional[int] = None):
        if format not in _FORMATS:
            raise InvalidArgumentError(f"unknown diff format {format!r}; one of "
                                       f"{', '.join(_FORMATS)}")
        handle = _new_handle()
        C.libdiff_diff_options_create(byref(handle))
        self._owned = _Owned(handle, C.libdiff_diff_options_free)
        self.ptr = handle
        try:
            C.libdiff_diff_options_set_format(handle, _FORMATS[format])
            C.libdiff_diff_options_set_color(handle, 1 if color else 0)
            if context is not None:
                C.libdiff_diff_options_set_context(handle, context)
        except BaseException:
            self.close()
            raise

    def close(self):
        self._owned.free()


def _render(call, format, color, context) -> str:
    """Runs call(out, out_len, out_changed, options) and returns the rendered diff."""
    options = _DiffOptions(format, color, context)
    try:
        ptr, n, changed = c_void_p(), c_size_t(), c_int()
        call(byref(ptr), byref(n), byref(changed), options.ptr)
        return _capi.take_string(ptr, n)
    finally:
        options.close()


def diff(old: Article, new: Article, *, format: str = "word", color: bool = False,
         context: Optional[int] = None) -> str:
    """Diffs two articles; format is "word", "unified", "json", "html" or "stat"."""
    if old._handle is None or new._handle is None:
        raise InvalidArgumentError("article has no library object")
    return _render(lambda *out: C.libdiff_diff_articles(*out, old._handle.ptr, new._handle.ptr),
                   format, color, context)


def diff_texts(old: Bytes, new: Bytes, *, format: str = "word", color: bool = False,
               context: Optional[int] = None) -> str:
    """Diffs two plain texts (paragraphs separated by blank lines)."""
    a, b = encode(old, "old"), encode(new, "new")
    return _render(lambda *out: C.libdiff_diff_texts(*out, a, len(a), b, len(b)),
                   format, color, context)


# --------------------------------------------------------------------------
# Store.

@dataclass(frozen=True)
class Changes:
    """What an update changed (Verdict.changes for kind "updated")."""

    paragraphs_added: int
    paragraphs_removed: int
    paragraphs_changed: int
    sentences_added: int    # -1 when not computed
    sentences_removed: int
    sentences_changed: int
    title_changed: bool
    simhash_distance: int
    modified: str           # the page's own modified time, or ""
    significance: str       # the diff's significance class, or ""


@dataclass(frozen=True)
class Verdict:
    """What a page is: kind "new", "unchanged", "updated", "duplicate" or "skipped"."""

    kind: str
    url: str
    normalized_url: str
    article: int
    revision: int
    title: str
    changes: Optional[Changes] = None   # updated
    reverted_to: int = 0                 # updated: an earlier revision that came back
    alias_of: str = ""
    of: int = 0                          # duplicate: the original article
    of_url: str = ""
    of_revision: int = 0                 # duplicate: the original's revision it matched
    distance: int = 0
    similarity: float = 0.0              # duplicate: shingle Jaccard, 0..1
    containment: float = 0.0             # duplicate: of the smaller text in the larger, 0..1
    cross_site: bool = False
    reason: str = ""                     # skipped


def _verdict_from_handle(handle) -> Verdict:
    def s(i):
        return _str_field(C.libdiff_verdict_string, handle, i)

    def n(i):
        v = c_int64()
        C.libdiff_verdict_int(byref(v), handle, i)
        return v.value

    kind = C.libdiff_verdict_kind(handle)
    name = C.libdiff_verdict_kind_name(kind).decode()
    sim = c_double()
    C.libdiff_verdict_similarity(byref(sim), handle)
    contained = c_double()
    C.libdiff_verdict_containment(byref(contained), handle)
    changes = None
    if name == "updated":
        changes = Changes(paragraphs_added=n(6), paragraphs_removed=n(7), paragraphs_changed=n(8),
                          sentences_added=n(9), sentences_removed=n(10), sentences_changed=n(11),
                          title_changed=bool(n(12)), simhash_distance=n(13), modified=s(6),
                          significance=s(7))
    return Verdict(kind=name, url=s(0), normalized_url=s(1), article=n(0), revision=n(1),
                   title=s(2), changes=changes, reverted_to=n(2), alias_of=s(3), of=n(3),
                   of_url=s(4), of_revision=n(14), distance=n(4), similarity=sim.value,
                   containment=contained.value, cross_site=bool(n(5)),
                   reason=s(5))


def _take_verdict(handle) -> Verdict:
    try:
        return _verdict_from_handle(handle)
    finally:
        C.libdiff_verdict_free(handle)


@dataclass(frozen=True)
class Revision:
    revision: int
    fetched_at: int    # Unix seconds
    url: str
    title: str
    simhash: int
    same_as: int       # a revert: the earlier revision with the same text, or 0
    keyframe: bool
    stored_bytes: int


@dataclass(frozen=True)
class History:
    article: int
    first_url: str
    urls: List[str]
    duplicate_of: int
    first_seen: int
    revisions: List[Revision]


@dataclass(frozen=True)
class Stats:
    articles: int
    revisions: int
    urls: int
    duplicates: int
    snapshot_bytes: int
    raw_html_bytes: int
    record_bytes: int
    file_bytes: int
    map_size: int
    bytes_per_revision: float


Page = Tuple[Bytes, Bytes]  # (url, html) or (url, html, fetched_at)


class Store:
    """A revision store directory. Use as a context manager, or call close().

    close() is idempotent; after it every method raises InvalidArgumentError
    ("store is closed"). One Store may be shared by many threads."""

    def __init__(self, path: Union[str, os.PathLike], *, create_if_missing: bool = True,
                 read_only: bool = False, max_distance: Optional[int] = None,
                 keep_raw_html: bool = False, initial_map_size: Optional[int] = None,
                 keyframe_interval: Optional[int] = None,
                 max_input_bytes: Optional[int] = None):
        self.path = os.fspath(path)
        options = _new_handle()
        C.libdiff_store_options_create(byref(options))
        try:
            C.libdiff_store_options_set_create_if_missing(options, int(bool(create_if_missing)))
            C.libdiff_store_options_set_read_only(options, int(bool(read_only)))
            C.libdiff_store_options_set_keep_raw_html(options, int(bool(keep_raw_html)))
            if max_distance is not None:
                C.libdiff_store_options_set_max_distance(options, max_distance)
            if initial_map_size is not None:
                C.libdiff_store_options_set_initial_map_size(options, initial_map_size)
            if keyframe_interval is not None:
                C.libdiff_store_options_set_keyframe_interval(options, keyframe_interval)
            if max_input_bytes is not None:
                extract_options = _ExtractOptions(max_input_bytes=max_input_bytes)
                try:
                    C.libdiff_store_options_set_extract_options(options, extract_options.ptr)
                finally:
                    extract_options.close()
            handle = _new_handle()
            p = encode(self.path, "path")
            C.libdiff_store_open(byref(handle), options, p, len(p))
        finally:
            C.libdiff_store_options_free(options)
        # libdiff_store_free runs once: on GC, or at interpreter exit.
        self._owned = _Owned(handle, C.libdiff_store_free)
        self._handle = handle
        self._lock = threading.Lock()
        self._closed = False

    # Lifetime.
    def close(self) -> None:
        """Closes the store (idempotent). Calls in progress in other threads finish first."""
        with self._lock:
            if not self._closed:
                C.libdiff_store_close(self._handle)
                self._closed = True

    @property
    def closed(self) -> bool:
        return self._closed

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"libdiff.Store({self.path!r})"

    # Pages.
    def ingest(self, url: Bytes, html: Bytes, fetched_at: int = 0) -> Verdict:
        """Files one page; returns its verdict. fetched_at: Unix seconds, 0 = now."""
        return self._page(C.libdiff_store_ingest, url, html, fetched_at)

    def check(self, url: Bytes, html: Bytes, fetched_at: int = 0) -> Verdict:
        """The verdict ingest() would return, without writing."""
        return self._page(C.libdiff_store_check, url, html, fetched_at)

    def ingest_batch(self, pages: Iterable[Sequence]) -> List[Verdict]:
        """Files (url, html[, fetched_at]) pages in one transaction: all or nothing."""
        return self._batch(C.libdiff_store_ingest_batch, pages)

    def check_batch(self, pages: Iterable[Sequence]) -> List[Verdict]:
        """check() of each page against the store as it is."""
        return self._batch(C.libdiff_store_check_batch, pages)

    def ingest_warc(self, path: Union[str, os.PathLike], batch: int = 64, *,
                    max_record_bytes: int = 0) -> Iterator[Tuple[int, Verdict]]:
        """Files the HTML records of a WARC file in archive order, ``batch``
        pages per transaction; yields (record offset, verdict). Revisit
        records are passed over. Damage raises CorruptionError after the
        pages before it were filed and yielded."""
        with _WarcReader(path, max_record_bytes) as reader:
            while True:
                out = _new_handle()
                C.libdiff_store_ingest_warc(byref(out), self._handle, reader.ptr, int(batch))
                try:
                    count = C.libdiff_verdict_list_count(out)
                    for i in range(count):
                        v, offset = _new_handle(), c_uint64()
                        C.libdiff_verdict_list_get(byref(v), out, i)
                        C.libdiff_warc_batch_offset(byref(offset), reader.ptr, i)
                        yield offset.value, _verdict_from_handle(v)
                finally:
                    C.libdiff_verdict_list_free(out)
                if count == 0:
                    return

    def _page(self, fn, url, html, fetched_at) -> Verdict:
        u, h = encode(url, "url"), encode(html, "html")
        out = _new_handle()
        fn(byref(out), self._handle, u, len(u), h, len(h), int(fetched_at))
        return _take_verdict(out)

    def _batch(self, fn, pages) -> List[Verdict]:
        batch = _new_handle()
        C.libdiff_batch_create(byref(batch))
        try:
            for page in pages:
                if len(page) not in (2, 3):
                    raise InvalidArgumentError("a page is (url, html) or (url, html, fetched_at)")
                u, h = encode(page[0], "url"), encode(page[1], "html")
                C.libdiff_batch_add(batch, u, len(u), h, len(h),
                                    int(page[2]) if len(page) == 3 else 0)
            out = _new_handle()
            fn(byref(out), self._handle, batch)
        finally:
            C.libdiff_batch_free(batch)
        try:
            verdicts = []
            for i in range(C.libdiff_verdict_list_count(out)):
                v = _new_handle()
                C.libdiff_verdict_list_get(byref(v), out, i)
                verdicts.append(_verdict_from_handle(v))  # owned by the list
            return verdicts
        finally:
            C.libdiff_verdict_list_free(out)

    # Reading.
    def history(self, url: Bytes) -> History:
        """The article's history (NotFoundError when the URL is unknown)."""
        u = encode(url, "url")
        h = _new_handle()
        C.libdiff_store_history(byref(h), self._handle, u, len(u))
        try:
            def num(i):
                v = c_int64()
                C.libdiff_history_int(byref(v), h, i)
                return v.value

            def rev_num(index, i):
                v = c_int64()
                C.libdiff_history_revision_int(byref(v), h, index, i)
                return v.value

            revisions = [
                Revision(revision=rev_num(i, 0), fetched_at=rev_num(i, 1),
                         url=_str_field(C.libdiff_history_revision_string, h, i, 0),
                         title=_str_field(C.libdiff_history_revision_string, h, i, 1),
                         simhash=rev_num(i, 5) & 0xFFFFFFFFFFFFFFFF, same_as=rev_num(i, 2),
                         keyframe=bool(rev_num(i, 3)), stored_bytes=rev_num(i, 4))
                for i in range(num(3))]
            return History(article=num(0), first_url=_str_field(C.libdiff_history_first_url, h),
                           urls=[_str_field(C.libdiff_history_url, h, i) for i in range(num(4))],
                           duplicate_of=num(1), first_seen=num(2), revisions=revisions)
        finally:
            C.libdiff_history_free(h)

    def revision(self, url: Bytes, revision: int = 0) -> Article:
        """Revision ``revision`` (0 = latest) of the URL's article, as ingested."""
        u = encode(url, "url")
        a = _new_handle()
        C.libdiff_store_read_revision(byref(a), self._handle, u, len(u), int(revision))
        return _article_from_handle(a)

    def diff(self, url: Bytes, old: int, new: int = 0, *, format: str = "word",
             color: bool = False, context: Optional[int] = None) -> str:
        """Diffs two stored revisions (0 = latest) of the URL's article."""
        u = encode(url, "url")
        return _render(lambda p, n, changed, options: C.libdiff_store_diff(
            p, n, changed, self._handle, options, u, len(u), int(old), int(new)),
            format, color, context)

    def stats(self) -> Stats:
        s = _new_handle()
        C.libdiff_store_stats(byref(s), self._handle)
        try:
            def get(i):
                v = c_uint64()
                C.libdiff_stats_get(byref(v), s, i)
                return v.value
            bpr = c_double()
            C.libdiff_stats_bytes_per_revision(byref(bpr), s)
            return Stats(articles=get(0), revisions=get(1), urls=get(2), duplicates=get(3),
                         snapshot_bytes=get(4), raw_html_bytes=get(5), record_bytes=get(6),
                         file_bytes=get(7), map_size=get(8), bytes_per_revision=bpr.value)
        finally:
            C.libdiff_stats_free(s)


# --------------------------------------------------------------------------
# WARC input.

@dataclass(frozen=True)
class WarcRecord:
    """An HTML record of a WARC file (or a revisit: ``type == "revisit"``,
    empty body, ``refers_to_url``/``refers_to_date`` naming the record
    revisited)."""
    url: str
    fetched_at: int        # WARC-Date, Unix seconds (0 when absent)
    date: str              # WARC-Date as written
    content_type: str      # HTTP Content-Type, with its charset
    body: bytes            # the decoded payload
    offset: int            # where the record starts in the file
    type: str              # "response", "resource" or "revisit"
    http_status: int       # 0 for resource records
    refers_to_url: str = ""
    refers_to_date: str = ""


class _WarcReader:
    def __init__(self, path, max_record_bytes: int = 0):
        p = encode(os.fspath(path), "path")
        handle = _new_handle()
        C.libdiff_warc_open(byref(handle), p, len(p), int(max_record_bytes))
        self._owned = _Owned(handle, C.libdiff_warc_free)
        self.ptr = handle

    def close(self) -> None:
        self._owned.free()

    def __enter__(self) -> "_WarcReader":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def iter_warc(path: Union[str, os.PathLike], *, max_record_bytes: int = 0,
              revisits: bool = True) -> Iterator[WarcRecord]:
    """Yields the HTML records (and, unless ``revisits`` is False, the revisit
    records) of a .warc or .warc.gz file in archive order, one at a time.
    Non-HTML records are skipped. Damage (a record cut short, a bad gzip
    member) raises CorruptionError after the records before it were yielded."""
    with _WarcReader(path, max_record_bytes) as reader:
        h = reader.ptr
        more = c_int()
        while True:
            C.libdiff_warc_next(byref(more), h)
            if not more.value:
                return

            def num(field):
                v = c_int64()
                C.libdiff_warc_record_int(byref(v), h, field)
                return v.value

            if num(3) and not revisits:
                continue
            ptr, n = c_void_p(), c_size_t()
            C.libdiff_warc_record_string(byref(ptr), byref(n), h, 3)
            body = ctypes.string_at(ptr.value, n.value) if n.value else b""
            text = [_str_field(C.libdiff_warc_record_string, h, f) for f in (0, 1, 2, 4, 5, 6)]
            yield WarcRecord(url=text[0], fetched_at=num(1), date=text[1], content_type=text[2],
                             body=body, offset=num(0), type=text[3], http_status=num(2),
                             refers_to_url=text[4], refers_to_date=text[5])


# --------------------------------------------------------------------------
# Page lists.

class ListedPage(NamedTuple):
    """A page of a page list: (url, path, fetched_at, origin)."""
    url: str         # as written (valid UTF-8)
    path: str        # resolved against the list's directory ("-" = standard input)
    fetched_at: int  # Unix seconds; 0 when the line has none
    origin: str      # "LIST:LINE"


def _pages_of(handle) -> List[ListedPage]:
    # One call a page: libdiff_page_list_get fills one struct with every field,
    # its strings read as bytes (c_char_p); the paths decoded as os.fsdecode
    # does. The struct, its byref and the functions are bound once.
    page = _capi.PageListEntry()
    get, p_page = C.libdiff_page_list_get, byref(page)
    encoding, errors = sys.getfilesystemencoding(), sys.getfilesystemencodeerrors()
    pages: List[ListedPage] = []
    append = pages.append
    for i in range(C.libdiff_page_list_count(handle)):
        get(p_page, handle, i)
        append(ListedPage(page.url.decode("utf-8"), page.path.decode(encoding, errors),
                          page.fetched_at, page.origin.decode(encoding, errors)))
    return pages


def read_page_lists(paths: Iterable[Union[str, bytes, os.PathLike]], *,
                    unique: bool = False) -> List[ListedPage]:
    """The pages of the page lists `paths`, in order, read by the library's
    reader (libdiff/page_list.h: the reader of `libdiff extract|ingest|check|
    dedupe --list`). With ``unique``, a page listed twice (paths compared
    lexically normalised: "./a.html" is "a.html"), in one list or across them,
    is an error, as `libdiff dedupe --list` has it. Errors carry the CLI's
    message ("LIST:LINE: ..."): NotFoundError/StorageIOError when a list
    cannot be read, InvalidArgumentError (a ValueError) for a bad line or a
    page listed twice, ResourceExhaustedError for a list over 1 GiB or a line
    over 1 MiB."""
    handles = []
    try:
        for path in paths:
            p = os.fsencode(os.fspath(path))
            handle = _new_handle()
            _strip_entry_point(C.libdiff_page_list_read, byref(handle), p, len(p))
            handles.append(handle)
        if unique and handles:
            array = (_capi.HANDLE * len(handles))(*handles)
            _strip_entry_point(C.libdiff_page_list_check_unique, array, len(handles))
        return [page for handle in handles for page in _pages_of(handle)]
    finally:
        for handle in handles:
            C.libdiff_page_list_free(handle)


def read_page_list(path: Union[str, bytes, os.PathLike]) -> List[ListedPage]:
    """The pages of the page list `path` ("-" = standard input): tab-separated
    `url, path[, fetched_at]` lines, '#' and blank lines skipped, a relative
    path taken relative to the list's directory. See read_page_lists."""
    return read_page_lists([path])


def _strip_entry_point(fn, *args) -> None:
    """Calls `fn`; its error's message loses the "libdiff_...: " prefix, so it
    reads as the CLI prints it."""
    try:
        fn(*args)
    except LibdiffError as e:
        prefix = fn.__name__ + ": "
        message = str(e)[len(prefix):] if str(e).startswith(prefix) else str(e)
        raise type(e)(message, e.code) from None
