#pragma once
// RAII over one cairo image surface (CAIRO_FORMAT_ARGB32: premultiplied, native-endian 0xAARRGGBB) and
// its drawing context (or one A8 surface: a coverage mask). One Canvas per thread: cairo surfaces are not shared between threads.
#include <cairo.h>

#include <memory>

namespace tiler {

struct CairoSurfaceDeleter {
    void operator()(cairo_surface_t* s) const noexcept { if (s) cairo_surface_destroy(s); }
};
struct CairoContextDeleter {
    void operator()(cairo_t* c) const noexcept { if (c) cairo_destroy(c); }
};

class Canvas {
public:
    /// A transparent width x height surface (ARGB32, or A8 for a coverage mask). Throws Error if cairo
    /// cannot create it.
    Canvas(int width, int height, cairo_format_t format = CAIRO_FORMAT_ARGB32);

    int width() const noexcept { return width_; }
    int height() const noexcept { return height_; }
    cairo_format_t format() const noexcept { return format_; }
    cairo_t* cr() const noexcept { return cr_.get(); }

    /// Back to fully transparent; identity transform, no clip, no path, operator OVER.
    void clear();
    /// Flushes pending drawing; then the pixels are `stride() * height()` bytes at data().
    const unsigned char* pixels();
    int stride() const;

private:
    int width_;
    int height_;
    cairo_format_t format_;
    std::unique_ptr<cairo_surface_t, CairoSurfaceDeleter> surface_;
    std::unique_ptr<cairo_t, CairoContextDeleter> cr_;
};

} // namespace tiler
