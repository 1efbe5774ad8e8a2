#pragma once
// A finished tileset of one day, ready for the archive writers (directory, MBTiles, PMTiles).
// Tiles with identical bytes share one buffer, so writers can store them once.
#include "tiling/mercator.hpp"

#include <memory>
#include <string>
#include <vector>

namespace tiler {

struct Tile {
    mercator::TileId id;
    std::shared_ptr<const std::string> data;   ///< encoded tile (MVT protobuf, uncompressed; or PNG)
    /// MVT only, optional: `data` gzip-compressed, the bytes MBTiles and PMTiles store. A producer whose
    /// buffers are shared across zooms and days (build_vector_tiles) compresses each buffer once and shares
    /// the result here, so the writers of 14 days x 2 archives don't compress the same bytes again; when
    /// null, the writers compress `data` themselves.
    std::shared_ptr<const std::string> gzip = nullptr;
};

enum class TileFormat { Mvt, Png };

/// Metadata shared by MBTiles `metadata`, the PMTiles JSON metadata and TileJSON.
struct TilesetInfo {
    std::string name;            ///< e.g. "Syria control 2024-11-30"
    std::string description;
    std::string version = "1.0.0";
    std::string attribution;     ///< HTML-safe credits
    TileFormat format = TileFormat::Mvt;
    unsigned minzoom = 0;
    unsigned maxzoom = 12;
    double bounds[4] = {0, 0, 0, 0};   ///< west, south, east, north (degrees)
    double center[3] = {0, 0, 0};      ///< lon, lat, zoom
    std::string vector_layers_json;    ///< JSON array for `vector_layers` (MVT only), e.g. `[{"id":"control",...}]`
};

struct Tileset {
    TilesetInfo info;
    std::vector<Tile> tiles;     ///< any order; writers sort as their format requires
};

} // namespace tiler
