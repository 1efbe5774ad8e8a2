// Clipping to a tile: WKT in (world pixel coordinates), tile geometry out.
#include "tiling/clip.hpp"

#include <gtest/gtest.h>

using namespace tiler;

namespace {
std::string clip_wkt(const geos::Context& ctx, const std::string& wkt, const TileBox& box) {
    geos::Geom g = ctx.from_wkt(wkt);
    const auto polys = clip_polygons(ctx, g.get(), box);
    if (polys.empty()) return "EMPTY";
    geos::Geom out = to_geos(ctx, polys);
    EXPECT_TRUE(ctx.is_valid(out.get())) << ctx.invalid_reason(out.get());
    for (const auto& p : polys) {
        EXPECT_GT(twice_signed_area(p.exterior), 0) << "exterior must be clockwise on screen";
        for (const auto& h : p.interiors) EXPECT_LT(twice_signed_area(h), 0);
    }
    return ctx.to_wkt(out.get(), 0);
}
TileBox box(double x0, double y0, std::uint32_t buffer = 64) { return TileBox{x0, y0, 4096, buffer}; }
} // namespace

TEST(Clip, CoveringPolygonBecomesTheBufferedSquare) {
    geos::Context ctx;
    EXPECT_EQ(clip_wkt(ctx, "POLYGON((-10000 -10000, 20000 -10000, 20000 20000, -10000 20000, -10000 -10000))", box(4096, 0)),
              "MULTIPOLYGON (((4160 -64, 4160 4160, -64 4160, -64 -64, 4160 -64)))");
}

TEST(Clip, TranslatesSnapsAndKeepsHoles) {
    geos::Context ctx;
    // Tile (1, 1): origin 4096,4096. A square with a hole, partly outside on the right.
    EXPECT_EQ(clip_wkt(ctx,
                       "POLYGON((5000.4 5000.4, 9000 5000, 9000 6000, 5000 6000, 5000.4 5000.4),"
                       "(5100 5100, 5100 5200, 5200 5200, 5200 5100, 5100 5100))",
                       box(4096, 4096)),
              "MULTIPOLYGON (((4160 904, 4160 1904, 904 1904, 904 904, 4160 904), (1004 1104, 1104 1104, 1104 1004, 1004 "
              "1004, 1004 1104)))");
}

TEST(Clip, DropsWhatCollapsesOnTheGridAndOutsideTheBuffer) {
    geos::Context ctx;
    EXPECT_EQ(clip_wkt(ctx, "POLYGON((10 10, 10.2 10, 10.2 10.3, 10 10))", box(0, 0)), "EMPTY");
    EXPECT_EQ(clip_wkt(ctx, "POLYGON((5000 10, 6000 10, 6000 20, 5000 20, 5000 10))", box(0, 0)), "EMPTY");
}

TEST(Clip, RepairsPolygonsThatSnappingMakesInvalid) {
    geos::Context ctx;
    // Two parts 0.4 apart merge on the grid: the result must still be valid.
    EXPECT_EQ(clip_wkt(ctx, "MULTIPOLYGON(((0 0, 10 0, 10 10, 0 10, 0 0)), ((10.4 0, 20 0, 20 10, 10.4 10, 10.4 0)))", box(0, 0)),
              "MULTIPOLYGON (((10 0, 20 0, 20 10, 10 10, 0 10, 0 0, 10 0)))");
}

TEST(Clip, NeighboursMeetTheTileEdgeAtTheSamePoint) {
    geos::Context ctx;
    // Two polygons sharing a slanted edge crossing the buffer edge at a non-integer point.
    const std::string a = "POLYGON((0 0, 3000 0, 4500.3 9000, 0 9000, 0 0))";
    const std::string b = "POLYGON((3000 0, 9000 0, 9000 9000, 4500.3 9000, 3000 0))";
    const TileBox t = box(0, 0);
    geos::Geom ga = to_geos(ctx, clip_polygons(ctx, ctx.from_wkt(a).get(), t));
    geos::Geom gb = to_geos(ctx, clip_polygons(ctx, ctx.from_wkt(b).get(), t));
    geos::Geom overlap = ctx.own(GEOSIntersection_r(ctx.handle(), ga.get(), gb.get()), "i");
    EXPECT_EQ(ctx.planar_area(overlap.get()), 0.0);
    geos::Geom u = ctx.own(GEOSUnion_r(ctx.handle(), ga.get(), gb.get()), "u");
    EXPECT_EQ(ctx.planar_area(u.get()), 4160.0 * 4160.0);   // the polygons start at 0
}

TEST(Clip, Lines) {
    geos::Context ctx;
    geos::Geom g = ctx.from_wkt("MULTILINESTRING((-1000 100.4, 2000 100.4, 2000.2 100.6), (3000 3000, 3000.2 3000.1))");
    const auto lines = clip_lines(ctx, g.get(), box(0, 0));
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0], (ILine{{-64, 100}, {2000, 100}, {2000, 101}}));
}
