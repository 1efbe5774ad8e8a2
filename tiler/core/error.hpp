#pragma once
// The exception hierarchy of tiler. Only main() turns these into messages and exit codes:
//   InputError, UsageError -> exit 2 (bad input or usage; nothing under --out changes)
//   Error (anything else)  -> exit 1 (failure while running)
#include <cstddef>
#include <stdexcept>
#include <string>

namespace tiler {

/// Base of every error tiler throws on purpose.
class Error : public std::runtime_error {
public:
    explicit Error(const std::string& what) : std::runtime_error(what) {}
};

/// Bad input data: names the file, the line (0 = whole file) and the problem.
class InputError : public Error {
public:
    InputError(std::string file, std::size_t line, std::string problem)
        : Error(format(file, line, problem)), file_(std::move(file)), line_(line), problem_(std::move(problem)) {}

    const std::string& file() const noexcept { return file_; }
    std::size_t line() const noexcept { return line_; }
    const std::string& problem() const noexcept { return problem_; }

private:
    static std::string format(const std::string& file, std::size_t line, const std::string& problem) {
        return line == 0 ? file + ": " + problem : file + ":" + std::to_string(line) + ": " + problem;
    }
    std::string file_;
    std::size_t line_;
    std::string problem_;
};

/// Bad command line.
class UsageError : public Error {
public:
    explicit UsageError(const std::string& what) : Error(what) {}
};

/// A GEOS operation failed (GEOS's own message is included).
class GeosError : public Error {
public:
    explicit GeosError(const std::string& what) : Error("GEOS: " + what) {}
};

/// A GDAL/OGR operation failed: names driver, file and layer where known.
class GdalError : public Error {
public:
    explicit GdalError(const std::string& what) : Error("GDAL: " + what) {}
};

/// Writing output failed (I/O).
class OutputError : public Error {
public:
    explicit OutputError(const std::string& what) : Error(what) {}
};

} // namespace tiler
