"""libdiff.read_page_list / read_page_lists: the library's page-list reader
(libdiff/page_list.h) through the C API, on lists written here."""
import os
import tempfile
import unittest

import libdiff


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


if __name__ == "__main__":
    unittest.main()
