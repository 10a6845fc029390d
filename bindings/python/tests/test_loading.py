import os
import subprocess
import sys
import unittest

import libdiff


class LoadingTest(unittest.TestCase):
    def test_version_matches_the_abi(self):
        from libdiff import _capi
        self.assertEqual(_capi.version_number // 10000, _capi.ABI_MAJOR)
        self.assertRegex(libdiff.version, r"^\d+\.\d+\.\d+$")
        self.assertTrue(os.path.exists(libdiff.library_path) or "/" not in libdiff.library_path)

    def test_every_table_entry_has_types(self):
        from libdiff import _capi
        for name in _capi._FUNCTIONS:
            fn = getattr(_capi.C, name)
            self.assertIsNotNone(fn.argtypes, name)

    def test_table_covers_the_header(self):
        header = os.environ.get("LIBDIFF_HEADER")
        if not header:
            self.skipTest("LIBDIFF_HEADER not set (CTest sets it)")
        import re
        from libdiff import _capi
        with open(header, encoding="utf-8") as f:
            declared = set(re.findall(r"LIBDIFF_API[^;(]*?[ *](libdiff_[a-z0-9_]+)\(", f.read()))
        bound = set(_capi._FUNCTIONS) | {"libdiff_version_number", "libdiff_last_error"}
        self.assertEqual(declared - bound, set())

    def test_env_override_to_a_missing_library_fails_clearly(self):
        env = dict(os.environ, LIBDIFF_LIBRARY="/nonexistent/libdiff.so.0")
        r = subprocess.run([sys.executable, "-c", "import libdiff"], env=env,
                           capture_output=True, text=True)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("LIBDIFF_LIBRARY", r.stderr)

    def test_env_override_to_a_foreign_library_fails_clearly(self):
        import ctypes.util
        libc = ctypes.util.find_library("c")
        env = dict(os.environ, LIBDIFF_LIBRARY=libc or "libc.so.6")
        r = subprocess.run([sys.executable, "-c", "import libdiff"], env=env,
                           capture_output=True, text=True)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("not libdiff", r.stderr)


if __name__ == "__main__":
    unittest.main()
