#include "archive/directory.hpp"

#include "archive/atomic.hpp"
#include "archive/contents.hpp"
#include "archive/metadata.hpp"
#include "core/error.hpp"

#include <filesystem>
#include <set>
#include <system_error>

namespace fs = std::filesystem;

namespace tiler {

std::string tile_path(const mercator::TileId& id, TileFormat format, const std::string& suffix) {
    return std::to_string(id.z) + "/" + std::to_string(id.x) + "/" + std::to_string(id.y) + suffix + "." +
           tile_extension(format);
}

void write_directory(const std::string& dir, const std::vector<DirectoryPart>& parts) {
    std::set<std::string> seen;
    for (const DirectoryPart& p : parts) {
        if (!p.tileset) throw Error("directory " + dir + ": null tileset");
        if (p.suffix.find('/') != std::string::npos) throw Error("directory " + dir + ": bad suffix " + p.suffix);
        const std::string key = p.suffix + "." + tile_extension(p.tileset->info.format);
        if (!seen.insert(key).second) throw Error("directory " + dir + ": two tilesets write *" + key);
    }
    AtomicDirectory tmp(dir);
    for (const DirectoryPart& p : parts) {
        const UniqueTiles u = unique_tiles(*p.tileset);   // validates; sorted (z, x, y)
        std::string made;                                  // last directory created
        for (const Tile* t : u.tiles) {
            const fs::path file = fs::path(tmp.temp_path()) / tile_path(t->id, p.tileset->info.format, p.suffix);
            const std::string parent = file.parent_path().string();
            if (parent != made) {
                std::error_code ec;
                fs::create_directories(parent, ec);
                if (ec) throw OutputError(parent + ": cannot create directory: " + ec.message());
                made = parent;
            }
            write_file(file.string(), *t->data);
        }
    }
    tmp.commit();
}

void write_directory(const std::string& dir, const Tileset& ts) { write_directory(dir, {DirectoryPart{&ts, ""}}); }

} // namespace tiler
