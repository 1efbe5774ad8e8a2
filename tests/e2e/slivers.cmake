# Likely slivers (tiler/territory/slivers.hpp) are warnings: a fixture with one gets them from `tiler check` and
# `tiler build` with exit code 0, and the real sources have none.
add_test(NAME e2e_slivers
         COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/slivers.sh $<TARGET_FILE:tiler>
                 ${PROJECT_SOURCE_DIR}/tests/data/cli_sources ${PROJECT_SOURCE_DIR}/tests/data/cli_styles
                 ${PROJECT_SOURCE_DIR}/sources ${PROJECT_SOURCE_DIR}/styles)
set_tests_properties(e2e_slivers PROPERTIES LABELS "e2e;real" TIMEOUT 300)
