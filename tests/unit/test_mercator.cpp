#include "tiling/mercator.hpp"

#include <gtest/gtest.h>

using namespace tiler::mercator;

TEST(Mercator, KnownPointsRoundTrip) {
    double x, y;
    to_meters(180.0, 0.0, x, y);
    EXPECT_NEAR(x, 20037508.342789244, 1e-6);
    EXPECT_NEAR(y, 0.0, 1e-6);
    // Aleppo citadel, checked against `echo 37.1625 36.1993 | gdaltransform -s_srs EPSG:4326 -t_srs EPSG:3857`.
    to_meters(37.1625, 36.1993, x, y);
    EXPECT_NEAR(x, 4136910.577, 0.01);
    EXPECT_NEAR(y, 4328079.511, 0.01);
    double lon, lat;
    to_lonlat(x, y, lon, lat);
    EXPECT_NEAR(lon, 37.1625, 1e-9);
    EXPECT_NEAR(lat, 36.1993, 1e-9);
}

TEST(Mercator, TileGridAndTmsFlip) {
    std::uint32_t x0, y0, x1, y1;
    // Syria at zoom 6: tiles x 38..39, y 24..25 (the OSM wiki slippy-map formula, computed independently in Python).
    tile_range(6, 35.7, 32.3, 42.4, 37.4, x0, y0, x1, y1);
    EXPECT_EQ(x0, 38u);
    EXPECT_EQ(x1, 39u);
    EXPECT_EQ(y0, 24u);
    EXPECT_EQ(y1, 25u);
    EXPECT_EQ(tms_row(6, 25), 38u);
    EXPECT_EQ(tms_row(0, 0), 0u);
    double minx, miny, maxx, maxy;
    tile_bounds_m({1, 1, 0}, minx, miny, maxx, maxy);
    EXPECT_NEAR(minx, 0.0, 1e-6);
    EXPECT_NEAR(maxy, 20037508.342789244, 1e-6);
}
