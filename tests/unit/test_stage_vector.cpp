// The vector stage's URLs (stage_vector.hpp): relative to tiles/ by default; with --base-url (where the output
// folder is served) absolute, under <base>tiles/.
// (The stage itself runs end to end in tests/e2e/web.cmake.)
#include "cli/stage_vector.hpp"

#include <gtest/gtest.h>

using namespace tiler::cli;

TEST(StageVector, RelativeUrls) {
    const DayUrls u = day_urls("2024-11-30", "");
    EXPECT_EQ(u.tile_template, "2024-11-30/{z}/{x}/{y}.mvt");
    EXPECT_EQ(u.pmtiles, "pmtiles://2024-11-30.pmtiles");
    EXPECT_EQ(u.glyphs, "fonts/{fontstack}/{range}.pbf");
}

TEST(StageVector, AbsoluteUrls) {
    const DayUrls u = day_urls("2024-12-08", "https://example.org/syria/");
    EXPECT_EQ(u.tile_template, "https://example.org/syria/tiles/2024-12-08/{z}/{x}/{y}.mvt");
    EXPECT_EQ(u.pmtiles, "pmtiles://https://example.org/syria/tiles/2024-12-08.pmtiles");
    EXPECT_EQ(u.glyphs, "https://example.org/syria/tiles/fonts/{fontstack}/{range}.pbf");
}
