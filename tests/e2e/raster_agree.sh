#!/bin/sh
# raster_agree.sh OUT FACTIONS_JSON
# Raster and vector agree at known places: for each city, on the day before and the day after it changed
# hands, the PNG tile pixel over it (z8 and z10, 256 px, and the @2x tile at z10) is exactly the fill colour
# (styles/factions.json) of the faction whose polygon in control.gpkg holds the point — asked with GDAL's
# own SQLite dialect (ST_Intersects), an independent reader. Pixels are read back with libvips (vips getpoint).
set -u
out=$1; factions=$2
gpkg="$out/control.gpkg"
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# holder DATE LAT LON -> the faction(s) whose control polygon contains the point on that date
holder() {
    ogrinfo -ro -q "$gpkg" -dialect SQLite -sql \
        "SELECT faction FROM control WHERE date = '$1' AND ST_Intersects(geom, MakePoint($3, $2, 4326)) ORDER BY faction" 2>&1 |
        sed -n 's/^ *faction (String) = //p' | tr '\n' ' ' | sed 's/ $//'
}
# fill FACTION -> "r g b 255"
fill() {
    hex=$(jq -r --arg id "$1" '.factions[] | select(.id == $id) | .fill' "$factions")
    printf '%d %d %d 255\n' "0x$(echo "$hex" | cut -c2-3)" "0x$(echo "$hex" | cut -c4-5)" "0x$(echo "$hex" | cut -c6-7)"
}
# tile Z LAT LON SIZE -> "x y px py": the XYZ tile and the pixel in it (tiles of SIZE pixels)
tile() {
    awk -v z="$1" -v lat="$2" -v lon="$3" -v size="$4" 'BEGIN {
        pi = atan2(0, -1); n = 2 ^ z; r = lat * pi / 180
        fx = (lon + 180) / 360 * n
        fy = (1 - log(sin(r) / cos(r) + 1 / cos(r)) / pi) / 2 * n
        x = int(fx); y = int(fy)
        printf "%d %d %d %d\n", x, y, int((fx - x) * size), int((fy - y) * size)
    }'
}
# pixel DATE Z LAT LON SUFFIX SIZE -> "r g b a" of the tile pixel over the point
pixel() {
    set -- "$1" "$2" "$3" "$4" "$5" "$6" $(tile "$2" "$3" "$4" "$6")
    file="$out/raster/$1/$2/$7/$8$5.png"
    [ -f "$file" ] || { echo "missing $file"; return; }
    vips getpoint "$file" "$9" "${10}" 2>&1 | sed 's/ *$//'
}

# check NAME LAT LON BEFORE AFTER: the city changed hands between the two days
check() {
    name=$1; lat=$2; lon=$3
    before=$(holder "$4" "$lat" "$lon"); after=$(holder "$5" "$lat" "$lon")
    [ -n "$before" ] && [ -n "$after" ] && [ "$before" != "$after" ] ||
        fail "$name: the GeoPackage does not show a change of hands between $4 ('$before') and $5 ('$after')"
    for date in "$4" "$5"; do
        faction=$(holder "$date" "$lat" "$lon")
        case "$faction" in *" "*|"") fail "$name on $date: held by '$faction' (expected exactly one faction)"; continue ;; esac
        want=$(fill "$faction")
        for zoom in "8  256" "10  256" "10 @2x 512"; do
            set -- $zoom
            if [ $# -eq 2 ]; then suffix=""; size=$2; else suffix=$2; size=$3; fi
            got=$(pixel "$date" "$1" "$lat" "$lon" "$suffix" "$size")
            if [ "$got" = "$want" ]; then echo "ok: $name ($lat N $lon E) on $date, z$1$suffix: $faction ($got)"
            else fail "$name ($lat N $lon E) on $date, z$1$suffix: pixel '$got', expected $faction's fill '$want'"; fi
        done
    done
}

check "Aleppo"      36.2021 37.1343 2024-11-29 2024-11-30
check "Hama"        35.134  36.758  2024-12-04 2024-12-05
check "Homs"        34.727  36.724  2024-12-07 2024-12-08
check "Damascus"    33.513  36.292  2024-12-07 2024-12-08
check "Deir ez-Zor" 35.336  40.141  2024-12-05 2024-12-06

[ "$failures" -eq 0 ] || { echo "$failures failure(s)" >&2; exit 1; }
echo "raster and vector agree"
