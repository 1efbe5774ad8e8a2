#include "raster/chart.hpp"

#include "core/error.hpp"
#include "raster/vips_image.hpp"

#include "../support/raster_fixture.hpp"

#include <gtest/gtest.h>

using namespace tiler;

namespace {

const char* kCsv =
    "date,faction,area_km2,share\n"
    "2024-11-26,government,120000.000,0.6000\n"
    "2024-11-26,hts,80000.000,0.4000\n"
    "2024-11-26,sna,0.000,0.0000\n"
    "2024-11-27,government,100000.000,0.5000\n"
    "2024-11-27,hts,90000.000,0.4500\n"
    "2024-11-27,sna,10000.000,0.0500\n"
    "2024-11-28,government,60000.000,0.3000\n"
    "2024-11-28,hts,120000.000,0.6000\n"
    "2024-11-28,sna,20000.000,0.1000\n";

} // namespace

TEST(Chart, ParsesStatsCsv) {
    const StatsTable t = parse_stats_csv(kCsv, "stats.csv");
    EXPECT_EQ(t.dates, (std::vector<std::string>{"2024-11-26", "2024-11-27", "2024-11-28"}));
    EXPECT_EQ(t.factions, (std::vector<std::string>{"government", "hts", "sna"}));
    EXPECT_DOUBLE_EQ(t.km2[1][2], 120000.0);
    try {
        parse_stats_csv("date,faction,area_km2,share\n2024-11-26,hts,lots,0\n", "stats.csv");
        FAIL() << "no error";
    } catch (const InputError& e) {
        EXPECT_EQ(e.line(), 2u);
        EXPECT_NE(std::string(e.what()).find("lots"), std::string::npos);
    }
    EXPECT_THROW(parse_stats_csv("when,who\n", "stats.csv"), InputError);
    EXPECT_THROW(parse_stats_csv("date,faction,area_km2,share\n2024-11-27,hts,1,0\n2024-11-26,hts,1,0\n", "s"), InputError);
    EXPECT_THROW(parse_stats_csv("date,faction,area_km2,share\n2024-11-26,hts,1,0\n2024-11-27,sna,1,0\n", "s"), InputError);
}

TEST(Chart, StackedAreasHaveTheFactionColours) {
    tiler::testing::RasterFixture f;
    const StatsTable t = parse_stats_csv(kCsv, "stats.csv");
    ChartOptions o;
    const vips::VImage img = area_chart(t, f.style, f.styles, o);
    EXPECT_EQ(img.width(), o.width);
    EXPECT_EQ(img.height(), o.height);
    const ChartLayout l = chart_layout(t, o);
    EXPECT_GE(l.ymax, 200000.0);
    // On the last day (x slightly left of it): government at the bottom, then hts, then sna on top.
    const int x = static_cast<int>(l.x_of(2, 3)) - 4;
    auto at = [&](double km2) {
        const Rgba c = pixel_at(img, x, static_cast<int>(l.y_of(km2)));
        return Rgba{c.r, c.g, c.b, 255};
    };
    EXPECT_EQ(at(30000), f.style.fill[0]);
    EXPECT_EQ(at(120000), f.style.fill[1]);
    EXPECT_EQ(at(190000), f.style.fill[2]);
    // The stack reaches the day's total; right of the plot is the white background.
    EXPECT_EQ(l.ymax, 200000.0);
    EXPECT_EQ(pixel_at(img, l.x1 + 8, (l.y0 + l.y1) / 2), (Rgba{255, 255, 255, 255}));
}
