#include "sources/suggest.hpp"

#include <gtest/gtest.h>

using namespace tiler;

TEST(Suggest, EditDistance) {
    EXPECT_EQ(edit_distance("", ""), 0u);
    EXPECT_EQ(edit_distance("abc", ""), 3u);
    EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
    EXPECT_EQ(edit_distance("Kafr Baten", "Kafr Batikh"), 3u);
    EXPECT_EQ(edit_distance("SARAQIB", "saraqib"), 0u);   // case-insensitive
    EXPECT_EQ(edit_distance("flaw", "lawn"), 2u);
}

TEST(Suggest, ClosestNames) {
    const std::vector<std::string> names = {"Kafr Batikh", "Kafr Battikh", "Saraqib", "Kafr Basin", "kafr-batikh"};
    EXPECT_EQ(closest_names("Kafr Baten", names), (std::vector<std::string>{"Kafr Basin", "Kafr Batikh"}));
    EXPECT_EQ(closest_names("Saraqeb", names), (std::vector<std::string>{"Saraqib"}));
    EXPECT_TRUE(closest_names("Damascus", names).empty());   // nothing close enough
    EXPECT_EQ(closest_names("x", {"a", "b", "c", "d"}, 2), (std::vector<std::string>{"a", "b"}));
}

TEST(Suggest, DidYouMean) {
    EXPECT_EQ(did_you_mean("Kafr Baten", {"Kafr Batikh", "Saraqib"}), " \xE2\x80\x94 did you mean 'Kafr Batikh'?");
    EXPECT_EQ(did_you_mean("hst", {"hts", "sna", "sdf"}), " \xE2\x80\x94 did you mean 'hts'?");
    EXPECT_EQ(did_you_mean("ab", {"aa", "bb", "cc"}), " \xE2\x80\x94 did you mean 'aa', 'bb' or 'cc'?");
    EXPECT_EQ(did_you_mean("Damascus", {"Aleppo"}), "");
}
