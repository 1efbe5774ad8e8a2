#pragma once
// Writing a whole small text file (CSV, JSON) in one go.
#include <string>

namespace tiler {

/// Writes `content` to `file` (replacing it); throws OutputError naming the file and the reason.
void write_text_file(const std::string& file, const std::string& content);

} // namespace tiler
