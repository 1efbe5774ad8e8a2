#!/usr/bin/env bash
# The archive writers are deterministic: a second fixture run gives byte-identical files.
#   archive_deterministic.sh <archive_fixture> <factions.json> <first-out-dir> <scratch-dir>
set -euo pipefail
fixture=$1 factions=$2 first=$3 second=$4
rm -rf "$second"
"$fixture" "$factions" "$second"
fail=0 pass=0
for f in tiles/fixture.mbtiles tiles/fixture.pmtiles tiles/fixture-leaves.pmtiles tiles/fixture.json \
         tiles/fixture.style.json raster/fixture.mbtiles raster/fixture.pmtiles; do
  if cmp -s "$first/$f" "$second/$f"; then pass=$((pass + 1)); else echo "FAIL: $f differs between runs"; fail=$((fail + 1)); fi
done
if diff -r "$first/tiles/fixture" "$second/tiles/fixture" >/dev/null; then pass=$((pass + 1)); else echo "FAIL: tile tree differs"; fail=$((fail + 1)); fi
rm -rf "$second"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
