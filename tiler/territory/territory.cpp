#include "territory/territory.hpp"

#include "core/error.hpp"
#include "territory/apply.hpp"
#include "territory/derive.hpp"
#include "territory/invariants.hpp"
#include "territory/voronoi.hpp"

#include <optional>

namespace tiler {

namespace {

std::optional<std::size_t> find_faction(const Styles& styles, const std::string& id) {
    for (std::size_t k = 0; k < styles.factions.size(); ++k)
        if (styles.factions[k].id == id) return k;
    return std::nullopt;
}

std::size_t faction_index(const Styles& styles, const std::string& id, const Event& e) {
    const auto k = find_faction(styles, id);
    if (!k) throw Error("event of " + e.date.str() + " (line " + std::to_string(e.line) + "): unknown faction '" + id + "'");
    return *k;
}

} // namespace

std::vector<DayMap> build_timeline(const geos::Context& ctx, const Sources& src) {
    const auto government = find_faction(src.styles, "government");
    if (!government) throw Error("the styles have no 'government' faction to start from");
    const std::size_t n = src.styles.factions.size();
    Targets targets(ctx, src, place_cells(ctx, src));
    Territory territory(ctx, src.country.get(), n, *government);
    const PartitionChecker checker(ctx, src.country.get());

    std::vector<DayMap> days;
    std::vector<std::size_t> versions(n, 0);   // each faction's version at the end of the previous day
    std::size_t next = 0;
    if (!src.events.empty() && src.events.front().date < src.first)
        throw Error("event of " + src.events.front().date.str() + " before the first day " + src.first.str());
    for (Date d = src.first; d <= src.last; d = d + 1) {
        DayMap day;
        day.date = d;
        std::vector<Applied> applied;
        for (; next < src.events.size() && src.events[next].date == d; ++next) {
            const Event& e = src.events[next];
            const std::size_t to = faction_index(src.styles, e.faction, e);
            std::optional<std::size_t> from;
            if (!e.from.empty()) from = faction_index(src.styles, e.from, e);
            applied.push_back({next, territory.apply(targets.region(e), to, from)});
            day.events.push_back(next);
        }
        if (next < src.events.size() && src.events[next].date <= d)
            throw Error("events are not sorted by date at line " + std::to_string(src.events[next].line));

        std::vector<std::string> unchanged;
        for (std::size_t k = 0; k < n; ++k)
            if (territory.version(k) == versions[k]) unchanged.push_back(src.styles.factions[k].id);
        day.control = territory.snapshot(src.styles);
        // An unchanged map was checked on the day it was made; so were pairs of unchanged factions.
        if (days.empty()) checker.check(day.control, d.str());
        else if (unchanged.size() < n) checker.check(day.control, d.str(), unchanged);

        if (!days.empty()) {
            day.changes = derive_changes(ctx, days.back().control, day.control, applied);
            day.frontlines = derive_frontlines(ctx, day.control, FrontlineReuse{&days.back().frontlines, unchanged});
        } else {
            day.frontlines = derive_frontlines(ctx, day.control);
        }
        for (std::size_t k = 0; k < n; ++k) versions[k] = territory.version(k);
        days.push_back(std::move(day));
    }
    if (next < src.events.size())
        throw Error("event of " + src.events[next].date.str() + " after the last day " + src.last.str());
    return days;
}

} // namespace tiler
