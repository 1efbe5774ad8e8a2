#pragma once
// Applying events: the territory of every faction as one partition of the country, changed one region at a
// time (every other faction loses the region, the new one gains it), all on the fixed grid.
#include "geos/geos.hpp"
#include "sources/model.hpp"
#include "territory/territory.hpp"

#include <cstddef>
#include <optional>
#include <vector>

namespace tiler {

/// The territory of every faction, index-aligned with Styles::factions. Starts as the whole country held
/// by one faction. Every geometry is a normalized MultiPolygon on the grid (empty = holds nothing).
class Territory {
public:
    Territory(const geos::Context& ctx, const GEOSGeometry* country, std::size_t factions, std::size_t initial);

    /// `region` (already inside the country) changes hands to faction `to`; with `from`, only the part
    /// `from` holds. Returns the region that actually changed hands (possibly empty).
    geos::Geom apply(const GEOSGeometry* region, std::size_t to, std::optional<std::size_t> from = std::nullopt);

    std::size_t size() const { return geoms_.size(); }
    const GEOSGeometry* geom(std::size_t faction) const { return geoms_.at(faction).get(); }
    bool holds_nothing(std::size_t faction) const;
    /// Counts the changes to one faction's geometry (to know what must be derived again).
    std::size_t version(std::size_t faction) const { return versions_.at(faction); }

    /// Copies of the non-empty factions, in styles order, with km².
    std::vector<Control> snapshot(const Styles& styles) const;

private:
    void set(std::size_t faction, geos::Geom g);

    const geos::Context& ctx_;
    std::vector<geos::Geom> geoms_;
    std::vector<geos::Box> boxes_;
    std::vector<std::size_t> versions_;
};

/// Resolves event targets to regions inside the country (place -> its Voronoi cell, area / governorate ->
/// its polygon ∩ country, country -> country), computing each region once.
class Targets {
public:
    /// `cells`: place_cells(ctx, src). Keeps references to src.
    Targets(const geos::Context& ctx, const Sources& src, std::vector<geos::Geom> cells);
    const GEOSGeometry* region(const Event& e);

private:
    const geos::Context& ctx_;
    const Sources& src_;
    std::vector<geos::Geom> cells_;
    std::vector<geos::Geom> areas_;
    std::vector<geos::Geom> governorates_;
};

} // namespace tiler
