#pragma once
// MBTiles 1.3 writer (SQLite). Rows are TMS (`tile_row = 2^z-1-y`). Identical tiles are stored once:
//   map(zoom_level, tile_column, tile_row, tile_id) + images(tile_data, tile_id) + VIEW tiles
// (the deduplicating layout of mbutil/tippecanoe). tile_id is the hex FNV-1a-64 of the stored bytes
// (suffixed `-N` in the unlikely event of a hash collision). MVT is stored gzip-compressed (`format=pbf`, as
// tippecanoe and tileserver-gl expect), PNG as-is.
// The file is byte-for-byte deterministic: fixed page size, fixed insertion order, indexes built at the end.
#include "archive/tileset.hpp"

#include <string>

namespace tiler {

/// Writes `ts` to `path` atomically (temporary file + rename). Throws OutputError on I/O or SQLite errors,
/// Error if the tileset is inconsistent.
void write_mbtiles(const std::string& path, const Tileset& ts);

/// The MBTiles `tile_id` of stored tile bytes: 16 lowercase hex digits of FNV-1a-64.
std::string mbtiles_tile_id(const std::string& stored_bytes);

} // namespace tiler
