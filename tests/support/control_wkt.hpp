#pragma once
// A day's control polygons written as WKT, for the territory tests (derive, invariants, slivers).
#include "geos/geos.hpp"
#include "territory/territory.hpp"

#include <utility>
#include <vector>

namespace tiler::test {

/// One Control per (faction, WKT) pair, in order, with its geometry and its area_km2.
std::vector<Control> controls(const geos::Context& ctx,
                              const std::vector<std::pair<const char*, const char*>>& faction_wkt);

} // namespace tiler::test
