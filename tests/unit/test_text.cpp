#include "sources/text.hpp"

#include <gtest/gtest.h>

using namespace tiler;

TEST(Text, CollapsesWhitespace) {
    EXPECT_EQ(collapse_text("  a \t b\r\n\nc  "), "a b c");
    EXPECT_EQ(collapse_text("no\xC2\xA0" "break"), "no break");
    EXPECT_EQ(collapse_text(""), "");
    EXPECT_EQ(collapse_text(" \n "), "");
}

TEST(Text, StraightensCurlyQuotes) {
    EXPECT_EQ(collapse_text("\xE2\x80\x9C" "temporary\xE2\x80\x9D"), "\"temporary\"");
    EXPECT_EQ(collapse_text("Ma\xE2\x80\x99" "arat"), "Ma'arat");
    EXPECT_EQ(collapse_text("\xE2\x80\x98x\xE2\x80\x99"), "'x'");
    EXPECT_EQ(collapse_text("a \xE2\x80\x94 b"), "a \xE2\x80\x94 b");   // an em dash stays
}

TEST(Text, NameKey) {
    EXPECT_EQ(name_key("  Tall   HADIYA "), "tall hadiya");
    EXPECT_EQ(name_key("Ma\xE2\x80\x99" "arrat"), "ma'arrat");
}

TEST(Text, Utf8Prefix) {
    EXPECT_EQ(utf8_prefix("abc", 5), "abc");
    EXPECT_EQ(utf8_prefix("abcdef", 3), "abc\xE2\x80\xA6");
    EXPECT_EQ(utf8_prefix("\xD8\xAD\xD9\x84\xD8\xA8", 2), "\xD8\xAD\xD9\x84\xE2\x80\xA6");   // never cuts a character
}
