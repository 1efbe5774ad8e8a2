#!/bin/sh
# build_fixture.sh TILER SOURCES STYLES CONTROL_FEATURES DAYS
# A full `tiler build` of a small fixture, checked with GDAL's own reader (ogrinfo): the control layer
# with its feature count and fields, the QGIS styles, stats.csv and index.json; a second build into
# another directory gives a byte-identical control.gpkg; rebuilding over an existing output replaces it.
set -u
tiler=$1; sources=$2; styles=$3; features=$4; days=$5
work=$(mktemp -d "${TMPDIR:-/tmp}/tiler-build.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT INT TERM
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
expect() {   # expect TEXT REGEX WHAT
    printf '%s\n' "$1" | grep -Eq -- "$2" || fail "$3: no match for /$2/ in:
$1"
}

"$tiler" build --sources "$sources" --styles "$styles" --out "$work/a" > "$work/a.log" 2>&1 \
    || { echo "FAIL: tiler build exited with $?: $(cat "$work/a.log")" >&2; exit 1; }
cat "$work/a.log"
gpkg="$work/a/control.gpkg"
[ -f "$gpkg" ] || { echo "FAIL: no control.gpkg" >&2; exit 1; }

info=$(ogrinfo -ro -so "$gpkg" control 2>&1)
expect "$info" "^Layer name: control$" "ogrinfo control"
expect "$info" "^Geometry: Multi Polygon$" "ogrinfo control"
expect "$info" "^Feature Count: $features$" "ogrinfo control"
expect "$info" "EPSG\",?4326|ID\[\"EPSG\",4326\]" "ogrinfo control SRS"
for f in "date: String" "faction: String" "name: String" "area_km2: Real" "valid_from: DateTime" "valid_to: DateTime"; do
    expect "$info" "^$f" "ogrinfo control field"
done
all=$(ogrinfo -ro -so "$gpkg" 2>&1)
for l in "control \(Multi Polygon\)" "changes \(Multi Polygon\)" "frontlines \(Multi Line String\)" "events \(Point\)" \
         "places \(Point\)" "layer_styles"; do
    expect "$all" "^[0-9]+: $l" "ogrinfo layers"
done
dates=$(ogrinfo -ro -q "$gpkg" -sql "SELECT COUNT(DISTINCT date) AS n FROM control" 2>&1)
expect "$dates" "n \(Integer\) = $days$" "distinct dates"
styles_info=$(ogrinfo -ro "$gpkg" layer_styles -where "f_table_name = 'control'" 2>&1)
expect "$styles_info" "^Feature Count: 1$|f_table_name \(String\) = control" "layer_styles"
expect "$styles_info" "useAsDefault \(Integer\(Boolean\)\) = 1" "layer_styles useAsDefault"
expect "$styles_info" "temporal enabled=\"1\"" "layer_styles QML temporal"
expect "$styles_info" "attr=\"faction\"" "layer_styles QML renderer"

[ "$(head -n 1 "$work/a/stats.csv")" = "date,faction,area_km2,share" ] || fail "stats.csv header"
nfactions=$(grep -c '"id"' "$styles/factions.json")
rows=$(($(wc -l < "$work/a/stats.csv") - 1))
[ "$rows" -eq $((days * nfactions)) ] || fail "stats.csv has $rows rows, expected $days x $nfactions"
grep -q '"control.gpkg"' "$work/a/index.json" || fail "index.json does not list control.gpkg"
[ "$(grep -c '"date"' "$work/a/index.json")" -eq "$days" ] || fail "index.json does not list $days days"

# Deterministic output: a second build gives the same bytes.
"$tiler" build --quiet --sources "$sources" --styles "$styles" --out "$work/b" > "$work/b.log" 2>&1 || fail "second build: $(cat "$work/b.log")"
for f in control.gpkg stats.csv index.json; do
    cmp "$work/a/$f" "$work/b/$f" || fail "$f differs between two builds"
done

# Rebuilding over an existing output replaces it and leaves no staging directory.
printf 'stale\n' > "$work/b/stale.txt"
"$tiler" build --quiet --sources "$sources" --styles "$styles" --out "$work/b" > "$work/c.log" 2>&1 || fail "rebuild: $(cat "$work/c.log")"
[ ! -e "$work/b/stale.txt" ] || fail "the rebuild kept a file of the previous output"
cmp "$work/a/control.gpkg" "$work/b/control.gpkg" || fail "control.gpkg differs after the rebuild"
if ls "$work" | grep -q staging; then fail "a staging directory was left: $(ls "$work")"; fi

[ "$failures" -eq 0 ] || { echo "$failures failure(s)" >&2; exit 1; }
echo "build of $sources checked"
