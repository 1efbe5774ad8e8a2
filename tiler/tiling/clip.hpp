#pragma once
// Clipping geometry to one tile: input in the world pixel coordinates of the tile's zoom (x east, y
// south, `extent` units per tile, so tile (x, y) starts at (x*extent, y*extent)), output in integer tile
// coordinates, spec-valid for MVT: clipped to the tile plus its buffer, snapped to the integer grid,
// degenerate rings dropped, repaired where snapping broke validity, in GEOS normal order (canonical).
// Clipping is by rectangle (GEOSClipByRect), so a point where an edge crosses the clip line is computed
// from that edge alone: neighbouring polygons meet the tile border at the same snapped point (no
// slivers along tile edges).
#include "geos/geos.hpp"
#include "tiling/tile_geometry.hpp"

#include <cstdint>
#include <vector>

namespace tiler {

struct TileBox {
    double x0 = 0, y0 = 0;          ///< tile origin (top-left corner) in world pixel coordinates
    std::uint32_t extent = 4096;
    std::uint32_t buffer = 64;      ///< tile units around the tile that are kept
    double minx() const { return x0 - buffer; }
    double miny() const { return y0 - buffer; }
    double maxx() const { return x0 + extent + buffer; }
    double maxy() const { return y0 + extent + buffer; }
};

/// g clipped to an axis-aligned rectangle (GEOSClipByRect); may be empty.
geos::Geom clip_rect(const geos::Context& ctx, const GEOSGeometry* g, double minx, double miny, double maxx,
                     double maxy);

/// Polygonal parts of g inside the tile plus buffer, as valid integer polygons (exterior rings with
/// positive surveyor's area, interiors negative), in a canonical order.
std::vector<IPolygon> clip_polygons(const geos::Context& ctx, const GEOSGeometry* g, const TileBox& box);

/// Linear parts of g inside the tile plus buffer, snapped, without repeated points; lines that collapse
/// to a point are dropped.
std::vector<ILine> clip_lines(const geos::Context& ctx, const GEOSGeometry* g, const TileBox& box);

/// Integer polygons back to a GEOS MultiPolygon (tile coordinates), for checks and tests.
geos::Geom to_geos(const geos::Context& ctx, const std::vector<IPolygon>& polys);

} // namespace tiler
