#pragma once
// How the raster renderer draws a day: faction fill and line colours from styles/factions.json (the same
// colours the MapLibre style uses) and the line widths, growing with zoom like the vector style's
// `width_by_zoom` (interpolated linearly between z5 and z10, held outside).
// Fills are opaque (a raster tile is an overlay: outside the country it is transparent), so a pixel inside
// a faction's territory is exactly that faction's fill colour.
#include "sources/model.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace tiler {

struct Rgba {
    std::uint8_t r = 0, g = 0, b = 0, a = 255;
    bool operator==(const Rgba& o) const { return r == o.r && g == o.g && b == o.b && a == o.a; }
    bool operator!=(const Rgba& o) const { return !(*this == o); }
    bool operator<(const Rgba& o) const;
};

/// `#rrggbb` -> opaque colour. Throws Error naming `what` if malformed.
Rgba parse_hex_color(const std::string& hex, const std::string& what);

/// A line width in pixels (at pixel ratio 1) growing with zoom: `w5` at z <= 5, `w10` at z >= 10.
struct ZoomWidth {
    double w5 = 1, w10 = 1;
    double at(double zoom) const;
};

struct LineStyle {
    Rgba color;
    ZoomWidth width;
};

struct RasterStyle {
    std::vector<std::string> faction_ids;   ///< styles order
    std::vector<Rgba> fill;                 ///< per faction
    std::vector<Rgba> line;                 ///< per faction
    LineStyle governorate{{0x55, 0x55, 0x55, 255}, {0.6, 1.5}};
    LineStyle frontline{{0x00, 0x00, 0x00, 255}, {1.5, 3.5}};
    LineStyle country{{0x22, 0x22, 0x22, 255}, {2.0, 4.0}};
    LineStyle change{{0xff, 0xff, 0xff, 255}, {1.5, 3.0}};   ///< overview maps: outline of what changed

    /// Index of a faction id; throws Error if unknown.
    std::size_t index(const std::string& faction) const;
    /// Widest line at `zoom` (pixel ratio 1), for clip margins.
    double max_width(double zoom) const;
};

/// Colours of every faction of `styles`; throws Error on a malformed colour.
RasterStyle raster_style(const Styles& styles);

} // namespace tiler
