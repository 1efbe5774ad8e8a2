#include "raster/raster_style.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <tuple>

namespace tiler {

bool Rgba::operator<(const Rgba& o) const { return std::tie(r, g, b, a) < std::tie(o.r, o.g, o.b, o.a); }

Rgba parse_hex_color(const std::string& hex, const std::string& what) {
    auto nibble = [&](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    bool ok = hex.size() == 7 && hex[0] == '#';
    int v[6] = {0, 0, 0, 0, 0, 0};
    for (std::size_t i = 0; ok && i < 6; ++i) {
        v[i] = nibble(hex[i + 1]);
        ok = v[i] >= 0;
    }
    if (!ok) throw Error(what + ": colour '" + hex + "' is not #rrggbb");
    auto byte = [&](int i) { return static_cast<std::uint8_t>(v[i] * 16 + v[i + 1]); };
    return Rgba{byte(0), byte(2), byte(4), 255};
}

double ZoomWidth::at(double zoom) const {
    const double t = std::clamp((zoom - 5.0) / 5.0, 0.0, 1.0);
    return w5 + (w10 - w5) * t;
}

std::size_t RasterStyle::index(const std::string& faction) const {
    auto it = std::find(faction_ids.begin(), faction_ids.end(), faction);
    if (it == faction_ids.end()) throw Error("raster style: unknown faction '" + faction + "'");
    return static_cast<std::size_t>(it - faction_ids.begin());
}

double RasterStyle::max_width(double zoom) const {
    return std::max({governorate.width.at(zoom), frontline.width.at(zoom), country.width.at(zoom),
                     change.width.at(zoom)});
}

RasterStyle raster_style(const Styles& styles) {
    RasterStyle s;
    for (const Faction& f : styles.factions) {
        s.faction_ids.push_back(f.id);
        s.fill.push_back(parse_hex_color(f.fill, "styles/factions.json: " + f.id + " fill"));
        s.line.push_back(parse_hex_color(f.line, "styles/factions.json: " + f.id + " line"));
    }
    return s;
}

} // namespace tiler
