#pragma once
// A MapLibre GL style (spec version 8) for one day's vector tiles, coloured from styles/factions.json.
//
// The vector tile schema it expects (what the MVT encoder writes):
//   control     polygons, `faction` (id)
//   changes     polygons, `from`, `to` (faction ids)
//   frontlines  lines
//   boundaries  lines, `kind` = "country" | "governorate"
//   places      points, `name`, `rank` (1 = most important .. 4)
// Places are drawn as circles; their names are added as a symbol layer only when a `glyphs` URL is given
// (MapLibre cannot draw text without glyph PBFs, and tiler does not ship fonts).
#include "sources/model.hpp"

#include <string>

namespace tiler {

struct MapStyleOptions {
    std::string name;          ///< style name, e.g. "Syria control 2024-11-30"
    /// Vector source URL: a TileJSON URL (`2024-11-30.json`) or `pmtiles://<url of the .pmtiles>`.
    std::string source_url;
    std::string attribution;   ///< source attribution (HTML); empty = none
    double center[2] = {38.5, 35.0};   ///< lon, lat
    double zoom = 6;
    std::string glyphs;        ///< e.g. `fonts/{fontstack}/{range}.pbf`; empty = no text labels
    std::string font = "Noto Sans Regular";
};

/// `pmtiles://` + archive URL, the form the MapLibre pmtiles protocol expects.
std::string pmtiles_source_url(const std::string& archive_url);

/// The style JSON (2-space indent, trailing newline). Throws Error if a faction colour is not
/// `#rrggbb` or options lack a source URL.
std::string maplibre_style(const Styles& styles, const MapStyleOptions& options);

/// Writes maplibre_style() to `path` atomically.
void write_maplibre_style(const std::string& path, const Styles& styles, const MapStyleOptions& options);

} // namespace tiler
