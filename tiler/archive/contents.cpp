#include "archive/contents.hpp"

#include "archive/gzip.hpp"
#include "core/error.hpp"

#include <algorithm>
#include <unordered_map>

namespace tiler {

std::uint64_t fnv1a64(std::string_view bytes) {
    std::uint64_t h = 14695981039346656037ull;
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

namespace {
std::string tile_name(const Tile& t) {
    return std::to_string(t.id.z) + "/" + std::to_string(t.id.x) + "/" + std::to_string(t.id.y);
}
} // namespace

void detail::check_and_dedup(const Tileset& ts, UniqueTiles& u) {
    const std::string where = "tileset '" + ts.info.name + "': ";
    if (ts.info.minzoom > ts.info.maxzoom || ts.info.maxzoom > 30)
        throw Error(where + "bad zoom range " + std::to_string(ts.info.minzoom) + ".." +
                    std::to_string(ts.info.maxzoom));
    std::vector<const Tile*> by_id = u.tiles;
    std::sort(by_id.begin(), by_id.end(), [](const Tile* a, const Tile* b) { return a->id < b->id; });
    for (std::size_t i = 0; i < by_id.size(); ++i) {
        const Tile& t = *by_id[i];
        if (t.id.z < ts.info.minzoom || t.id.z > ts.info.maxzoom)
            throw Error(where + "tile " + tile_name(t) + " outside zooms " + std::to_string(ts.info.minzoom) + ".." +
                        std::to_string(ts.info.maxzoom));
        const std::uint32_t n = 1u << t.id.z;
        if (t.id.x >= n || t.id.y >= n) throw Error(where + "tile " + tile_name(t) + " outside the grid");
        if (i > 0 && by_id[i - 1]->id == t.id) throw Error(where + "tile " + tile_name(t) + " appears twice");
        if (!t.data || t.data->empty()) throw Error(where + "tile " + tile_name(t) + " has no data");
        if (t.gzip && (t.gzip->size() < 18 || (*t.gzip)[0] != '\x1f' || (*t.gzip)[1] != '\x8b'))
            throw Error(where + "tile " + tile_name(t) + ": its compressed bytes are not gzip");
    }
    // Tiles that share a buffer have the same content: look up by address first, hash bytes once per address.
    std::unordered_map<const std::string*, std::size_t> by_address;
    std::unordered_map<std::string_view, std::size_t> by_bytes;
    u.content.reserve(u.tiles.size());
    for (const Tile* t : u.tiles) {
        const auto [at, new_address] = by_address.try_emplace(t->data.get(), 0);
        if (new_address) {
            const std::string_view bytes(*t->data);
            const auto [bt, new_bytes] = by_bytes.try_emplace(bytes, u.contents.size());
            if (new_bytes) {
                u.contents.push_back(bytes);
                u.holders.push_back(t);
            }
            at->second = bt->second;
        }
        u.content.push_back(at->second);
    }
}

std::string stored_content(const TilesetInfo& info, const UniqueTiles& u, std::size_t c) {
    if (info.format != TileFormat::Mvt) return std::string(u.contents.at(c));
    const Tile& holder = *u.holders.at(c);
    return holder.gzip ? *holder.gzip : gzip_compress(u.contents[c]);
}

UniqueTiles unique_tiles(const Tileset& ts) {
    return unique_tiles(ts, [](const Tile& a, const Tile& b) { return a.id < b.id; });
}

} // namespace tiler
