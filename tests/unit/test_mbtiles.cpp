// MBTiles writer, read back with the SQLite C API and zlib directly.
#include "archive/mbtiles.hpp"
#include "core/error.hpp"

#include "../support/zlib_reference.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace tiler;

namespace {

std::shared_ptr<const std::string> bytes(std::string s) { return std::make_shared<const std::string>(std::move(s)); }

Tileset sample(TileFormat format) {
    Tileset ts;
    ts.info.name = "Test 2024-11-30";
    ts.info.description = "synthetic";
    ts.info.attribution = "<a href=\"https://example.org\">someone</a>";
    ts.info.format = format;
    ts.info.minzoom = 0;
    ts.info.maxzoom = 2;
    ts.info.bounds[0] = 35.7272;
    ts.info.bounds[1] = 32.31;
    ts.info.bounds[2] = 42.38;
    ts.info.bounds[3] = 37.32;
    ts.info.center[0] = 38.5;
    ts.info.center[1] = 35.0;
    ts.info.center[2] = 6;
    ts.info.vector_layers_json = R"([{"id":"control","fields":{"faction":"String"},"minzoom":0,"maxzoom":2}])";
    auto solid = bytes("solid tile");   // shared by many tiles
    ts.tiles.push_back({{0, 0, 0}, bytes("world")});
    for (std::uint32_t x = 0; x < 2; ++x)
        for (std::uint32_t y = 0; y < 2; ++y) ts.tiles.push_back({{1, x, y}, solid});
    ts.tiles.push_back({{2, 2, 1}, bytes("solid tile")});   // equal bytes, another buffer
    ts.tiles.push_back({{2, 3, 0}, bytes("z2 corner")});
    return ts;
}

std::string temp_dir(const std::string& name) {
    const fs::path d = fs::temp_directory_path() / ("tiler_test_mbtiles_" + name);
    fs::remove_all(d);
    fs::create_directories(d);
    return d.string();
}

std::string read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string gunzip(const std::string& in) { return test::zlib_gunzip(in); }

/// Minimal reader on the raw SQLite API.
struct Db {
    sqlite3* db = nullptr;
    explicit Db(const std::string& path) {
        EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK) << path;
    }
    ~Db() { sqlite3_close(db); }
    std::vector<std::vector<std::string>> rows(const std::string& sql) {
        sqlite3_stmt* st = nullptr;
        EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr), SQLITE_OK) << sql << ": " << sqlite3_errmsg(db);
        std::vector<std::vector<std::string>> out;
        while (st && sqlite3_step(st) == SQLITE_ROW) {
            std::vector<std::string> row;
            for (int c = 0; c < sqlite3_column_count(st); ++c) {
                const void* p = sqlite3_column_blob(st, c);
                const int n = sqlite3_column_bytes(st, c);
                row.emplace_back(p ? std::string(static_cast<const char*>(p), static_cast<std::size_t>(n)) : "");
            }
            out.push_back(row);
        }
        sqlite3_finalize(st);
        return out;
    }
    std::string one(const std::string& sql) {
        auto r = rows(sql);
        return r.empty() || r[0].empty() ? "<none>" : r[0][0];
    }
};

} // namespace

TEST(Mbtiles, MetadataRowsForVectorTiles) {
    const std::string path = temp_dir("meta") + "/t.mbtiles";
    write_mbtiles(path, sample(TileFormat::Mvt));
    Db db(path);
    std::map<std::string, std::string> meta;
    for (auto& r : db.rows("SELECT name, value FROM metadata")) meta[r[0]] = r[1];
    EXPECT_EQ(meta["name"], "Test 2024-11-30");
    EXPECT_EQ(meta["format"], "pbf");
    EXPECT_EQ(meta["bounds"], "35.7272,32.31,42.38,37.32");
    EXPECT_EQ(meta["center"], "38.5,35,6");
    EXPECT_EQ(meta["minzoom"], "0");
    EXPECT_EQ(meta["maxzoom"], "2");
    EXPECT_EQ(meta["type"], "overlay");
    EXPECT_EQ(meta["version"], "1.0.0");
    EXPECT_EQ(meta["description"], "synthetic");
    EXPECT_EQ(meta["attribution"], "<a href=\"https://example.org\">someone</a>");
    EXPECT_EQ(meta["json"],
              R"({"vector_layers":[{"id":"control","fields":{"faction":"String"},"minzoom":0,"maxzoom":2}]})");
    EXPECT_EQ(meta.size(), 11u);
    EXPECT_EQ(db.one("PRAGMA application_id"), "1297105496");
    EXPECT_EQ(db.one("PRAGMA page_size"), "4096");
}

TEST(Mbtiles, PngHasNoJsonRowAndStoresBytesAsIs) {
    const std::string path = temp_dir("png") + "/t.mbtiles";
    write_mbtiles(path, sample(TileFormat::Png));
    Db db(path);
    EXPECT_EQ(db.one("SELECT value FROM metadata WHERE name='format'"), "png");
    EXPECT_EQ(db.one("SELECT count(*) FROM metadata WHERE name='json'"), "0");
    EXPECT_EQ(db.one("SELECT tile_data FROM tiles WHERE zoom_level=0"), "world");
}

TEST(Mbtiles, TmsRowsGzipAndDedup) {
    const std::string path = temp_dir("tms") + "/t.mbtiles";
    write_mbtiles(path, sample(TileFormat::Mvt));
    Db db(path);
    // XYZ 2/3/0 is TMS row 3; 2/2/1 is TMS row 2.
    const std::string corner = db.one("SELECT tile_data FROM tiles WHERE zoom_level=2 AND tile_column=3 AND tile_row=3");
    ASSERT_GE(corner.size(), 2u);
    EXPECT_EQ(static_cast<unsigned char>(corner[0]), 0x1f);
    EXPECT_EQ(static_cast<unsigned char>(corner[1]), 0x8b);
    EXPECT_EQ(gunzip(corner), "z2 corner");
    EXPECT_EQ(gunzip(db.one("SELECT tile_data FROM tiles WHERE zoom_level=2 AND tile_column=2 AND tile_row=2")),
              "solid tile");
    EXPECT_EQ(db.one("SELECT count(*) FROM tiles WHERE zoom_level=2 AND tile_row IN (0,1)"), "0");
    // XYZ 1/0/0 (north-west) is TMS row 1.
    EXPECT_EQ(gunzip(db.one("SELECT tile_data FROM tiles WHERE zoom_level=1 AND tile_column=0 AND tile_row=1")),
              "solid tile");
    EXPECT_EQ(db.one("SELECT count(*) FROM map"), "7");
    EXPECT_EQ(db.one("SELECT count(*) FROM tiles"), "7");
    EXPECT_EQ(db.one("SELECT count(*) FROM images"), "3");   // world, solid tile, z2 corner
    EXPECT_EQ(db.one("SELECT count(DISTINCT tile_id) FROM map"), "3");
    // tile_id is the hash of the stored bytes.
    for (auto& r : db.rows("SELECT tile_id, tile_data FROM images")) EXPECT_EQ(r[0], mbtiles_tile_id(r[1]));
    EXPECT_EQ(db.one("PRAGMA integrity_check"), "ok");
}

TEST(Mbtiles, StoresPrecompressedGzipAsGiven) {
    const std::string path = temp_dir("pregz") + "/t.mbtiles";
    Tileset ts = sample(TileFormat::Mvt);
    const std::string text(300, 'a');   // compresses differently at levels 0 and 6
    const auto data = bytes(text);
    const auto gz = bytes(test::zlib_gzip(text, 0));
    ts.tiles.push_back({{2, 0, 3}, data, gz});
    ts.tiles.push_back({{2, 1, 3}, data, gz});
    write_mbtiles(path, ts);
    Db db(path);
    const std::string stored = db.one("SELECT tile_data FROM tiles WHERE zoom_level=2 AND tile_column=0 AND tile_row=0");
    EXPECT_TRUE(stored == *gz);   // taken as is, not compressed again
    EXPECT_EQ(gunzip(stored), text);
    EXPECT_EQ(db.one("SELECT count(*) FROM images"), "4");
    // Without the precomputed bytes the writer compresses itself: other bytes, same tile.
    ts.tiles.pop_back();
    ts.tiles.back().gzip = nullptr;
    const std::string path2 = temp_dir("pregz2") + "/t.mbtiles";
    write_mbtiles(path2, ts);
    Db db2(path2);
    const std::string own = db2.one("SELECT tile_data FROM tiles WHERE zoom_level=2 AND tile_column=0 AND tile_row=0");
    EXPECT_FALSE(own == *gz);
    EXPECT_EQ(gunzip(own), text);
}

TEST(Mbtiles, DeterministicBytes) {
    const std::string dir = temp_dir("det");
    Tileset a = sample(TileFormat::Mvt);
    Tileset b = sample(TileFormat::Mvt);
    std::reverse(b.tiles.begin(), b.tiles.end());   // input order does not matter
    write_mbtiles(dir + "/a.mbtiles", a);
    write_mbtiles(dir + "/b.mbtiles", b);
    const std::string fa = read_all(dir + "/a.mbtiles");
    EXPECT_GT(fa.size(), 0u);
    EXPECT_TRUE(fa == read_all(dir + "/b.mbtiles"));
}

TEST(Mbtiles, FailureLeavesPreviousFileAndNoTemporary) {
    const std::string dir = temp_dir("atomic");
    const std::string path = dir + "/t.mbtiles";
    write_mbtiles(path, sample(TileFormat::Png));
    const std::string before = read_all(path);
    Tileset bad = sample(TileFormat::Png);
    bad.tiles.push_back({{1, 0, 0}, bytes("duplicate")});
    try {
        write_mbtiles(path, bad);
        FAIL() << "expected an Error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("1/0/0 appears twice"), std::string::npos) << e.what();
    }
    EXPECT_TRUE(read_all(path) == before);
    EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);
}

TEST(Mbtiles, RejectsTilesOutsideTheZoomRangeOrGrid) {
    const std::string path = temp_dir("range") + "/t.mbtiles";
    Tileset ts = sample(TileFormat::Png);
    ts.tiles.push_back({{3, 0, 0}, bytes("too deep")});
    EXPECT_THROW(write_mbtiles(path, ts), Error);
    Tileset off = sample(TileFormat::Png);
    off.tiles.push_back({{1, 2, 0}, bytes("off grid")});
    EXPECT_THROW(write_mbtiles(path, off), Error);
    EXPECT_FALSE(fs::exists(path));
}

TEST(Mbtiles, RejectsBadVectorLayersJson) {
    const std::string path = temp_dir("json") + "/t.mbtiles";
    Tileset ts = sample(TileFormat::Mvt);
    ts.info.vector_layers_json = R"({"id":"control"})";
    EXPECT_THROW(write_mbtiles(path, ts), Error);
    ts.info.vector_layers_json = "[{\"fields\":{}}]";
    EXPECT_THROW(write_mbtiles(path, ts), Error);
}
