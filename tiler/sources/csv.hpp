#pragma once
// A strict RFC 4180 CSV reader: comma separated, `"` quoting with `""` escapes, LF or CRLF line ends, a header row
// that must name exactly the expected columns in order, and every record exactly as many fields as the header.
// Text must be UTF-8 (a leading byte order mark is skipped). Errors are InputError(file, line, ...) with the
// 1-based physical line where the offending record starts.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tiler {

struct CsvRow {
    std::size_t line = 0;               ///< physical line where the record starts
    std::vector<std::string> fields;    ///< exactly one per column
};

struct CsvTable {
    std::vector<std::string> columns;
    std::vector<CsvRow> rows;
};

/// Parses `text` (the contents of `file`, which only names errors) against the expected `columns`.
CsvTable parse_csv(std::string_view text, const std::string& file, const std::vector<std::string>& columns);

/// Reads the file at `path` and parses it; `file` is the name used in errors.
CsvTable read_csv(const std::string& path, const std::string& file, const std::vector<std::string>& columns);

} // namespace tiler
