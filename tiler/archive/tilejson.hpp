#pragma once
// TileJSON 3.0.0 for a tileset (keys in a fixed order, nlohmann::ordered_json).
#include "archive/tileset.hpp"

#include <string>
#include <vector>

namespace tiler {

struct TileJsonOptions {
    /// Tile URL templates, e.g. `2024-11-30/{z}/{x}/{y}.mvt` (relative) or `https://.../{z}/{x}/{y}.png`.
    /// At least one.
    std::vector<std::string> tiles;
    /// Prefixed to every template when non-empty (`https://example.org/tiles/` + `2024-11-30/{z}/...`).
    /// TileJSON 3.0.0 (section 3.2) wants absolute URLs and MapLibre GL JS does not resolve relative ones
    /// against the TileJSON's URL, so web deployments should set this; empty keeps the templates relative.
    std::string base_url;
};

/// The TileJSON document (pretty-printed, 2-space indent, trailing newline). Throws Error if there is no URL
/// template or a template lacks `{z}`, `{x}` or `{y}`.
std::string tilejson(const TilesetInfo& info, const TileJsonOptions& options);

/// Writes tilejson() to `path` atomically.
void write_tilejson(const std::string& path, const TilesetInfo& info, const TileJsonOptions& options);

} // namespace tiler
