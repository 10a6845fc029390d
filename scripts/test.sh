#!/usr/bin/env bash
# The README's test command: installs what is missing, builds with warnings as
# errors, and runs the whole test suite. Usage: scripts/test.sh [PRESET]
# (default "ci"; "asan-ubsan" and "tsan" run the same suite under sanitizers).
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-ci}"
scripts/install-deps.sh
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
ctest --preset "$preset" --output-on-failure
