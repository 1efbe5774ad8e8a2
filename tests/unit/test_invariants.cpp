#include "territory/invariants.hpp"

#include "core/error.hpp"

#include "../support/control_wkt.hpp"

#include <gtest/gtest.h>

using namespace tiler;

namespace {

constexpr const char* kSquare = "MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0)))";

// The message of the Error check_partition throws, or "" if it passes.
std::string failure(const geos::Context& ctx, const std::vector<Control>& p) {
    const auto country = ctx.from_wkt(kSquare);
    try {
        check_partition(ctx, country.get(), p, "2024-11-30");
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST(Invariants, AnExactPartitionPasses) {
    geos::Context ctx;
    EXPECT_EQ(failure(ctx, test::controls(ctx, {{"government", "MULTIPOLYGON (((0 0, 6 0, 6 10, 0 10, 0 0)))"},
                                       {"hts", "MULTIPOLYGON (((6 0, 10 0, 10 4, 6 4, 6 0)))"},
                                       {"sna", "POLYGON ((6 4, 10 4, 10 10, 6 10, 6 4))"}})),
              "");
    EXPECT_EQ(failure(ctx, test::controls(ctx, {{"government", kSquare}})), "");
}

TEST(Invariants, AGapIsCaughtAndNamesTheDay) {
    geos::Context ctx;
    const std::string msg = failure(ctx, test::controls(ctx, {{"government", "MULTIPOLYGON (((0 0, 6 0, 6 10, 0 10, 0 0)))"},
                                                     {"hts", "MULTIPOLYGON (((6 0, 10 0, 10 9, 6 9, 6 0)))"}}));
    EXPECT_NE(msg.find("2024-11-30"), std::string::npos) << msg;
    EXPECT_NE(msg.find("a gap of 4 deg"), std::string::npos) << msg;
}

TEST(Invariants, AnOverlapIsCaughtAndNamesBothFactions) {
    geos::Context ctx;
    // The union is still the country: only the overlap check can see it.
    const std::string msg = failure(ctx, test::controls(ctx, {{"government", "MULTIPOLYGON (((0 0, 6 0, 6 10, 0 10, 0 0)))"},
                                                     {"hts", "MULTIPOLYGON (((5 0, 10 0, 10 10, 5 10, 5 0)))"}}));
    EXPECT_NE(msg.find("'government' and 'hts' overlap"), std::string::npos) << msg;
    EXPECT_NE(msg.find("2024-11-30"), std::string::npos) << msg;
}

TEST(Invariants, TerritoryOutsideTheCountryIsCaught) {
    geos::Context ctx;
    const std::string msg = failure(ctx, test::controls(ctx, {{"government", "MULTIPOLYGON (((0 0, 6 0, 6 10, 0 10, 0 0)))"},
                                                     {"hts", "MULTIPOLYGON (((6 0, 11 0, 11 10, 6 10, 6 0)))"}}));
    EXPECT_NE(msg.find("'hts' reaches 10 deg² outside the country"), std::string::npos) << msg;
}

TEST(Invariants, ALineIsNotTerritory) {
    geos::Context ctx;
    const std::string msg =
        failure(ctx, test::controls(ctx, {{"government", kSquare}, {"hts", "LINESTRING (0 0, 10 10)"}}));
    EXPECT_NE(msg.find("'hts' is not polygonal"), std::string::npos) << msg;
}

TEST(Invariants, VerifiedPairsAreSkippedButTheSumsStillCatchAnOverlap) {
    geos::Context ctx;
    const auto country = ctx.from_wkt(kSquare);
    const PartitionChecker checker(ctx, country.get());
    const auto p = test::controls(ctx, {{"government", "MULTIPOLYGON (((0 0, 6 0, 6 10, 0 10, 0 0)))"},
                               {"hts", "MULTIPOLYGON (((5 0, 10 0, 10 10, 5 10, 5 0)))"}});
    std::string msg;
    try {
        checker.check(p, "2024-12-01", {"government", "hts"});
    } catch (const Error& e) {
        msg = e.what();
    }
    EXPECT_EQ(msg.find("overlap ("), std::string::npos) << msg;   // the pair was not intersected again
    EXPECT_NE(msg.find("2024-12-01: partition invariant broken: the factions' areas exceed the country's by 10 deg²"),
              std::string::npos)
        << msg;
    EXPECT_THROW(checker.check(p, "2024-12-01", {"government"}), Error);
}

TEST(Invariants, ASliverUnderTheGridIsNotAGap) {
    geos::Context ctx;
    // hts stops 1e-9° short of the border with the government: far below the grid, not a gap.
    EXPECT_EQ(failure(ctx, test::controls(ctx, {{"government", "MULTIPOLYGON (((0 0, 6 0, 6 10, 0 10, 0 0)))"},
                                       {"hts", "MULTIPOLYGON (((6.000000001 0, 10 0, 10 10, 6.000000001 10, 6.000000001 0)))"}})),
              "");
}
