"""Bad input at the C boundary, driven through the raw ctypes table: NULL
pointers, zero lengths, lengths past the hard limit, foreign and closed
handles. Each gives a documented code (as an exception class) and message."""
import ctypes
import tempfile
import unittest
from ctypes import byref, c_int, c_size_t, c_void_p

import libdiff
from libdiff import _capi
from libdiff._capi import C
from pages import page


class BoundaryTest(unittest.TestCase):
    def test_null_out_pointer(self):
        with self.assertRaises(libdiff.InvalidArgumentError) as cm:
            C.libdiff_extract(None, None, b"<p>x</p>", 8)
        self.assertEqual(str(cm.exception), "libdiff_extract: out is NULL")

    def test_null_data_with_a_length(self):
        h = _capi.HANDLE()
        with self.assertRaises(libdiff.InvalidArgumentError) as cm:
            C.libdiff_fingerprint_text(byref(h), None, 3)
        self.assertIn("text is NULL with length 3", str(cm.exception))
        self.assertFalse(h)  # *out is NULL after a failure

    def test_zero_length_text_is_empty_input(self):
        h = _capi.HANDLE()
        C.libdiff_fingerprint_text(byref(h), None, 0)
        try:
            self.assertEqual(C.libdiff_fingerprint_simhash(h), 0)
        finally:
            C.libdiff_fingerprint_free(h)

    def test_length_past_the_hard_limit_is_refused_before_reading(self):
        h = _capi.HANDLE()
        with self.assertRaises(libdiff.ResourceExhaustedError) as cm:
            C.libdiff_extract(byref(h), None, b"<p>tiny</p>", (1 << 30) + 1)
        self.assertIn("over the limit", str(cm.exception))

    def test_foreign_handle_is_refused(self):
        article = libdiff.extract(page())
        out = _capi.HANDLE()
        with self.assertRaises(libdiff.InvalidArgumentError) as cm:
            C.libdiff_store_stats(byref(out), article._handle.ptr)
        self.assertIn("not a libdiff_store handle", str(cm.exception))
        ptr, n = c_void_p(), c_size_t()
        fp = libdiff.fingerprint("some text here")
        with self.assertRaises(libdiff.InvalidArgumentError) as cm:
            C.libdiff_article_string(byref(ptr), byref(n), fp._handle.ptr, 0)
        self.assertIn("not a libdiff_article handle", str(cm.exception))

    def test_unknown_field_and_format_numbers(self):
        article = libdiff.extract(page())
        ptr, n = c_void_p(), c_size_t()
        with self.assertRaises(libdiff.InvalidArgumentError) as cm:
            C.libdiff_article_string(byref(ptr), byref(n), article._handle.ptr, 1000)
        self.assertIn("unknown article field 1000", str(cm.exception))
        opts = _capi.HANDLE()
        C.libdiff_diff_options_create(byref(opts))
        try:
            with self.assertRaises(libdiff.InvalidArgumentError):
                C.libdiff_diff_options_set_format(opts, 9)
        finally:
            C.libdiff_diff_options_free(opts)

    def test_index_past_the_end_is_not_found(self):
        article = libdiff.extract(page())
        ptr, n, kind = c_void_p(), c_size_t(), c_int()
        with self.assertRaises(libdiff.NotFoundError):
            C.libdiff_article_block(byref(ptr), byref(n), byref(kind), article._handle.ptr,
                                    len(article.blocks))

    def test_calls_on_a_closed_handle(self):
        with tempfile.TemporaryDirectory() as d:
            store = libdiff.Store(d)
            store.close()
            out = _capi.HANDLE()
            with self.assertRaises(libdiff.InvalidArgumentError) as cm:
                C.libdiff_store_history(byref(out), store._handle, b"https://a.example/", 18)
            self.assertIn("store is closed", str(cm.exception))
            self.assertEqual(C.libdiff_store_close(store._handle), 0)  # idempotent

    def test_frees_accept_null(self):
        for name in ("libdiff_article_free", "libdiff_fingerprint_free", "libdiff_store_free",
                     "libdiff_verdict_free", "libdiff_verdict_list_free", "libdiff_history_free",
                     "libdiff_stats_free", "libdiff_batch_free", "libdiff_string_free",
                     "libdiff_extract_options_free", "libdiff_store_options_free",
                     "libdiff_diff_options_free"):
            getattr(C, name)(None)
        self.assertEqual(C.libdiff_store_close(None), 0)

    def test_strerror_names_every_code(self):
        names = [C.libdiff_strerror(code).decode() for code in range(0, -7, -1)]
        self.assertEqual(names, ["OK", "invalid argument", "not found", "corruption",
                                 "I/O error", "resource exhausted", "internal error"])
        self.assertEqual(C.libdiff_strerror(-99).decode(), "unknown error")

    def test_last_error_is_per_thread(self):
        import threading
        try:
            libdiff.extract(b"")
        except libdiff.InvalidArgumentError:
            pass
        seen = []
        t = threading.Thread(target=lambda: seen.append(_capi.last_error()))
        t.start()
        t.join()
        self.assertEqual(seen, [""])
        self.assertIn("html is empty", _capi.last_error())


if __name__ == "__main__":
    unittest.main()
