#include "raster/cairo_canvas.hpp"

#include "core/error.hpp"

#include <string>

namespace tiler {

Canvas::Canvas(int width, int height, cairo_format_t format)
    : width_(width), height_(height), format_(format), surface_(cairo_image_surface_create(format, width, height)) {
    if (width <= 0 || height <= 0) throw Error("cairo: bad canvas size " + std::to_string(width) + "x" + std::to_string(height));
    if (cairo_surface_status(surface_.get()) != CAIRO_STATUS_SUCCESS)
        throw Error(std::string("cairo: cannot create a surface: ") + cairo_status_to_string(cairo_surface_status(surface_.get())));
    cr_.reset(cairo_create(surface_.get()));
    if (cairo_status(cr_.get()) != CAIRO_STATUS_SUCCESS)
        throw Error(std::string("cairo: cannot create a context: ") + cairo_status_to_string(cairo_status(cr_.get())));
}

void Canvas::clear() {
    cairo_t* c = cr_.get();
    cairo_new_path(c);
    cairo_identity_matrix(c);
    cairo_reset_clip(c);
    cairo_set_operator(c, CAIRO_OPERATOR_CLEAR);
    cairo_paint(c);
    cairo_set_operator(c, CAIRO_OPERATOR_OVER);
}

const unsigned char* Canvas::pixels() {
    cairo_surface_flush(surface_.get());
    if (cairo_status(cr_.get()) != CAIRO_STATUS_SUCCESS)
        throw Error(std::string("cairo: drawing failed: ") + cairo_status_to_string(cairo_status(cr_.get())));
    return cairo_image_surface_get_data(surface_.get());
}

int Canvas::stride() const { return cairo_image_surface_get_stride(surface_.get()); }

} // namespace tiler
