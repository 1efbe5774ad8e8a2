#pragma once
// `{z}/{x}/{y}<suffix>.<ext>` tree writer (XYZ rows, y from the north). Extension `mvt` or `png`.
// MVT tiles are stored UNCOMPRESSED here (plain protobuf, what a static file server should send with
// Content-Type application/vnd.mapbox-vector-tile and no Content-Encoding); PNG as-is.
#include "archive/tileset.hpp"

#include <string>
#include <vector>

namespace tiler {

/// One tileset to put into the tree, with a suffix before the extension (e.g. "@2x" for retina raster tiles).
struct DirectoryPart {
    const Tileset* tileset = nullptr;
    std::string suffix;
};

/// Writes every part into `dir`, replacing the whole tree atomically (temporary directory + rename).
/// Throws Error if two parts would write the same file, OutputError on I/O.
void write_directory(const std::string& dir, const std::vector<DirectoryPart>& parts);

/// One tileset, no suffix.
void write_directory(const std::string& dir, const Tileset& ts);

/// The relative path of a tile in the tree, e.g. `7/76/51.mvt` or `7/76/51@2x.png`.
std::string tile_path(const mercator::TileId& id, TileFormat format, const std::string& suffix = "");

} // namespace tiler
