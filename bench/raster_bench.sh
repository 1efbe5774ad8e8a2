#!/usr/bin/env bash
# Builds bench/raster_bench.cpp against a build tree's tiler_core and runs it on the real sources/ and styles/.
#   bench/raster_bench.sh [BUILD_DIR=build-raster] [maxzoom=10] [jobs=2] [--no-gdal]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build-raster}
cmake --build "$build" --target tiler_core >/dev/null
g++ -O2 -std=c++17 -Wall -Wextra -I "$root/tiler" -I "$build/tiler" "$root/bench/raster_bench.cpp" -o "$build/raster_bench" \
    "$build/tiler/libtiler_core.a" $(pkg-config --cflags --libs vips-cpp cairo gdal) -lgeos_c -lpthread \
    -lprotobuf -lsqlite3 -lz
"$build/raster_bench" "$root/sources" "$root/styles" "$build/raster_bench_work" "${2:-10}" "${3:-2}" ${4:+"$4"}
