#pragma once
// What is derived from two consecutive days' maps: the territory that changed hands (with the events that
// caused it) and the frontlines (boundaries shared by two factions; the country border never is one).
#include "geos/geos.hpp"
#include "territory/territory.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace tiler {

/// The region one event of the day actually moved (target ∩ country, ∩ `from`'s territory if set).
struct Applied {
    std::size_t event = 0;   ///< index into Sources::events
    geos::Geom region;       ///< MultiPolygon, possibly empty
};

/// Net changes of a day, for each ordered pair of factions (from != to): the part of `before[from]` that is
/// in `after[to]`, if non-empty, with km² and the events (ascending) whose applied region overlaps it with
/// positive area. Only the union of the applied regions can have changed, so only it is looked at.
/// Order: `before`'s order, then `after`'s order (both styles order).
std::vector<Change> derive_changes(const geos::Context& ctx, const std::vector<Control>& before,
                                   const std::vector<Control>& after, const std::vector<Applied>& applied);

/// The boundary two polygonal territories share: the linear part of the intersection of their boundaries,
/// merged into maximal lines, as a normalized MultiLineString (empty if they do not share an edge).
geos::Geom shared_boundary(const geos::Context& ctx, const GEOSGeometry* a, const GEOSGeometry* b);

/// What a day's frontlines may reuse from the previous day.
struct FrontlineReuse {
    const std::vector<Frontline>* previous = nullptr;   ///< the previous day's frontlines
    std::vector<std::string> unchanged;                 ///< factions whose territory is the same as then
};

/// A frontline for every pair of factions of `control` (in its order: a before b) that share an edge, with
/// its geodesic length. Pairs of two unchanged factions are copied from the previous day.
std::vector<Frontline> derive_frontlines(const geos::Context& ctx, const std::vector<Control>& control,
                                         const FrontlineReuse& reuse = {});

} // namespace tiler
