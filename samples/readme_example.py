"""The Python example of docs/python.md: file two versions of a page in a store,
print the verdicts and the word diff. Run by CTest with both interpreters."""
import tempfile

import libdiff

V1 = """<html><head><title>Storm hits the coast</title></head><body><article>
<h1>Storm hits the coast</h1>
<p>A powerful storm hit the coast on Sunday night, cutting power to 10,000 homes.</p>
<p>Emergency services said roads near the harbour were closed until further notice.</p>
</article></body></html>"""
V2 = V1.replace("10,000", "14,000")
URL = "https://news.example/storm"

article = libdiff.extract(V1, url=URL)
print(article.title, "-", len(article.blocks), "blocks")

with tempfile.TemporaryDirectory() as path, libdiff.Store(path) as store:
    for html in (V1, V2):
        verdict = store.ingest(URL, html)
        print(verdict.kind, "revision", verdict.revision)
    assert verdict.kind == "updated" and verdict.revision == 2, verdict
    diff = store.diff(URL, 1, 2)
    print(diff)  # ... cutting power to [-10,000-]{+14,000+} homes. ...
    assert "{+14,000+}" in diff, diff
    print(store.stats())
