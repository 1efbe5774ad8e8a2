// PMTiles v3 writer, read back by a minimal decoder written here from the spec (header, varint directories,
// leaf directories, Hilbert TileID -> z/x/y), independent of the writer's code.
#include "archive/pmtiles.hpp"
#include "core/error.hpp"

#include "../support/zlib_reference.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

namespace fs = std::filesystem;
using namespace tiler;

namespace {

// ---------------------------------------------------------------- independent reader
std::string gunzip(std::string_view in) { return test::zlib_gunzip(in); }

std::uint64_t le(const std::string& b, std::size_t at, int n) {
    std::uint64_t v = 0;
    for (int i = n - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(b.at(at + static_cast<std::size_t>(i)));
    return v;
}

struct Header {
    std::uint64_t root_off, root_len, meta_off, meta_len, leaf_off, leaf_len, data_off, data_len;
    std::uint64_t addressed, entries, contents;
    int clustered, internal_comp, tile_comp, tile_type, minz, maxz, center_z;
    std::int32_t w, s, e, n, center_lon, center_lat;
};

Header parse_header(const std::string& f) {
    EXPECT_GE(f.size(), 127u);
    EXPECT_EQ(f.substr(0, 7), "PMTiles");
    EXPECT_EQ(f[7], 3);
    Header h{};
    std::uint64_t* u64[] = {&h.root_off, &h.root_len, &h.meta_off, &h.meta_len, &h.leaf_off, &h.leaf_len,
                            &h.data_off, &h.data_len, &h.addressed, &h.entries, &h.contents};
    for (std::size_t i = 0; i < 11; ++i) *u64[i] = le(f, 8 + 8 * i, 8);
    h.clustered = f[96];
    h.internal_comp = f[97];
    h.tile_comp = f[98];
    h.tile_type = f[99];
    h.minz = static_cast<unsigned char>(f[100]);
    h.maxz = static_cast<unsigned char>(f[101]);
    h.w = static_cast<std::int32_t>(le(f, 102, 4));
    h.s = static_cast<std::int32_t>(le(f, 106, 4));
    h.e = static_cast<std::int32_t>(le(f, 110, 4));
    h.n = static_cast<std::int32_t>(le(f, 114, 4));
    h.center_z = static_cast<unsigned char>(f[118]);
    h.center_lon = static_cast<std::int32_t>(le(f, 119, 4));
    h.center_lat = static_cast<std::int32_t>(le(f, 123, 4));
    return h;
}

struct DirEntry {
    std::uint64_t id, offset, length, run;
};

std::uint64_t read_varint(const std::string& b, std::size_t& pos) {
    std::uint64_t v = 0;
    for (int shift = 0;; shift += 7) {
        const auto byte = static_cast<unsigned char>(b.at(pos++));
        v |= std::uint64_t{byte & 0x7fu} << shift;
        if (!(byte & 0x80)) return v;
    }
}

std::vector<DirEntry> parse_directory(const std::string& raw) {
    std::size_t pos = 0;
    const std::uint64_t n = read_varint(raw, pos);
    std::vector<DirEntry> e(n);
    std::uint64_t id = 0;
    for (auto& x : e) x.id = id += read_varint(raw, pos);
    for (auto& x : e) x.run = read_varint(raw, pos);
    for (auto& x : e) x.length = read_varint(raw, pos);
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint64_t v = read_varint(raw, pos);
        e[i].offset = v == 0 ? e[i - 1].offset + e[i - 1].length : v - 1;
    }
    EXPECT_EQ(pos, raw.size());
    return e;
}

/// Hilbert position d on a 2^z grid -> (x, y): the inverse walk, written independently of the writer.
std::tuple<std::uint32_t, std::uint32_t, std::uint32_t> zxy(std::uint64_t tile_id) {
    std::uint32_t z = 0;
    std::uint64_t first = 0;
    while (first + (std::uint64_t{1} << (2 * z)) <= tile_id) first += std::uint64_t{1} << (2 * z++);
    std::uint64_t t = tile_id - first, x = 0, y = 0;
    for (std::uint64_t s = 1; s < (std::uint64_t{1} << z); s *= 2) {
        const std::uint64_t rx = 1 & (t / 2), ry = 1 & (t ^ rx);
        if (ry == 0) {
            if (rx == 1) {
                x = s - 1 - x;
                y = s - 1 - y;
            }
            std::swap(x, y);
        }
        x += s * rx;
        y += s * ry;
        t /= 4;
    }
    return {z, static_cast<std::uint32_t>(x), static_cast<std::uint32_t>(y)};
}

struct Decoded {
    Header h;
    std::string metadata;
    std::vector<DirEntry> tile_entries;   ///< all entries with run > 0, in directory order
    std::size_t leaves = 0;
    std::map<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>, std::string> tiles;   ///< decompressed
};

void walk(const std::string& f, const Header& h, const std::vector<DirEntry>& dir, Decoded& d, int depth) {
    ASSERT_LT(depth, 4);
    for (const DirEntry& e : dir) {
        if (e.run == 0) {
            ++d.leaves;
            walk(f, h, parse_directory(gunzip(f.substr(h.leaf_off + e.offset, e.length))), d, depth + 1);
            continue;
        }
        d.tile_entries.push_back(e);
        ASSERT_GT(e.length, 0u);
        std::string blob = f.substr(h.data_off + e.offset, e.length);
        if (h.tile_comp == 2) blob = gunzip(blob);
        for (std::uint64_t i = 0; i < e.run; ++i) {
            const bool fresh = d.tiles.emplace(zxy(e.id + i), blob).second;
            EXPECT_TRUE(fresh) << "tile id " << e.id + i << " twice";
        }
    }
}

Decoded decode(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    const std::string f = ss.str();
    Decoded d;
    d.h = parse_header(f);
    EXPECT_EQ(d.h.root_off, 127u);
    EXPECT_LE(d.h.root_off + d.h.root_len, 16384u);
    EXPECT_EQ(d.h.internal_comp, 2);
    EXPECT_EQ(d.h.data_off + d.h.data_len, f.size());
    d.metadata = gunzip(f.substr(d.h.meta_off, d.h.meta_len));
    walk(f, d.h, parse_directory(gunzip(f.substr(d.h.root_off, d.h.root_len))), d, 0);
    return d;
}

// ---------------------------------------------------------------- fixtures
std::shared_ptr<const std::string> bytes(std::string s) { return std::make_shared<const std::string>(std::move(s)); }

std::string temp_dir(const std::string& name) {
    const fs::path d = fs::temp_directory_path() / ("tiler_test_pmtiles_" + name);
    fs::remove_all(d);
    fs::create_directories(d);
    return d.string();
}

Tileset base(TileFormat format, unsigned maxzoom) {
    Tileset ts;
    ts.info.name = "Test";
    ts.info.description = "synthetic";
    ts.info.attribution = "someone";
    ts.info.format = format;
    ts.info.minzoom = 0;
    ts.info.maxzoom = maxzoom;
    const double b[4] = {35.7272, 32.31, 42.38, 37.32};
    std::copy(b, b + 4, ts.info.bounds);
    ts.info.center[0] = 38.5;
    ts.info.center[1] = -35.25;
    ts.info.center[2] = 6;
    ts.info.vector_layers_json = R"([{"id":"control","fields":{"faction":"String"}}])";
    return ts;
}

void expect_roundtrip(const Tileset& ts, const Decoded& d) {
    ASSERT_EQ(d.tiles.size(), ts.tiles.size());
    for (const Tile& t : ts.tiles) {
        auto it = d.tiles.find({t.id.z, t.id.x, t.id.y});
        ASSERT_NE(it, d.tiles.end()) << t.id.z << "/" << t.id.x << "/" << t.id.y;
        EXPECT_EQ(it->second, *t.data) << t.id.z << "/" << t.id.x << "/" << t.id.y;
    }
}

/// Clustered: along the entries, each offset either continues the data written so far or points back.
void expect_clustered(const Decoded& d) {
    std::uint64_t end = 0;
    for (const DirEntry& e : d.tile_entries) {
        if (e.offset == end) end += e.length;
        else EXPECT_LT(e.offset, end) << "entry " << e.id << " jumps ahead";
    }
    EXPECT_EQ(end, d.h.data_len);
}

} // namespace

TEST(Pmtiles, TileIdsFollowTheSpec) {
    EXPECT_EQ(pmtiles::tile_id(0, 0, 0), 0u);
    EXPECT_EQ(pmtiles::tile_id(1, 0, 0), 1u);
    EXPECT_EQ(pmtiles::tile_id(1, 0, 1), 2u);
    EXPECT_EQ(pmtiles::tile_id(1, 1, 1), 3u);
    EXPECT_EQ(pmtiles::tile_id(1, 1, 0), 4u);
    EXPECT_EQ(pmtiles::tile_id(2, 0, 0), 5u);
    EXPECT_EQ(pmtiles::tile_id(3, 0, 0), 21u);
    EXPECT_EQ(pmtiles::tile_id(20, 0, 0), 366503875925u);
    for (std::uint32_t z = 0; z <= 6; ++z)
        for (std::uint32_t x = 0; x < (1u << z); ++x)
            for (std::uint32_t y = 0; y < (1u << z); ++y)
                ASSERT_EQ(zxy(pmtiles::tile_id(z, x, y)), std::make_tuple(z, x, y));
    EXPECT_EQ(zxy(pmtiles::tile_id(18, 155000, 101000)), std::make_tuple(18u, 155000u, 101000u));
    EXPECT_THROW(pmtiles::tile_id(2, 4, 0), Error);
}

TEST(Pmtiles, DirectorySerialisationMatchesTheSpecByteForByte) {
    // Two contiguous entries then one pointing back: ids delta-coded, columns, offset 0 = contiguous.
    const std::vector<pmtiles::Entry> e = {{1, 0, 10, 1}, {2, 10, 300, 2}, {7, 0, 10, 1}};
    const std::string s = pmtiles::serialize_directory(e);
    const std::string expected = {3,                                   // count
                                  1, 1, 5,                             // id deltas
                                  1, 2, 1,                             // run lengths
                                  10, static_cast<char>(0xac), 2, 10,  // lengths (300 = 0xac 0x02)
                                  1, 0, 1};                            // offsets: 0+1, contiguous, 0+1
    EXPECT_EQ(s, expected);
}

TEST(Pmtiles, VectorTilesRoundTripWithDedupAndRunLengths) {
    Tileset ts = base(TileFormat::Mvt, 3);
    auto sea = bytes("solid sea");
    ts.tiles.push_back({{0, 0, 0}, bytes("world")});
    for (std::uint32_t x = 0; x < 2; ++x)
        for (std::uint32_t y = 0; y < 2; ++y) ts.tiles.push_back({{1, x, y}, sea});   // ids 1..4: one run
    ts.tiles.push_back({{2, 0, 0}, bytes("z2 a")});                                     // id 5
    ts.tiles.push_back({{2, 1, 0}, bytes("solid sea")});                                // id 6: dedup, new run
    ts.tiles.push_back({{3, 7, 7}, bytes("deep")});
    const std::string path = temp_dir("mvt") + "/t.pmtiles";
    const PmtilesStats st = write_pmtiles(path, ts);
    const Decoded d = decode(path);
    expect_roundtrip(ts, d);
    expect_clustered(d);
    EXPECT_EQ(d.h.tile_type, 1);
    EXPECT_EQ(d.h.tile_comp, 2);
    EXPECT_EQ(d.h.clustered, 1);
    EXPECT_EQ(d.h.addressed, 8u);
    EXPECT_EQ(d.h.entries, 5u);    // world, run of 4 sea, z2 a, sea again, deep
    EXPECT_EQ(d.h.contents, 4u);   // world, sea, z2 a, deep
    EXPECT_EQ(d.tile_entries.size(), 5u);
    EXPECT_EQ(d.tile_entries[1].id, 1u);
    EXPECT_EQ(d.tile_entries[1].run, 4u);
    EXPECT_EQ(d.tile_entries[3].offset, d.tile_entries[1].offset);   // stored once
    EXPECT_EQ(st.addressed_tiles, 8u);
    EXPECT_EQ(st.tile_entries, 5u);
    EXPECT_EQ(st.tile_contents, 4u);
    EXPECT_EQ(d.leaves, 0u);
    EXPECT_EQ(d.h.minz, 0);
    EXPECT_EQ(d.h.maxz, 3);
    EXPECT_EQ(d.h.w, 357272000);
    EXPECT_EQ(d.h.s, 323100000);
    EXPECT_EQ(d.h.e, 423800000);
    EXPECT_EQ(d.h.n, 373200000);
    EXPECT_EQ(d.h.center_lon, 385000000);
    EXPECT_EQ(d.h.center_lat, -352500000);
    EXPECT_EQ(d.h.center_z, 6);
    EXPECT_EQ(d.metadata,
              R"({"name":"Test","description":"synthetic","attribution":"someone","version":"1.0.0",)"
              R"("type":"overlay","format":"pbf","vector_layers":[{"id":"control","fields":{"faction":"String"}}]})");
}

TEST(Pmtiles, StoresPrecompressedGzipAsGiven) {
    Tileset ts = base(TileFormat::Mvt, 1);
    const std::string text(300, 'b');
    // Stored (uncompressed) deflate blocks inside a gzip wrapper: valid gzip our writer would never make.
    const std::string gz = test::zlib_gzip(text, 0);
    ts.tiles.push_back({{0, 0, 0}, bytes(text), bytes(gz)});
    ts.tiles.push_back({{1, 0, 0}, bytes("plain")});
    const std::string path = temp_dir("pregz") + "/t.pmtiles";
    write_pmtiles(path, ts);
    const Decoded d = decode(path);
    EXPECT_EQ(d.tiles.at({0, 0, 0}), text);
    EXPECT_EQ(d.tiles.at({1, 0, 0}), "plain");
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    EXPECT_NE(ss.str().find(gz), std::string::npos);   // the given bytes, as they are
}

TEST(Pmtiles, PngTilesAreStoredUncompressed) {
    Tileset ts = base(TileFormat::Png, 1);
    ts.tiles.push_back({{1, 1, 0}, bytes("\x89PNG one")});
    ts.tiles.push_back({{0, 0, 0}, bytes("\x89PNG zero")});
    const std::string path = temp_dir("png") + "/t.pmtiles";
    write_pmtiles(path, ts);
    const Decoded d = decode(path);
    EXPECT_EQ(d.h.tile_type, 2);
    EXPECT_EQ(d.h.tile_comp, 1);
    EXPECT_EQ(d.h.data_len, std::string("\x89PNG one\x89PNG zero").size());
    expect_roundtrip(ts, d);
    EXPECT_EQ(d.metadata.find("vector_layers"), std::string::npos);
}

TEST(Pmtiles, HundredThousandDistinctTilesUseLeafDirectories) {
    Tileset ts = base(TileFormat::Png, 9);
    std::size_t i = 0;
    for (std::uint32_t z = 0; z <= 9 && i < 100000; ++z)
        for (std::uint32_t x = 0; x < (1u << z) && i < 100000; ++x)
            for (std::uint32_t y = 0; y < (1u << z) && i < 100000; ++y, ++i)
                ts.tiles.push_back({{z, x, y}, bytes("tile #" + std::to_string(i * 7919 % 100003))});
    ASSERT_EQ(ts.tiles.size(), 100000u);
    const std::string path = temp_dir("big") + "/t.pmtiles";
    const PmtilesStats st = write_pmtiles(path, ts);
    const Decoded d = decode(path);
    EXPECT_GT(d.leaves, 1u);
    EXPECT_EQ(st.leaf_directories, d.leaves);
    EXPECT_EQ(d.h.addressed, 100000u);
    EXPECT_EQ(d.h.entries, 100000u);
    EXPECT_EQ(d.h.contents, 100000u);
    expect_roundtrip(ts, d);
    expect_clustered(d);
    for (std::size_t k = 1; k < d.tile_entries.size(); ++k) ASSERT_LT(d.tile_entries[k - 1].id, d.tile_entries[k].id);
}

TEST(Pmtiles, SmallLeafOptionsForceLeavesAndRunsSpanThem) {
    Tileset ts = base(TileFormat::Mvt, 4);
    auto solid = bytes("solid");
    for (std::uint32_t z = 0; z <= 4; ++z)
        for (std::uint32_t x = 0; x < (1u << z); ++x)
            for (std::uint32_t y = 0; y < (1u << z); ++y)
                ts.tiles.push_back({{z, x, y}, (x + y) % 5 == 0 ? bytes("odd " + std::to_string(z)) : solid});
    const std::string path = temp_dir("leaves") + "/t.pmtiles";
    PmtilesOptions opt;
    opt.max_root_entries = 4;
    opt.leaf_entries = 8;
    write_pmtiles(path, ts, opt);
    const Decoded d = decode(path);
    EXPECT_GT(d.leaves, 2u);
    expect_roundtrip(ts, d);
    expect_clustered(d);
    EXPECT_EQ(d.h.contents, 6u);   // solid + one "odd z" per zoom
    EXPECT_LT(d.h.entries, d.h.addressed);
    std::uint64_t runs = 0;
    for (const auto& e : d.tile_entries) runs += e.run;
    EXPECT_EQ(runs, d.h.addressed);
}

TEST(Pmtiles, DeterministicAndAtomic) {
    Tileset ts = base(TileFormat::Mvt, 2);
    for (std::uint32_t x = 0; x < 4; ++x) ts.tiles.push_back({{2, x, 1}, bytes("t" + std::to_string(x % 2))});
    const std::string dir = temp_dir("det");
    write_pmtiles(dir + "/a.pmtiles", ts);
    std::reverse(ts.tiles.begin(), ts.tiles.end());
    write_pmtiles(dir + "/b.pmtiles", ts);
    auto slurp = [](const std::string& p) {
        std::ifstream in(p, std::ios::binary);
        std::ostringstream s;
        s << in.rdbuf();
        return s.str();
    };
    const std::string a = slurp(dir + "/a.pmtiles");
    EXPECT_TRUE(a == slurp(dir + "/b.pmtiles"));
    ts.tiles.push_back({{2, 0, 1}, bytes("dup")});
    EXPECT_THROW(write_pmtiles(dir + "/a.pmtiles", ts), Error);
    EXPECT_TRUE(a == slurp(dir + "/a.pmtiles"));
    EXPECT_THROW(write_pmtiles(dir + "/empty.pmtiles", base(TileFormat::Mvt, 2)), Error);
    EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 2);
}
