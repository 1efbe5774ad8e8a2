#!/usr/bin/env bash
# web_js_setup.sh JSDIR: after archive_js_install (npm ci into JSDIR, which skips install scripts), compiles the
# sqlite3 module that tileserver-gl-light needs (`npm rebuild sqlite3`, a few minutes the first time).
# Exit 77 = skipped when TILER_SKIP_JS=1.
set -euo pipefail
js=$1
if [ "${TILER_SKIP_JS:-0}" = 1 ]; then echo "TILER_SKIP_JS=1: JavaScript checks skipped"; exit 77; fi
[ -d "$js/node_modules/tileserver-gl-light" ] || { echo "FAIL: $js/node_modules/tileserver-gl-light missing (archive_js_install)"; exit 1; }
cd "$js"
if node -e "require('sqlite3')" 2>/dev/null; then echo "sqlite3 module ready"; exit 0; fi
echo "compiling sqlite3 for tileserver-gl-light (npm rebuild sqlite3)"
npm rebuild sqlite3 --no-audit --no-fund --loglevel=error
node -e "require('sqlite3')"
echo "sqlite3 module ready"
