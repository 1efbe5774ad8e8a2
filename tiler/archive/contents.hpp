#pragma once
// The tiles of a Tileset checked, ordered and deduplicated by content, as every archive writer needs them.
#include "archive/tileset.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tiler {

/// 64-bit FNV-1a of `bytes`.
std::uint64_t fnv1a64(std::string_view bytes);

/// The tiles in (z, x, y) order, each with the index of its distinct content. Content indices are numbered
/// in order of first appearance in `order` given to the constructor.
struct UniqueTiles {
    std::vector<const Tile*> tiles;         ///< sorted as requested
    std::vector<std::size_t> content;       ///< per tile: index into `contents`
    std::vector<std::string_view> contents; ///< distinct tile bytes (views into the Tileset's buffers)
    std::vector<const Tile*> holders;       ///< per content: the first tile (in `tiles`) that holds it
};

/// The bytes an archive stores for content `c` of `u`: MVT gzip-compressed (the holder's precomputed
/// Tile::gzip when it has one), PNG as they are.
std::string stored_content(const TilesetInfo& info, const UniqueTiles& u, std::size_t c);

/// Checks the tileset (zoom within info.minzoom..maxzoom, x and y inside the grid, no tile twice, no empty or
/// null tile, no Tile::gzip that is not gzip) and deduplicates identical bytes. `tiles` come out sorted by
/// `less`. Throws Error naming the tileset and the tile.
template <class Less>
UniqueTiles unique_tiles(const Tileset& ts, Less less);

/// Same, sorted by (z, x, y).
UniqueTiles unique_tiles(const Tileset& ts);

namespace detail {
void check_and_dedup(const Tileset& ts, UniqueTiles& u);   // u.tiles already sorted
}

template <class Less>
UniqueTiles unique_tiles(const Tileset& ts, Less less) {
    UniqueTiles u;
    u.tiles.reserve(ts.tiles.size());
    for (const Tile& t : ts.tiles) u.tiles.push_back(&t);
    std::stable_sort(u.tiles.begin(), u.tiles.end(), [&](const Tile* a, const Tile* b) { return less(*a, *b); });
    detail::check_and_dedup(ts, u);
    return u;
}

} // namespace tiler
