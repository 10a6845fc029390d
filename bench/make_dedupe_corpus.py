#!/usr/bin/env python3
# Copyright 2026 The libdiff Authors.
"""Generates a labelled corpus for `libdiff dedupe` and scores its output.

Standard library only; runs under any Python 3.8+.

  make_dedupe_corpus.py generate OUT [--naeb DIR] [--samples DIR] [--split dev|heldout|all]
                                     [--synthetic N] [--seed S]
  make_dedupe_corpus.py score LABELS.tsv DEDUPE.jsonl

generate
  Stories come from real pages (the NAEB corpus: each page's HTML and its gold
  body text; pages are split into a "dev" and a "heldout" half by their id) and
  from the project's sample texts. For each story it writes, at random:
    orig         the real page as fetched (its own site template)
    syndicated   the gold body in another site's template with a dateline
                 added to the first paragraph ("LONDON (Reuters) -- ")
    truncated    the gold body in another site's template, last paragraph dropped
    boilerplate  a copy that differs from `syndicated` only around the article
                 (navigation, "most popular", ads, timestamps, scripts)
    revision     the story updated: one sentence changed and one added
    gz           a gzip-compressed copy of one of the above
  and every synthetic site hosts many distinct stories (distinct articles
  from the same site, same template). Pages of one story share a label.
  --synthetic N instead writes N pages of synthetic stories (words drawn at
  random per story, paragraph shapes taken from the real texts) in the same
  variants, for throughput benchmarks.
  OUT/labels.tsv: path<TAB>story<TAB>variant, one line per page.

score
  Reads the labels and `libdiff dedupe --format jsonl` output; documents
  absent from the output are singletons. Prints pairwise precision, recall
  and F1 over the labelled documents, and the pairs of each kind missed.
"""

import argparse
import gzip
import hashlib
import html
import json
import os
import random
import re
import sys

# ---------------------------------------------------------------------------
# Sources

def split_of(story_id):
    return "dev" if int(hashlib.md5(story_id.encode()).hexdigest(), 16) % 2 == 0 else "heldout"


def paragraphs_of(text):
    paras = [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n|\n", text)]
    return [p for p in paras if p]


def load_naeb(naeb, split):
    stories = []
    gt_path = os.path.join(naeb, "ground-truth.json")
    meta_path = os.path.join(naeb, "ground-truth-metadata.json")
    if not os.path.exists(gt_path):
        return stories
    with open(gt_path, encoding="utf-8") as f:
        gt = json.load(f)
    meta = {}
    if os.path.exists(meta_path):
        with open(meta_path, encoding="utf-8") as f:
            meta = json.load(f)
    for sid in sorted(gt):
        if split != "all" and split_of(sid) != split:
            continue
        paras = paragraphs_of(gt[sid].get("articleBody", ""))
        words = sum(len(p.split()) for p in paras)
        page = os.path.join(naeb, "html", sid + ".html")
        if len(paras) < 3 or words < 120 or not os.path.exists(page):
            continue
        m = meta.get(sid, {})
        stories.append({
            "id": "naeb-" + sid,
            "title": m.get("title") or paras[0][:80],
            "date": m.get("date") or "",
            "paragraphs": paras,
            "page": page,
        })
    return stories


def load_samples(samples):
    stories = []
    texts = os.path.join(samples, "texts")
    if os.path.isdir(texts):
        for name in sorted(os.listdir(texts)):
            # updated.txt is a revision of original.txt (the same story, a
            # number corrected): one story, not two.
            if not name.endswith(".txt") or name == "updated.txt":
                continue
            with open(os.path.join(texts, name), encoding="utf-8", errors="replace") as f:
                paras = paragraphs_of(f.read())
            if len(paras) >= 3:
                stories.append({"id": "sample-" + name[:-4], "title": paras[0][:80], "date": "",
                                "paragraphs": paras, "page": None})
    return stories

# ---------------------------------------------------------------------------
# Synthetic sites

SITES = [
    ("Daily Ledger", "dailyledger.example"), ("Metro Courier", "metrocourier.example"),
    ("The Northern Post", "northernpost.example"), ("Harbor Times", "harbortimes.example"),
    ("Valley Herald", "valleyherald.example"), ("Capital Wire", "capitalwire.example"),
    ("Sunday Observer", "sundayobserver.example"), ("Coastline News", "coastlinenews.example"),
]
SECTIONS = ["world", "politics", "business", "science", "health", "sport", "culture", "local"]
DATELINES = ["LONDON (Reuters) -- ", "WASHINGTON (AP) -- ", "PARIS (AFP) -- ",
             "NEW YORK (AP) -- ", "BERLIN (dpa) -- ", "TOKYO (Kyodo) -- "]
FILLER = ("the a of to in and for on with at by from said new year people city government "
          "officials report week state police court market plan public health school water "
          "energy price company workers election council local national team study").split()


def slug(title):
    s = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    return s[:60] or "story"


def headline(rng):
    return " ".join(rng.choice(FILLER).capitalize() for _ in range(rng.randint(5, 9)))


def site_page(site, story_title, paragraphs, published, rng, variant_noise):
    """One article page in a synthetic site's template. `variant_noise` changes
    everything around the article (links, lists, ads, timestamps, scripts)."""
    name, domain = site
    noise = random.Random(variant_noise)
    nav = "".join('<li><a href="/%s">%s</a></li>' % (s, s.capitalize()) for s in SECTIONS)
    popular = "".join('<li><a href="/%s/%d">%s</a></li>' % (
        noise.choice(SECTIONS), noise.randint(10000, 99999), headline(noise)) for _ in range(6))
    related = "".join('<li><a href="/%s/%d">%s</a></li>' % (
        noise.choice(SECTIONS), noise.randint(10000, 99999), headline(noise)) for _ in range(4))
    body = "".join("<p>%s</p>\n" % html.escape(p) for p in paragraphs)
    date_meta = ('<meta property="article:published_time" content="%s">' % published
                 if published else "")
    author = "%s %s" % (rng.choice(["Ana", "Ben", "Chen", "Dara", "Eli", "Femi", "Gita", "Hugo"]),
                        rng.choice(["Moreno", "Walsh", "Okafor", "Lindqvist", "Sato", "Novak"]))
    return """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} | {name}</title>
<meta property="og:site_name" content="{name}">
<meta property="og:title" content="{title}">
{date_meta}
<link rel="canonical" href="https://{domain}/{section}/{slug}">
<script>window.__ts={ts};window.__ab="{ab}";</script>
</head><body>
<header><div class="brand"><a href="/">{name}</a></div><nav><ul>{nav}</ul></nav>
<div class="ticker">Markets: {ticker}</div></header>
<div class="ad">Advertisement</div>
<main><article>
<h1>{title}</h1>
<p class="byline">By {author}</p>
<div class="article-body">
{body}</div>
<div class="share">Share this article: Facebook Twitter Email</div>
</article>
<aside><h2>Most popular</h2><ul>{popular}</ul><h2>Related</h2><ul>{related}</ul></aside>
</main>
<footer><p>&copy; {year} {name}. All rights reserved.</p><ul><li><a href="/about">About</a></li>
<li><a href="/privacy">Privacy</a></li><li><a href="/contact">Contact</a></li></ul></footer>
<script>track({ts2});</script>
</body></html>
""".format(title=html.escape(story_title), name=name, domain=domain, date_meta=date_meta,
           section=noise.choice(SECTIONS), slug=slug(story_title), ts=noise.randint(1, 10**12),
           ab=noise.choice("ABCD"), nav=nav, ticker=noise.randint(1000, 9999), author=author,
           body=body, popular=popular, related=related, year=2023 + noise.randint(0, 1),
           ts2=noise.randint(1, 10**12))


def later(date, hours):
    if not date:
        return ""
    return "%sT%02d:%02d:00Z" % (date[:10], min(23, 6 + hours), hours * 7 % 60)


def revise(paragraphs, rng):
    """One sentence changed and one sentence added (a typical minor update)."""
    out = list(paragraphs)
    i = rng.randrange(len(out))
    words = out[i].split()
    if len(words) > 6:
        j = rng.randrange(len(words))
        words[j] = str(rng.randint(2, 99)) if words[j][:1].isdigit() else rng.choice(FILLER)
    out[i] = " ".join(words)
    k = rng.randrange(len(out))
    out[k] = out[k] + " Officials said more details would be released later."
    return out

# ---------------------------------------------------------------------------
# Writing

class Writer:
    def __init__(self, out):
        self.out = out
        self.labels = []
        self.count = 0

    def write(self, rel, data, story, variant, compress=False):
        if compress:
            rel += ".gz"
        path = os.path.join(self.out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        raw = data.encode("utf-8") if isinstance(data, str) else data
        with open(path, "wb") as f:
            f.write(gzip.compress(raw, mtime=0) if compress else raw)
        self.labels.append((rel, story, variant))
        self.count += 1

    def finish(self):
        with open(os.path.join(self.out, "labels.tsv"), "w", encoding="utf-8") as f:
            for rel, story, variant in sorted(self.labels):
                f.write("%s\t%s\t%s\n" % (rel, story, variant))


def emit_story(w, story, rng, n):
    """Writes one story's variants; returns the number of pages written."""
    sid, title, paras, date = story["id"], story["title"], story["paragraphs"], story["date"]
    sites = rng.sample(SITES, 4)
    written = 0
    published = ("%sT06:00:00Z" % date[:10]) if date else ""
    if story.get("page"):
        with open(story["page"], "rb") as f:
            w.write("real/%s.html" % sid, f.read(), sid, "orig")
    else:
        w.write("%s/%s/%s-%d.html" % (sites[3][1], rng.choice(SECTIONS), slug(title), n),
                site_page(sites[3], title, paras, published, rng, rng.random()), sid, "orig")
    written += 1
    if rng.random() < 0.8:
        dl = list(paras)
        dl[0] = rng.choice(DATELINES) + dl[0]
        noise = rng.random()
        rel = "%s/%s/%s-%d.html" % (sites[0][1], rng.choice(SECTIONS), slug(title), n)
        w.write(rel, site_page(sites[0], title, dl, later(date, 2), rng, noise), sid, "syndicated")
        written += 1
        if rng.random() < 0.5:
            rel2 = "%s/%s/%s-%d-b.html" % (sites[0][1], rng.choice(SECTIONS), slug(title), n)
            w.write(rel2, site_page(sites[0], title, dl, later(date, 2), rng, noise + 1.0), sid,
                    "boilerplate")
            written += 1
    if rng.random() < 0.7 and len(paras) >= 4:
        rel = "%s/%s/%s-%d.htm" % (sites[1][1], rng.choice(SECTIONS), slug(title), n)
        w.write(rel, site_page(sites[1], title, paras[:-1], later(date, 5), rng, rng.random()),
                sid, "truncated")
        written += 1
    if rng.random() < 0.5:
        rel = "%s/%s/%s-%d-updated.html" % (sites[2][1], rng.choice(SECTIONS), slug(title), n)
        w.write(rel, site_page(sites[2], title, revise(paras, rng), later(date, 8), rng,
                               rng.random()), sid, "revision", compress=rng.random() < 0.3)
        written += 1
    return written


def synthetic_story(template, rng, n):
    """A distinct story shaped like `template` with random words."""
    vocab_rng = random.Random(rng.random())
    def word():
        length = vocab_rng.randint(2, 9)
        return "".join(vocab_rng.choice("abcdefghijklmnoprstuvwy") for _ in range(length))
    paras = []
    for p in template["paragraphs"][:40]:
        ws = [word() for _ in range(min(80, max(8, len(p.split()))))]
        paras.append(" ".join(ws).capitalize() + ".")
    return {"id": "syn-%d" % n, "title": " ".join(word() for _ in range(6)).title(),
            "date": "2024-%02d-%02d" % (rng.randint(1, 12), rng.randint(1, 28)),
            "paragraphs": paras, "page": None}


def generate(args):
    rng = random.Random(args.seed)
    stories = []
    if args.naeb and os.path.isdir(args.naeb):
        stories += load_naeb(args.naeb, args.split)
    if args.samples and os.path.isdir(args.samples):
        stories += load_samples(args.samples)
    if not stories:
        sys.exit("make_dedupe_corpus: no source stories (need --naeb or --samples)")
    os.makedirs(args.out, exist_ok=True)
    w = Writer(args.out)
    if args.synthetic:
        n = 0
        while w.count < args.synthetic:
            emit_story(w, synthetic_story(rng.choice(stories), rng, n), rng, n)
            n += 1
    else:
        for n, story in enumerate(stories):
            emit_story(w, story, rng, n)
        # Distinct articles on the synthetic sites: every site hosts several
        # unrelated synthetic stories in its own template.
        for i in range(len(SITES) * 4):
            s = synthetic_story(rng.choice(stories), rng, 100000 + i)
            site = SITES[i % len(SITES)]
            w.write("%s/%s/%s.html" % (site[1], rng.choice(SECTIONS), slug(s["title"])),
                    site_page(site, s["title"], s["paragraphs"], "", rng, rng.random()),
                    s["id"], "distinct")
    # Files dedupe must skip: not labelled.
    os.makedirs(os.path.join(args.out, "assets"), exist_ok=True)
    with open(os.path.join(args.out, "assets", "logo.png"), "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + bytes(64))
    with open(os.path.join(args.out, "assets", "style.css"), "w") as f:
        f.write("body { margin: 0 }\n")
    w.finish()
    print("wrote %d pages (%d stories) to %s" % (w.count, len({l[1] for l in w.labels}), args.out))

# ---------------------------------------------------------------------------
# Scoring

def pairs(sizes):
    return sum(s * (s - 1) // 2 for s in sizes)


def score(args):
    label = {}
    variant = {}
    with open(args.labels, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2:
                label[parts[0]] = parts[1]
                variant[parts[0]] = parts[2] if len(parts) > 2 else ""
    predicted = {}
    with open(args.output, encoding="utf-8") as f:
        for n, line in enumerate(f):
            line = line.strip()
            if not line:
                continue
            c = json.loads(line)
            for m in [c["representative"]] + c["members"]:
                predicted[m["path"]] = n
    docs = sorted(label)
    pred_of = {d: predicted.get(d, "single:" + d) for d in docs}
    from collections import Counter
    true_sizes = Counter(label[d] for d in docs)
    pred_sizes = Counter(pred_of[d] for d in docs)
    joint = Counter((label[d], pred_of[d]) for d in docs)
    tp = pairs(joint.values())
    pp = pairs(pred_sizes.values())
    tt = pairs(true_sizes.values())
    precision = tp / pp if pp else 1.0
    recall = tp / tt if tt else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    # Missed true pairs by the variant pair, to see what fails.
    by_story = {}
    for d in docs:
        by_story.setdefault(label[d], []).append(d)
    missed = Counter()
    for members in by_story.values():
        for i in range(len(members)):
            for j in range(i + 1, len(members)):
                a, b = members[i], members[j]
                if pred_of[a] != pred_of[b]:
                    missed["-".join(sorted((variant[a], variant[b])))] += 1
    print("documents %d  true pairs %d  predicted pairs %d  correct pairs %d"
          % (len(docs), tt, pp, tp))
    print("precision %.4f  recall %.4f  F1 %.4f" % (precision, recall, f1))
    for kind, count in missed.most_common():
        print("  missed %-26s %d" % (kind, count))


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    g = sub.add_parser("generate")
    here = os.path.dirname(os.path.abspath(__file__))
    g.add_argument("out")
    g.add_argument("--naeb", default=os.path.join(here, "..", "..", "shared", "corpus", "naeb"))
    g.add_argument("--samples", default=os.path.join(here, "..", "samples"))
    g.add_argument("--split", default="dev", choices=["dev", "heldout", "all"])
    g.add_argument("--synthetic", type=int, default=0)
    g.add_argument("--seed", type=int, default=1)
    s = sub.add_parser("score")
    s.add_argument("labels")
    s.add_argument("output")
    args = ap.parse_args()
    if args.command == "generate":
        generate(args)
    else:
        score(args)


if __name__ == "__main__":
    main()
