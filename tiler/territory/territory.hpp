#pragma once
// The territory engine: per-place Voronoi cells, applying the event log day by day, and what is derived
// per day (changes, frontlines, km² per faction). All geometry lon/lat on the fixed grid geos::kGrid.
#include "sources/model.hpp"
#include "territory/voronoi.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace tiler {

/// One faction's territory on one day.
struct Control {
    std::string faction;
    geos::Geom geom;          ///< MultiPolygon, lon/lat
    double area_km2 = 0;
};

/// Territory that changed hands during a day (net: held by `from` at the end of the previous day and by
/// `to` at the end of this one).
struct Change {
    std::string from;
    std::string to;
    geos::Geom geom;                  ///< MultiPolygon
    double area_km2 = 0;
    std::vector<std::size_t> events;  ///< indices into Sources::events that caused it
};

/// A boundary shared by two factions (never the country border).
struct Frontline {
    std::string a;            ///< a < b in styles order
    std::string b;
    geos::Geom geom;          ///< MultiLineString
    double length_km = 0;
};

struct DayMap {
    Date date;
    std::vector<Control> control;       ///< non-empty factions, in styles order
    std::vector<Change> changes;        ///< empty on the baseline day
    std::vector<Frontline> frontlines;
    std::vector<std::size_t> events;    ///< indices into Sources::events applied this day
};

/// Runs the whole event log: one DayMap per day from Sources::first to Sources::last.
/// The first day starts as an all-`government` country and its events paint the baseline. Throws Error if
/// the partition invariant breaks (a bug, not bad input; see invariants.hpp).
std::vector<DayMap> build_timeline(const geos::Context& ctx, const Sources& src);

} // namespace tiler
