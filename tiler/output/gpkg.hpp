#pragma once
// control.gpkg: the whole timeline as a GeoPackage for GIS analysts (EPSG:4326, lon/lat).
//   control    MultiPolygon   date, faction, name, area_km2, valid_from, valid_to   one per date × faction
//   changes    MultiPolygon   date, from, to, area_km2, events (seq ids), valid_from, valid_to
//   frontlines MultiLineString date, a, b, length_km, valid_from, valid_to
//   events     Point (null for `country`)  date, seq, target, faction, from, quote, note, valid_from, valid_to
//   places     Point          id, name, kind, governorate, rank, source
//   layer_styles (QGIS)       default styles of `control` and `frontlines`
// valid_from = the date at 00:00:00, valid_to = the next day at 00:00:00 (QGIS temporal controller: one day).
// Deterministic: features in a fixed order, fixed timestamps; two runs give the same bytes.
#include "sources/model.hpp"
#include "territory/territory.hpp"

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace tiler {

/// Called after each day's features are written: (days done, days in total).
using DayProgress = std::function<void(std::size_t, std::size_t)>;

/// The fixed timestamp of the file's metadata (gpkg_contents.last_change, layer_styles.update_time):
/// the last day of the data at 00:00:00 UTC, `YYYY-MM-DDTHH:MM:SS.SSSZ` (the GeoPackage datetime form).
std::string gpkg_timestamp(const Sources& src);

/// Writes `file` (which must not exist). Throws GdalError naming driver, file and layer.
void write_gpkg(const geos::Context& ctx, const std::string& file, const Sources& src,
                const std::vector<DayMap>& days, const DayProgress& progress = {});

} // namespace tiler
