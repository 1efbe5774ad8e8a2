#pragma once
// Loading and validating sources/ and styles/. Every problem is an InputError naming file, line and what
// is wrong; nothing is written anywhere.
#include "sources/model.hpp"

#include <string>

namespace tiler {

/// Reads styles/factions.json.
Styles load_styles(const std::string& styles_dir);

/// Reads and cross-checks everything under `sources_dir` (country, governorates, places, areas, events, seed).
Sources load_sources(const geos::Context& ctx, const std::string& sources_dir, const std::string& styles_dir);

} // namespace tiler
