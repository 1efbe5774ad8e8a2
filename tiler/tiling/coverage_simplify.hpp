#pragma once
// Simplifying a polygonal coverage (factions partitioning a country) without opening gaps or overlaps
// (GEOS 3.11 has no CoverageSimplifyVW). The coverage's edges — all polygon boundaries noded together
// and merged between nodes — are extracted ONCE; at each scale every edge is simplified ONCE
// (Douglas-Peucker with its end nodes fixed; a tolerance that makes the edge self-intersect is halved),
// snapped to a grid, noded again (snap-rounding union) and polygonized. Every shared boundary is then the
// same simplified line for both neighbours, so the faces tile the simplified area exactly. Faces get
// their owner back by locating a point on each face in the original polygons.
//
// Several coverages of the same area (one per day) can be overlaid into one set of edges: every day's
// map is then a labelling of the same faces, and parts that did not change stay identical across days.
#include "geos/geos.hpp"
#include "tiling/geos_coords.hpp"

#include <array>
#include <vector>

namespace tiler {

/// Douglas-Peucker keeping the first and the last point (also for a closed path).
geos::Path douglas_peucker(const geos::Path& pts, double tolerance);

class CoverageEdges {
public:
    CoverageEdges() = default;
    /// Edges of the union of the boundaries of `polygonal` (any number of overlaid coverages), noded on
    /// `grid` (0 = floating precision), each edge once, directed and ordered canonically.
    CoverageEdges(const geos::Context& ctx, const std::vector<const GEOSGeometry*>& polygonal, double grid);
    const std::vector<geos::Path>& edges() const { return edges_; }
    /// Maps every coordinate by (x, y) -> f(x, y) (e.g. lon/lat to Web Mercator world coordinates).
    void transform(void (*f)(double& x, double& y));

private:
    std::vector<geos::Path> edges_;
};

struct SimplifyParams {
    double scale = 1;       ///< coordinates are first mapped to (x * scale + dx, y * scale + dy)
    double dx = 0, dy = 0;
    double tolerance = 0;   ///< Douglas-Peucker tolerance in mapped units (0 = none)
    double grid = 0;        ///< snapping grid in mapped units (0 = none)
};

/// The faces of the simplified edges, with what lies on both sides of every noded line.
struct SimplifiedCoverage {
    std::vector<geos::Geom> faces;                 ///< valid polygons, in polygonize order
    std::vector<geos::Geom> lines;                 ///< the noded simplified edges
    std::vector<std::array<int, 2>> line_faces;    ///< faces left/right of each line (-1 = none)
    std::vector<double> face_area;                 ///< planar area of each face
};

SimplifiedCoverage simplify_edges(const geos::Context& ctx, const CoverageEdges& edges, const SimplifyParams& p);

/// A point inside each face (GEOS PointOnSurface), in the faces' coordinates.
std::vector<geos::XY> face_points(const geos::Context& ctx, const SimplifiedCoverage& sc);

/// Owner of every face: index of the polygon of `owners` (same coordinates as the faces) that covers the
/// face's point; if none does, the owner with the largest overlap; -1 if the face overlaps none.
std::vector<int> assign_faces(const geos::Context& ctx, const SimplifiedCoverage& sc,
                              const std::vector<const GEOSGeometry*>& owners);

/// Union of the faces `faces` (indices into sc.faces, each once) as a MultiPolygon; empty if none. The
/// lines with a member face on exactly one side are its outline: they are polygonized into a valid
/// polygonal result (GEOSPolygonize_valid, even-odd), so the cost grows with the outline, not with the
/// faces inside it. If the outline's area is not the faces' (a line whose sides are unknown), it falls
/// back to GEOSCoverageUnion of the faces.
geos::Geom union_of_faces(const geos::Context& ctx, const SimplifiedCoverage& sc, const std::vector<int>& faces);

/// The same by GEOSCoverageUnion of the faces (the reference union_of_faces is tested against).
geos::Geom coverage_union_of_faces(const geos::Context& ctx, const SimplifiedCoverage& sc, const std::vector<int>& faces);

/// Union of the faces whose label equals `label` (union_of_faces), as a MultiPolygon; empty if none.
geos::Geom union_faces(const geos::Context& ctx, const SimplifiedCoverage& sc, const std::vector<int>& labels,
                       int label);

/// Convenience: each polygon of a coverage simplified with `tolerance` (index-aligned with the input).
std::vector<geos::Geom> simplify_coverage(const geos::Context& ctx, const std::vector<const GEOSGeometry*>& coverage,
                                          double tolerance, double grid = 0);

} // namespace tiler
