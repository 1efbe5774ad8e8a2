#include "core/error.hpp"
#include "sources/geojson.hpp"

#include <gtest/gtest.h>

#include <optional>

using namespace tiler;

namespace {

std::string fc(const std::string& geometry, const std::string& props = R"({"id":"a"})") {
    return R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":)" + props +
           R"(,"geometry":)" + geometry + "}]}";
}

std::optional<InputError> geojson_error(const std::string& text) {
    geos::Context ctx;
    try {
        parse_geojson(ctx, text, "sources/areas/a.geojson");
    } catch (const InputError& e) {
        return e;
    }
    return std::nullopt;
}

void expect_error(const std::string& text, std::size_t line, const std::string& phrase) {
    const auto e = geojson_error(text);
    ASSERT_TRUE(e) << "accepted: " << text;
    EXPECT_EQ(e->file(), "sources/areas/a.geojson");
    EXPECT_EQ(e->line(), line) << e->what();
    EXPECT_NE(e->problem().find(phrase), std::string::npos) << e->what();
}

} // namespace

TEST(GeoJson, ReadsPolygonAndMultiPolygonSnapped) {
    geos::Context ctx;
    const std::string text = R"({"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"id":"p","name":"P"},"geometry":{"type":"Polygon","coordinates":
        [[[36.12345678,35],[37,35],[37,36],[36.12345678,35]]]}},
      {"type":"Feature","properties":null,"geometry":{"type":"MultiPolygon","coordinates":
        [[[[0,0],[2,0],[2,2],[0,2],[0,0]],[[0.5,0.5],[0.5,1],[1,1],[1,0.5],[0.5,0.5]]],[[[5,5],[6,5],[6,6],[5,5]]]]}}]})";
    const auto fs = parse_geojson(ctx, text, "f.geojson");
    ASSERT_EQ(fs.size(), 2u);
    EXPECT_EQ(fs[0].number, 1u);
    EXPECT_EQ(fs[0].properties.at("name"), "P");
    EXPECT_EQ(feature_label(fs[0]), "feature 1 (id 'p')");
    EXPECT_EQ(ctx.to_wkt(fs[0].geom.get(), 7), "POLYGON ((37 36, 37 35, 36.123457 35, 37 36))");
    EXPECT_TRUE(fs[1].properties.is_object());
    EXPECT_TRUE(fs[1].properties.empty());
    EXPECT_EQ(feature_label(fs[1]), "feature 2");
    EXPECT_EQ(ctx.type_id(fs[1].geom.get()), GEOS_MULTIPOLYGON);
    EXPECT_DOUBLE_EQ(ctx.planar_area(fs[1].geom.get()), 4 - 0.25 + 0.5);
}

TEST(GeoJson, SelfIntersectionNamesFeatureAndLocation) {
    // A bow tie: the edges cross at (36.5, 35.5).
    expect_error(fc(R"({"type":"Polygon","coordinates":[[[36,35],[37,36],[37,35],[36,36],[36,35]]]})"), 0,
                 "feature 1 (id 'a'): invalid polygon: Self-intersection at lon 36.500000 lat 35.500000");
}

TEST(GeoJson, TruncatedJsonHasTheParsersLine) {
    expect_error("{\"type\":\"FeatureCollection\",\n\"features\":[\n{\"type\":\"Feature\",", 3, "invalid JSON");
    expect_error("{\"type\":\"FeatureCollection\",\n\"features\":[\n{\"type\":\"Feature\",", 3, "unexpected end of input");
    expect_error("{\"type\": \"FeatureCollection\",\n  \"features\": [ ] ] }", 2, "syntax error");
}

TEST(GeoJson, ShapeErrors) {
    expect_error(R"({"type":"Feature"})", 0, "expected a GeoJSON FeatureCollection");
    expect_error(R"({"type":"FeatureCollection"})", 0, "no 'features' array");
    expect_error(R"({"type":"FeatureCollection","features":[{"type":"Point"}]})", 0, "feature 1: not a GeoJSON Feature");
    expect_error(fc("null"), 0, "feature 1 (id 'a'): no geometry");
    expect_error(fc(R"({"type":"Point","coordinates":[36,35]})"), 0, "geometry type 'Point'");
    expect_error(fc(R"({"type":"Polygon"})"), 0, "no coordinates");
    expect_error(fc(R"({"type":"Polygon","coordinates":[]})"), 0, "no rings");
    expect_error(fc(R"({"type":"Polygon","coordinates":[[[36,35],[37,35],[36,35]]]})"), 0, "at least 4");
    expect_error(fc(R"({"type":"Polygon","coordinates":[[[36,35],[37,35],[37,36],[36,36]]]})"), 0, "not closed");
    expect_error(fc(R"({"type":"Polygon","coordinates":[[[36,35],["x",35],[37,36],[36,35]]]})"), 0, "not [lon, lat]");
    expect_error(fc(R"({"type":"Polygon","coordinates":[[[36,35],[370,35],[37,36],[36,35]]]})"), 0, "not a lon/lat");
    expect_error(fc(R"({"type":"MultiPolygon","coordinates":[]})"), 0, "empty MultiPolygon");
}

TEST(GeoJson, CollapsesOnTheGrid) {
    expect_error(fc(R"({"type":"Polygon","coordinates":[[[36,35],[36.0000001,35],[36.0000001,35.0000001],[36,35]]]})"),
                 0, "collapses on the grid");
}

TEST(GeoJson, ParseJsonErrors) {
    try {
        parse_json("{\n\"a\": [1, 2,\n", "styles/factions.json");
        FAIL() << "no error";
    } catch (const InputError& e) {
        EXPECT_EQ(e.file(), "styles/factions.json");
        EXPECT_EQ(e.line(), 3u);
        EXPECT_EQ(e.problem().rfind("invalid JSON: parse error at line 3", 0), 0u) << e.what();
    }
}
