#!/usr/bin/env bash
# Runs a JavaScript check with the packages installed in <build js dir>. A script from the source tree is
# copied there first, so its `import`s resolve to <build js dir>/node_modules. Exit 77 = skipped when
# TILER_SKIP_JS=1; otherwise a missing node or a missing install is a failure.
#   archive_js_run.sh <build js dir> <script> [args...]
set -euo pipefail
dst=$1 script=$2; shift 2
if [ "${TILER_SKIP_JS:-0}" = 1 ]; then echo "TILER_SKIP_JS=1: JavaScript checks skipped"; exit 77; fi
command -v node >/dev/null || { echo "FAIL: node not found (or set TILER_SKIP_JS=1)"; exit 1; }
[ -d "$dst/node_modules" ] || { echo "FAIL: $dst/node_modules missing: the archive_js_install test did not run"; exit 1; }
case "$script" in
  "$dst"/*) ;;
  *) cp "$script" "$dst/"; script="$dst/$(basename "$script")" ;;
esac
exec node "$script" "$@"
