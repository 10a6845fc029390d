import unittest

import libdiff

A = "The quick brown fox jumps over the lazy dog near the river bank today."
B = "The quick brown fox jumps over the lazy dog near the river bank today!"
C = "Completely different words about elections, budgets and parliament votes."


class FingerprintTest(unittest.TestCase):
    def test_same_text_same_fingerprint(self):
        a1, a2 = libdiff.fingerprint(A), libdiff.fingerprint(A)
        self.assertEqual(a1, a2)
        c = libdiff.compare(a1, a2)
        self.assertEqual((c.distance, c.similarity, c.identical), (0, 1.0, True))

    def test_near_and_far_texts(self):
        a, b, c = (libdiff.fingerprint(t) for t in (A, B, C))
        self.assertLessEqual(libdiff.compare(a, b).distance, 3)
        far = libdiff.compare(a, c)
        self.assertGreater(far.distance, 3)
        self.assertFalse(far.identical)
        self.assertEqual(a.distance(c), far.distance)
        self.assertEqual(far.distance, bin(a.simhash ^ c.simhash).count("1"))

    def test_fields(self):
        f = libdiff.fingerprint(A + "\n\n" + C)
        self.assertEqual(len(f.paragraph_hashes), 2)
        self.assertEqual(f.token_count, 14 + 9)
        self.assertEqual(f.shingle_size, 3)
        self.assertEqual(len(f.exact), 32)
        self.assertTrue(0 <= f.simhash < 2 ** 64)
        # 23 tokens: 21 shingles (they run across the paragraph break), all in the sketch.
        self.assertEqual(f.shingle_count, 21)
        self.assertEqual(len(f.sketch), 21)
        self.assertEqual(f.sketch, sorted(set(f.sketch)))

    def test_sketch_ignores_paragraph_breaks(self):
        one = libdiff.fingerprint(A + " " + C)
        two = libdiff.fingerprint(A + "\n\n" + C)
        self.assertNotEqual(one.paragraph_hashes, two.paragraph_hashes)
        self.assertEqual(one.sketch, two.sketch)
        self.assertNotEqual(one.sketch, libdiff.fingerprint(C).sketch)

    def test_article_fingerprint_matches_its_text(self):
        from pages import page
        a = libdiff.extract(page())
        self.assertEqual(libdiff.fingerprint(a).simhash, libdiff.fingerprint(a.text).simhash)

    def test_empty_text_has_no_tokens(self):
        self.assertEqual(libdiff.fingerprint("").token_count, 0)

    def test_invalid_utf8_is_refused(self):
        with self.assertRaises(libdiff.InvalidArgumentError) as cm:
            libdiff.fingerprint(b"ab\xc3")
        self.assertIn("text is not valid UTF-8", str(cm.exception))


class DiffTextsTest(unittest.TestCase):
    def test_word_diff(self):
        self.assertIn("[-three-]{+four+}", libdiff.diff_texts("One two three.", "One two four."))

    def test_every_format(self):
        import json
        for fmt in ("word", "unified", "json", "html", "stat"):
            out = libdiff.diff_texts("One two three.", "One two four.", format=fmt)
            self.assertTrue(out, fmt)
        json.loads(libdiff.diff_texts("a b c.", "a b d.", format="json"))

    def test_unknown_format(self):
        with self.assertRaises(libdiff.InvalidArgumentError):
            libdiff.diff_texts("a", "b", format="pdf")

    def test_articles(self):
        from pages import PARAS, UPDATE, page
        a = libdiff.extract(page())
        b = libdiff.extract(page(paras=PARAS + [UPDATE]))
        self.assertIn("{+" + UPDATE.split()[0], libdiff.diff(a, b))


if __name__ == "__main__":
    unittest.main()
