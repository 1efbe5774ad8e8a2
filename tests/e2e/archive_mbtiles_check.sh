#!/usr/bin/env bash
# Reads an MBTiles file with the sqlite3 CLI and compares it with the {z}/{x}/{y}.<ext> tree of the same tileset:
# metadata rows, TMS row flip, dedup (images < map), gzip for pbf, every tile's bytes.
#   archive_mbtiles_check.sh <file.mbtiles> <tree-dir> <mvt|png>
set -euo pipefail
file=$1 tree=$2 kind=$3
command -v sqlite3 >/dev/null || { echo "FAIL: sqlite3 CLI not installed (apt-get install sqlite3)"; exit 1; }
fail=0 pass=0
check() { if eval "$1"; then pass=$((pass + 1)); else echo "FAIL: $2"; fail=$((fail + 1)); fi; }
q() { sqlite3 -batch -noheader "$file" "$1"; }

check '[ "$(q "PRAGMA integrity_check")" = ok ]' "integrity_check"
for key in name format bounds center minzoom maxzoom attribution description version type; do
  check '[ "$(q "SELECT count(*) FROM metadata WHERE name = '"'$key'"' AND value IS NOT NULL")" = 1 ]' "metadata $key"
done
want_format=png; [ "$kind" = mvt ] && want_format=pbf
check '[ "$(q "SELECT value FROM metadata WHERE name = '"'format'"'")" = "$want_format" ]' "format = $want_format"
check '[ "$(q "SELECT value FROM metadata WHERE name = '"'type'"'")" = overlay ]' "type = overlay"
if [ "$kind" = mvt ]; then
  command -v jq >/dev/null || { echo "FAIL: jq not installed (bash .ci/setup installs it)"; exit 1; }
  check 'q "SELECT value FROM metadata WHERE name = '"'json'"'" | jq -e '"'"'.vector_layers | type == "array" and length > 0
    and all(.[]; (.id | type == "string") and (.fields | type == "object"))'"'"' >/dev/null' "json.vector_layers"
fi
bounds=$(q "SELECT value FROM metadata WHERE name = 'bounds'")
check '[[ "$bounds" =~ ^-?[0-9.]+,-?[0-9.]+,-?[0-9.]+,-?[0-9.]+$ ]]' "bounds format ($bounds)"

nfiles=$(find "$tree" -name "*[0-9].$kind" | wc -l)
ndistinct=$(find "$tree" -name "*[0-9].$kind" -exec sha256sum {} + | cut -d' ' -f1 | sort -u | wc -l)
nmap=$(q "SELECT count(*) FROM map")
nimages=$(q "SELECT count(*) FROM images")
check '[ "$(q "SELECT count(*) FROM tiles")" = "$nfiles" ]' "tiles rows = $nfiles files"
check '[ "$nmap" = "$nfiles" ]' "map rows $nmap = $nfiles files"
check '[ "$nimages" -lt "$nmap" ]' "dedup: images $nimages < map $nmap"
check '[ "$nimages" = "$ndistinct" ]' "images $nimages = $ndistinct distinct tiles"
check '[ "$(q "SELECT count(*) FROM map LEFT JOIN images USING (tile_id) WHERE images.tile_id IS NULL")" = 0 ]' \
  "every map row has an image"
check '[ "$(q "SELECT min(zoom_level) FROM map")" = "$(q "SELECT value FROM metadata WHERE name = '"'minzoom'"'")" ]' "minzoom"
check '[ "$(q "SELECT max(zoom_level) FROM map")" = "$(q "SELECT value FROM metadata WHERE name = '"'maxzoom'"'")" ]' "maxzoom"

# Every tile: MBTiles (z, x, 2^z-1-y) equals the tree's z/x/y (gunzipped for pbf).
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
q "SELECT writefile('$tmp/' || zoom_level || '_' || tile_column || '_' || tile_row, tile_data) FROM tiles" >/dev/null
while IFS= read -r f; do
  rel=${f#"$tree"/}
  z=${rel%%/*}; rest=${rel#*/}; x=${rest%%/*}; y=${rest#*/}; y=${y%."$kind"}
  row=$(( (1 << z) - 1 - y ))
  blob="$tmp/${z}_${x}_${row}"
  if [ ! -f "$blob" ]; then echo "FAIL: $rel missing at TMS row $row"; fail=$((fail + 1)); continue; fi
  if [ "$kind" = mvt ]; then
    if gzip -dc <"$blob" | cmp -s - "$f"; then pass=$((pass + 1)); else echo "FAIL: $rel differs (gunzipped)"; fail=$((fail + 1)); fi
  else
    if cmp -s "$blob" "$f"; then pass=$((pass + 1)); else echo "FAIL: $rel differs"; fail=$((fail + 1)); fi
  fi
done < <(find "$tree" -name "*[0-9].$kind" | sort)
if [ "$kind" = png ]; then
  check '[ "$(q "SELECT count(*) FROM images WHERE hex(substr(tile_data, 1, 8)) <> '"'89504E470D0A1A0A'"'")" = 0 ]' "PNG signatures"
fi
echo "$file: $nmap tiles, $nimages images"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
