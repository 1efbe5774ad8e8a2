#pragma once
// RAII over the reentrant GEOS C API: one Context per thread owns a GEOSContextHandle_t and collects
// GEOS's error messages; Geom owns one GEOSGeometry. Every failing call throws GeosError with GEOS's
// own message; a predicate's 2 is an error, never "true".
#define GEOS_USE_ONLY_R_API
#include <geos_c.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace tiler::geos {

/// Snapping grid of every overlay (degrees). 1e-6° ≈ 0.11 m: far below the data's accuracy, and keeps
/// all factions' polygons noded on one grid, so they partition the country without slivers.
inline constexpr double kGrid = 1e-6;

class Context;

/// Axis-aligned bounds of a geometry; `empty` for an empty geometry (then it intersects nothing).
struct Box {
    double minx = 0, miny = 0, maxx = 0, maxy = 0;
    bool empty = true;
    bool intersects(const Box& o) const noexcept {
        return !empty && !o.empty && minx <= o.maxx && o.minx <= maxx && miny <= o.maxy && o.miny <= maxy;
    }
};

struct GeomDeleter {
    GEOSContextHandle_t ctx = nullptr;
    void operator()(GEOSGeometry* g) const noexcept { if (g) GEOSGeom_destroy_r(ctx, g); }
};
using Geom = std::unique_ptr<GEOSGeometry, GeomDeleter>;

struct PreparedDeleter {
    GEOSContextHandle_t ctx = nullptr;
    void operator()(const GEOSPreparedGeometry* g) const noexcept { if (g) GEOSPreparedGeom_destroy_r(ctx, g); }
};
using Prepared = std::unique_ptr<const GEOSPreparedGeometry, PreparedDeleter>;

class Context {
public:
    Context();
    ~Context();
    Context(const Context&) = delete;
    Context& operator=(const Context&) = delete;

    GEOSContextHandle_t handle() const noexcept { return ctx_; }

    /// Takes ownership of a raw result; throws GeosError naming `op` if it is null.
    Geom own(GEOSGeometry* g, const char* op) const;
    /// Throws GeosError naming `op` with the last GEOS message.
    [[noreturn]] void fail(const char* op) const;
    /// Checks a GEOS predicate result: 0/1 -> bool, 2 -> GeosError.
    bool check(char result, const char* op) const;

    // --- construction / IO ---
    Geom from_wkt(std::string_view wkt) const;
    std::string to_wkt(const GEOSGeometry* g, int decimals = 6) const;
    Geom clone(const GEOSGeometry* g) const;
    Geom empty_polygon() const;
    Geom point(double x, double y) const;
    Geom polygon(const std::vector<std::vector<std::pair<double, double>>>& rings) const;
    Geom collect(std::vector<Geom> parts, int type) const;   ///< GEOS_MULTIPOLYGON, GEOS_GEOMETRYCOLLECTION, ...

    // --- overlay on the fixed grid (kGrid) ---
    Geom intersection(const GEOSGeometry* a, const GEOSGeometry* b) const;
    Geom difference(const GEOSGeometry* a, const GEOSGeometry* b) const;
    Geom union_(const GEOSGeometry* a, const GEOSGeometry* b) const;
    Geom unary_union(const GEOSGeometry* g) const;
    Geom sym_difference(const GEOSGeometry* a, const GEOSGeometry* b) const;
    Geom snap_to_grid(const GEOSGeometry* g) const;
    /// Rounds every coordinate to the grid without repairing topology (fast; the result may be invalid).
    Geom round_to_grid(const GEOSGeometry* g) const;
    /// Keeps only the polygonal parts of a result (drops collapsed lines/points), as a MultiPolygon.
    Geom polygonal(Geom g) const;
    /// Keeps only the linear parts of a result (drops points and polygons), as a MultiLineString.
    Geom linear(Geom g) const;

    // --- constructions ---
    Geom boundary(const GEOSGeometry* g) const;
    /// Sews connected line parts into maximal lines (GEOSLineMerge).
    Geom line_merge(const GEOSGeometry* g) const;
    Geom envelope(const GEOSGeometry* g) const;
    /// Buffer by `distance` (degrees), 8 segments per quarter circle.
    Geom buffer(const GEOSGeometry* g, double distance) const;
    Box bounds(const GEOSGeometry* g) const;
    /// Voronoi cells (a GeometryCollection of polygons) of the points of `sites`, extended to at least `env`.
    /// GEOS 3.11 does not keep the input order: map cells back to sites by location.
    Geom voronoi(const GEOSGeometry* sites, const GEOSGeometry* env) const;
    /// Puts g in GEOS's normal form (ordered parts, rings and start points), for deterministic output.
    void normalize(GEOSGeometry* g) const;

    // --- predicates and measures ---
    bool is_empty(const GEOSGeometry* g) const;
    bool is_valid(const GEOSGeometry* g) const;
    /// Empty string if valid, else GEOS's reason and location ("Self-intersection[36.1 35.2]").
    std::string invalid_reason(const GEOSGeometry* g) const;
    double planar_area(const GEOSGeometry* g) const;
    Prepared prepare(const GEOSGeometry* g) const;
    bool contains(const GEOSPreparedGeometry* p, const GEOSGeometry* g) const;
    bool intersects(const GEOSPreparedGeometry* p, const GEOSGeometry* g) const;
    bool covers(const GEOSPreparedGeometry* p, const GEOSGeometry* g) const;
    bool contains(const GEOSGeometry* a, const GEOSGeometry* b) const;

    // --- parts and coordinates ---
    int num_geometries(const GEOSGeometry* g) const;
    const GEOSGeometry* geometry_n(const GEOSGeometry* g, int n) const;
    int type_id(const GEOSGeometry* g) const;

private:
    GEOSContextHandle_t ctx_;
    std::string last_error_;
    static void on_error(const char* message, void* userdata);
};

/// Geodesic area of a lon/lat (multi)polygon in km² (spherical excess on the WGS84 authalic sphere).
double area_km2(const Context& ctx, const GEOSGeometry* g);

/// Great-circle distance in km between two lon/lat points (haversine on the mean Earth sphere, 6371.0088 km).
double distance_km(double lon1, double lat1, double lon2, double lat2);

/// Geodesic length of a lon/lat (multi)line in km: distance_km per segment. Polygons and points count 0.
double length_km(const Context& ctx, const GEOSGeometry* g);

/// Owns a GEOSSTRtree of items identified by an index. Inserted geometries are only read for their
/// envelope while inserting. Queries return the ids in ascending order (deterministic).
class StrTree {
public:
    explicit StrTree(const Context& ctx, std::size_t node_capacity = 10);
    ~StrTree();
    StrTree(const StrTree&) = delete;
    StrTree& operator=(const StrTree&) = delete;

    void insert(const GEOSGeometry* g, std::size_t id);
    /// Ids of the items whose envelope intersects g's envelope, ascending.
    std::vector<std::size_t> query(const GEOSGeometry* g) const;

private:
    const Context& ctx_;
    GEOSSTRtree* tree_;
    std::vector<std::unique_ptr<std::size_t>> ids_;   // stable addresses handed to GEOS as items
};

} // namespace tiler::geos
