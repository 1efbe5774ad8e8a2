# End-to-end checks of the archive writers with independent readers: the sqlite3 CLI (MBTiles), the `pmtiles`
# npm package (PMTiles) and the official MapLibre style validator. archive_fixture writes a synthetic day in
# every form; the npm packages of tests/js are installed into the build directory, never the repository.
# Without node/npm the JS tests FAIL, unless the environment has TILER_SKIP_JS=1 (then they are skipped).
set(ARCHIVE_E2E ${CMAKE_CURRENT_LIST_DIR})
set(ARCHIVE_OUT ${CMAKE_CURRENT_BINARY_DIR}/archive_fixture_out)
set(ARCHIVE_JS ${CMAKE_CURRENT_BINARY_DIR}/js)
set(ARCHIVE_FACTIONS ${PROJECT_SOURCE_DIR}/styles/factions.json)

add_executable(archive_fixture ${ARCHIVE_E2E}/archive_fixture.cpp)
target_link_libraries(archive_fixture PRIVATE tiler_core)
target_compile_options(archive_fixture PRIVATE -Wall -Wextra)

add_test(NAME archive_fixture COMMAND archive_fixture ${ARCHIVE_FACTIONS} ${ARCHIVE_OUT})
set_tests_properties(archive_fixture PROPERTIES FIXTURES_SETUP archive_files)

add_test(NAME archive_deterministic
         COMMAND bash ${ARCHIVE_E2E}/archive_deterministic.sh $<TARGET_FILE:archive_fixture> ${ARCHIVE_FACTIONS}
                 ${ARCHIVE_OUT} ${ARCHIVE_OUT}-again)

add_test(NAME archive_mbtiles_vector
         COMMAND bash ${ARCHIVE_E2E}/archive_mbtiles_check.sh ${ARCHIVE_OUT}/tiles/fixture.mbtiles
                 ${ARCHIVE_OUT}/tiles/fixture mvt)
add_test(NAME archive_mbtiles_raster
         COMMAND bash ${ARCHIVE_E2E}/archive_mbtiles_check.sh ${ARCHIVE_OUT}/raster/fixture.mbtiles
                 ${ARCHIVE_OUT}/raster/fixture png)

add_test(NAME archive_js_install COMMAND bash ${ARCHIVE_E2E}/archive_js_install.sh ${PROJECT_SOURCE_DIR}/tests/js ${ARCHIVE_JS})
set_tests_properties(archive_js_install PROPERTIES FIXTURES_SETUP archive_js SKIP_RETURN_CODE 77 TIMEOUT 300)

set(ARCHIVE_JS_RUN bash ${ARCHIVE_E2E}/archive_js_run.sh ${ARCHIVE_JS})
add_test(NAME archive_pmtiles_vector
         COMMAND ${ARCHIVE_JS_RUN} ${ARCHIVE_E2E}/archive_pmtiles_check.mjs ${ARCHIVE_OUT}/tiles/fixture.pmtiles
                 ${ARCHIVE_OUT}/tiles/fixture mvt)
add_test(NAME archive_pmtiles_vector_leaves
         COMMAND ${ARCHIVE_JS_RUN} ${ARCHIVE_E2E}/archive_pmtiles_check.mjs ${ARCHIVE_OUT}/tiles/fixture-leaves.pmtiles
                 ${ARCHIVE_OUT}/tiles/fixture mvt --expect-leaves)
add_test(NAME archive_pmtiles_raster
         COMMAND ${ARCHIVE_JS_RUN} ${ARCHIVE_E2E}/archive_pmtiles_check.mjs ${ARCHIVE_OUT}/raster/fixture.pmtiles
                 ${ARCHIVE_OUT}/raster/fixture png)
add_test(NAME archive_style_validate
         COMMAND ${ARCHIVE_JS_RUN} ${ARCHIVE_JS}/node_modules/@maplibre/maplibre-gl-style-spec/dist/gl-style-validate.mjs
                 ${ARCHIVE_OUT}/tiles/fixture.style.json ${ARCHIVE_OUT}/tiles/fixture.labels.style.json)

set_tests_properties(archive_deterministic archive_mbtiles_vector archive_mbtiles_raster
                     PROPERTIES FIXTURES_REQUIRED archive_files)
set_tests_properties(archive_pmtiles_vector archive_pmtiles_vector_leaves archive_pmtiles_raster archive_style_validate
                     PROPERTIES FIXTURES_REQUIRED "archive_files;archive_js" SKIP_RETURN_CODE 77)
