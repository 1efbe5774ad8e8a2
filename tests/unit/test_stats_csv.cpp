#include "output/stats_csv.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

using namespace tiler;

namespace {

Styles three_factions() {
    Styles s;
    s.factions = {{"government", "Government", "#d7301f", "#8c1d12"},
                  {"hts", "HTS", "#4d7c3f", "#2d4a25"},
                  {"sdf", "SDF", "#f2c230", "#a9831a"}};
    return s;
}

/// A day with only areas (stats.csv needs no geometry).
DayMap day(const std::string& date, std::vector<std::pair<std::string, double>> areas) {
    DayMap d;
    d.date = *Date::parse(date);
    for (auto& [f, a] : areas) {
        Control c;
        c.faction = f;
        c.area_km2 = a;
        d.control.push_back(std::move(c));
    }
    return d;
}

std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
    std::vector<std::vector<std::string>> rows;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        std::vector<std::string> cells;
        std::string cell;
        std::istringstream l(line);
        while (std::getline(l, cell, ',')) cells.push_back(cell);
        rows.push_back(cells);
    }
    return rows;
}

} // namespace

TEST(StatsCsv, RectangularInStylesOrder) {
    std::vector<DayMap> days;
    days.push_back(day("2024-11-26", {{"government", 750.0}, {"sdf", 250.0}}));
    days.push_back(day("2024-11-27", {{"government", 600.0}, {"hts", 150.0}, {"sdf", 250.0}}));
    const std::string csv = stats_csv(three_factions(), days);
    const auto rows = parse_csv(csv);
    ASSERT_EQ(rows.size(), 1U + 2U * 3U);
    EXPECT_EQ(rows[0], (std::vector<std::string>{"date", "faction", "area_km2", "share"}));
    EXPECT_EQ(rows[1], (std::vector<std::string>{"2024-11-26", "government", "750.000", "0.7500"}));
    EXPECT_EQ(rows[2], (std::vector<std::string>{"2024-11-26", "hts", "0.000", "0.0000"}));
    EXPECT_EQ(rows[3], (std::vector<std::string>{"2024-11-26", "sdf", "250.000", "0.2500"}));
    EXPECT_EQ(rows[4], (std::vector<std::string>{"2024-11-27", "government", "600.000", "0.6000"}));
    EXPECT_EQ(rows[5], (std::vector<std::string>{"2024-11-27", "hts", "150.000", "0.1500"}));
    EXPECT_EQ(rows[6], (std::vector<std::string>{"2024-11-27", "sdf", "250.000", "0.2500"}));
    EXPECT_EQ(csv.back(), '\n');
}

TEST(StatsCsv, Rounding) {
    std::vector<DayMap> days;
    days.push_back(day("2024-12-01", {{"government", 2.0 / 3.0}, {"hts", 1.0 / 3.0}}));
    const auto rows = parse_csv(stats_csv(three_factions(), days));
    ASSERT_EQ(rows.size(), 4U);
    EXPECT_EQ(rows[1][2], "0.667");
    EXPECT_EQ(rows[1][3], "0.6667");
    EXPECT_EQ(rows[2][2], "0.333");
    EXPECT_EQ(rows[2][3], "0.3333");
}

TEST(StatsCsv, WritesFile) {
    const std::string file = (std::filesystem::temp_directory_path() / ("tiler-stats-" + std::to_string(::getpid()) + ".csv")).string();
    std::vector<DayMap> days;
    days.push_back(day("2024-11-26", {{"government", 1.0}}));
    write_stats_csv(file, three_factions(), days);
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    std::remove(file.c_str());
    EXPECT_EQ(s.str(), "date,faction,area_km2,share\n2024-11-26,government,1.000,1.0000\n2024-11-26,hts,0.000,0.0000\n"
                       "2024-11-26,sdf,0.000,0.0000\n");
}
