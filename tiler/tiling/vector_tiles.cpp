#include "tiling/vector_tiles.hpp"

#include "core/error.hpp"
#include "tiling/tiling_input.hpp"
#include "tiling/zoom_tiler.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <string_view>
#include <thread>
#include <unordered_map>

namespace tiler {

unsigned place_minzoom(int rank, const VectorTileOptions& opt) {
    const unsigned z = rank <= 2 ? 4u : rank == 3 ? 8u : rank == 4 ? 10u : 12u;
    return std::min(z, opt.maxzoom);
}

namespace {

std::string vector_layers_json(const VectorTileOptions& opt) {
    using nlohmann::json;
    auto layer = [&](const char* id, const char* description, json fields) {
        return json{{"id", id}, {"description", description}, {"minzoom", opt.minzoom}, {"maxzoom", opt.maxzoom},
                    {"fields", std::move(fields)}};
    };
    json layers = json::array();
    layers.push_back(layer("control", "Territory held by each faction at the end of the day",
                           {{"faction", "String"}, {"name", "String"}, {"since", "String"}}));
    layers.push_back(layer("changes", "Territory that changed hands during the day",
                           {{"from", "String"}, {"to", "String"}, {"km2", "Number"}}));
    layers.push_back(layer("frontlines", "Boundaries between two factions", {{"a", "String"}, {"b", "String"}}));
    layers.push_back(layer("boundaries", "Country outline and governorate outlines",
                           {{"kind", "String"}, {"name", "String"}}));
    layers.push_back(layer("places", "Places, thinned by rank per zoom",
                           {{"name", "String"}, {"kind", "String"}, {"rank", "Number"}, {"faction", "String"},
                            {"captured", "String"}}));
    return layers.dump();
}

} // namespace

std::vector<Tileset> build_vector_tiles(const geos::Context& ctx, const Sources& src, const std::vector<DayMap>& days,
                                        const VectorTileOptions& opt, VectorTileStats* stats) {
    if (opt.minzoom > opt.maxzoom || opt.maxzoom > 20)
        throw UsageError("vector tiles: zoom range " + std::to_string(opt.minzoom) + "-" + std::to_string(opt.maxzoom) +
                         " is not within 0-20 with min <= max");
    if (opt.extent == 0 || opt.buffer > opt.extent) throw UsageError("vector tiles: bad extent or buffer");
    const TilingInput in = make_tiling_input(ctx, src, days);

    std::vector<unsigned> zooms;
    for (unsigned z = opt.maxzoom + 1; z-- > opt.minzoom;) zooms.push_back(z);   // largest first
    std::vector<ZoomTiles> results(zooms.size());
    std::atomic<std::size_t> next{0};
    std::exception_ptr failure;
    std::mutex failure_mutex;
    auto worker = [&] {
        for (std::size_t k = next++; k < zooms.size(); k = next++) {
            try {
                results[k] = tile_zoom(in, zooms[k], opt);
            } catch (...) {
                std::lock_guard<std::mutex> lock(failure_mutex);
                if (!failure) failure = std::current_exception();
                next = zooms.size();
            }
        }
    };
    const unsigned threads = std::max(1u, std::min<unsigned>(opt.jobs, static_cast<unsigned>(zooms.size())));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
    worker();
    for (auto& t : pool) t.join();
    if (failure) std::rethrow_exception(failure);

    // Identical bytes share one buffer, across zooms and days.
    std::unordered_map<std::string_view, std::shared_ptr<const std::string>> unique;
    std::vector<Tileset> out(days.size());
    const std::string layers_json = vector_layers_json(opt);
    for (std::size_t d = 0; d < days.size(); ++d) {
        Tileset& ts = out[d];
        ts.info.name = "Territorial control " + in.dates[d];
        ts.info.description = "Territorial control at the end of " + in.dates[d];
        ts.info.attribution = src.attribution;
        ts.info.format = TileFormat::Mvt;
        ts.info.minzoom = opt.minzoom;
        ts.info.maxzoom = opt.maxzoom;
        std::copy(std::begin(in.bounds), std::end(in.bounds), ts.info.bounds);
        ts.info.center[0] = (in.bounds[0] + in.bounds[2]) / 2;
        ts.info.center[1] = (in.bounds[1] + in.bounds[3]) / 2;
        ts.info.center[2] = std::clamp(6.0, static_cast<double>(opt.minzoom), static_cast<double>(opt.maxzoom));
        ts.info.vector_layers_json = layers_json;
        for (std::size_t k = zooms.size(); k-- > 0;)
            for (Tile& t : results[k].days[d]) {
                auto [it, added] = unique.try_emplace(std::string_view(*t.data), t.data);
                t.data = it->second;
                ts.tiles.push_back(std::move(t));
            }
    }
    if (stats) {
        *stats = VectorTileStats{};
        for (const ZoomTiles& r : results) {
            stats->encoded += r.encoded;
            stats->reused += r.reused;
            stats->solid += r.solid;
        }
        for (const Tileset& ts : out) stats->tiles += ts.tiles.size();
        stats->unique = unique.size();
    }
    return out;
}

} // namespace tiler
