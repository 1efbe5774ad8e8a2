#include "territory/apply.hpp"

#include "core/error.hpp"

#include <string>

namespace tiler {

Territory::Territory(const geos::Context& ctx, const GEOSGeometry* country, std::size_t factions, std::size_t initial)
    : ctx_(ctx), boxes_(factions), versions_(factions, 0) {
    if (initial >= factions) throw Error("Territory: initial faction " + std::to_string(initial) + " out of range");
    for (std::size_t k = 0; k < factions; ++k) geoms_.push_back(ctx.collect({}, GEOS_MULTIPOLYGON));
    set(initial, ctx.polygonal(ctx.clone(country)));
}

bool Territory::holds_nothing(std::size_t faction) const { return boxes_.at(faction).empty; }

void Territory::set(std::size_t faction, geos::Geom g) {
    g = ctx_.polygonal(std::move(g));
    ctx_.normalize(g.get());
    boxes_[faction] = ctx_.bounds(g.get());
    geoms_[faction] = std::move(g);
    ++versions_[faction];
}

geos::Geom Territory::apply(const GEOSGeometry* region, std::size_t to, std::optional<std::size_t> from) {
    if (to >= size() || (from && *from >= size())) throw Error("Territory::apply: faction out of range");
    geos::Geom r = ctx_.polygonal(ctx_.clone(region));
    if (from) {
        if (!boxes_[*from].intersects(ctx_.bounds(r.get()))) return ctx_.collect({}, GEOS_MULTIPOLYGON);
        r = ctx_.polygonal(ctx_.intersection(r.get(), geoms_[*from].get()));
    }
    const geos::Box rb = ctx_.bounds(r.get());
    if (rb.empty) return r;
    ctx_.normalize(r.get());
    if (from && *from == to) return r;   // held already: nothing changes hands

    const geos::Prepared prepared = ctx_.prepare(r.get());
    for (std::size_t k = 0; k < size(); ++k) {
        if (k == to || (from && k != *from)) continue;
        if (!boxes_[k].intersects(rb) || !ctx_.intersects(prepared.get(), geoms_[k].get())) continue;
        set(k, ctx_.difference(geoms_[k].get(), r.get()));
    }
    set(to, boxes_[to].empty ? ctx_.clone(r.get()) : ctx_.union_(geoms_[to].get(), r.get()));
    return r;
}

std::vector<Control> Territory::snapshot(const Styles& styles) const {
    if (styles.factions.size() != size()) throw Error("Territory::snapshot: styles do not match the factions");
    std::vector<Control> out;
    for (std::size_t k = 0; k < size(); ++k) {
        if (boxes_[k].empty) continue;
        Control c;
        c.faction = styles.factions[k].id;
        c.geom = ctx_.clone(geoms_[k].get());
        c.area_km2 = geos::area_km2(ctx_, c.geom.get());
        out.push_back(std::move(c));
    }
    return out;
}

Targets::Targets(const geos::Context& ctx, const Sources& src, std::vector<geos::Geom> cells)
    : ctx_(ctx), src_(src), cells_(std::move(cells)), areas_(src.areas.size()), governorates_(src.governorates.size()) {
    if (cells_.size() != src.places.size()) throw Error("Targets: cells are not index-aligned with the places");
}

const GEOSGeometry* Targets::region(const Event& e) {
    auto clipped = [&](std::vector<geos::Geom>& cache, const GEOSGeometry* g) -> const GEOSGeometry* {
        geos::Geom& slot = cache.at(e.index);
        if (!slot) {
            slot = ctx_.polygonal(ctx_.intersection(g, src_.country.get()));
            ctx_.normalize(slot.get());
        }
        return slot.get();
    };
    switch (e.kind) {
    case TargetKind::Place:
        return cells_.at(e.index).get();
    case TargetKind::Area:
        return clipped(areas_, src_.areas.at(e.index).geom.get());
    case TargetKind::Governorate:
        return clipped(governorates_, src_.governorates.at(e.index).geom.get());
    case TargetKind::Country:
        return src_.country.get();
    }
    throw Error("Targets: unknown target kind of " + e.target);
}

} // namespace tiler
