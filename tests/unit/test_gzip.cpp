// Deterministic gzip: RFC 1952 header fields, round trip, and zlib reading it (and it reading zlib).
#include "archive/gzip.hpp"
#include "core/error.hpp"

#include "../support/zlib_reference.hpp"

#include <gtest/gtest.h>

using namespace tiler;

TEST(Gzip, HeaderIsFixedAndRoundTrips) {
    std::string data;
    for (int i = 0; i < 100000; ++i) data += static_cast<char>(i * 31 % 251);
    const std::string z = gzip_compress(data);
    ASSERT_GE(z.size(), 18u);
    EXPECT_EQ(static_cast<unsigned char>(z[0]), 0x1f);
    EXPECT_EQ(static_cast<unsigned char>(z[1]), 0x8b);
    EXPECT_EQ(z[2], 8);                          // deflate
    EXPECT_EQ(z[3], 0);                          // no flags (no file name)
    EXPECT_EQ(z.substr(4, 4), std::string(4, '\0'));   // mtime 0
    EXPECT_EQ(gzip_decompress(z), data);
    EXPECT_EQ(gzip_compress(data), z);
    EXPECT_EQ(gzip_decompress(gzip_compress("")), "");
}

TEST(Gzip, CorruptInputThrows) {
    std::string z = gzip_compress("hello hello hello");
    EXPECT_THROW(gzip_decompress(z.substr(0, z.size() - 6)), Error);
    z[12] = static_cast<char>(z[12] ^ 0x55);
    EXPECT_THROW(gzip_decompress(z), Error);
}

TEST(Gzip, ReadsAndIsReadByZlibDirectly) {
    std::string data;
    for (int i = 0; i < 70000; ++i) data += static_cast<char>(i * 7 % 13 + 'a');
    EXPECT_EQ(test::zlib_gunzip(gzip_compress(data)), data);
    for (int level : {0, 1, 9}) EXPECT_EQ(gzip_decompress(test::zlib_gzip(data, level)), data);
}
