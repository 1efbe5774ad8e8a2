#pragma once
// Each place's territory: its Voronoi cell among all places, clipped to the country, on the fixed grid.
#include "geos/geos.hpp"
#include "sources/model.hpp"

#include <utility>
#include <vector>

namespace tiler {

/// Voronoi cell of every point (lon, lat), index-aligned with `points`, clipped to `country` and snapped
/// to geos::kGrid, as MultiPolygons. Points that fall on the same grid coordinate share one cell (each
/// gets its own copy). One point: its cell is the whole country.
std::vector<geos::Geom> voronoi_cells(const geos::Context& ctx, const std::vector<std::pair<double, double>>& points,
                                      const GEOSGeometry* country);

/// Voronoi cell of every place (index-aligned with Sources::places), clipped to the country. Places at the
/// same coordinate share one cell.
std::vector<geos::Geom> place_cells(const geos::Context& ctx, const Sources& src);

} // namespace tiler
