#include "raster/vips_image.hpp"

#include "core/error.hpp"

#include <fstream>
#include <mutex>

namespace tiler {

namespace {

using vips::VImage;

[[noreturn]] void fail(const std::string& what, const vips::VError& e) {
    throw Error("libvips: " + what + ": " + e.what());
}

VImage as_srgb_uchar(const VImage& img) {
    VImage out = img.format() == VIPS_FORMAT_UCHAR ? img : img.cast(VIPS_FORMAT_UCHAR);
    return out.copy(VImage::option()->set("interpretation", VIPS_INTERPRETATION_sRGB));
}

/// RGBA with 4 bands, alpha 255 added to RGB and grey expanded.
VImage to_rgba(const VImage& img) {
    VImage out = img;
    if (out.bands() == 1 || out.bands() == 2) out = out.colourspace(VIPS_INTERPRETATION_sRGB);
    if (out.bands() == 3) out = out.bandjoin_const({255});
    return as_srgb_uchar(out);
}

} // namespace

void ensure_vips() {
    static std::once_flag once;
    static bool ok = false;
    std::call_once(once, [] { ok = VIPS_INIT("tiler") == 0; });
    if (!ok) throw Error(std::string("libvips: cannot initialise: ") + vips_error_buffer());
}

VImage canvas_premultiplied(Canvas& canvas, int factor) {
    ensure_vips();
    const unsigned char* px = canvas.pixels();
    const int w = canvas.width(), h = canvas.height();
    if (canvas.stride() != w * 4) throw Error("cairo: unexpected stride");
    if (factor < 1 || w % factor || h % factor) throw Error("canvas size is not a multiple of the shrink factor");
    try {
        VImage bgra = VImage::new_from_memory(const_cast<unsigned char*>(px), static_cast<std::size_t>(w) * h * 4, w, h,
                                              4, VIPS_FORMAT_UCHAR);
        // Box-average first (per band, so the memory order does not matter), reorder the small image after.
        VImage small = factor > 1 ? bgra.shrink(factor, factor) : bgra;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        // ARGB32 native-endian is B, G, R, A in memory on little-endian machines.
        VImage premul = VImage::bandjoin({small[2], small[1], small[0], small[3]});
#else
        VImage premul = VImage::bandjoin({small[1], small[2], small[3], small[0]});
#endif
        return as_srgb_uchar(premul).copy_memory();
    } catch (const vips::VError& e) {
        fail("canvas to image", e);
    }
}

VImage unpremultiplied(const VImage& premultiplied) {
    ensure_vips();
    try {
        VImage straight = premultiplied.unpremultiply().round(VIPS_OPERATION_ROUND_RINT).cast(VIPS_FORMAT_UCHAR);
        return as_srgb_uchar(straight).copy_memory();
    } catch (const vips::VError& e) {
        fail("unpremultiply", e);
    }
}

VImage shrink_premultiplied(const VImage& premultiplied, int factor) {
    ensure_vips();
    try {
        return as_srgb_uchar(premultiplied.shrink(factor, factor)).copy_memory();
    } catch (const vips::VError& e) {
        fail("shrink", e);
    }
}

namespace {

/// A cairo surface's pixels as a (lazy) libvips image without copying: bands = 4 (ARGB32, memory order)
/// or 1 (A8); rows wider than the image (cairo's stride) are cropped.
VImage surface_image(Canvas& canvas) {
    const int bands = canvas.format() == CAIRO_FORMAT_A8 ? 1 : 4;
    if (canvas.format() != CAIRO_FORMAT_A8 && canvas.format() != CAIRO_FORMAT_ARGB32)
        throw Error("cairo: unsupported surface format");
    const unsigned char* px = canvas.pixels();
    const int stride = canvas.stride();
    if (stride % bands) throw Error("cairo: unexpected stride");
    const int row = stride / bands;
    VImage img = VImage::new_from_memory(const_cast<unsigned char*>(px), static_cast<std::size_t>(stride) * canvas.height(),
                                         row, canvas.height(), bands, VIPS_FORMAT_UCHAR);
    return row == canvas.width() ? img : img.extract_area(0, 0, canvas.width(), canvas.height());
}

} // namespace

VImage coverage_image(Canvas& colour, Canvas& coverage) {
    ensure_vips();
    if (colour.format() != CAIRO_FORMAT_ARGB32 || coverage.format() != CAIRO_FORMAT_A8 ||
        colour.width() != coverage.width() || colour.height() != coverage.height())
        throw Error("coverage_image: needs an ARGB32 and an A8 canvas of one size");
    try {
        const VImage rgbx = surface_image(colour);
        const VImage alpha = surface_image(coverage);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        const VImage rgba = rgbx.extract_band(0, VImage::option()->set("n", 3)).bandjoin(alpha);
#else
        const VImage rgba = rgbx.extract_band(1, VImage::option()->set("n", 3)).bandjoin(alpha);
#endif
        return rgba.copy(VImage::option()->set("interpretation", VIPS_INTERPRETATION_sRGB));
    } catch (const vips::VError& e) {
        fail("coverage image", e);
    }
}

VImage canvas_image(Canvas& canvas, int factor) { return unpremultiplied(canvas_premultiplied(canvas, factor)); }

PngOptions tile_png_options() {
    PngOptions o;
    o.compression = 2;
    o.filter = VIPS_FOREIGN_PNG_FILTER_NONE;
    return o;
}

std::string png_bytes(const VImage& image) { return png_bytes(image, PngOptions{}); }

std::string png_bytes(const VImage& image, const PngOptions& options) {
    ensure_vips();
    try {
        auto* opts = VImage::option()->set("compression", options.compression)->set("strip", true);
        if (options.filter != 0) opts->set("filter", options.filter);
        VipsBlob* blob = image.pngsave_buffer(opts);
        std::size_t len = 0;
        const void* data = vips_blob_get(blob, &len);
        std::string out(static_cast<const char*>(data), len);
        vips_area_unref(VIPS_AREA(blob));
        return out;
    } catch (const vips::VError& e) {
        fail("PNG encode", e);
    }
}

VImage decode_image(const std::string& bytes) {
    ensure_vips();
    try {
        return VImage::new_from_buffer(bytes, "").copy_memory();
    } catch (const vips::VError& e) {
        fail("decode", e);
    }
}

VImage read_image(const std::string& path) {
    ensure_vips();
    try {
        return VImage::new_from_file(path.c_str(), VImage::option()->set("access", VIPS_ACCESS_SEQUENTIAL)).copy_memory();
    } catch (const vips::VError& e) {
        fail("read " + path, e);
    }
}

void write_png(const std::string& path, const VImage& image) {
    const std::string bytes = png_bytes(image);
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    f.close();
    if (!f) throw OutputError("cannot write " + path);
}

VImage solid_image(int width, int height, Rgba c) {
    ensure_vips();
    try {
        VImage black = VImage::black(width, height);
        return as_srgb_uchar(black.new_from_image({double(c.r), double(c.g), double(c.b), double(c.a)})).copy_memory();
    } catch (const vips::VError& e) {
        fail("solid image", e);
    }
}

std::string escape_markup(const std::string& text) {
    std::string out;
    for (char ch : text) {
        switch (ch) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '\'': out += "&apos;"; break;
        case '"': out += "&quot;"; break;
        default: out += ch;
        }
    }
    return out;
}

VImage text_image(const std::string& markup, const TextStyle& style) {
    ensure_vips();
    try {
        auto* opts = VImage::option()->set("font", style.font.c_str())->set("dpi", style.dpi);
        if (style.wrap_width > 0) opts->set("width", style.wrap_width);
        VImage mask = VImage::text(markup.c_str(), opts);
        VImage rgb = mask.new_from_image({double(style.color.r), double(style.color.g), double(style.color.b)});
        VImage alpha = style.color.a == 255 ? mask : (mask * (style.color.a / 255.0)).cast(VIPS_FORMAT_UCHAR);
        return as_srgb_uchar(rgb.bandjoin(alpha)).copy_memory();
    } catch (const vips::VError& e) {
        fail("text '" + markup + "'", e);
    }
}

VImage paste(const VImage& base, const VImage& overlay, int x, int y) {
    ensure_vips();
    try {
        VImage out = to_rgba(base).composite2(to_rgba(overlay), VIPS_BLEND_MODE_OVER,
                                              VImage::option()->set("x", x)->set("y", y));
        return as_srgb_uchar(out).copy_memory();
    } catch (const vips::VError& e) {
        fail("composite", e);
    }
}

Rgba pixel_at(const VImage& image, int x, int y) {
    ensure_vips();
    try {
        std::vector<double> v = image.getpoint(x, y);
        Rgba c;
        c.r = static_cast<std::uint8_t>(v.at(0));
        c.g = static_cast<std::uint8_t>(v.size() > 2 ? v[1] : v[0]);
        c.b = static_cast<std::uint8_t>(v.size() > 2 ? v[2] : v[0]);
        c.a = static_cast<std::uint8_t>(v.size() == 4 ? v[3] : v.size() == 2 ? v[1] : 255);
        return c;
    } catch (const vips::VError& e) {
        fail("getpoint", e);
    }
}

} // namespace tiler
