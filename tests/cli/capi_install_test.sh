#!/usr/bin/env bash
# `cmake --install` gives a package another project can use: it installs the
# build into a scratch prefix, then builds the shipped C example twice — with
# CMake's find_package(PowerDesk) and with pkg-config — and runs both.
# Env: BUILD (the build tree), SRC (the source tree).
set -euo pipefail
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
cmake --install "$BUILD" --prefix "$prefix" >/dev/null
libdir=$(dirname "$(find "$prefix" -name 'libpowerdesk.so.1' | head -1)")
test -f "$prefix/include/powerdesk.h"
example=$(find "$prefix" -name example.c | head -1)

# 1. A CMake project: find_package(PowerDesk) and PowerDesk::powerdesk.
mkdir -p "$tmp/consumer"
cp "$example" "$tmp/consumer/example.c"
cat > "$tmp/consumer/CMakeLists.txt" <<'CMAKE'
cmake_minimum_required(VERSION 3.25)
project(consumer C)
find_package(PowerDesk 0.1 REQUIRED)
add_executable(consumer example.c)
target_link_libraries(consumer PRIVATE PowerDesk::powerdesk)
CMAKE
cmake -S "$tmp/consumer" -B "$tmp/consumer/build" -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$tmp/consumer/build" >/dev/null
"$tmp/consumer/build/consumer" "$SRC/rules" bill "$SRC/docs/examples/bill-shanghai-two-part.json" \
  2>/dev/null | grep -q '^{"api_version":"1","ok":true'
echo "find_package(PowerDesk): built and billed"

# 2. pkg-config.
export PKG_CONFIG_PATH=$libdir/pkgconfig
cc -std=c11 -o "$tmp/pc-example" "$example" $(pkg-config --cflags --libs powerdesk)
LD_LIBRARY_PATH=$libdir "$tmp/pc-example" "$SRC/rules" quote "$SRC/docs/examples/quote-estimate-zhejiang-year.json" \
  2>/dev/null | grep -q '^{"api_version":"1","ok":true'
echo "pkg-config powerdesk ($(pkg-config --modversion powerdesk)): built and quoted"
