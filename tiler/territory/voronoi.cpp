#include "territory/voronoi.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <string>

namespace tiler {

namespace {

using GridKey = std::pair<std::int64_t, std::int64_t>;

GridKey grid_key(double lon, double lat) {
    return {std::llround(lon / geos::kGrid), std::llround(lat / geos::kGrid)};
}

// The country's bounds grown by its own size on every side: no Voronoi cell is cut short by the frame.
geos::Geom frame(const geos::Context& ctx, const GEOSGeometry* country) {
    const geos::Box b = ctx.bounds(country);
    const double grow = std::max(b.maxx - b.minx, b.maxy - b.miny) + 1.0;
    const double x0 = b.minx - grow, y0 = b.miny - grow, x1 = b.maxx + grow, y1 = b.maxy + grow;
    return ctx.polygon({{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}});
}

// Clips a raw Voronoi cell to the country on the grid; a cell inside the country is only rounded to the
// grid. Neighbouring cells share their Voronoi vertices exactly, so they round to the same grid points.
geos::Geom clip(const geos::Context& ctx, const GEOSGeometry* cell, const GEOSGeometry* country,
                const GEOSPreparedGeometry* prepared_country) {
    geos::Geom out;
    if (ctx.contains(prepared_country, cell)) {
        // Rounding the vertices is enough for a convex cell; a degenerate one gets the full repair.
        out = ctx.round_to_grid(cell);
        if (ctx.is_empty(out.get()) || !ctx.is_valid(out.get())) out = ctx.snap_to_grid(cell);
    } else {
        out = ctx.intersection(cell, country);
    }
    out = ctx.polygonal(std::move(out));
    ctx.normalize(out.get());
    return out;
}

} // namespace

std::vector<geos::Geom> voronoi_cells(const geos::Context& ctx, const std::vector<std::pair<double, double>>& points,
                                      const GEOSGeometry* country) {
    // Distinct sites on the grid, in coordinate order (deterministic); site_of maps each point to its site.
    std::map<GridKey, std::size_t> site_index;
    for (const auto& [lon, lat] : points) site_index.emplace(grid_key(lon, lat), 0);
    std::vector<geos::Geom> sites;
    sites.reserve(site_index.size());
    for (auto& [key, index] : site_index) {
        index = sites.size();
        sites.push_back(ctx.point(static_cast<double>(key.first) * geos::kGrid,
                                  static_cast<double>(key.second) * geos::kGrid));
    }
    std::vector<std::size_t> site_of;
    site_of.reserve(points.size());
    for (const auto& [lon, lat] : points) site_of.push_back(site_index.at(grid_key(lon, lat)));

    const geos::Prepared prepared_country = ctx.prepare(country);
    std::vector<geos::Geom> site_cells(sites.size());
    if (sites.size() == 1) {
        site_cells[0] = clip(ctx, country, country, prepared_country.get());
    } else if (!sites.empty()) {
        geos::StrTree tree(ctx);
        for (std::size_t i = 0; i < sites.size(); ++i) tree.insert(sites[i].get(), i);
        std::vector<geos::Geom> copies;
        copies.reserve(sites.size());
        for (const auto& s : sites) copies.push_back(ctx.clone(s.get()));
        const geos::Geom multipoint = ctx.collect(std::move(copies), GEOS_MULTIPOINT);
        const geos::Geom diagram = ctx.voronoi(multipoint.get(), frame(ctx, country).get());
        const int n = ctx.num_geometries(diagram.get());
        for (int c = 0; c < n; ++c) {
            const GEOSGeometry* cell = ctx.geometry_n(diagram.get(), c);
            bool found = false;
            for (std::size_t s : tree.query(cell)) {
                if (!ctx.contains(cell, sites[s].get())) continue;
                if (site_cells[s]) throw Error("Voronoi: two cells contain the site " + ctx.to_wkt(sites[s].get()));
                site_cells[s] = clip(ctx, cell, country, prepared_country.get());
                found = true;
                break;
            }
            if (!found) throw Error("Voronoi: no site inside the cell " + ctx.to_wkt(cell));
        }
        for (std::size_t s = 0; s < sites.size(); ++s)
            if (!site_cells[s]) throw Error("Voronoi: no cell for the site " + ctx.to_wkt(sites[s].get()));
    }

    std::vector<geos::Geom> out;
    out.reserve(points.size());
    for (std::size_t s : site_of) out.push_back(ctx.clone(site_cells[s].get()));
    return out;
}

std::vector<geos::Geom> place_cells(const geos::Context& ctx, const Sources& src) {
    std::vector<std::pair<double, double>> points;
    points.reserve(src.places.size());
    for (const auto& p : src.places) points.emplace_back(p.lon, p.lat);
    return voronoi_cells(ctx, points, src.country.get());
}

} // namespace tiler
