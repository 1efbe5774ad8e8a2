#include "territory/derive.hpp"

#include "../support/control_wkt.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace tiler;

namespace {

double mismatch(const geos::Context& ctx, const GEOSGeometry* got, const char* expected_wkt) {
    const auto expected = ctx.from_wkt(expected_wkt);
    return ctx.planar_area(ctx.sym_difference(got, expected.get()).get());
}

Applied applied(const geos::Context& ctx, std::size_t event, const char* wkt) { return {event, ctx.from_wkt(wkt)}; }

} // namespace

TEST(Derive, ChangesAreNetFromToPairsWithTheirEvents) {
    geos::Context ctx;
    const auto before = test::controls(ctx, {{"government", "POLYGON ((0 0, 6 0, 6 10, 0 10, 0 0))"},
                                    {"hts", "POLYGON ((6 0, 10 0, 10 10, 6 10, 6 0))"}});
    // Event 7: hts takes x 4..6 from the government. Event 8: sna takes y 8..10 of x 0..2 from the government.
    // Event 9: hts takes x 0..1, y 0..1, and event 10 gives it back the same day (no net change there).
    const auto after = test::controls(ctx, {{"government", "POLYGON ((0 0, 4 0, 4 10, 2 10, 2 8, 0 8, 0 0))"},
                                   {"hts", "POLYGON ((4 0, 10 0, 10 10, 4 10, 4 0))"},
                                   {"sna", "POLYGON ((0 8, 2 8, 2 10, 0 10, 0 8))"}});
    std::vector<Applied> a;
    a.push_back(applied(ctx, 7, "MULTIPOLYGON (((4 0, 6 0, 6 10, 4 10, 4 0)))"));
    a.push_back(applied(ctx, 8, "MULTIPOLYGON (((0 8, 2 8, 2 10, 0 10, 0 8)))"));
    a.push_back(applied(ctx, 9, "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 1, 0 0)))"));
    a.push_back(applied(ctx, 10, "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 1, 0 0)))"));
    const auto changes = derive_changes(ctx, before, after, a);
    ASSERT_EQ(changes.size(), 2u);
    EXPECT_EQ(changes[0].from, "government");
    EXPECT_EQ(changes[0].to, "hts");
    EXPECT_EQ(mismatch(ctx, changes[0].geom.get(), "POLYGON ((4 0, 6 0, 6 10, 4 10, 4 0))"), 0.0);
    EXPECT_EQ(changes[0].events, std::vector<std::size_t>{7});
    EXPECT_NEAR(changes[0].area_km2, geos::area_km2(ctx, ctx.from_wkt("POLYGON ((4 0, 6 0, 6 10, 4 10, 4 0))").get()),
                1e-6);
    EXPECT_GT(changes[0].area_km2, 240000.0);   // 2°×10° near the equator
    EXPECT_EQ(changes[1].from, "government");
    EXPECT_EQ(changes[1].to, "sna");
    EXPECT_EQ(changes[1].events, std::vector<std::size_t>{8});
    EXPECT_EQ(ctx.type_id(changes[1].geom.get()), GEOS_MULTIPOLYGON);
}

TEST(Derive, NoAppliedRegionNoChanges) {
    geos::Context ctx;
    const auto map = test::controls(ctx, {{"government", "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))"}});
    EXPECT_TRUE(derive_changes(ctx, map, map, {}).empty());
}

TEST(Derive, FrontlinesAreSharedBoundariesNeverTheCountryBorder) {
    geos::Context ctx;
    const auto map = test::controls(ctx, {{"government", "MULTIPOLYGON (((0 0, 5 0, 5 10, 0 10, 0 0)))"},
                                 {"hts", "MULTIPOLYGON (((5 0, 10 0, 10 5, 5 5, 5 0)))"},
                                 {"sna", "MULTIPOLYGON (((5 5, 10 5, 10 10, 5 10, 5 5)))"}});
    const auto lines = derive_frontlines(ctx, map);
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(lines[0].a, "government");
    EXPECT_EQ(lines[0].b, "hts");
    EXPECT_EQ(ctx.to_wkt(lines[0].geom.get()), "MULTILINESTRING ((5 0, 5 5))");
    EXPECT_EQ(lines[1].a, "government");
    EXPECT_EQ(lines[1].b, "sna");
    EXPECT_EQ(ctx.to_wkt(lines[1].geom.get()), "MULTILINESTRING ((5 5, 5 10))");
    EXPECT_EQ(lines[2].a, "hts");
    EXPECT_EQ(lines[2].b, "sna");
    EXPECT_EQ(ctx.to_wkt(lines[2].geom.get()), "MULTILINESTRING ((5 5, 10 5))");
    // 5° of a meridian: 5 × 111.195 km.
    EXPECT_NEAR(lines[0].length_km, 555.97, 0.05);
    // 5° along the parallel at 5°N, a great-circle chord per segment: a little less than 5 × 111.195 × cos 5°.
    EXPECT_NEAR(lines[2].length_km, 553.85, 0.1);
}

TEST(Derive, FrontlineOfAnEnclaveIsItsWholeRingMergedIntoOneLine) {
    geos::Context ctx;
    const auto map = test::controls(ctx, {{"government", "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (4 4, 6 4, 6 6, 4 6, 4 4))"},
                                 {"sdf", "POLYGON ((4 4, 6 4, 6 6, 4 6, 4 4))"}});
    const auto lines = derive_frontlines(ctx, map);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(ctx.num_geometries(lines[0].geom.get()), 1);
    EXPECT_EQ(mismatch(ctx, ctx.envelope(lines[0].geom.get()).get(), "POLYGON ((4 4, 6 4, 6 6, 4 6, 4 4))"), 0.0);
}

TEST(Derive, FactionsTouchingAtAPointHaveNoFrontline) {
    geos::Context ctx;
    const auto map = test::controls(ctx, {{"hts", "POLYGON ((0 0, 5 0, 5 5, 0 5, 0 0))"},
                                 {"sna", "POLYGON ((5 5, 10 5, 10 10, 5 10, 5 5))"},
                                 {"government", "MULTIPOLYGON (((5 0, 10 0, 10 5, 5 5, 5 0)), ((0 5, 5 5, 5 10, 0 10, 0 5)))"}});
    const auto lines = derive_frontlines(ctx, map);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0].a, "hts");
    EXPECT_EQ(lines[0].b, "government");
    EXPECT_EQ(lines[1].a, "sna");
    EXPECT_EQ(lines[1].b, "government");
}

TEST(Derive, UnchangedPairsAreCopiedFromThePreviousDay) {
    geos::Context ctx;
    const auto map = test::controls(ctx, {{"government", "POLYGON ((0 0, 5 0, 5 10, 0 10, 0 0))"},
                                 {"hts", "POLYGON ((5 0, 10 0, 10 10, 5 10, 5 0))"}});
    std::vector<Frontline> previous(1);
    previous[0].a = "government";
    previous[0].b = "hts";
    previous[0].geom = ctx.from_wkt("MULTILINESTRING ((1 1, 2 2))");   // marker: not what would be computed
    previous[0].length_km = 42;
    const auto reused = derive_frontlines(ctx, map, FrontlineReuse{&previous, {"government", "hts"}});
    ASSERT_EQ(reused.size(), 1u);
    EXPECT_EQ(ctx.to_wkt(reused[0].geom.get()), "MULTILINESTRING ((1 1, 2 2))");
    EXPECT_EQ(reused[0].length_km, 42);
    const auto computed = derive_frontlines(ctx, map, FrontlineReuse{&previous, {"government"}});
    ASSERT_EQ(computed.size(), 1u);
    EXPECT_EQ(ctx.to_wkt(computed[0].geom.get()), "MULTILINESTRING ((5 0, 5 10))");
}
