// TileJSON 3.0.0 document: parsed back with nlohmann::json, key order checked as text.
#include "archive/tilejson.hpp"
#include "core/error.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace tiler;

namespace {
TilesetInfo info(TileFormat f) {
    TilesetInfo i;
    i.name = "Syria control 2024-11-30";
    i.description = "Territorial control";
    i.attribution = "© someone";
    i.format = f;
    i.minzoom = 3;
    i.maxzoom = 10;
    const double b[4] = {35.7, 32.3, 42.4, 37.3};
    std::copy(b, b + 4, i.bounds);
    i.center[0] = 38.5;
    i.center[1] = 35;
    i.center[2] = 6;
    i.vector_layers_json = R"([{"id":"control","fields":{"faction":"String"},"minzoom":3,"maxzoom":10}])";
    return i;
}
TileJsonOptions urls(std::vector<std::string> tiles) {
    TileJsonOptions o;
    o.tiles = std::move(tiles);
    return o;
}
} // namespace

TEST(TileJson, VectorDocument) {
    const std::string text = tilejson(info(TileFormat::Mvt), urls({"2024-11-30/{z}/{x}/{y}.mvt"}));
    const auto j = nlohmann::json::parse(text);
    EXPECT_EQ(j["tilejson"], "3.0.0");
    EXPECT_EQ(j["tiles"], nlohmann::json::array({"2024-11-30/{z}/{x}/{y}.mvt"}));
    EXPECT_EQ(j["scheme"], "xyz");
    EXPECT_EQ(j["minzoom"], 3);
    EXPECT_EQ(j["maxzoom"], 10);
    EXPECT_EQ(j["bounds"], nlohmann::json::array({35.7, 32.3, 42.4, 37.3}));
    EXPECT_EQ(j["center"], nlohmann::json::array({38.5, 35.0, 6}));
    EXPECT_EQ(j["center"][2].dump(), "6");
    EXPECT_EQ(j["name"], "Syria control 2024-11-30");
    EXPECT_EQ(j["attribution"], "© someone");
    EXPECT_EQ(j["vector_layers"][0]["id"], "control");
    EXPECT_EQ(j["vector_layers"][0]["fields"]["faction"], "String");
    // Stable key order: "tilejson" first, then the rest in a fixed order.
    EXPECT_EQ(text.rfind("{\n  \"tilejson\": \"3.0.0\",\n  \"name\"", 0), 0u) << text;
    EXPECT_LT(text.find("\"tiles\""), text.find("\"vector_layers\""));
    EXPECT_EQ(text.back(), '\n');
}

TEST(TileJson, RasterHasNoVectorLayers) {
    const auto j = nlohmann::json::parse(tilejson(info(TileFormat::Png), urls({"a/{z}/{x}/{y}.png", "b/{z}/{x}/{y}.png"})));
    EXPECT_FALSE(j.contains("vector_layers"));
    EXPECT_EQ(j["tiles"].size(), 2u);
}

TEST(TileJson, BaseUrlMakesTemplatesAbsolute) {
    TileJsonOptions o;
    o.tiles = {"2024-11-30/{z}/{x}/{y}.mvt"};
    o.base_url = "https://example.org/tiles";
    auto j = nlohmann::json::parse(tilejson(info(TileFormat::Mvt), o));
    EXPECT_EQ(j["tiles"][0], "https://example.org/tiles/2024-11-30/{z}/{x}/{y}.mvt");
    o.base_url = "https://example.org/tiles/";
    j = nlohmann::json::parse(tilejson(info(TileFormat::Mvt), o));
    EXPECT_EQ(j["tiles"][0], "https://example.org/tiles/2024-11-30/{z}/{x}/{y}.mvt");
}

TEST(TileJson, RejectsMissingOrBadTemplates) {
    EXPECT_THROW(tilejson(info(TileFormat::Mvt), urls({})), Error);
    EXPECT_THROW(tilejson(info(TileFormat::Mvt), urls({"tiles/{z}/{x}.mvt"})), Error);
    EXPECT_THROW(tilejson(info(TileFormat::Mvt), urls({""})), Error);
}

TEST(TileJson, WritesTheFile) {
    const auto path = std::filesystem::temp_directory_path() / "tiler_test_tilejson" / "day.json";
    std::filesystem::remove_all(path.parent_path());
    write_tilejson(path.string(), info(TileFormat::Mvt), urls({"day/{z}/{x}/{y}.mvt"}));
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    EXPECT_EQ(s.str(), tilejson(info(TileFormat::Mvt), urls({"day/{z}/{x}/{y}.mvt"})));
}
