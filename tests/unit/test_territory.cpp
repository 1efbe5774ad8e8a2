#include "territory/territory.hpp"

#include "core/error.hpp"
#include "territory/invariants.hpp"

#include <gtest/gtest.h>

#include <sstream>

using namespace tiler;

namespace {

constexpr const char* kSquare = "MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0)))";

double mismatch(const geos::Context& ctx, const GEOSGeometry* got, const char* expected_wkt) {
    const auto expected = ctx.from_wkt(expected_wkt);
    return ctx.planar_area(ctx.sym_difference(got, expected.get()).get());
}

// The line geometry `wkt` in normal form, as WKT (to compare with the engine's normalized output).
std::string normal_wkt(const geos::Context& ctx, const char* wkt) {
    auto g = ctx.from_wkt(wkt);
    ctx.normalize(g.get());
    return ctx.to_wkt(g.get());
}

Event event(const char* date, int seq, TargetKind kind, std::size_t index, const char* faction, const char* from = "") {
    Event e;
    e.date = *Date::parse(date);
    e.seq = seq;
    e.kind = kind;
    e.index = index;
    e.target = "test";
    e.faction = faction;
    e.from = from;
    return e;
}

// A 10°×10° country tiled by a 5×5 grid of places (place col + 5·row sits at (1 + 2·col, 1 + 2·row), so
// its cell is the 2°×2° square around it), two areas, one governorate and a short event log.
Sources sample(const geos::Context& ctx) {
    Sources src;
    src.dir = "test";
    src.country = ctx.from_wkt(kSquare);
    for (int row = 0; row < 5; ++row) {
        for (int col = 0; col < 5; ++col) {
            Place p;
            p.id = "p" + std::to_string(col) + std::to_string(row);
            p.name = p.id;
            p.lon = 1 + 2 * col;
            p.lat = 1 + 2 * row;
            src.places.push_back(p);
        }
    }
    auto area = [&](const char* id, const char* wkt) {
        Area a;
        a.id = id;
        a.geom = ctx.from_wkt(wkt);
        src.areas.push_back(std::move(a));
    };
    area("pocket", "POLYGON ((-3 6, 4 6, 4 13, -3 13, -3 6))");   // runs outside the country
    area("north-east", "POLYGON ((6 6, 10 6, 10 10, 6 10, 6 6))");
    area("band", "POLYGON ((0 7, 10 7, 10 8, 0 8, 0 7))");
    Governorate g;
    g.id = "SY01";
    g.name = "South";
    g.geom = ctx.from_wkt("POLYGON ((0 0, 10 0, 10 2, 0 2, 0 0))");
    src.governorates.push_back(std::move(g));
    for (const char* id : {"government", "hts", "sna", "sdf"}) src.styles.factions.push_back({id, id, "#000000", "#000000"});

    auto place = [](int col, int row) { return static_cast<std::size_t>(col + 5 * row); };
    src.events = {
        event("2024-11-26", 1, TargetKind::Area, 0, "hts"),                   // 0: baseline
        event("2024-11-26", 2, TargetKind::Area, 1, "sdf"),                   // 1: baseline
        event("2024-11-27", 1, TargetKind::Place, place(2, 3), "hts"),        // 2: (4..6, 6..8)
        event("2024-11-27", 2, TargetKind::Place, place(0, 0), "sna"),        // 3: taken ...
        event("2024-11-27", 3, TargetKind::Place, place(0, 0), "government"), // 4: ... and retaken the same day
        event("2024-11-29", 1, TargetKind::Governorate, 0, "sdf", "government"),  // 5: bottom row
        event("2024-11-29", 2, TargetKind::Place, place(2, 4), "hts"),        // 6: (4..6, 8..10)
        event("2024-11-29", 3, TargetKind::Area, 2, "sna", "hts"),            // 7: hts's part of the band only
    };
    src.first = *Date::parse("2024-11-26");
    src.last = *Date::parse("2024-11-29");
    return src;
}

const Control* find(const DayMap& day, const std::string& faction) {
    for (const auto& c : day.control)
        if (c.faction == faction) return &c;
    return nullptr;
}

// Everything a day holds, as text (WKT at full precision).
std::string dump(const geos::Context& ctx, const std::vector<DayMap>& days) {
    std::ostringstream out;
    out.precision(17);
    for (const auto& d : days) {
        out << d.date.str() << "\n";
        for (const auto& c : d.control) out << c.faction << " " << c.area_km2 << " " << ctx.to_wkt(c.geom.get(), 17) << "\n";
        for (const auto& c : d.changes) {
            out << c.from << ">" << c.to << " " << c.area_km2 << " " << ctx.to_wkt(c.geom.get(), 17);
            for (auto e : c.events) out << " " << e;
            out << "\n";
        }
        for (const auto& f : d.frontlines) out << f.a << "|" << f.b << " " << f.length_km << " " << ctx.to_wkt(f.geom.get(), 17) << "\n";
    }
    return out.str();
}

} // namespace

TEST(Territory, BaselineEventsPaintAnAllGovernmentCountry) {
    geos::Context ctx;
    const Sources src = sample(ctx);
    const auto days = build_timeline(ctx, src);
    ASSERT_EQ(days.size(), 4u);
    const DayMap& d0 = days[0];
    EXPECT_EQ(d0.date.str(), "2024-11-26");
    EXPECT_EQ(d0.events, (std::vector<std::size_t>{0, 1}));
    EXPECT_TRUE(d0.changes.empty());
    ASSERT_EQ(d0.control.size(), 3u);
    EXPECT_EQ(d0.control[0].faction, "government");
    EXPECT_EQ(d0.control[1].faction, "hts");
    EXPECT_EQ(d0.control[2].faction, "sdf");
    EXPECT_EQ(mismatch(ctx, d0.control[1].geom.get(), "POLYGON ((0 6, 4 6, 4 10, 0 10, 0 6))"), 0.0);
    EXPECT_EQ(mismatch(ctx, d0.control[2].geom.get(), "POLYGON ((6 6, 10 6, 10 10, 6 10, 6 6))"), 0.0);
    double total = 0;
    for (const auto& c : d0.control) total += c.area_km2;
    EXPECT_NEAR(total, geos::area_km2(ctx, src.country.get()), 1e-6);

    // Frontlines: the inner edges only, never the country border.
    ASSERT_EQ(d0.frontlines.size(), 2u);
    EXPECT_EQ(d0.frontlines[0].a, "government");
    EXPECT_EQ(d0.frontlines[0].b, "hts");
    EXPECT_EQ(ctx.to_wkt(d0.frontlines[0].geom.get()), normal_wkt(ctx, "MULTILINESTRING ((0 6, 4 6, 4 10))"));
    EXPECT_EQ(d0.frontlines[1].b, "sdf");
    EXPECT_EQ(ctx.to_wkt(d0.frontlines[1].geom.get()), normal_wkt(ctx, "MULTILINESTRING ((6 10, 6 6, 10 6))"));
}

TEST(Territory, ACaptureReversedTheSameDayIsNoChange) {
    geos::Context ctx;
    const auto days = build_timeline(ctx, sample(ctx));
    const DayMap& d1 = days[1];
    EXPECT_EQ(d1.events, (std::vector<std::size_t>{2, 3, 4}));
    ASSERT_EQ(d1.changes.size(), 1u);
    EXPECT_EQ(d1.changes[0].from, "government");
    EXPECT_EQ(d1.changes[0].to, "hts");
    EXPECT_EQ(mismatch(ctx, d1.changes[0].geom.get(), "POLYGON ((4 6, 6 6, 6 8, 4 8, 4 6))"), 0.0);
    EXPECT_EQ(d1.changes[0].events, std::vector<std::size_t>{2});
    EXPECT_EQ(find(d1, "sna"), nullptr);   // held a cell for part of the day only
    EXPECT_EQ(mismatch(ctx, find(d1, "hts")->geom.get(), "POLYGON ((0 6, 6 6, 6 8, 4 8, 4 10, 0 10, 0 6))"), 0.0);

    // A day without events is the previous map, unchanged.
    const DayMap& d2 = days[2];
    EXPECT_TRUE(d2.events.empty());
    EXPECT_TRUE(d2.changes.empty());
    ASSERT_EQ(d2.control.size(), d1.control.size());
    for (std::size_t i = 0; i < d2.control.size(); ++i)
        EXPECT_EQ(ctx.to_wkt(d2.control[i].geom.get(), 17), ctx.to_wkt(d1.control[i].geom.get(), 17));
    ASSERT_EQ(d2.frontlines.size(), d1.frontlines.size());
}

TEST(Territory, FromLimitsTheChangeAndChangesNameTheirEvents) {
    geos::Context ctx;
    const Sources src = sample(ctx);
    const auto days = build_timeline(ctx, src);
    const DayMap& d3 = days[3];
    EXPECT_EQ(mismatch(ctx, find(d3, "government")->geom.get(), "POLYGON ((0 2, 10 2, 10 6, 0 6, 0 2))"), 0.0)
        << ctx.to_wkt(find(d3, "government")->geom.get());
    EXPECT_EQ(mismatch(ctx, find(d3, "hts")->geom.get(),
                       "MULTIPOLYGON (((0 6, 6 6, 6 7, 0 7, 0 6)), ((0 8, 6 8, 6 10, 0 10, 0 8)))"),
              0.0)
        << ctx.to_wkt(find(d3, "hts")->geom.get());
    EXPECT_EQ(mismatch(ctx, find(d3, "sna")->geom.get(), "POLYGON ((0 7, 6 7, 6 8, 0 8, 0 7))"), 0.0);
    EXPECT_EQ(mismatch(ctx, find(d3, "sdf")->geom.get(),
                       "MULTIPOLYGON (((6 6, 10 6, 10 10, 6 10, 6 6)), ((0 0, 10 0, 10 2, 0 2, 0 0)))"),
              0.0);
    ASSERT_EQ(d3.control.size(), 4u);
    EXPECT_EQ(d3.control[2].faction, "sna");   // styles order

    ASSERT_EQ(d3.changes.size(), 3u);
    EXPECT_EQ(d3.changes[0].from + ">" + d3.changes[0].to, "government>hts");
    EXPECT_EQ(d3.changes[0].events, std::vector<std::size_t>{6});
    EXPECT_EQ(d3.changes[1].from + ">" + d3.changes[1].to, "government>sdf");
    EXPECT_EQ(d3.changes[1].events, std::vector<std::size_t>{5});
    EXPECT_NEAR(d3.changes[1].area_km2, find(d3, "sdf")->area_km2 - find(days[2], "sdf")->area_km2, 1e-6);
    // Event 6's cell only touches the band along a line: not a cause of the hts -> sna change.
    EXPECT_EQ(d3.changes[2].from + ">" + d3.changes[2].to, "hts>sna");
    EXPECT_EQ(d3.changes[2].events, std::vector<std::size_t>{7});
    EXPECT_EQ(mismatch(ctx, d3.changes[2].geom.get(), "POLYGON ((0 7, 6 7, 6 8, 0 8, 0 7))"), 0.0);

    for (const auto& d : days) EXPECT_NO_THROW(check_partition(ctx, src.country.get(), d.control, d.date.str()));
    // hts|sna, hts|government, ... : the sna band has frontlines with hts (two lines) and sdf.
    bool hts_sna = false;
    for (const auto& f : d3.frontlines) {
        if (f.a == "hts" && f.b == "sna") {
            hts_sna = true;
            EXPECT_EQ(ctx.to_wkt(f.geom.get()), normal_wkt(ctx, "MULTILINESTRING ((0 7, 6 7), (0 8, 6 8))"));
        }
    }
    EXPECT_TRUE(hts_sna);
}

TEST(Territory, TwoRunsGiveByteIdenticalOutput) {
    std::string first, second;
    {
        geos::Context ctx;
        first = dump(ctx, build_timeline(ctx, sample(ctx)));
    }
    {
        geos::Context ctx;
        second = dump(ctx, build_timeline(ctx, sample(ctx)));
    }
    EXPECT_EQ(first, second);
    EXPECT_GT(first.size(), 1000u);
}

TEST(Territory, EventsOutsideTheDayRangeAreABug) {
    geos::Context ctx;
    Sources src = sample(ctx);
    src.last = *Date::parse("2024-11-28");
    EXPECT_THROW(build_timeline(ctx, src), Error);
}
