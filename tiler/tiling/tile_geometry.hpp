#pragma once
// Geometry in tile coordinates: integers on the extent grid (4096), x to the right, y DOWN, origin at the
// tile's top-left corner; values outside [0, extent] lie in the clip buffer.
#include <cstdint>
#include <vector>

namespace tiler {

struct IPoint {
    std::int32_t x = 0, y = 0;
    bool operator==(const IPoint& o) const { return x == o.x && y == o.y; }
    bool operator!=(const IPoint& o) const { return !(*this == o); }
    bool operator<(const IPoint& o) const { return x != o.x ? x < o.x : y < o.y; }
};

/// A ring WITHOUT its closing point (first != last); at least 3 points when valid.
using IRing = std::vector<IPoint>;
using ILine = std::vector<IPoint>;

struct IPolygon {
    IRing exterior;
    std::vector<IRing> interiors;
};

/// Twice the signed area by the surveyor's formula, sum of (x_i * y_{i+1} - x_{i+1} * y_i), over the
/// open ring. In tile coordinates (y down) a positive value is a ring that looks clockwise on screen —
/// the MVT 2.1 exterior ring; negative is an interior ring (spec 4.3.4.4).
inline std::int64_t twice_signed_area(const IRing& r) {
    std::int64_t s = 0;
    const std::size_t n = r.size();
    for (std::size_t i = 0; i < n; ++i) {
        const IPoint& a = r[i];
        const IPoint& b = r[(i + 1) % n];
        s += static_cast<std::int64_t>(a.x) * b.y - static_cast<std::int64_t>(b.x) * a.y;
    }
    return s;
}

} // namespace tiler
