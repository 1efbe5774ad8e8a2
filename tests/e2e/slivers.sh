#!/bin/sh
# slivers.sh TILER FIXTURE_SOURCES STYLES REAL_SOURCES REAL_STYLES
# Likely slivers are warnings, never errors:
#  (a) the CLI fixture plus an area whose edge stops 0.002 deg (about 180 m) short of the East governorate: `tiler
#      check` and `tiler build` both exit 0 and warn on stderr about the 11 km strip of government land it leaves;
#  (b) the real sources draw none: `tiler check` prints no sliver warning.
set -u
tiler=$1; fixture=$2; styles=$3; real=$4; real_styles=$5
work=$(mktemp -d "${TMPDIR:-/tmp}/tiler-slivers.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT INT TERM
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# (a) The fixture's West governorate is government from 35.0N to 35.6N below the hts pocket; on 2024-11-27 hts takes
# Bravo's cell (the south-west quarter) and the band 35.5N-35.6N up to 36.498E, 0.002 deg short of the SDF's East.
cp -R "$fixture" "$work/src"
cat > "$work/src/areas/edge.geojson" <<'JSON'
{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"edge","name":"Band short of the east","note":"Drawn for the sliver test: its east edge stops 0.002 deg short of the East governorate."},"geometry":{"type":"Polygon","coordinates":[[[36.0,35.5],[36.498,35.5],[36.498,35.6],[36.0,35.6],[36.0,35.5]]]}}]}
JSON
awk 'NR == 4 { print; print "2024-11-27,2,area:edge,hts,government,\"rebels captured Bravo after a short fight\",the band north of Bravo"; next } { print }' \
    "$fixture/events.csv" > "$work/src/events.csv"

"$tiler" check --sources "$work/src" --styles "$styles" > "$work/check.out" 2> "$work/check.err"; rc=$?
cat "$work/check.out" "$work/check.err"
[ "$rc" -eq 0 ] || fail "tiler check on the fixture with a sliver exited with $rc, expected 0"
grep -q "^sources OK$" "$work/check.out" || fail "tiler check did not print 'sources OK'"
strip='^tiler: warning: likely sliver on 2024-11-27: government, 2\.0[0-9]* km2, thin \(4\*pi\*A/P\^2 = 0\.0[0-9]+\), at 36\.49[89][0-9]* 35\.5[0-9]* \(lon lat\), [0-9.]+ km from (Alpha|Bravo)$'
grep -Eq -- "$strip" "$work/check.err" || fail "tiler check: no warning about the strip on 2024-11-27 on stderr"
# On 2024-11-28 the government retakes Charlie's cell (north-east), which the strip touches: no longer a part of its own.
[ "$(grep -c "likely sliver" "$work/check.err")" -eq 1 ] || fail "tiler check: expected exactly 1 warning"

"$tiler" build --quiet --no-raster --sources "$work/src" --styles "$styles" --out "$work/out" > "$work/build.out" 2> "$work/build.err"; rc=$?
cat "$work/build.out" "$work/build.err"
[ "$rc" -eq 0 ] || fail "tiler build on the fixture with a sliver exited with $rc, expected 0"
[ -f "$work/out/control.gpkg" ] || fail "tiler build wrote no control.gpkg"
grep -Eq -- "$strip" "$work/build.err" || fail "tiler build: no warning about the strip on 2024-11-27 on stderr"

# (b) the real sources
"$tiler" check --sources "$real" --styles "$real_styles" > "$work/real.log" 2>&1; rc=$?
cat "$work/real.log"
[ "$rc" -eq 0 ] || fail "tiler check on the real sources exited with $rc"
grep -q "^sources OK$" "$work/real.log" || fail "tiler check on the real sources did not print 'sources OK'"
if grep -q "sliver" "$work/real.log"; then fail "the real sources draw likely slivers (see the warnings above)"; fi

[ "$failures" -eq 0 ] || { echo "$failures failure(s)" >&2; exit 1; }
echo "slivers checked"
