#pragma once
// Vector tiles of every day: Mapbox Vector Tile 2.1, Web Mercator XYZ, layers
//   control    (faction, name, since)   one feature per faction and `since` date: `since` is the first day
//                                        from which that piece of ground has been held by the faction
//                                        without interruption (the baseline day if it never changed hands)
//   changes    (from, to, km2)           what changed hands that day
//   frontlines (a, b)                    boundaries between two factions (not the country border)
//   boundaries (kind, name)              kind=country (outline) or governorate (each governorate's outline)
//   places     (name, kind, rank, faction, captured)   thinned by rank (place_minzoom); `captured` is the
//                                        day the place's faction took it during the offensive, if it did
// Geometry is simplified per zoom over the coverage of ALL days at once (coverage_simplify.hpp): shared
// edges are simplified once, so neighbours never gap or overlap and unchanged ground is identical on
// every day. Tiles whose ground did not change since the previous day reuse that day's bytes; tiles
// fully inside one faction are encoded once; identical tiles share one buffer.
#include "archive/tileset.hpp"
#include "geos/geos.hpp"
#include "sources/model.hpp"
#include "territory/territory.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace tiler {

struct VectorTileOptions {
    unsigned minzoom = 0;
    unsigned maxzoom = 12;
    std::uint32_t extent = 4096;
    /// Tile units kept around each tile: 64/4096 = 1/64 of a tile (8 px of a 512 px tile) — wider than
    /// half the widest line or label halo a style draws, so nothing is cut at a tile edge, while the
    /// buffered geometry stays small.
    std::uint32_t buffer = 64;
    /// Douglas-Peucker tolerance in tile units below maxzoom, and at maxzoom (kept finer: it is overzoomed).
    double tolerance = 1.0;
    double maxzoom_tolerance = 0.5;
    unsigned jobs = 1;      ///< zoom levels built in parallel, one GEOS context per thread
    /// Take tiles whose ground did not change from the previous day (off: encode every tile; the bytes are
    /// the same either way — tests compare both).
    bool reuse_previous_day = true;
};

/// Zoom from which places of `rank` appear (1–2: 4, 3: 8, 4: 10, 5+: 12), never above maxzoom.
unsigned place_minzoom(int rank, const VectorTileOptions& opt);

/// What a build did (for progress and benchmarks).
struct VectorTileStats {
    std::size_t tiles = 0;     ///< over all days
    std::size_t encoded = 0;   ///< encoded from clipped geometry
    std::size_t reused = 0;    ///< taken unchanged from the previous day
    std::size_t solid = 0;     ///< one faction's solid square (encoded once)
    std::size_t unique = 0;    ///< distinct buffers
};

/// One Tileset per day (same order as `days`), tiles filled; identical tiles share one buffer.
std::vector<Tileset> build_vector_tiles(const geos::Context& ctx, const Sources& src, const std::vector<DayMap>& days,
                                        const VectorTileOptions& opt, VectorTileStats* stats = nullptr);

} // namespace tiler
