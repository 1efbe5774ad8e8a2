#pragma once
// Drawing a DrawList into a window of the world with cairo, and turning it into an anti-aliased image.
//
// Two ways, both seam-free:
// - Tiles (View::supersample == 1, what tile_view gives): drawn once at the output resolution with
//   cairo's anti-aliasing, into two surfaces (TileCanvas). The colour surface gets every faction's
//   anti-aliased fill and then the lines; where two factions share an edge the fills conflate (the pixel
//   is not fully covered by either), but that only makes the colour surface partly transparent there: the
//   alpha of the result does NOT come from it. The coverage surface (A8) gets ONE even-odd fill of all
//   factions' polygons as a single path: shared edges are crossed twice and cancel exactly, so its
//   coverage is the country's exact anti-aliased coverage: 255 everywhere inside (also across shared
//   edges), 0 outside, partial only on the country's outline. The output is the colour surface
//   un-premultiplied (a coverage-weighted mix of the neighbouring factions' colours, lines on top) with
//   the coverage as alpha: no background shows through a shared edge, lines end at the country outline.
//   Anti-aliasing is cairo's 4x4-sample mode (CAIRO_ANTIALIAS_FAST: the same 17 coverage levels as the
//   4x4 supersampling it replaces; unlike the default mode, a pixel's coverage depends only on the edges
//   inside it, which keeps neighbouring tiles pixel-exact), and vertices are snapped to 1/8 pixel in
//   global pixel coordinates with repeats dropped (far fewer edges at low zooms; shared edges stay shared).
// - Everything else (overview maps: supersample > 1): drawn WITHOUT anti-aliasing into a surface
//   `supersample` times larger and shrunk by libvips box averaging on premultiplied alpha (draw(),
//   canvas_image()). Lines are drawn with CAIRO_OPERATOR_ATOP: only where a fill is.
// Tile edges: device coordinates are world * scale - origin (times supersample), where scale is a power
// of two times the tile size and origin an integer pixel: neighbouring tiles see the same geometry shifted
// by an exact integer (the subtraction is exact in double precision, and cairo's sample grid is the same
// in every pixel), so a polygon crossing a tile edge continues pixel-exactly in the next tile.
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
    int supersample = 4;        ///< drawing resolution / output resolution; 1 = anti-aliased at 1x (tiles)
};

/// The surfaces of a 1x anti-aliased render: colours (ARGB32) and the country's coverage (A8).
struct TileCanvas {
    TileCanvas(int width, int height);
    Canvas colour;
    Canvas coverage;
};

/// The view of tile `id` at `tile_px` pixels (256, or 512 for @2x: same area, twice the pixels);
/// supersample 1 (anti-aliased at 1x).
View tile_view(mercator::TileId id, int tile_px);

/// The view of a whole world box (world coordinates) fitted into `width` pixels (height follows).
View fit_view(double minx, double miny, double maxx, double maxy, int width);

/// Draws `list` into `canvas` (which must be view.width*supersample x view.height*supersample) on top of
/// what is there: fills, then governorate borders, frontlines and the country border.
void draw(const geos::Context& ctx, Canvas& canvas, const DrawList& list, const RasterStyle& style, const View& view);

/// Clears `canvas` and draws `list` anti-aliased at 1x (view.supersample must be 1 and the canvas
/// view.width x view.height): fills, then governorate borders, frontlines and the country border. The
/// colour surface ends up opaque, in R, G, B, A byte order (colours are handed to cairo with red and blue
/// swapped on little-endian machines): coverage_image() turns the canvas into RGBA without pixel work.
void draw_aa(const geos::Context& ctx, TileCanvas& canvas, const DrawList& list, const RasterStyle& style,
             const View& view);

/// Appends the polygons / lines of g to the canvas's current path in device coordinates.
void add_polygons(const geos::Context& ctx, cairo_t* cr, const GEOSGeometry* g, const View& view);
void add_lines(const geos::Context& ctx, cairo_t* cr, const GEOSGeometry* g, const View& view);

/// Clears `canvas`, draws (supersampled) and shrinks: straight-alpha RGBA, view.width x view.height.
vips::VImage render(const geos::Context& ctx, Canvas& canvas, const DrawList& list, const RasterStyle& style,
                    const View& view);
/// Straight-alpha RGBA, view.width x view.height, with canvases of its own: draw_aa when
/// view.supersample == 1, else supersampled.
vips::VImage render(const geos::Context& ctx, const DrawList& list, const RasterStyle& style, const View& view);

} // namespace tiler
