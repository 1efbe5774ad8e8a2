#include "timeline/date.hpp"

#include <gtest/gtest.h>

using tiler::Date;

TEST(Date, ParsesAndFormatsRoundTrip) {
    auto d = Date::parse("2024-11-26");
    ASSERT_TRUE(d);
    EXPECT_EQ(d->str(), "2024-11-26");
    EXPECT_EQ(d->year(), 2024);
    EXPECT_EQ(d->month(), 11u);
    EXPECT_EQ(d->day(), 26u);
    EXPECT_EQ((*d + 5).str(), "2024-12-01");
    EXPECT_EQ(*Date::parse("2024-12-09") - *d, 13);
}

TEST(Date, RejectsMalformedAndImpossible) {
    for (const char* bad : {"2024-02-30", "2023-02-29", "2024-13-01", "2024-00-10", "2024-1-01", "24-11-26",
                            "2024/11/26", "2024-11-26 ", "", "2024-11-3x", "2024-04-31"}) {
        EXPECT_FALSE(Date::parse(bad)) << bad;
    }
    EXPECT_TRUE(Date::parse("2024-02-29"));
    EXPECT_TRUE(Date::parse("2000-02-29"));
    EXPECT_FALSE(Date::parse("1900-02-29"));
}

TEST(Date, EpochAndOrdering) {
    EXPECT_EQ(Date::parse("1970-01-01")->days(), 0);
    EXPECT_LT(*Date::parse("2024-11-30"), *Date::parse("2024-12-01"));
}
