"""The experimental C entry points the Dask pipeline needs (libdiff.h,
LIBDIFF_EXPERIMENTAL section "Scale-out dedupe"): the corpus records of one
file or of a list of files, and the dedupe verification rule. ctypes releases
the GIL around every call, so worker threads run the C work in parallel.
"""
from __future__ import annotations

import ctypes
import json
from ctypes import c_double, c_int, c_int64, c_size_t, c_uint8, c_uint32, c_uint64, c_void_p
from typing import Sequence

from . import _capi

_lib = _capi.C  # both functions are typed in _capi._FUNCTIONS

# DedupeOptions defaults (libdiff/dedupe.h).
MAX_FILE_BYTES = 32 << 20
MAX_DECOMPRESSED_BYTES = 64 << 20


def dedupe_record(path: bytes, max_file_bytes: int = MAX_FILE_BYTES,
                  max_decompressed_bytes: int = MAX_DECOMPRESSED_BYTES) -> dict:
    """The record `libdiff dedupe` keeps for the file at `path` (see libdiff.h)."""
    out = c_void_p()
    out_len = c_size_t()
    _lib.libdiff_dedupe_record(ctypes.byref(out), ctypes.byref(out_len), path, len(path),
                               max_file_bytes, max_decompressed_bytes)
    return json.loads(_capi.take_string(out, out_len))


def dedupe_warc_records(path: bytes, max_file_bytes: int = MAX_FILE_BYTES,
                        max_decompressed_bytes: int = MAX_DECOMPRESSED_BYTES) -> dict:
    """The records `libdiff dedupe` makes for the HTML records of the WARC file
    at `path` (see libdiff_dedupe_warc_records in libdiff.h)."""
    out = c_void_p()
    out_len = c_size_t()
    _lib.libdiff_dedupe_warc_records(ctypes.byref(out), ctypes.byref(out_len), path, len(path),
                                     max_file_bytes, max_decompressed_bytes)
    return json.loads(_capi.take_string(out, out_len))


class DedupeDoc(ctypes.Structure):
    """libdiff_dedupe_doc (libdiff.h): one file's record as libdiff_dedupe_records
    writes it."""
    _fields_ = [("simhash", c_uint64), ("exact_high", c_uint64), ("exact_low", c_uint64),
                ("published", c_int64), ("disk_bytes", c_uint64), ("body_bytes", c_uint32),
                ("tokens", c_uint32), ("shingles", c_uint32), ("is_document", c_uint8),
                ("has_published", c_uint8), ("sketch_count", c_uint8), ("reserved", c_uint8),
                ("sketch", c_uint32 * 24)]


assert ctypes.sizeof(DedupeDoc) == 152


def dedupe_records(paths: Sequence[bytes], max_file_bytes: int = MAX_FILE_BYTES,
                   max_decompressed_bytes: int = MAX_DECOMPRESSED_BYTES):
    """The records of many files in one C call (libdiff_dedupe_records; the GIL
    is released for the whole batch) -> (a DedupeDoc array, one per path, and
    the skips as [(index, reason, detail)])."""
    n = len(paths)
    docs = (DedupeDoc * n)()
    c_paths = (ctypes.c_char_p * n)(*paths)
    c_lens = (c_size_t * n)(*map(len, paths))
    out = c_void_p()
    out_len = c_size_t()
    _lib.libdiff_dedupe_records(docs, ctypes.byref(out), ctypes.byref(out_len), c_paths,
                                c_lens, n, max_file_bytes, max_decompressed_bytes)
    skips = [tuple(s) for s in json.loads(_capi.take_string(out, out_len))]
    return docs, skips


def dedupe_page_records(paths: Sequence[bytes], urls: Sequence[bytes],
                        max_file_bytes: int = MAX_FILE_BYTES,
                        max_decompressed_bytes: int = MAX_DECOMPRESSED_BYTES):
    """dedupe_records for the pages of page lists, each extracted with its URL
    (libdiff_dedupe_page_records; b"" is no URL), as `libdiff dedupe --list`."""
    n = len(paths)
    docs = (DedupeDoc * n)()
    c_paths = (ctypes.c_char_p * n)(*paths)
    c_lens = (c_size_t * n)(*map(len, paths))
    c_urls = (ctypes.c_char_p * n)(*urls)
    c_url_lens = (c_size_t * n)(*map(len, urls))
    out = c_void_p()
    out_len = c_size_t()
    _lib.libdiff_dedupe_page_records(docs, ctypes.byref(out), ctypes.byref(out_len), c_paths,
                                     c_lens, c_urls, c_url_lens, n, max_file_bytes,
                                     max_decompressed_bytes)
    skips = [tuple(s) for s in json.loads(_capi.take_string(out, out_len))]
    return docs, skips


def doc_tuples(docs, ranks, rels, urls=None):
    """For each entry of a DedupeDoc array, the document tuple (DOC_* below)
    with its rank, relative path (bytes) and URL (str; "" when `urls` is None;
    `ranks`, `rels` and `urls` are per entry), or None when the file was
    skipped."""
    out = []
    for i, (d, rank, rel) in enumerate(zip(docs, ranks, rels)):
        if not d.is_document:
            out.append(None)
            continue
        out.append((rank, d.simhash, (d.exact_high, d.exact_low), d.tokens, d.shingles,
                    tuple(d.sketch[:d.sketch_count]),
                    d.published if d.has_published else None, d.body_bytes,
                    rel.decode("utf-8", "replace"), urls[i] if urls is not None else ""))
    return out


def _u32_array(values: Sequence[int]):
    return (c_uint32 * len(values))(*values)


def sketch_array(doc):
    """The document's sketch as the C array verify() passes (build it once
    when a document is verified against many)."""
    return _u32_array(doc[DOC_SKETCH])


def verify(a, b, max_distance: int, sketch_a=None, sketch_b=None):
    """(is_duplicate, distance, similarity, exact) for two document tuples
    (see dask_dedupe.Doc) under the library's verification rule; sketch_a/b
    are their sketch_array() when already built."""
    dup, dist, exact = c_int(), c_int(), c_int()
    sim = c_double()
    pa, pb = a[DOC_SKETCH], b[DOC_SKETCH]
    if sketch_a is None:
        sketch_a = _u32_array(pa)
    if sketch_b is None:
        sketch_b = _u32_array(pb)
    _lib.libdiff_dedupe_verify(
        ctypes.byref(dup), ctypes.byref(dist), ctypes.byref(sim), ctypes.byref(exact),
        a[DOC_SIMHASH], b[DOC_SIMHASH], 1 if a[DOC_EXACT] == b[DOC_EXACT] else 0,
        a[DOC_TOKENS], b[DOC_TOKENS], a[DOC_SHINGLES], b[DOC_SHINGLES], sketch_a, len(pa),
        sketch_b, len(pb), max_distance)
    return bool(dup.value), dist.value, sim.value, bool(exact.value)


# A document is a tuple (compact to pickle and shuffle); DOC_URL is a WARC
# member's or a listed page's URL, "" for files:
DOC_RANK, DOC_SIMHASH, DOC_EXACT, DOC_TOKENS, DOC_SHINGLES, DOC_SKETCH, DOC_PUBLISHED, \
    DOC_BODY, DOC_PATH, DOC_URL = range(10)
