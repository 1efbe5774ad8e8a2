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
    Geom snap_to_grid(const GEOSGeometry* g) const;
    /// Keeps only the polygonal parts of a result (drops collapsed lines/points), as a MultiPolygon.
    Geom polygonal(Geom g) const;

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

} // namespace tiler::geos
