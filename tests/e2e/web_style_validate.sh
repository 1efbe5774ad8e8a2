#!/usr/bin/env bash
# web_style_validate.sh JSDIR E2EDIR OUT: every day's MapLibre style through the official style validator.
set -uo pipefail
js=$1 e2e=$2 out=$3
styles=("$out"/tiles/*.style.json)
[ "${#styles[@]}" = 14 ] || { echo "FAIL: ${#styles[@]} styles, expected 14"; exit 1; }
bash "$e2e/archive_js_run.sh" "$js" "$js/node_modules/@maplibre/maplibre-gl-style-spec/dist/gl-style-validate.mjs" "${styles[@]}"
