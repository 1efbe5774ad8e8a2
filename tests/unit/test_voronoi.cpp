#include "territory/voronoi.hpp"

#include <gtest/gtest.h>

using namespace tiler;

namespace {

constexpr const char* kSquare = "MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0)))";

// Planar area of the symmetric difference: 0 when the two geometries cover the same points.
double mismatch(const geos::Context& ctx, const GEOSGeometry* got, const char* expected_wkt) {
    const auto expected = ctx.from_wkt(expected_wkt);
    return ctx.planar_area(ctx.sym_difference(got, expected.get()).get());
}

} // namespace

TEST(Voronoi, FourPointsSplitTheSquareIntoQuadrantsInInputOrder) {
    geos::Context ctx;
    const auto country = ctx.from_wkt(kSquare);
    // Deliberately not in coordinate order: GEOS 3.11 returns cells in its own order.
    const std::vector<std::pair<double, double>> pts = {{8, 8}, {2, 2}, {8, 2}, {2, 8}};
    const auto cells = voronoi_cells(ctx, pts, country.get());
    ASSERT_EQ(cells.size(), 4u);
    EXPECT_EQ(mismatch(ctx, cells[0].get(), "POLYGON ((5 5, 10 5, 10 10, 5 10, 5 5))"), 0.0) << ctx.to_wkt(cells[0].get());
    EXPECT_EQ(mismatch(ctx, cells[1].get(), "POLYGON ((0 0, 5 0, 5 5, 0 5, 0 0))"), 0.0) << ctx.to_wkt(cells[1].get());
    EXPECT_EQ(mismatch(ctx, cells[2].get(), "POLYGON ((5 0, 10 0, 10 5, 5 5, 5 0))"), 0.0) << ctx.to_wkt(cells[2].get());
    EXPECT_EQ(mismatch(ctx, cells[3].get(), "POLYGON ((0 5, 5 5, 5 10, 0 10, 0 5))"), 0.0) << ctx.to_wkt(cells[3].get());
    for (const auto& c : cells) EXPECT_EQ(ctx.type_id(c.get()), GEOS_MULTIPOLYGON);
}

TEST(Voronoi, CellsPartitionANonConvexCountryAndContainTheirPoint) {
    geos::Context ctx;
    // An L-shaped country: the cells of the points near the notch must be clipped.
    const auto country = ctx.from_wkt("POLYGON ((0 0, 10 0, 10 4, 4 4, 4 10, 0 10, 0 0))");
    const std::vector<std::pair<double, double>> pts = {{1, 1}, {3, 2.5}, {8, 1}, {9, 3}, {1, 9}, {2, 6}, {5.5, 1.5}};
    const auto cells = voronoi_cells(ctx, pts, country.get());
    ASSERT_EQ(cells.size(), pts.size());
    double total = 0;
    std::vector<geos::Geom> copies;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        const auto p = ctx.point(pts[i].first, pts[i].second);
        EXPECT_TRUE(ctx.contains(cells[i].get(), p.get())) << i << ": " << ctx.to_wkt(cells[i].get());
        total += ctx.planar_area(cells[i].get());
        copies.push_back(ctx.clone(cells[i].get()));
        for (std::size_t j = 0; j < i; ++j)
            EXPECT_EQ(ctx.planar_area(ctx.intersection(cells[i].get(), cells[j].get()).get()), 0.0) << i << " " << j;
    }
    EXPECT_NEAR(total, 64.0, 1e-9);
    const auto all = ctx.unary_union(ctx.collect(std::move(copies), GEOS_GEOMETRYCOLLECTION).get());
    EXPECT_NEAR(ctx.planar_area(ctx.sym_difference(all.get(), country.get()).get()), 0.0, 1e-9);
}

TEST(Voronoi, PlacesAtTheSameCoordinateShareOneCell) {
    geos::Context ctx;
    const auto country = ctx.from_wkt(kSquare);
    const std::vector<std::pair<double, double>> pts = {{2, 5}, {8, 5}, {2, 5}, {2.0000000001, 5}};
    const auto cells = voronoi_cells(ctx, pts, country.get());
    ASSERT_EQ(cells.size(), 4u);
    EXPECT_EQ(mismatch(ctx, cells[0].get(), "POLYGON ((0 0, 5 0, 5 10, 0 10, 0 0))"), 0.0) << ctx.to_wkt(cells[0].get());
    EXPECT_EQ(ctx.to_wkt(cells[2].get()), ctx.to_wkt(cells[0].get()));
    EXPECT_EQ(ctx.to_wkt(cells[3].get()), ctx.to_wkt(cells[0].get()));   // same grid coordinate
    EXPECT_EQ(mismatch(ctx, cells[1].get(), "POLYGON ((5 0, 10 0, 10 10, 5 10, 5 0))"), 0.0);
}

TEST(Voronoi, OnePlaceHoldsTheWholeCountry) {
    geos::Context ctx;
    const auto country = ctx.from_wkt(kSquare);
    const auto cells = voronoi_cells(ctx, {{3, 3}}, country.get());
    ASSERT_EQ(cells.size(), 1u);
    EXPECT_EQ(mismatch(ctx, cells[0].get(), kSquare), 0.0);
    EXPECT_TRUE(voronoi_cells(ctx, {}, country.get()).empty());
}

TEST(Voronoi, PlaceCellsAreIndexAlignedWithSourcesPlaces) {
    geos::Context ctx;
    Sources src;
    src.country = ctx.from_wkt(kSquare);
    for (auto [lon, lat] : std::vector<std::pair<double, double>>{{7.5, 2.5}, {2.5, 7.5}}) {
        Place p;
        p.lon = lon;
        p.lat = lat;
        src.places.push_back(p);
    }
    const auto cells = place_cells(ctx, src);
    ASSERT_EQ(cells.size(), 2u);
    // The bisector of (7.5 2.5) and (2.5 7.5) is the diagonal y = x.
    EXPECT_EQ(mismatch(ctx, cells[0].get(), "POLYGON ((0 0, 10 0, 10 10, 0 0))"), 0.0) << ctx.to_wkt(cells[0].get());
    EXPECT_EQ(mismatch(ctx, cells[1].get(), "POLYGON ((0 0, 10 10, 0 10, 0 0))"), 0.0) << ctx.to_wkt(cells[1].get());
}
