#!/usr/bin/env bash
# Installs the Debian packages libdiff needs to build and test, if any is missing.
# Idempotent and quiet when everything is there. Needs root (or sudo) only when
# something must be installed.
set -euo pipefail

packages=(
  # build
  cmake g++ make pkg-config ccache
  libxml2-dev libxxhash-dev libzstd-dev liblmdb-dev libre2-dev
  libspdlog-dev libfmt-dev libutf8proc-dev libcli11-dev nlohmann-json3-dev zlib1g-dev
  libdeflate-dev  # optional: .warc.gz members decoded 2x faster than zlib (docs/warc.md)
  libgtest-dev libgmock-dev libbenchmark-dev
  # tests: tools, the C crawler sample, Python package and its integrations, fuzzing
  zstd lmdb-utils python3 libcurl4-openssl-dev python3-scrapy python3-dask python3-distributed
  python3-pandas  # dask.dataframe (the Dask dedupe shuffle) needs it; recommends are off
  chromium clang libclang-rt-14-dev
  wget  # tests/warc/wget_warc_test.sh: a real WARC producer (--warc-file)
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-deps: installing ${missing[*]}" >&2
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
