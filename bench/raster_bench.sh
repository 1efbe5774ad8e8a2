#!/usr/bin/env bash
# Builds the raster_bench target (bench/raster_bench.cpp, linked with tiler_core by CMake) in a build tree and
# runs it on the real sources/ and styles/.
#   bench/raster_bench.sh [BUILD_DIR=build-bench] [maxzoom=10] [jobs=2] [--no-gdal]
# BUILD_DIR must be configured with TILER_BENCH=ON (bench/run.sh configures build-bench so).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build-bench}
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DTILER_BENCH=ON >/dev/null
fi
cmake --build "$build" --target raster_bench >/dev/null
"$build/bench/raster_bench" "$root/sources" "$root/styles" "$build/raster_bench_work" "${2:-10}" "${3:-2}" ${4:+"$4"}
