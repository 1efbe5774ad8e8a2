// The MVT builder against the spec's examples and the independent strict decoder.
#include "encode/mvt_builder.hpp"

#include "core/error.hpp"

#include "../support/mvt_decoder.hpp"

#include <gtest/gtest.h>

using namespace tiler;
using tiler::test::decode_strict;

namespace {
IRing ring(std::initializer_list<IPoint> pts) { return IRing(pts); }
} // namespace

TEST(MvtBuilder, ZigzagAndCommandIntegers) {
    EXPECT_EQ(mvt::zigzag(0), 0u);
    EXPECT_EQ(mvt::zigzag(-1), 1u);
    EXPECT_EQ(mvt::zigzag(1), 2u);
    EXPECT_EQ(mvt::zigzag(-2), 3u);
    EXPECT_EQ(mvt::zigzag(2147483647), 4294967294u);
    EXPECT_EQ(mvt::command_integer(mvt::Command::MoveTo, 1), 9u);
    EXPECT_EQ(mvt::command_integer(mvt::Command::LineTo, 3), 26u);
    EXPECT_EQ(mvt::command_integer(mvt::Command::ClosePath, 1), 15u);
}

TEST(MvtBuilder, SpecExamplesEncodeAsTheSpecShows) {
    std::vector<std::uint32_t> g;
    ASSERT_TRUE(mvt::encode_points({{25, 17}}, g));
    EXPECT_EQ(g, (std::vector<std::uint32_t>{9, 50, 34}));
    ASSERT_TRUE(mvt::encode_lines({{{2, 2}, {2, 10}, {10, 10}}}, g));
    EXPECT_EQ(g, (std::vector<std::uint32_t>{9, 4, 4, 18, 0, 16, 16, 0}));
    // Polygon 3,6 -> 8,12 -> 20,34: positive surveyor's area, so it is written as given.
    ASSERT_TRUE(mvt::encode_polygons({{ring({{3, 6}, {8, 12}, {20, 34}}), {}}}, g));
    EXPECT_EQ(g, (std::vector<std::uint32_t>{9, 6, 12, 18, 10, 12, 24, 44, 15}));
}

TEST(MvtBuilder, FixesWindingDropsRepeatsAndDegenerateRings) {
    mvt::TileBuilder tb;
    mvt::LayerBuilder& layer = tb.add_layer("control");
    mvt::FeatureBuilder f(layer);
    IPolygon p;
    // Exterior given counter-clockwise on screen, with a repeated point and a closing point.
    p.exterior = ring({{0, 0}, {0, 100}, {0, 100}, {100, 100}, {100, 0}, {0, 0}});
    p.interiors.push_back(ring({{10, 10}, {20, 10}, {20, 20}, {10, 20}}));   // clockwise on screen: wrong
    p.interiors.push_back(ring({{50, 50}, {60, 60}, {70, 70}}));             // zero area
    IPolygon flat;
    flat.exterior = ring({{0, 0}, {5, 0}, {9, 0}});
    ASSERT_TRUE(f.set_polygons({p, flat}));
    f.add_property("faction", std::string("hts"));
    ASSERT_TRUE(f.commit());
    const auto tile = decode_strict(tb.serialize());
    EXPECT_TRUE(tile.violations.empty()) << tile.to_text();
    EXPECT_EQ(tile.to_text(),
              "layer control version=2 extent=4096 features=1\n"
              "  {faction=\"hts\"} POLYGON ((100 0, 100 100, 0 100, 0 0, 100 0), (10 20, 20 20, 20 10, 10 10, 10 20))\n");
}

TEST(MvtBuilder, RollbackLeavesNoKeysAndEmptyGeometryIsDropped) {
    mvt::TileBuilder tb;
    mvt::LayerBuilder& layer = tb.add_layer("places");
    {
        mvt::FeatureBuilder f(layer);
        f.add_property("secret", std::string("x"));
        f.set_points({{1, 1}});
        f.rollback();
        EXPECT_FALSE(f.commit());
    }
    {
        mvt::FeatureBuilder f(layer);
        f.add_property("name", "Aleppo");
        EXPECT_FALSE(f.set_lines({{{5, 5}, {5, 5}}}));   // collapses to a point
        EXPECT_FALSE(f.commit());
    }
    mvt::FeatureBuilder f(layer);
    f.add_property("name", "Aleppo");
    f.add_property("rank", std::int64_t{1});
    f.add_property("capital", true);
    f.add_property("km2", 12.5);
    f.set_points({{7, 9}});
    EXPECT_TRUE(f.commit());
    const auto tile = decode_strict(tb.serialize());
    EXPECT_TRUE(tile.violations.empty());
    ASSERT_NE(tile.layer("places"), nullptr);
    EXPECT_EQ(tile.layer("places")->keys, (std::vector<std::string>{"name", "rank", "capital", "km2"}));
    EXPECT_EQ(tile.to_text(), "layer places version=2 extent=4096 features=1\n"
                              "  {name=\"Aleppo\", rank=1, capital=true, km2=12.5} POINT (7 9)\n");
}

TEST(MvtBuilder, SharesKeysAndValuesAndIsCanonical) {
    auto build = [] {
        mvt::TileBuilder tb;
        mvt::LayerBuilder& layer = tb.add_layer("frontlines");
        for (int i = 0; i < 3; ++i) {
            mvt::FeatureBuilder f(layer);
            f.add_property("a", std::string("government"));
            f.add_property("b", std::string(i == 1 ? "sdf" : "hts"));
            f.set_lines({{{0, i}, {10, i}}});
            f.commit();
        }
        tb.add_layer("empty");   // layers without features are not written
        return tb.serialize();
    };
    const std::string a = build();
    EXPECT_EQ(a, build());
    const auto tile = decode_strict(a);
    EXPECT_TRUE(tile.violations.empty());
    ASSERT_EQ(tile.layers.size(), 1u);
    EXPECT_EQ(tile.layers[0].values, (std::vector<std::string>{"\"government\"", "\"hts\"", "\"sdf\""}));
}

TEST(MvtBuilder, RejectsDuplicatePropertiesAndLayers) {
    mvt::TileBuilder tb;
    mvt::LayerBuilder& layer = tb.add_layer("control");
    EXPECT_THROW(tb.add_layer("control"), Error);
    mvt::FeatureBuilder f(layer);
    f.add_property("faction", "hts");
    EXPECT_THROW(f.add_property("faction", "sna"), Error);
}

TEST(StrictDecoder, FindsViolationsInHandMadeTiles) {
    // Layer "l" v2 with one polygon feature whose ring repeats its closing point and is counter-clockwise.
    auto varint = [](std::string& s, std::uint64_t v) {
        while (v >= 0x80) {
            s.push_back(static_cast<char>((v & 0x7f) | 0x80));
            v >>= 7;
        }
        s.push_back(static_cast<char>(v));
    };
    auto field = [&](std::string& s, int num, const std::string& bytes) {
        varint(s, static_cast<std::uint64_t>(num) << 3 | 2);
        varint(s, bytes.size());
        s += bytes;
    };
    std::string geom;
    // MoveTo(0,0) LineTo(0,10)(10,10)(-10,-10 back to 0 0) ClosePath
    for (std::uint32_t v : {9u, 0u, 0u, 26u, 0u, 20u, 20u, 0u, 19u, 19u, 15u}) varint(geom, v);
    std::string feature;
    varint(feature, 3 << 3);
    varint(feature, 3);
    field(feature, 4, geom);
    std::string layer;
    varint(layer, 15 << 3);
    varint(layer, 2);
    field(layer, 1, "l");
    field(layer, 2, feature);
    std::string tile;
    field(tile, 3, layer);
    const auto t = decode_strict(tile);
    std::string all;
    for (const auto& v : t.violations) all += v + "\n";
    EXPECT_NE(all.find("repeated closing point"), std::string::npos) << all;
    EXPECT_NE(all.find("first ring is not exterior"), std::string::npos) << all;
}
