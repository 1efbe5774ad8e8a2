// MapLibre style built from the factions; structure checked with nlohmann::json (the official validator
// runs in tests/e2e/archives.cmake).
#include "style/maplibre_style.hpp"
#include "core/error.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace tiler;
using json = nlohmann::json;

namespace {
Styles styles() {
    Styles s;
    s.factions = {{"government", "Government", "#d7301f", "#8c1d12"}, {"hts", "HTS", "#4d7c3f", "#2d4a25"}};
    return s;
}

const json& layer(const json& style, const std::string& id) {
    for (const json& l : style["layers"])
        if (l["id"] == id) return l;
    static const json none;
    ADD_FAILURE() << "no layer " << id;
    return none;
}
} // namespace

TEST(MaplibreStyle, FactionColoursAndLayers) {
    MapStyleOptions o;
    o.name = "Syria 2024-11-30";
    o.source_url = pmtiles_source_url("2024-11-30.pmtiles");
    const json s = json::parse(maplibre_style(styles(), o));
    EXPECT_EQ(s["version"], 8);
    EXPECT_EQ(s["sources"]["tiler"]["type"], "vector");
    EXPECT_EQ(s["sources"]["tiler"]["url"], "pmtiles://2024-11-30.pmtiles");
    EXPECT_FALSE(s.contains("glyphs"));
    const json fill = layer(s, "control-fill");
    EXPECT_EQ(fill["source-layer"], "control");
    EXPECT_EQ(fill["paint"]["fill-color"],
              json::parse(R"(["match",["get","faction"],"government","#d7301f","hts","#4d7c3f","#bdbdbd"])"));
    EXPECT_EQ(layer(s, "control-outline")["paint"]["line-color"][3], "#8c1d12");
    EXPECT_EQ(layer(s, "changes-outline")["paint"]["line-color"][1], json::parse(R"(["get","to"])"));
    EXPECT_EQ(layer(s, "frontlines")["source-layer"], "frontlines");
    EXPECT_EQ(layer(s, "boundaries-country")["filter"], json::parse(R"(["==",["get","kind"],"country"])"));
    EXPECT_TRUE(layer(s, "boundaries-governorate")["paint"].contains("line-dasharray"));
    EXPECT_EQ(layer(s, "places-circle")["type"], "circle");
    for (const json& l : s["layers"]) EXPECT_NE(l["type"], "symbol");   // no glyphs, no text
    // Draw order: fills under lines under places.
    std::vector<std::string> ids;
    for (const json& l : s["layers"]) ids.push_back(l["id"]);
    EXPECT_EQ(ids.front(), "background");
    EXPECT_EQ(ids.back(), "places-circle");
}

TEST(MaplibreStyle, LabelsOnlyWithGlyphs) {
    MapStyleOptions o;
    o.source_url = "2024-11-30.json";
    o.glyphs = "fonts/{fontstack}/{range}.pbf";
    o.attribution = "someone";
    const json s = json::parse(maplibre_style(styles(), o));
    EXPECT_EQ(s["glyphs"], "fonts/{fontstack}/{range}.pbf");
    EXPECT_EQ(s["sources"]["tiler"]["attribution"], "someone");
    const json label = layer(s, "places-label");
    EXPECT_EQ(label["type"], "symbol");
    EXPECT_EQ(label["layout"]["text-field"], json::parse(R"(["get","name"])"));
    EXPECT_EQ(label["layout"]["text-font"], json::array({"Noto Sans Regular"}));
}

TEST(MaplibreStyle, RejectsBadColourOrNoSource) {
    MapStyleOptions o;
    o.source_url = "x.json";
    Styles bad = styles();
    bad.factions[1].fill = "green";
    EXPECT_THROW(maplibre_style(bad, o), Error);
    o.source_url.clear();
    EXPECT_THROW(maplibre_style(styles(), o), Error);
}
