// Coverage simplification: neighbours never gap or overlap, at any tolerance.
#include "tiling/coverage_simplify.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <string>

using namespace tiler;

namespace {

/// A 100 x 100 square split into three jagged regions (a wavy vertical border and a wavy horizontal one
/// on the right) plus an island inside the left region.
std::vector<geos::Geom> jagged_coverage(const geos::Context& ctx) {
    geos::Path wave_v, wave_h;
    for (int i = 0; i <= 200; ++i) {
        const double y = i * 0.5;
        wave_v.emplace_back(50 + 6 * std::sin(y * 0.7) + 2 * std::sin(y * 3.1), y);
    }
    std::vector<std::vector<std::pair<double, double>>> left{{{0, 0}}}, right{{{100, 0}}};
    for (const auto& p : wave_v) left[0].push_back(p);
    left[0].push_back({0, 100});
    left[0].push_back({0, 0});
    geos::Geom l = ctx.polygon(left);
    geos::Geom square = ctx.from_wkt("POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))");
    geos::Geom r = ctx.difference(square.get(), l.get());
    std::vector<std::pair<double, double>> top{{0, 0}};
    for (int i = 0; i <= 200; ++i) {
        const double x = i * 0.5;
        top.emplace_back(x, 60 + 5 * std::sin(x * 0.9) + 1.5 * std::cos(x * 4.3));
    }
    top.emplace_back(100, 0);
    top.emplace_back(0, 0);
    geos::Geom upper = ctx.polygon({top});
    geos::Geom r1 = ctx.intersection(r.get(), upper.get());
    geos::Geom r2 = ctx.difference(r.get(), upper.get());
    geos::Geom island = ctx.from_wkt("POLYGON((10 10, 20 11, 21 20, 15 22, 11 19, 10 10))");
    geos::Geom l2 = ctx.difference(l.get(), island.get());
    std::vector<geos::Geom> out;
    out.push_back(std::move(l2));
    out.push_back(std::move(r1));
    out.push_back(std::move(r2));
    out.push_back(std::move(island));
    return out;
}

} // namespace

TEST(CoverageSimplify, DouglasPeuckerKeepsEnds) {
    const geos::Path p{{0, 0}, {1, 0.1}, {2, -0.1}, {3, 5}, {4, 6}, {5, 7}, {6, 0}};
    EXPECT_EQ(douglas_peucker(p, 0.5), (geos::Path{{0, 0}, {2, -0.1}, {3, 5}, {5, 7}, {6, 0}}));
    const geos::Path ring{{0, 0}, {10, 0}, {10, 0.2}, {10, 10}, {0, 10}, {0, 0}};
    EXPECT_EQ(douglas_peucker(ring, 1), (geos::Path{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}));
}

TEST(CoverageSimplify, NoGapsNoOverlapsAtAnyTolerance) {
    geos::Context ctx;
    const auto cov = jagged_coverage(ctx);
    std::vector<const GEOSGeometry*> raw;
    for (const auto& g : cov) raw.push_back(g.get());
    std::size_t input_vertices = 0;
    for (const auto& g : cov) input_vertices += static_cast<std::size_t>(GEOSGetNumCoordinates_r(ctx.handle(), g.get()));
    for (double tol : {0.0, 0.3, 1.0, 3.0, 8.0}) {
        SCOPED_TRACE("tolerance " + std::to_string(tol));
        const auto out = simplify_coverage(ctx, raw, tol, 0.01);
        ASSERT_EQ(out.size(), cov.size());
        double sum = 0;
        std::size_t vertices = 0;
        std::vector<const GEOSGeometry*> parts;
        for (const auto& g : out) {
            EXPECT_TRUE(ctx.is_valid(g.get())) << ctx.invalid_reason(g.get());
            sum += ctx.planar_area(g.get());
            vertices += static_cast<std::size_t>(GEOSGetNumCoordinates_r(ctx.handle(), g.get()));
            parts.push_back(g.get());
        }
        for (std::size_t i = 0; i < out.size(); ++i)
            for (std::size_t j = i + 1; j < out.size(); ++j) {
                geos::Geom o = ctx.own(GEOSIntersection_r(ctx.handle(), out[i].get(), out[j].get()), "i");
                EXPECT_NEAR(ctx.planar_area(o.get()), 0.0, 1e-9) << i << " overlaps " << j;
            }
        // The outer border is a straight square: simplification keeps it, so the union is the square.
        geos::Geom all = ctx.collect([&] {
            std::vector<geos::Geom> v;
            for (const auto& g : out) v.push_back(ctx.clone(g.get()));
            return v;
        }(), GEOS_GEOMETRYCOLLECTION);
        geos::Geom u = ctx.own(GEOSUnaryUnion_r(ctx.handle(), all.get()), "union");
        EXPECT_NEAR(ctx.planar_area(u.get()), 10000.0, 1e-6);
        EXPECT_NEAR(sum, 10000.0, 1e-6);
        if (tol >= 1.0) {
            EXPECT_LT(vertices, input_vertices / 3);
        }
        if (tol <= 3.0) {   // every region survives (the island is ~ 9 units across)
            for (const auto& g : out) EXPECT_FALSE(ctx.is_empty(g.get()));
        }
    }
}

TEST(CoverageSimplify, SharedEdgesAreSimplifiedOnce) {
    geos::Context ctx;
    const auto cov = jagged_coverage(ctx);
    std::vector<const GEOSGeometry*> raw{cov[0].get(), cov[1].get(), cov[2].get(), cov[3].get()};
    const auto out = simplify_coverage(ctx, raw, 2.0, 0.01);
    // The border of the left region against the right ones equals theirs, segment for segment.
    geos::Geom bl = ctx.boundary(out[0].get());
    geos::Geom right = ctx.own(GEOSUnion_r(ctx.handle(), out[1].get(), out[2].get()), "u");
    geos::Geom br = ctx.boundary(right.get());
    geos::Geom shared = ctx.own(GEOSIntersection_r(ctx.handle(), bl.get(), br.get()), "i");
    double shared_len = 0;
    GEOSLength_r(ctx.handle(), shared.get(), &shared_len);
    EXPECT_GT(shared_len, 100.0);
    geos::Geom only_left = ctx.own(GEOSDifference_r(ctx.handle(), bl.get(), br.get()), "d");
    geos::Geom square_border = ctx.from_wkt("LINESTRING(0 0, 100 0, 100 100, 0 100, 0 0)");
    geos::Geom island = ctx.boundary(out[3].get());
    geos::Geom rest = ctx.own(GEOSDifference_r(ctx.handle(), only_left.get(), square_border.get()), "d");
    geos::Geom rest2 = ctx.own(GEOSDifference_r(ctx.handle(), rest.get(), island.get()), "d");
    double len = 0;
    GEOSLength_r(ctx.handle(), rest2.get(), &len);
    EXPECT_NEAR(len, 0.0, 1e-9) << ctx.to_wkt(rest2.get());
}

namespace {
std::string edges_wkt(const CoverageEdges& e) {
    std::string out;
    for (const geos::Path& p : e.edges()) {
        out += "LINESTRING (";
        for (std::size_t i = 0; i < p.size(); ++i) {
            char buf[64];
            std::snprintf(buf, sizeof buf, "%s%g %g", i ? ", " : "", p[i].first, p[i].second);
            out += buf;
        }
        out += ")\n";
    }
    return out;
}
} // namespace

TEST(CoverageSimplify, OverlaidDaysGiveEachEdgeOnceNodedAndMerged) {
    geos::Context ctx;
    // Day 1: the square split at x = 5. Day 2: the upper half of the border moved to x = 7.
    const char* wkt[] = {"POLYGON ((0 0, 5 0, 5 10, 0 10, 0 0))", "POLYGON ((5 0, 10 0, 10 10, 5 10, 5 0))",
                         "POLYGON ((0 0, 5 0, 5 5, 7 5, 7 10, 0 10, 0 0))",
                         "POLYGON ((5 0, 10 0, 10 10, 7 10, 7 5, 5 5, 5 0))",
                         // day 3 repeats day 1 exactly, rings starting elsewhere and reversed
                         "POLYGON ((5 10, 0 10, 0 0, 5 0, 5 10))", "POLYGON ((10 10, 10 0, 5 0, 5 10, 10 10))"};
    std::vector<geos::Geom> polys;
    std::vector<const GEOSGeometry*> raw;
    for (const char* w : wkt) {
        polys.push_back(ctx.from_wkt(w));
        raw.push_back(polys.back().get());
    }
    const CoverageEdges e(ctx, raw, 0.001);
    EXPECT_EQ(edges_wkt(e), "LINESTRING (5 0, 0 0, 0 10, 5 10)\n"
                            "LINESTRING (5 0, 5 5)\n"
                            "LINESTRING (5 0, 10 0, 10 10, 7 10)\n"
                            "LINESTRING (5 5, 5 10)\n"
                            "LINESTRING (5 5, 7 5, 7 10)\n"
                            "LINESTRING (5 10, 7 10)\n");
    // The same linework as GEOS's own union of every boundary.
    std::vector<geos::Geom> lines;
    for (const geos::Path& p : e.edges()) lines.push_back(geos::line_string(ctx, p));
    geos::Geom mine = ctx.collect(std::move(lines), GEOS_MULTILINESTRING);
    std::vector<geos::Geom> bounds;
    for (const GEOSGeometry* g : raw) bounds.push_back(ctx.boundary(g));
    geos::Geom all = ctx.collect(std::move(bounds), GEOS_GEOMETRYCOLLECTION);
    geos::Geom theirs = ctx.own(GEOSUnaryUnion_r(ctx.handle(), all.get()), "union");
    EXPECT_EQ(GEOSEquals_r(ctx.handle(), mine.get(), theirs.get()), 1) << ctx.to_wkt(theirs.get());
}

namespace {

/// A coverage with nesting and point contacts: A is the square 0..10 with a hole 3..7, B the ring
/// 3..7 around the island C (4..6), D the square 10..12 x 0..2 sharing an edge with A, E the square
/// 10..12 x 10..12 touching A at the point (10 10) only.
struct Nested {
    geos::Context ctx;
    std::vector<geos::Geom> owners;
    SimplifiedCoverage sc;
    std::vector<int> labels;

    Nested() {
        for (const char* w : {"POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (3 3, 7 3, 7 7, 3 7, 3 3))",
                              "POLYGON ((3 3, 7 3, 7 7, 3 7, 3 3), (4 4, 6 4, 6 6, 4 6, 4 4))",
                              "POLYGON ((4 4, 6 4, 6 6, 4 6, 4 4))", "POLYGON ((10 0, 12 0, 12 2, 10 2, 10 0))",
                              "POLYGON ((10 10, 12 10, 12 12, 10 12, 10 10))"})
            owners.push_back(ctx.from_wkt(w));
        std::vector<const GEOSGeometry*> raw;
        for (const auto& g : owners) raw.push_back(g.get());
        sc = simplify_edges(ctx, CoverageEdges(ctx, raw, 0), SimplifyParams{});
        labels = assign_faces(ctx, sc, raw);
    }
    /// The faces owned by the polygons named (letters A..E).
    std::vector<int> faces(const std::string& names) const {
        std::vector<int> out;
        for (std::size_t f = 0; f < labels.size(); ++f)
            if (labels[f] >= 0 && names.find(static_cast<char>('A' + labels[f])) != std::string::npos)
                out.push_back(static_cast<int>(f));
        return out;
    }
    std::string wkt(geos::Geom g) const {
        ctx.normalize(g.get());
        return ctx.to_wkt(g.get(), 0);
    }
};

} // namespace

TEST(CoverageSimplify, UnionOfFacesByOutlineMatchesCoverageUnion) {
    Nested n;
    ASSERT_EQ(n.sc.faces.size(), 5u);
    ASSERT_EQ(n.sc.face_area.size(), 5u);
    const std::pair<const char*, const char*> cases[] = {
        // an island inside the hole of its own faction: even-odd keeps both
        {"AC", "MULTIPOLYGON (((0 0, 0 10, 10 10, 10 2, 10 0, 0 0), (3 3, 7 3, 7 7, 3 7, 3 3)), "
               "((4 4, 4 6, 6 6, 6 4, 4 4)))"},
        // neighbours across a hole's ring merge; the island stays a hole
        {"AB", "MULTIPOLYGON (((0 0, 0 10, 10 10, 10 2, 10 0, 0 0), (4 4, 6 4, 6 6, 4 6, 4 4)))"},
        // parts touching at one point stay two polygons
        {"AE", "MULTIPOLYGON (((0 0, 0 10, 10 10, 10 2, 10 0, 0 0), (3 3, 7 3, 7 7, 3 7, 3 3)), "
               "((10 10, 10 12, 12 12, 12 10, 10 10)))"},
        // everything edge-connected: one polygon, no hole
        {"ABCD", "MULTIPOLYGON (((0 0, 0 10, 10 10, 10 2, 12 2, 12 0, 10 0, 0 0)))"},
        {"BD", "MULTIPOLYGON (((10 0, 10 2, 12 2, 12 0, 10 0)), ((3 3, 3 7, 7 7, 7 3, 3 3), (4 4, 6 4, 6 6, 4 6, 4 4)))"},
        {"C", "MULTIPOLYGON (((4 4, 4 6, 6 6, 6 4, 4 4)))"},
        {"", "MULTIPOLYGON EMPTY"},
    };
    for (const auto& [names, expected] : cases) {
        const std::vector<int> faces = n.faces(names);
        EXPECT_EQ(faces.size(), std::string(names).size()) << names;
        EXPECT_EQ(n.wkt(union_of_faces(n.ctx, n.sc, faces)), expected) << names;
        EXPECT_EQ(n.wkt(coverage_union_of_faces(n.ctx, n.sc, faces)), expected) << names << " (GEOSCoverageUnion)";
    }
}

TEST(CoverageSimplify, UnionOfFacesFallsBackWhenALineHasUnknownSides) {
    Nested n;
    // Forget the sides of every line of the hole ring 3..7 (between A and B): the outline of A + C then
    // misses A's hole, its area is wrong, and the coverage union answers instead (the outline alone would
    // give a square with a 4..6 hole).
    const int a = n.faces("A").front(), b = n.faces("B").front();
    std::size_t forgotten = 0;
    for (std::size_t l = 0; l < n.sc.lines.size(); ++l) {
        const auto& lf = n.sc.line_faces[l];
        if ((lf[0] == a && lf[1] == b) || (lf[0] == b && lf[1] == a)) {
            n.sc.line_faces[l] = {-1, -1};
            ++forgotten;
        }
    }
    ASSERT_GT(forgotten, 0u);
    EXPECT_EQ(n.wkt(union_of_faces(n.ctx, n.sc, n.faces("AC"))),
              "MULTIPOLYGON (((0 0, 0 10, 10 10, 10 2, 10 0, 0 0), (3 3, 7 3, 7 7, 3 7, 3 3)), ((4 4, 4 6, 6 6, 6 4, 4 4)))");
}
