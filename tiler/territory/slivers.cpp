#include "territory/slivers.hpp"

#include <cmath>
#include <cstdio>

namespace tiler {

namespace {

constexpr double kPi = 3.14159265358979323846;

// Whether `part` (of control[self]) touches the territory of any other faction.
bool has_neighbour(const geos::Context& ctx, const GEOSGeometry* part, const std::vector<Control>& control,
                   std::size_t self) {
    const geos::Box box = ctx.bounds(part);
    const geos::Prepared prepared = ctx.prepare(part);
    for (std::size_t k = 0; k < control.size(); ++k) {
        if (k == self || !box.intersects(ctx.bounds(control[k].geom.get()))) continue;
        if (ctx.intersects(prepared.get(), control[k].geom.get())) return true;
    }
    return false;
}

void point_on(const geos::Context& ctx, const GEOSGeometry* part, Sliver& s) {
    const geos::Geom p = ctx.own(GEOSPointOnSurface_r(ctx.handle(), part), "PointOnSurface");
    if (GEOSGeomGetX_r(ctx.handle(), p.get(), &s.lon) != 1 || GEOSGeomGetY_r(ctx.handle(), p.get(), &s.lat) != 1)
        ctx.fail("PointOnSurface coordinates");
}

} // namespace

std::vector<Sliver> find_slivers(const geos::Context& ctx, const std::vector<Control>& control, Date date,
                                 const SliverRules& rules) {
    std::vector<Sliver> out;
    for (std::size_t k = 0; k < control.size(); ++k) {
        const GEOSGeometry* g = control[k].geom.get();
        if (ctx.is_empty(g)) continue;
        const int n = ctx.num_geometries(g);
        for (int i = 0; i < n; ++i) {
            const GEOSGeometry* part = ctx.geometry_n(g, i);
            if (ctx.type_id(part) != GEOS_POLYGON || ctx.is_empty(part)) continue;
            const double area = geos::area_km2(ctx, part);
            if (area >= rules.tiny_km2 && area >= rules.thin_km2) continue;   // cheap tests first
            const double perimeter = geos::length_km(ctx, ctx.boundary(part).get());
            const double ratio = perimeter > 0 ? 4 * kPi * area / (perimeter * perimeter) : 0;
            const bool thin = area < rules.thin_km2 && ratio < rules.thin_ratio;
            if (!thin && area >= rules.tiny_km2) continue;
            if (!has_neighbour(ctx, part, control, k)) continue;
            Sliver s;
            s.date = date;
            s.faction = control[k].faction;
            s.area_km2 = area;
            s.perimeter_km = perimeter;
            s.ratio = ratio;
            s.thin = thin;
            point_on(ctx, part, s);
            out.push_back(std::move(s));
        }
    }
    return out;
}

void name_nearest_places(std::vector<Sliver>& slivers, const std::vector<Place>& places) {
    if (places.empty()) return;
    for (Sliver& s : slivers) {
        const Place* best = nullptr;
        double best_km = 0;
        for (const Place& p : places) {
            const double km = geos::distance_km(s.lon, s.lat, p.lon, p.lat);
            if (!best || km < best_km) {
                best = &p;
                best_km = km;
            }
        }
        s.place = best->name;
        s.place_km = best_km;
    }
}

std::vector<Sliver> find_slivers(const geos::Context& ctx, const Sources& src, const std::vector<DayMap>& days,
                                 const SliverRules& rules) {
    std::vector<Sliver> out;
    for (const DayMap& day : days) {
        std::vector<Sliver> found = find_slivers(ctx, day.control, day.date, rules);
        name_nearest_places(found, src.places);
        for (Sliver& s : found) out.push_back(std::move(s));
    }
    return out;
}

std::string describe(const Sliver& s) {
    char numbers[160];
    std::snprintf(numbers, sizeof numbers, "%.3f km2, %s (4*pi*A/P^2 = %.3f), at %.5f %.5f (lon lat)", s.area_km2,
                  s.thin ? "thin" : "small", s.ratio, s.lon, s.lat);
    std::string line = "likely sliver on " + s.date.str() + ": " + s.faction + ", " + numbers;
    if (!s.place.empty()) {
        char km[32];
        std::snprintf(km, sizeof km, "%.1f km", s.place_km);
        line += std::string(", ") + km + " from " + s.place;
    }
    return line;
}

} // namespace tiler
