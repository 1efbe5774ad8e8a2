#!/bin/sh
# raster_outputs.sh OUT DAYS
# The pictures and the raster files of a build, read back with libvips (vipsheader) and jq:
# - index.json lists, for each of the DAYS days, raster/<date>.{mbtiles,pmtiles,json}, the tree raster/<date>/
#   and maps/<date>.png, and for the run offensive.gif and stats.png; every listed file exists;
# - maps/<date>.png: ~1600 px wide PNGs; the TileJSON names the png tile template;
# - offensive.gif: one page per day, a delay per page (the last one longer), looping forever, at most 2 MB;
# - stats.png decodes.
set -u
out=$1; days=$2
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
# header FILE FIELD -> the field's value (vipsheader -a)
header() { vipsheader -a "$1" 2>&1 | sed -n "s/^$2: //p" | sed 's/ *$//'; }

index="$out/index.json"
ndays=$(jq '.days | length' "$index")
[ "$ndays" = "$days" ] || fail "index.json lists $ndays days, expected $days"
for f in offensive.gif stats.png; do
    jq -e --arg f "$f" '.files | index($f)' "$index" > /dev/null || fail "index.json does not list $f"
done
for date in $(jq -r '.days[].date' "$index"); do
    for f in "raster/$date.mbtiles" "raster/$date.pmtiles" "raster/$date.json" "raster/$date/" "maps/$date.png"; do
        jq -e --arg d "$date" --arg f "$f" '.days[] | select(.date == $d) | .files | index($f)' "$index" > /dev/null ||
            fail "index.json does not list $f for $date"
        [ -e "$out/$f" ] || fail "$f is listed but missing"
    done
    [ -f "$out/raster/$date/0/0/0.png" ] && [ -f "$out/raster/$date/0/0/0@2x.png" ] || fail "raster/$date has no 0/0/0.png or @2x"
    [ "$(header "$out/raster/$date/0/0/0@2x.png" width)" = 512 ] || fail "raster/$date/0/0/0@2x.png is not 512 px wide"
    w=$(header "$out/maps/$date.png" width)
    [ "$w" -ge 1400 ] && [ "$w" -le 1800 ] || fail "maps/$date.png is $w px wide, expected ~1600"
    tiles=$(jq -r '.tiles[0]' "$out/raster/$date.json")
    [ "$tiles" = "$date/{z}/{x}/{y}.png" ] || fail "raster/$date.json: tiles[0] = '$tiles'"
done
echo "index.json, maps and TileJSON of $ndays days checked"

gif="$out/offensive.gif"
bytes=$(wc -c < "$gif")
[ "$bytes" -le 2097152 ] || fail "offensive.gif is $bytes bytes, more than 2 MB"
pages=$(header "$gif" n-pages)
[ "$pages" = "$days" ] || fail "offensive.gif has $pages pages, expected $days"
loop=$(header "$gif" loop)
[ "$loop" = 0 ] || fail "offensive.gif loop = '$loop', expected 0 (forever)"
delays=$(header "$gif" delay)
ndelays=$(echo "$delays" | wc -w)
[ "$ndelays" = "$days" ] || fail "offensive.gif has $ndelays delays ($delays), expected $days"
first=$(echo "$delays" | cut -d' ' -f1); last=$(echo "$delays" | awk '{print $NF}')
[ "${first:-0}" -ge 300 ] || fail "offensive.gif: first delay $first ms is too fast to read"
[ "${last:-0}" -gt "${first:-0}" ] || fail "offensive.gif: the last frame ($last ms) is not held longer than the others ($first ms)"
width=$(header "$gif" width)
[ "${width:-0}" -ge 400 ] || fail "offensive.gif is only $width px wide"
echo "offensive.gif: $bytes bytes, $pages pages of ${width} px, delays $delays, loop $loop"

[ "$(header "$out/stats.png" width)" -ge 600 ] 2>/dev/null || fail "stats.png does not decode or is too small"

[ "$failures" -eq 0 ] || { echo "$failures failure(s)" >&2; exit 1; }
echo "raster outputs checked"
