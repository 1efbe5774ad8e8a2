// {z}/{x}/{y}.<ext> tree writer, read back with std::filesystem.
#include "archive/directory.hpp"
#include "core/error.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>

namespace fs = std::filesystem;
using namespace tiler;

namespace {
std::shared_ptr<const std::string> bytes(std::string s) { return std::make_shared<const std::string>(std::move(s)); }

std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::set<std::string> listing(const fs::path& root) {
    std::set<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(root))
        if (e.is_regular_file()) out.insert(fs::relative(e.path(), root).string());
    return out;
}

fs::path fresh(const std::string& name) {
    const fs::path d = fs::temp_directory_path() / ("tiler_test_directory_" + name);
    fs::remove_all(d);
    return d;
}

Tileset tileset(TileFormat f) {
    Tileset ts;
    ts.info.format = f;
    ts.info.maxzoom = 3;
    auto same = bytes("same");
    ts.tiles.push_back({{3, 5, 2}, bytes("z3")});
    ts.tiles.push_back({{0, 0, 0}, same});
    ts.tiles.push_back({{1, 1, 0}, same});
    return ts;
}
} // namespace

TEST(Directory, WritesXyzTreeUncompressed) {
    const fs::path root = fresh("mvt") / "2024-11-30";
    write_directory(root.string(), tileset(TileFormat::Mvt));
    EXPECT_EQ(listing(root), (std::set<std::string>{"0/0/0.mvt", "1/1/0.mvt", "3/5/2.mvt"}));
    EXPECT_EQ(read_all(root / "3/5/2.mvt"), "z3");   // not gzip: stored as the encoder made it
    EXPECT_EQ(read_all(root / "1/1/0.mvt"), "same");
}

TEST(Directory, RetinaSuffixBesideTheNormalTiles) {
    const fs::path root = fresh("png") / "day";
    const Tileset one = tileset(TileFormat::Png);
    Tileset two = tileset(TileFormat::Png);
    two.tiles.pop_back();
    write_directory(root.string(), {{&one, ""}, {&two, "@2x"}});
    EXPECT_EQ(listing(root), (std::set<std::string>{"0/0/0.png", "1/1/0.png", "3/5/2.png", "0/0/0@2x.png",
                                                    "3/5/2@2x.png"}));
    EXPECT_EQ(tile_path({7, 76, 51}, TileFormat::Png, "@2x"), "7/76/51@2x.png");
    EXPECT_THROW(write_directory(root.string(), {{&one, ""}, {&two, ""}}), Error);
}

TEST(Directory, ReplacesThePreviousTreeWholeAndKeepsItOnFailure) {
    const fs::path parent = fresh("replace");
    const fs::path root = parent / "day";
    write_directory(root.string(), tileset(TileFormat::Mvt));
    Tileset smaller;
    smaller.info.maxzoom = 0;
    smaller.tiles.push_back({{0, 0, 0}, bytes("new")});
    write_directory(root.string(), smaller);
    EXPECT_EQ(listing(root), (std::set<std::string>{"0/0/0.mvt"}));   // stale tiles gone
    EXPECT_EQ(read_all(root / "0/0/0.mvt"), "new");

    Tileset bad = smaller;
    bad.tiles.push_back({{4, 0, 0}, bytes("beyond maxzoom")});
    EXPECT_THROW(write_directory(root.string(), bad), Error);
    EXPECT_EQ(listing(root), (std::set<std::string>{"0/0/0.mvt"}));
    EXPECT_EQ(std::distance(fs::directory_iterator(parent), fs::directory_iterator()), 1);   // no temporaries
}
