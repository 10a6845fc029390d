#!/usr/bin/env bash
# The README's quick start: ingests the demo pages in order into a fresh
# temporary store (an article, its update, the same page with only its
# boilerplate and URL tracking changed, a syndicated copy on another site, an
# unrelated article), prints each verdict and then the store's stats.
# LIBDIFF points at the libdiff binary (default: libdiff on PATH).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
libdiff="${LIBDIFF:-libdiff}"
store="$(mktemp -d "${TMPDIR:-/tmp}/libdiff-demo.XXXXXX")"
trap 'rm -rf "$store"' EXIT
"$libdiff" ingest --store "$store/store" --list "$here/pages/demo/list.tsv"
echo
"$libdiff" stats --store "$store/store"
