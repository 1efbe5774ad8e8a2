#pragma once
// The raster stage of `tiler build` (skipped with --no-raster). Per day: the PNG tile tree
// raster/<date>/{z}/{x}/{y}.png (+ @2x.png), raster/<date>.mbtiles, raster/<date>.pmtiles, the TileJSON
// raster/<date>.json and the overview map maps/<date>.png; for the whole run: offensive.gif (one frame per
// day from the overview maps) and stats.png (the area chart of stats.csv, which must already be in the
// staging directory). Everything is written into the output transaction and listed in index.json.
#include "cli/stage_vector.hpp"   // StageInput, StageOutput

#include <cstddef>
#include <cstdint>

namespace tiler::cli {

/// What the stage wrote (for the summary).
struct RasterStageResult {
    std::size_t tiles = 0;            ///< 256 px tiles over all days (@2x: as many again)
    std::size_t rendered = 0;         ///< tiles drawn and encoded
    std::size_t solid = 0;            ///< one faction everywhere (one shared PNG per faction)
    std::size_t reused = 0;           ///< tiles unchanged from the previous day
    std::uint64_t mbtiles_bytes = 0;  ///< all days
    std::uint64_t pmtiles_bytes = 0;
    std::uint64_t maps_bytes = 0;     ///< maps/*.png
    std::uint64_t gif_bytes = 0;      ///< offensive.gif
};

/// Renders and writes the files above. Throws on failure.
RasterStageResult write_raster_outputs(const StageInput& in, StageOutput& out);

} // namespace tiler::cli
