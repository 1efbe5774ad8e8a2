#pragma once
// offensive.gif: one frame per day (the overview maps, scaled down) with a date caption, looping, a
// readable pace (the last frame held longer), at most `max_bytes` (the frames are scaled down further
// until the file fits). Encoded by libvips gifsave (cgif + libimagequant).
#include <vips/vips8>

#include <cstddef>
#include <string>
#include <vector>

namespace tiler {

struct GifOptions {
    int width = 800;                        ///< frame width to start with
    int min_width = 240;                    ///< give up (Error) below this
    int delay_ms = 900;                     ///< every frame but the last
    int last_delay_ms = 3500;               ///< the last frame
    std::size_t max_bytes = 2 * 1024 * 1024;
    std::string font = "DejaVu Sans";
};

struct GifFrame {
    vips::VImage image;    ///< any size; frames are scaled to one width
    std::string caption;   ///< e.g. the date
};

/// The GIF bytes. Throws Error if there are no frames or it cannot fit max_bytes at min_width.
std::string animated_gif(const std::vector<GifFrame>& frames, const GifOptions& options);

/// Writes animated_gif() to `path`; throws OutputError.
void write_gif(const std::string& path, const std::vector<GifFrame>& frames, const GifOptions& options);

} // namespace tiler
