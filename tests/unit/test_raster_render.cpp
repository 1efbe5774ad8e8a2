#include "raster/render_tile.hpp"

#include "raster/vips_image.hpp"
#include "tiling/mercator.hpp"

#include "../support/image_compare.hpp"
#include "../support/raster_fixture.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <set>

using namespace tiler;
using tiler::testing::RasterFixture;
using vips::VImage;

namespace {

/// Tile and pixel of a lon/lat at zoom z (256 px tiles).
struct TilePixel {
    mercator::TileId tile;
    int px = 0, py = 0;
};

TilePixel locate(double lon, double lat, unsigned z, int tile_px = 256) {
    double wx, wy;
    mercator::to_world(lon, lat, wx, wy);
    const double x = wx * tile_px * std::ldexp(1.0, static_cast<int>(z));
    const double y = wy * tile_px * std::ldexp(1.0, static_cast<int>(z));
    TilePixel t;
    t.tile = mercator::TileId{z, static_cast<std::uint32_t>(x / tile_px), static_cast<std::uint32_t>(y / tile_px)};
    t.px = static_cast<int>(x) - static_cast<int>(t.tile.x) * tile_px;
    t.py = static_cast<int>(y) - static_cast<int>(t.tile.y) * tile_px;
    return t;
}

double max_abs_diff(const VImage& a, const VImage& b) {
    return (a.cast(VIPS_FORMAT_INT) - b.cast(VIPS_FORMAT_INT)).abs().max();
}

std::string golden(const std::string& name) { return std::string(TILER_SOURCE_DIR) + "/tests/golden/raster/" + name; }

} // namespace

TEST(RasterRender, TileViewIsTheTileInWorldPixels) {
    const View v = tile_view(mercator::TileId{3, 5, 2}, 512);
    EXPECT_DOUBLE_EQ(v.scale, 512.0 * 8);
    EXPECT_DOUBLE_EQ(v.x0, 5 * 512.0);
    EXPECT_DOUBLE_EQ(v.y0, 2 * 512.0);
    EXPECT_EQ(v.width, 512);
    EXPECT_DOUBLE_EQ(v.pixel_ratio, 2.0);
}

TEST(RasterRender, NoSeamAlongASharedFactionEdge) {
    RasterFixture f;
    const auto scene = raster_scene(f.ctx, f.day(0), f.style);
    // A z10 tile on the government/hts diagonal, well inside the country and away from the governorate border.
    const TilePixel at = locate(36.85, 34.5, 10);
    DrawList fills_only;
    for (const auto& l : scene.fills) fills_only.fills.emplace_back(l.faction, l.geom.get());
    const VImage img = render(f.ctx, fills_only, f.style, tile_view(at.tile, 256));
    ASSERT_EQ(img.bands(), 4);
    EXPECT_EQ(img[3].min(), 255.0) << "background shows through the shared edge";
    // The edge is anti-aliased: more colours than the two fills, all between them.
    const VImage rgb = img.extract_band(0, VImage::option()->set("n", 3));
    const Rgba gov = f.style.fill[0], hts = f.style.fill[1];
    EXPECT_GE(rgb[0].min(), std::min(gov.r, hts.r));
    EXPECT_LE(rgb[0].max(), std::max(gov.r, hts.r));
    // (Over the whole tile: in a single row a steep edge may happen to fall on a pixel boundary.)
    std::set<int> reds;
    for (int y = 0; y < 256; y += 4)
        for (int x = 0; x < 256; ++x) reds.insert(static_cast<int>(pixel_at(img, x, y).r));
    EXPECT_GT(reds.size(), 4u) << "edge not anti-aliased";
    // With the frontline and borders drawn too, still opaque everywhere inside.
    const VImage full = render(f.ctx, draw_list(f.base, scene), f.style, tile_view(at.tile, 256));
    EXPECT_EQ(full[3].min(), 255.0);
}

TEST(RasterRender, TwoByTwoBlockEqualsFourTiles) {
    RasterFixture f;
    const auto scene = raster_scene(f.ctx, f.day(1), f.style);
    const DrawList list = draw_list(f.base, scene);
    // A block of 2x2 z9 tiles around the diagonal, the governorate border and the country edge.
    for (const auto& [lon, lat] : std::vector<std::pair<double, double>>{{37.0, 34.0}, {37.95, 34.55}}) {
        const TilePixel at = locate(lon, lat, 9);
        const std::uint32_t x0 = at.tile.x & ~1u, y0 = at.tile.y & ~1u;
        View block = tile_view(mercator::TileId{9, x0, y0}, 256);
        block.width = block.height = 512;
        const VImage whole = render(f.ctx, list, f.style, block);
        for (std::uint32_t dy = 0; dy < 2; ++dy)
            for (std::uint32_t dx = 0; dx < 2; ++dx) {
                const VImage tile = render(f.ctx, list, f.style, tile_view(mercator::TileId{9, x0 + dx, y0 + dy}, 256));
                const VImage part = whole.extract_area(static_cast<int>(dx) * 256, static_cast<int>(dy) * 256, 256, 256);
                EXPECT_EQ(max_abs_diff(part, tile), 0.0) << "tile " << dx << "," << dy << " near " << lon << "," << lat;
            }
    }
}

TEST(RasterRender, OutsideTheCountryIsTransparent) {
    RasterFixture f;
    const auto scene = raster_scene(f.ctx, f.day(0), f.style);
    const DrawList list = draw_list(f.base, scene);
    // The eastern border at lon 38: 4 px outside is transparent (the border line is clipped to the country),
    // 4 px inside is opaque.
    const TilePixel at = locate(38.0, 34.3, 10);
    const VImage img = render(f.ctx, list, f.style, tile_view(at.tile, 256));
    ASSERT_GT(at.px, 5);
    ASSERT_LT(at.px, 250);
    EXPECT_EQ(pixel_at(img, at.px + 4, at.py).a, 0);
    EXPECT_EQ(pixel_at(img, at.px - 4, at.py).a, 255);
    // Near the border the country line's colour shows.
    EXPECT_EQ(pixel_at(img, at.px - 1, at.py), f.style.country.color);
}

TEST(RasterRender, PixelColourIsTheFactionHoldingThePlace) {
    RasterFixture f;
    for (int n : {0, 1}) {
        const DayMap day = f.day(n);
        const auto scene = raster_scene(f.ctx, day, f.style);
        const DrawList list = draw_list(f.base, scene);
        for (const auto& [lon, lat] : std::vector<std::pair<double, double>>{
                 {36.3, 33.5}, {37.7, 33.4}, {37.8, 34.8}, {36.5, 34.7}, {37.5, 34.3}}) {
            const std::string faction = f.faction_at(day, lon, lat);
            ASSERT_FALSE(faction.empty());
            for (unsigned z : {6u, 9u, 12u}) {
                const TilePixel at = locate(lon, lat, z);
                const VImage img = render(f.ctx, list, f.style, tile_view(at.tile, 256));
                EXPECT_EQ(pixel_at(img, at.px, at.py), f.style.fill[f.style.index(faction)])
                    << "day " << n << " z" << z << " at " << lon << "," << lat << " should be " << faction;
            }
        }
    }
}

TEST(RasterRender, GoldenTiles) {
    RasterFixture f;
    const auto scene = raster_scene(f.ctx, f.day(1), f.style);
    const DrawList list = draw_list(f.base, scene);
    // The z7 tile holding the whole synthetic country corner: fills, frontlines, governorate and country borders.
    const TilePixel at = locate(37.6, 34.6, 7);
    tiler::testing::ImageTolerance tol;
    tol.max_channel_diff = 3;
    tol.max_diff_fraction = 0.002;
    for (int px : {256, 512}) {
        const VImage img = render(f.ctx, list, f.style, tile_view(at.tile, px));
        const auto r = tiler::testing::compare_to_golden(img, golden("fixture_z7_" + std::to_string(px) + ".png"), tol);
        EXPECT_TRUE(r.ok) << r.message;
    }
}

TEST(RasterRender, GoldenCompareReportsAndWritesDiff) {
    RasterFixture f;
    if (tiler::testing::update_golden_mode()) GTEST_SKIP() << "update mode";
    // A changed image must fail against the golden and leave actual/diff next to a (temporary) expected file.
    const std::string dir = ::testing::TempDir() + "raster_golden_check";
    std::filesystem::create_directories(dir);
    const std::string expected = dir + "/solid.png";
    write_png(expected, solid_image(16, 16, Rgba{10, 20, 30, 255}));
    VImage changed = solid_image(16, 16, Rgba{10, 20, 30, 255}).copy_memory();
    changed.draw_rect({200, 20, 30, 255}, 0, 0, 4, 4, VImage::option()->set("fill", true));
    const auto r = tiler::testing::compare_to_golden(changed, expected);
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.differing, 16);
    EXPECT_TRUE(std::filesystem::exists(dir + "/solid.actual.png"));
    EXPECT_TRUE(std::filesystem::exists(dir + "/solid.diff.png"));
    EXPECT_TRUE(tiler::testing::compare_to_golden(solid_image(16, 16, Rgba{11, 20, 30, 255}), expected).ok);
}
