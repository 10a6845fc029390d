"""libdiff.iter_warc and Store.ingest_warc over WARC files written here."""
import gzip
import os
import tempfile
import unittest

import libdiff

HTML = (b"<html><head><title>Harbour bridge reopens</title></head><body><article>"
        b"<p>The harbour bridge reopened to traffic on Monday morning after eight months of "
        b"repairs to its deck and cables, the city's transport department said.</p>"
        b"<p>Engineers replaced more than four hundred steel plates and repainted the towers, "
        b"work that cost the city almost twelve million pounds and closed the crossing.</p>"
        b"</article></body></html>")


def record(type_, uri, block, extra=b""):
    head = (b"WARC/1.0\r\nWARC-Type: " + type_ + b"\r\nWARC-Target-URI: <" + uri + b">\r\n"
            b"WARC-Date: 2026-11-28T04:00:00Z\r\n" + extra +
            b"Content-Length: " + str(len(block)).encode() + b"\r\n\r\n")
    return head + block + b"\r\n\r\n"


def response(uri, body, content_type=b"text/html; charset=utf-8"):
    return record(b"response", uri,
                  b"HTTP/1.1 200 OK\r\nContent-Type: " + content_type + b"\r\n\r\n" + body)


class IterWarcTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.members = [
            gzip.compress(record(b"warcinfo", b"", b"software: test\r\n")),
            gzip.compress(response(b"http://a.example/story", HTML)),
            gzip.compress(response(b"http://a.example/logo.png", b"\x89PNG", b"image/png")),
            gzip.compress(record(b"revisit", b"http://a.example/story",
                                 b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n",
                                 b"WARC-Refers-To-Target-URI: <http://a.example/story>\r\n")),
            gzip.compress(response(b"http://b.example/copy", HTML)),
        ]
        self.path = os.path.join(self.dir.name, "crawl.warc.gz")
        with open(self.path, "wb") as f:
            f.write(b"".join(self.members))

    def tearDown(self):
        self.dir.cleanup()

    def offset(self, i):
        return sum(len(m) for m in self.members[:i])

    def test_records_in_archive_order(self):
        records = list(libdiff.iter_warc(self.path))
        self.assertEqual([r.type for r in records], ["response", "revisit", "response"])
        first = records[0]
        self.assertEqual(first.url, "http://a.example/story")
        self.assertEqual(first.body, HTML)
        self.assertEqual(first.content_type, "text/html; charset=utf-8")
        self.assertEqual(first.fetched_at, 1795838400)
        self.assertEqual(first.date, "2026-11-28T04:00:00Z")
        self.assertEqual(first.http_status, 200)
        self.assertEqual(first.offset, self.offset(1))
        self.assertEqual(records[1].refers_to_url, "http://a.example/story")
        self.assertEqual(records[1].body, b"")
        self.assertEqual(records[2].offset, self.offset(4))
        self.assertEqual(len(list(libdiff.iter_warc(self.path, revisits=False))), 2)

    def test_damage_raises_after_the_good_records(self):
        with open(self.path, "ab") as f:
            f.write(gzip.compress(response(b"http://c.example/cut", HTML))[:40])
        seen = []
        with self.assertRaises(libdiff.CorruptionError) as ctx:
            for r in libdiff.iter_warc(self.path):
                seen.append(r.url)
        self.assertEqual(len(seen), 3)
        self.assertIn("offset " + str(self.offset(5)), str(ctx.exception))

    def test_missing_file(self):
        with self.assertRaises(libdiff.NotFoundError):
            list(libdiff.iter_warc(os.path.join(self.dir.name, "none.warc")))

    def test_store_ingests_in_batches(self):
        with libdiff.Store(os.path.join(self.dir.name, "store")) as store:
            results = list(store.ingest_warc(self.path, batch=1))
            self.assertEqual([o for o, _ in results], [self.offset(1), self.offset(4)])
            self.assertEqual([v.kind for _, v in results], ["new", "duplicate"])
            again = list(store.ingest_warc(self.path))
            self.assertEqual([v.kind for _, v in again], ["unchanged", "unchanged"])


if __name__ == "__main__":
    unittest.main()
