#pragma once
// Reading one input file whole, with errors that name it as the user wrote it.
#include <string>

namespace tiler {

/// The bytes of the regular file at `path`. Throws InputError(file, 0, ...) if it is missing, not a regular
/// file or unreadable; `file` is the name used in messages (e.g. `sources/events.csv`).
std::string read_input_file(const std::string& path, const std::string& file);

} // namespace tiler
