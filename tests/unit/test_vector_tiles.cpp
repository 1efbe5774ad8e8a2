// Vector tiles of a synthetic multi-day map: every tile is read back by the independent strict decoder
// and by GDAL's MVT driver.
#include "tiling/vector_tiles.hpp"

#include "archive/gzip.hpp"

#include "../support/mvt_decoder.hpp"
#include "tiling/mercator.hpp"

#include <gdal.h>
#include <ogr_api.h>
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

using namespace tiler;
namespace fs = std::filesystem;

namespace {

geos::Geom wkt(const geos::Context& ctx, const std::string& s) { return ctx.snap_to_grid(ctx.from_wkt(s).get()); }

/// Polygon west of the wavy line lon = 37.2 + 0.15 sin(8 lat) inside the box.
geos::Geom west_of_wave(const geos::Context& ctx) {
    std::ostringstream os;
    os.precision(10);
    os << "POLYGON((35.9 32.9";
    for (int i = 0; i <= 300; ++i) {
        const double lat = 32.9 + i * (2.7 / 300);
        os << ", " << 37.2 + 0.15 * std::sin(8 * lat) << ' ' << lat;
    }
    os << ", 35.9 35.6, 35.9 32.9))";
    return wkt(ctx, os.str());
}

struct Fixture {
    geos::Context ctx;
    Sources src;
    std::vector<DayMap> days;

    Fixture() {
        src.styles.factions = {{"government", "Government", "#d7301f", "#8c1d12"},
                               {"hts", "HTS", "#4d7c3f", "#2d4a25"},
                               {"sna", "SNA", "#a6d96a", "#5f8a2e"},
                               {"sdf", "SDF", "#f2c230", "#a9831a"}};
        src.attribution = "test";
        src.country = wkt(ctx, "POLYGON((36 33, 38.5 33, 38.5 35.5, 36 35.5, 36 33))");
        src.governorates.push_back({"SY01", "North", "", wkt(ctx, "POLYGON((36 34.2, 38.5 34.2, 38.5 35.5, 36 35.5, 36 34.2))")});
        src.governorates.push_back({"SY02", "South", "", wkt(ctx, "POLYGON((36 33, 38.5 33, 38.5 34.2, 36 34.2, 36 33))")});
        auto place = [&](const char* id, double lon, double lat, int rank) {
            Place p;
            p.id = id;
            p.name = std::string("Place ") + id;
            p.lon = lon;
            p.lat = lat;
            p.kind = rank <= 2 ? "city" : "village";
            p.rank = rank;
            src.places.push_back(p);
        };
        place("a", 36.5, 34.0, 1);    // government throughout
        place("b", 37.6, 34.2, 2);    // hts, then sna from day 1
        place("c", 37.01, 34.71, 3);  // government, taken by hts on day 3
        place("d", 38.2, 33.3, 4);
        place("e", 36.3, 35.3, 5);

        const geos::Geom west = ctx.intersection(src.country.get(), west_of_wave(ctx).get());
        const geos::Geom island = wkt(ctx, "POLYGON((36.3 33.3, 36.6 33.35, 36.55 33.6, 36.35 33.55, 36.3 33.3))");
        const geos::Geom circle = ctx.snap_to_grid(
            ctx.own(GEOSBuffer_r(ctx.handle(), ctx.point(37.6, 34.2).get(), 0.25, 16), "buffer").get());
        const geos::Geom box3 = wkt(ctx, "POLYGON((36.8 34.5, 37.2 34.5, 37.2 34.9, 36.8 34.9, 36.8 34.5))");

        std::map<std::string, geos::Geom> m;
        m["government"] = ctx.difference(west.get(), island.get());
        m["hts"] = ctx.difference(src.country.get(), west.get());
        m["sdf"] = ctx.clone(island.get());
        add_day(Date::from_ymd(2024, 11, 26), m);
        m["sna"] = ctx.intersection(circle.get(), src.country.get());
        m["government"] = ctx.difference(m["government"].get(), circle.get());
        m["hts"] = ctx.difference(m["hts"].get(), circle.get());
        add_day(Date::from_ymd(2024, 11, 27), m);
        add_day(Date::from_ymd(2024, 11, 28), m);   // nothing happened
        m["hts"] = ctx.union_(m["hts"].get(), ctx.intersection(m["government"].get(), box3.get()).get());
        m["government"] = ctx.difference(m["government"].get(), box3.get());
        add_day(Date::from_ymd(2024, 11, 29), m);
    }

    void add_day(Date date, const std::map<std::string, geos::Geom>& m) {
        DayMap day;
        day.date = date;
        for (const Faction& f : src.styles.factions) {
            const auto it = m.find(f.id);
            if (it == m.end()) continue;
            Control c;
            c.faction = f.id;
            c.geom = ctx.polygonal(ctx.clone(it->second.get()));
            c.area_km2 = geos::area_km2(ctx, c.geom.get());
            day.control.push_back(std::move(c));
        }
        if (!days.empty())
            for (const Control& before : days.back().control)
                for (const Control& after : day.control) {
                    if (before.faction == after.faction) continue;
                    geos::Geom g = ctx.polygonal(ctx.intersection(before.geom.get(), after.geom.get()));
                    const double km2 = geos::area_km2(ctx, g.get());
                    if (km2 <= 0) continue;
                    day.changes.push_back(Change{before.faction, after.faction, std::move(g), km2, {}});
                }
        days.push_back(std::move(day));
    }
};

Fixture& fixture() {
    static Fixture f;
    return f;
}

VectorTileOptions options(unsigned maxzoom) {
    VectorTileOptions o;
    o.minzoom = 0;
    o.maxzoom = maxzoom;
    o.jobs = 2;
    return o;
}

constexpr unsigned kMaxZoom = 10;

const std::vector<Tileset>& tiles_fixture() {
    static const std::vector<Tileset> t = build_vector_tiles(fixture().ctx, fixture().src, fixture().days, options(kMaxZoom));
    return t;
}

const Tile* find_tile(const Tileset& ts, std::uint32_t z, std::uint32_t x, std::uint32_t y) {
    for (const Tile& t : ts.tiles)
        if (t.id == mercator::TileId{z, x, y}) return &t;
    return nullptr;
}

/// Tile containing lon/lat at zoom z.
mercator::TileId tile_at(double lon, double lat, std::uint32_t z) {
    std::uint32_t x0, y0, x1, y1;
    mercator::tile_range(z, lon, lat, lon, lat, x0, y0, x1, y1);
    return {z, x0, y0};
}

} // namespace

TEST(VectorTiles, EveryTileIsSpecValidForTheStrictDecoder) {
    const auto& sets = tiles_fixture();
    ASSERT_EQ(sets.size(), 4u);
    std::size_t checked = 0;
    for (const Tileset& ts : sets) {
        std::set<mercator::TileId> ids;
        std::set<unsigned> zooms;
        for (const Tile& t : ts.tiles) {
            ASSERT_TRUE(t.data);
            EXPECT_TRUE(ids.insert(t.id).second) << "tile listed twice";
            zooms.insert(t.id.z);
            test::DecodeOptions o;
            o.max_buffer = 64;
            const auto d = test::decode_strict(*t.data, o);
            EXPECT_TRUE(d.violations.empty()) << t.id.z << "/" << t.id.x << "/" << t.id.y << "\n" << d.to_text();
            EXPECT_NE(d.layer("control"), nullptr);
            ++checked;
        }
        EXPECT_EQ(zooms.size(), kMaxZoom + 1);
    }
    EXPECT_GT(checked, 4u * 80);
}

TEST(VectorTiles, FactionsTileEveryInnerTileWithoutGapsOrOverlaps) {
    geos::Context ctx;
    const auto& sets = tiles_fixture();
    std::size_t inner = 0;
    for (const Tileset& ts : sets)
        for (const Tile& t : ts.tiles) {
            if (t.id.z < 6) continue;
            // Tiles whose buffered square lies inside the country [36, 38.5] x [33, 35.5].
            double minx, miny, maxx, maxy, w, s, e, n;
            mercator::tile_bounds_m(t.id, minx, miny, maxx, maxy);
            const double pad = (maxx - minx) / 64;
            mercator::to_lonlat(minx - pad, miny - pad, w, s);
            mercator::to_lonlat(maxx + pad, maxy + pad, e, n);
            if (w <= 36 || s <= 33 || e >= 38.5 || n >= 35.5) continue;
            const auto d = test::decode_strict(*t.data);
            const auto* control = d.layer("control");
            ASSERT_NE(control, nullptr);
            std::vector<geos::Geom> parts;
            double sum = 0;
            for (const auto& f : control->features) {
                parts.push_back(ctx.from_wkt(f.wkt()));
                sum += ctx.planar_area(parts.back().get());
            }
            const double square = 4224.0 * 4224.0;
            EXPECT_EQ(sum, square) << t.id.z << "/" << t.id.x << "/" << t.id.y << " gap or overlap\n" << d.to_text();
            geos::Geom all = ctx.collect(std::move(parts), GEOS_GEOMETRYCOLLECTION);
            geos::Geom u = ctx.own(GEOSUnaryUnion_r(ctx.handle(), all.get()), "union");
            EXPECT_EQ(ctx.planar_area(u.get()), square);
            ++inner;
        }
    EXPECT_GT(inner, 40u);
}

TEST(VectorTiles, CanonicalBytesSharedBuffersAndUnchangedDaysReused) {
    const auto& a = tiles_fixture();
    VectorTileStats stats;
    const auto b = build_vector_tiles(fixture().ctx, fixture().src, fixture().days, options(kMaxZoom), &stats);
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t d = 0; d < a.size(); ++d) {
        ASSERT_EQ(a[d].tiles.size(), b[d].tiles.size());
        for (std::size_t i = 0; i < a[d].tiles.size(); ++i) {
            EXPECT_EQ(a[d].tiles[i].id, b[d].tiles[i].id);
            EXPECT_EQ(*a[d].tiles[i].data, *b[d].tiles[i].data);
        }
    }
    // Identical bytes are one buffer.
    std::map<std::string, const std::string*> seen;
    for (const Tileset& ts : b)
        for (const Tile& t : ts.tiles) {
            auto [it, added] = seen.emplace(*t.data, t.data.get());
            EXPECT_EQ(it->second, t.data.get());
        }
    EXPECT_EQ(seen.size(), stats.unique);
    // Each buffer is compressed once for the archives: the gzip bytes are shared the way the buffers are,
    // and decompress to the tile.
    std::map<const std::string*, const std::string*> gzip_of;
    for (const Tileset& ts : b)
        for (const Tile& t : ts.tiles) {
            ASSERT_NE(t.gzip, nullptr);
            const auto [it, added] = gzip_of.emplace(t.data.get(), t.gzip.get());
            EXPECT_EQ(it->second, t.gzip.get());
            if (added) {
                EXPECT_EQ(gzip_decompress(*t.gzip), *t.data);
            }
        }
    EXPECT_EQ(gzip_of.size(), stats.unique);
    // Day 2 repeats day 1's control (only day 1's `changes` are gone): tiles away from the change are
    // day 1's buffers, taken over without encoding.
    ASSERT_EQ(b[1].tiles.size(), b[2].tiles.size());
    std::size_t same = 0;
    for (std::size_t i = 0; i < b[1].tiles.size(); ++i)
        if (b[1].tiles[i].data.get() == b[2].tiles[i].data.get()) ++same;
    EXPECT_GT(same, b[2].tiles.size() / 2);
    EXPECT_GE(stats.reused, same);
    EXPECT_GT(stats.solid, 0u);
    EXPECT_LT(stats.encoded + stats.solid, stats.tiles);
    // On day 3 the tiles far from the change (the south-east) are still day 2's buffers.
    const auto far = tile_at(38.3, 33.2, 8);
    ASSERT_NE(find_tile(b[3], 8, far.x, far.y), nullptr);
    EXPECT_EQ(find_tile(b[3], 8, far.x, far.y)->data.get(), find_tile(b[2], 8, far.x, far.y)->data.get());
}

TEST(VectorTiles, ReusedTilesAreWhatEncodingAgainGives) {
    const auto& reused = tiles_fixture();
    VectorTileOptions o = options(kMaxZoom);
    o.reuse_previous_day = false;
    o.jobs = 1;
    VectorTileStats stats;
    const auto fresh = build_vector_tiles(fixture().ctx, fixture().src, fixture().days, o, &stats);
    EXPECT_EQ(stats.reused, 0u);
    ASSERT_EQ(fresh.size(), reused.size());
    for (std::size_t d = 0; d < fresh.size(); ++d) {
        ASSERT_EQ(fresh[d].tiles.size(), reused[d].tiles.size()) << "day " << d;
        for (std::size_t i = 0; i < fresh[d].tiles.size(); ++i) {
            EXPECT_EQ(fresh[d].tiles[i].id, reused[d].tiles[i].id);
            EXPECT_EQ(*fresh[d].tiles[i].data, *reused[d].tiles[i].data)
                << "day " << d << " tile " << fresh[d].tiles[i].id.z << "/" << fresh[d].tiles[i].id.x << "/"
                << fresh[d].tiles[i].id.y;
        }
    }
}

TEST(VectorTiles, AttributesFollowTheDays) {
    const auto& sets = tiles_fixture();
    auto place_props = [&](std::size_t day, const char* name, double lon, double lat) {
        const auto id = tile_at(lon, lat, 8);
        const Tile* t = find_tile(sets[day], 8, id.x, id.y);
        EXPECT_NE(t, nullptr);
        const auto d = test::decode_strict(*t->data);
        for (const auto& f : d.layer("places")->features)
            if (f.prop("name") == std::string("\"") + name + "\"") return f;
        ADD_FAILURE() << name << " not in its tile";
        return test::DecodedFeature{};
    };
    EXPECT_EQ(place_props(0, "Place b", 37.6, 34.2).prop("faction"), "\"hts\"");
    EXPECT_EQ(place_props(0, "Place b", 37.6, 34.2).prop("captured"), "");
    EXPECT_EQ(place_props(1, "Place b", 37.6, 34.2).prop("faction"), "\"sna\"");
    EXPECT_EQ(place_props(2, "Place b", 37.6, 34.2).prop("captured"), "\"2024-11-27\"");
    EXPECT_EQ(place_props(3, "Place c", 37.01, 34.71).prop("faction"), "\"hts\"");
    EXPECT_EQ(place_props(3, "Place c", 37.01, 34.71).prop("captured"), "\"2024-11-29\"");
    EXPECT_EQ(place_props(3, "Place a", 36.5, 34.0).prop("faction"), "\"government\"");

    // Place e (rank 5) appears at maxzoom only; place a (rank 1) from z4.
    const auto e7 = tile_at(36.3, 35.3, 7);
    const auto d7 = test::decode_strict(*find_tile(sets[0], 7, e7.x, e7.y)->data);
    if (d7.layer("places")) {
        for (const auto& f : d7.layer("places")->features) EXPECT_NE(f.prop("name"), "\"Place e\"");
    }
    const auto a3 = tile_at(36.5, 34.0, 3);
    const auto d3 = test::decode_strict(*find_tile(sets[0], 3, a3.x, a3.y)->data);
    EXPECT_EQ(d3.layer("places"), nullptr);

    // Control on day 3 at the captured box: hts since day 3; the old hts ground keeps its baseline date.
    const auto c = tile_at(37.0, 34.7, 8);
    const auto dc = test::decode_strict(*find_tile(sets[3], 8, c.x, c.y)->data);
    std::set<std::string> since;
    for (const auto& f : dc.layer("control")->features)
        if (f.prop("faction") == "\"hts\"") since.insert(f.prop("since"));
    EXPECT_TRUE(since.count("\"2024-11-29\"")) << dc.to_text();
    const auto changes = dc.layer("changes");
    ASSERT_NE(changes, nullptr);
    EXPECT_EQ(changes->features.at(0).prop("from"), "\"government\"");
    EXPECT_EQ(changes->features.at(0).prop("to"), "\"hts\"");
    EXPECT_NE(dc.layer("frontlines"), nullptr);
    const auto z4 = tile_at(37, 34, 4);
    const auto d4 = test::decode_strict(*find_tile(sets[0], 4, z4.x, z4.y)->data);
    ASSERT_NE(d4.layer("boundaries"), nullptr);
    std::set<std::string> kinds;
    for (const auto& f : d4.layer("boundaries")->features) kinds.insert(f.prop("kind"));
    EXPECT_EQ(kinds, (std::set<std::string>{"\"country\"", "\"governorate\""}));
}

TEST(VectorTiles, GoldenTileAsDecodedText) {
    const auto& sets = tiles_fixture();
    const auto id = tile_at(37.0, 34.7, 6);
    const Tile* t = find_tile(sets[3], 6, id.x, id.y);
    ASSERT_NE(t, nullptr);
    const std::string text = test::decode_strict(*t->data).to_text();
    const fs::path golden = fs::path(TILER_SOURCE_DIR) / "tests/golden/mvt/synthetic_day3_z6.txt";
    if (std::getenv("TILER_UPDATE_GOLDEN")) std::ofstream(golden) << text;
    std::ifstream in(golden);
    ASSERT_TRUE(in) << "missing " << golden;
    std::stringstream expected;
    expected << in.rdbuf();
    EXPECT_EQ(text, expected.str());
}

TEST(VectorTiles, GdalReadsTilesBack) {
    const auto& sets = tiles_fixture();
    GDALAllRegister();
    const fs::path dir = fs::temp_directory_path() / ("tiler_test_mvt_" + std::to_string(::getpid()));
    const auto id = tile_at(37.0, 34.7, 8);
    const Tile* t = find_tile(sets[3], 8, id.x, id.y);
    ASSERT_NE(t, nullptr);
    const fs::path file = dir / "8" / std::to_string(id.x) / (std::to_string(id.y) + ".pbf");
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << *t->data;
    const char* drivers[] = {"MVT", nullptr};
    GDALDatasetH ds = GDALOpenEx(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr);
    ASSERT_NE(ds, nullptr);
    const auto decoded = test::decode_strict(*t->data);
    EXPECT_EQ(GDALDatasetGetLayerCount(ds), static_cast<int>(decoded.layers.size()));
    OGRLayerH control = GDALDatasetGetLayerByName(ds, "control");
    ASSERT_NE(control, nullptr);
    EXPECT_EQ(OGR_L_GetFeatureCount(control, 1), static_cast<GIntBig>(decoded.layer("control")->features.size()));
    std::set<std::string> factions;
    OGR_L_ResetReading(control);
    while (OGRFeatureH f = OGR_L_GetNextFeature(control)) {
        factions.insert(OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "faction")));
        OGRGeometryH g = OGR_F_GetGeometryRef(f);
        EXPECT_TRUE(g && OGR_G_IsValid(g));
        OGR_F_Destroy(f);
    }
    EXPECT_TRUE(factions.count("hts"));
    EXPECT_TRUE(factions.count("government"));
    OGRLayerH places = GDALDatasetGetLayerByName(ds, "places");
    ASSERT_NE(places, nullptr);
    EXPECT_EQ(OGR_L_GetFeatureCount(places, 1), static_cast<GIntBig>(decoded.layer("places")->features.size()));
    GDALClose(ds);
    fs::remove_all(dir);
}
