#include "raster/render_tile.hpp"

#include "core/error.hpp"
#include "raster/vips_image.hpp"
#include "tiling/geos_coords.hpp"

#include <cmath>
#include <memory>
#include <vector>

namespace tiler {

namespace {

/// cairo's 4x4-sample anti-aliasing (17 coverage levels, as the 4x box supersampling it replaces). Its
/// coverage of a pixel depends only on the edges crossing that pixel; the default mode's coverage also
/// depends on other edges in the same pixel row (it switches to an analytic full-row path), which would
/// break the pixel-exact agreement of neighbouring tiles.
constexpr cairo_antialias_t kTileAntialias = CAIRO_ANTIALIAS_FAST;
/// Vertex grid of 1x tiles: 1/kSnap pixel (a power of two: snapping is exact).
constexpr double kSnap = 8;

struct CairoPathDeleter {
    void operator()(cairo_path_t* p) const noexcept { if (p) cairo_path_destroy(p); }
};

void set_color(cairo_t* cr, Rgba c) {
    cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, c.a / 255.0);
}

/// Appends one coordinate sequence as a sub-path.
void add_sequence(const geos::Context& ctx, cairo_t* cr, const GEOSGeometry* line, const View& v, bool close,
                  std::vector<double>& buf) {
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx.handle(), line);
    if (!seq) ctx.fail("getCoordSeq");
    unsigned n = 0;
    if (!GEOSCoordSeq_getSize_r(ctx.handle(), seq, &n)) ctx.fail("getSize");
    if (n < 2) return;
    buf.resize(static_cast<std::size_t>(n) * 2);
    if (!GEOSCoordSeq_copyToBuffer_r(ctx.handle(), seq, buf.data(), 0, 0)) ctx.fail("copyToBuffer");
    const double ss = v.supersample;
    if (ss != 1) {
        for (unsigned i = 0; i < n; ++i) {
            const double x = (buf[2 * i] * v.scale - v.x0) * ss;
            const double y = (buf[2 * i + 1] * v.scale - v.y0) * ss;
            if (i == 0) cairo_move_to(cr, x, y);
            else cairo_line_to(cr, x, y);
        }
    } else {
        // 1x anti-aliased tiles: vertices snapped to kSnap of a pixel in GLOBAL pixel coordinates (exact in
        // double precision, so the same in every tile), repeated points dropped. cairo's FAST
        // anti-aliasing samples a pixel 4x4 anyway; this only removes the vertices (many per pixel at low
        // zooms) it would spend time on for nothing. Shared edges stay shared: a vertex snaps the same way
        // in every polygon and line that has it.
        double px = 0, py = 0;
        unsigned emitted = 0;
        for (unsigned i = 0; i < n; ++i) {
            const double x = std::round(buf[2 * i] * v.scale * kSnap) / kSnap - v.x0;
            const double y = std::round(buf[2 * i + 1] * v.scale * kSnap) / kSnap - v.y0;
            if (emitted > 0 && x == px && y == py) continue;
            if (emitted == 0) cairo_move_to(cr, x, y);
            else cairo_line_to(cr, x, y);
            px = x;
            py = y;
            ++emitted;
        }
        if (emitted == 1) cairo_line_to(cr, px, py);   // a dot: round caps still draw it
    }
    if (close) cairo_close_path(cr);
}

/// A colour as draw_aa hands it to cairo: with red and blue swapped on little-endian machines, where
/// CAIRO_FORMAT_ARGB32 stores B, G, R, A in memory, so that the surface's bytes are R, G, B, A, the
/// order libvips and PNG want (no band shuffling per tile).
Rgba memory_order(Rgba c) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    return Rgba{c.b, c.g, c.r, c.a};
#else
    return c;
#endif
}

void stroke_lines(const geos::Context& ctx, cairo_t* cr, const GEOSGeometry* g, const LineStyle& ls,
                  const View& view, bool swap = false) {
    if (!g) return;
    cairo_new_path(cr);
    add_lines(ctx, cr, g, view);
    set_color(cr, swap ? memory_order(ls.color) : ls.color);
    cairo_set_line_width(cr, ls.width.at(view.zoom) * view.pixel_ratio * view.supersample);
    cairo_stroke(cr);
}

} // namespace

TileCanvas::TileCanvas(int width, int height)
    : colour(width, height, CAIRO_FORMAT_ARGB32), coverage(width, height, CAIRO_FORMAT_A8) {}

View tile_view(mercator::TileId id, int tile_px) {
    View v;
    v.scale = std::ldexp(static_cast<double>(tile_px), static_cast<int>(id.z));
    v.x0 = static_cast<double>(id.x) * tile_px;
    v.y0 = static_cast<double>(id.y) * tile_px;
    v.width = v.height = tile_px;
    v.zoom = id.z;
    v.pixel_ratio = tile_px / 256.0;
    v.supersample = 1;
    return v;
}

View fit_view(double minx, double miny, double maxx, double maxy, int width) {
    if (!(maxx > minx) || !(maxy > miny) || width <= 0) throw Error("fit_view: empty box");
    View v;
    v.scale = width / (maxx - minx);
    v.x0 = minx * v.scale;
    v.y0 = miny * v.scale;
    v.width = width;
    v.height = static_cast<int>(std::ceil((maxy - miny) * v.scale));
    v.zoom = std::log2(v.scale / 256.0);
    return v;
}

void add_polygons(const geos::Context& ctx, cairo_t* cr, const GEOSGeometry* g, const View& view) {
    std::vector<double> buf;
    geos::for_each_polygon(ctx, g, [&](const GEOSGeometry* poly) {
        const GEOSGeometry* ext = GEOSGetExteriorRing_r(ctx.handle(), poly);
        if (!ext) ctx.fail("getExteriorRing");
        add_sequence(ctx, cr, ext, view, true, buf);
        const int holes = GEOSGetNumInteriorRings_r(ctx.handle(), poly);
        if (holes < 0) ctx.fail("getNumInteriorRings");
        for (int i = 0; i < holes; ++i) {
            const GEOSGeometry* h = GEOSGetInteriorRingN_r(ctx.handle(), poly, i);
            if (!h) ctx.fail("getInteriorRingN");
            add_sequence(ctx, cr, h, view, true, buf);
        }
    });
}

void add_lines(const geos::Context& ctx, cairo_t* cr, const GEOSGeometry* g, const View& view) {
    std::vector<double> buf;
    geos::for_each_line(ctx, g, [&](const GEOSGeometry* line) { add_sequence(ctx, cr, line, view, false, buf); });
}

void draw(const geos::Context& ctx, Canvas& canvas, const DrawList& list, const RasterStyle& style, const View& view) {
    if (canvas.width() != view.width * view.supersample || canvas.height() != view.height * view.supersample)
        throw Error("raster: canvas does not match the view");
    cairo_t* cr = canvas.cr();
    cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    cairo_set_operator(cr, CAIRO_OPERATOR_OVER);
    for (const auto& [faction, geom] : list.fills) {
        if (faction >= style.fill.size()) throw Error("raster: faction index out of range");
        cairo_new_path(cr);
        add_polygons(ctx, cr, geom, view);
        set_color(cr, style.fill[faction]);
        cairo_fill(cr);
    }
    cairo_set_operator(cr, CAIRO_OPERATOR_ATOP);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    stroke_lines(ctx, cr, list.governorates, style.governorate, view);
    stroke_lines(ctx, cr, list.frontlines, style.frontline, view);
    stroke_lines(ctx, cr, list.country, style.country, view);
    cairo_set_operator(cr, CAIRO_OPERATOR_OVER);
}

void draw_aa(const geos::Context& ctx, TileCanvas& canvas, const DrawList& list, const RasterStyle& style,
             const View& view) {
    if (view.supersample != 1) throw Error("raster: draw_aa needs supersample 1");
    if (canvas.colour.width() != view.width || canvas.colour.height() != view.height ||
        canvas.coverage.width() != view.width || canvas.coverage.height() != view.height)
        throw Error("raster: canvas does not match the view");
    canvas.colour.clear();
    canvas.coverage.clear();
    cairo_t* cr = canvas.colour.cr();
    cairo_t* cov = canvas.coverage.cr();
    for (cairo_t* c : {cr, cov}) {
        cairo_set_antialias(c, kTileAntialias);
        cairo_set_fill_rule(c, CAIRO_FILL_RULE_EVEN_ODD);
        cairo_set_operator(c, CAIRO_OPERATOR_OVER);
    }
    // Coverage: all factions as one even-odd path (their shared edges cancel).
    cairo_new_path(cov);
    for (const auto& [faction, geom] : list.fills) {
        if (faction >= style.fill.size()) throw Error("raster: faction index out of range");
        add_polygons(ctx, cov, geom, view);
    }
    cairo_set_source_rgba(cov, 0, 0, 0, 1);
    cairo_fill(cov);
    // Colours, opaque everywhere (so the surface is already straight RGB: nothing to un-premultiply):
    // the country line's colour as background (the outermost, partly covered pixels of the outline are
    // under that line anyway), each faction aliased (an opaque underpaint of every pixel whose centre is
    // inside it, so that conflation along shared edges mixes neighbouring colours, never the background),
    // each faction anti-aliased over it, then the lines on top (the coverage cuts them at the outline).
    set_color(cr, memory_order(style.country.color));
    cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE);
    cairo_paint(cr);
    cairo_set_operator(cr, CAIRO_OPERATOR_OVER);
    std::vector<std::unique_ptr<cairo_path_t, CairoPathDeleter>> paths;
    cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
    for (const auto& [faction, geom] : list.fills) {
        cairo_new_path(cr);
        add_polygons(ctx, cr, geom, view);
        paths.emplace_back(cairo_copy_path(cr));
        set_color(cr, memory_order(style.fill[faction]));
        cairo_fill(cr);
    }
    cairo_set_antialias(cr, kTileAntialias);
    for (std::size_t i = 0; i < paths.size(); ++i) {
        cairo_new_path(cr);
        cairo_append_path(cr, paths[i].get());
        set_color(cr, memory_order(style.fill[list.fills[i].first]));
        cairo_fill(cr);
    }
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    stroke_lines(ctx, cr, list.governorates, style.governorate, view, true);
    stroke_lines(ctx, cr, list.frontlines, style.frontline, view, true);
    stroke_lines(ctx, cr, list.country, style.country, view, true);
}

vips::VImage render(const geos::Context& ctx, Canvas& canvas, const DrawList& list, const RasterStyle& style,
                    const View& view) {
    canvas.clear();
    draw(ctx, canvas, list, style, view);
    return canvas_image(canvas, view.supersample);
}

vips::VImage render(const geos::Context& ctx, const DrawList& list, const RasterStyle& style, const View& view) {
    if (view.supersample == 1) {
        TileCanvas canvas(view.width, view.height);
        draw_aa(ctx, canvas, list, style, view);
        try {
            return coverage_image(canvas.colour, canvas.coverage).copy_memory();
        } catch (const vips::VError& e) {
            throw Error(std::string("libvips: render: ") + e.what());
        }
    }
    Canvas canvas(view.width * view.supersample, view.height * view.supersample);
    return render(ctx, canvas, list, style, view);
}

} // namespace tiler
