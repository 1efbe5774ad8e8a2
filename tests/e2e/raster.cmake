# End-to-end checks of the raster stage of `tiler build` on the REAL sources (label `real`, slow: the whole
# country, every day): one build into the build directory (fixture raster_real), then independent readers —
# GDAL's SQLite dialect against the PNG pixels (raster and vector agree at known places), libvips (GIF pages,
# delays, loop, size; maps), jq (index.json, TileJSON), the sqlite3 CLI (MBTiles) and the `pmtiles` npm
# package (PMTiles). The MBTiles/PMTiles checks are the archive tests' own scripts (archives.cmake).
find_program(TILER_VIPSHEADER vipsheader REQUIRED)
find_program(TILER_JQ jq REQUIRED)
set(RASTER_E2E ${CMAKE_CURRENT_LIST_DIR})
set(RASTER_REAL_OUT ${CMAKE_CURRENT_BINARY_DIR}/raster_real_out)
set(RASTER_REAL_DAYS 14)

add_test(NAME e2e_raster_build_real
         COMMAND $<TARGET_FILE:tiler> build --quiet --sources ${PROJECT_SOURCE_DIR}/sources
                 --styles ${PROJECT_SOURCE_DIR}/styles --out ${RASTER_REAL_OUT})
set_tests_properties(e2e_raster_build_real PROPERTIES FIXTURES_SETUP raster_real TIMEOUT 900)

add_test(NAME e2e_raster_vector_agree
         COMMAND sh ${RASTER_E2E}/raster_agree.sh ${RASTER_REAL_OUT} ${PROJECT_SOURCE_DIR}/styles/factions.json)
add_test(NAME e2e_raster_outputs COMMAND sh ${RASTER_E2E}/raster_outputs.sh ${RASTER_REAL_OUT} ${RASTER_REAL_DAYS})
# The first day (everything rendered) and the last (mostly tiles reused from the days before).
add_test(NAME e2e_raster_mbtiles_first
         COMMAND bash ${RASTER_E2E}/archive_mbtiles_check.sh ${RASTER_REAL_OUT}/raster/2024-11-26.mbtiles
                 ${RASTER_REAL_OUT}/raster/2024-11-26 png)
add_test(NAME e2e_raster_mbtiles_last
         COMMAND bash ${RASTER_E2E}/archive_mbtiles_check.sh ${RASTER_REAL_OUT}/raster/2024-12-09.mbtiles
                 ${RASTER_REAL_OUT}/raster/2024-12-09 png)
set_tests_properties(e2e_raster_vector_agree e2e_raster_outputs e2e_raster_mbtiles_first e2e_raster_mbtiles_last
                     PROPERTIES FIXTURES_REQUIRED raster_real)

# PMTiles with the npm package installed by archives.cmake's archive_js_install (fixture archive_js).
add_test(NAME e2e_raster_pmtiles_first
         COMMAND bash ${RASTER_E2E}/archive_js_run.sh ${CMAKE_CURRENT_BINARY_DIR}/js ${RASTER_E2E}/archive_pmtiles_check.mjs
                 ${RASTER_REAL_OUT}/raster/2024-11-26.pmtiles ${RASTER_REAL_OUT}/raster/2024-11-26 png)
add_test(NAME e2e_raster_pmtiles_last
         COMMAND bash ${RASTER_E2E}/archive_js_run.sh ${CMAKE_CURRENT_BINARY_DIR}/js ${RASTER_E2E}/archive_pmtiles_check.mjs
                 ${RASTER_REAL_OUT}/raster/2024-12-09.pmtiles ${RASTER_REAL_OUT}/raster/2024-12-09 png)
set_tests_properties(e2e_raster_pmtiles_first e2e_raster_pmtiles_last
                     PROPERTIES FIXTURES_REQUIRED "raster_real;archive_js" SKIP_RETURN_CODE 77)

set_tests_properties(e2e_raster_build_real e2e_raster_vector_agree e2e_raster_outputs e2e_raster_mbtiles_first
                     e2e_raster_mbtiles_last e2e_raster_pmtiles_first e2e_raster_pmtiles_last
                     PROPERTIES LABELS "e2e;real;raster")
