#!/usr/bin/env bash
# Installs libdiff's C API (cmake --install, component "libdiff") into a
# temporary prefix, then builds and runs a tiny consumer against the installed
# tree twice: with find_package(libdiff) and with pkg-config.
# Usage: install_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build="$1"
src="$2"
tmp="$(mktemp -d /tmp/libdiff_install_test.XXXXXX)"
trap 'rm -rf "$tmp"' EXIT
prefix="$tmp/prefix"

cmake --install "$build" --prefix "$prefix" --component libdiff >"$tmp/install.log"
for f in include/libdiff/libdiff.h include/libdiff/version.h; do
  [ -f "$prefix/$f" ] || { echo "missing $f after install"; cat "$tmp/install.log"; exit 1; }
done
libdir="$(dirname "$(find "$prefix" -name 'libdiff.so' | head -1)")"
[ -n "$libdir" ] && [ -f "$libdir/libdiff.so" ] || { echo "libdiff.so not installed"; exit 1; }
ls "$libdir"/libdiff.so.* >/dev/null || { echo "no versioned libdiff.so.N"; exit 1; }
[ -f "$libdir/pkgconfig/libdiff.pc" ] || { echo "libdiff.pc not installed"; exit 1; }
[ -f "$libdir/cmake/libdiff/libdiffConfig.cmake" ] || { echo "libdiffConfig.cmake not installed"; exit 1; }

# 1. CMake package.
cmake -S "$src/tests/capi/consumer" -B "$tmp/cmake-build" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_BUILD_TYPE=Release >"$tmp/configure.log" 2>&1 || { cat "$tmp/configure.log"; exit 1; }
cmake --build "$tmp/cmake-build" >"$tmp/build.log" 2>&1 || { cat "$tmp/build.log"; exit 1; }
# The imported target carries the install RPATH-less library: point the loader at it.
LD_LIBRARY_PATH="$libdir" "$tmp/cmake-build/consumer"

# 2. pkg-config (the .pc file finds its prefix relative to itself).
export PKG_CONFIG_PATH="$libdir/pkgconfig"
cflags="$(pkg-config --cflags libdiff)"
libs="$(pkg-config --libs libdiff)"
incdir="$(realpath "$(pkg-config --variable=includedir libdiff)")"
[ "$incdir" = "$(realpath "$prefix/include")" ] || { echo "pkg-config includedir $incdir is not in $prefix"; exit 1; }
cc -std=c99 -Wall -Werror $cflags "$src/tests/capi/consumer/consumer.c" $libs -o "$tmp/consumer-pc"
LD_LIBRARY_PATH="$libdir" "$tmp/consumer-pc"
echo "install test passed: $prefix"
