// Tile checks and content deduplication shared by the archive writers.
#include "archive/contents.hpp"
#include "core/error.hpp"

#include <gtest/gtest.h>

#include <memory>

using namespace tiler;

namespace {
std::shared_ptr<const std::string> bytes(std::string s) { return std::make_shared<const std::string>(std::move(s)); }
} // namespace

TEST(Contents, Fnv1a64KnownValues) {
    EXPECT_EQ(fnv1a64(""), 0xcbf29ce484222325ull);
    EXPECT_EQ(fnv1a64("a"), 0xaf63dc4c8601ec8cull);
}

TEST(Contents, SortsAndDeduplicatesByBytes) {
    Tileset ts;
    ts.info.maxzoom = 2;
    ts.tiles = {{{2, 1, 1}, bytes("b")}, {{0, 0, 0}, bytes("a")}, {{1, 0, 1}, bytes("b")}};
    const UniqueTiles u = unique_tiles(ts);
    ASSERT_EQ(u.tiles.size(), 3u);
    EXPECT_EQ(u.tiles[0]->id.z, 0u);
    EXPECT_EQ(u.tiles[2]->id.z, 2u);
    EXPECT_EQ(u.contents.size(), 2u);
    EXPECT_EQ(u.content, (std::vector<std::size_t>{0, 1, 1}));
    EXPECT_EQ(u.contents[1], "b");
}

TEST(Contents, RejectsBadTiles) {
    Tileset ts;
    ts.info.name = "day";
    ts.info.maxzoom = 1;
    ts.tiles = {{{1, 0, 0}, bytes("a")}, {{1, 0, 0}, bytes("b")}};
    try {
        unique_tiles(ts);
        FAIL();
    } catch (const Error& e) {
        EXPECT_STREQ(e.what(), "tileset 'day': tile 1/0/0 appears twice");
    }
    ts.tiles = {{{1, 0, 0}, nullptr}};
    EXPECT_THROW(unique_tiles(ts), Error);
    ts.tiles = {{{1, 0, 0}, bytes("")}};
    EXPECT_THROW(unique_tiles(ts), Error);
    ts.tiles = {{{0, 1, 0}, bytes("x")}};
    EXPECT_THROW(unique_tiles(ts), Error);
    ts.tiles = {{{1, 0, 0}, bytes("x"), bytes("not gzip, whatever it holds")}};
    try {
        unique_tiles(ts);
        FAIL();
    } catch (const Error& e) {
        EXPECT_STREQ(e.what(), "tileset 'day': tile 1/0/0: its compressed bytes are not gzip");
    }
}

TEST(Contents, SharedBuffersAndEqualBytesAreOneContent) {
    Tileset ts;
    ts.info.maxzoom = 1;
    const auto shared = bytes("same");
    ts.tiles = {{{1, 1, 1}, shared}, {{1, 0, 0}, bytes("same")}, {{1, 0, 1}, shared}, {{0, 0, 0}, bytes("other")}};
    const UniqueTiles u = unique_tiles(ts);
    EXPECT_EQ(u.contents.size(), 2u);
    EXPECT_EQ(u.content, (std::vector<std::size_t>{0, 1, 1, 1}));
    ASSERT_EQ(u.holders.size(), 2u);
    EXPECT_EQ(u.holders[1], u.tiles[1]);   // the first tile, in (z, x, y) order, with those bytes
    EXPECT_EQ(stored_content(ts.info, u, 0).substr(0, 2), "\x1f\x8b");
    ts.info.format = TileFormat::Png;
    EXPECT_EQ(stored_content(ts.info, u, 1), "same");
}
