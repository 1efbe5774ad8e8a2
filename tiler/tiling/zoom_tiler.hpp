#pragma once
// All days' tiles of one zoom level, with its own GEOS context (one zoom per thread). The coverage of all
// days is simplified once for the zoom; each day labels the same faces. A quadtree descent clips the
// day's features to ever smaller squares (tile + buffer); squares whose ground did not change since the
// previous day take that day's tiles as they are, squares covered by one faction alone (nothing else in
// them) become the one shared solid tile.
#include "archive/tileset.hpp"
#include "tiling/tiling_input.hpp"
#include "tiling/vector_tiles.hpp"

#include <cstddef>
#include <vector>

namespace tiler {

struct ZoomTiles {
    std::vector<std::vector<Tile>> days;   ///< per day, sorted by (x, y)
    std::size_t encoded = 0;               ///< tiles encoded from geometry
    std::size_t reused = 0;                ///< tiles taken unchanged from the previous day
    std::size_t solid = 0;                 ///< tiles that are one faction's solid square
};

ZoomTiles tile_zoom(const TilingInput& in, unsigned z, const VectorTileOptions& opt);

} // namespace tiler
