"""libdiff.read_page_list / read_page_lists: the library's page-list reader
(libdiff/page_list.h) through the C API, on lists written here; and
libdiff_page_list_get, the call they make once a page."""
import ctypes
import os
import tempfile
import unittest

import libdiff
from libdiff import _capi


class ReadPageListTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.addCleanup(self.dir.cleanup)

    def write(self, data: bytes, name="pages.tsv") -> str:
        path = os.path.join(self.dir.name, name)
        with open(path, "wb") as f:
            f.write(data)
        return path

    def test_ReadsPagesWithTheCliRules(self):
        lst = self.write(b"# url\tpath\r\n\r\nhttps://a.example/1\tcrawl/a.html\t1764300000\r\n"
                         b"https://a.example/2\t/abs/b.html\t2026-11-28T04:00:00Z\n"
                         b"https://a.example/3\t-")
        pages = libdiff.read_page_list(lst)
        self.assertEqual(pages, [
            (f"https://a.example/1", os.path.join(self.dir.name, "crawl/a.html"), 1764300000,
             f"{lst}:3"),
            ("https://a.example/2", "/abs/b.html", 1795838400, f"{lst}:4"),
            ("https://a.example/3", "-", 0, f"{lst}:5"),
        ])
        self.assertIsInstance(pages[0], libdiff.ListedPage)
        self.assertEqual(pages[1].fetched_at, 1795838400)

    def test_NonUtf8PathsPassAsTheFilesystemHasThem(self):
        lst = self.write(b"https://a.example/\xc3\xa9\tp\xff.html\n")
        page = libdiff.read_page_list(os.fsencode(lst))[0]
        self.assertEqual(page.url, "https://a.example/\u00e9")
        self.assertEqual(os.fsencode(page.path), os.fsencode(self.dir.name) + b"/p\xff.html")

    def test_ErrorsNameListAndLineAsTheCliDoes(self):
        lst = self.write(b"https://a.example/1\ta.html\nhttps://a.example/2\n")
        with self.assertRaises(libdiff.InvalidArgumentError) as e:
            libdiff.read_page_list(lst)
        self.assertEqual(str(e.exception), f"{lst}:2: expected url<TAB>path[<TAB>fetched_at]")
        self.assertIsInstance(e.exception, ValueError)
        lst = self.write(b"u\tp\t2026-13-01\n")
        with self.assertRaisesRegex(ValueError, ':1: fetched_at "2026-13-01" is neither'):
            libdiff.read_page_list(lst)
        lst = self.write(b"https://a.example/\xff\tp\n")
        with self.assertRaisesRegex(ValueError, ":1: url is not valid UTF-8"):
            libdiff.read_page_list(lst)
        missing = os.path.join(self.dir.name, "missing.tsv")
        with self.assertRaises(libdiff.NotFoundError) as e:
            libdiff.read_page_list(missing)
        self.assertEqual(str(e.exception), f"{missing}: No such file or directory")

    def test_UniqueRefusesTwoSpellingsOfOnePathAcrossLists(self):
        a = self.write(b"u1\tcrawl/a.html\n", "a.tsv")
        b = self.write(b"u2\t./crawl/x/../a.html\n", "b.tsv")
        self.assertEqual(len(libdiff.read_page_lists([a, b])), 2)
        with self.assertRaises(libdiff.InvalidArgumentError) as e:
            libdiff.read_page_lists([a, b], unique=True)
        self.assertEqual(str(e.exception),
                         f"{b}:1: {self.dir.name}/./crawl/x/../a.html listed twice (also at {a}:1)")
        self.assertEqual(libdiff.read_page_lists([], unique=True), [])


class PageListGetTest(unittest.TestCase):
    """libdiff_page_list_get, the one call a page read_page_list makes, through
    the ctypes table: its struct against the one-field accessors, and a bad
    index."""

    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.addCleanup(self.dir.cleanup)
        self.list = os.path.join(self.dir.name, "pages.tsv")
        with open(self.list, "wb") as f:
            f.write(b"https://a.example/1\ta.html\t1764300000\n"
                    b"https://a.example/2\tb.html\t0\n"
                    b"https://a.example/3\tc.html\n")
        self.handle = _capi.HANDLE()
        p = os.fsencode(self.list)
        _capi.C.libdiff_page_list_read(ctypes.byref(self.handle), p, len(p))
        self.addCleanup(_capi.C.libdiff_page_list_free, self.handle)

    def get(self, index) -> _capi.PageListEntry:
        page = _capi.PageListEntry()
        _capi.C.libdiff_page_list_get(ctypes.byref(page), self.handle, index)
        return page

    def string(self, index, field) -> bytes:
        ptr, n = ctypes.c_void_p(), ctypes.c_size_t()
        _capi.C.libdiff_page_list_string(ctypes.byref(ptr), ctypes.byref(n), self.handle,
                                         index, field)
        return ctypes.string_at(ptr.value, n.value)

    def test_FieldsAreTheOneFieldAccessors(self):
        for i in range(3):
            page = self.get(i)
            self.assertEqual((page.url, page.url_len), (self.string(i, 0), len(page.url)))
            self.assertEqual((page.path, page.path_len), (self.string(i, 1), len(page.path)))
            self.assertEqual((page.origin, page.origin_len),
                             (self.string(i, 2), len(page.origin)))
        page = self.get(0)
        self.assertEqual(page.url, b"https://a.example/1")
        self.assertEqual(page.path, os.fsencode(self.dir.name) + b"/a.html")
        self.assertEqual(page.origin, os.fsencode(self.list) + b":1")
        self.assertEqual((page.fetched_at, page.has_fetched_at), (1764300000, 1))
        page = self.get(1)  # "0" written on the line is a time
        self.assertEqual((page.fetched_at, page.has_fetched_at), (0, 1))
        page = self.get(2)
        self.assertEqual((page.fetched_at, page.has_fetched_at), (0, 0))

    def test_BadIndexIsNotFoundAndZeroesTheStruct(self):
        page = self.get(0)
        for index in (3, 2**64 - 1):
            with self.assertRaises(libdiff.NotFoundError) as e:
                _capi.C.libdiff_page_list_get(ctypes.byref(page), self.handle, index)
            self.assertEqual(str(e.exception), f"libdiff_page_list_get: page {index} of 3")
            self.assertEqual((page.url, page.url_len, page.path, page.origin, page.fetched_at,
                              page.has_fetched_at), (None, 0, None, None, 0, 0))
        with self.assertRaises(libdiff.InvalidArgumentError):
            _capi.C.libdiff_page_list_get(None, self.handle, 0)


if __name__ == "__main__":
    unittest.main()
