#include "tiling/vector_tiles.hpp"

#include "archive/gzip.hpp"
#include "core/error.hpp"
#include "core/parallel.hpp"
#include "tiling/tiling_input.hpp"
#include "tiling/zoom_tiler.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string_view>
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
    parallel_for(zooms.size(), opt.jobs, [&](std::size_t k, unsigned) { results[k] = tile_zoom(in, zooms[k], opt); });

    // Identical bytes share one buffer, across zooms and days; each distinct buffer is gzip-compressed once
    // here (in parallel) for the archives, which would otherwise compress it again for every day it appears in.
    // Tiles reused from the previous day already share a buffer, so look up by address first and hash the
    // bytes of each address only once.
    std::unordered_map<const std::string*, std::size_t> by_address;
    std::unordered_map<std::string_view, std::size_t> by_bytes;
    std::vector<std::shared_ptr<const std::string>> buffers;
    for (const ZoomTiles& r : results)
        for (const std::vector<Tile>& day_tiles : r.days)
            for (const Tile& t : day_tiles) {
                const auto [at, new_address] = by_address.try_emplace(t.data.get(), 0);
                if (!new_address) continue;
                const auto [bt, new_bytes] = by_bytes.try_emplace(std::string_view(*t.data), buffers.size());
                if (new_bytes) buffers.push_back(t.data);
                at->second = bt->second;
            }
    std::vector<std::shared_ptr<const std::string>> compressed(buffers.size());
    parallel_for(buffers.size(), opt.jobs, [&](std::size_t i, unsigned) {
        compressed[i] = std::make_shared<const std::string>(gzip_compress(*buffers[i]));
    });

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
                const std::size_t i = by_address.at(t.data.get());   // every tile still holds its buffer
                t.data = buffers[i];
                t.gzip = compressed[i];
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
        stats->unique = buffers.size();
    }
    return out;
}

} // namespace tiler
