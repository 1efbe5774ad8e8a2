#pragma once
// `tiler check`: loads and validates the sources and styles, runs the event log and warns about likely
// slivers (territory/slivers.hpp); writes nothing.
#include "cli/options.hpp"

namespace tiler::cli {

/// Prints a summary and "sources OK", and a warning on stderr per likely sliver; throws InputError on bad
/// input. Returns the exit code (0, also with warnings).
int cmd_check(const Options& options);

} // namespace tiler::cli
