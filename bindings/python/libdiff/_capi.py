"""ctypes bindings of libdiff.h: one declarative table, the loader, errcheck.

Every C function used is listed once in ``_FUNCTIONS`` with its restype and
argtypes (the default restype, int, would truncate pointers). Functions that
return a status code get an errcheck that raises the LibdiffError subclass of
the code with the thread's ``libdiff_last_error()`` text. ctypes releases the
GIL around every call into a CDLL, so C work runs in parallel with Python.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import glob
import os
from ctypes import (POINTER, c_char_p, c_double, c_int, c_int64, c_size_t, c_uint32, c_uint64,
                    c_void_p)
from typing import Optional

# The ABI major this package speaks (the SOVERSION of libdiff.so).
ABI_MAJOR = 0
ENV_LIBRARY = "LIBDIFF_LIBRARY"

# Status codes (libdiff.h): pinned values.
OK = 0
ERROR_INVALID_ARGUMENT = -1
ERROR_NOT_FOUND = -2
ERROR_CORRUPTION = -3
ERROR_IO = -4
ERROR_RESOURCE_EXHAUSTED = -5
ERROR_INTERNAL = -6


class LibdiffError(Exception):
    """A libdiff call failed. ``code`` is the C code, ``str(e)`` its message."""

    code: int = 0

    def __init__(self, message: str, code: Optional[int] = None):
        super().__init__(message)
        if code is not None:
            self.code = code


class InvalidArgumentError(LibdiffError, ValueError):
    code = ERROR_INVALID_ARGUMENT


class NotFoundError(LibdiffError, LookupError):
    code = ERROR_NOT_FOUND


class CorruptionError(LibdiffError):
    code = ERROR_CORRUPTION


class StorageIOError(LibdiffError, OSError):
    code = ERROR_IO


class ResourceExhaustedError(LibdiffError):
    code = ERROR_RESOURCE_EXHAUSTED


class InternalError(LibdiffError):
    code = ERROR_INTERNAL


_ERRORS = {cls.code: cls for cls in (InvalidArgumentError, NotFoundError, CorruptionError,
                                     StorageIOError, ResourceExhaustedError, InternalError)}


class _Handle(ctypes.Structure):
    """Opaque C handle (only ever used through pointers)."""


HANDLE = POINTER(_Handle)
HANDLE_P = POINTER(HANDLE)
STR_P = POINTER(c_void_p)      # const char ** (borrowed)
OWNED_P = POINTER(c_void_p)    # char ** (ours, released with libdiff_string_free)
SIZE_P = POINTER(c_size_t)


class PageListEntry(ctypes.Structure):
    """libdiff_page_list_entry (libdiff.h): one page of a page list. Its
    strings are the list's, NUL-terminated with no NUL inside, so they are
    declared c_char_p: reading a field copies its bytes out in one step (None
    after a failed call); the *_len fields agree with them."""

    _fields_ = [("url", c_char_p), ("url_len", c_size_t),
                ("path", c_char_p), ("path_len", c_size_t),
                ("origin", c_char_p), ("origin_len", c_size_t),
                ("fetched_at", c_int64), ("has_fetched_at", c_int)]


# Return-value checks.
STATUS = "status"  # int code: raise when negative
PLAIN = None       # no check


def _library_candidates():
    override = os.environ.get(ENV_LIBRARY)
    if override:
        return [override]
    names = []
    # A library shipped inside the package (a wheel that bundles it).
    here = os.path.dirname(os.path.abspath(__file__))
    names += sorted(glob.glob(os.path.join(here, f"libdiff.so.{ABI_MAJOR}*")))
    # Imported from the source tree: the build directories beside it.
    repo = os.path.dirname(os.path.dirname(os.path.dirname(here)))
    names += sorted(glob.glob(os.path.join(repo, "build", "*", "libdiff", "src", "capi",
                                           f"libdiff.so.{ABI_MAJOR}")),
                    key=os.path.getmtime, reverse=True)
    # Installed: the loader's search path (ldconfig, LD_LIBRARY_PATH).
    names.append(f"libdiff.so.{ABI_MAJOR}")
    found = ctypes.util.find_library("diff")
    if found:
        names.append(found)
    return names


def _load():
    errors = []
    for name in _library_candidates():
        try:
            lib = ctypes.CDLL(name)
        except OSError as e:
            errors.append(f"{name}: {e}")
            continue
        if not hasattr(lib, "libdiff_version_number"):
            errors.append(f"{name}: not libdiff (no libdiff_version_number)")
            continue
        return lib, name
    raise ImportError("cannot load libdiff.so; set " + ENV_LIBRARY +
                      " to its path. Tried:\n  " + "\n  ".join(errors))


lib, library_path = _load()
lib.libdiff_version_number.restype = c_int
lib.libdiff_version_number.argtypes = []
version_number = lib.libdiff_version_number()
if version_number // 10000 != ABI_MAJOR:
    raise ImportError(f"{library_path} is libdiff {version_number // 10000}.x; this package "
                      f"needs ABI {ABI_MAJOR} (set {ENV_LIBRARY} to a matching library)")

lib.libdiff_last_error.restype = c_char_p
lib.libdiff_last_error.argtypes = []


def last_error() -> str:
    return (lib.libdiff_last_error() or b"").decode("utf-8", "replace")


def raise_for(code: int):
    cls = _ERRORS.get(code, LibdiffError)
    raise cls(last_error() or f"libdiff error {code}", code)


def _check_status(result, func, args):
    if result < 0:
        raise_for(result)
    return result


# name: (restype, argtypes, check)
_FUNCTIONS = {
    "libdiff_version_string": (c_char_p, [], PLAIN),
    "libdiff_strerror": (c_char_p, [c_int], PLAIN),
    "libdiff_string_free": (None, [c_void_p], PLAIN),
    # Extraction.
    "libdiff_extract_options_create": (c_int, [HANDLE_P], STATUS),
    "libdiff_extract_options_free": (None, [HANDLE], PLAIN),
    "libdiff_extract_options_set_url": (c_int, [HANDLE, c_char_p, c_size_t], STATUS),
    "libdiff_extract_options_set_content_type": (c_int, [HANDLE, c_char_p, c_size_t], STATUS),
    "libdiff_extract_options_set_max_input_bytes": (c_int, [HANDLE, c_size_t], STATUS),
    "libdiff_extract_options_set_max_blocks": (c_int, [HANDLE, c_size_t], STATUS),
    "libdiff_extract_options_set_max_depth": (c_int, [HANDLE, c_int], STATUS),
    "libdiff_extract": (c_int, [HANDLE_P, HANDLE, c_char_p, c_size_t], STATUS),
    "libdiff_article_free": (None, [HANDLE], PLAIN),
    "libdiff_article_string": (c_int, [STR_P, SIZE_P, HANDLE, c_int], STATUS),
    "libdiff_article_author_count": (c_size_t, [HANDLE], PLAIN),
    "libdiff_article_block_count": (c_size_t, [HANDLE], PLAIN),
    "libdiff_article_author": (c_int, [STR_P, SIZE_P, HANDLE, c_size_t], STATUS),
    "libdiff_article_block": (c_int, [STR_P, SIZE_P, POINTER(c_int), HANDLE, c_size_t], STATUS),
    "libdiff_article_to_json": (c_int, [OWNED_P, SIZE_P, HANDLE], STATUS),
    "libdiff_article_from_json": (c_int, [HANDLE_P, c_char_p, c_size_t], STATUS),
    # Fingerprints.
    "libdiff_fingerprint_text": (c_int, [HANDLE_P, c_char_p, c_size_t], STATUS),
    "libdiff_fingerprint_article": (c_int, [HANDLE_P, HANDLE], STATUS),
    "libdiff_fingerprint_free": (None, [HANDLE], PLAIN),
    "libdiff_fingerprint_simhash": (c_uint64, [HANDLE], PLAIN),
    "libdiff_fingerprint_get": (c_int, [POINTER(c_uint64), HANDLE, c_int], STATUS),
    "libdiff_fingerprint_paragraph_hash": (c_int, [POINTER(c_uint64), HANDLE, c_size_t], STATUS),
    "libdiff_fingerprint_sketch_value": (c_int, [POINTER(c_uint32), HANDLE, c_size_t], STATUS),
    "libdiff_fingerprint_compare": (c_int, [POINTER(c_int), POINTER(c_double), POINTER(c_int),
                                            HANDLE, HANDLE], STATUS),
    "libdiff_simhash_distance": (c_int, [c_uint64, c_uint64], PLAIN),
    # Store options and store.
    "libdiff_store_options_create": (c_int, [HANDLE_P], STATUS),
    "libdiff_store_options_free": (None, [HANDLE], PLAIN),
    "libdiff_store_options_set_create_if_missing": (c_int, [HANDLE, c_int], STATUS),
    "libdiff_store_options_set_read_only": (c_int, [HANDLE, c_int], STATUS),
    "libdiff_store_options_set_initial_map_size": (c_int, [HANDLE, c_size_t], STATUS),
    "libdiff_store_options_set_max_map_size": (c_int, [HANDLE, c_size_t], STATUS),
    "libdiff_store_options_set_keyframe_interval": (c_int, [HANDLE, c_uint32], STATUS),
    "libdiff_store_options_set_compression_level": (c_int, [HANDLE, c_int], STATUS),
    "libdiff_store_options_set_keep_raw_html": (c_int, [HANDLE, c_int], STATUS),
    "libdiff_store_options_set_max_distance": (c_int, [HANDLE, c_int], STATUS),
    "libdiff_store_options_set_extract_options": (c_int, [HANDLE, HANDLE], STATUS),
    "libdiff_store_open": (c_int, [HANDLE_P, HANDLE, c_char_p, c_size_t], STATUS),
    "libdiff_store_close": (c_int, [HANDLE], STATUS),
    "libdiff_store_free": (None, [HANDLE], PLAIN),
    "libdiff_store_ingest": (c_int, [HANDLE_P, HANDLE, c_char_p, c_size_t, c_char_p, c_size_t,
                                     c_int64], STATUS),
    "libdiff_store_check": (c_int, [HANDLE_P, HANDLE, c_char_p, c_size_t, c_char_p, c_size_t,
                                    c_int64], STATUS),
    "libdiff_batch_create": (c_int, [HANDLE_P], STATUS),
    "libdiff_batch_free": (None, [HANDLE], PLAIN),
    "libdiff_batch_add": (c_int, [HANDLE, c_char_p, c_size_t, c_char_p, c_size_t, c_int64],
                          STATUS),
    "libdiff_batch_count": (c_size_t, [HANDLE], PLAIN),
    "libdiff_batch_clear": (c_int, [HANDLE], STATUS),
    "libdiff_store_ingest_batch": (c_int, [HANDLE_P, HANDLE, HANDLE], STATUS),
    "libdiff_store_check_batch": (c_int, [HANDLE_P, HANDLE, HANDLE], STATUS),
    "libdiff_verdict_list_free": (None, [HANDLE], PLAIN),
    "libdiff_verdict_list_count": (c_size_t, [HANDLE], PLAIN),
    "libdiff_verdict_list_get": (c_int, [HANDLE_P, HANDLE, c_size_t], STATUS),
    "libdiff_verdict_free": (None, [HANDLE], PLAIN),
    "libdiff_verdict_kind": (c_int, [HANDLE], STATUS),
    "libdiff_verdict_kind_name": (c_char_p, [c_int], PLAIN),
    "libdiff_verdict_string": (c_int, [STR_P, SIZE_P, HANDLE, c_int], STATUS),
    "libdiff_verdict_int": (c_int, [POINTER(c_int64), HANDLE, c_int], STATUS),
    "libdiff_verdict_similarity": (c_int, [POINTER(c_double), HANDLE], STATUS),
    "libdiff_verdict_containment": (c_int, [POINTER(c_double), HANDLE], STATUS),
    "libdiff_verdict_to_json": (c_int, [OWNED_P, SIZE_P, HANDLE], STATUS),
    "libdiff_store_history": (c_int, [HANDLE_P, HANDLE, c_char_p, c_size_t], STATUS),
    "libdiff_history_free": (None, [HANDLE], PLAIN),
    "libdiff_history_int": (c_int, [POINTER(c_int64), HANDLE, c_int], STATUS),
    "libdiff_history_first_url": (c_int, [STR_P, SIZE_P, HANDLE], STATUS),
    "libdiff_history_url": (c_int, [STR_P, SIZE_P, HANDLE, c_size_t], STATUS),
    "libdiff_history_revision_int": (c_int, [POINTER(c_int64), HANDLE, c_size_t, c_int], STATUS),
    "libdiff_history_revision_string": (c_int, [STR_P, SIZE_P, HANDLE, c_size_t, c_int], STATUS),
    "libdiff_history_to_json": (c_int, [OWNED_P, SIZE_P, HANDLE], STATUS),
    "libdiff_store_read_revision": (c_int, [HANDLE_P, HANDLE, c_char_p, c_size_t, c_uint32],
                                    STATUS),
    "libdiff_store_stats": (c_int, [HANDLE_P, HANDLE], STATUS),
    "libdiff_stats_free": (None, [HANDLE], PLAIN),
    "libdiff_stats_get": (c_int, [POINTER(c_uint64), HANDLE, c_int], STATUS),
    "libdiff_stats_bytes_per_revision": (c_int, [POINTER(c_double), HANDLE], STATUS),
    "libdiff_stats_to_json": (c_int, [OWNED_P, SIZE_P, HANDLE], STATUS),
    # Diffs.
    "libdiff_diff_options_create": (c_int, [HANDLE_P], STATUS),
    "libdiff_diff_options_free": (None, [HANDLE], PLAIN),
    "libdiff_diff_options_set_format": (c_int, [HANDLE, c_int], STATUS),
    "libdiff_diff_options_set_color": (c_int, [HANDLE, c_int], STATUS),
    "libdiff_diff_options_set_context": (c_int, [HANDLE, c_int], STATUS),
    "libdiff_diff_articles": (c_int, [OWNED_P, SIZE_P, POINTER(c_int), HANDLE, HANDLE, HANDLE],
                              STATUS),
    "libdiff_diff_texts": (c_int, [OWNED_P, SIZE_P, POINTER(c_int), HANDLE, c_char_p, c_size_t,
                                   c_char_p, c_size_t], STATUS),
    "libdiff_store_diff": (c_int, [OWNED_P, SIZE_P, POINTER(c_int), HANDLE, HANDLE, c_char_p,
                                   c_size_t, c_uint32, c_uint32], STATUS),
    # WARC input.
    "libdiff_warc_open": (c_int, [HANDLE_P, c_char_p, c_size_t, c_uint64], STATUS),
    "libdiff_warc_free": (None, [HANDLE], PLAIN),
    "libdiff_warc_next": (c_int, [POINTER(c_int), HANDLE], STATUS),
    "libdiff_warc_record_string": (c_int, [STR_P, SIZE_P, HANDLE, c_int], STATUS),
    "libdiff_warc_record_int": (c_int, [POINTER(c_int64), HANDLE, c_int], STATUS),
    "libdiff_warc_stat": (c_int, [POINTER(c_uint64), HANDLE, c_int], STATUS),
    "libdiff_store_ingest_warc": (c_int, [HANDLE_P, HANDLE, HANDLE, c_size_t], STATUS),
    "libdiff_warc_batch_offset": (c_int, [POINTER(c_uint64), HANDLE, c_size_t], STATUS),
    # Page lists.
    "libdiff_page_list_read": (c_int, [HANDLE_P, c_char_p, c_size_t], STATUS),
    "libdiff_page_list_free": (None, [HANDLE], PLAIN),
    "libdiff_page_list_count": (c_size_t, [HANDLE], PLAIN),
    "libdiff_page_list_string": (c_int, [STR_P, SIZE_P, HANDLE, c_size_t, c_int], STATUS),
    "libdiff_page_list_fetched_at": (c_int, [POINTER(c_int64), HANDLE, c_size_t], STATUS),
    "libdiff_page_list_get": (c_int, [POINTER(PageListEntry), HANDLE, c_size_t], STATUS),
    "libdiff_page_list_check_unique": (c_int, [POINTER(HANDLE), c_size_t], STATUS),
    # Experimental (LIBDIFF_EXPERIMENTAL in libdiff.h).
    "libdiff_store_prune": (c_int, [POINTER(c_uint64), HANDLE, c_int64, c_uint32], STATUS),
    "libdiff_store_compact": (c_int, [POINTER(c_uint64), HANDLE], STATUS),
    "libdiff_normalize_url": (c_int, [OWNED_P, SIZE_P, c_char_p, c_size_t], STATUS),
    # Scale-out dedupe (used by dask_dedupe through _dask_native).
    "libdiff_dedupe_record": (c_int, [OWNED_P, SIZE_P, c_char_p, c_size_t, c_uint64, c_uint64],
                              STATUS),
    "libdiff_dedupe_warc_records": (c_int, [OWNED_P, SIZE_P, c_char_p, c_size_t, c_uint64,
                                            c_uint64], STATUS),
    "libdiff_dedupe_verify": (c_int, [POINTER(c_int), POINTER(c_int), POINTER(c_double),
                                      POINTER(c_int), c_uint64, c_uint64, c_int, c_uint64,
                                      c_uint64, c_uint64, c_uint64, POINTER(c_uint32), c_size_t,
                                      POINTER(c_uint32), c_size_t, c_int], STATUS),
    # out_docs (libdiff_dedupe_doc[n]), skips JSON, paths, path lengths, n, limits.
    "libdiff_dedupe_records": (c_int, [c_void_p, OWNED_P, SIZE_P, c_void_p, c_void_p, c_size_t,
                                       c_uint64, c_uint64], STATUS),
    # The same with the pages' URLs: ..., paths, path lengths, urls, url lengths, n, limits.
    "libdiff_dedupe_page_records": (c_int, [c_void_p, OWNED_P, SIZE_P, c_void_p, c_void_p,
                                            c_void_p, c_void_p, c_size_t, c_uint64, c_uint64],
                                    STATUS),
    # Column arrays (numpy buffers) passed by address: outputs, pairs, n_pairs,
    # the document columns, sketch stride, sketch counts, n_docs, max distance.
    "libdiff_dedupe_verify_batch": (c_int, [c_void_p, c_void_p, c_void_p, c_void_p, c_void_p,
                                            c_void_p, c_size_t, c_void_p, c_void_p, c_void_p,
                                            c_void_p, c_void_p, c_void_p, c_size_t, c_void_p,
                                            c_size_t, c_int], STATUS),
}


class _Functions:
    """The C functions as attributes, e.g. ``C.libdiff_extract``."""


C = _Functions()
for _name, (_restype, _argtypes, _check) in _FUNCTIONS.items():
    _fn = getattr(lib, _name)
    _fn.restype = _restype
    _fn.argtypes = _argtypes
    if _check == STATUS:
        _fn.errcheck = _check_status
    setattr(C, _name, _fn)
C.libdiff_version_number = lib.libdiff_version_number
C.libdiff_last_error = lib.libdiff_last_error


def encode(value, what: str) -> bytes:
    """str -> UTF-8 bytes (lone surrogates pass through, so the C layer reports
    them as invalid UTF-8); bytes-like pass unchanged."""
    if isinstance(value, str):
        return value.encode("utf-8", "surrogatepass")
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value)
    raise TypeError(f"{what} must be str or bytes, not {type(value).__name__}")


def take_string(ptr: c_void_p, length: c_size_t) -> str:
    """Copies a library-owned `char *` out and frees it."""
    try:
        if not ptr.value:
            return ""
        return ctypes.string_at(ptr.value, length.value).decode("utf-8", "replace")
    finally:
        C.libdiff_string_free(ptr)


def view_string(ptr: c_void_p, length: c_size_t) -> str:
    """Copies a borrowed `const char *` (owned by a live handle)."""
    if not ptr.value:
        return ""
    return ctypes.string_at(ptr.value, length.value).decode("utf-8", "replace")
