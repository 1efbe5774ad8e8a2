#include "style/maplibre_style.hpp"

#include "archive/atomic.hpp"
#include "core/error.hpp"

#include <nlohmann/json.hpp>

#include <cctype>

namespace tiler {
namespace {

using json = nlohmann::ordered_json;

constexpr const char* kSource = "tiler";
constexpr const char* kBackground = "#efece6";
constexpr const char* kFallbackFill = "#bdbdbd";
constexpr const char* kFallbackLine = "#636363";

bool is_hex_colour(const std::string& c) {
    if (c.size() != 7 || c[0] != '#') return false;
    for (std::size_t i = 1; i < c.size(); ++i)
        if (!std::isxdigit(static_cast<unsigned char>(c[i]))) return false;
    return true;
}

/// ["match", ["get", property], id1, colour1, ..., fallback] over the factions.
json faction_match(const Styles& styles, const char* property, bool fill) {
    json m = json::array({"match", json::array({"get", property})});
    for (const Faction& f : styles.factions) {
        m.push_back(f.id);
        m.push_back(fill ? f.fill : f.line);
    }
    m.push_back(fill ? kFallbackFill : kFallbackLine);
    return m;
}

json layer(const char* id, const char* type, const char* source_layer) {
    json l;
    l["id"] = id;
    l["type"] = type;
    l["source"] = kSource;
    l["source-layer"] = source_layer;
    return l;
}

/// Line width growing with zoom: `w5` at z5, `w10` at z10.
json width_by_zoom(double w5, double w10) {
    return json::array({"interpolate", json::array({"linear"}), json::array({"zoom"}), 5, w5, 10, w10});
}

json control_layers(const Styles& styles) {
    json fill = layer("control-fill", "fill", "control");
    fill["paint"] = {{"fill-color", faction_match(styles, "faction", true)}, {"fill-opacity", 0.8}};
    json outline = layer("control-outline", "line", "control");
    outline["paint"] = {{"line-color", faction_match(styles, "faction", false)},
                        {"line-width", width_by_zoom(0.5, 1.5)}};
    return json::array({fill, outline});
}

json change_layers(const Styles& styles) {
    json fill = layer("changes-fill", "fill", "changes");
    fill["paint"] = {{"fill-color", "#ffffff"}, {"fill-opacity", 0.3}};
    json outline = layer("changes-outline", "line", "changes");
    outline["paint"] = {{"line-color", faction_match(styles, "to", false)},
                        {"line-width", width_by_zoom(1.5, 3)},
                        {"line-dasharray", json::array({2, 1})}};
    return json::array({fill, outline});
}

json boundary_layers() {
    json gov = layer("boundaries-governorate", "line", "boundaries");
    gov["filter"] = json::array({"==", json::array({"get", "kind"}), "governorate"});
    gov["paint"] = {{"line-color", "#555555"},
                    {"line-width", width_by_zoom(0.6, 1.5)},
                    {"line-dasharray", json::array({3, 2})}};
    json country = layer("boundaries-country", "line", "boundaries");
    country["filter"] = json::array({"==", json::array({"get", "kind"}), "country"});
    country["paint"] = {{"line-color", "#222222"}, {"line-width", width_by_zoom(2, 4)}};
    return json::array({gov, country});
}

json frontline_layer() {
    json l = layer("frontlines", "line", "frontlines");
    l["layout"] = {{"line-join", "round"}, {"line-cap", "round"}};
    l["paint"] = {{"line-color", "#000000"}, {"line-width", width_by_zoom(1.5, 3.5)}};
    return l;
}

json place_layers(const MapStyleOptions& o) {
    json circles = layer("places-circle", "circle", "places");
    const json rank = json::array({"to-number", json::array({"get", "rank"}), 4});
    circles["paint"] = {{"circle-radius", json::array({"match", rank, 1, 5, 2, 4, 3, 3, 2})},
                        {"circle-color", "#ffffff"},
                        {"circle-stroke-color", "#222222"},
                        {"circle-stroke-width", 1}};
    json out = json::array({circles});
    if (!o.glyphs.empty()) {
        json labels = layer("places-label", "symbol", "places");
        labels["layout"] = {{"text-field", json::array({"get", "name"})},
                            {"text-font", json::array({o.font})},
                            {"text-size", json::array({"match", rank, 1, 14, 2, 12, 11})},
                            {"text-anchor", "top"},
                            {"text-offset", json::array({0, 0.6})},
                            {"symbol-sort-key", rank}};
        labels["paint"] = {{"text-color", "#222222"}, {"text-halo-color", "#ffffff"}, {"text-halo-width", 1.5}};
        out.push_back(labels);
    }
    return out;
}

} // namespace

std::string pmtiles_source_url(const std::string& archive_url) { return "pmtiles://" + archive_url; }

std::string maplibre_style(const Styles& styles, const MapStyleOptions& o) {
    if (o.source_url.empty()) throw Error("MapLibre style '" + o.name + "': no source URL");
    for (const Faction& f : styles.factions)
        if (!is_hex_colour(f.fill) || !is_hex_colour(f.line))
            throw Error("MapLibre style: faction '" + f.id + "' has a colour that is not #rrggbb: '" + f.fill +
                        "', '" + f.line + "'");
    json source = {{"type", "vector"}, {"url", o.source_url}};
    if (!o.attribution.empty()) source["attribution"] = o.attribution;

    json style;
    style["version"] = 8;
    style["name"] = o.name;
    style["center"] = json::array({o.center[0], o.center[1]});
    style["zoom"] = o.zoom;
    style["sources"] = {{kSource, source}};
    if (!o.glyphs.empty()) style["glyphs"] = o.glyphs;
    json layers = json::array();
    json background = {{"id", "background"}, {"type", "background"}, {"paint", {{"background-color", kBackground}}}};
    layers.push_back(background);
    for (const json& group : {control_layers(styles), change_layers(styles), boundary_layers()})
        for (const json& l : group) layers.push_back(l);
    layers.push_back(frontline_layer());
    for (const json& l : place_layers(o)) layers.push_back(l);
    style["layers"] = layers;
    return style.dump(2) + "\n";
}

void write_maplibre_style(const std::string& path, const Styles& styles, const MapStyleOptions& options) {
    write_file_atomic(path, maplibre_style(styles, options));
}

} // namespace tiler
