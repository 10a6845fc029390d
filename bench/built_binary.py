"""Finds the `libdiff` command a build of this checkout made (for the bench scripts)."""
import glob
import os
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def find_libdiff(given=None):
    """`given` when set, else the newest build/*/tools/libdiff (or build/tools/libdiff),
    else None."""
    if given:
        return given
    found = [p for pattern in ("build/*/tools/libdiff", "build/tools/libdiff")
             for p in glob.glob(str(REPO / pattern)) if os.access(p, os.X_OK)]
    return max(found, key=os.path.getmtime) if found else None
