#include "cli/cmd_check.hpp"

#include "sources/load.hpp"
#include "territory/slivers.hpp"
#include "territory/territory.hpp"

#include <iostream>

namespace tiler::cli {

int cmd_check(const Options& options) {
    const geos::Context ctx;
    const Sources src = load_sources(ctx, options.sources, options.styles);
    // Consistent sources may still draw artefacts: warnings only, the exit code stays 0.
    const std::vector<Sliver> slivers = find_slivers(ctx, src, build_timeline(ctx, src));
    const auto days = src.last - src.first + 1;
    std::cout << options.sources << ": " << src.places.size() << " places, " << src.areas.size() << " areas, "
              << src.governorates.size() << " governorates, " << src.events.size() << " events, " << days
              << " days (" << src.first.str() << " .. " << src.last.str() << "), "
              << src.styles.factions.size() << " factions\n"
              << "sources OK\n";
    for (const Sliver& s : slivers) std::cerr << "tiler: warning: " << describe(s) << "\n";
    return 0;
}

} // namespace tiler::cli
