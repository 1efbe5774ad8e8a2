#pragma once
// QGIS layer styles (QML, with an SLD twin) for the GeoPackage's `layer_styles` table: the `control` layer
// categorized on `faction` with the styles' colours, `frontlines` as one line symbol. Both carry a
// <temporal> element (start and end from `valid_from`/`valid_to`), so the temporal controller shows one
// day at a time without any setup.
#include "sources/model.hpp"

#include <string>

namespace tiler {

struct Rgb {
    int r = 0, g = 0, b = 0;
};

/// Parses `#rrggbb`; throws Error naming the colour if malformed.
Rgb parse_colour(const std::string& hex);

/// Escapes &, <, >, " and ' for XML text and attributes.
std::string xml_escape(const std::string& text);

std::string control_qml(const Styles& styles);
std::string control_sld(const Styles& styles);
std::string frontlines_qml();
std::string frontlines_sld();

} // namespace tiler
