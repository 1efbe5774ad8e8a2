#include "tiling/tiling_input.hpp"

#include "core/error.hpp"
#include "tiling/mercator.hpp"
#include "tiling/wkb.hpp"

namespace tiler {

void lonlat_to_world(double& x, double& y) { mercator::to_world(x, y, x, y); }

namespace {

int faction_index(const Sources& src, const std::string& id) {
    const auto i = src.styles.find(id);
    if (!i) throw Error("vector tiles: faction '" + id + "' is not in styles/factions.json");
    return static_cast<int>(*i);
}

/// Faction of every place on every day (point in the day's control polygons).
void locate_places(const geos::Context& ctx, const Sources& src, const std::vector<DayMap>& days, TilingInput& in) {
    std::vector<geos::Geom> pts;
    for (const Place& p : src.places) pts.push_back(ctx.point(p.lon, p.lat));
    for (std::size_t d = 0; d < days.size(); ++d) {
        for (const Control& c : days[d].control) {
            const int f = faction_index(src, c.faction);
            const geos::Prepared prep = ctx.prepare(c.geom.get());
            const geos::Box box = ctx.bounds(c.geom.get());
            for (std::size_t i = 0; i < pts.size(); ++i) {
                TilingPlace& tp = in.places[i];
                if (tp.faction[d] >= 0) continue;
                const Place& p = src.places[i];
                if (p.lon < box.minx || p.lon > box.maxx || p.lat < box.miny || p.lat > box.maxy) continue;
                if (ctx.covers(prep.get(), pts[i].get())) tp.faction[d] = f;
            }
        }
    }
    for (TilingPlace& tp : in.places)
        for (std::size_t d = 0; d < days.size(); ++d) {
            if (d == 0 || tp.faction[d] < 0) continue;
            if (tp.faction[d] != tp.faction[d - 1]) tp.captured[d] = static_cast<int>(d);
            else tp.captured[d] = tp.captured[d - 1];
        }
}

} // namespace

TilingInput make_tiling_input(const geos::Context& ctx, const Sources& src, const std::vector<DayMap>& days) {
    TilingInput in;
    for (const Faction& f : src.styles.factions) {
        in.faction_ids.push_back(f.id);
        in.faction_names.push_back(f.name);
    }
    std::vector<const GEOSGeometry*> all_control;
    for (const DayMap& day : days) {
        in.dates.push_back(day.date.str());
        auto& wkbs = in.control_wkb.emplace_back();
        for (const Control& c : day.control) {
            if (ctx.is_empty(c.geom.get())) continue;
            geos::Geom world = geos::transform(ctx, c.geom.get(), &lonlat_to_world);
            wkbs.emplace_back(faction_index(src, c.faction), geos::to_wkb(ctx, world.get()));
            all_control.push_back(c.geom.get());
        }
        auto& km2 = in.change_km2.emplace_back();
        for (const Change& ch : day.changes)
            km2[{faction_index(src, ch.from), faction_index(src, ch.to)}] += ch.area_km2;
    }
    // Node in lon/lat on the data's own grid (robust snap-rounding), then project the edges.
    in.edges = CoverageEdges(ctx, all_control, geos::kGrid);
    in.edges.transform(&lonlat_to_world);

    for (const Governorate& g : src.governorates) {
        std::vector<geos::Path> outline;
        geos::for_each_polygon(ctx, g.geom.get(), [&](const GEOSGeometry* poly) {
            for (geos::Path r : geos::polygon_rings(ctx, poly)) {
                for (auto& [x, y] : r) lonlat_to_world(x, y);
                outline.push_back(std::move(r));
            }
        });
        in.governorates.emplace_back(g.name, std::move(outline));
    }

    in.places.resize(src.places.size());
    for (std::size_t i = 0; i < src.places.size(); ++i) {
        TilingPlace& tp = in.places[i];
        tp.place = &src.places[i];
        tp.world = {src.places[i].lon, src.places[i].lat};
        lonlat_to_world(tp.world.first, tp.world.second);
        tp.faction.assign(days.size(), -1);
        tp.captured.assign(days.size(), -1);
    }
    locate_places(ctx, src, days, in);

    if (src.country && !ctx.is_empty(src.country.get())) {
        const geos::Box b = ctx.bounds(src.country.get());
        in.bounds[0] = b.minx;
        in.bounds[1] = b.miny;
        in.bounds[2] = b.maxx;
        in.bounds[3] = b.maxy;
    }
    return in;
}

} // namespace tiler
