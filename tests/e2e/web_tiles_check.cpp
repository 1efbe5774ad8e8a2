// web_tiles_check OUT_DIR [DATE...]
// Every tile of every day's tree `OUT_DIR/tiles/<date>/{z}/{x}/{y}.mvt` (all days that have a tree, or the
// DATEs given): decoded by the strict independent decoder (tests/support/mvt_decoder.hpp, zero violations) and
// opened by GDAL's MVT driver (the same layers and feature counts, every geometry valid); and the day's MBTiles
// read with the SQLite C API (not tiler's writer): every row's gunzipped blob equals the tree's tile at
// y = 2^z - 1 - tile_row (the TMS flip), every tree tile has a row, and the MBTiles 1.3 metadata is complete
// (json.vector_layers lists every layer the tiles hold). Exit 1 on any failure.
#include "../support/mvt_decoder.hpp"

#include <gdal.h>
#include <ogr_api.h>
#include <cpl_error.h>
#include <sqlite3.h>
#include <zlib.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

namespace fs = std::filesystem;

namespace {

using TileKey = std::tuple<unsigned, unsigned, unsigned>;   // z, x, y (XYZ)

struct Counts {
    std::size_t tiles = 0, features = 0, failures = 0;
};

void fail(Counts& c, const std::string& what) {
    if (++c.failures <= 50) std::cerr << "FAIL: " << what << "\n";
}

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

bool gunzip(const void* data, int size, std::string& out) {
    z_stream zs{};
    if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) return false;
    zs.next_in = static_cast<Bytef*>(const_cast<void*>(data));
    zs.avail_in = static_cast<uInt>(size);
    char buf[65536];
    int rc = Z_OK;
    out.clear();
    while (rc == Z_OK) {
        zs.next_out = reinterpret_cast<Bytef*>(buf);
        zs.avail_out = sizeof buf;
        rc = inflate(&zs, Z_NO_FLUSH);
        out.append(buf, sizeof buf - zs.avail_out);
    }
    inflateEnd(&zs);
    return rc == Z_STREAM_END;
}

/// GDAL's MVT driver on one tile: same layers and feature counts as the strict decoder, valid geometries.
void check_with_gdal(const fs::path& file, const tiler::test::DecodedTile& decoded, Counts& c) {
    const char* drivers[] = {"MVT", nullptr};
    const char* open_options[] = {"CLIP=NO", nullptr};   // keep what lies in the buffer, as the decoder does
    CPLErrorReset();
    GDALDatasetH ds = GDALOpenEx(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, open_options, nullptr);
    if (!ds) { fail(c, file.string() + ": GDAL's MVT driver cannot open it: " + CPLGetLastErrorMsg()); return; }
    if (GDALDatasetGetLayerCount(ds) != static_cast<int>(decoded.layers.size()))
        fail(c, file.string() + ": GDAL sees " + std::to_string(GDALDatasetGetLayerCount(ds)) + " layers, the decoder " +
                    std::to_string(decoded.layers.size()));
    for (const auto& layer : decoded.layers) {
        OGRLayerH l = GDALDatasetGetLayerByName(ds, layer.name.c_str());
        if (!l) { fail(c, file.string() + ": GDAL has no layer " + layer.name); continue; }
        std::size_t n = 0;
        OGR_L_ResetReading(l);
        while (OGRFeatureH f = OGR_L_GetNextFeature(l)) {
            ++n;
            OGRGeometryH g = OGR_F_GetGeometryRef(f);
            if (!g || OGR_G_IsEmpty(g)) fail(c, file.string() + ": layer " + layer.name + ": a feature without geometry");
            else if (wkbFlatten(OGR_G_GetGeometryType(g)) != wkbPoint && wkbFlatten(OGR_G_GetGeometryType(g)) != wkbMultiPoint &&
                     !OGR_G_IsValid(g))
                fail(c, file.string() + ": layer " + layer.name + ": GDAL finds an invalid geometry");
            OGR_F_Destroy(f);
        }
        if (n != layer.features.size())
            fail(c, file.string() + ": layer " + layer.name + ": GDAL reads " + std::to_string(n) + " features, the decoder " +
                        std::to_string(layer.features.size()));
        c.features += n;
    }
    if (CPLGetLastErrorType() >= CE_Failure) fail(c, file.string() + ": GDAL error: " + CPLGetLastErrorMsg());
    GDALClose(ds);
}

/// Decodes every tile of the tree; returns the tree's tiles by key.
std::map<TileKey, fs::path> check_tree(const fs::path& tree, std::set<std::string>& layers, Counts& c) {
    std::map<TileKey, fs::path> tiles;
    tiler::test::DecodeOptions opt;
    opt.max_buffer = 64;   // tiler's clip buffer (VectorTileOptions::buffer)
    for (const auto& entry : fs::recursive_directory_iterator(tree)) {
        if (!entry.is_regular_file() || entry.path().extension() != ".mvt") continue;
        const fs::path rel = fs::relative(entry.path(), tree);
        unsigned z = 0, x = 0, y = 0;
        if (std::sscanf(rel.c_str(), "%u/%u/%u.mvt", &z, &x, &y) != 3) { fail(c, "unexpected file " + rel.string()); continue; }
        tiles[{z, x, y}] = entry.path();
        const std::string bytes = read_file(entry.path());
        const auto decoded = tiler::test::decode_strict(bytes, opt);
        for (const std::string& v : decoded.violations) fail(c, entry.path().string() + ": " + v);
        if (decoded.layers.empty()) fail(c, entry.path().string() + ": no layers");
        for (const auto& l : decoded.layers) layers.insert(l.name);
        check_with_gdal(entry.path(), decoded, c);
        ++c.tiles;
    }
    return tiles;
}

std::string query_text(sqlite3* db, const std::string& sql) {
    sqlite3_stmt* st = nullptr;
    std::string v;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW &&
        sqlite3_column_text(st, 0))
        v = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return v;
}

/// MBTiles 1.3 metadata: the required and recommended rows, and `json` with a vector_layers entry (id, fields)
/// for every layer the tiles hold.
void check_metadata(sqlite3* db, const fs::path& file, const std::set<std::string>& tile_layers, Counts& c) {
    const auto meta = [&](const char* name) { return query_text(db, std::string("SELECT value FROM metadata WHERE name = '") + name + "'"); };
    for (const char* key : {"name", "format", "bounds", "center", "minzoom", "maxzoom", "attribution", "type", "json"})
        if (meta(key).empty()) fail(c, file.string() + ": metadata has no " + key);
    if (meta("format") != "pbf") fail(c, file.string() + ": metadata format '" + meta("format") + "', expected pbf");
    if (query_text(db, "SELECT min(zoom_level) FROM tiles") != meta("minzoom") ||
        query_text(db, "SELECT max(zoom_level) FROM tiles") != meta("maxzoom"))
        fail(c, file.string() + ": minzoom/maxzoom do not match the tiles");
    double b[4] = {0, 0, 0, 0};
    if (std::sscanf(meta("bounds").c_str(), "%lf,%lf,%lf,%lf", &b[0], &b[1], &b[2], &b[3]) != 4 || !(b[0] < b[2] && b[1] < b[3]))
        fail(c, file.string() + ": bad bounds '" + meta("bounds") + "'");
    try {
        const auto j = nlohmann::json::parse(meta("json"));
        std::set<std::string> ids;
        for (const auto& l : j.at("vector_layers")) {
            ids.insert(l.at("id").get<std::string>());
            if (!l.at("fields").is_object()) fail(c, file.string() + ": vector_layers entry without fields");
        }
        for (const std::string& name : tile_layers)
            if (!ids.count(name)) fail(c, file.string() + ": json.vector_layers lacks layer '" + name + "'");
    } catch (const std::exception& e) {
        fail(c, file.string() + ": metadata json: " + e.what());
    }
}

/// The MBTiles rows against the tree: TMS flip, gunzipped bytes, the same set of tiles.
void check_mbtiles(const fs::path& file, const std::map<TileKey, fs::path>& tree, const std::set<std::string>& layers,
                   Counts& c) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        fail(c, file.string() + ": cannot open: " + sqlite3_errmsg(db));
        sqlite3_close(db);
        return;
    }
    check_metadata(db, file, layers, c);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, "SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles", -1, &st, nullptr);
    std::set<TileKey> seen;
    std::string plain;
    while (st && sqlite3_step(st) == SQLITE_ROW) {
        const auto z = static_cast<unsigned>(sqlite3_column_int(st, 0));
        const auto x = static_cast<unsigned>(sqlite3_column_int(st, 1));
        const auto row = static_cast<unsigned>(sqlite3_column_int(st, 2));
        const unsigned y = (1U << z) - 1 - row;
        const std::string where = file.string() + ": z=" + std::to_string(z) + " column=" + std::to_string(x) +
                                  " row=" + std::to_string(row);
        const auto it = tree.find({z, x, y});
        if (it == tree.end()) { fail(c, where + ": no tree tile " + std::to_string(z) + "/" + std::to_string(x) + "/" + std::to_string(y)); continue; }
        seen.insert(it->first);
        if (!gunzip(sqlite3_column_blob(st, 3), sqlite3_column_bytes(st, 3), plain)) { fail(c, where + ": not gzip"); continue; }
        if (plain != read_file(it->second)) fail(c, where + ": differs from " + it->second.string());
    }
    if (!st) fail(c, file.string() + ": no tiles table: " + sqlite3_errmsg(db));
    sqlite3_finalize(st);
    sqlite3_close(db);
    if (seen.size() != tree.size())
        fail(c, file.string() + ": " + std::to_string(seen.size()) + " tiles of the tree's " + std::to_string(tree.size()));
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) { std::cerr << "usage: web_tiles_check OUT_DIR [DATE...]\n"; return 2; }
    GDALAllRegister();
    CPLSetErrorHandler(CPLQuietErrorHandler);
    const fs::path tiles = fs::path(argv[1]) / "tiles";
    std::vector<std::string> dates(argv + 2, argv + argc);
    if (dates.empty() && fs::is_directory(tiles))
        for (const auto& e : fs::directory_iterator(tiles))
            if (e.is_directory() && e.path().filename() != "fonts") dates.push_back(e.path().filename().string());
    std::sort(dates.begin(), dates.end());
    Counts c;
    if (dates.empty()) fail(c, tiles.string() + ": no tile trees (was the build run with --tile-dirs?)");
    for (const std::string& d : dates) {
        const std::size_t before = c.tiles;
        std::set<std::string> layers;
        const auto tree = check_tree(tiles / d, layers, c);
        check_mbtiles(tiles / (d + ".mbtiles"), tree, layers, c);
        std::cout << d << ": " << (c.tiles - before) << " tiles decoded (strict + GDAL) and compared with the MBTiles\n";
    }
    std::cout << dates.size() << " days, " << c.tiles << " tiles, " << c.features << " features, " << c.failures
              << " failures\n";
    return c.failures == 0 ? 0 : 1;
}
