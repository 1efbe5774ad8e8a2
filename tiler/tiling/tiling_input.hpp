#pragma once
// What the per-zoom tilers read, as plain data (no GEOS objects), so threads with their own GEOS contexts
// can share it. Coordinates are Web Mercator world coordinates in [0, 1]² (x east, y south).
#include "geos/geos.hpp"
#include "sources/model.hpp"
#include "territory/territory.hpp"
#include "tiling/coverage_simplify.hpp"

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace tiler {

struct TilingPlace {
    const Place* place = nullptr;
    geos::XY world;
    std::vector<int> faction;     ///< per day: index into Styles::factions, -1 outside every faction
    std::vector<int> captured;    ///< per day: day index the current faction took it (>0), or -1
};

struct TilingInput {
    std::vector<std::string> dates;                         ///< YYYY-MM-DD per day
    std::vector<std::string> faction_ids, faction_names;    ///< styles order
    /// Per day, per faction present: (faction index, WKB of its territory in world coordinates).
    std::vector<std::vector<std::pair<int, std::string>>> control_wkb;
    /// Per day: km² of the change (from, to).
    std::vector<std::map<std::pair<int, int>, double>> change_km2;
    CoverageEdges edges;                                    ///< all days' control noded together, world coords
    std::vector<std::pair<std::string, std::vector<geos::Path>>> governorates;   ///< name, outline
    std::vector<TilingPlace> places;
    double bounds[4] = {0, 0, 0, 0};                        ///< lon/lat west, south, east, north
};

/// Projects and flattens everything the tiles need. Throws Error on an unknown faction id.
TilingInput make_tiling_input(const geos::Context& ctx, const Sources& src, const std::vector<DayMap>& days);

/// lon/lat -> world coordinates, in place.
void lonlat_to_world(double& x, double& y);

} // namespace tiler
