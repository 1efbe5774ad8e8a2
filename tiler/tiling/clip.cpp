#include "tiling/clip.hpp"

#include "tiling/geos_coords.hpp"

#include <algorithm>
#include <cmath>

namespace tiler {

namespace {

IRing snap_ring(const geos::Path& in, const TileBox& box) {
    IRing out;
    out.reserve(in.size());
    for (const auto& [x, y] : in) {
        const IPoint p{static_cast<std::int32_t>(std::lround(x - box.x0)), static_cast<std::int32_t>(std::lround(y - box.y0))};
        if (out.empty() || out.back() != p) out.push_back(p);
    }
    while (out.size() > 1 && out.back() == out.front()) out.pop_back();
    return out;
}

bool usable_ring(const IRing& r) { return r.size() >= 3 && twice_signed_area(r) != 0; }

/// Snaps every polygon of g (already in tile coordinates relative to box) ring by ring; drops collapsed
/// rings (a collapsed exterior drops its polygon).
std::vector<IPolygon> snap_polygons(const geos::Context& ctx, const GEOSGeometry* g, const TileBox& box) {
    std::vector<IPolygon> out;
    geos::for_each_polygon(ctx, g, [&](const GEOSGeometry* poly) {
        std::vector<geos::Path> rings = geos::polygon_rings(ctx, poly);
        IPolygon p;
        p.exterior = snap_ring(rings[0], box);
        if (!usable_ring(p.exterior)) return;
        for (std::size_t i = 1; i < rings.size(); ++i) {
            IRing h = snap_ring(rings[i], box);
            if (usable_ring(h)) p.interiors.push_back(std::move(h));
        }
        out.push_back(std::move(p));
    });
    return out;
}

/// Integer polygons of g, exteriors with positive and interiors with negative surveyor's area.
std::vector<IPolygon> from_geos(const geos::Context& ctx, const GEOSGeometry* g) {
    std::vector<IPolygon> polys = snap_polygons(ctx, g, TileBox{0, 0, 0, 0});
    for (IPolygon& p : polys) {
        if (twice_signed_area(p.exterior) < 0) std::reverse(p.exterior.begin(), p.exterior.end());
        for (IRing& h : p.interiors)
            if (twice_signed_area(h) > 0) std::reverse(h.begin(), h.end());
    }
    return polys;
}

} // namespace

geos::Geom clip_rect(const geos::Context& ctx, const GEOSGeometry* g, double minx, double miny, double maxx,
                     double maxy) {
    return ctx.own(GEOSClipByRect_r(ctx.handle(), g, minx, miny, maxx, maxy), "clip by rectangle");
}

geos::Geom to_geos(const geos::Context& ctx, const std::vector<IPolygon>& polys) {
    std::vector<geos::Geom> parts;
    parts.reserve(polys.size());
    auto ring = [](const IRing& r) {
        std::vector<std::pair<double, double>> out;
        out.reserve(r.size() + 1);
        for (const IPoint& p : r) out.emplace_back(p.x, p.y);
        out.emplace_back(r.front().x, r.front().y);
        return out;
    };
    for (const IPolygon& p : polys) {
        std::vector<std::vector<std::pair<double, double>>> rings;
        rings.push_back(ring(p.exterior));
        for (const IRing& h : p.interiors) rings.push_back(ring(h));
        parts.push_back(ctx.polygon(rings));
    }
    return ctx.collect(std::move(parts), GEOS_MULTIPOLYGON);
}

std::vector<IPolygon> clip_polygons(const geos::Context& ctx, const GEOSGeometry* g, const TileBox& box) {
    geos::Geom clipped = clip_rect(ctx, g, box.minx(), box.miny(), box.maxx(), box.maxy());
    if (ctx.is_empty(clipped.get())) return {};
    std::vector<IPolygon> snapped = snap_polygons(ctx, clipped.get(), box);
    if (snapped.empty()) return {};
    geos::Geom result = to_geos(ctx, snapped);
    if (!ctx.is_valid(result.get())) {
        // Snapping made parts touch or cross: reduce the precision of the exact clip with GEOS's
        // snap-rounding overlay instead, which always gives a valid result on the integer grid.
        geos::Geom local = geos::affine(ctx, clipped.get(), 1.0, -box.x0, -box.y0);
        result = ctx.polygonal(ctx.own(GEOSGeom_setPrecision_r(ctx.handle(), local.get(), 1.0, 0), "set precision"));
        if (ctx.is_empty(result.get())) return {};
    }
    ctx.normalize(result.get());
    return from_geos(ctx, result.get());
}

std::vector<ILine> clip_lines(const geos::Context& ctx, const GEOSGeometry* g, const TileBox& box) {
    geos::Geom clipped = clip_rect(ctx, g, box.minx(), box.miny(), box.maxx(), box.maxy());
    std::vector<ILine> out;
    geos::for_each_line(ctx, clipped.get(), [&](const GEOSGeometry* line) {
        ILine l;
        for (const auto& [x, y] : geos::coords(ctx, line)) {
            const IPoint p{static_cast<std::int32_t>(std::lround(x - box.x0)),
                           static_cast<std::int32_t>(std::lround(y - box.y0))};
            if (l.empty() || l.back() != p) l.push_back(p);
        }
        if (l.size() >= 2) out.push_back(std::move(l));
    });
    return out;
}

} // namespace tiler
