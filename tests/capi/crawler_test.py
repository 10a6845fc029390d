"""Runs samples/crawler.c against pages served on 127.0.0.1.

Round 1 fetches an article, an unrelated article, and a copy of the first on
another path with a different template; round 2 fetches them again after the
first article gained a paragraph. Expected verdicts:
  round 1: new, new, duplicate (of the first)
  round 2: updated (revision 2), unchanged, unchanged (the copy was filed as
           an article of its own, see store.h)
Usage: crawler_test.py PATH_TO_CRAWLER
"""
import functools
import http.server
import os
import subprocess
import sys
import tempfile
import threading

PARAS = [
    "The regional parliament approved a new water law on Wednesday after a debate that "
    "lasted more than nine hours and ended with a narrow majority.",
    "The law limits how much water farms can draw from rivers during droughts and creates "
    "a public register of every large well in the region.",
    "Farmers' unions called the limits unworkable and said they would challenge the law in "
    "court, while environmental groups welcomed it as overdue.",
    "The environment minister said the first inspections of wells would start in the "
    "autumn, once the register has been set up by the water agency.",
]
OTHER = [
    "A small museum in the old town reopened on Saturday after three years of renovation "
    "work that uncovered medieval paintings behind its plaster walls.",
    "Visitors queued around the square for the chance to see the paintings, which show "
    "scenes of harvest and a procession of musicians.",
    "The curator said the restoration team had worked with tiny brushes and warm water to "
    "avoid damaging the fragile pigments under the plaster.",
]


def page(title, paras, chrome):
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head>"
            f"<body><header>{chrome}</header><article><h1>{title}</h1>{body}</article>"
            f"<footer>{chrome} footer</footer></body></html>")


def serve(root):
    handler = functools.partial(QuietHandler, directory=root)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def run_round(crawler, store, urls_file):
    out = subprocess.run([crawler, store, urls_file], capture_output=True, text=True, timeout=120)
    sys.stdout.write(out.stdout)
    sys.stderr.write(out.stderr)
    if out.returncode != 0:
        raise SystemExit(f"crawler exited with {out.returncode}")
    return [line.split("\t") for line in out.stdout.splitlines()]


def expect(row, url, verdict, extra=None):
    if row[0] != url or row[1] != verdict or (extra and extra not in "\t".join(row[2:])):
        raise SystemExit(f"expected {url} {verdict} {extra or ''}, got {row}")


def main():
    crawler = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        root = os.path.join(tmp, "www")
        os.makedirs(os.path.join(root, "news"))
        os.makedirs(os.path.join(root, "syndicated"))
        write = lambda rel, text: open(os.path.join(root, rel), "w", encoding="utf-8").write(text)
        write("news/water-law.html", page("Parliament passes water law", PARAS, "Daily Courier"))
        write("news/museum.html", page("Museum reopens", OTHER, "Daily Courier"))
        write("syndicated/water.html", page("Parliament passes water law", PARAS, "Wire Service"))
        server = serve(root)
        try:
            base = f"http://127.0.0.1:{server.server_address[1]}"
            urls = [f"{base}/news/water-law.html", f"{base}/news/museum.html",
                    f"{base}/syndicated/water.html"]
            urls_file = os.path.join(tmp, "urls.txt")
            with open(urls_file, "w") as f:
                f.write("\n".join(urls) + "\n")
            store = os.path.join(tmp, "store")

            rows = run_round(crawler, store, urls_file)
            assert len(rows) == 3, rows
            expect(rows[0], urls[0], "new", "revision=1")
            expect(rows[1], urls[1], "new", "revision=1")
            expect(rows[2], urls[2], "duplicate", "of=")

            write("news/water-law.html", page(
                "Parliament passes water law",
                PARAS + ["Update: the opposition said on Thursday it would ask the constitutional "
                         "court to suspend the law until the challenge is heard."],
                "Daily Courier"))
            rows = run_round(crawler, store, urls_file)
            assert len(rows) == 3, rows
            expect(rows[0], urls[0], "updated", "revision=2")
            expect(rows[0], urls[0], "updated", "+1/")
            expect(rows[1], urls[1], "unchanged", "revision=1")
            expect(rows[2], urls[2], "unchanged", "revision=1")
        finally:
            server.shutdown()
    print("crawler test passed")


if __name__ == "__main__":
    main()
