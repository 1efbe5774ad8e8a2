#!/bin/sh
# real_sources.sh TILER SOURCES STYLES
# `tiler build` on the real sources; then, with GDAL's own reader, the control layer covers the 14 days
# 2024-11-26 .. 2024-12-09 and known places are held by the right faction on the right day.
set -u
tiler=$1; sources=$2; styles=$3
work=$(mktemp -d "${TMPDIR:-/tmp}/tiler-real.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT INT TERM
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

"$tiler" build --sources "$sources" --styles "$styles" --out "$work/out" > "$work/log" 2>&1 \
    || { echo "FAIL: tiler build exited with $?: $(cat "$work/log")" >&2; exit 1; }
cat "$work/log"
gpkg="$work/out/control.gpkg"

dates=$(ogrinfo -ro -q "$gpkg" -sql "SELECT COUNT(DISTINCT date) AS n, MIN(date) AS first, MAX(date) AS last FROM control" 2>&1)
printf '%s\n' "$dates" | grep -q "n (Integer) = 14$" || fail "control does not have 14 dates: $dates"
printf '%s\n' "$dates" | grep -q "first (String) = 2024-11-26$" || fail "control does not start on 2024-11-26: $dates"
printf '%s\n' "$dates" | grep -q "last (String) = 2024-12-09$" || fail "control does not end on 2024-12-09: $dates"

# holder DATE LAT LON -> the faction(s) whose control polygon contains the point on that date
holder() {
    ogrinfo -ro -q "$gpkg" -dialect SQLite -sql \
        "SELECT faction FROM control WHERE date = '$1' AND ST_Intersects(geom, MakePoint($3, $2, 4326)) ORDER BY faction" 2>&1 |
        sed -n 's/^ *faction (String) = //p' | tr '\n' ' ' | sed 's/ $//'
}
# spot NAME DATE LAT LON FACTION
spot() {
    got=$(holder "$2" "$3" "$4")
    if [ "$got" = "$5" ]; then echo "ok: $1 ($3N $4E) on $2: $got"
    else fail "$1 ($3N $4E) on $2: held by '$got', expected '$5'"; fi
}
spot "Aleppo citadel" 2024-11-28 36.1993 37.1625 government
spot "Aleppo citadel" 2024-11-30 36.1993 37.1625 hts
spot "Hama"           2024-12-04 35.134  36.758  government
spot "Hama"           2024-12-05 35.134  36.758  hts
spot "Tell Rifaat"    2024-11-30 36.473  37.097  sdf
spot "Tell Rifaat"    2024-12-01 36.473  37.097  sna
spot "Deir ez-Zor"    2024-12-06 35.336  40.141  sdf
spot "Palmyra"        2024-12-06 34.56   38.285  sfa
spot "Manbij"         2024-12-09 36.528  37.954  sna

[ "$failures" -eq 0 ] || { echo "$failures failure(s)" >&2; exit 1; }
echo "real sources checked"
