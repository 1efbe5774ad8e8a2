#!/bin/sh
# bad_input.sh TILER SOURCES STYLES
# For broken copies of a good fixture: `tiler build` and `tiler check` exit 2, stderr says
# "tiler: <file>:<line>: ..." and a pre-existing --out directory is byte-identical afterwards (no staging
# directory left next to it either).
set -u
tiler=$1; sources=$2; styles=$3
work=$(mktemp -d "${TMPDIR:-/tmp}/tiler-bad-input.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT INT TERM
failures=0

fail() { echo "FAIL [$case]: $*" >&2; failures=$((failures + 1)); }

snapshot() {   # every file under $1 with its checksum, plus the directory listing of its parent
    (cd "$1" && find . -type f -exec sha256sum {} + | LC_ALL=C sort)
    (cd "$1" && find . -printf "%p %s %T@\n" | LC_ALL=C sort)
    ls -a "$(dirname "$1")" | LC_ALL=C sort
}

# run_case NAME EXPECTED_STDERR_REGEX SED_FILE SED_EXPR
#   the copy of the sources gets `sed -i SED_EXPR` applied to SED_FILE (relative to the sources).
run_case() {
    case=$1; want=$2; file=$3; expr=$4
    dir="$work/$case"
    mkdir -p "$dir" && cp -R "$sources" "$dir/sources" || { fail "cannot copy the fixture"; return; }
    if [ "$expr" = "DELETE" ]; then rm -f "$dir/sources/$file"; else sed -i "$expr" "$dir/sources/$file"; fi
    out="$dir/parent/out"   # alone in its parent: a staging directory left behind would show
    mkdir -p "$out/tiles"
    printf 'previous output\n' > "$out/marker.txt"
    printf 'old tile\n' > "$out/tiles/x.mvt"
    before=$(snapshot "$out")

    "$tiler" build --quiet --sources "$dir/sources" --styles "$styles" --out "$out" > "$dir/stdout" 2> "$dir/stderr"
    rc=$?
    [ "$rc" -eq 2 ] || fail "build exited with $rc, expected 2; stderr: $(cat "$dir/stderr")"
    grep -Eq -- "^tiler: .*$want" "$dir/stderr" || fail "build stderr does not match /^tiler: .*$want/: $(cat "$dir/stderr")"
    after=$(snapshot "$out")
    [ "$before" = "$after" ] || fail "the output directory changed:
--- before
$before
--- after
$after"

    "$tiler" check --sources "$dir/sources" --styles "$styles" > "$dir/stdout" 2> "$dir/stderr"
    rc=$?
    [ "$rc" -eq 2 ] || fail "check exited with $rc, expected 2; stderr: $(cat "$dir/stderr")"
    grep -Eq -- "^tiler: .*$want" "$dir/stderr" || fail "check stderr does not match /$want/: $(cat "$dir/stderr")"
    echo "ok [$case]: $(cat "$dir/stderr")"
}

# The good fixture must pass, or the cases below prove nothing.
"$tiler" check --sources "$sources" --styles "$styles" > /dev/null 2> "$work/good.err" \
    || { echo "FAIL: the unbroken fixture does not pass 'tiler check': $(cat "$work/good.err")" >&2; exit 1; }

run_case unknown_place   'events\.csv:4: .*Bravo Towne'  events.csv '4s/place:Bravo Town/place:Bravo Towne/'
run_case unknown_faction 'events\.csv:5: .*rebels'       events.csv '5s/,government,sdf,/,rebels,sdf,/'
run_case bad_date        'events\.csv:3: .*2024-11-31'   events.csv '3s/^2024-11-26/2024-11-31/'
run_case bad_latitude    'places\.csv:3: .*north'        places.csv '3s/35\.25/north/'
run_case missing_places  'places\.csv'                   places.csv DELETE

[ "$failures" -eq 0 ] || { echo "$failures failure(s)" >&2; exit 1; }
echo "all bad-input cases passed"
