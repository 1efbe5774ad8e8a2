# End-to-end checks of the web outputs of a real-sources `tiler build --tile-dirs` (built once, fixture web_out):
#   web_tiles_decode   every tile of every day's tree: the strict decoder (tests/support/mvt_decoder.hpp) and
#                      GDAL's MVT driver, zero violations; every MBTiles row = the tree's tile after the TMS flip;
#                      the MBTiles 1.3 metadata (read with the SQLite C API)
#   web_pmtiles_read   every day's PMTiles read back with the `pmtiles` npm package against the tree
#   web_style_validate every day's MapLibre style with the official validator
#   web_tileserver     tileserver-gl-light on 127.0.0.1 serves one day's MBTiles and PMTiles: TileJSON and tile bytes
#   web_browser        Debian's chromium (playwright-core) opens output/viewer/ from a static server on 127.0.0.1:
#                      for two days the pixel colour at Aleppo and Hama is the style's faction fill
#   web_browser_norange the same with a server that ignores Range (like `python3 -m http.server`)
# The npm packages of tests/js are installed into the build directory (archive_js_install; web_js_setup compiles
# sqlite3 for tileserver-gl-light). Without node/npm the JS tests FAIL unless TILER_SKIP_JS=1; without chromium the
# browser test FAILS unless TILER_SKIP_BROWSER=1 (skipped tests exit 77).
set(WEB_E2E ${CMAKE_CURRENT_LIST_DIR})
set(WEB_OUT ${CMAKE_CURRENT_BINARY_DIR}/web_out)
set(WEB_JS ${CMAKE_CURRENT_BINARY_DIR}/js)   # the same directory archives.cmake installs into
set(WEB_ARTIFACTS ${CMAKE_CURRENT_BINARY_DIR}/web_artifacts)
set(WEB_DAY 2024-12-05)

add_executable(web_tiles_check ${WEB_E2E}/web_tiles_check.cpp ${PROJECT_SOURCE_DIR}/tests/support/mvt_decoder.cpp)
target_link_libraries(web_tiles_check PRIVATE tiler_core)
target_compile_options(web_tiles_check PRIVATE -Wall -Wextra)

add_test(NAME web_build
         COMMAND bash ${WEB_E2E}/web_build.sh $<TARGET_FILE:tiler> ${PROJECT_SOURCE_DIR}/sources ${PROJECT_SOURCE_DIR}/styles ${WEB_OUT})
set_tests_properties(web_build PROPERTIES FIXTURES_SETUP web_out TIMEOUT 600)
add_test(NAME web_cleanup COMMAND ${CMAKE_COMMAND} -E rm -rf ${WEB_OUT})
set_tests_properties(web_cleanup PROPERTIES FIXTURES_CLEANUP web_out)

add_test(NAME web_tiles_decode COMMAND web_tiles_check ${WEB_OUT})
set_tests_properties(web_tiles_decode PROPERTIES TIMEOUT 900)

set(WEB_JS_RUN bash ${WEB_E2E}/archive_js_run.sh ${WEB_JS})
add_test(NAME web_pmtiles_read COMMAND bash ${WEB_E2E}/web_pmtiles_all.sh ${WEB_JS} ${WEB_E2E} ${WEB_OUT})
add_test(NAME web_style_validate COMMAND bash ${WEB_E2E}/web_style_validate.sh ${WEB_JS} ${WEB_E2E} ${WEB_OUT})

add_test(NAME web_js_setup COMMAND bash ${WEB_E2E}/web_js_setup.sh ${WEB_JS})
set_tests_properties(web_js_setup PROPERTIES FIXTURES_REQUIRED archive_js FIXTURES_SETUP web_js SKIP_RETURN_CODE 77
                     TIMEOUT 1200)
add_test(NAME web_tileserver
         COMMAND ${WEB_JS_RUN} ${WEB_E2E}/web_tileserver.mjs ${WEB_OUT} ${WEB_DAY})
add_test(NAME web_browser
         COMMAND ${WEB_JS_RUN} ${WEB_E2E}/web_browser.mjs ${WEB_OUT} ${WEB_ARTIFACTS})

set_tests_properties(web_tiles_decode PROPERTIES FIXTURES_REQUIRED web_out LABELS "e2e;real;web")
set_tests_properties(web_pmtiles_read web_style_validate
                     PROPERTIES FIXTURES_REQUIRED "web_out;archive_js" SKIP_RETURN_CODE 77 LABELS "e2e;real;web" TIMEOUT 300)
set_tests_properties(web_tileserver PROPERTIES FIXTURES_REQUIRED "web_out;web_js" SKIP_RETURN_CODE 77
                     LABELS "e2e;real;web" TIMEOUT 180)
add_test(NAME web_browser_norange
         COMMAND ${WEB_JS_RUN} ${WEB_E2E}/web_browser.mjs ${WEB_OUT} ${WEB_ARTIFACTS} norange)
set_tests_properties(web_browser web_browser_norange PROPERTIES FIXTURES_REQUIRED "web_out;archive_js" SKIP_RETURN_CODE 77
                     LABELS "e2e;real;web" TIMEOUT 300)
set_tests_properties(web_build web_cleanup web_js_setup PROPERTIES LABELS "e2e;real;web")
