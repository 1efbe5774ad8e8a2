#include "core/error.hpp"
#include "sources/utf8.hpp"

#include <gtest/gtest.h>

#include <string>

using namespace tiler;

TEST(Utf8, AcceptsValidText) {
    EXPECT_FALSE(find_invalid_utf8(""));
    EXPECT_FALSE(find_invalid_utf8("plain ASCII\n"));
    EXPECT_FALSE(find_invalid_utf8("\xD8\xAD\xD9\x84\xD8\xA8"));              // حلب
    EXPECT_FALSE(find_invalid_utf8("\xE2\x80\x94 \xF0\x9F\x97\xBA"));          // — 🗺
    EXPECT_FALSE(find_invalid_utf8("\xF4\x8F\xBF\xBF"));                       // U+10FFFF
}

TEST(Utf8, FindsTheFirstBadByte) {
    EXPECT_EQ(find_invalid_utf8("ab\xFF" "cd"), 2u);                           // never valid
    EXPECT_EQ(find_invalid_utf8("a\x80"), 1u);                                 // lone continuation byte
    EXPECT_EQ(find_invalid_utf8("ab\xC3"), 2u);                                // truncated at the end
    EXPECT_EQ(find_invalid_utf8("\xC3("), 0u);                                 // bad continuation
    EXPECT_EQ(find_invalid_utf8("x\xC0\xAF"), 1u);                             // overlong '/'
    EXPECT_EQ(find_invalid_utf8("\xE0\x80\xAF"), 0u);                          // overlong, 3 bytes
    EXPECT_EQ(find_invalid_utf8("ok\xED\xA0\x80"), 2u);                        // surrogate U+D800
    EXPECT_EQ(find_invalid_utf8("\xF4\x90\x80\x80"), 0u);                      // above U+10FFFF
}

TEST(Utf8, LineOfOffset) {
    const std::string t = "one\ntwo\nthree";
    EXPECT_EQ(line_of_offset(t, 0), 1u);
    EXPECT_EQ(line_of_offset(t, 3), 1u);   // the '\n' itself belongs to line 1
    EXPECT_EQ(line_of_offset(t, 4), 2u);
    EXPECT_EQ(line_of_offset(t, 12), 3u);
    EXPECT_EQ(line_of_offset(t, 999), 3u);
}

TEST(Utf8, RequireNamesFileLineAndByte) {
    EXPECT_NO_THROW(require_utf8("fine\n", "x.csv"));
    try {
        require_utf8("id,name\nab,c\xE9t\n", "sources/places.csv");
        FAIL() << "no error";
    } catch (const InputError& e) {
        EXPECT_EQ(e.file(), "sources/places.csv");
        EXPECT_EQ(e.line(), 2u);
        EXPECT_EQ(e.problem(), "invalid UTF-8 at byte 12 (column 5, byte 0xE9)");
    }
}
