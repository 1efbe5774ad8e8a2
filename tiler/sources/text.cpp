#include "sources/text.hpp"

namespace tiler {

std::string collapse_text(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool pending_space = false;
    auto put = [&](std::string_view piece) {
        if (pending_space && !out.empty()) out += ' ';
        pending_space = false;
        out += piece;
    };
    for (std::size_t i = 0; i < s.size();) {
        const char c = s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') { pending_space = true; ++i; continue; }
        if (s.compare(i, 2, "\xC2\xA0") == 0) { pending_space = true; i += 2; continue; }
        if (s.compare(i, 2, "\xE2\x80") == 0 && i + 2 < s.size()) {
            const auto b = static_cast<unsigned char>(s[i + 2]);
            if (b == 0x98 || b == 0x99 || b == 0x9B) { put("'"); i += 3; continue; }
            if (b == 0x9C || b == 0x9D || b == 0x9F) { put("\""); i += 3; continue; }
            if (b == 0xB2) { put("'"); i += 3; continue; }
            if (b == 0xB3) { put("\""); i += 3; continue; }
        }
        put(std::string_view(&s[i], 1));
        ++i;
    }
    return out;
}

std::string name_key(std::string_view s) {
    std::string k = collapse_text(s);
    for (auto& c : k)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return k;
}

std::string utf8_prefix(std::string_view s, std::size_t n) {
    std::size_t i = 0, count = 0;
    while (i < s.size() && count < n) {
        ++i;
        while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;   // continuation bytes
        ++count;
    }
    std::string out(s.substr(0, i));
    if (i < s.size()) out += "\xE2\x80\xA6";
    return out;
}

} // namespace tiler
