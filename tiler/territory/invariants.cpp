#include "territory/invariants.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace tiler {

namespace {

std::string num(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.9g", v);
    return buf;
}

// A part the country grown by this much covers has no spill worth an overlay (slivers under the grid).
constexpr double kSpillMargin = 4 * geos::kGrid;

} // namespace

PartitionChecker::PartitionChecker(const geos::Context& ctx, const GEOSGeometry* country)
    : ctx_(ctx), country_(country), margin_(ctx.buffer(country, kSpillMargin)),
      prepared_margin_(ctx.prepare(margin_.get())), area_(ctx.planar_area(country)),
      km2_(geos::area_km2(ctx, country)) {}

void PartitionChecker::check(const std::vector<Control>& parts, const std::string& label,
                             const std::vector<std::string>& verified) const {
    auto fail = [&](const std::string& what) { throw Error(label + ": partition invariant broken: " + what); };
    auto is_verified = [&](const std::string& f) {
        return std::find(verified.begin(), verified.end(), f) != verified.end();
    };
    const double tolerance = kPartitionAreaTolerance * area_;

    std::vector<geos::Box> boxes;
    double sum = 0, sum_km2 = 0;
    for (const auto& p : parts) {
        const int t = ctx_.type_id(p.geom.get());
        if (t != GEOS_POLYGON && t != GEOS_MULTIPOLYGON) fail("'" + p.faction + "' is not polygonal");
        boxes.push_back(ctx_.bounds(p.geom.get()));
        sum += ctx_.planar_area(p.geom.get());
        sum_km2 += geos::area_km2(ctx_, p.geom.get());
    }

    // No overlaps: only pairs whose bounds meet can overlap.
    for (std::size_t i = 0; i < parts.size(); ++i) {
        for (std::size_t j = i + 1; j < parts.size(); ++j) {
            if (!boxes[i].intersects(boxes[j]) || (is_verified(parts[i].faction) && is_verified(parts[j].faction)))
                continue;
            const double a = ctx_.planar_area(ctx_.intersection(parts[i].geom.get(), parts[j].geom.get()).get());
            if (a > tolerance)
                fail("'" + parts[i].faction + "' and '" + parts[j].faction + "' overlap (" + num(a) + " deg²)");
        }
    }

    // Nothing outside the country.
    for (const auto& p : parts) {
        if (is_verified(p.faction) || ctx_.covers(prepared_margin_.get(), p.geom.get())) continue;
        const double a = ctx_.planar_area(ctx_.difference(p.geom.get(), country_).get());
        if (a > tolerance) fail("'" + p.faction + "' reaches " + num(a) + " deg² outside the country");
    }

    // No gaps.
    if (area_ - sum > kPartitionGapTolerance * area_)
        fail("a gap of " + num(area_ - sum) + " deg²: the factions' union is not the whole country");
    if (sum - area_ > kPartitionGapTolerance * area_)
        fail("the factions' areas exceed the country's by " + num(sum - area_) + " deg² (overlap or spill)");

    // Total area constant.
    if (std::fabs(sum_km2 - km2_) > kPartitionKm2Tolerance * km2_)
        fail("the factions add up to " + num(sum_km2) + " km² but the country has " + num(km2_) + " km²");
}

void check_partition(const geos::Context& ctx, const GEOSGeometry* country, const std::vector<Control>& parts,
                     const std::string& label) {
    PartitionChecker(ctx, country).check(parts, label);
}

} // namespace tiler
