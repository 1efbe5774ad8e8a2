#include "archive/metadata.hpp"

#include "core/error.hpp"

#include <cmath>
#include <cstdio>

namespace tiler {

const char* format_name(TileFormat f) { return f == TileFormat::Mvt ? "pbf" : "png"; }
const char* tile_extension(TileFormat f) { return f == TileFormat::Mvt ? "mvt" : "png"; }
const char* tile_mime(TileFormat f) {
    return f == TileFormat::Mvt ? "application/vnd.mapbox-vector-tile" : "image/png";
}

std::string format_number(double v) {
    if (!std::isfinite(v)) throw Error("metadata: non-finite number " + std::to_string(v));
    if (v == 0) v = 0;   // no "-0"
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.7f", v);
    std::string s(buf);
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    if (s == "-0") s = "0";
    return s;
}

std::string bounds_string(const TilesetInfo& info) {
    return format_number(info.bounds[0]) + "," + format_number(info.bounds[1]) + "," +
           format_number(info.bounds[2]) + "," + format_number(info.bounds[3]);
}

std::string center_string(const TilesetInfo& info) {
    return format_number(info.center[0]) + "," + format_number(info.center[1]) + "," +
           format_number(std::round(info.center[2]));
}

nlohmann::ordered_json vector_layers(const TilesetInfo& info) {
    if (info.format != TileFormat::Mvt) return nullptr;
    if (info.vector_layers_json.empty()) return nlohmann::ordered_json::array();
    nlohmann::ordered_json j;
    try {
        j = nlohmann::ordered_json::parse(info.vector_layers_json);
    } catch (const nlohmann::json::exception& e) {
        throw Error("tileset '" + info.name + "': vector_layers is not JSON: " + e.what());
    }
    if (!j.is_array()) throw Error("tileset '" + info.name + "': vector_layers is not a JSON array");
    for (const auto& layer : j)
        if (!layer.is_object() || !layer.contains("id") || !layer["id"].is_string())
            throw Error("tileset '" + info.name + "': a vector_layers entry has no string \"id\": " + layer.dump());
    return j;
}

} // namespace tiler
