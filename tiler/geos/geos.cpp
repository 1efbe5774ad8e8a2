#include "geos/geos.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdio>

namespace tiler::geos {

namespace {
struct ReaderDeleter {
    GEOSContextHandle_t ctx;
    void operator()(GEOSWKTReader* r) const noexcept { GEOSWKTReader_destroy_r(ctx, r); }
};
struct WriterDeleter {
    GEOSContextHandle_t ctx;
    void operator()(GEOSWKTWriter* w) const noexcept { GEOSWKTWriter_destroy_r(ctx, w); }
};
} // namespace

void Context::on_error(const char* message, void* userdata) {
    static_cast<Context*>(userdata)->last_error_ = message ? message : "unknown error";
}

Context::Context() : ctx_(GEOS_init_r()) {
    if (!ctx_) throw GeosError("cannot create a GEOS context");
    GEOSContext_setErrorMessageHandler_r(ctx_, &Context::on_error, this);
}

Context::~Context() { GEOS_finish_r(ctx_); }

void Context::fail(const char* op) const {
    throw GeosError(std::string(op) + " failed" + (last_error_.empty() ? "" : ": " + last_error_));
}

Geom Context::own(GEOSGeometry* g, const char* op) const {
    if (!g) fail(op);
    return Geom(g, GeomDeleter{ctx_});
}

bool Context::check(char result, const char* op) const {
    if (result == 2) fail(op);
    return result == 1;
}

Geom Context::from_wkt(std::string_view wkt) const {
    std::unique_ptr<GEOSWKTReader, ReaderDeleter> r(GEOSWKTReader_create_r(ctx_), ReaderDeleter{ctx_});
    std::string s(wkt);
    return own(GEOSWKTReader_read_r(ctx_, r.get(), s.c_str()), "WKT read");
}

std::string Context::to_wkt(const GEOSGeometry* g, int decimals) const {
    std::unique_ptr<GEOSWKTWriter, WriterDeleter> w(GEOSWKTWriter_create_r(ctx_), WriterDeleter{ctx_});
    GEOSWKTWriter_setTrim_r(ctx_, w.get(), 1);
    GEOSWKTWriter_setRoundingPrecision_r(ctx_, w.get(), decimals);
    char* text = GEOSWKTWriter_write_r(ctx_, w.get(), g);
    if (!text) fail("WKT write");
    std::string out(text);
    GEOSFree_r(ctx_, text);
    return out;
}

Geom Context::clone(const GEOSGeometry* g) const { return own(GEOSGeom_clone_r(ctx_, g), "clone"); }

Geom Context::empty_polygon() const { return own(GEOSGeom_createEmptyPolygon_r(ctx_), "empty polygon"); }

Geom Context::point(double x, double y) const { return own(GEOSGeom_createPointFromXY_r(ctx_, x, y), "point"); }

Geom Context::polygon(const std::vector<std::vector<std::pair<double, double>>>& rings) const {
    if (rings.empty()) return empty_polygon();
    std::vector<GEOSGeometry*> made;
    auto make_ring = [&](const std::vector<std::pair<double, double>>& pts) {
        GEOSCoordSequence* seq = GEOSCoordSeq_create_r(ctx_, static_cast<unsigned>(pts.size()), 2);
        if (!seq) fail("coordinate sequence");
        for (unsigned i = 0; i < pts.size(); ++i) GEOSCoordSeq_setXY_r(ctx_, seq, i, pts[i].first, pts[i].second);
        GEOSGeometry* ring = GEOSGeom_createLinearRing_r(ctx_, seq);
        if (!ring) fail("linear ring");
        return ring;
    };
    try {
        for (const auto& r : rings) made.push_back(make_ring(r));
    } catch (...) {
        for (auto* g : made) GEOSGeom_destroy_r(ctx_, g);
        throw;
    }
    GEOSGeometry* shell = made.front();
    std::vector<GEOSGeometry*> holes(made.begin() + 1, made.end());
    return own(GEOSGeom_createPolygon_r(ctx_, shell, holes.empty() ? nullptr : holes.data(),
                                        static_cast<unsigned>(holes.size())),
               "polygon");
}

Geom Context::collect(std::vector<Geom> parts, int type) const {
    std::vector<GEOSGeometry*> raw;
    raw.reserve(parts.size());
    for (auto& p : parts) raw.push_back(p.release());
    GEOSGeometry* g = GEOSGeom_createCollection_r(ctx_, type, raw.empty() ? nullptr : raw.data(),
                                                  static_cast<unsigned>(raw.size()));
    if (!g) {
        for (auto* p : raw) GEOSGeom_destroy_r(ctx_, p);
        fail("collection");
    }
    return own(g, "collection");
}

Geom Context::intersection(const GEOSGeometry* a, const GEOSGeometry* b) const {
    return own(GEOSIntersectionPrec_r(ctx_, a, b, kGrid), "intersection");
}
Geom Context::difference(const GEOSGeometry* a, const GEOSGeometry* b) const {
    return own(GEOSDifferencePrec_r(ctx_, a, b, kGrid), "difference");
}
Geom Context::union_(const GEOSGeometry* a, const GEOSGeometry* b) const {
    return own(GEOSUnionPrec_r(ctx_, a, b, kGrid), "union");
}
Geom Context::unary_union(const GEOSGeometry* g) const {
    return own(GEOSUnaryUnionPrec_r(ctx_, g, kGrid), "unary union");
}
Geom Context::sym_difference(const GEOSGeometry* a, const GEOSGeometry* b) const {
    return own(GEOSSymDifferencePrec_r(ctx_, a, b, kGrid), "symmetric difference");
}
Geom Context::snap_to_grid(const GEOSGeometry* g) const {
    return own(GEOSGeom_setPrecision_r(ctx_, g, kGrid, 0), "set precision");
}

Geom Context::round_to_grid(const GEOSGeometry* g) const {
    return own(GEOSGeom_setPrecision_r(ctx_, g, kGrid, GEOS_PREC_NO_TOPO), "round to grid");
}

Geom Context::polygonal(Geom g) const {
    const int t = type_id(g.get());
    if (t == GEOS_MULTIPOLYGON) return g;
    std::vector<Geom> polys;
    auto add = [&](const GEOSGeometry* part, auto&& self) -> void {
        const int pt = type_id(part);
        if (pt == GEOS_POLYGON) {
            if (!is_empty(part)) polys.push_back(clone(part));
        } else if (pt == GEOS_MULTIPOLYGON || pt == GEOS_GEOMETRYCOLLECTION) {
            for (int i = 0; i < num_geometries(part); ++i) self(geometry_n(part, i), self);
        }
    };
    add(g.get(), add);
    return collect(std::move(polys), GEOS_MULTIPOLYGON);
}

Geom Context::linear(Geom g) const {
    const int t = type_id(g.get());
    if (t == GEOS_MULTILINESTRING) return g;
    std::vector<Geom> lines;
    auto add = [&](const GEOSGeometry* part, auto&& self) -> void {
        const int pt = type_id(part);
        if (pt == GEOS_LINESTRING || pt == GEOS_LINEARRING) {
            if (!is_empty(part)) {
                // A MultiLineString takes LineStrings only: rebuild a ring as a line.
                GEOSCoordSequence* seq = GEOSCoordSeq_clone_r(ctx_, GEOSGeom_getCoordSeq_r(ctx_, part));
                if (!seq) fail("clone coordinates");
                lines.push_back(own(GEOSGeom_createLineString_r(ctx_, seq), "line string"));
            }
        } else if (pt == GEOS_MULTILINESTRING || pt == GEOS_GEOMETRYCOLLECTION) {
            for (int i = 0; i < num_geometries(part); ++i) self(geometry_n(part, i), self);
        }
    };
    add(g.get(), add);
    return collect(std::move(lines), GEOS_MULTILINESTRING);
}

Geom Context::boundary(const GEOSGeometry* g) const { return own(GEOSBoundary_r(ctx_, g), "boundary"); }
Geom Context::line_merge(const GEOSGeometry* g) const { return own(GEOSLineMerge_r(ctx_, g), "line merge"); }
Geom Context::envelope(const GEOSGeometry* g) const { return own(GEOSEnvelope_r(ctx_, g), "envelope"); }

Geom Context::buffer(const GEOSGeometry* g, double distance) const {
    return own(GEOSBuffer_r(ctx_, g, distance, 8), "buffer");
}

Box Context::bounds(const GEOSGeometry* g) const {
    Box b;
    if (is_empty(g)) return b;
    if (!GEOSGeom_getXMin_r(ctx_, g, &b.minx) || !GEOSGeom_getYMin_r(ctx_, g, &b.miny) ||
        !GEOSGeom_getXMax_r(ctx_, g, &b.maxx) || !GEOSGeom_getYMax_r(ctx_, g, &b.maxy))
        fail("bounds");
    b.empty = false;
    return b;
}

Geom Context::voronoi(const GEOSGeometry* sites, const GEOSGeometry* env) const {
    return own(GEOSVoronoiDiagram_r(ctx_, sites, env, 0.0, 0), "Voronoi diagram");
}

void Context::normalize(GEOSGeometry* g) const {
    if (GEOSNormalize_r(ctx_, g) != 0) fail("normalize");
}

bool Context::is_empty(const GEOSGeometry* g) const { return check(GEOSisEmpty_r(ctx_, g), "isEmpty"); }
bool Context::is_valid(const GEOSGeometry* g) const { return check(GEOSisValid_r(ctx_, g), "isValid"); }

std::string Context::invalid_reason(const GEOSGeometry* g) const {
    char* reason = nullptr;
    GEOSGeometry* location = nullptr;
    const char r = GEOSisValidDetail_r(ctx_, g, 0, &reason, &location);
    if (r == 2) fail("isValidDetail");
    std::string out;
    if (r == 0) {
        out = reason ? reason : "invalid";
        if (location) {
            double x = 0, y = 0;
            if (GEOSGeomGetX_r(ctx_, location, &x) == 1 && GEOSGeomGetY_r(ctx_, location, &y) == 1) {
                char buf[96];
                std::snprintf(buf, sizeof buf, " at lon %.6f lat %.6f", x, y);
                out += buf;
            }
        }
    }
    if (reason) GEOSFree_r(ctx_, reason);
    if (location) GEOSGeom_destroy_r(ctx_, location);
    return out;
}

double Context::planar_area(const GEOSGeometry* g) const {
    double a = 0;
    if (!GEOSArea_r(ctx_, g, &a)) fail("area");
    return a;
}

Prepared Context::prepare(const GEOSGeometry* g) const {
    const GEOSPreparedGeometry* p = GEOSPrepare_r(ctx_, g);
    if (!p) fail("prepare");
    return Prepared(p, PreparedDeleter{ctx_});
}
bool Context::contains(const GEOSPreparedGeometry* p, const GEOSGeometry* g) const {
    return check(GEOSPreparedContains_r(ctx_, p, g), "prepared contains");
}
bool Context::intersects(const GEOSPreparedGeometry* p, const GEOSGeometry* g) const {
    return check(GEOSPreparedIntersects_r(ctx_, p, g), "prepared intersects");
}
bool Context::covers(const GEOSPreparedGeometry* p, const GEOSGeometry* g) const {
    return check(GEOSPreparedCovers_r(ctx_, p, g), "prepared covers");
}

bool Context::contains(const GEOSGeometry* a, const GEOSGeometry* b) const {
    return check(GEOSContains_r(ctx_, a, b), "contains");
}

int Context::num_geometries(const GEOSGeometry* g) const {
    const int n = GEOSGetNumGeometries_r(ctx_, g);
    if (n < 0) fail("getNumGeometries");
    return n;
}
const GEOSGeometry* Context::geometry_n(const GEOSGeometry* g, int n) const {
    const GEOSGeometry* p = GEOSGetGeometryN_r(ctx_, g, n);
    if (!p) fail("getGeometryN");
    return p;
}
int Context::type_id(const GEOSGeometry* g) const {
    const int t = GEOSGeomTypeId_r(ctx_, g);
    if (t < 0) fail("geomTypeId");
    return t;
}

namespace {
constexpr double kAuthalicRadiusM = 6371007.181;
constexpr double kDeg = 3.14159265358979323846 / 180.0;

// Signed spherical area of a ring (m²) whose edges are straight in lon/lat: the exact integral of
// R² sin(lat) d(lon) along each edge (lat linear in lon), the Chamberlain & Duquette (2007) sum with the
// trapezoid replaced by the exact mean. Exact integrals make the area additive: splitting an edge at a
// point on it does not change it, so the parts of a partition add up to the whole.
double ring_area_m2(const Context& ctx, const GEOSGeometry* ring) {
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx.handle(), ring);
    if (!seq) ctx.fail("getCoordSeq");
    unsigned n = 0;
    GEOSCoordSeq_getSize_r(ctx.handle(), seq, &n);
    if (n < 4) return 0;
    double sum = 0;
    for (unsigned i = 0; i + 1 < n; ++i) {
        double x1, y1, x2, y2;
        GEOSCoordSeq_getXY_r(ctx.handle(), seq, i, &x1, &y1);
        GEOSCoordSeq_getXY_r(ctx.handle(), seq, i + 1, &x2, &y2);
        // Mean of sin(lat) over the edge: (cos y1 - cos y2) / (y2 - y1) = sin(mid) · sin(h) / h.
        const double h = (y2 - y1) * kDeg / 2;
        const double sinc = std::fabs(h) < 1e-8 ? 1.0 - h * h / 6 : std::sin(h) / h;
        sum += (x2 - x1) * kDeg * std::sin((y1 + y2) * kDeg / 2) * sinc;
    }
    return sum * kAuthalicRadiusM * kAuthalicRadiusM;
}

double polygon_area_m2(const Context& ctx, const GEOSGeometry* poly) {
    GEOSContextHandle_t h = ctx.handle();
    double a = std::fabs(ring_area_m2(ctx, GEOSGetExteriorRing_r(h, poly)));
    const int holes = GEOSGetNumInteriorRings_r(h, poly);
    for (int i = 0; i < holes; ++i) a -= std::fabs(ring_area_m2(ctx, GEOSGetInteriorRingN_r(h, poly, i)));
    return a;
}
} // namespace

double area_km2(const Context& ctx, const GEOSGeometry* g) {
    if (ctx.is_empty(g)) return 0;
    const int t = ctx.type_id(g);
    if (t == GEOS_POLYGON) return polygon_area_m2(ctx, g) / 1e6;
    if (t == GEOS_MULTIPOLYGON || t == GEOS_GEOMETRYCOLLECTION) {
        double a = 0;
        for (int i = 0; i < ctx.num_geometries(g); ++i) a += area_km2(ctx, ctx.geometry_n(g, i));
        return a;
    }
    return 0;
}

double distance_km(double lon1, double lat1, double lon2, double lat2) {
    constexpr double kMeanRadiusKm = 6371.0088;
    const double s1 = std::sin((lat2 - lat1) * kDeg / 2), s2 = std::sin((lon2 - lon1) * kDeg / 2);
    const double h = s1 * s1 + std::cos(lat1 * kDeg) * std::cos(lat2 * kDeg) * s2 * s2;
    return 2 * kMeanRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

namespace {
double line_length_km(const Context& ctx, const GEOSGeometry* line) {
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx.handle(), line);
    if (!seq) ctx.fail("getCoordSeq");
    unsigned n = 0;
    GEOSCoordSeq_getSize_r(ctx.handle(), seq, &n);
    double km = 0;
    for (unsigned i = 0; i + 1 < n; ++i) {
        double x1, y1, x2, y2;
        GEOSCoordSeq_getXY_r(ctx.handle(), seq, i, &x1, &y1);
        GEOSCoordSeq_getXY_r(ctx.handle(), seq, i + 1, &x2, &y2);
        km += distance_km(x1, y1, x2, y2);
    }
    return km;
}
} // namespace

double length_km(const Context& ctx, const GEOSGeometry* g) {
    if (ctx.is_empty(g)) return 0;
    const int t = ctx.type_id(g);
    if (t == GEOS_LINESTRING || t == GEOS_LINEARRING) return line_length_km(ctx, g);
    if (t == GEOS_MULTILINESTRING || t == GEOS_GEOMETRYCOLLECTION) {
        double km = 0;
        for (int i = 0; i < ctx.num_geometries(g); ++i) km += length_km(ctx, ctx.geometry_n(g, i));
        return km;
    }
    return 0;
}

StrTree::StrTree(const Context& ctx, std::size_t node_capacity)
    : ctx_(ctx), tree_(GEOSSTRtree_create_r(ctx.handle(), node_capacity)) {
    if (!tree_) ctx.fail("STRtree create");
}

StrTree::~StrTree() { GEOSSTRtree_destroy_r(ctx_.handle(), tree_); }

void StrTree::insert(const GEOSGeometry* g, std::size_t id) {
    ids_.push_back(std::make_unique<std::size_t>(id));
    GEOSSTRtree_insert_r(ctx_.handle(), tree_, g, ids_.back().get());
}

std::vector<std::size_t> StrTree::query(const GEOSGeometry* g) const {
    std::vector<std::size_t> out;
    GEOSSTRtree_query_r(
        ctx_.handle(), tree_, g,
        [](void* item, void* userdata) {
            static_cast<std::vector<std::size_t>*>(userdata)->push_back(*static_cast<const std::size_t*>(item));
        },
        &out);
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace tiler::geos
