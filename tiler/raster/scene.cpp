#include "raster/scene.hpp"

#include "tiling/geos_coords.hpp"
#include "tiling/mercator.hpp"

namespace tiler {

namespace {

void world_xy(double& x, double& y) {
    double wx, wy;
    mercator::to_world(x, y, wx, wy);
    x = wx;
    y = wy;
}

} // namespace

geos::Geom to_world(const geos::Context& ctx, const GEOSGeometry* lonlat) {
    return geos::transform(ctx, lonlat, &world_xy);
}

RasterBase raster_base(const geos::Context& ctx, const GEOSGeometry* country_lonlat,
                       const std::vector<Governorate>& governorates) {
    RasterBase b;
    b.country = to_world(ctx, country_lonlat);
    b.country_line = ctx.boundary(b.country.get());
    std::vector<geos::Geom> lines;
    for (const Governorate& g : governorates) lines.push_back(ctx.boundary(g.geom.get()));
    geos::Geom all = ctx.collect(std::move(lines), GEOS_GEOMETRYCOLLECTION);
    b.governorate_lines = to_world(ctx, ctx.unary_union(all.get()).get());
    const geos::Box box = ctx.bounds(country_lonlat);
    b.bounds[0] = box.minx;
    b.bounds[1] = box.miny;
    b.bounds[2] = box.maxx;
    b.bounds[3] = box.maxy;
    return b;
}

RasterScene raster_scene(const geos::Context& ctx, const DayMap& day, const RasterStyle& style) {
    RasterScene s;
    for (const Control& c : day.control) {
        if (!c.geom || ctx.is_empty(c.geom.get())) continue;
        s.fills.push_back(FillLayer{style.index(c.faction), to_world(ctx, c.geom.get())});
    }
    std::vector<geos::Geom> lines;
    for (const Frontline& f : day.frontlines)
        if (f.geom) lines.push_back(ctx.clone(f.geom.get()));
    s.frontlines = to_world(ctx, ctx.collect(std::move(lines), GEOS_GEOMETRYCOLLECTION).get());
    std::vector<geos::Geom> changed;
    for (const Change& c : day.changes)
        if (c.geom) changed.push_back(ctx.clone(c.geom.get()));
    s.changes = to_world(ctx, ctx.collect(std::move(changed), GEOS_GEOMETRYCOLLECTION).get());
    return s;
}

DrawList draw_list(const RasterBase& base, const RasterScene& scene) {
    DrawList d;
    for (const FillLayer& f : scene.fills) d.fills.emplace_back(f.faction, f.geom.get());
    d.governorates = base.governorate_lines.get();
    d.frontlines = scene.frontlines.get();
    d.country = base.country_line.get();
    return d;
}

} // namespace tiler
