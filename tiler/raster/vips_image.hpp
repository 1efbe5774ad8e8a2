#pragma once
// libvips (vips-cpp VImage owns its VipsImage by reference counting) for everything the raster stage does
// with images: turning a supersampled cairo canvas into an anti-aliased RGBA image (box-filter shrink on
// premultiplied alpha), PNG encoding and decoding, text (pango) and compositing.
// Every function here throws Error (with libvips's message) instead of vips::VError.
#include "raster/cairo_canvas.hpp"
#include "raster/raster_style.hpp"

#include <vips/vips8>

#include <string>

namespace tiler {

/// Initialises libvips once per process (thread-safe). Every function below calls it.
void ensure_vips();

/// The canvas pixels shrunk `factor` times by box averaging of premultiplied RGBA, then unpremultiplied
/// and rounded: 8-bit sRGB RGBA, (width/factor) x (height/factor), evaluated into memory (the canvas may
/// be reused afterwards). factor 1 = no shrink.
vips::VImage canvas_image(Canvas& canvas, int factor);
/// The same steps apart: the box-averaged canvas still premultiplied (RGBA order), further box-averaging
/// of a premultiplied image (shrinking 4x then 2x equals shrinking 8x), and unpremultiplying.
vips::VImage canvas_premultiplied(Canvas& canvas, int factor);
vips::VImage shrink_premultiplied(const vips::VImage& premultiplied, int factor);
vips::VImage unpremultiplied(const vips::VImage& premultiplied);

/// A 1x anti-aliased render (see draw_aa in render_tile.hpp) as straight-alpha RGBA: the colours of
/// `colour` with `coverage` (A8, same size) as alpha. `colour` must be opaque (its premultiplied colours
/// are then straight) and drawn with draw_aa's colour order (its bytes are R, G, B, A on little-endian
/// machines, A, R, G, B on big-endian ones). LAZY: the image reads the
/// canvases' memory, so evaluate it (png_bytes, copy_memory) before they are drawn on again.
vips::VImage coverage_image(Canvas& colour, Canvas& coverage);

/// PNG encoder settings: zlib level 0-9, row filter (0 = libvips's default).
struct PngOptions {
    int compression = 6;
    int filter = 0;
};
/// PNG settings of raster tiles: flat colours with anti-aliased edges compress well without row
/// filters, and a low zlib level is many times faster than the default for a few percent of bytes.
PngOptions tile_png_options();

/// Deterministic PNG bytes (no metadata, fixed compression) of an 8-bit image.
std::string png_bytes(const vips::VImage& image);
std::string png_bytes(const vips::VImage& image, const PngOptions& options);
/// Decodes PNG (or any format libvips reads) from memory; the result is evaluated into memory.
vips::VImage decode_image(const std::string& bytes);
/// Reads an image file into memory; throws Error naming the file.
vips::VImage read_image(const std::string& path);
/// Writes `image` as PNG to `path` (deterministic bytes); throws OutputError.
void write_png(const std::string& path, const vips::VImage& image);

/// width x height filled with one colour, RGBA uchar sRGB.
vips::VImage solid_image(int width, int height, Rgba color);

struct TextStyle {
    std::string font = "DejaVu Sans 12";   ///< pango font description
    Rgba color{0x22, 0x22, 0x22, 255};
    int wrap_width = 0;                     ///< pixels; 0 = no wrapping
    int dpi = 72;
};

/// Pango markup with &, <, >, ' and " escaped.
std::string escape_markup(const std::string& text);
/// Text rendered by libvips/pango as RGBA (straight alpha = glyph coverage). `markup` is pango markup.
vips::VImage text_image(const std::string& markup, const TextStyle& style);
/// `overlay` composited OVER `base` with its top-left corner at (x, y); RGBA uchar out, size of base.
vips::VImage paste(const vips::VImage& base, const vips::VImage& overlay, int x, int y);

/// Pixel (x, y) of an RGBA uchar image.
Rgba pixel_at(const vips::VImage& image, int x, int y);

} // namespace tiler
