#include "territory/derive.hpp"

#include <algorithm>

namespace tiler {

namespace {

geos::Geom empty_multipolygon(const geos::Context& ctx) { return ctx.collect({}, GEOS_MULTIPOLYGON); }

// Each territory cut down to the changed region (empty where it does not reach it).
std::vector<geos::Geom> clip_all(const geos::Context& ctx, const std::vector<Control>& parts, const GEOSGeometry* zone,
                                 const GEOSPreparedGeometry* prepared_zone) {
    const geos::Box zb = ctx.bounds(zone);
    std::vector<geos::Geom> out;
    for (const auto& p : parts) {
        if (!zb.intersects(ctx.bounds(p.geom.get())) || !ctx.intersects(prepared_zone, p.geom.get()))
            out.push_back(empty_multipolygon(ctx));
        else
            out.push_back(ctx.polygonal(ctx.intersection(p.geom.get(), zone)));
    }
    return out;
}

bool overlaps_with_area(const geos::Context& ctx, const GEOSGeometry* a, const GEOSGeometry* b) {
    if (!ctx.bounds(a).intersects(ctx.bounds(b))) return false;
    return ctx.planar_area(ctx.intersection(a, b).get()) > 0;
}

} // namespace

std::vector<Change> derive_changes(const geos::Context& ctx, const std::vector<Control>& before,
                                   const std::vector<Control>& after, const std::vector<Applied>& applied) {
    std::vector<geos::Geom> regions;
    for (const auto& a : applied)
        if (!ctx.is_empty(a.region.get())) regions.push_back(ctx.clone(a.region.get()));
    if (regions.empty()) return {};
    const geos::Geom zone = ctx.unary_union(ctx.collect(std::move(regions), GEOS_GEOMETRYCOLLECTION).get());
    const geos::Prepared prepared_zone = ctx.prepare(zone.get());
    const std::vector<geos::Geom> was = clip_all(ctx, before, zone.get(), prepared_zone.get());
    const std::vector<geos::Geom> now = clip_all(ctx, after, zone.get(), prepared_zone.get());

    std::vector<Change> out;
    for (std::size_t i = 0; i < before.size(); ++i) {
        const geos::Box wb = ctx.bounds(was[i].get());
        for (std::size_t j = 0; j < after.size(); ++j) {
            if (before[i].faction == after[j].faction || !wb.intersects(ctx.bounds(now[j].get()))) continue;
            geos::Geom g = ctx.polygonal(ctx.intersection(was[i].get(), now[j].get()));
            if (ctx.is_empty(g.get())) continue;
            ctx.normalize(g.get());
            Change c;
            c.from = before[i].faction;
            c.to = after[j].faction;
            c.area_km2 = geos::area_km2(ctx, g.get());
            for (const auto& a : applied)
                if (overlaps_with_area(ctx, a.region.get(), g.get())) c.events.push_back(a.event);
            std::sort(c.events.begin(), c.events.end());
            c.events.erase(std::unique(c.events.begin(), c.events.end()), c.events.end());
            c.geom = std::move(g);
            out.push_back(std::move(c));
        }
    }
    return out;
}

namespace {
// The merged linear part of the intersection of two boundaries.
geos::Geom common_lines(const geos::Context& ctx, const GEOSGeometry* ba, const GEOSGeometry* bb) {
    if (!ctx.bounds(ba).intersects(ctx.bounds(bb))) return ctx.collect({}, GEOS_MULTILINESTRING);
    const geos::Geom common = ctx.linear(ctx.intersection(ba, bb));
    if (ctx.is_empty(common.get())) return ctx.collect({}, GEOS_MULTILINESTRING);
    geos::Geom merged = ctx.linear(ctx.line_merge(common.get()));
    ctx.normalize(merged.get());
    return merged;
}
} // namespace

geos::Geom shared_boundary(const geos::Context& ctx, const GEOSGeometry* a, const GEOSGeometry* b) {
    if (!ctx.bounds(a).intersects(ctx.bounds(b))) return ctx.collect({}, GEOS_MULTILINESTRING);
    return common_lines(ctx, ctx.boundary(a).get(), ctx.boundary(b).get());
}

std::vector<Frontline> derive_frontlines(const geos::Context& ctx, const std::vector<Control>& control,
                                         const FrontlineReuse& reuse) {
    auto unchanged = [&](const std::string& f) {
        return std::find(reuse.unchanged.begin(), reuse.unchanged.end(), f) != reuse.unchanged.end();
    };
    std::vector<geos::Geom> boundaries(control.size());   // computed when first needed
    auto boundary = [&](std::size_t k) {
        if (!boundaries[k]) boundaries[k] = ctx.boundary(control[k].geom.get());
        return boundaries[k].get();
    };
    std::vector<Frontline> out;
    for (std::size_t i = 0; i < control.size(); ++i) {
        for (std::size_t j = i + 1; j < control.size(); ++j) {
            Frontline f;
            f.a = control[i].faction;
            f.b = control[j].faction;
            if (reuse.previous && unchanged(f.a) && unchanged(f.b)) {
                // Same two territories as the previous day: the same frontline, or none.
                for (const auto& p : *reuse.previous) {
                    if (p.a != f.a || p.b != f.b) continue;
                    f.geom = ctx.clone(p.geom.get());
                    f.length_km = p.length_km;
                }
                if (f.geom) out.push_back(std::move(f));
                continue;
            }
            if (!ctx.bounds(control[i].geom.get()).intersects(ctx.bounds(control[j].geom.get()))) continue;
            f.geom = common_lines(ctx, boundary(i), boundary(j));
            if (ctx.is_empty(f.geom.get())) continue;
            f.length_km = geos::length_km(ctx, f.geom.get());
            out.push_back(std::move(f));
        }
    }
    return out;
}

} // namespace tiler
