#include "archive/mbtiles.hpp"

#include "archive/atomic.hpp"
#include "archive/contents.hpp"
#include "archive/metadata.hpp"
#include "archive/sqlite.hpp"

#include <cstdio>
#include <unordered_map>
#include <utility>
#include <vector>

namespace tiler {
namespace {

// Tables first; the indexes are built after the rows are in (a sorted bulk build: faster than keeping them up
// to date row by row, and the file comes out compact without a VACUUM).
constexpr const char* kTables = R"SQL(
CREATE TABLE metadata (name TEXT, value TEXT);
CREATE TABLE map (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_id TEXT);
CREATE TABLE images (tile_data BLOB, tile_id TEXT);
CREATE VIEW tiles AS
  SELECT map.zoom_level AS zoom_level, map.tile_column AS tile_column, map.tile_row AS tile_row,
         images.tile_data AS tile_data
  FROM map JOIN images ON images.tile_id = map.tile_id;
)SQL";
constexpr const char* kIndexes = R"SQL(
CREATE UNIQUE INDEX metadata_name ON metadata (name);
CREATE UNIQUE INDEX map_index ON map (zoom_level, tile_column, tile_row);
CREATE UNIQUE INDEX images_id ON images (tile_id);
)SQL";

std::vector<std::pair<std::string, std::string>> metadata_rows(const TilesetInfo& info) {
    std::vector<std::pair<std::string, std::string>> rows = {
        {"name", info.name},
        {"format", format_name(info.format)},
        {"bounds", bounds_string(info)},
        {"center", center_string(info)},
        {"minzoom", std::to_string(info.minzoom)},
        {"maxzoom", std::to_string(info.maxzoom)},
        {"attribution", info.attribution},
        {"description", info.description},
        {"version", info.version},
        {"type", "overlay"},
    };
    if (info.format == TileFormat::Mvt) {
        nlohmann::ordered_json j;
        j["vector_layers"] = vector_layers(info);
        rows.emplace_back("json", j.dump());
    }
    return rows;
}

} // namespace

std::string mbtiles_tile_id(const std::string& stored_bytes) {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(fnv1a64(stored_bytes)));
    return buf;
}

void write_mbtiles(const std::string& path, const Tileset& ts) {
    const UniqueTiles u = unique_tiles(ts);
    const auto rows = metadata_rows(ts.info);

    // Stored bytes and ids of the distinct contents, in order of first appearance.
    std::vector<std::string> stored(u.contents.size());
    std::vector<std::string> ids(u.contents.size());
    std::unordered_map<std::string, int> id_uses;
    for (std::size_t i = 0; i < u.contents.size(); ++i) {
        stored[i] = stored_content(ts.info, u, i);
        std::string id = mbtiles_tile_id(stored[i]);
        const int n = id_uses[id]++;
        ids[i] = n == 0 ? id : id + "-" + std::to_string(n);
    }

    AtomicFile tmp(path);
    {
        sqlite::Database db(tmp.temp_path(), sqlite::Database::Mode::Create);
        db.exec("PRAGMA page_size = 4096; PRAGMA application_id = 1297105496; PRAGMA journal_mode = OFF; "
                "PRAGMA synchronous = OFF;");
        db.exec("BEGIN;");
        db.exec(kTables);
        sqlite::Statement meta(db, "INSERT INTO metadata (name, value) VALUES (?1, ?2)");
        for (const auto& [name, value] : rows) meta.bind(1, name).bind(2, value).run();
        sqlite::Statement image(db, "INSERT INTO images (tile_data, tile_id) VALUES (?1, ?2)");
        for (std::size_t i = 0; i < stored.size(); ++i) image.bind_blob(1, stored[i]).bind(2, ids[i]).run();
        sqlite::Statement map(db, "INSERT INTO map (zoom_level, tile_column, tile_row, tile_id) VALUES (?1, ?2, ?3, ?4)");
        for (std::size_t i = 0; i < u.tiles.size(); ++i) {
            const auto& id = u.tiles[i]->id;
            map.bind(1, std::int64_t{id.z})
                .bind(2, std::int64_t{id.x})
                .bind(3, std::int64_t{mercator::tms_row(id.z, id.y)})
                .bind(4, ids[u.content[i]])
                .run();
        }
        db.exec(kIndexes);
        db.exec("COMMIT;");
    }
    tmp.commit();
}

} // namespace tiler
