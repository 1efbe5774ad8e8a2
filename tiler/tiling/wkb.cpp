#include "tiling/wkb.hpp"

#include <memory>

namespace tiler::geos {

std::string to_wkb(const Context& ctx, const GEOSGeometry* g) {
    GEOSWKBWriter* w = GEOSWKBWriter_create_r(ctx.handle());
    if (!w) ctx.fail("WKB writer");
    std::size_t size = 0;
    unsigned char* buf = GEOSWKBWriter_write_r(ctx.handle(), w, g, &size);
    GEOSWKBWriter_destroy_r(ctx.handle(), w);
    if (!buf) ctx.fail("WKB write");
    std::string out(reinterpret_cast<const char*>(buf), size);
    GEOSFree_r(ctx.handle(), buf);
    return out;
}

Geom from_wkb(const Context& ctx, const std::string& wkb) {
    GEOSWKBReader* r = GEOSWKBReader_create_r(ctx.handle());
    if (!r) ctx.fail("WKB reader");
    GEOSGeometry* g =
        GEOSWKBReader_read_r(ctx.handle(), r, reinterpret_cast<const unsigned char*>(wkb.data()), wkb.size());
    GEOSWKBReader_destroy_r(ctx.handle(), r);
    return ctx.own(g, "WKB read");
}

} // namespace tiler::geos
