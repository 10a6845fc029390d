"""Runs a real Scrapy crawl of a local server through samples/scrapy_pipeline.py.

The site has an index linking to two articles and a syndicated copy of the
first. Crawl 1 passes both articles as new and drops the copy as a duplicate.
Then the first article gains a paragraph; crawl 2 passes it as updated
(revision 2, one paragraph added) and drops everything else as unchanged.
Needs Debian's python3-scrapy (run with /usr/bin/python3).
"""
import functools
import http.server
import json
import os
import subprocess
import sys
import tempfile
import textwrap
import threading
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(HERE)), "bindings", "python",
                                "tests"))
from pages import OTHER, PARAS, UPDATE, page  # noqa: E402

SPIDER = textwrap.dedent("""
    import json, sys
    import scrapy
    from scrapy.crawler import CrawlerProcess

    base, store, out, dropped = sys.argv[1:5]

    class Site(scrapy.Spider):
        name = "site"
        start_urls = [base + "/index.html"]

        def parse(self, response):
            for href in response.css("a::attr(href)").getall():
                yield response.follow(href, self.parse_article)

        def parse_article(self, response):
            yield {"url": response.url, "html": response.text}

    class RecordDrops:
        def __init__(self):
            self.drops = []
        @classmethod
        def from_crawler(cls, crawler):
            ext = cls()
            crawler.signals.connect(ext.item_dropped, signal=scrapy.signals.item_dropped)
            crawler.signals.connect(ext.closed, signal=scrapy.signals.spider_closed)
            return ext
        def item_dropped(self, item, response, exception, spider):
            self.drops.append({"url": item["url"], "reason": str(exception)})
        def closed(self, spider):
            with open(dropped, "w") as f:
                json.dump(self.drops, f)

    process = CrawlerProcess(settings={
        "ITEM_PIPELINES": {"scrapy_pipeline.LibdiffPipeline": 300},
        "EXTENSIONS": {"__main__.RecordDrops": 0},
        "LIBDIFF_STORE": store,
        "FEEDS": {out: {"format": "jsonlines", "fields": ["url", "libdiff"]}},
        "LOG_LEVEL": "WARNING",
        "ROBOTSTXT_OBEY": False,
        "HTTPCACHE_ENABLED": False,
        "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7",
        "TELNETCONSOLE_ENABLED": False,
    })
    process.crawl(Site)
    process.start()
""")


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class ScrapyPipelineTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.root = os.path.join(self.tmp.name, "www")
        os.makedirs(self.root)
        self.write("index.html", '<html><body><a href="a.html">A</a> <a href="b.html">B</a> '
                                 '<a href="copy.html">Copy</a></body></html>')
        self.write("a.html", page())
        self.write("b.html", page(title="Museum reopens", paras=OTHER))
        self.write("copy.html", page(site="Wire Service", sidebar="Markets"))
        handler = functools.partial(Quiet, directory=self.root)
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.store = os.path.join(self.tmp.name, "store")
        self.spider = os.path.join(self.tmp.name, "spider.py")
        with open(self.spider, "w") as f:
            f.write(SPIDER)

    def tearDown(self):
        self.server.shutdown()
        self.server.server_close()
        self.tmp.cleanup()

    def write(self, name, text):
        with open(os.path.join(self.root, name), "w", encoding="utf-8") as f:
            f.write(text)

    def crawl(self, n):
        out = os.path.join(self.tmp.name, f"items{n}.jl")
        dropped = os.path.join(self.tmp.name, f"dropped{n}.json")
        r = subprocess.run([sys.executable, self.spider, self.base, self.store, out, dropped],
                           capture_output=True, text=True, timeout=240)
        self.assertEqual(r.returncode, 0, r.stderr)
        items = {}
        if os.path.exists(out):
            with open(out) as f:
                for line in f:
                    item = json.loads(line)
                    items[item["url"].rsplit("/", 1)[1]] = item["libdiff"]
        with open(dropped) as f:
            drops = {d["url"].rsplit("/", 1)[1]: d["reason"] for d in json.load(f)}
        return items, drops

    def test_duplicates_dropped_updates_tagged_new_passed(self):
        items, drops = self.crawl(1)
        # Scrapy fetches concurrently: the copy may come before its original,
        # so exactly one of a.html / copy.html is new and the other a duplicate.
        self.assertEqual(items["b.html"]["verdict"], "new")
        first = "a.html" if "a.html" in items else "copy.html"
        second = "copy.html" if first == "a.html" else "a.html"
        self.assertEqual(items[first]["verdict"], "new")
        self.assertEqual(items[first]["revision"], 1)
        self.assertIn("duplicate of", drops[second])
        self.assertNotIn(second, items)

        self.write("a.html", page(paras=PARAS + [UPDATE]))
        items, drops = self.crawl(2)
        self.assertEqual(list(items), ["a.html"], drops)
        tag = items["a.html"]
        self.assertEqual(tag["verdict"], "updated")
        self.assertEqual(tag["revision"], 2)
        self.assertEqual(tag["changes"]["paragraphs_added"], 1)
        self.assertIn("unchanged", drops["b.html"])
        self.assertIn("unchanged", drops["copy.html"])


if __name__ == "__main__":
    unittest.main()
