#include "sources/utf8.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <cstdio>
#include <string>

namespace tiler {

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        const unsigned char c = s[i];
        if (c < 0x80) { ++i; continue; }
        std::size_t len = 0;
        unsigned char lo = 0x80, hi = 0xBF;   // allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF) len = 2;
        else if (c == 0xE0) { len = 3; lo = 0xA0; }
        else if (c >= 0xE1 && c <= 0xEC) len = 3;
        else if (c == 0xED) { len = 3; hi = 0x9F; }            // no UTF-16 surrogates
        else if (c >= 0xEE && c <= 0xEF) len = 3;
        else if (c == 0xF0) { len = 4; lo = 0x90; }
        else if (c >= 0xF1 && c <= 0xF3) len = 4;
        else if (c == 0xF4) { len = 4; hi = 0x8F; }            // nothing above U+10FFFF
        else return i;                                         // continuation byte, C0/C1 overlong, F5..FF
        if (i + len > n) return i;
        if (s[i + 1] < lo || s[i + 1] > hi) return i;
        for (std::size_t k = 2; k < len; ++k)
            if (s[i + k] < 0x80 || s[i + k] > 0xBF) return i;
        i += len;
    }
    return std::nullopt;
}

std::size_t line_of_offset(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

void require_utf8(std::string_view text, const std::string& file) {
    const auto bad = find_invalid_utf8(text);
    if (!bad) return;
    const std::size_t line = line_of_offset(text, *bad);
    const std::size_t line_start = text.rfind('\n', *bad == 0 ? 0 : *bad - 1);
    const std::size_t column = line_start == std::string_view::npos || *bad == 0 ? *bad + 1 : *bad - line_start;
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(text[*bad])));
    throw InputError(file, line,
                     "invalid UTF-8 at byte " + std::to_string(*bad) + " (column " + std::to_string(column) +
                         ", byte " + hex + ")");
}

} // namespace tiler
