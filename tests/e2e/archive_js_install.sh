#!/usr/bin/env bash
# Installs the test-only npm packages of tests/js into <build-dir>/js (never into the repository).
# Fails if node or npm is missing, unless TILER_SKIP_JS=1 (then exits 77 = skipped).
#   archive_js_install.sh <tests/js dir> <build js dir>
set -euo pipefail
src=$1 dst=$2
if [ "${TILER_SKIP_JS:-0}" = 1 ]; then echo "TILER_SKIP_JS=1: JavaScript checks skipped"; exit 77; fi
for tool in node npm; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool not found (install Node.js, or set TILER_SKIP_JS=1)"; exit 1; }
done
mkdir -p "$dst"
if [ -d "$dst/node_modules" ] && cmp -s "$src/package-lock.json" "$dst/package-lock.json"; then
  echo "npm packages up to date in $dst"; exit 0
fi
cp "$src/package.json" "$src/package-lock.json" "$dst/"
cd "$dst"
npm ci --no-audit --no-fund --loglevel=error
test -f node_modules/pmtiles/package.json
test -f node_modules/@maplibre/maplibre-gl-style-spec/dist/gl-style-validate.mjs
echo "npm packages installed in $dst"
