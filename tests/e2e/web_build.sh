#!/usr/bin/env bash
# web_build.sh TILER SOURCES STYLES OUT
# The fixture of the web tests: `tiler build --tile-dirs` of the real sources into OUT; checks that every day has
# its MBTiles, PMTiles, tree, TileJSON and style listed in index.json, and that the viewer was written.
set -euo pipefail
tiler=$1 sources=$2 styles=$3 out=$4
rm -rf "$out"
start=$(date +%s.%N)
"$tiler" build --tile-dirs --sources "$sources" --styles "$styles" --out "$out" > "$out.log" 2>&1 \
  || { echo "FAIL: tiler build exited with $?:"; cat "$out.log"; exit 1; }
cat "$out.log"
echo "tiler build --tile-dirs took $(awk "BEGIN { printf \"%.1f\", $(date +%s.%N) - $start }") s"
fail=0
check() { if ! eval "$1"; then echo "FAIL: $2"; fail=$((fail + 1)); fi; }
days=$(sed -n 's/^ *"date": "\([0-9-]*\)".*/\1/p' "$out/index.json")
check '[ "$(printf "%s\n" "$days" | wc -l)" = 14 ]' "index.json lists 14 days"
for d in $days; do
  for f in "tiles/$d.mbtiles" "tiles/$d.pmtiles" "tiles/$d.json" "tiles/$d.style.json"; do
    check '[ -s "$out/$f" ]' "$f missing"
    check 'grep -q "\"$f\"" "$out/index.json"' "index.json does not list $f"
  done
  check '[ -d "$out/tiles/$d" ] && grep -q "\"tiles/$d/\"" "$out/index.json"' "tree tiles/$d/ missing or not listed"
  check 'grep -q "\"$d/{z}/{x}/{y}.mvt\"" "$out/tiles/$d.json"' "TileJSON $d: tiles template"
  check 'grep -q "\"url\": \"pmtiles://$d.pmtiles\"" "$out/tiles/$d.style.json"' "style $d: pmtiles source"
done
# The viewer needs the npm assets of the build (viewer_assets); without npm only TILER_SKIP_JS=1 excuses its absence.
if [ "${TILER_SKIP_JS:-0}" = 1 ] && [ ! -e "$out/viewer" ]; then
  echo "TILER_SKIP_JS=1 and no viewer written: viewer checks skipped"
else
for f in viewer/index.html viewer/viewer.js viewer/viewer.css viewer/lib/maplibre-gl.js viewer/lib/maplibre-gl.css \
         viewer/lib/pmtiles.js "tiles/fonts/Noto Sans Regular/0-255.pbf"; do
  check '[ -s "$out/$f" ] && grep -qF "\"$f\"" "$out/index.json"' "$f missing or not listed in index.json"
done
check 'grep -q "\"2024-11-26\"" "$out/viewer/index.html"' "the viewer does not list the first day"
check 'grep -q "OCHA" "$out/viewer/index.html"' "the viewer has no attribution"
fi
[ "$fail" = 0 ] || { echo "$fail failure(s)"; exit 1; }
echo "web fixture built in $out: $(du -sh "$out" | cut -f1)"
