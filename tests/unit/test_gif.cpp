#include "raster/gif.hpp"

#include "core/error.hpp"
#include "raster/vips_image.hpp"

#include <gtest/gtest.h>

#include <fstream>

using namespace tiler;
using vips::VImage;

namespace {

std::vector<GifFrame> frames(int n, int width, int height) {
    std::vector<GifFrame> out;
    for (int i = 0; i < n; ++i) {
        const auto c = static_cast<std::uint8_t>(40 + 60 * i);
        VImage img = solid_image(width, height, Rgba{c, 100, static_cast<std::uint8_t>(255 - c), 255});
        img = paste(img, solid_image(width / 3, height / 3, Rgba{250, 250, 250, 255}), i * 10, i * 10);
        out.push_back(GifFrame{img, "2024-11-" + std::to_string(26 + i)});
    }
    return out;
}

} // namespace

TEST(Gif, ReadBackFramesDelaysLoop) {
    GifOptions o;
    o.width = 300;
    const std::string gif = animated_gif(frames(3, 600, 400), o);
    EXPECT_LE(gif.size(), o.max_bytes);
    const std::string path = ::testing::TempDir() + "test.gif";
    std::ofstream(path, std::ios::binary).write(gif.data(), static_cast<std::streamsize>(gif.size()));
    ensure_vips();
    const VImage back = VImage::new_from_file(path.c_str(), VImage::option()->set("n", -1));
    EXPECT_EQ(back.get_int("n-pages"), 3);
    const int page_height = back.get_int("page-height");
    EXPECT_EQ(back.height(), 3 * page_height);
    EXPECT_EQ(back.width(), 300);
    const std::vector<int> delays = back.get_array_int("delay");
    ASSERT_EQ(delays.size(), 3u);
    EXPECT_EQ(delays[0], o.delay_ms);
    EXPECT_EQ(delays[1], o.delay_ms);
    EXPECT_EQ(delays[2], o.last_delay_ms);
    EXPECT_EQ(back.get_int("loop"), 0);
    // The frames differ (one per day) and each carries its caption on top (dark pixels in the strip).
    const VImage p0 = back.extract_area(0, 0, 300, page_height), p2 = back.extract_area(0, 2 * page_height, 300, page_height);
    EXPECT_GT((p0.cast(VIPS_FORMAT_INT) - p2.cast(VIPS_FORMAT_INT)).abs().max(), 50.0);
    EXPECT_LT(p2.extract_area(0, 0, 300, 40).extract_band(0).min(), 100.0);
}

TEST(Gif, ShrinksUntilItFits) {
    GifOptions o;
    o.width = 400;
    o.max_bytes = 6000;
    o.min_width = 50;
    const std::string gif = animated_gif(frames(2, 800, 600), o);
    EXPECT_LE(gif.size(), 6000u);
    const VImage back = VImage::new_from_buffer(gif, "", VImage::option()->set("n", -1));
    EXPECT_LT(back.width(), 400);
    o.max_bytes = 10;
    EXPECT_THROW(animated_gif(frames(2, 800, 600), o), Error);
    EXPECT_THROW(animated_gif({}, o), Error);
}
