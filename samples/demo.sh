#!/usr/bin/env bash
# The README's quick start: ingests the demo pages in order into a fresh
# temporary store (an article, its update, the same page with only its
# boilerplate and URL tracking changed, a syndicated copy on another site, an
# unrelated article), prints each verdict, what the update changed (the
# article's revisions 1 and 2 diffed from the store), and the store's stats.
# LIBDIFF points at the libdiff binary (default: libdiff on PATH).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
libdiff="${LIBDIFF:-libdiff}"
store="$(mktemp -d "${TMPDIR:-/tmp}/libdiff-demo.XXXXXX")"
trap 'rm -rf "$store"' EXIT
"$libdiff" ingest --store "$store/store" --list "$here/pages/demo/list.tsv"
echo
# -U 0: only the changed paragraphs. Exit status 1 means "they differ".
url="https://www.coastalherald.example/news/2026/11/28/storm-kills-coast"
"$libdiff" diff --store "$store/store" --no-color -U 0 "$url@1" "$url@2" || [ $? -eq 1 ]
echo
"$libdiff" stats --store "$store/store"
