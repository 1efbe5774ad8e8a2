#include "archive/pmtiles.hpp"

#include "archive/atomic.hpp"
#include "archive/contents.hpp"
#include "archive/gzip.hpp"
#include "archive/metadata.hpp"
#include "core/error.hpp"

#include <cmath>
#include <fstream>
#include <limits>
#include <utility>

namespace tiler {
namespace pmtiles {

std::uint64_t tile_id(std::uint32_t z, std::uint32_t x, std::uint32_t y) {
    if (z > 31) throw Error("pmtiles: zoom " + std::to_string(z) + " too large");
    const std::uint64_t n = std::uint64_t{1} << z;
    if (x >= n || y >= n) throw Error("pmtiles: tile " + std::to_string(z) + "/" + std::to_string(x) + "/" +
                                      std::to_string(y) + " outside the grid");
    const std::uint64_t before = ((std::uint64_t{1} << (2 * z)) - 1) / 3;   // 4^0 + ... + 4^(z-1)
    std::uint64_t px = x, py = y, d = 0;
    for (std::uint64_t s = n / 2; s > 0; s /= 2) {
        const std::uint64_t rx = (px & s) ? 1 : 0;
        const std::uint64_t ry = (py & s) ? 1 : 0;
        d += s * s * ((3 * rx) ^ ry);
        if (ry == 0) {   // rotate the quadrant
            if (rx == 1) {
                px = n - 1 - px;
                py = n - 1 - py;
            }
            std::swap(px, py);
        }
    }
    return before + d;
}

namespace {
void put_varint(std::string& out, std::uint64_t v) {
    while (v >= 0x80) {
        out.push_back(static_cast<char>((v & 0x7f) | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<char>(v));
}
} // namespace

std::string serialize_directory(const std::vector<Entry>& entries) {
    std::string out;
    put_varint(out, entries.size());
    std::uint64_t last = 0;
    for (const Entry& e : entries) {
        put_varint(out, e.tile_id - last);
        last = e.tile_id;
    }
    for (const Entry& e : entries) put_varint(out, e.run_length);
    for (const Entry& e : entries) put_varint(out, e.length);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const bool contiguous = i > 0 && entries[i].offset == entries[i - 1].offset + entries[i - 1].length;
        put_varint(out, contiguous ? 0 : entries[i].offset + 1);
    }
    return out;
}

} // namespace pmtiles

namespace {

using pmtiles::Entry;

struct Directories {
    std::string root;     ///< compressed
    std::string leaves;   ///< compressed leaf directories, concatenated
    std::size_t leaf_count = 0;
};

Directories build_directories(const std::vector<Entry>& entries, const PmtilesOptions& opt) {
    const std::size_t root_budget = pmtiles::kRootLimit - pmtiles::kHeaderSize;
    Directories d;
    if (entries.size() <= opt.max_root_entries) {
        d.root = gzip_compress(pmtiles::serialize_directory(entries));
        if (d.root.size() <= root_budget) return d;
    }
    for (std::size_t leaf_size = std::max<std::size_t>(opt.leaf_entries, 1);; leaf_size *= 2) {
        d = Directories{};
        std::vector<Entry> root;
        for (std::size_t i = 0; i < entries.size(); i += leaf_size) {
            const std::size_t end = std::min(entries.size(), i + leaf_size);
            const std::vector<Entry> chunk(entries.begin() + static_cast<std::ptrdiff_t>(i),
                                           entries.begin() + static_cast<std::ptrdiff_t>(end));
            const std::string leaf = gzip_compress(pmtiles::serialize_directory(chunk));
            root.push_back(Entry{chunk.front().tile_id, d.leaves.size(), static_cast<std::uint32_t>(leaf.size()), 0});
            d.leaves += leaf;
            ++d.leaf_count;
        }
        d.root = gzip_compress(pmtiles::serialize_directory(root));
        if (d.root.size() <= root_budget) return d;
        if (leaf_size > entries.size()) throw Error("pmtiles: root directory does not fit in 16 KiB");
    }
}

void put_le(std::string& out, std::uint64_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

std::uint32_t e7(double degrees) {
    const double v = std::round(degrees * 1e7);
    return static_cast<std::uint32_t>(static_cast<std::int32_t>(v));
}

std::string metadata_json(const TilesetInfo& info) {
    nlohmann::ordered_json j;
    j["name"] = info.name;
    j["description"] = info.description;
    j["attribution"] = info.attribution;
    j["version"] = info.version;
    j["type"] = "overlay";
    j["format"] = format_name(info.format);
    if (info.format == TileFormat::Mvt) j["vector_layers"] = vector_layers(info);
    return j.dump();
}

struct Sections {
    std::uint64_t root_offset, root_length, meta_offset, meta_length, leaf_offset, leaf_length, data_offset,
        data_length;
};

std::string header(const TilesetInfo& info, const Sections& s, const PmtilesStats& st) {
    std::string h = "PMTiles";
    h.push_back(3);
    for (std::uint64_t v : {s.root_offset, s.root_length, s.meta_offset, s.meta_length, s.leaf_offset,
                            s.leaf_length, s.data_offset, s.data_length, st.addressed_tiles, st.tile_entries,
                            st.tile_contents})
        put_le(h, v, 8);
    const bool mvt = info.format == TileFormat::Mvt;
    h.push_back(1);                    // clustered
    h.push_back(2);                    // internal compression: gzip
    h.push_back(mvt ? 2 : 1);          // tile compression: gzip | none
    h.push_back(mvt ? 1 : 2);          // tile type: mvt | png
    h.push_back(static_cast<char>(info.minzoom));
    h.push_back(static_cast<char>(info.maxzoom));
    for (int i = 0; i < 4; ++i) put_le(h, e7(info.bounds[i]), 4);   // w, s, e, n
    h.push_back(static_cast<char>(std::lround(std::clamp(info.center[2], 0.0, 255.0))));
    put_le(h, e7(info.center[0]), 4);
    put_le(h, e7(info.center[1]), 4);
    return h;
}

} // namespace

PmtilesStats write_pmtiles(const std::string& path, const Tileset& ts, const PmtilesOptions& options) {
    if (ts.tiles.empty()) throw Error("tileset '" + ts.info.name + "': no tiles to write to " + path);
    const auto by_tile_id = [](const Tile& a, const Tile& b) {
        return pmtiles::tile_id(a.id.z, a.id.x, a.id.y) < pmtiles::tile_id(b.id.z, b.id.x, b.id.y);
    };
    const UniqueTiles u = unique_tiles(ts, by_tile_id);

    // Tile data: each distinct content once, in order of first appearance along the Hilbert order (clustered).
    std::string data;
    std::vector<std::pair<std::uint64_t, std::uint32_t>> placed(u.contents.size(), {0, 0});
    std::vector<bool> is_placed(u.contents.size(), false);
    std::vector<Entry> entries;
    PmtilesStats st;
    for (std::size_t i = 0; i < u.tiles.size(); ++i) {
        const std::size_t c = u.content[i];
        if (!is_placed[c]) {
            const std::string stored = stored_content(ts.info, u, c);
            if (stored.size() > std::numeric_limits<std::uint32_t>::max()) throw Error("pmtiles: tile too large");
            placed[c] = {data.size(), static_cast<std::uint32_t>(stored.size())};
            is_placed[c] = true;
            data += stored;
        }
        const auto& id = u.tiles[i]->id;
        const std::uint64_t tid = pmtiles::tile_id(id.z, id.x, id.y);
        if (!entries.empty()) {
            Entry& last = entries.back();
            if (last.offset == placed[c].first && last.tile_id + last.run_length == tid) {
                ++last.run_length;
                continue;
            }
        }
        entries.push_back(Entry{tid, placed[c].first, placed[c].second, 1});
    }
    st.addressed_tiles = u.tiles.size();
    st.tile_entries = entries.size();
    st.tile_contents = u.contents.size();

    const Directories dirs = build_directories(entries, options);
    st.leaf_directories = dirs.leaf_count;
    const std::string meta = gzip_compress(metadata_json(ts.info));

    Sections s{};
    s.root_offset = pmtiles::kHeaderSize;
    s.root_length = dirs.root.size();
    s.meta_offset = s.root_offset + s.root_length;
    s.meta_length = meta.size();
    s.leaf_offset = s.meta_offset + s.meta_length;
    s.leaf_length = dirs.leaves.size();
    s.data_offset = s.leaf_offset + s.leaf_length;
    s.data_length = data.size();
    st.file_size = s.data_offset + s.data_length;
    const std::string head = header(ts.info, s, st);
    if (head.size() != pmtiles::kHeaderSize) throw Error("pmtiles: internal error: header size");

    AtomicFile tmp(path);
    {
        std::ofstream out(tmp.temp_path(), std::ios::binary | std::ios::trunc);
        if (!out) throw OutputError(tmp.temp_path() + ": cannot open for writing");
        for (const std::string* part : {&head, &dirs.root, &meta, &dirs.leaves, static_cast<const std::string*>(&data)})
            out.write(part->data(), static_cast<std::streamsize>(part->size()));
        out.close();
        if (!out) throw OutputError(tmp.temp_path() + ": write failed");
    }
    tmp.commit();
    return st;
}

} // namespace tiler
