// Metadata formatting shared by the archive writers.
#include "archive/metadata.hpp"
#include "core/error.hpp"

#include <gtest/gtest.h>

#include <limits>

using namespace tiler;

TEST(Metadata, NumbersAreShortAndStable) {
    EXPECT_EQ(format_number(35.7272), "35.7272");
    EXPECT_EQ(format_number(12.0), "12");
    EXPECT_EQ(format_number(-0.5), "-0.5");
    EXPECT_EQ(format_number(-0.0), "0");
    EXPECT_EQ(format_number(-1e-9), "0");
    EXPECT_EQ(format_number(1.0 / 3.0), "0.3333333");
    EXPECT_THROW(format_number(std::numeric_limits<double>::quiet_NaN()), Error);
}

TEST(Metadata, BoundsCenterAndNames) {
    TilesetInfo i;
    const double b[4] = {35.5, 32.25, 42.5, 37.5};
    std::copy(b, b + 4, i.bounds);
    i.center[0] = 38;
    i.center[1] = 35.1;
    i.center[2] = 6.4;
    EXPECT_EQ(bounds_string(i), "35.5,32.25,42.5,37.5");
    EXPECT_EQ(center_string(i), "38,35.1,6");
    EXPECT_STREQ(format_name(TileFormat::Mvt), "pbf");
    EXPECT_STREQ(tile_extension(TileFormat::Mvt), "mvt");
    EXPECT_STREQ(tile_extension(TileFormat::Png), "png");
    EXPECT_STREQ(tile_mime(TileFormat::Png), "image/png");
}

TEST(Metadata, VectorLayers) {
    TilesetInfo i;
    i.vector_layers_json = R"([{"id":"b","fields":{}},{"id":"a"}])";
    EXPECT_EQ(vector_layers(i).dump(), R"([{"id":"b","fields":{}},{"id":"a"}])");   // order kept
    i.vector_layers_json = "";
    EXPECT_EQ(vector_layers(i).dump(), "[]");
    i.vector_layers_json = "[{\"id\":3}]";
    EXPECT_THROW(vector_layers(i), Error);
    i.vector_layers_json = "[";
    EXPECT_THROW(vector_layers(i), Error);
    i.format = TileFormat::Png;
    EXPECT_TRUE(vector_layers(i).is_null());
}
