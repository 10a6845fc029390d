import unittest

import libdiff
from pages import PARAS, page

URL = "https://harbour.example/news/bridge-closure"


class ExtractTest(unittest.TestCase):
    def test_fields_are_read_from_the_page(self):
        a = libdiff.extract(page(), url=URL)
        self.assertIsInstance(a, libdiff.Article)
        self.assertEqual(a.url, URL)
        self.assertIn("Council closes harbour bridge", a.title)
        self.assertEqual(a.authors, ["Jane Doe"])
        texts = [b.text for b in a.blocks if b.kind == "paragraph"]
        for p in PARAS:
            self.assertIn(p, texts)
        self.assertIn(PARAS[0], a.text)
        self.assertNotIn("Most read", a.text)
        self.assertEqual(a.empty_reason, "")
        self.assertEqual(a.body_source, "dom")

    def test_bytes_and_str_give_the_same_article(self):
        html = page()
        self.assertEqual(libdiff.extract(html, url=URL), libdiff.extract(html.encode(), url=URL))

    def test_json_has_the_same_fields(self):
        import json
        a = libdiff.extract(page(), url=URL)
        j = json.loads(a.to_json())
        self.assertEqual(j["title"], a.title)
        self.assertEqual(j["text"], a.text)
        self.assertEqual([b["text"] for b in j["blocks"]], [b.text for b in a.blocks])

    def test_json_round_trip(self):
        a = libdiff.extract(page(), url=URL)
        self.assertEqual(libdiff.Article.from_json(a.to_json()), a)
        with self.assertRaises(libdiff.InvalidArgumentError):
            libdiff.Article.from_json("[1, 2]")

    def test_non_ascii_text_round_trips(self):
        a = libdiff.extract(page(title="Ça coûte 5 €", paras=["Über die Brücke — 東京 " * 5]))
        self.assertIn("Ça coûte 5 €", a.title)
        self.assertIn("東京", a.text)


class ExtractBoundaryTest(unittest.TestCase):
    def test_empty_html_is_invalid_argument(self):
        with self.assertRaises(libdiff.InvalidArgumentError) as cm:
            libdiff.extract(b"")
        self.assertIn("html is empty", str(cm.exception))
        self.assertEqual(cm.exception.code, -1)

    def test_over_the_size_limit_is_resource_exhausted(self):
        with self.assertRaises(libdiff.ResourceExhaustedError) as cm:
            libdiff.extract(page(), max_input_bytes=100)
        self.assertIn("over max_input_bytes 100", str(cm.exception))

    def test_huge_input_past_the_default_limit(self):
        html = b"<html><body><p>" + b"x" * (33 << 20) + b"</p></body></html>"
        with self.assertRaises(libdiff.ResourceExhaustedError):
            libdiff.extract(html)

    def test_invalid_utf8_url_is_refused(self):
        with self.assertRaises(libdiff.InvalidArgumentError) as cm:
            libdiff.extract(page(), url=b"https://x.example/\xff")
        self.assertIn("url is not valid UTF-8", str(cm.exception))

    def test_lone_surrogate_in_str_reaches_the_library_as_invalid_utf8(self):
        with self.assertRaises(libdiff.InvalidArgumentError):
            libdiff.extract(page(), url="https://x.example/\ud800")

    def test_binary_garbage_does_not_crash(self):
        import random
        rng = random.Random(7)
        data = bytes(rng.randrange(256) for _ in range(20000))
        a = libdiff.extract(data)
        self.assertIsInstance(a.text, str)

    def test_wrong_type_is_type_error(self):
        with self.assertRaises(TypeError):
            libdiff.extract(12345)

    def test_bad_option_values(self):
        with self.assertRaises(libdiff.InvalidArgumentError):
            libdiff.extract(page(), max_depth=0)
        with self.assertRaises(libdiff.InvalidArgumentError):
            libdiff.extract(page(), max_input_bytes=0)

    def test_error_classes_are_chosen_by_code(self):
        self.assertTrue(issubclass(libdiff.InvalidArgumentError, ValueError))
        self.assertTrue(issubclass(libdiff.NotFoundError, LookupError))
        for cls in (libdiff.InvalidArgumentError, libdiff.NotFoundError, libdiff.CorruptionError,
                    libdiff.StorageIOError, libdiff.ResourceExhaustedError,
                    libdiff.InternalError):
            self.assertTrue(issubclass(cls, libdiff.LibdiffError))
        codes = {cls.code for cls in (libdiff.InvalidArgumentError, libdiff.NotFoundError,
                                      libdiff.CorruptionError, libdiff.StorageIOError,
                                      libdiff.ResourceExhaustedError, libdiff.InternalError)}
        self.assertEqual(codes, {-1, -2, -3, -4, -5, -6})


if __name__ == "__main__":
    unittest.main()
