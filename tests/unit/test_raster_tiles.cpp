#include "raster/raster_tiles.hpp"

#include "archive/mbtiles.hpp"
#include "raster/vips_image.hpp"
#include "tiling/mercator.hpp"

#include "../support/raster_fixture.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <tuple>

using namespace tiler;
using tiler::testing::RasterFixture;
using vips::VImage;

namespace {

RasterTileOptions options(unsigned maxzoom, unsigned jobs) {
    RasterTileOptions o;
    o.minzoom = 0;
    o.maxzoom = maxzoom;
    o.jobs = jobs;
    return o;
}

std::map<mercator::TileId, std::shared_ptr<const std::string>> by_id(const Tileset& ts) {
    std::map<mercator::TileId, std::shared_ptr<const std::string>> m;
    for (const Tile& t : ts.tiles) m[t.id] = t.data;
    return m;
}

std::string read_file(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(f), {});
}

/// Tile and pixel of lon/lat at zoom z (256 px).
std::pair<mercator::TileId, std::pair<int, int>> locate(double lon, double lat, unsigned z) {
    double wx, wy;
    mercator::to_world(lon, lat, wx, wy);
    const double n = std::ldexp(256.0, static_cast<int>(z));
    const auto px = static_cast<long>(wx * n), py = static_cast<long>(wy * n);
    return {mercator::TileId{z, static_cast<std::uint32_t>(px / 256), static_cast<std::uint32_t>(py / 256)},
            {static_cast<int>(px % 256), static_cast<int>(py % 256)}};
}

} // namespace

TEST(RasterTiles, EveryZoomDecodesAndSolidTilesAreShared) {
    RasterFixture f;
    RasterTileOptions o = options(10, 2);
    o.minzoom = 2;
    RasterTiler tiler(f.base, f.style, o);
    const auto scene = raster_scene(f.ctx, f.day(0), f.style);
    const RasterDayTiles day = tiler.render_day(f.ctx, scene, raster_tileset_info(f.base, "2024-11-26", "test", tiler.options()));
    ASSERT_GT(day.tiles.tiles.size(), 0u);
    EXPECT_EQ(day.tiles.tiles.size(), day.tiles2x.tiles.size());
    EXPECT_EQ(day.stats.tiles, day.tiles.tiles.size());
    EXPECT_EQ(day.stats.rendered + day.stats.solid, day.stats.tiles);
    EXPECT_GT(day.stats.solid, 0u);
    std::set<unsigned> zooms;
    std::set<const std::string*> distinct;
    for (const Tile& t : day.tiles.tiles) {
        zooms.insert(t.id.z);
        distinct.insert(t.data.get());
    }
    EXPECT_EQ(zooms.size(), 9u);
    EXPECT_EQ(*zooms.begin(), 2u);
    EXPECT_LT(distinct.size(), day.tiles.tiles.size()) << "solid tiles are not shared";
    // Tiles decode to 256x256 RGBA; @2x to 512x512.
    for (std::size_t i = 0; i < day.tiles.tiles.size(); i += 11) {
        const VImage a = decode_image(*day.tiles.tiles[i].data);
        const VImage b = decode_image(*day.tiles2x.tiles[i].data);
        EXPECT_EQ(a.width(), 256);
        EXPECT_EQ(a.bands(), 4);
        EXPECT_EQ(b.width(), 512);
    }
    // A buffer shared by several tiles is a solid tile: one faction's colour everywhere, one buffer per colour.
    std::map<const std::string*, std::size_t> uses;
    for (const Tile& t : day.tiles.tiles) ++uses[t.data.get()];
    std::set<std::tuple<int, int, int, int>> colours;
    std::size_t shared_tiles = 0;
    for (const auto& [buf, count] : uses) {
        if (count < 2) continue;
        const VImage img = decode_image(*buf);
        for (int b = 0; b < 4; ++b) EXPECT_EQ(img[b].min(), img[b].max());
        const Rgba c = pixel_at(img, 0, 0);
        EXPECT_TRUE(c == f.style.fill[0] || c == f.style.fill[1]);
        EXPECT_TRUE(colours.emplace(c.r, c.g, c.b, c.a).second) << "two shared buffers for one colour";
        shared_tiles += count;
    }
    EXPECT_GE(colours.size(), 1u);
    EXPECT_LE(shared_tiles, day.stats.solid);
}

TEST(RasterTiles, UnchangedTilesReuseThePreviousDay) {
    RasterFixture f;
    RasterTiler tiler(f.base, f.style, options(8, 2));
    const auto info = raster_tileset_info(f.base, "d", "", tiler.options());
    const RasterDayTiles d0 = tiler.render_day(f.ctx, raster_scene(f.ctx, f.day(0), f.style), info);
    const RasterDayTiles d1 = tiler.render_day(f.ctx, raster_scene(f.ctx, f.day(1), f.style), info);
    EXPECT_GT(d1.stats.reused, 0u);
    EXPECT_GT(d1.stats.rendered, 0u);
    const auto m0 = by_id(d0.tiles), m1 = by_id(d1.tiles);
    // The diagonal in the south-west did not change: same buffer. The NE corner changed: new bytes.
    const auto sw = locate(37.2, 33.4, 8).first;
    EXPECT_EQ(m0.at(sw).get(), m1.at(sw).get());
    EXPECT_EQ(*by_id(d0.tiles2x).at(sw), *by_id(d1.tiles2x).at(sw));
    const auto ne = locate(37.6, 34.6, 8).first;
    EXPECT_NE(*m0.at(ne), *m1.at(ne));
    // Reuse gives the same bytes a fresh render does.
    RasterTiler fresh(f.base, f.style, options(8, 1));
    const RasterDayTiles f1 = fresh.render_day(f.ctx, raster_scene(f.ctx, f.day(1), f.style), info);
    EXPECT_EQ(f1.stats.reused, 0u);
    ASSERT_EQ(f1.tiles.tiles.size(), d1.tiles.tiles.size());
    for (std::size_t i = 0; i < f1.tiles.tiles.size(); ++i) {
        EXPECT_EQ(f1.tiles.tiles[i].id, d1.tiles.tiles[i].id);
        EXPECT_EQ(*f1.tiles.tiles[i].data, *d1.tiles.tiles[i].data);
    }
}

TEST(RasterTiles, RasterAgreesWithTheVectorGeometry) {
    RasterFixture f;
    RasterTileOptions o = options(9, 2);
    o.retina = false;
    RasterTiler tiler(f.base, f.style, o);
    const auto info = raster_tileset_info(f.base, "d", "", tiler.options());
    for (int n : {0, 1}) {
        const DayMap day = f.day(n);
        const RasterDayTiles t = tiler.render_day(f.ctx, raster_scene(f.ctx, day, f.style), info);
        const auto m = by_id(t.tiles);
        for (const auto& [lon, lat] : std::vector<std::pair<double, double>>{
                 {36.3, 33.5}, {37.7, 33.4}, {37.8, 34.8}, {37.5, 34.7}, {37.0, 34.25}}) {
            for (unsigned z : {7u, 9u}) {
                const auto [id, px] = locate(lon, lat, z);
                const VImage img = decode_image(*m.at(id));
                EXPECT_EQ(pixel_at(img, px.first, px.second), f.style.fill[f.style.index(f.faction_at(day, lon, lat))])
                    << "day " << n << " z" << z << " " << lon << "," << lat;
            }
        }
    }
}

TEST(RasterTiles, DeterministicAcrossJobCounts) {
    RasterFixture f;
    const auto scene = raster_scene(f.ctx, f.day(1), f.style);
    RasterTiler a(f.base, f.style, options(7, 1)), b(f.base, f.style, options(7, 2));
    const auto info = raster_tileset_info(f.base, "d", "", a.options());
    const RasterDayTiles ta = a.render_day(f.ctx, scene, info), tb = b.render_day(f.ctx, scene, info);
    ASSERT_EQ(ta.tiles.tiles.size(), tb.tiles.tiles.size());
    for (std::size_t i = 0; i < ta.tiles.tiles.size(); ++i) EXPECT_EQ(*ta.tiles.tiles[i].data, *tb.tiles.tiles[i].data);
}

TEST(RasterTiles, ArchivesReadBack) {
    RasterFixture f;
    RasterTileOptions o = options(8, 2);
    o.minzoom = 5;
    RasterTiler tiler(f.base, f.style, o);
    const RasterDayTiles day = tiler.render_day(f.ctx, raster_scene(f.ctx, f.day(1), f.style),
                                                raster_tileset_info(f.base, "2024-11-27", "OCHA", o));
    const std::string dir = ::testing::TempDir() + "raster_archives";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    write_raster_day(dir, "2024-11-27", day);

    const Tile& probe = day.tiles.tiles.back();
    const std::string rel = std::to_string(probe.id.z) + "/" + std::to_string(probe.id.x) + "/" + std::to_string(probe.id.y);
    EXPECT_EQ(read_file(dir + "/2024-11-27/" + rel + ".png"), *probe.data);
    EXPECT_EQ(decode_image(read_file(dir + "/2024-11-27/" + rel + "@2x.png")).width(), 512);

    // MBTiles with the sqlite3 C API: format png, the tile at its TMS row.
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open_v2((dir + "/2024-11-27.mbtiles").c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    auto query = [&](const std::string& sql) {
        sqlite3_stmt* st = nullptr;
        EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr), SQLITE_OK) << sql;
        std::string out;
        if (sqlite3_step(st) == SQLITE_ROW)
            out.assign(static_cast<const char*>(sqlite3_column_blob(st, 0)), static_cast<std::size_t>(sqlite3_column_bytes(st, 0)));
        sqlite3_finalize(st);
        return out;
    };
    EXPECT_EQ(query("SELECT value FROM metadata WHERE name='format'"), "png");
    EXPECT_EQ(query("SELECT count(*) FROM tiles"), std::to_string(day.tiles.tiles.size()));
    const std::string blob = query("SELECT tile_data FROM tiles WHERE zoom_level=" + std::to_string(probe.id.z) +
                                   " AND tile_column=" + std::to_string(probe.id.x) +
                                   " AND tile_row=" + std::to_string(mercator::tms_row(probe.id.z, probe.id.y)));
    EXPECT_EQ(blob, *probe.data);
    sqlite3_close(db);

    // PMTiles v3 header: tile type 2 = PNG, zooms, and the tile bytes inside the file.
    const std::string pm = read_file(dir + "/2024-11-27.pmtiles");
    ASSERT_GT(pm.size(), 127u);
    EXPECT_EQ(pm.substr(0, 7), "PMTiles");
    EXPECT_EQ(static_cast<int>(pm[99]), 2);
    EXPECT_EQ(static_cast<int>(pm[100]), 5);
    EXPECT_EQ(static_cast<int>(pm[101]), 8);
    EXPECT_NE(pm.find(*probe.data), std::string::npos);

    // TileJSON: relative to the raster folder by default, absolute when told where that folder is served.
    const auto tj = nlohmann::json::parse(read_file(dir + "/2024-11-27.json"));
    ASSERT_EQ(tj["tiles"].size(), 1u);
    EXPECT_EQ(tj["tiles"][0], "2024-11-27/{z}/{x}/{y}.png");
    EXPECT_EQ(tj["minzoom"], 5);
    RasterWriteOptions wo;
    wo.dir_url = "https://example.org/syria/raster/";
    write_raster_day(dir, "2024-11-27", day, wo);
    const auto abs = nlohmann::json::parse(read_file(dir + "/2024-11-27.json"));
    ASSERT_EQ(abs["tiles"].size(), 1u);
    EXPECT_EQ(abs["tiles"][0], "https://example.org/syria/raster/2024-11-27/{z}/{x}/{y}.png");
    EXPECT_EQ(abs["minzoom"], 5);
}
