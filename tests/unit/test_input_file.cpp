#include "core/error.hpp"
#include "sources/input_file.hpp"

#include <gtest/gtest.h>

using namespace tiler;

TEST(InputFile, ReadsBytes) {
    const std::string text = read_input_file(std::string(TILER_TEST_DATA) + "/sources_min/seed/offensive.txt", "seed");
    EXPECT_EQ(text.rfind("Squareland offensive", 0), 0u);
    EXPECT_NE(text.find("\xE2\x80\x9Ctemporary withdrawal\xE2\x80\x9D"), std::string::npos);
}

TEST(InputFile, MissingFileAndDirectory) {
    try {
        read_input_file("/nonexistent/tiler/x.csv", "sources/x.csv");
        FAIL() << "no error";
    } catch (const InputError& e) {
        EXPECT_EQ(e.file(), "sources/x.csv");
        EXPECT_EQ(e.line(), 0u);
        EXPECT_EQ(e.problem(), "missing file (no such file)");
    }
    try {
        read_input_file(TILER_TEST_DATA, "sources/areas");
        FAIL() << "no error";
    } catch (const InputError& e) {
        EXPECT_EQ(e.problem(), "not a regular file");
    }
}
