#include "territory/apply.hpp"

#include <gtest/gtest.h>

using namespace tiler;

namespace {

constexpr const char* kSquare = "MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0)))";
constexpr std::size_t kGov = 0, kHts = 1, kSna = 2;

double mismatch(const geos::Context& ctx, const GEOSGeometry* got, const char* expected_wkt) {
    const auto expected = ctx.from_wkt(expected_wkt);
    return ctx.planar_area(ctx.sym_difference(got, expected.get()).get());
}

Styles three_factions() {
    Styles s;
    for (const char* id : {"government", "hts", "sna"}) s.factions.push_back({id, id, "#000000", "#000000"});
    return s;
}

} // namespace

TEST(Apply, TheNewFactionGainsTheRegionAndEveryOtherLosesIt) {
    geos::Context ctx;
    const auto country = ctx.from_wkt(kSquare);
    Territory t(ctx, country.get(), 3, kGov);
    EXPECT_EQ(mismatch(ctx, t.geom(kGov), kSquare), 0.0);
    EXPECT_TRUE(t.holds_nothing(kHts));

    t.apply(ctx.from_wkt("POLYGON ((0 0, 4 0, 4 10, 0 10, 0 0))").get(), kHts);
    t.apply(ctx.from_wkt("POLYGON ((2 0, 6 0, 6 5, 2 5, 2 0))").get(), kSna);   // takes from hts and government
    EXPECT_EQ(mismatch(ctx, t.geom(kHts), "POLYGON ((0 0, 2 0, 2 5, 4 5, 4 10, 0 10, 0 0))"), 0.0)
        << ctx.to_wkt(t.geom(kHts));
    EXPECT_EQ(mismatch(ctx, t.geom(kSna), "POLYGON ((2 0, 6 0, 6 5, 2 5, 2 0))"), 0.0) << ctx.to_wkt(t.geom(kSna));
    EXPECT_EQ(mismatch(ctx, t.geom(kGov), "POLYGON ((6 0, 10 0, 10 10, 4 10, 4 5, 6 5, 6 0))"), 0.0)
        << ctx.to_wkt(t.geom(kGov));
    for (std::size_t k = 0; k < 3; ++k) EXPECT_EQ(ctx.type_id(t.geom(k)), GEOS_MULTIPOLYGON);
}

TEST(Apply, WithFromOnlyThatFactionsPartChangesHands) {
    geos::Context ctx;
    const auto country = ctx.from_wkt(kSquare);
    Territory t(ctx, country.get(), 3, kGov);
    t.apply(ctx.from_wkt("POLYGON ((0 0, 5 0, 5 10, 0 10, 0 0))").get(), kSna);
    // hts takes the middle band, but only from the government.
    const auto moved = t.apply(ctx.from_wkt("POLYGON ((3 3, 8 3, 8 6, 3 6, 3 3))").get(), kHts, kGov);
    EXPECT_EQ(mismatch(ctx, moved.get(), "POLYGON ((5 3, 8 3, 8 6, 5 6, 5 3))"), 0.0) << ctx.to_wkt(moved.get());
    EXPECT_EQ(mismatch(ctx, t.geom(kSna), "POLYGON ((0 0, 5 0, 5 10, 0 10, 0 0))"), 0.0) << ctx.to_wkt(t.geom(kSna));
    EXPECT_EQ(mismatch(ctx, t.geom(kHts), "POLYGON ((5 3, 8 3, 8 6, 5 6, 5 3))"), 0.0);
    EXPECT_EQ(mismatch(ctx, t.geom(kGov), "POLYGON ((5 0, 10 0, 10 10, 5 10, 5 6, 8 6, 8 3, 5 3, 5 0))"), 0.0)
        << ctx.to_wkt(t.geom(kGov));

    // From a faction that holds none of the region: nothing moves.
    const std::size_t before = t.version(kSna);
    const auto none = t.apply(ctx.from_wkt("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))").get(), kHts, kGov);
    EXPECT_TRUE(ctx.is_empty(none.get()));
    EXPECT_EQ(t.version(kSna), before);
}

TEST(Apply, ALosingFactionThatLosesAllIsDroppedFromTheSnapshot) {
    geos::Context ctx;
    const auto country = ctx.from_wkt(kSquare);
    Territory t(ctx, country.get(), 3, kGov);
    t.apply(ctx.from_wkt("POLYGON ((0 0, 5 0, 5 10, 0 10, 0 0))").get(), kHts);
    t.apply(ctx.from_wkt("POLYGON ((0 0, 6 0, 6 10, 0 10, 0 0))").get(), kSna);
    EXPECT_TRUE(t.holds_nothing(kHts));
    const auto snap = t.snapshot(three_factions());
    ASSERT_EQ(snap.size(), 2u);
    EXPECT_EQ(snap[0].faction, "government");
    EXPECT_EQ(snap[1].faction, "sna");
    EXPECT_NEAR(snap[0].area_km2 + snap[1].area_km2, geos::area_km2(ctx, country.get()), 1e-6);
    EXPECT_NEAR(snap[1].area_km2 / geos::area_km2(ctx, country.get()), 0.6, 0.01);
}

TEST(Apply, TargetsAreClippedToTheCountry) {
    geos::Context ctx;
    Sources src;
    src.country = ctx.from_wkt(kSquare);
    Area a;
    a.id = "spill";
    a.geom = ctx.from_wkt("POLYGON ((8 8, 14 8, 14 14, 8 14, 8 8))");
    src.areas.push_back(std::move(a));
    Governorate g;
    g.id = "SY01";
    g.geom = ctx.from_wkt("POLYGON ((-5 -5, 3 -5, 3 3, -5 3, -5 -5))");
    src.governorates.push_back(std::move(g));
    Place p;
    p.lon = 5;
    p.lat = 5;
    src.places.push_back(p);
    std::vector<geos::Geom> cells;
    cells.push_back(ctx.from_wkt("MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0)))"));
    Targets targets(ctx, src, std::move(cells));

    Event e;
    e.kind = TargetKind::Area;
    EXPECT_EQ(mismatch(ctx, targets.region(e), "POLYGON ((8 8, 10 8, 10 10, 8 10, 8 8))"), 0.0);
    e.kind = TargetKind::Governorate;
    EXPECT_EQ(mismatch(ctx, targets.region(e), "POLYGON ((0 0, 3 0, 3 3, 0 3, 0 0))"), 0.0);
    e.kind = TargetKind::Country;
    EXPECT_EQ(mismatch(ctx, targets.region(e), kSquare), 0.0);
    e.kind = TargetKind::Place;
    EXPECT_EQ(mismatch(ctx, targets.region(e), kSquare), 0.0);
}
