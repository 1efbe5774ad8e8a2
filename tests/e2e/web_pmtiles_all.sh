#!/usr/bin/env bash
# web_pmtiles_all.sh JSDIR E2EDIR OUT: every day's PMTiles read back with the `pmtiles` npm package and compared
# with the day's tree (archive_pmtiles_check.mjs).
set -uo pipefail
js=$1 e2e=$2 out=$3
fail=0 n=0
for f in "$out"/tiles/*.pmtiles; do
  d=$(basename "$f" .pmtiles)
  bash "$e2e/archive_js_run.sh" "$js" "$e2e/archive_pmtiles_check.mjs" "$f" "$out/tiles/$d" mvt > "$out.pmtiles-$d.log" 2>&1
  rc=$?
  [ "$rc" = 77 ] && { cat "$out.pmtiles-$d.log"; exit 77; }
  tail -n 1 "$out.pmtiles-$d.log"
  [ "$rc" = 0 ] || { echo "FAIL: $f:"; cat "$out.pmtiles-$d.log"; fail=$((fail + 1)); }
  n=$((n + 1))
done
[ "$n" = 14 ] || { echo "FAIL: $n PMTiles files, expected 14"; exit 1; }
echo "$((n - fail)) passed, $fail failed"
[ "$fail" = 0 ]
