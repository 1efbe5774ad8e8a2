#include "cli/options.hpp"

#include "core/error.hpp"

#include <gtest/gtest.h>

using namespace tiler::cli;

namespace {

std::string usage_error(const std::vector<std::string>& args) {
    try {
        parse_options(args);
    } catch (const tiler::UsageError& e) {
        return e.what();
    }
    return "(no error)";
}

} // namespace

TEST(Options, BuildDefaults) {
    const Options o = parse_options({"build"});
    EXPECT_EQ(o.command, Command::Build);
    EXPECT_EQ(o.sources, "sources");
    EXPECT_EQ(o.styles, "styles");
    EXPECT_EQ(o.out, "output");
    EXPECT_EQ(o.jobs, default_jobs());
    EXPECT_GE(o.jobs, 1U);
    EXPECT_FALSE(o.quiet);
    EXPECT_FALSE(o.help);
    EXPECT_FALSE(o.version);
}

TEST(Options, BuildAllOptions) {
    const Options o = parse_options({"build", "--sources", "s", "--styles=st", "--out", "/tmp/o", "--jobs", "3", "--quiet"});
    EXPECT_EQ(o.command, Command::Build);
    EXPECT_EQ(o.sources, "s");
    EXPECT_EQ(o.styles, "st");
    EXPECT_EQ(o.out, "/tmp/o");
    EXPECT_EQ(o.jobs, 3U);
    EXPECT_TRUE(o.quiet);
}

TEST(Options, ShortForms) {
    const Options o = parse_options({"build", "-j", "2", "-o", "out2", "-q"});
    EXPECT_EQ(o.jobs, 2U);
    EXPECT_EQ(o.out, "out2");
    EXPECT_TRUE(o.quiet);
    EXPECT_EQ(parse_options({"build", "-j7"}).jobs, 7U);
}

TEST(Options, Check) {
    const Options o = parse_options({"check", "--sources", "a", "--styles", "b"});
    EXPECT_EQ(o.command, Command::Check);
    EXPECT_EQ(o.sources, "a");
    EXPECT_EQ(o.styles, "b");
}

TEST(Options, HelpEverywhere) {
    EXPECT_TRUE(parse_options({"--help"}).help);
    EXPECT_TRUE(parse_options({"-h"}).help);
    const Options b = parse_options({"build", "--help"});
    EXPECT_TRUE(b.help);
    EXPECT_EQ(b.command, Command::Build);
    const Options c = parse_options({"check", "-h"});
    EXPECT_TRUE(c.help);
    EXPECT_EQ(c.command, Command::Check);
    EXPECT_TRUE(parse_options({"--version"}).version);
    EXPECT_EQ(parse_options({}).command, Command::None);
}

TEST(Options, UsageTexts) {
    EXPECT_NE(usage(Command::None).find("build"), std::string::npos);
    EXPECT_NE(usage(Command::None).find("check"), std::string::npos);
    const std::string b = usage(Command::Build);
    for (const char* opt : {"--sources DIR", "--styles DIR", "--out DIR", "--jobs N", "--quiet", "--help"})
        EXPECT_NE(b.find(opt), std::string::npos) << opt;
    const std::string c = usage(Command::Check);
    EXPECT_NE(c.find("--sources DIR"), std::string::npos);
    EXPECT_EQ(c.find("--out"), std::string::npos);   // check writes nothing
}

TEST(Options, UnknownCommand) {
    EXPECT_EQ(usage_error({"bild"}), "unknown command 'bild' (see 'tiler --help')");
}

TEST(Options, UnknownOption) {
    EXPECT_EQ(usage_error({"build", "--bogus"}), "unknown option '--bogus' for 'build' (see 'tiler build --help')");
    EXPECT_EQ(usage_error({"--bogus"}), "unknown option '--bogus' (see 'tiler --help')");
    EXPECT_EQ(usage_error({"build", "-x"}), "unknown option '-x' for 'build' (see 'tiler build --help')");
    // --out belongs to build only
    EXPECT_EQ(usage_error({"check", "--out", "x"}), "unknown option '--out' for 'check' (see 'tiler check --help')");
    // options come after the command
    EXPECT_EQ(usage_error({"--sources", "x", "build"}), "unknown option '--sources' (see 'tiler --help')");
}

TEST(Options, MissingValue) {
    EXPECT_EQ(usage_error({"build", "--out"}), "option --out needs a value DIR (see 'tiler build --help')");
    EXPECT_EQ(usage_error({"build", "--sources="}), "option --sources: empty value (see 'tiler build --help')");
    EXPECT_EQ(usage_error({"build", "--quiet=yes"}), "option --quiet takes no value (see 'tiler build --help')");
}

TEST(Options, BadNumbers) {
    for (const char* bad : {"0", "-1", "abc", "2x", "", "99999999999", "1025"}) {
        const std::string msg = usage_error({"build", "--jobs=" + std::string(bad)});
        EXPECT_NE(msg, "(no error)") << bad;
    }
    EXPECT_EQ(usage_error({"build", "--jobs", "abc"}), "option --jobs: 'abc' is not a number from 1 to 1024");
    EXPECT_EQ(parse_options({"build", "--jobs", "1024"}).jobs, 1024U);
}

TEST(Options, UnexpectedArgument) {
    EXPECT_EQ(usage_error({"build", "extra"}), "unexpected argument 'extra' (see 'tiler build --help')");
}

TEST(Options, CommandNames) {
    EXPECT_STREQ(command_name(Command::Build), "build");
    EXPECT_STREQ(command_name(Command::Check), "check");
    EXPECT_STREQ(command_name(Command::None), "");
}

TEST(Options, VectorTileOptions) {
    const Options d = parse_options({"build"});
    EXPECT_EQ(d.minzoom, 0U);
    EXPECT_EQ(d.maxzoom, 12U);
    EXPECT_FALSE(d.tile_dirs);
    EXPECT_EQ(d.base_url, "");
    const Options o = parse_options({"build", "--minzoom", "2", "--maxzoom=14", "--tile-dirs", "--base-url",
                                     "https://example.org/syria"});
    EXPECT_EQ(o.minzoom, 2U);
    EXPECT_EQ(o.maxzoom, 14U);
    EXPECT_TRUE(o.tile_dirs);
    EXPECT_EQ(o.base_url, "https://example.org/syria/");   // a '/' is added
    EXPECT_EQ(parse_options({"build", "--base-url", "http://x/t/"}).base_url, "http://x/t/");
    EXPECT_EQ(parse_options({"build", "--minzoom", "5", "--maxzoom", "5"}).maxzoom, 5U);
}

TEST(Options, BadVectorTileOptions) {
    EXPECT_NE(usage_error({"build", "--maxzoom", "17"}).find("--maxzoom: '17' is not a zoom level from 0 to 16"), std::string::npos);
    EXPECT_NE(usage_error({"build", "--minzoom", "-1"}).find("--minzoom: '-1'"), std::string::npos);
    EXPECT_NE(usage_error({"build", "--minzoom", "x"}).find("not a zoom level"), std::string::npos);
    EXPECT_NE(usage_error({"build", "--minzoom", "9", "--maxzoom", "8"}).find("--minzoom 9 is above --maxzoom 8"),
              std::string::npos);
    EXPECT_NE(usage_error({"build", "--base-url", "tiles/"}).find("not an absolute http:// or https:// URL"),
              std::string::npos);
    EXPECT_NE(usage_error({"build", "--base-url", "https://x/{z}"}).find("contains"), std::string::npos);
    EXPECT_NE(usage_error({"check", "--tile-dirs"}).find("unknown option '--tile-dirs'"), std::string::npos);
    EXPECT_NE(usage_error({"build", "--tile-dirs=yes"}).find("takes no value"), std::string::npos);
    const std::string b = usage(Command::Build);
    for (const char* opt : {"--minzoom Z", "--maxzoom Z", "--tile-dirs", "--base-url URL"})
        EXPECT_NE(b.find(opt), std::string::npos) << opt;
    EXPECT_NE(b.find("absolute URL where the output folder is served"), std::string::npos) << b;
}

TEST(Options, RasterOptions) {
    const Options d = parse_options({"build"});
    EXPECT_TRUE(d.raster);
    EXPECT_EQ(d.raster_minzoom, 0U);
    EXPECT_EQ(d.raster_maxzoom, 10U);
    const Options o = parse_options({"build", "--raster-minzoom", "3", "--raster-maxzoom=14"});
    EXPECT_EQ(o.raster_minzoom, 3U);
    EXPECT_EQ(o.raster_maxzoom, 14U);
    EXPECT_EQ(o.maxzoom, 12U);   // the vector zooms are separate
    EXPECT_FALSE(parse_options({"build", "--no-raster"}).raster);
    EXPECT_NE(usage_error({"build", "--raster-maxzoom", "17"}).find("--raster-maxzoom: '17' is not a zoom level"),
              std::string::npos);
    EXPECT_NE(usage_error({"build", "--raster-minzoom", "6", "--raster-maxzoom", "5"})
                  .find("--raster-minzoom 6 is above --raster-maxzoom 5"),
              std::string::npos);
    EXPECT_NE(usage_error({"build", "--no-raster=1"}).find("takes no value"), std::string::npos);
    EXPECT_NE(usage_error({"check", "--no-raster"}).find("unknown option '--no-raster'"), std::string::npos);
    const std::string b = usage(Command::Build);
    for (const char* opt : {"--no-raster", "--raster-minzoom Z", "--raster-maxzoom Z"})
        EXPECT_NE(b.find(opt), std::string::npos) << opt;
}
