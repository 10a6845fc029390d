"""A PEP 517 build backend for this pure-Python package, using only the stdlib.

Why not setuptools: setuptools before 70.1 needs the separate `wheel`
package to build a wheel, and a stock CPython (like the 3.11.7 interpreter
here) does not have it, while PyPI is unreachable. The package is pure Python
(it loads libdiff.so at run time), so a wheel is a zip of libdiff/ plus three
metadata files; building it here has no build requirements, and
`pip install ./bindings/python` works offline, with or without build
isolation. The metadata comes from pyproject.toml's [project] table.
"""
import base64
import hashlib
import io
import os
import re
import tarfile
import zipfile

_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_PACKAGE = "libdiff"


def _project():
    with open(os.path.join(_ROOT, "pyproject.toml"), encoding="utf-8") as f:
        text = f.read()
    section = text.split("[project]", 1)[1].split("\n[", 1)[0]

    def value(key):
        m = re.search(rf'^{key}\s*=\s*"([^"]*)"', section, re.M)
        return m.group(1) if m else ""
    return {"name": value("name"), "version": value("version"),
            "description": value("description"), "requires-python": value("requires-python")}


def _metadata(p):
    lines = ["Metadata-Version: 2.1", f"Name: {p['name']}", f"Version: {p['version']}",
             f"Summary: {p['description']}"]
    if p["requires-python"]:
        lines.append(f"Requires-Python: {p['requires-python']}")
    readme = os.path.join(_ROOT, "README.md")
    body = ""
    if os.path.exists(readme):
        lines.append("Description-Content-Type: text/markdown")
        with open(readme, encoding="utf-8") as f:
            body = "\n" + f.read()
    return "\n".join(lines) + "\n" + body


def _package_files():
    base = os.path.join(_ROOT, _PACKAGE)
    for name in sorted(os.listdir(base)):
        if name.endswith(".py") or name == "py.typed":
            yield f"{_PACKAGE}/{name}", os.path.join(base, name)


def _dist_info(p):
    return f"{p['name']}-{p['version']}.dist-info"


def _wheel_name(p):
    return f"{p['name']}-{p['version']}-py3-none-any.whl"


def _write_metadata_dir(directory, p):
    dist_info = os.path.join(directory, _dist_info(p))
    os.makedirs(dist_info, exist_ok=True)
    with open(os.path.join(dist_info, "METADATA"), "w", encoding="utf-8") as f:
        f.write(_metadata(p))
    return os.path.basename(dist_info)


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    return _write_metadata_dir(metadata_directory, _project())


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    p = _project()
    dist_info = _dist_info(p)
    entries = []
    for arcname, path in _package_files():
        with open(path, "rb") as f:
            entries.append((arcname, f.read()))
    entries.append((f"{dist_info}/METADATA", _metadata(p).encode()))
    entries.append((f"{dist_info}/WHEEL", (
        "Wheel-Version: 1.0\nGenerator: libdiff_build\nRoot-Is-Purelib: true\n"
        "Tag: py3-none-any\n").encode()))
    record = io.StringIO()
    for arcname, data in entries:
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        record.write(f"{arcname},sha256={digest},{len(data)}\n")
    record.write(f"{dist_info}/RECORD,,\n")
    entries.append((f"{dist_info}/RECORD", record.getvalue().encode()))
    name = _wheel_name(p)
    with zipfile.ZipFile(os.path.join(wheel_directory, name), "w", zipfile.ZIP_DEFLATED) as z:
        for arcname, data in entries:
            info = zipfile.ZipInfo(arcname, date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return name


def build_sdist(sdist_directory, config_settings=None):
    p = _project()
    base = f"{p['name']}-{p['version']}"
    name = f"{base}.tar.gz"
    with tarfile.open(os.path.join(sdist_directory, name), "w:gz") as tar:
        for rel in ["pyproject.toml", "README.md", "_build/libdiff_build.py"]:
            tar.add(os.path.join(_ROOT, rel), arcname=f"{base}/{rel}")
        for arcname, path in _package_files():
            tar.add(path, arcname=f"{base}/{arcname}")
        data = _metadata(p).encode()
        info = tarfile.TarInfo(f"{base}/PKG-INFO")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    return name
