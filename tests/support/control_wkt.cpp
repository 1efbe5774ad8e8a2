#include "control_wkt.hpp"

namespace tiler::test {

std::vector<Control> controls(const geos::Context& ctx,
                              const std::vector<std::pair<const char*, const char*>>& faction_wkt) {
    std::vector<Control> out;
    out.reserve(faction_wkt.size());
    for (const auto& [faction, wkt] : faction_wkt) {
        Control c;
        c.faction = faction;
        c.geom = ctx.from_wkt(wkt);
        c.area_km2 = geos::area_km2(ctx, c.geom.get());
        out.push_back(std::move(c));
    }
    return out;
}

} // namespace tiler::test
