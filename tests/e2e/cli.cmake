# End-to-end tests of the `tiler` command line: exit codes, bad input leaving --out untouched, a full build
# checked with GDAL's own reader (ogrinfo), and the real sources with spot checks.
find_program(TILER_OGRINFO ogrinfo REQUIRED)
set(TILER_E2E_DIR ${CMAKE_CURRENT_LIST_DIR})
set(TILER_CLI_SOURCES ${PROJECT_SOURCE_DIR}/tests/data/cli_sources)
set(TILER_CLI_STYLES ${PROJECT_SOURCE_DIR}/tests/data/cli_styles)

# (a) usage
add_test(NAME e2e_cli_help COMMAND sh ${TILER_E2E_DIR}/expect_exit.sh 0 "^Usage: tiler .*<command>" $<TARGET_FILE:tiler> --help)
add_test(NAME e2e_cli_build_help COMMAND sh ${TILER_E2E_DIR}/expect_exit.sh 0 "--jobs N" $<TARGET_FILE:tiler> build --help)
add_test(NAME e2e_cli_check_help COMMAND sh ${TILER_E2E_DIR}/expect_exit.sh 0 "--styles DIR" $<TARGET_FILE:tiler> check -h)
add_test(NAME e2e_cli_version COMMAND sh ${TILER_E2E_DIR}/expect_exit.sh 0 "^tiler [0-9]+\\.[0-9]+" $<TARGET_FILE:tiler> --version)
add_test(NAME e2e_cli_unknown_option
         COMMAND sh ${TILER_E2E_DIR}/expect_exit.sh 2 "^tiler: unknown option '--bogus'.*tiler build --help" $<TARGET_FILE:tiler> build --bogus)
add_test(NAME e2e_cli_unknown_command
         COMMAND sh ${TILER_E2E_DIR}/expect_exit.sh 2 "^tiler: unknown command 'frobnicate'" $<TARGET_FILE:tiler> frobnicate)
add_test(NAME e2e_cli_no_command COMMAND sh ${TILER_E2E_DIR}/expect_exit.sh 2 "^tiler: no command" $<TARGET_FILE:tiler>)
add_test(NAME e2e_cli_bad_jobs
         COMMAND sh ${TILER_E2E_DIR}/expect_exit.sh 2 "^tiler: option --jobs: 'many'" $<TARGET_FILE:tiler> build --jobs many)
add_test(NAME e2e_cli_missing_sources
         COMMAND sh ${TILER_E2E_DIR}/expect_exit.sh 2 "^tiler: .*no-such-dir" $<TARGET_FILE:tiler> check --sources ${CMAKE_CURRENT_BINARY_DIR}/no-such-dir --styles ${TILER_CLI_STYLES})
# a failure while running (the output's parent is a file): exit 1
add_test(NAME e2e_cli_unwritable_out
         COMMAND sh ${TILER_E2E_DIR}/expect_exit.sh 1 "^tiler: .*/dev/null" $<TARGET_FILE:tiler> build --quiet --sources ${TILER_CLI_SOURCES} --styles ${TILER_CLI_STYLES} --out /dev/null/out)

# (b) bad input: exit 2, file:line on stderr, --out untouched
add_test(NAME e2e_cli_bad_input COMMAND sh ${TILER_E2E_DIR}/bad_input.sh $<TARGET_FILE:tiler> ${TILER_CLI_SOURCES} ${TILER_CLI_STYLES})

# (c) a full build of the fixture: 3 days x 3 factions = 9 control features
add_test(NAME e2e_cli_check_fixture
         COMMAND sh ${TILER_E2E_DIR}/expect_exit.sh 0 "sources OK" $<TARGET_FILE:tiler> check --sources ${TILER_CLI_SOURCES} --styles ${TILER_CLI_STYLES})
add_test(NAME e2e_cli_build_fixture
         COMMAND sh ${TILER_E2E_DIR}/build_fixture.sh $<TARGET_FILE:tiler> ${TILER_CLI_SOURCES} ${TILER_CLI_STYLES} 9 3)
# --base-url (where the output folder is served): every TileJSON/style URL is absolute and names a file of the output
add_test(NAME e2e_cli_base_url
         COMMAND sh ${TILER_E2E_DIR}/base_url.sh $<TARGET_FILE:tiler> ${TILER_CLI_SOURCES} ${TILER_CLI_STYLES})

# (d) the real sources (slow: the whole country); label `real` so it can be selected or skipped
add_test(NAME e2e_build_real_sources
         COMMAND sh ${TILER_E2E_DIR}/real_sources.sh $<TARGET_FILE:tiler> ${PROJECT_SOURCE_DIR}/sources ${PROJECT_SOURCE_DIR}/styles)
set_tests_properties(e2e_build_real_sources PROPERTIES LABELS "e2e;real" TIMEOUT 900)
set_tests_properties(e2e_cli_help e2e_cli_build_help e2e_cli_check_help e2e_cli_version e2e_cli_unknown_option
                     e2e_cli_unknown_command e2e_cli_no_command e2e_cli_bad_jobs e2e_cli_missing_sources e2e_cli_unwritable_out
                     e2e_cli_bad_input e2e_cli_check_fixture e2e_cli_build_fixture e2e_cli_base_url PROPERTIES LABELS "e2e")
