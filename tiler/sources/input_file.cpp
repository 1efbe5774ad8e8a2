#include "sources/input_file.hpp"

#include "core/error.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace tiler {

std::string read_input_file(const std::string& path, const std::string& file) {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (!std::filesystem::exists(status)) throw InputError(file, 0, "missing file (no such file)");
    if (!std::filesystem::is_regular_file(status)) throw InputError(file, 0, "not a regular file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(file, 0, std::string("cannot open: ") + std::strerror(errno));
    std::ostringstream out;
    out << in.rdbuf();
    if (in.bad()) throw InputError(file, 0, "read error");
    return out.str();
}

} // namespace tiler
