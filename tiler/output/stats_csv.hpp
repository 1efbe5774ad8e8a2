#pragma once
// stats.csv: km² per faction per day, for charts.
//   date,faction,area_km2,share
// One row per date × faction in styles order — factions without territory get 0.000, so the table is
// rectangular. area_km2 with 3 decimals, share (of the country: the day's total) with 4.
#include "sources/model.hpp"
#include "territory/territory.hpp"

#include <string>
#include <vector>

namespace tiler {

/// The file's content.
std::string stats_csv(const Styles& styles, const std::vector<DayMap>& days);

/// Writes stats_csv() to `file`; throws OutputError.
void write_stats_csv(const std::string& file, const Styles& styles, const std::vector<DayMap>& days);

} // namespace tiler
