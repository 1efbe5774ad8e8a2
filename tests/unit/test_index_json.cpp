#include "output/index_json.hpp"

#include "core/error.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace tiler;

TEST(IndexJson, DaysAndFiles) {
    OutputIndex index(*Date::parse("2024-11-26"), *Date::parse("2024-11-28"));
    index.add_file("stats.csv");
    index.add_file("control.gpkg");
    index.add_file("stats.csv");
    index.add_day_file(*Date::parse("2024-11-27"), "tiles/2024-11-27.pmtiles");
    index.add_day_file(*Date::parse("2024-11-27"), "tiles/2024-11-27.mbtiles");
    EXPECT_THROW(index.add_day_file(*Date::parse("2024-11-29"), "x"), Error);

    const std::string text = index.json();
    const auto j = nlohmann::json::parse(text);   // independent reader: keys, not order
    EXPECT_EQ(j["first"], "2024-11-26");
    EXPECT_EQ(j["last"], "2024-11-28");
    EXPECT_EQ(j["files"], (std::vector<std::string>{"control.gpkg", "stats.csv"}));
    ASSERT_EQ(j["days"].size(), 3U);
    EXPECT_EQ(j["days"][0]["date"], "2024-11-26");
    EXPECT_TRUE(j["days"][0]["files"].empty());
    EXPECT_EQ(j["days"][1]["files"], (std::vector<std::string>{"tiles/2024-11-27.mbtiles", "tiles/2024-11-27.pmtiles"}));
    // Stable key order in the text.
    EXPECT_LT(text.find("\"tiler\""), text.find("\"first\""));
    EXPECT_LT(text.find("\"first\""), text.find("\"last\""));
    EXPECT_LT(text.find("\"last\""), text.find("\"files\""));
    EXPECT_LT(text.find("\"files\""), text.find("\"days\""));
    EXPECT_EQ(text, index.json());
}
