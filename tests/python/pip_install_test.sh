#!/usr/bin/env bash
# `pip install ./bindings/python` works offline (no index, no downloads) with
# and without build isolation, and the installed package imports and works.
# Usage: pip_install_test.sh PYTHON BINDINGS_DIR
set -euo pipefail
py="$1"
src="$2"
tmp="$(mktemp -d /tmp/libdiff_pip_test.XXXXXX)"
trap 'rm -rf "$tmp"' EXIT
# Build from a copy, so no build artefacts land in the source tree.
cp -r "$src" "$tmp/src"
rm -rf "$tmp/src/tests"
for isolation in "" "--no-build-isolation"; do
  target="$tmp/site${isolation:+-noiso}"
  "$py" -m pip install --no-index --no-deps --disable-pip-version-check --quiet \
    $isolation --target "$target" "$tmp/src"
  [ -f "$target/libdiff/__init__.py" ] || { echo "package not installed into $target"; exit 1; }
  ls "$target"/libdiff-*.dist-info/METADATA >/dev/null
  # Import the installed copy only (not the source tree on PYTHONPATH).
  (cd "$tmp" && PYTHONPATH="$target" "$py" -c '
import libdiff, sys
assert libdiff.__file__.startswith(sys.argv[1]), libdiff.__file__
f = libdiff.fingerprint("Installed package works offline.")
assert f.token_count == 4, f
print("ok", libdiff.version, libdiff.__file__)
' "$target")
done
