#pragma once
// A strict reader of GeoJSON FeatureCollections of Polygon / MultiPolygon features (lon/lat), via nlohmann::json,
// into GEOS. Each geometry is checked for validity (an invalid one is an InputError naming the file, the feature
// and where GEOS found the problem) and only then snapped to the grid (geos::kGrid).
#include "geos/geos.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tiler {

struct GeoFeature {
    std::size_t number = 0;        ///< 1-based position in the collection
    nlohmann::json properties;     ///< always an object (empty if the feature has none)
    geos::Geom geom;               ///< valid, snapped to the grid, not empty
};

/// Parses `text` (the contents of `file`, which only names errors). A JSON syntax error is an InputError with the
/// parser's line; everything else has line 0 and names the feature ("feature 2 (id 'x')").
std::vector<GeoFeature> parse_geojson(const geos::Context& ctx, std::string_view text, const std::string& file);

/// Reads the file at `path` and parses it; `file` is the name used in errors.
std::vector<GeoFeature> read_geojson(const geos::Context& ctx, const std::string& path, const std::string& file);

/// Parses JSON text, turning a syntax error into InputError(file, line of the error, parser's message).
nlohmann::json parse_json(std::string_view text, const std::string& file);

/// "feature N" or "feature N (id 'x')" when the properties have a string `id`.
std::string feature_label(const GeoFeature& f);

} // namespace tiler
