#!/usr/bin/env bash
# The README's first command: installs what is missing, builds the libdiff
# command (release), and runs the main job on the bundled samples with an
# embedded store (samples/demo.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target libdiff_cli
LIBDIFF=build/release/tools/libdiff samples/demo.sh
