#!/usr/bin/env bash
# tiler benchmarks, one run on the real sources/: the engine, our vector stage vs GDAL's ogr2ogr -f MBTiles,
# and the raster comparison (bench/raster_*.sh, when it exists). Prints one table; writes bench/out/results.txt.
#
#   bench/run.sh [--quick] [--repeat N] [--minzoom Z] [--maxzoom Z] [--jobs N]
#
#   --quick      engine repeated 2x, vector zooms 0-10 (default: 5x, zooms 0-12)
#   --repeat N   engine repetitions (median and min are reported)
#   --minzoom/--maxzoom   vector zoom range, the same for tiler and GDAL
#   --jobs N     threads for our vector stage (default: two runs, 1 and 2 threads)
# Environment: BENCH_BUILD_DIR (default build-bench; configured in Release if missing).
# Not part of ctest: the numbers depend on the machine; nothing here asserts a time.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BENCH_BUILD_DIR:-$root/build-bench}
out=$root/bench/out
quick=0
repeat=5
minzoom=0
maxzoom=12
jobs_list="1 2"
zoom_set=0
repeat_set=0
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --repeat) repeat=$2; repeat_set=1; shift ;;
    --minzoom) minzoom=$2; shift ;;
    --maxzoom) maxzoom=$2; zoom_set=1; shift ;;
    --jobs) jobs_list=$2; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
if [ "$quick" = 1 ]; then
  [ "$repeat_set" = 1 ] || repeat=2
  [ "$zoom_set" = 1 ] || maxzoom=10
fi

for tool in cmake ninja ogr2ogr sqlite3; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is required (bash .ci/setup installs it)" >&2; exit 1; }
done
log() { echo "== $*" >&2; }

# --- build (Release) --------------------------------------------------------------------------------
if [ ! -f "$build/CMakeCache.txt" ]; then
  log "configuring $build (Release)"
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DTILER_BENCH=ON >/dev/null
fi
build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$build/CMakeCache.txt")
[ "$build_type" = Release ] || log "warning: $build is a '$build_type' build, not Release"
log "building tiler, bench_stages, measure in $build"
cmake --build "$build" -j2 --target tiler bench_stages measure >/dev/null
tiler=$build/tiler/tiler
stages=$build/bench/bench_stages
measure=$build/bench/measure

load_start=$(cut -d' ' -f1-3 /proc/loadavg)   # other work on the machine skews wall times (cpu s less so)
rm -rf "$out/tiler-output" "$out/ours" "$out/gdal" "$out/reports"
mkdir -p "$out/ours" "$out/gdal" "$out/reports"
cd "$root"

val() { awk -v k="$2" '$1 == k { print $2 }' "$1" | tail -n 1; }   # value of key $2 in report file $1
add() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.6f", a + b }'; }
count_tiles() { sqlite3 "$1" "SELECT count(*) FROM tiles"; }

# --- tiler build (the whole CLI; gives control.gpkg) ------------------------------------------------
log "tiler build on sources/"
"$measure" "$out/reports/build.txt" "$tiler" build --sources sources --styles styles --out "$out/tiler-output" --quiet
gpkg=$out/tiler-output/control.gpkg
[ -f "$gpkg" ] || { echo "run.sh: tiler build wrote no $gpkg" >&2; exit 1; }
dates=$(sqlite3 "$gpkg" "SELECT DISTINCT date FROM control ORDER BY date")
ndays=$(echo "$dates" | wc -l)

# --- 1. engine --------------------------------------------------------------------------------------
log "engine: load_sources + build_timeline, $repeat runs"
"$measure" "$out/reports/engine.txt" "$stages" engine --sources sources --styles styles --repeat "$repeat" \
  >>"$out/reports/engine.txt"

# --- 2. vector: tiler -------------------------------------------------------------------------------
# Each result is a report file with: label, wall_s, cpu_s, tiles, peak_kb, bytes.
results=()
for j in $jobs_list; do
  log "vector (tiler): zooms $minzoom-$maxzoom, jobs $j"
  rep=$out/reports/vector-j$j.txt
  rm -rf "$out/ours/j$j"
  "$measure" "$rep" "$stages" vector --sources sources --styles styles --out "$out/ours/j$j" \
    --minzoom "$minzoom" --maxzoom "$maxzoom" --jobs "$j" >>"$rep"
  tiles=0; bytes=0
  for d in $dates; do
    tiles=$((tiles + $(count_tiles "$out/ours/j$j/$d.mbtiles")))
    bytes=$((bytes + $(stat -c %s "$out/ours/j$j/$d.mbtiles")))
  done
  sum=$out/reports/sum-tiler-j$j.txt
  { echo "label tiler_z$minzoom-${maxzoom}_jobs_$j"; echo "wall_s $(val "$rep" vector.stage_s)"
    echo "cpu_s $(val "$rep" vector.stage_cpu_s)"; echo "tiles $tiles"
    echo "peak_kb $(val "$rep" vector.stage_peak_rss_kb)"; echo "bytes $bytes"; } >"$sum"
  results+=("$sum")
done

# --- 2. vector: GDAL --------------------------------------------------------------------------------
# "control": the control layer of each day (the polygons). "3 layers": control + changes + frontlines of
# each day through an OGR VRT, closer to what our tiles hold (we also write boundaries and places).
write_vrt() {   # $1 = date, $2 = file
  cat >"$2" <<EOF
<OGRVRTDataSource>
  <OGRVRTLayer name="control"><SrcDataSource>$gpkg</SrcDataSource>
    <SrcSQL>SELECT faction, name, area_km2, geom FROM control WHERE date = '$1'</SrcSQL></OGRVRTLayer>
  <OGRVRTLayer name="changes"><SrcDataSource>$gpkg</SrcDataSource>
    <SrcSQL>SELECT "from", "to", area_km2, geom FROM changes WHERE date = '$1'</SrcSQL></OGRVRTLayer>
  <OGRVRTLayer name="frontlines"><SrcDataSource>$gpkg</SrcDataSource>
    <SrcSQL>SELECT a, b, geom FROM frontlines WHERE date = '$1'</SrcSQL></OGRVRTLayer>
</OGRVRTDataSource>
EOF
}
for variant in control 3layers; do
  log "vector (GDAL ogr2ogr -f MBTiles, $variant): $ndays days, zooms $minzoom-$maxzoom"
  mkdir -p "$out/gdal/$variant"
  wall=0; cpu=0; peak=0; tiles=0; bytes=0
  for d in $dates; do
    rep=$out/reports/gdal-$variant-$d.txt
    dst=$out/gdal/$variant/$d.mbtiles
    if [ "$variant" = control ]; then
      src=("$gpkg" -sql "SELECT faction, name, area_km2, geom FROM control WHERE date = '$d'" -nln control)
    else
      write_vrt "$d" "$out/gdal/$variant/$d.vrt"
      src=("$out/gdal/$variant/$d.vrt")
    fi
    "$measure" "$rep" ogr2ogr -f MBTiles "$dst" "${src[@]}" -dsco MINZOOM="$minzoom" -dsco MAXZOOM="$maxzoom" \
      >"$out/reports/gdal-$variant-$d.log" 2>&1 \
      || { echo "run.sh: ogr2ogr failed for $d (see $out/reports/gdal-$variant-$d.log)" >&2; exit 1; }
    wall=$(add "$wall" "$(val "$rep" wall_s)")
    cpu=$(add "$cpu" "$(val "$rep" cpu_s)")
    rss=$(val "$rep" maxrss_kb); [ "$rss" -gt "$peak" ] && peak=$rss
    tiles=$((tiles + $(count_tiles "$dst")))
    bytes=$((bytes + $(stat -c %s "$dst")))
  done
  sum=$out/reports/sum-gdal-$variant.txt
  { echo "label gdal_${variant}_z$minzoom-$maxzoom"; echo "wall_s $wall"; echo "cpu_s $cpu"; echo "tiles $tiles"
    echo "peak_kb $peak"; echo "bytes $bytes"; } >"$sum"
  results+=("$sum")
done

# --- 3. raster (the raster engineer's script, if it exists; its own table is included as printed) -----
# Its interface: raster_bench.sh [BUILD_DIR] [maxzoom=10] [jobs=2]; --quick passes maxzoom 8.
raster_script=$(ls "$root"/bench/raster_*.sh 2>/dev/null | head -n 1 || true)
if [ -n "$raster_script" ]; then
  log "raster: $raster_script"
  rargs=("$build"); [ "$quick" = 1 ] && rargs+=(8)
  if raster_rows=$(bash "$raster_script" "${rargs[@]}" 2>"$out/reports/raster.log"); then :
  else
    raster_rows="raster: $raster_script failed (see bench/out/reports/raster.log)"
  fi
else
  raster_rows="raster: comparison not available yet (no bench/raster_*.sh)"
fi

# --- table ------------------------------------------------------------------------------------------
E=$out/reports/engine.txt; B=$out/reports/build.txt; V1=$out/reports/vector-j${jobs_list%% *}.txt
s3() { awk -v x="$1" 'BEGIN { printf "%.3f", x }'; }
mb() { awk -v x="$1" 'BEGIN { printf "%.1f", x / 1048576 }'; }
kb_mb() { awk -v x="$1" 'BEGIN { printf "%.0f", x / 1024 }'; }
row() { printf '%-40s %8s %8s %8s %8s %7s %8s %7s\n' "$@"; }
{
  echo "tiler benchmarks  $(date -u +%Y-%m-%dT%H:%MZ)  $(nproc) cores  load avg at start $load_start, end $(cut -d' ' -f1-3 /proc/loadavg)  commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')$( [ "$quick" = 1 ] && echo '  --quick')"
  printf 'input: sources/ (%d places, %d events, %d days)\n\n' "$(val "$E" engine.places)" "$(val "$E" engine.events)" "$(val "$E" engine.days)"
  row "stage" "wall s" "min s" "cpu s" "peak MB" "tiles" "tiles/s" "MB"
  row "tiler build (CLI, whole run)" "$(s3 "$(val "$B" wall_s)")" "" "$(s3 "$(val "$B" cpu_s)")" "$(kb_mb "$(val "$B" maxrss_kb)")" "" "" "$(mb "$(du -sb "$out/tiler-output" | cut -f1)")"
  row "engine load_sources (median of $repeat)" "$(s3 "$(val "$E" engine.load_sources.median_s)")" "$(s3 "$(val "$E" engine.load_sources.min_s)")" "$(s3 "$(val "$E" engine.load_sources.cpu_median_s)")" "" "" "" ""
  row "engine build_timeline (median of $repeat)" "$(s3 "$(val "$E" engine.build_timeline.median_s)")" "$(s3 "$(val "$E" engine.build_timeline.min_s)")" "$(s3 "$(val "$E" engine.build_timeline.cpu_median_s)")" "" "" "" ""
  row "engine total (target < 2 s)" "$(s3 "$(val "$E" engine.total.median_s)")" "$(s3 "$(val "$E" engine.total.min_s)")" "$(s3 "$(val "$E" engine.total.cpu_median_s)")" "$(kb_mb "$(val "$E" engine.peak_rss_kb)")" "" "" ""
  for r in "${results[@]}"; do
    row "vector $(val "$r" label)" "$(s3 "$(val "$r" wall_s)")" "" "$(s3 "$(val "$r" cpu_s)")" "$(kb_mb "$(val "$r" peak_kb)")" \
      "$(val "$r" tiles)" "$(awk -v n="$(val "$r" tiles)" -v s="$(val "$r" wall_s)" 'BEGIN { printf "%.0f", n / s }')" "$(mb "$(val "$r" bytes)")"
  done
  echo
  for o in "${results[@]}"; do
    case "$(val "$o" label)" in tiler*) ;; *) continue ;; esac
    for g in "${results[@]}"; do
      case "$(val "$g" label)" in gdal*) ;; *) continue ;; esac
      awk -v ol="$(val "$o" label)" -v gl="$(val "$g" label)" -v ow="$(val "$o" wall_s)" -v gw="$(val "$g" wall_s)" \
          -v oc="$(val "$o" cpu_s)" -v gc="$(val "$g" cpu_s)" -v ot="$(val "$o" tiles)" -v gt="$(val "$g" tiles)" \
          -v ob="$(val "$o" bytes)" -v gb="$(val "$g" bytes)" -v op="$(val "$o" peak_kb)" -v gp="$(val "$g" peak_kb)" 'BEGIN {
        printf "ratio %s vs %s: %.1fx faster wall (aim >= 10x), %.1fx less CPU, %.1fx tiles/s, bytes %.2fx, peak MB %.2fx\n",
               ol, gl, gw / ow, gc / oc, (ot / ow) / (gt / gw), ob / gb, op / gp }'
    done
  done
  echo
  echo "notes: tiler vector = build_vector_tiles + write_mbtiles of all $ndays days in one process, timed in-process"
  echo "  (sources+timeline excluded); 5 layers (control, changes, frontlines, boundaries, places), day-to-day reuse;"
  echo "  peak = VmHWM of the stage (reset before it; $(kb_mb "$(val "$V1" vector.rss_before_stage_kb)") MB of it already held by sources+timeline;"
  echo "  whole process $(kb_mb "$(val "$V1" maxrss_kb)") MB). Split (jobs ${jobs_list%% *}): build_vector_tiles $(s3 "$(val "$V1" vector.build_s)") s, write_mbtiles $(s3 "$(val "$V1" vector.write_s)") s."
  echo "  Tiles encoded $(val "$V1" vector.encoded), reused $(val "$V1" vector.reused), solid $(val "$V1" vector.solid), distinct $(val "$V1" vector.unique)."
  echo "  GDAL = one ogr2ogr per day reading control.gpkg (control: polygons only; 3layers: + changes + frontlines, via VRT);"
  echo "  wall and CPU summed over days (process start and gpkg read included), peak = max over days."
  echo "  tiles = rows of each MBTiles' 'tiles' table, summed over days. cpu s = user + system, all threads."
  echo
  echo "$raster_rows"
} | tee "$out/results.txt"
