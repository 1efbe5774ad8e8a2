#pragma once
// Golden-image comparison for tests: pixels compared with a tolerance, never bytes.
// On failure the actual image and a diff image are written next to the expected file
// (`<name>.actual.png`, `<name>.diff.png`: differing pixels red over a faded copy of the expected image).
// Update mode for intentional changes: with TILER_UPDATE_GOLDEN=1 in the environment the actual image
// replaces the expected file and the comparison passes.
#include <vips/vips8>

#include <string>

namespace tiler::testing {

struct ImageTolerance {
    int max_channel_diff = 2;        ///< a pixel differs when any channel differs by more than this
    double max_diff_fraction = 0.0;  ///< share of differing pixels still accepted (0..1)
};

struct ImageCompareResult {
    bool ok = false;
    std::string message;             ///< why it failed, with counts and where actual/diff were written
    long long differing = 0;
    int max_diff = 0;
};

/// Compares `actual` (RGBA or RGB, 8-bit) to the PNG at `expected_path`.
ImageCompareResult compare_to_golden(const vips::VImage& actual, const std::string& expected_path,
                                     const ImageTolerance& tolerance = {});

/// True when TILER_UPDATE_GOLDEN=1.
bool update_golden_mode();

} // namespace tiler::testing
