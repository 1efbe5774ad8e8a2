#include "tiling/geos_coords.hpp"

namespace tiler::geos {

Path coords(const Context& ctx, const GEOSGeometry* g) {
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx.handle(), g);
    if (!seq) ctx.fail("getCoordSeq");
    unsigned n = 0;
    if (!GEOSCoordSeq_getSize_r(ctx.handle(), seq, &n)) ctx.fail("getSize");
    std::vector<double> buf(static_cast<std::size_t>(n) * 2);
    if (n && !GEOSCoordSeq_copyToBuffer_r(ctx.handle(), seq, buf.data(), 0, 0)) ctx.fail("copyToBuffer");
    Path out(n);
    for (unsigned i = 0; i < n; ++i) out[i] = {buf[2 * i], buf[2 * i + 1]};
    return out;
}

Geom line_string(const Context& ctx, const Path& pts) {
    std::vector<double> buf;
    buf.reserve(pts.size() * 2);
    for (const auto& [x, y] : pts) {
        buf.push_back(x);
        buf.push_back(y);
    }
    GEOSCoordSequence* seq =
        GEOSCoordSeq_copyFromBuffer_r(ctx.handle(), buf.data(), static_cast<unsigned>(pts.size()), 0, 0);
    if (!seq) ctx.fail("copyFromBuffer");
    return ctx.own(GEOSGeom_createLineString_r(ctx.handle(), seq), "line string");
}

void for_each_polygon(const Context& ctx, const GEOSGeometry* g, const std::function<void(const GEOSGeometry*)>& f) {
    const int t = ctx.type_id(g);
    if (t == GEOS_POLYGON) {
        if (!ctx.is_empty(g)) f(g);
    } else if (t == GEOS_MULTIPOLYGON || t == GEOS_GEOMETRYCOLLECTION) {
        const int n = ctx.num_geometries(g);
        for (int i = 0; i < n; ++i) for_each_polygon(ctx, ctx.geometry_n(g, i), f);
    }
}

void for_each_line(const Context& ctx, const GEOSGeometry* g, const std::function<void(const GEOSGeometry*)>& f) {
    const int t = ctx.type_id(g);
    if (t == GEOS_LINESTRING || t == GEOS_LINEARRING) {
        if (!ctx.is_empty(g)) f(g);
    } else if (t == GEOS_MULTILINESTRING || t == GEOS_GEOMETRYCOLLECTION) {
        const int n = ctx.num_geometries(g);
        for (int i = 0; i < n; ++i) for_each_line(ctx, ctx.geometry_n(g, i), f);
    }
}

std::vector<Path> polygon_rings(const Context& ctx, const GEOSGeometry* poly) {
    std::vector<Path> rings;
    const GEOSGeometry* ext = GEOSGetExteriorRing_r(ctx.handle(), poly);
    if (!ext) ctx.fail("getExteriorRing");
    rings.push_back(coords(ctx, ext));
    const int holes = GEOSGetNumInteriorRings_r(ctx.handle(), poly);
    if (holes < 0) ctx.fail("getNumInteriorRings");
    for (int i = 0; i < holes; ++i) {
        const GEOSGeometry* h = GEOSGetInteriorRingN_r(ctx.handle(), poly, i);
        if (!h) ctx.fail("getInteriorRingN");
        rings.push_back(coords(ctx, h));
    }
    return rings;
}

namespace {
struct AffineArgs {
    double scale, dx, dy;
};
int affine_cb(double* x, double* y, void* user) {
    const auto* a = static_cast<const AffineArgs*>(user);
    *x = *x * a->scale + a->dx;
    *y = *y * a->scale + a->dy;
    return 1;
}
struct FnArgs {
    void (*f)(double&, double&);
};
int fn_cb(double* x, double* y, void* user) {
    static_cast<const FnArgs*>(user)->f(*x, *y);
    return 1;
}
} // namespace

Geom affine(const Context& ctx, const GEOSGeometry* g, double scale, double dx, double dy) {
    AffineArgs a{scale, dx, dy};
    return ctx.own(GEOSGeom_transformXY_r(ctx.handle(), g, &affine_cb, &a), "transformXY");
}

Geom transform(const Context& ctx, const GEOSGeometry* g, void (*f)(double& x, double& y)) {
    FnArgs a{f};
    return ctx.own(GEOSGeom_transformXY_r(ctx.handle(), g, &fn_cb, &a), "transformXY");
}

} // namespace tiler::geos
