#pragma once
// Drawing a DrawList into a window of the world with cairo, and turning it into an anti-aliased image.
//
// Seams: everything is drawn WITHOUT anti-aliasing into a surface `supersample` times larger than the
// output, then libvips shrinks it by box averaging on premultiplied alpha. Neighbouring factions share
// their edges exactly (same vertices), so every supersample inside the country is covered by exactly one
// faction: alpha is 255 everywhere inside, colours mix by coverage (no conflation seams, no background
// showing through a shared edge). Lines are drawn with CAIRO_OPERATOR_ATOP: only where a fill is, so
// outside the country stays transparent.
// Tile edges: device coordinates are (world * scale - origin) * supersample, where scale is a power of two
// times the tile size and origin an integer pixel: neighbouring tiles see the same geometry shifted by an
// exact integer, so a polygon crossing a tile edge continues pixel-exactly in the next tile.
#include "raster/cairo_canvas.hpp"
#include "raster/raster_style.hpp"
#include "raster/scene.hpp"
#include "tiling/mercator.hpp"

#include <vips/vips8>

namespace tiler {

/// A window onto the world, in output pixels.
struct View {
    double scale = 256;         ///< output pixels per world unit
    double x0 = 0, y0 = 0;      ///< output pixel of the window's top-left corner (integers for tiles)
    int width = 256, height = 256;
    double zoom = 0;            ///< for zoom-dependent line widths
    double pixel_ratio = 1;     ///< multiplies line widths (2 for @2x tiles)
    int supersample = 4;        ///< drawing resolution / output resolution
};

/// The view of tile `id` at `tile_px` pixels (256, or 512 for @2x: same area, twice the pixels).
View tile_view(mercator::TileId id, int tile_px);

/// The view of a whole world box (world coordinates) fitted into `width` pixels (height follows).
View fit_view(double minx, double miny, double maxx, double maxy, int width);

/// Draws `list` into `canvas` (which must be view.width*supersample x view.height*supersample) on top of
/// what is there: fills, then governorate borders, frontlines and the country border.
void draw(const geos::Context& ctx, Canvas& canvas, const DrawList& list, const RasterStyle& style, const View& view);

/// Appends the polygons / lines of g to the canvas's current path in device coordinates.
void add_polygons(const geos::Context& ctx, cairo_t* cr, const GEOSGeometry* g, const View& view);
void add_lines(const geos::Context& ctx, cairo_t* cr, const GEOSGeometry* g, const View& view);

/// Clears `canvas`, draws, and shrinks: straight-alpha RGBA, view.width x view.height.
vips::VImage render(const geos::Context& ctx, Canvas& canvas, const DrawList& list, const RasterStyle& style,
                    const View& view);
/// Same with a canvas of its own.
vips::VImage render(const geos::Context& ctx, const DrawList& list, const RasterStyle& style, const View& view);

} // namespace tiler
