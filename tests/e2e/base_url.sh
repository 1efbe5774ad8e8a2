#!/bin/sh
# base_url.sh TILER SOURCES STYLES
# `tiler build --tile-dirs --base-url URL` of a small fixture, URL being where the OUTPUT folder is served. Read with
# jq, for every day: the TileJSONs tiles/<date>.json and raster/<date>.json and the style tiles/<date>.style.json
# (source, glyphs) name absolute URLs under URL, and each of them, with URL taken off, is a file of the output
# (the tile 0/0/0 of the day's vector and raster trees, the day's PMTiles, a glyph range of the labels' font).
set -u
tiler=$1; sources=$2; styles=$3
url=https://example.org/syria/
work=$(mktemp -d "${TMPDIR:-/tmp}/tiler-base-url.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT INT TERM
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
# served URL -> the output file it names ("" if the URL is not under $url)
local_file() {
    case "$1" in
        "$url"*) printf '%s\n' "$work/out/${1#"$url"}" ;;
        *) echo "" ;;
    esac
}
# the file a served URL names must exist
served() {   # served URL WHAT
    f=$(local_file "$1")
    [ -n "$f" ] && [ -f "$f" ] || fail "$2: '$1' is not a file of the output under $url"
}

# the trailing '/' is added by tiler
"$tiler" build --quiet --tile-dirs --maxzoom 4 --raster-maxzoom 4 --base-url "${url%/}" \
    --sources "$sources" --styles "$styles" --out "$work/out" > "$work/log" 2>&1 \
    || { echo "FAIL: tiler build exited with $?: $(cat "$work/log")" >&2; exit 1; }
out="$work/out"
dates=$(jq -r '.days[].date' "$out/index.json")
[ -n "$dates" ] || { echo "FAIL: index.json lists no day" >&2; exit 1; }
for d in $dates; do
    t=$(jq -r '.tiles | length, .[0]' "$out/tiles/$d.json" | tr '\n' ' ')
    [ "$t" = "1 ${url}tiles/$d/{z}/{x}/{y}.mvt " ] || fail "tiles/$d.json: tiles = $t"
    served "$(jq -r '.tiles[0]' "$out/tiles/$d.json" | sed 's|{z}/{x}/{y}|0/0/0|')" "tiles/$d.json"

    r=$(jq -r '.tiles | length, .[0]' "$out/raster/$d.json" | tr '\n' ' ')
    [ "$r" = "1 ${url}raster/$d/{z}/{x}/{y}.png " ] || fail "raster/$d.json: tiles = $r"
    served "$(jq -r '.tiles[0]' "$out/raster/$d.json" | sed 's|{z}/{x}/{y}|0/0/0|')" "raster/$d.json"

    style="$out/tiles/$d.style.json"
    s=$(jq -r '[.sources[].url] | join(" ")' "$style")
    [ "$s" = "pmtiles://${url}tiles/$d.pmtiles" ] || fail "tiles/$d.style.json: source url '$s'"
    served "${s#pmtiles://}" "tiles/$d.style.json source"
    g=$(jq -r '.glyphs // ""' "$style")
    if [ -n "$g" ]; then
        [ "$g" = "${url}tiles/fonts/{fontstack}/{range}.pbf" ] || fail "tiles/$d.style.json: glyphs '$g'"
        font=$(jq -r '[.layers[].layout["text-font"] // empty][0][0]' "$style")
        served "$(printf '%s\n' "$g" | sed "s|{fontstack}|$font|; s|{range}|0-255|")" "tiles/$d.style.json glyphs"
    else
        echo "note: no viewer assets, the styles have no glyphs (not checked)"
    fi
done

[ "$failures" -eq 0 ] || { echo "$failures failure(s)" >&2; exit 1; }
echo "--base-url $url: TileJSON, raster TileJSON and style URLs of $(echo "$dates" | wc -w) days name files of the output"
