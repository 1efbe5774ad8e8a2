#include "raster/gif.hpp"

#include "core/error.hpp"
#include "raster/vips_image.hpp"

#include <algorithm>
#include <fstream>

namespace tiler {

namespace {

using vips::VImage;

constexpr int kCaption = 44;

/// One frame at `width`: caption strip on top, the picture scaled below, padded to `height` if needed.
VImage frame(const GifFrame& f, int width, int height, const GifOptions& o) {
    const VImage rgb = f.image.bands() >= 3 ? f.image.extract_band(0, VImage::option()->set("n", 3)) : f.image.colourspace(VIPS_INTERPRETATION_sRGB);
    const VImage scaled = rgb.resize(static_cast<double>(width) / rgb.width()).cast(VIPS_FORMAT_UCHAR);
    VImage out = solid_image(width, height, Rgba{0xff, 0xff, 0xff, 255});
    out = paste(out, scaled, 0, kCaption);
    TextStyle ts;
    ts.font = o.font + " Bold 22";
    const VImage caption = text_image(escape_markup(f.caption), ts);
    out = paste(out, caption, (width - caption.width()) / 2, (kCaption - caption.height()) / 2);
    return out.extract_band(0, VImage::option()->set("n", 3));
}

std::string encode(const std::vector<GifFrame>& frames, int width, const GifOptions& o) {
    int height = 0;
    for (const GifFrame& f : frames)
        height = std::max(height, kCaption + static_cast<int>(double(f.image.height()) * width / f.image.width() + 0.999));
    std::vector<VImage> pages;
    for (const GifFrame& f : frames) pages.push_back(frame(f, width, height, o));
    VImage all = VImage::arrayjoin(pages, VImage::option()->set("across", 1)).copy_memory();
    all.set("page-height", height);
    std::vector<int> delays(frames.size(), o.delay_ms);
    delays.back() = o.last_delay_ms;
    all.set("delay", delays);
    all.set("loop", 0);
    VipsBlob* blob = all.gifsave_buffer(VImage::option()->set("dither", 0.0)->set("effort", 7)->set("bitdepth", 8));
    std::size_t len = 0;
    const void* data = vips_blob_get(blob, &len);
    std::string out(static_cast<const char*>(data), len);
    vips_area_unref(VIPS_AREA(blob));
    return out;
}

} // namespace

std::string animated_gif(const std::vector<GifFrame>& frames, const GifOptions& o) {
    if (frames.empty()) throw Error("animated GIF: no frames");
    ensure_vips();
    try {
        for (int width = o.width; width >= o.min_width; width = width * 4 / 5) {
            std::string gif = encode(frames, width, o);
            if (gif.size() <= o.max_bytes) return gif;
        }
    } catch (const vips::VError& e) {
        throw Error(std::string("libvips: animated GIF: ") + e.what());
    }
    throw Error("animated GIF: " + std::to_string(frames.size()) + " frames do not fit " + std::to_string(o.max_bytes) +
                " bytes even at " + std::to_string(o.min_width) + " px");
}

void write_gif(const std::string& path, const std::vector<GifFrame>& frames, const GifOptions& options) {
    const std::string gif = animated_gif(frames, options);
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    f.write(gif.data(), static_cast<std::streamsize>(gif.size()));
    f.close();
    if (!f) throw OutputError("cannot write " + path);
}

} // namespace tiler
