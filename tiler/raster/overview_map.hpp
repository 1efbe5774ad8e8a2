#pragma once
// maps/<date>.png: the whole country on one picture (~1600 px wide) with the date as title, a legend of
// the factions present that day, the main cities labelled, what changed hands that day highlighted
// (white veil and dashed outline) and the attribution. The map itself is drawn by the tile renderer
// (same geometry, colours and seam-free anti-aliasing); text comes from libvips (pango).
#include "raster/raster_style.hpp"
#include "raster/render_tile.hpp"
#include "raster/scene.hpp"
#include "sources/model.hpp"
#include "territory/territory.hpp"

#include <vips/vips8>

#include <string>
#include <vector>

namespace tiler {

struct OverviewOptions {
    int width = 1600;            ///< picture width in pixels
    int max_label_rank = 1;      ///< places with rank <= this are labelled (1 = main cities)
    int supersample = 3;
    std::string font = "DejaVu Sans";
};

struct OverviewInput {
    const RasterBase* base = nullptr;
    const RasterScene* scene = nullptr;
    const DayMap* day = nullptr;
    const RasterStyle* style = nullptr;
    const Styles* styles = nullptr;                 ///< faction names for the legend
    const std::vector<Place>* places = nullptr;     ///< may be null: no labels
    std::string title;                              ///< e.g. "Territorial control at the end of 2024-11-30"
    std::string attribution;
};

/// Where the map sits in the picture: pixel (x, y) of world coordinate w is
/// (map_x + w.x * view.scale - view.x0, map_y + w.y * view.scale - view.y0).
struct OverviewLayout {
    View view;
    int map_x = 0, map_y = 0;
    int width = 0, height = 0;   ///< whole picture (taller only if the legend and attribution need more than `footer`)
    int header = 0, footer = 0;
};

OverviewLayout overview_layout(const RasterBase& base, const OverviewOptions& options);

/// Indices (RasterStyle order) of the factions holding territory on `day`.
std::vector<std::size_t> factions_present(const DayMap& day, const RasterStyle& style);

/// The picture, RGB uchar (opaque).
vips::VImage overview_map(const geos::Context& ctx, const OverviewInput& in, const OverviewOptions& options);

/// Writes overview_map() as PNG; throws OutputError.
void write_overview_map(const std::string& path, const geos::Context& ctx, const OverviewInput& in,
                        const OverviewOptions& options);

} // namespace tiler
