#!/usr/bin/env python3
"""Checks that every file includes headers only from folders it may use.

The rules are docs/architecture.md's ("Which folder may use which"), encoded
once in USES below. A header belongs to a folder: "store/codec.h" to store,
and each public header "libdiff/x.h" to the folder that implements it
(PUBLIC_OWNER). A file in libdiff/src/F may include headers of F itself and of
the folders in USES[F]. Tools use only public headers; bindings and samples
only the C API (libdiff/libdiff.h); public headers include only public
headers. Tests, benchmarks and fuzzers exercise the internals and are not
checked.

Usage: scripts/check-includes.py [--root DIR] [--self-test]
Exits 0 when every include is allowed, 1 after listing the ones that are not.
Standard library only; runs under any Python 3.8+.
"""
import argparse
import os
import re
import sys
import tempfile

# Folder -> the folders (besides itself) whose headers its files may include.
# The arrows run one way: lower layers never include higher ones.
USES = {
    "util": set(),                                   # Status, files, UTF-8, text
    "warc": {"util"},                                # WARC records
    "fingerprint": {"util"},                         # the text/fingerprint layer
    "extract": {"util", "fingerprint"},              # HTML -> Article
    "index": {"util", "fingerprint"},                # the near-duplicate engine
    "diff": {"util", "fingerprint", "extract"},      # Article -> changes
    "decide": {"util", "fingerprint", "extract", "diff", "index"},  # verdict rules
    "store": {"util", "fingerprint", "extract", "diff", "index", "decide"},
    "dedupe": {"util", "warc", "fingerprint", "extract", "index", "store"},
    "capi": {"util", "warc", "fingerprint", "extract", "index", "diff", "decide",
             "store", "dedupe"},
}

# Public header -> the folder that implements it.
PUBLIC_OWNER = {
    "status.h": "util",
    "file.h": "util",
    "version.h": "util",
    "fingerprint.h": "fingerprint",
    "warc.h": "warc",
    "page_list.h": "warc",
    "article.h": "extract",
    "near_duplicate.h": "index",
    "diff.h": "diff",
    "store.h": "store",
    "dedupe.h": "dedupe",
    "libdiff.h": "capi",
}

SOURCE_SUFFIXES = (".h", ".hh", ".hpp", ".c", ".cc", ".cpp")
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')


def owner(header):
    """The folder a quoted include belongs to, or None for a file's neighbour."""
    if header.startswith("libdiff/"):
        return PUBLIC_OWNER.get(header[len("libdiff/"):], "?public")
    if "/" in header:
        return header.split("/", 1)[0]
    return None


def check_file(rel, text):
    """Yields (line number, include, why) for each include `rel` may not use."""
    parts = rel.split("/")
    for number, line in enumerate(text.splitlines(), 1):
        m = INCLUDE.match(line)
        if not m:
            continue
        header = m.group(1)
        folder = owner(header)
        if folder == "?public":
            yield number, header, "not a known public header (add it to PUBLIC_OWNER)"
            continue
        if parts[:2] == ["libdiff", "src"] and len(parts) > 3:
            mine = parts[2]
            if folder is None or folder == mine:
                continue
            if mine not in USES:
                yield number, header, "libdiff/src/%s has no rule in USES" % mine
            elif folder not in USES[mine]:
                yield number, header, "%s may not use %s" % (mine, folder)
        elif parts[:2] == ["libdiff", "include"]:
            if folder is not None and not header.startswith("libdiff/"):
                yield number, header, "a public header includes a private one"
        elif parts[0] == "tools":
            if folder is not None and not header.startswith("libdiff/"):
                yield number, header, "tools use public headers only"
        elif parts[0] in ("bindings", "samples"):
            if folder is not None and header != "libdiff/libdiff.h":
                yield number, header, "%s use the C API (libdiff/libdiff.h) only" % parts[0]


def check_tree(root):
    problems = []
    for top in ("libdiff", "tools", "bindings", "samples"):
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames.sort()
            for name in sorted(filenames):
                if not name.endswith(SOURCE_SUFFIXES):
                    continue
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, root).replace(os.sep, "/")
                with open(path, encoding="utf-8", errors="replace") as f:
                    text = f.read()
                for number, header, why in check_file(rel, text):
                    problems.append('%s:%d: #include "%s": %s' % (rel, number, header, why))
    return problems


def self_test():
    """The check finds planted violations and accepts allowed includes."""
    files = {
        "libdiff/src/extract/ok.cc": '#include "extract/body.h"\n#include "util/text.h"\n'
                                     '#include "libdiff/article.h"\n',
        "libdiff/src/extract/bad.cc": '#include "store/codec.h"\n#include "libdiff/store.h"\n',
        "libdiff/src/fingerprint/bad.cc": '#include "extract/body.h"\n',
        "libdiff/include/libdiff/bad.h": '#include "util/utf8.h"\n',
        "tools/bad_command.cc": '#include "command.h"\n#include "util/file.h"\n',
        "tools/ok_command.cc": '#include "libdiff/file.h"\n',
        "samples/bad.c": '#include "libdiff/store.h"\n',
    }
    with tempfile.TemporaryDirectory() as root:
        for rel, text in files.items():
            path = os.path.join(root, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
        found = sorted(p.split(": #include")[0] for p in check_tree(root))
    expected = sorted([
        "libdiff/include/libdiff/bad.h:1",
        "libdiff/src/extract/bad.cc:1",
        "libdiff/src/extract/bad.cc:2",
        "libdiff/src/fingerprint/bad.cc:1",
        "samples/bad.c:1",
        "tools/bad_command.cc:2",
    ])
    if found != expected:
        print("check-includes self-test: found %s, expected %s" % (found, expected))
        return 1
    print("check-includes self-test: %d planted violations found, none else" % len(expected))
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--root", default=os.path.join(os.path.dirname(__file__), ".."))
    parser.add_argument("--self-test", action="store_true")
    args = parser.parse_args()
    if args.self_test:
        return self_test()
    problems = check_tree(os.path.abspath(args.root))
    for p in problems:
        print(p)
    if problems:
        print("check-includes: %d include(s) break the rules of docs/architecture.md"
              % len(problems))
        return 1
    print("check-includes: every include follows docs/architecture.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
