// The raster stage (stage_raster.hpp) on the small CLI fixture (3 days): every file it writes is listed in
// index.json and read back with libvips; the tiles cover the requested zooms; unchanged tiles are reused; the
// TileJSON (read with nlohmann::json) names the tiles under --base-url, the URL of the output folder.
// (The real sources are checked end to end in tests/e2e/raster.cmake.)
#include "cli/stage_raster.hpp"

#include "output/stats_csv.hpp"
#include "sources/load.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <vips/vips8>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace tiler;
using namespace tiler::cli;
namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path path = fs::temp_directory_path() / ("tiler-stage-raster-" + std::to_string(::getpid()));
    TempDir() { fs::remove_all(path); }
    ~TempDir() { fs::remove_all(path); }
};

bool listed(const std::vector<std::string>& files, const std::string& f) {
    return std::find(files.begin(), files.end(), f) != files.end();
}

} // namespace

TEST(StageRaster, WritesTilesMapsGifChartAndListsThem) {
    const geos::Context ctx;
    const Sources src = load_sources(ctx, TILER_TEST_DATA "/cli_sources", TILER_TEST_DATA "/cli_styles");
    const std::vector<DayMap> days = build_timeline(ctx, src);
    ASSERT_EQ(days.size(), 3U);

    TempDir tmp;
    OutputTransaction tx((tmp.path / "out").string());
    OutputIndex index(src.first, src.last);
    write_stats_csv(tx.path("stats.csv"), src.styles, days);
    Progress progress(false);
    StageOutput out{tx, index, progress};
    Options options;
    options.raster_minzoom = 2;
    options.raster_maxzoom = 9;
    options.jobs = 2;
    options.base_url = "https://example.org/syria/";
    const RasterStageResult r = write_raster_outputs(StageInput{ctx, src, days, options}, out);

    EXPECT_GT(r.tiles, 0U);
    EXPECT_GT(r.reused, 0U) << "a tile far from the day's changes should be reused from the day before";
    EXPECT_LT(r.rendered, r.tiles);
    EXPECT_GT(r.gif_bytes, 0U);
    EXPECT_LE(r.gif_bytes, 2U * 1024 * 1024);

    EXPECT_TRUE(listed(index.files(), "offensive.gif"));
    EXPECT_TRUE(listed(index.files(), "stats.png"));
    for (const IndexDay& d : index.days()) {
        const std::string date = d.date.str();
        for (const std::string& f : {"raster/" + date + ".mbtiles", "raster/" + date + ".pmtiles", "raster/" + date + ".json",
                                    "raster/" + date + "/", "maps/" + date + ".png"}) {
            EXPECT_TRUE(listed(d.files, f)) << f;
            EXPECT_TRUE(fs::exists(tx.path(f))) << f;
        }
        // zooms 2..9 only
        EXPECT_FALSE(fs::exists(tx.path("raster/" + date + "/1")));
        EXPECT_TRUE(fs::is_directory(tx.path("raster/" + date + "/2")));
        EXPECT_TRUE(fs::is_directory(tx.path("raster/" + date + "/9")));
        EXPECT_FALSE(fs::exists(tx.path("raster/" + date + "/10")));
        std::ifstream tilejson(tx.path("raster/" + date + ".json"));
        const auto tj = nlohmann::json::parse(tilejson);
        ASSERT_EQ(tj["tiles"].size(), 1U);
        EXPECT_EQ(tj["tiles"][0], "https://example.org/syria/raster/" + date + "/{z}/{x}/{y}.png");
        const vips::VImage map = vips::VImage::new_from_file(tx.path("maps/" + date + ".png").c_str());
        EXPECT_EQ(map.width(), 1600);
        EXPECT_EQ(map.bands(), 3);
    }

    const vips::VImage gif = vips::VImage::new_from_file(tx.path("offensive.gif").c_str(),
                                                         vips::VImage::option()->set("n", -1));
    EXPECT_EQ(gif.get_int("n-pages"), 3);
    EXPECT_EQ(gif.get_int("loop"), 0);
    const std::vector<int> delays = gif.get_array_int("delay");
    ASSERT_EQ(delays.size(), 3U);
    EXPECT_GT(delays.back(), delays.front());
    const vips::VImage chart = vips::VImage::new_from_file(tx.path("stats.png").c_str());
    EXPECT_GT(chart.width(), 600);
}
