#include "territory/slivers.hpp"

#include "../support/control_wkt.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace tiler;

namespace {

// Around 37.0E 36.0N: 0.001 deg of longitude is about 90 m, 0.001 deg of latitude about 111 m.
// `hts` holds the band south of 36.1N, so every government part below touches it along 36.1N.
constexpr const char* kHts = "POLYGON ((36.9 36.0, 37.5 36.0, 37.5 36.1, 36.9 36.1, 36.9 36.0))";

const Date kDay = Date::from_ymd(2024, 11, 30);
constexpr double kPi = 3.14159265358979323846;

std::vector<Sliver> slivers(const geos::Context& ctx, const char* government, const SliverRules& rules = {}) {
    return find_slivers(ctx, test::controls(ctx, {{"government", government}, {"hts", kHts}}), kDay, rules);
}

} // namespace

TEST(Slivers, AThinStripIsReportedThoughLargerThanTheSizeLimit) {
    geos::Context ctx;
    // 9 km x 170 m along the hts edge: 1.5 km2 (above the 0.5 km2 size limit), 4piA/P^2 about 0.06.
    const auto found = slivers(ctx, "MULTIPOLYGON (((37.0 36.1, 37.1 36.1, 37.1 36.1015, 37.0 36.1015, 37.0 36.1)))");
    ASSERT_EQ(found.size(), 1u);
    const Sliver& s = found[0];
    EXPECT_EQ(s.faction, "government");
    EXPECT_EQ(s.date, kDay);
    EXPECT_TRUE(s.thin);
    EXPECT_NEAR(s.area_km2, 1.5, 0.05);
    EXPECT_NEAR(s.perimeter_km, 18.35, 0.1);
    EXPECT_NEAR(s.ratio, 4 * kPi * s.area_km2 / (s.perimeter_km * s.perimeter_km), 1e-12);
    EXPECT_LT(s.ratio, 0.07);
    EXPECT_GT(s.area_km2, SliverRules{}.tiny_km2);   // so only the thinness test can have caught it
    // The point is on the strip.
    EXPECT_GT(s.lon, 37.0);
    EXPECT_LT(s.lon, 37.1);
    EXPECT_GT(s.lat, 36.1);
    EXPECT_LT(s.lat, 36.1015);
}

TEST(Slivers, ATinyCompactPartIsReportedAsSmall) {
    geos::Context ctx;
    // 450 m x 555 m: 0.25 km2, compact.
    const auto found = slivers(ctx, "POLYGON ((37.2 36.1, 37.205 36.1, 37.205 36.105, 37.2 36.105, 37.2 36.1))");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_FALSE(found[0].thin);
    EXPECT_NEAR(found[0].area_km2, 0.25, 0.01);
    EXPECT_NEAR(found[0].ratio, kPi / 4, 0.01);   // a square
}

TEST(Slivers, RealEnclavesAreNotReported) {
    geos::Context ctx;
    // A Sheikh Maqsood-sized district (2.3 km x 2.8 km, 6.3 km2) and a 10 km x 1.1 km corridor (11 km2,
    // 4piA/P^2 about 0.3), each touching hts.
    EXPECT_TRUE(slivers(ctx, "MULTIPOLYGON (((37.2 36.1, 37.225 36.1, 37.225 36.125, 37.2 36.125, 37.2 36.1)), "
                             "((37.3 36.1, 37.41 36.1, 37.41 36.11, 37.3 36.11, 37.3 36.1)))")
                    .empty());
}

TEST(Slivers, ThinButLargerThanTheThinLimitIsNotReported) {
    geos::Context ctx;
    // 54 km x 450 m: thin (4piA/P^2 about 0.025) but 24 km2, above the 20 km2 limit of the thinness test.
    const char* band = "POLYGON ((36.9 36.1, 37.5 36.1, 37.5 36.104, 36.9 36.104, 36.9 36.1))";
    EXPECT_TRUE(slivers(ctx, band).empty());
    SliverRules wider;
    wider.thin_km2 = 30;
    const auto found = slivers(ctx, band, wider);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(found[0].thin);
}

TEST(Slivers, AnIslandWithNoNeighbourIsNotReported) {
    geos::Context ctx;
    // The same tiny square, once off the hts band (a whole island held by one faction), once on it.
    EXPECT_TRUE(slivers(ctx, "POLYGON ((37.2 36.2, 37.205 36.2, 37.205 36.205, 37.2 36.205, 37.2 36.2))").empty());
    EXPECT_EQ(slivers(ctx, "POLYGON ((37.2 36.1, 37.205 36.1, 37.205 36.105, 37.2 36.105, 37.2 36.1))").size(), 1u);
}

TEST(Slivers, EveryPartOfEveryFactionIsLookedAt) {
    geos::Context ctx;
    // hts holds a tiny part north of the government's main part and a thin strip inside it; the government's
    // main part is large. Reported in control order, then part order.
    const auto found = find_slivers(
        ctx,
        test::controls(ctx, {{"government", "POLYGON ((36.9 36.1, 37.5 36.1, 37.5 36.5, 36.9 36.5, 36.9 36.1), "
                                     "(37.0 36.3, 37.1 36.3, 37.1 36.3015, 37.0 36.3015, 37.0 36.3))"},
                      {"hts", "MULTIPOLYGON (((36.9 36.0, 37.5 36.0, 37.5 36.1, 36.9 36.1, 36.9 36.0)), "
                              "((37.2 36.5, 37.205 36.5, 37.205 36.505, 37.2 36.505, 37.2 36.5)), "
                              "((37.0 36.3, 37.1 36.3, 37.1 36.3015, 37.0 36.3015, 37.0 36.3)))"}}),
        kDay);
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0].faction, "hts");
    EXPECT_FALSE(found[0].thin);
    EXPECT_NEAR(found[0].lat, 36.5025, 0.0025);
    EXPECT_EQ(found[1].faction, "hts");
    EXPECT_TRUE(found[1].thin);
    EXPECT_NEAR(found[1].lat, 36.30075, 0.00075);
}

TEST(Slivers, TheNearestPlaceIsNamed) {
    geos::Context ctx;
    auto found = slivers(ctx, "POLYGON ((37.2 36.1, 37.205 36.1, 37.205 36.105, 37.2 36.105, 37.2 36.1))");
    ASSERT_EQ(found.size(), 1u);
    Place far, near;
    far.name = "Far";
    far.lon = 37.3;
    far.lat = 36.2;
    near.name = "Near";
    near.lon = 37.21;
    near.lat = found[0].lat;
    name_nearest_places(found, {far, near});
    EXPECT_EQ(found[0].place, "Near");
    // 37.21 - lon degrees of longitude at 36.1N: about 90 km per degree.
    EXPECT_NEAR(found[0].place_km, (37.21 - found[0].lon) * 111.195 * std::cos(found[0].lat * kPi / 180), 0.01);
    std::vector<Sliver> none = found;
    none[0].place.clear();
    name_nearest_places(none, {});
    EXPECT_EQ(none[0].place, "");
}

TEST(Slivers, DescribeNamesDayFactionSizeShapeAndPlace) {
    Sliver s;
    s.date = Date::from_ymd(2024, 11, 30);
    s.faction = "government";
    s.area_km2 = 1.3128;
    s.ratio = 0.0684;
    s.thin = true;
    s.lon = 37.241912;
    s.lat = 36.138806;
    s.place = "Nayrab";
    s.place_km = 1.44;
    EXPECT_EQ(describe(s), "likely sliver on 2024-11-30: government, 1.313 km2, thin (4*pi*A/P^2 = 0.068), "
                           "at 37.24191 36.13881 (lon lat), 1.4 km from Nayrab");
    s.thin = false;
    s.place.clear();
    EXPECT_EQ(describe(s), "likely sliver on 2024-11-30: government, 1.313 km2, small (4*pi*A/P^2 = 0.068), "
                           "at 37.24191 36.13881 (lon lat)");
}
