#pragma once
// Likely slivers: parts of a faction's territory on a day that are too small or too thin to be a real
// enclave at the accuracy of the sources (hundreds of metres to kilometres). They are artefacts of a drawn
// area's edge not meeting a neighbouring place cell or area, which leaves a strip of the previous owner.
// They are reported so the sources can be fixed; the engine never removes them.
#include "geos/geos.hpp"
#include "sources/model.hpp"
#include "territory/territory.hpp"

#include <string>
#include <vector>

namespace tiler {

/// When a part is a likely sliver. The defaults are set from the 2024 sources: their artefacts are
/// 0.01-0.47 km² bits and 1.3-1.8 km² strips about 170 m wide (4πA/P² 0.05-0.07), while the smallest real
/// enclaves (Sheikh Maqsood 4.7 km², Nubl/al-Zahraa 20 km², single cells of Aleppo districts 2-3 km²) have
/// 4πA/P² >= 0.37.
struct SliverRules {
    double tiny_km2 = 0.5;     ///< any part smaller than this is one, whatever its shape
    double thin_km2 = 20;      ///< a part smaller than this is one if it is thin:
    double thin_ratio = 0.1;   ///< its isoperimetric ratio 4πA/P² is below this (1 for a disc, about
                               ///< π·width/length for a long strip)
};

struct Sliver {
    Date date;
    std::string faction;
    double area_km2 = 0;
    double perimeter_km = 0;   ///< all rings
    double ratio = 0;          ///< 4πA/P²
    bool thin = false;         ///< caught by the thinness test (else by its size alone)
    double lon = 0;            ///< a point on the part (GEOS PointOnSurface)
    double lat = 0;
    std::string place;         ///< name of the nearest place ("" if not looked up)
    double place_km = 0;       ///< distance from (lon, lat) to that place
};

/// The likely slivers among the polygons of one day's `control`, in `control`'s order and then the
/// order of the parts, each with `date`. A part that touches no other faction's territory (a whole island
/// of the country) is never one: no edge of another area or cell can have left it.
std::vector<Sliver> find_slivers(const geos::Context& ctx, const std::vector<Control>& control, Date date,
                                 const SliverRules& rules = {});

/// Sets each sliver's `place` and `place_km` to the nearest of `places` (great-circle distance; the first
/// in `places` order on a tie). Leaves them unset if `places` is empty.
void name_nearest_places(std::vector<Sliver>& slivers, const std::vector<Place>& places);

/// Every day's likely slivers in date order, named after the nearest place.
std::vector<Sliver> find_slivers(const geos::Context& ctx, const Sources& src, const std::vector<DayMap>& days,
                                 const SliverRules& rules = {});

/// One line, e.g. "likely sliver on 2024-11-30: government, 1.313 km2, thin (4*pi*A/P^2 = 0.068), at
/// 37.24196 36.13880 (lon lat), 1.4 km from Nayrab".
std::string describe(const Sliver& s);

} // namespace tiler
