#include "output/text_file.hpp"

#include "core/error.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>

namespace tiler {

void write_text_file(const std::string& file, const std::string& content) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    if (!out) throw OutputError(file + ": cannot create: " + std::strerror(errno));
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.close();
    if (!out) throw OutputError(file + ": cannot write: " + std::strerror(errno));
}

} // namespace tiler
