#include "cli/cmd_check.hpp"

#include "sources/load.hpp"

#include <iostream>

namespace tiler::cli {

int cmd_check(const Options& options) {
    const geos::Context ctx;
    const Sources src = load_sources(ctx, options.sources, options.styles);
    const auto days = src.last - src.first + 1;
    std::cout << options.sources << ": " << src.places.size() << " places, " << src.areas.size() << " areas, "
              << src.governorates.size() << " governorates, " << src.events.size() << " events, " << days
              << " days (" << src.first.str() << " .. " << src.last.str() << "), "
              << src.styles.factions.size() << " factions\n"
              << "sources OK\n";
    return 0;
}

} // namespace tiler::cli
