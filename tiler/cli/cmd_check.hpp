#pragma once
// `tiler check`: loads and validates the sources and styles; writes nothing.
#include "cli/options.hpp"

namespace tiler::cli {

/// Prints a summary and "sources OK"; throws InputError on bad input. Returns the exit code (0).
int cmd_check(const Options& options);

} // namespace tiler::cli
