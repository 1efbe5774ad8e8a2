#pragma once
// Small coordinate helpers over the reentrant GEOS API used by the tiling code: read a line's or ring's
// coordinates, build lines and polygons from plain coordinates, apply an affine map x*s+dx, y*s+dy.
#include "geos/geos.hpp"

#include <functional>
#include <utility>
#include <vector>

namespace tiler::geos {

using XY = std::pair<double, double>;
using Path = std::vector<XY>;

/// Coordinates of a LineString or LinearRing.
Path coords(const Context& ctx, const GEOSGeometry* line_or_ring);
/// A LineString from coordinates (at least 2).
Geom line_string(const Context& ctx, const Path& pts);
/// Calls f(polygon) for every polygon in g (Polygon, MultiPolygon, nested collections), skipping empties.
void for_each_polygon(const Context& ctx, const GEOSGeometry* g, const std::function<void(const GEOSGeometry*)>& f);
/// Calls f(line) for every LineString/LinearRing in g, skipping empties.
void for_each_line(const Context& ctx, const GEOSGeometry* g, const std::function<void(const GEOSGeometry*)>& f);
/// Rings of a polygon: exterior first.
std::vector<Path> polygon_rings(const Context& ctx, const GEOSGeometry* poly);
/// g with every coordinate mapped to (x * scale + dx, y * scale + dy).
Geom affine(const Context& ctx, const GEOSGeometry* g, double scale, double dx, double dy);
/// g with every coordinate mapped by f (in place on a copy).
Geom transform(const Context& ctx, const GEOSGeometry* g, void (*f)(double& x, double& y));

} // namespace tiler::geos
