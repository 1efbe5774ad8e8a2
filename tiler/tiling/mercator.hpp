#pragma once
// Web Mercator (EPSG:3857) and the XYZ tile grid. World pixel/tile coordinates have y growing southwards.
#include <algorithm>
#include <cmath>
#include <cstdint>

namespace tiler::mercator {

inline constexpr double kPi = 3.14159265358979323846;
inline constexpr double kEarthRadius = 6378137.0;
inline constexpr double kMaxLat = 85.0511287798066;
inline constexpr double kHalfWorld = kPi * kEarthRadius;   ///< 20037508.342789244 m

/// lon/lat (degrees) -> EPSG:3857 metres.
inline void to_meters(double lon, double lat, double& x, double& y) {
    lat = std::clamp(lat, -kMaxLat, kMaxLat);
    x = lon * kPi / 180.0 * kEarthRadius;
    y = std::log(std::tan(kPi / 4.0 + lat * kPi / 360.0)) * kEarthRadius;
}

/// EPSG:3857 metres -> lon/lat degrees.
inline void to_lonlat(double x, double y, double& lon, double& lat) {
    lon = x / kEarthRadius * 180.0 / kPi;
    lat = (2.0 * std::atan(std::exp(y / kEarthRadius)) - kPi / 2.0) * 180.0 / kPi;
}

/// lon/lat -> normalised world coordinates in [0,1]² (x east, y south).
inline void to_world(double lon, double lat, double& wx, double& wy) {
    double mx, my;
    to_meters(lon, lat, mx, my);
    wx = (mx + kHalfWorld) / (2 * kHalfWorld);
    wy = (kHalfWorld - my) / (2 * kHalfWorld);
}

struct TileId {
    std::uint32_t z = 0, x = 0, y = 0;   ///< XYZ (y from the north)
    bool operator==(const TileId& o) const { return z == o.z && x == o.x && y == o.y; }
    bool operator<(const TileId& o) const { return z != o.z ? z < o.z : x != o.x ? x < o.x : y < o.y; }
};

/// The TMS row MBTiles stores for an XYZ row.
inline std::uint32_t tms_row(std::uint32_t z, std::uint32_t y) { return (1u << z) - 1u - y; }

/// Tile bounds in EPSG:3857 metres.
inline void tile_bounds_m(TileId t, double& minx, double& miny, double& maxx, double& maxy) {
    const double size = 2 * kHalfWorld / static_cast<double>(1u << t.z);
    minx = -kHalfWorld + t.x * size;
    maxx = minx + size;
    maxy = kHalfWorld - t.y * size;
    miny = maxy - size;
}

/// Range of tiles at zoom z covering a lon/lat box (inclusive).
inline void tile_range(std::uint32_t z, double west, double south, double east, double north,
                       std::uint32_t& x0, std::uint32_t& y0, std::uint32_t& x1, std::uint32_t& y1) {
    const double n = static_cast<double>(1u << z);
    double wx0, wy0, wx1, wy1;
    to_world(west, north, wx0, wy0);
    to_world(east, south, wx1, wy1);
    auto clampi = [&](double v) {
        return static_cast<std::uint32_t>(std::clamp(std::floor(v * n), 0.0, n - 1));
    };
    x0 = clampi(wx0); y0 = clampi(wy0); x1 = clampi(wx1); y1 = clampi(wy1);
}

} // namespace tiler::mercator
