#include "geos/geos.hpp"

#include "core/error.hpp"

#include <gtest/gtest.h>

using namespace tiler;

TEST(Geos, OverlayOnGridWktInWktOut) {
    geos::Context ctx;
    auto a = ctx.from_wkt("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))");
    auto b = ctx.from_wkt("POLYGON ((5 5, 15 5, 15 15, 5 15, 5 5))");
    auto i = ctx.intersection(a.get(), b.get());
    auto expected = ctx.from_wkt("POLYGON ((5 5, 10 5, 10 10, 5 10, 5 5))");
    auto sym = ctx.own(GEOSSymDifference_r(ctx.handle(), i.get(), expected.get()), "symdiff");
    EXPECT_DOUBLE_EQ(ctx.planar_area(sym.get()), 0.0) << ctx.to_wkt(i.get());
    EXPECT_DOUBLE_EQ(ctx.planar_area(ctx.difference(a.get(), b.get()).get()), 75.0);
    EXPECT_DOUBLE_EQ(ctx.planar_area(ctx.union_(a.get(), b.get()).get()), 175.0);
}

TEST(Geos, InvalidReasonNamesTheSelfIntersection) {
    geos::Context ctx;
    auto bowtie = ctx.from_wkt("POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))");
    EXPECT_FALSE(ctx.is_valid(bowtie.get()));
    const std::string reason = ctx.invalid_reason(bowtie.get());
    EXPECT_NE(reason.find("Self-intersection"), std::string::npos) << reason;
    EXPECT_NE(reason.find("lon 5.000000 lat 5.000000"), std::string::npos) << reason;
    EXPECT_EQ(ctx.invalid_reason(ctx.from_wkt("POINT (1 2)").get()), "");
}

TEST(Geos, BadWktThrowsWithGeosMessage) {
    geos::Context ctx;
    EXPECT_THROW(ctx.from_wkt("POLYGON ((0 0, 1 1"), GeosError);
}

TEST(Geos, PolygonalDropsLinesAndPoints) {
    geos::Context ctx;
    auto mixed = ctx.from_wkt(
        "GEOMETRYCOLLECTION (POLYGON ((0 0, 1 0, 1 1, 0 0)), LINESTRING (0 0, 5 5), POINT (3 3))");
    auto p = ctx.polygonal(std::move(mixed));
    EXPECT_EQ(ctx.type_id(p.get()), GEOS_MULTIPOLYGON);
    EXPECT_EQ(ctx.num_geometries(p.get()), 1);
}

TEST(Geos, GeodesicAreaOfOneDegreeCellAtTheEquatorAndAtSyria) {
    geos::Context ctx;
    // 1°×1° at the equator: ≈ 12,364 km² on the authalic sphere.
    auto eq = ctx.from_wkt("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))");
    EXPECT_NEAR(geos::area_km2(ctx, eq.get()), 12364.0, 15.0);
    // At 35–36°N: the cell shrinks with cos(latitude) ≈ 0.815.
    auto syria = ctx.from_wkt("POLYGON ((38 35, 39 35, 39 36, 38 36, 38 35))");
    EXPECT_NEAR(geos::area_km2(ctx, syria.get()) / geos::area_km2(ctx, eq.get()), 0.8151, 0.002);
    // Holes are subtracted; orientation does not matter.
    auto holed = ctx.from_wkt("POLYGON ((0 0, 0 2, 2 2, 2 0, 0 0), (0.5 0.5, 1.5 0.5, 1.5 1.5, 0.5 1.5, 0.5 0.5))");
    EXPECT_NEAR(geos::area_km2(ctx, holed.get()), 3 * 12364.0, 60.0);
}

TEST(Geos, GreatCircleDistanceAndLineLength) {
    // One degree along a meridian or the equator: 2·π·6371.0088 km / 360.
    const double degree_km = 2 * 3.14159265358979323846 * 6371.0088 / 360;
    EXPECT_NEAR(geos::distance_km(38, 35, 38, 36), degree_km, 1e-9);
    EXPECT_NEAR(geos::distance_km(0, 0, 1, 0), degree_km, 1e-9);
    EXPECT_EQ(geos::distance_km(37.16, 36.2, 37.16, 36.2), 0.0);
    // Symmetric; along the 36th parallel a degree of longitude is about cos(36°) as long.
    EXPECT_DOUBLE_EQ(geos::distance_km(36.3, 33.5, 37.16, 36.2), geos::distance_km(37.16, 36.2, 36.3, 33.5));
    EXPECT_NEAR(geos::distance_km(37, 36, 38, 36) / degree_km, 0.809, 0.001);
    // A line's length is the sum of its segments' distances.
    geos::Context ctx;
    auto line = ctx.from_wkt("LINESTRING (38 35, 38 36, 39 36)");
    EXPECT_NEAR(geos::length_km(ctx, line.get()), degree_km + geos::distance_km(38, 36, 39, 36), 1e-9);
}
