#pragma once
// What the raster renderer draws, in world coordinates: Web Mercator normalised to [0,1]² (x east, y
// south; world pixel p at zoom z with tile size T is w * T * 2^z). Projecting every vertex once and then
// drawing straight segments keeps tiles, @2x tiles and overview maps consistent with each other.
#include "raster/raster_style.hpp"
#include "sources/model.hpp"
#include "territory/territory.hpp"

#include <cstddef>
#include <vector>

namespace tiler {

/// lon/lat geometry -> world coordinates.
geos::Geom to_world(const geos::Context& ctx, const GEOSGeometry* lonlat);

/// What does not change from day to day.
struct RasterBase {
    geos::Geom country;             ///< polygons, world
    geos::Geom country_line;        ///< its boundary, world
    geos::Geom governorate_lines;   ///< governorate boundaries (noded, each shared border once), world
    double bounds[4] = {0, 0, 0, 0};   ///< country west, south, east, north (lon/lat)
};

RasterBase raster_base(const geos::Context& ctx, const GEOSGeometry* country_lonlat,
                       const std::vector<Governorate>& governorates);

struct FillLayer {
    std::size_t faction = 0;   ///< index into RasterStyle
    geos::Geom geom;           ///< polygons, world
};

/// One day, world coordinates.
struct RasterScene {
    std::vector<FillLayer> fills;   ///< styles order
    geos::Geom frontlines;          ///< lines (may be empty)
    geos::Geom changes;             ///< polygons that changed hands (overview maps)
};

RasterScene raster_scene(const geos::Context& ctx, const DayMap& day, const RasterStyle& style);

/// Non-owning list of what to draw (whole layers, or clipped to one tile).
struct DrawList {
    std::vector<std::pair<std::size_t, const GEOSGeometry*>> fills;   ///< faction index, polygons
    const GEOSGeometry* governorates = nullptr;
    const GEOSGeometry* frontlines = nullptr;
    const GEOSGeometry* country = nullptr;   ///< country boundary line
};

DrawList draw_list(const RasterBase& base, const RasterScene& scene);

} // namespace tiler
