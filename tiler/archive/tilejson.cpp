#include "archive/tilejson.hpp"

#include "archive/atomic.hpp"
#include "archive/metadata.hpp"
#include "core/error.hpp"

#include <cmath>

namespace tiler {

std::string tilejson(const TilesetInfo& info, const TileJsonOptions& options) {
    if (options.tiles.empty()) throw Error("tilejson '" + info.name + "': no tile URL template");
    for (const std::string& t : options.tiles)
        for (const char* p : {"{z}", "{x}", "{y}"})
            if (t.find(p) == std::string::npos)
                throw Error("tilejson '" + info.name + "': URL template '" + t + "' lacks " + p);
    nlohmann::ordered_json j;
    j["tilejson"] = "3.0.0";
    j["name"] = info.name;
    j["description"] = info.description;
    j["version"] = info.version;
    j["attribution"] = info.attribution;
    j["scheme"] = "xyz";
    nlohmann::ordered_json urls = nlohmann::ordered_json::array();
    for (const std::string& t : options.tiles) {
        if (options.base_url.empty()) urls.push_back(t);
        else if (options.base_url.back() == '/' || t.front() == '/') urls.push_back(options.base_url + t);
        else urls.push_back(options.base_url + "/" + t);
    }
    j["tiles"] = urls;
    j["minzoom"] = info.minzoom;
    j["maxzoom"] = info.maxzoom;
    j["bounds"] = {info.bounds[0], info.bounds[1], info.bounds[2], info.bounds[3]};
    j["center"] = {info.center[0], info.center[1], std::lround(info.center[2])};
    j["format"] = format_name(info.format);
    if (info.format == TileFormat::Mvt) j["vector_layers"] = vector_layers(info);
    return j.dump(2) + "\n";
}

void write_tilejson(const std::string& path, const TilesetInfo& info, const TileJsonOptions& options) {
    write_file_atomic(path, tilejson(info, options));
}

} // namespace tiler
