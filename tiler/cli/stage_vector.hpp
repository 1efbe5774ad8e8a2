#pragma once
// The vector stage of `tiler build`: per day tiles/<date>.mbtiles, .pmtiles, (with --tile-dirs) the tree
// tiles/<date>/{z}/{x}/{y}.mvt, the TileJSON tiles/<date>.json and the MapLibre style tiles/<date>.style.json;
// the glyphs of the place labels (tiles/fonts/) and the web viewer (viewer/). Everything is written into the
// output transaction's staging directory and listed in index.json.
#include "cli/options.hpp"
#include "cli/progress.hpp"
#include "geos/geos.hpp"
#include "output/index_json.hpp"
#include "output/staging.hpp"
#include "sources/model.hpp"
#include "territory/territory.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace tiler::cli {

/// What the stage reads.
struct StageInput {
    const geos::Context& ctx;
    const Sources& src;
    const std::vector<DayMap>& days;
    const Options& options;
};

/// Where the stage writes.
struct StageOutput {
    OutputTransaction& tx;
    OutputIndex& index;
    Progress& progress;
};

/// What the stage wrote (for the summary).
struct VectorStageResult {
    std::size_t tiles = 0;            ///< tiles over all days
    std::size_t unique = 0;           ///< distinct tile buffers
    std::uint64_t mbtiles_bytes = 0;  ///< all days
    std::uint64_t pmtiles_bytes = 0;
    bool viewer = false;              ///< false: the viewer's assets were missing (a warning was printed)
};

/// URLs of one day's files as the TileJSON and the style name them.
struct DayUrls {
    std::string tile_template;   ///< `<base>tiles/<date>/{z}/{x}/{y}.mvt` or `<date>/{z}/{x}/{y}.mvt`
    std::string pmtiles;         ///< `pmtiles://<base>tiles/<date>.pmtiles` or `pmtiles://<date>.pmtiles`
    std::string glyphs;          ///< `<base>tiles/fonts/{fontstack}/{range}.pbf` or `fonts/{fontstack}/{range}.pbf`
};

/// `base_url` (--base-url, ends in '/') is the absolute URL where the OUTPUT folder is served: the URLs are
/// `base_url` + their path under it. Empty: relative to the tiles/ folder (where the style and TileJSON are).
DayUrls day_urls(const std::string& date, const std::string& base_url);

/// Builds the vector tiles of every day and writes the files above. Throws on failure.
VectorStageResult write_vector_outputs(const StageInput& in, StageOutput& out);

} // namespace tiler::cli
