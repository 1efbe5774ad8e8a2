#pragma once
// The partition invariant of the territory engine: on every day the factions' polygons cover the country
// exactly once. A break is a bug in the engine, not bad input.
#include "geos/geos.hpp"
#include "territory/territory.hpp"

#include <string>
#include <vector>

namespace tiler {

/// Overlaps (grid overlay) and spill outside the country up to this fraction of the country's planar area
/// count as none.
inline constexpr double kPartitionAreaTolerance = 1e-9;
/// The parts' planar areas must add up to the country's within this fraction. Looser than the overlay
/// checks: the sum is exact arithmetic, and the grid overlays leave slivers narrower than the grid where a
/// vertex of one faction was rounded next to its neighbour's edge (≈ 1e-8 of the country after 14 days).
inline constexpr double kPartitionGapTolerance = 1e-7;
/// The factions' km² must add up to the country's km² within this relative tolerance.
inline constexpr double kPartitionKm2Tolerance = 1e-6;

/// Checks that parts partition one country, day after day (the country is prepared once).
class PartitionChecker {
public:
    /// Keeps a reference to `country`.
    PartitionChecker(const geos::Context& ctx, const GEOSGeometry* country);

    /// Throws Error("<label>: partition invariant broken: ...") naming what broke unless `parts` partition
    /// the country: every part polygonal; no two parts overlap (pairwise grid intersection area ≈ 0); no part
    /// reaches outside the country (grid difference area ≈ 0); no gaps: with neither overlaps nor spill, the
    /// symmetric difference between the parts' union and the country is the country's area minus the sum of
    /// the parts' areas, ≈ 0; the parts' km² add up to the country's.
    /// `verified`: factions whose territory has not changed since a check that passed; pairs of two of them
    /// and their spill are not computed again (the sums always are).
    void check(const std::vector<Control>& parts, const std::string& label,
               const std::vector<std::string>& verified = {}) const;

private:
    const geos::Context& ctx_;
    const GEOSGeometry* country_;
    geos::Geom margin_;             // the country grown by a few grid cells
    geos::Prepared prepared_margin_;
    double area_ = 0;               // planar, deg²
    double km2_ = 0;
};

/// PartitionChecker(ctx, country).check(parts, label): everything checked.
void check_partition(const geos::Context& ctx, const GEOSGeometry* country, const std::vector<Control>& parts,
                     const std::string& label);

} // namespace tiler
