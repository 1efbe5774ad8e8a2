#include "raster/overview_map.hpp"

#include "raster/vips_image.hpp"
#include "tiling/mercator.hpp"

#include "../support/raster_fixture.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

using namespace tiler;
using tiler::testing::RasterFixture;

namespace {

std::pair<int, int> picture_xy(const OverviewLayout& l, double lon, double lat) {
    double wx, wy;
    mercator::to_world(lon, lat, wx, wy);
    return {l.map_x + static_cast<int>(wx * l.view.scale - l.view.x0), l.map_y + static_cast<int>(wy * l.view.scale - l.view.y0)};
}

Rgba rgb(const Rgba& c) { return Rgba{c.r, c.g, c.b, 255}; }

} // namespace

TEST(OverviewMap, FactionsPresentInStylesOrder) {
    RasterFixture f;
    EXPECT_EQ(factions_present(f.day(0), f.style), (std::vector<std::size_t>{0, 1}));
    EXPECT_EQ(factions_present(f.day(1), f.style), (std::vector<std::size_t>{0, 1, 2}));
}

TEST(OverviewMap, MapColoursChangesAndLayout) {
    RasterFixture f;
    std::vector<Place> places(2);
    places[0].name = "Westtown";
    places[0].lon = 36.4;
    places[0].lat = 34.5;
    places[0].rank = 1;
    places[1].name = "Village";
    places[1].lon = 37.0;
    places[1].lat = 33.2;
    places[1].rank = 4;
    const DayMap day = f.day(1);
    const RasterScene scene = raster_scene(f.ctx, day, f.style);
    OverviewInput in;
    in.base = &f.base;
    in.scene = &scene;
    in.day = &day;
    in.style = &f.style;
    in.styles = &f.styles;
    in.places = &places;
    in.title = "Territorial control at the end of " + day.date.str();
    in.attribution = "Boundaries: OCHA. Test data.";
    OverviewOptions o;
    o.width = 800;
    const vips::VImage img = overview_map(f.ctx, in, o);
    const OverviewLayout l = overview_layout(f.base, o);
    EXPECT_EQ(img.width(), 800);
    EXPECT_EQ(img.height(), l.height);
    EXPECT_EQ(img.bands(), 3);

    // Inside factions: their fill colours; the changed corner (sna) is veiled (lighter than the sna fill).
    auto at = [&](double lon, double lat) {
        const auto [x, y] = picture_xy(l, lon, lat);
        return pixel_at(img, x, y);
    };
    EXPECT_EQ(at(36.2, 33.3), rgb(f.style.fill[0]));
    EXPECT_EQ(at(37.8, 33.5), rgb(f.style.fill[1]));
    const Rgba veiled = at(37.8, 34.8);
    EXPECT_GT(veiled.r, f.style.fill[2].r);
    EXPECT_GT(veiled.b, f.style.fill[2].b);
    // Outside the country: the background. The title band holds dark text pixels.
    const auto [bx, by] = picture_xy(l, 35.99, 34.0);
    EXPECT_NE(pixel_at(img, bx - 3, by), rgb(f.style.fill[0]));
    const vips::VImage header = img.extract_area(0, 0, img.width(), l.header);
    EXPECT_LT(header.min(), 100.0) << "no title text";
    // The rank-1 city gets a white dot; the rank-4 village does not.
    EXPECT_EQ(at(36.4, 34.5), (Rgba{255, 255, 255, 255}));
    EXPECT_NE(at(37.0, 33.2), (Rgba{255, 255, 255, 255}));

    // A long attribution wraps; the picture grows so it does not cover the legend: the rows between the
    // legend's bottom and the attribution's top stay white, and there is text in the new bottom band.
    in.attribution.clear();
    for (int i = 0; i < 8; ++i) in.attribution += "Boundaries: OCHA. Places: a gazetteer with a long name. ";
    const vips::VImage tall = overview_map(f.ctx, in, o);
    EXPECT_GT(tall.height(), l.height + 20);
    EXPECT_EQ(tall.extract_area(0, 0, 800, l.height - l.footer).avg(), img.extract_area(0, 0, 800, l.height - l.footer).avg());
    const vips::VImage bottom = tall.extract_area(0, l.height, 800, tall.height() - l.height - 8);
    EXPECT_LT(bottom.min(), 160.0) << "no attribution text below the usual footer";
    int white_rows = 0;   // in the footer: a fully white row between the legend and the attribution
    for (int y = l.height - l.footer + 14; y < tall.height() - 8; ++y)
        if (tall.extract_area(0, y, 800, 1).min() == 255.0) ++white_rows;
    EXPECT_GT(white_rows, 0);

    const std::string path = ::testing::TempDir() + "overview.png";
    write_overview_map(path, f.ctx, in, o);
    EXPECT_EQ(read_image(path).width(), 800);
}
