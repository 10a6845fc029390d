"""A Scrapy item pipeline that files every crawled page in a libdiff store.

    ITEM_PIPELINES = {"scrapy_pipeline.LibdiffPipeline": 300}
    LIBDIFF_STORE = "/var/lib/crawler/.libdiff"   # default: ./.libdiff

Items need "url" and "html" fields. The pipeline
  - drops duplicates (a near copy of another known article) and unchanged pages,
    raising DropItem with the reason;
  - passes new articles with item["libdiff"] = {"verdict": "new", "revision": 1, ...};
  - passes updated articles tagged with their revision and change summary:
    item["libdiff"] = {"verdict": "updated", "revision": 3, "changes": {...}}.
The store is shared by Scrapy's worker threads (libdiff releases the GIL and
serialises writes inside) and closed when the spider closes.
"""
import dataclasses

import libdiff
from scrapy.exceptions import DropItem


class LibdiffPipeline:
    def __init__(self, store_path):
        self.store_path = store_path
        self.store = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings.get("LIBDIFF_STORE", ".libdiff"))

    def open_spider(self, spider):
        self.store = libdiff.Store(self.store_path)

    def close_spider(self, spider):
        self.store.close()

    def process_item(self, item, spider):
        try:
            verdict = self.store.ingest(item["url"], item["html"])
        except libdiff.LibdiffError as e:
            raise DropItem(f"libdiff could not file {item['url']}: {e}") from e
        tag = {"verdict": verdict.kind, "revision": verdict.revision, "article": verdict.article}
        if verdict.kind == "duplicate":
            raise DropItem(f"duplicate of {verdict.of_url} (distance {verdict.distance}, "
                           f"similarity {verdict.similarity:.2f})")
        if verdict.kind in ("unchanged", "skipped"):
            raise DropItem(f"{verdict.kind}: {item['url']}")
        if verdict.kind == "updated":
            tag["changes"] = dataclasses.asdict(verdict.changes)
            if verdict.reverted_to:
                tag["reverted_to"] = verdict.reverted_to
        item["libdiff"] = tag
        return item
