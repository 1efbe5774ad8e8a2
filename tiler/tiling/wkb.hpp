#pragma once
// WKB round trip, to hand geometry between threads that each own a GEOS context.
#include "geos/geos.hpp"

#include <string>

namespace tiler::geos {

std::string to_wkb(const Context& ctx, const GEOSGeometry* g);
Geom from_wkb(const Context& ctx, const std::string& wkb);

} // namespace tiler::geos
