#pragma once
// PNG tiles of every day: one Tileset at 256 px and one @2x (512 px) per day, Web Mercator XYZ, from the
// same per-day geometry and styles as the vector tiles.
//
// How the work is cut down:
// - Geometry is clipped tile by tile down the quadtree (a child clips its parent's clipped geometry, with
//   a margin wider than any line), so a tile costs what is near it, not the whole country.
// - Tiles entirely outside the country are not written (clients show nothing there).
// - Solid tiles: when one faction's clipped polygon covers the whole tile plus margin and no line crosses
//   it, the tile and all its descendants are that faction's colour: one PNG per faction and size, encoded
//   once and shared (Tile::data points to the same buffer).
// - Unchanged tiles: the clipped inputs of a tile (faction ids + WKB of every layer) are its key; when the
//   previous day's key is the same, the tile AND its whole subtree reuse the previous day's buffers.
// Work is parallel over subtrees with `jobs` threads, each with its own GEOS context and cairo canvases.
// Output is deterministic: tiles sorted by (z, x, y), PNG bytes depend only on the inputs.
#include "archive/tileset.hpp"
#include "raster/raster_style.hpp"
#include "raster/scene.hpp"

#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace tiler {

struct RasterTileOptions {
    unsigned minzoom = 0;
    unsigned maxzoom = 10;
    unsigned jobs = 1;
    bool retina = true;          ///< also the @2x tileset
    unsigned margin_px = 8;      ///< clip margin around a tile (pixels at 256 px), wider than half any line
};

struct RasterTileStats {
    std::size_t tiles = 0;       ///< tiles per tileset (256 px); @2x has the same ids
    std::size_t rendered = 0;    ///< drawn and encoded this day
    std::size_t solid = 0;       ///< one faction everywhere (shared buffer)
    std::size_t reused = 0;      ///< unchanged from the previous day (previous buffer)
    std::size_t bytes = 0;       ///< PNG bytes of distinct buffers referenced by this day's tilesets
};

struct RasterDayTiles {
    Tileset tiles;      ///< 256 px
    Tileset tiles2x;    ///< 512 px (empty if !retina)
    RasterTileStats stats;
};

class RasterTiler {
public:
    /// `base` and `style` must outlive the tiler.
    RasterTiler(const RasterBase& base, const RasterStyle& style, RasterTileOptions options);

    /// Tiles of one day. Call in date order: each call reuses what the previous call rendered.
    RasterDayTiles render_day(const geos::Context& ctx, const RasterScene& scene, const TilesetInfo& info);

    const RasterTileOptions& options() const noexcept { return options_; }

    struct Entry {
        std::string key;                                  ///< clipped inputs; "" for solid tiles
        std::shared_ptr<const std::string> png, png2x;
    };
    using TileMap = std::map<mercator::TileId, Entry>;

private:
    friend class RasterWorker;
    std::pair<std::shared_ptr<const std::string>, std::shared_ptr<const std::string>> solid(std::size_t faction);

    const RasterBase& base_;
    const RasterStyle& style_;
    RasterTileOptions options_;
    TileMap previous_;
    std::mutex solid_mutex_;
    std::map<std::size_t, std::pair<std::shared_ptr<const std::string>, std::shared_ptr<const std::string>>> solid_;
};

/// TilesetInfo for one day's raster tiles (format PNG, zooms, country bounds and centre).
TilesetInfo raster_tileset_info(const RasterBase& base, const std::string& date, const std::string& attribution,
                                const RasterTileOptions& options);

/// How write_raster_day names its files inside the TileJSON.
struct RasterWriteOptions {
    /// Absolute URL where `raster_dir` itself is served, ending in '/' (e.g. `https://example.org/syria/raster/`):
    /// the TileJSON's `tiles` is then `<dir_url><date>/{z}/{x}/{y}.png`. Empty: `<date>/{z}/{x}/{y}.png`,
    /// relative to `raster_dir` (where the TileJSON is).
    std::string dir_url;
};

/// Writes one day under `raster_dir`: `<date>/{z}/{x}/{y}.png` and `@2x.png`, `<date>.mbtiles`,
/// `<date>.pmtiles` (256 px tiles) and the TileJSON `<date>.json` (of the 256 px tiles).
void write_raster_day(const std::string& raster_dir, const std::string& date, const RasterDayTiles& day,
                      const RasterWriteOptions& options = {});

} // namespace tiler
