#include "core/error.hpp"
#include "sources/csv.hpp"

#include <gtest/gtest.h>

#include <optional>

using namespace tiler;

namespace {

const std::vector<std::string> kCols = {"id", "name", "lat"};

std::optional<InputError> csv_error(const std::string& text) {
    try {
        parse_csv(text, "sources/x.csv", kCols);
    } catch (const InputError& e) {
        return e;
    }
    return std::nullopt;
}

// Asserts that `text` fails at `line` with a problem containing `phrase`.
void expect_error(const std::string& text, std::size_t line, const std::string& phrase) {
    const auto e = csv_error(text);
    ASSERT_TRUE(e) << "accepted: " << text;
    EXPECT_EQ(e->file(), "sources/x.csv");
    EXPECT_EQ(e->line(), line) << e->what();
    EXPECT_NE(e->problem().find(phrase), std::string::npos) << e->what();
}

} // namespace

TEST(Csv, ParsesQuotedFieldsAndLineNumbers) {
    const auto t = parse_csv("id,name,lat\na,\"Alpha, the \"\"first\"\"\",1\n\"b\",\"two\nlines\",2\nc,,3", "x", kCols);
    EXPECT_EQ(t.columns, kCols);
    ASSERT_EQ(t.rows.size(), 3u);
    EXPECT_EQ(t.rows[0].line, 2u);
    EXPECT_EQ(t.rows[0].fields, (std::vector<std::string>{"a", "Alpha, the \"first\"", "1"}));
    EXPECT_EQ(t.rows[1].line, 3u);
    EXPECT_EQ(t.rows[1].fields, (std::vector<std::string>{"b", "two\nlines", "2"}));
    EXPECT_EQ(t.rows[2].line, 5u);   // the record after a two-line field starts on physical line 5
    EXPECT_EQ(t.rows[2].fields, (std::vector<std::string>{"c", "", "3"}));
}

TEST(Csv, AcceptsCrlfAndByteOrderMark) {
    const auto t = parse_csv("\xEF\xBB\xBFid,name,lat\r\na,b,1\r\nc,d,2\r\n", "x", kCols);
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(t.rows[1].fields, (std::vector<std::string>{"c", "d", "2"}));
    EXPECT_EQ(t.rows[1].line, 3u);
}

TEST(Csv, HeaderOnly) { EXPECT_TRUE(parse_csv("id,name,lat\n", "x", kCols).rows.empty()); }

TEST(Csv, EmptyFile) {
    expect_error("", 0, "empty file");
    expect_error("\xEF\xBB\xBF", 0, "empty file");
}

TEST(Csv, HeaderMissing) { expect_error("a,Alpha,1\nb,Bravo,2\n", 1, "header missing: the first line is 'a,Alpha,1'"); }

TEST(Csv, MissingColumn) { expect_error("id,lat\na,1\n", 1, "missing column 'name'"); }

TEST(Csv, ExtraColumn) { expect_error("id,name,lat,population\na,b,1,5\n", 1, "extra column 'population'"); }

TEST(Csv, MissingAndExtraColumns) { expect_error("id,nom,lat\n", 1, "missing column 'name'; extra column 'nom'"); }

TEST(Csv, ColumnsOutOfOrderOrTwice) {
    expect_error("name,id,lat\n", 1, "columns out of order");
    expect_error("id,name,lat,id\n", 1, "duplicate column 'id'");
}

TEST(Csv, TruncatedRow) {
    expect_error("id,name,lat\na,b,1\nc,d\n", 3, "truncated row: 2 fields, expected 3 (missing 'lat')");
    expect_error("id,name,lat\na,b,1\nc", 3, "truncated row: 1 fields, expected 3 (missing 'name', 'lat')");
}

TEST(Csv, UnterminatedQuoteAtEndOfFile) {
    expect_error("id,name,lat\na,b,1\nc,\"never\nclosed,3\n", 3, "truncated row: quoted field");
}

TEST(Csv, TooManyFields) { expect_error("id,name,lat\na,b,1,extra\n", 2, "too many fields: 4, expected 3"); }

TEST(Csv, StrayQuotes) {
    expect_error("id,name,lat\na,b\"c,1\n", 2, "stray '\"'");
    expect_error("id,name,lat\na,\"b\"c,1\n", 2, "after a closing quote");
}

TEST(Csv, EmptyLineAndBareCarriageReturn) {
    expect_error("id,name,lat\na,b,1\n\nc,d,2\n", 3, "empty line");
    expect_error("id,name,lat\na,b,1\rc,d,2\n", 2, "bare carriage return");
}

TEST(Csv, InvalidUtf8) { expect_error("id,name,lat\na,b,1\nc,\xC3(,2\n", 3, "invalid UTF-8 at byte 20"); }

TEST(Csv, ReadsAFileAndNamesAMissingOne) {
    const auto path = std::string(TILER_TEST_DATA) + "/sources_min/places.csv";
    const auto t = read_csv(path, "sources/places.csv",
                            {"id", "name", "aliases", "lat", "lon", "kind", "governorate", "rank", "source"});
    EXPECT_EQ(t.rows.size(), 11u);
    try {
        read_csv(path + ".missing", "sources/nope.csv", kCols);
        FAIL() << "no error";
    } catch (const InputError& e) {
        EXPECT_EQ(e.file(), "sources/nope.csv");
        EXPECT_EQ(e.line(), 0u);
        EXPECT_NE(e.problem().find("missing file"), std::string::npos);
    }
}
