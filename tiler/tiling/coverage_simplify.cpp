#include "tiling/coverage_simplify.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <unordered_map>

namespace tiler {

namespace {

double seg_dist2(const geos::XY& p, const geos::XY& a, const geos::XY& b) {
    const double vx = b.first - a.first, vy = b.second - a.second;
    const double wx = p.first - a.first, wy = p.second - a.second;
    const double len2 = vx * vx + vy * vy;
    double t = len2 > 0 ? (wx * vx + wy * vy) / len2 : 0;
    t = std::clamp(t, 0.0, 1.0);
    const double dx = wx - t * vx, dy = wy - t * vy;
    return dx * dx + dy * dy;
}

bool closed(const geos::Path& p) { return p.size() > 1 && p.front() == p.back(); }

/// Canonical direction and start: open edges start at their smaller end; closed edges start at their
/// smallest vertex and go towards its smaller neighbour.
geos::Path canonical(geos::Path p) {
    if (p.size() < 2) return p;
    if (!closed(p)) {
        if (p.back() < p.front()) std::reverse(p.begin(), p.end());
        return p;
    }
    p.pop_back();
    const auto m = std::min_element(p.begin(), p.end());
    std::rotate(p.begin(), m, p.end());
    if (p.size() > 2 && p.back() < p[1]) std::reverse(p.begin() + 1, p.end());
    p.push_back(p.front());
    return p;
}

geos::Path snap(const geos::Path& in, double grid) {
    geos::Path out;
    out.reserve(in.size());
    for (auto [x, y] : in) {
        if (grid > 0) {
            x = std::round(x / grid) * grid;
            y = std::round(y / grid) * grid;
        }
        if (out.empty() || out.back() != geos::XY{x, y}) out.emplace_back(x, y);
    }
    return out;
}

/// One edge simplified: halves the tolerance while the result self-intersects or a closed edge
/// collapses; an edge that collapses even unsimplified (shorter than the grid) is dropped (empty).
geos::Path simplify_one(const geos::Context& ctx, const geos::Path& m, double tolerance, double grid) {
    const bool ring = closed(m);
    const std::size_t min_pts = ring ? 4 : 2;
    double t = tolerance;
    for (int attempt = 0; attempt < 6 && t > 0; ++attempt, t /= 2) {
        geos::Path s = snap(douglas_peucker(m, t), grid);
        if (s.size() < min_pts) {
            if (!ring) break;   // an open edge whose nodes snap together
            continue;
        }
        if (s.size() <= 3 || ctx.check(GEOSisSimple_r(ctx.handle(), geos::line_string(ctx, s).get()), "isSimple"))
            return s;
    }
    geos::Path s = snap(m, grid);
    return s.size() < min_pts ? geos::Path{} : s;
}

struct SegKey {
    double v[4];
    bool operator==(const SegKey& o) const { return std::memcmp(v, o.v, sizeof v) == 0; }
};
struct SegHash {
    std::size_t operator()(const SegKey& k) const {
        std::size_t h = 1469598103934665603ull;
        for (double d : k.v) {
            std::uint64_t bits;
            std::memcpy(&bits, &d, 8);
            h = (h ^ bits) * 1099511628211ull;
            h ^= h >> 29;
        }
        return h;
    }
};
SegKey seg_key(geos::XY a, geos::XY b) {
    if (b < a) std::swap(a, b);
    return SegKey{{a.first + 0.0, a.second + 0.0, b.first + 0.0, b.second + 0.0}};   // +0.0: no -0
}

} // namespace

geos::Path douglas_peucker(const geos::Path& pts, double tolerance) {
    if (pts.size() < 3 || tolerance <= 0) return pts;
    std::vector<char> keep(pts.size(), 0);
    keep.front() = keep.back() = 1;
    const double tol2 = tolerance * tolerance;
    std::vector<std::pair<std::size_t, std::size_t>> stack{{0, pts.size() - 1}};
    while (!stack.empty()) {
        const auto [a, b] = stack.back();
        stack.pop_back();
        double best = -1;
        std::size_t at = a;
        for (std::size_t i = a + 1; i < b; ++i) {
            const double d = seg_dist2(pts[i], pts[a], pts[b]);
            if (d > best) {
                best = d;
                at = i;
            }
        }
        if (at != a && best > tol2) {
            keep[at] = 1;
            stack.emplace_back(a, at);
            stack.emplace_back(at, b);
        }
    }
    geos::Path out;
    for (std::size_t i = 0; i < pts.size(); ++i)
        if (keep[i]) out.push_back(pts[i]);
    return out;
}

CoverageEdges::CoverageEdges(const geos::Context& ctx, const std::vector<const GEOSGeometry*>& polygonal, double grid) {
    // Overlaid coverages (one per day) repeat most of their boundaries exactly: each segment goes to the
    // noder once, as runs of consecutive new segments. The union of the linework is the same point set,
    // so the noded edges are the same; the noder just sees a fraction of the input.
    std::vector<geos::Geom> runs;
    std::unordered_map<SegKey, char, SegHash> seen;
    geos::Path run;
    auto flush = [&] {
        if (run.size() >= 2) runs.push_back(geos::line_string(ctx, run));
        run.clear();
    };
    for (const GEOSGeometry* g : polygonal)
        geos::for_each_polygon(ctx, g, [&](const GEOSGeometry* poly) {
            for (const geos::Path& r : geos::polygon_rings(ctx, poly)) {
                if (r.size() < 4) continue;
                for (std::size_t k = 0; k + 1 < r.size(); ++k) {
                    if (r[k] == r[k + 1]) continue;
                    if (!seen.try_emplace(seg_key(r[k], r[k + 1]), 1).second) {
                        flush();
                        continue;
                    }
                    if (run.empty()) run.push_back(r[k]);
                    run.push_back(r[k + 1]);
                }
                flush();
            }
        });
    if (runs.empty()) return;
    geos::Geom all = ctx.collect(std::move(runs), GEOS_MULTILINESTRING);
    geos::Geom noded = grid > 0 ? ctx.own(GEOSUnaryUnionPrec_r(ctx.handle(), all.get(), grid), "node edges")
                                : ctx.own(GEOSUnaryUnion_r(ctx.handle(), all.get()), "node edges");
    geos::Geom merged = ctx.line_merge(noded.get());
    geos::for_each_line(ctx, merged.get(), [&](const GEOSGeometry* l) {
        geos::Path p = canonical(geos::coords(ctx, l));
        if (p.size() >= 2) edges_.push_back(std::move(p));
    });
    std::sort(edges_.begin(), edges_.end());
}

void CoverageEdges::transform(void (*f)(double& x, double& y)) {
    for (auto& e : edges_)
        for (auto& [x, y] : e) f(x, y);
}

SimplifiedCoverage simplify_edges(const geos::Context& ctx, const CoverageEdges& edges, const SimplifyParams& p) {
    SimplifiedCoverage sc;
    std::vector<geos::Geom> lines;
    for (const geos::Path& e : edges.edges()) {
        geos::Path m(e.size());
        for (std::size_t i = 0; i < e.size(); ++i)
            m[i] = {e[i].first * p.scale + p.dx, e[i].second * p.scale + p.dy};
        geos::Path s = simplify_one(ctx, m, p.tolerance, p.grid);
        if (!s.empty()) lines.push_back(geos::line_string(ctx, s));
    }
    if (lines.empty()) return sc;
    geos::Geom all = ctx.collect(std::move(lines), GEOS_MULTILINESTRING);
    geos::Geom noded = p.grid > 0 ? ctx.own(GEOSUnaryUnionPrec_r(ctx.handle(), all.get(), p.grid), "node simplified edges")
                                  : ctx.own(GEOSUnaryUnion_r(ctx.handle(), all.get()), "node simplified edges");
    const GEOSGeometry* input[1] = {noded.get()};
    geos::Geom faces = ctx.own(GEOSPolygonize_r(ctx.handle(), input, 1), "polygonize");
    geos::for_each_polygon(ctx, faces.get(), [&](const GEOSGeometry* f) {
        sc.faces.push_back(ctx.clone(f));
        sc.face_area.push_back(ctx.planar_area(f));
    });
    geos::for_each_line(ctx, noded.get(), [&](const GEOSGeometry* l) { sc.lines.push_back(ctx.clone(l)); });

    std::unordered_map<SegKey, std::array<int, 2>, SegHash> seg_faces;
    for (std::size_t i = 0; i < sc.faces.size(); ++i)
        for (const geos::Path& r : geos::polygon_rings(ctx, sc.faces[i].get()))
            for (std::size_t k = 0; k + 1 < r.size(); ++k) {
                auto [it, added] = seg_faces.try_emplace(seg_key(r[k], r[k + 1]), std::array<int, 2>{-1, -1});
                auto& slot = it->second;
                (slot[0] < 0 ? slot[0] : slot[1]) = static_cast<int>(i);
            }
    sc.line_faces.reserve(sc.lines.size());
    for (const geos::Geom& l : sc.lines) {
        const geos::Path c = geos::coords(ctx, l.get());
        const auto it = seg_faces.find(seg_key(c[0], c[1]));
        sc.line_faces.push_back(it == seg_faces.end() ? std::array<int, 2>{-1, -1} : it->second);
    }
    return sc;
}

std::vector<geos::XY> face_points(const geos::Context& ctx, const SimplifiedCoverage& sc) {
    std::vector<geos::XY> out;
    out.reserve(sc.faces.size());
    for (const geos::Geom& f : sc.faces) {
        geos::Geom p = ctx.own(GEOSPointOnSurface_r(ctx.handle(), f.get()), "point on surface");
        double x = 0, y = 0;
        if (!GEOSGeomGetX_r(ctx.handle(), p.get(), &x) || !GEOSGeomGetY_r(ctx.handle(), p.get(), &y)) ctx.fail("point XY");
        out.emplace_back(x, y);
    }
    return out;
}

std::vector<int> assign_faces(const geos::Context& ctx, const SimplifiedCoverage& sc,
                              const std::vector<const GEOSGeometry*>& owners) {
    std::vector<geos::Prepared> prepared;
    std::vector<geos::Box> boxes;
    for (const GEOSGeometry* o : owners) {
        prepared.push_back(ctx.prepare(o));
        boxes.push_back(ctx.bounds(o));
    }
    const std::vector<geos::XY> pts = face_points(ctx, sc);
    std::vector<int> out(sc.faces.size(), -1);
    for (std::size_t f = 0; f < sc.faces.size(); ++f) {
        geos::Geom pt = ctx.point(pts[f].first, pts[f].second);
        const geos::Box pb = ctx.bounds(pt.get());
        for (std::size_t o = 0; o < owners.size() && out[f] < 0; ++o)
            if (boxes[o].intersects(pb) && ctx.covers(prepared[o].get(), pt.get())) out[f] = static_cast<int>(o);
        if (out[f] >= 0) continue;
        const geos::Box fb = ctx.bounds(sc.faces[f].get());
        double best = 0;
        for (std::size_t o = 0; o < owners.size(); ++o) {
            if (!boxes[o].intersects(fb)) continue;
            geos::Geom i = ctx.own(GEOSIntersection_r(ctx.handle(), sc.faces[f].get(), owners[o]), "intersection");
            const double a = ctx.planar_area(i.get());
            if (a > best) {
                best = a;
                out[f] = static_cast<int>(o);
            }
        }
    }
    return out;
}

geos::Geom coverage_union_of_faces(const geos::Context& ctx, const SimplifiedCoverage& sc, const std::vector<int>& faces) {
    std::vector<geos::Geom> parts;
    parts.reserve(faces.size());
    for (int f : faces) parts.push_back(ctx.clone(sc.faces[static_cast<std::size_t>(f)].get()));
    if (parts.empty()) return ctx.collect({}, GEOS_MULTIPOLYGON);
    if (parts.size() == 1) return ctx.polygonal(std::move(parts.front()));
    geos::Geom all = ctx.collect(std::move(parts), GEOS_GEOMETRYCOLLECTION);
    return ctx.polygonal(ctx.own(GEOSCoverageUnion_r(ctx.handle(), all.get()), "coverage union"));
}

geos::Geom union_of_faces(const geos::Context& ctx, const SimplifiedCoverage& sc, const std::vector<int>& faces) {
    if (faces.size() <= 1) return coverage_union_of_faces(ctx, sc, faces);
    std::vector<char> member(sc.faces.size(), 0);
    double area = 0;
    for (int f : faces) {
        member[static_cast<std::size_t>(f)] = 1;
        area += sc.face_area[static_cast<std::size_t>(f)];
    }
    auto in = [&](int f) { return f >= 0 && member[static_cast<std::size_t>(f)] != 0; };
    std::vector<const GEOSGeometry*> outline;
    for (std::size_t l = 0; l < sc.lines.size(); ++l)
        if (in(sc.line_faces[l][0]) != in(sc.line_faces[l][1])) outline.push_back(sc.lines[l].get());
    if (!outline.empty()) {
        geos::Geom u = ctx.polygonal(ctx.own(
            GEOSPolygonize_valid_r(ctx.handle(), outline.data(), static_cast<unsigned>(outline.size())),
            "polygonize outline"));
        if (std::abs(ctx.planar_area(u.get()) - area) <= 1e-9 * area) return u;
    }
    return coverage_union_of_faces(ctx, sc, faces);
}

geos::Geom union_faces(const geos::Context& ctx, const SimplifiedCoverage& sc, const std::vector<int>& labels, int label) {
    std::vector<int> faces;
    for (std::size_t f = 0; f < sc.faces.size(); ++f)
        if (labels[f] == label) faces.push_back(static_cast<int>(f));
    return union_of_faces(ctx, sc, faces);
}

std::vector<geos::Geom> simplify_coverage(const geos::Context& ctx, const std::vector<const GEOSGeometry*>& coverage,
                                          double tolerance, double grid) {
    const CoverageEdges edges(ctx, coverage, grid);
    SimplifyParams p;
    p.tolerance = tolerance;
    p.grid = grid;
    const SimplifiedCoverage sc = simplify_edges(ctx, edges, p);
    const std::vector<int> labels = assign_faces(ctx, sc, coverage);
    std::vector<geos::Geom> out;
    for (std::size_t i = 0; i < coverage.size(); ++i) out.push_back(union_faces(ctx, sc, labels, static_cast<int>(i)));
    return out;
}

} // namespace tiler
