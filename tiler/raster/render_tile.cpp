#include "raster/render_tile.hpp"

#include "core/error.hpp"
#include "raster/vips_image.hpp"
#include "tiling/geos_coords.hpp"

#include <cmath>
#include <vector>

namespace tiler {

namespace {

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
    for (unsigned i = 0; i < n; ++i) {
        const double x = (buf[2 * i] * v.scale - v.x0) * ss;
        const double y = (buf[2 * i + 1] * v.scale - v.y0) * ss;
        if (i == 0) cairo_move_to(cr, x, y);
        else cairo_line_to(cr, x, y);
    }
    if (close) cairo_close_path(cr);
}

void stroke_lines(const geos::Context& ctx, cairo_t* cr, const GEOSGeometry* g, const LineStyle& ls,
                  const View& view) {
    if (!g) return;
    cairo_new_path(cr);
    add_lines(ctx, cr, g, view);
    set_color(cr, ls.color);
    cairo_set_line_width(cr, ls.width.at(view.zoom) * view.pixel_ratio * view.supersample);
    cairo_stroke(cr);
}

} // namespace

View tile_view(mercator::TileId id, int tile_px) {
    View v;
    v.scale = std::ldexp(static_cast<double>(tile_px), static_cast<int>(id.z));
    v.x0 = static_cast<double>(id.x) * tile_px;
    v.y0 = static_cast<double>(id.y) * tile_px;
    v.width = v.height = tile_px;
    v.zoom = id.z;
    v.pixel_ratio = tile_px / 256.0;
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

vips::VImage render(const geos::Context& ctx, Canvas& canvas, const DrawList& list, const RasterStyle& style,
                    const View& view) {
    canvas.clear();
    draw(ctx, canvas, list, style, view);
    return canvas_image(canvas, view.supersample);
}

vips::VImage render(const geos::Context& ctx, const DrawList& list, const RasterStyle& style, const View& view) {
    Canvas canvas(view.width * view.supersample, view.height * view.supersample);
    return render(ctx, canvas, list, style, view);
}

} // namespace tiler
