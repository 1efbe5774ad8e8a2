#pragma once
// `tiler build`: sources -> timeline -> everything under --out, written into a staging directory and
// swapped in atomically. Bad input is found before anything under --out is touched.
#include "cli/options.hpp"

namespace tiler::cli {

/// Returns the exit code (0); throws on failure (the previous output stays as it was).
int cmd_build(const Options& options);

} // namespace tiler::cli
