#include "image_compare.hpp"

#include "raster/vips_image.hpp"

#include <cstdlib>
#include <filesystem>
#include <sstream>

namespace tiler::testing {

namespace {

using vips::VImage;

std::string sibling(const std::string& expected, const std::string& suffix) {
    std::filesystem::path p(expected);
    return (p.parent_path() / (p.stem().string() + suffix)).string();
}

VImage rgba(const VImage& in) {
    VImage out = in;
    if (out.bands() < 3) out = out.colourspace(VIPS_INTERPRETATION_sRGB);
    if (out.bands() == 3) out = out.bandjoin_const({255});
    return out.cast(VIPS_FORMAT_UCHAR);
}

} // namespace

bool update_golden_mode() {
    const char* v = std::getenv("TILER_UPDATE_GOLDEN");
    return v && std::string(v) == "1";
}

ImageCompareResult compare_to_golden(const VImage& actual_in, const std::string& expected_path,
                                     const ImageTolerance& tol) {
    ensure_vips();
    ImageCompareResult r;
    const VImage actual = rgba(actual_in);
    if (update_golden_mode()) {
        write_png(expected_path, actual);
        r.ok = true;
        r.message = "updated " + expected_path;
        return r;
    }
    const std::string actual_path = sibling(expected_path, ".actual.png");
    const std::string diff_path = sibling(expected_path, ".diff.png");
    if (!std::filesystem::exists(expected_path)) {
        write_png(actual_path, actual);
        r.message = "no golden image " + expected_path + " (actual written to " + actual_path +
                    "; run with TILER_UPDATE_GOLDEN=1 to create it)";
        return r;
    }
    const VImage expected = rgba(read_image(expected_path));
    if (expected.width() != actual.width() || expected.height() != actual.height()) {
        write_png(actual_path, actual);
        std::ostringstream m;
        m << "size " << actual.width() << "x" << actual.height() << " differs from the golden "
          << expected.width() << "x" << expected.height() << " (actual written to " << actual_path << ")";
        r.message = m.str();
        return r;
    }
    // Per pixel: the largest channel difference.
    VImage maxd = (actual.cast(VIPS_FORMAT_INT) - expected.cast(VIPS_FORMAT_INT)).abs();
    VImage per_pixel = maxd[0];
    for (int b = 1; b < maxd.bands(); ++b) per_pixel = (per_pixel > maxd[b]).ifthenelse(per_pixel, maxd[b]);
    VImage bad = per_pixel > tol.max_channel_diff;   // 255 where differing
    const double total = static_cast<double>(actual.width()) * actual.height();
    r.differing = static_cast<long long>(bad.avg() / 255.0 * total + 0.5);
    r.max_diff = static_cast<int>(per_pixel.max());
    r.ok = r.differing <= static_cast<long long>(tol.max_diff_fraction * total);
    if (!r.ok) {
        write_png(actual_path, actual);
        VImage faded = (expected.extract_band(0, VImage::option()->set("n", 3)) * 0.3 + 178).cast(VIPS_FORMAT_UCHAR);
        VImage red = faded.new_from_image({255, 0, 0}).cast(VIPS_FORMAT_UCHAR);
        VImage diff = bad.ifthenelse(red, faded);
        write_png(diff_path, diff);
        std::ostringstream m;
        m << r.differing << " of " << static_cast<long long>(total) << " pixels differ by more than "
          << tol.max_channel_diff << " (largest difference " << r.max_diff << ") from " << expected_path
          << "; wrote " << actual_path << " and " << diff_path
          << " (TILER_UPDATE_GOLDEN=1 accepts an intentional change)";
        r.message = m.str();
    }
    return r;
}

} // namespace tiler::testing
