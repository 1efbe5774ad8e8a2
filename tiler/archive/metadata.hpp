#pragma once
// Metadata values shared by the MBTiles, PMTiles, TileJSON and directory writers, formatted one way.
#include "archive/tileset.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace tiler {

/// MBTiles `format` / PMTiles JSON `format`: "pbf" or "png".
const char* format_name(TileFormat f);
/// File extension of a tile in a directory tree: "mvt" or "png".
const char* tile_extension(TileFormat f);
/// MIME type of the (uncompressed) tile: application/vnd.mapbox-vector-tile or image/png.
const char* tile_mime(TileFormat f);

/// Shortest decimal that round-trips through 7 significant fractional digits, e.g. 35.7, -0.5, 12.
/// Deterministic and locale-independent.
std::string format_number(double v);

/// `w,s,e,n` and `lon,lat,zoom` as MBTiles writes them.
std::string bounds_string(const TilesetInfo& info);
std::string center_string(const TilesetInfo& info);

/// The parsed `vector_layers` array (MVT). Throws Error if TilesetInfo::vector_layers_json is not a JSON array
/// of objects with a string `id` (an empty string gives an empty array). Null for PNG tilesets.
nlohmann::ordered_json vector_layers(const TilesetInfo& info);

} // namespace tiler
