#include "tiling/zoom_tiler.hpp"

#include "encode/mvt_builder.hpp"
#include "tiling/clip.hpp"
#include "tiling/wkb.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <variant>
#include <map>
#include <memory>
#include <tuple>
#include <unordered_map>

namespace tiler {

namespace {

enum LayerId { kControl, kChanges, kFrontlines, kBoundaries, kLayerGeoms };
constexpr const char* kLayerNames[] = {"control", "changes", "frontlines", "boundaries", "places"};

using Props = std::vector<std::pair<std::string, mvt::Value>>;
using SharedGeom = std::shared_ptr<geos::Geom>;

struct Item {
    int feature = 0;
    SharedGeom geom;   ///< polygonal (control, changes) or lineal, world pixel coordinates of the zoom
};
struct PlaceItem {
    int feature = 0;
    geos::XY px;
};
struct Content {
    std::array<std::vector<Item>, kLayerGeoms> items;
    std::vector<PlaceItem> places;
    bool empty() const {
        for (const auto& v : items)
            if (!v.empty()) return false;
        return places.empty();
    }
};

using TileKey = std::pair<std::uint32_t, std::uint32_t>;   // x, y
using TileMap = std::map<TileKey, std::shared_ptr<const std::string>>;

class ZoomTiler {
public:
    ZoomTiler(const TilingInput& in, unsigned z, const VectorTileOptions& opt)
        : in_(in), z_(z), opt_(opt), scale_(static_cast<double>(opt.extent) * static_cast<double>(1u << z)) {}

    ZoomTiles run() {
        simplify();
        label_faces();
        build_boundaries();
        ZoomTiles out;
        for (std::size_t d = 0; d < in_.dates.size(); ++d) {
            day_ = d;
            Content root = day_content();
            find_dirty();
            cur_.clear();
            descend(0, 0, 0, std::move(root));
            std::vector<Tile> tiles;
            tiles.reserve(cur_.size());
            for (const auto& [key, data] : cur_)
                tiles.push_back(Tile{mercator::TileId{z_, key.first, key.second}, data});
            out.days.push_back(std::move(tiles));
            prev_ = std::move(cur_);
            cur_ = TileMap{};
        }
        out.encoded = encoded_;
        out.reused = reused_;
        out.solid = solid_;
        return out;
    }

private:
    const TilingInput& in_;
    unsigned z_;
    const VectorTileOptions& opt_;
    double scale_;
    geos::Context ctx_;
    SimplifiedCoverage sc_;
    std::vector<geos::Box> face_box_;
    std::vector<std::vector<int>> fac_, since_, chg_;   // [day][face]
    std::vector<std::pair<Props, SharedGeom>> boundaries_;
    std::size_t day_ = 0;
    std::vector<Props> defs_;                          // features of the current day
    std::vector<geos::Box> dirty_;
    TileMap prev_, cur_;
    std::unordered_map<std::string, std::shared_ptr<const std::string>> solid_cache_;
    // control groups of the previous day, to reuse unions whose faces did not change
    std::map<std::pair<int, int>, std::pair<std::vector<int>, SharedGeom>> prev_groups_, prev_changes_;
    std::size_t encoded_ = 0, reused_ = 0, solid_ = 0;

    double tolerance() const { return z_ >= opt_.maxzoom ? opt_.maxzoom_tolerance : opt_.tolerance; }

    void simplify() {
        SimplifyParams p;
        p.scale = scale_;
        p.tolerance = tolerance();
        p.grid = 1.0;
        sc_ = simplify_edges(ctx_, in_.edges, p);
        for (const auto& f : sc_.faces) face_box_.push_back(ctx_.bounds(f.get()));
    }

    void label_faces() {
        const std::vector<geos::XY> pts = face_points(ctx_, sc_);
        std::vector<geos::Geom> world_pts;
        for (const auto& [x, y] : pts) world_pts.push_back(ctx_.point(x / scale_, y / scale_));
        const std::size_t nd = in_.dates.size(), nf = sc_.faces.size();
        fac_.assign(nd, std::vector<int>(nf, -1));
        since_.assign(nd, std::vector<int>(nf, -1));
        chg_.assign(nd, std::vector<int>(nf, -1));
        for (std::size_t d = 0; d < nd; ++d) {
            for (const auto& [faction, wkb] : in_.control_wkb[d]) {
                const geos::Geom g = geos::from_wkb(ctx_, wkb);
                const geos::Prepared prep = ctx_.prepare(g.get());
                const geos::Box box = ctx_.bounds(g.get());
                for (std::size_t f = 0; f < nf; ++f) {
                    if (fac_[d][f] >= 0) continue;
                    const auto [x, y] = pts[f];
                    const double wx = x / scale_, wy = y / scale_;
                    if (wx < box.minx || wx > box.maxx || wy < box.miny || wy > box.maxy) continue;
                    if (ctx_.covers(prep.get(), world_pts[f].get())) fac_[d][f] = faction;
                }
            }
            for (std::size_t f = 0; f < nf; ++f) {
                const bool same = d > 0 && fac_[d][f] == fac_[d - 1][f];
                since_[d][f] = same ? since_[d - 1][f] : static_cast<int>(d);
                if (d > 0 && !same && fac_[d][f] >= 0 && fac_[d - 1][f] >= 0) chg_[d][f] = fac_[d - 1][f];
            }
        }
    }

    SharedGeom shared(geos::Geom g) { return std::make_shared<geos::Geom>(std::move(g)); }

    void build_boundaries() {
        std::vector<geos::Geom> outline;
        for (std::size_t l = 0; l < sc_.lines.size(); ++l) {
            const auto& lf = sc_.line_faces[l];
            if ((lf[0] < 0) != (lf[1] < 0)) outline.push_back(ctx_.clone(sc_.lines[l].get()));
        }
        if (!outline.empty()) {
            geos::Geom merged = ctx_.line_merge(ctx_.collect(std::move(outline), GEOS_MULTILINESTRING).get());
            boundaries_.emplace_back(Props{{"kind", std::string("country")}}, shared(std::move(merged)));
        }
        for (const auto& [name, rings] : in_.governorates) {
            std::vector<geos::Geom> lines;
            for (const geos::Path& r : rings) {
                geos::Path m;
                for (const auto& [x, y] : douglas_peucker(scaled(r), tolerance())) {
                    const geos::XY p{std::round(x), std::round(y)};
                    if (m.empty() || m.back() != p) m.push_back(p);
                }
                if (m.size() >= 2) lines.push_back(geos::line_string(ctx_, m));
            }
            if (lines.empty()) continue;
            boundaries_.emplace_back(Props{{"kind", std::string("governorate")}, {"name", name}},
                                     shared(ctx_.collect(std::move(lines), GEOS_MULTILINESTRING)));
        }
    }

    geos::Path scaled(const geos::Path& p) const {
        geos::Path out(p.size());
        for (std::size_t i = 0; i < p.size(); ++i) out[i] = {p[i].first * scale_, p[i].second * scale_};
        return out;
    }

    SharedGeom union_of(const std::vector<int>& faces) { return shared(union_of_faces(ctx_, sc_, faces)); }

    /// Features of groups of faces keyed by `key`, reusing yesterday's unions of unchanged groups.
    void add_groups(const std::map<std::pair<int, int>, std::vector<int>>& groups,
                    std::map<std::pair<int, int>, std::pair<std::vector<int>, SharedGeom>>& previous, LayerId layer,
                    Content& c, const std::function<Props(std::pair<int, int>)>& props) {
        std::map<std::pair<int, int>, std::pair<std::vector<int>, SharedGeom>> now;
        for (const auto& [key, faces] : groups) {
            const auto it = previous.find(key);
            SharedGeom g = it != previous.end() && it->second.first == faces ? it->second.second : union_of(faces);
            now[key] = {faces, g};
            defs_.push_back(props(key));
            c.items[layer].push_back(Item{static_cast<int>(defs_.size() - 1), g});
        }
        previous = std::move(now);
    }

    Content day_content() {
        const std::size_t d = day_;
        defs_.clear();
        Content c;
        std::map<std::pair<int, int>, std::vector<int>> control, changes;
        for (std::size_t f = 0; f < sc_.faces.size(); ++f) {
            if (fac_[d][f] < 0) continue;
            control[{fac_[d][f], since_[d][f]}].push_back(static_cast<int>(f));
            if (chg_[d][f] >= 0) changes[{chg_[d][f], fac_[d][f]}].push_back(static_cast<int>(f));
        }
        add_groups(control, prev_groups_, kControl, c, [&](std::pair<int, int> k) {
            const auto fi = static_cast<std::size_t>(k.first);
            return Props{{"faction", in_.faction_ids[fi]},
                         {"name", in_.faction_names[fi]},
                         {"since", in_.dates[static_cast<std::size_t>(k.second)]}};
        });
        add_groups(changes, prev_changes_, kChanges, c, [&](std::pair<int, int> k) {
            Props p{{"from", in_.faction_ids[static_cast<std::size_t>(k.first)]},
                    {"to", in_.faction_ids[static_cast<std::size_t>(k.second)]}};
            const auto it = in_.change_km2[d].find(k);
            if (it != in_.change_km2[d].end()) p.emplace_back("km2", std::round(it->second * 100) / 100);
            return p;
        });
        // Frontlines: simplified edges with two different factions on their sides.
        std::map<std::pair<int, int>, std::vector<geos::Geom>> fronts;
        for (std::size_t l = 0; l < sc_.lines.size(); ++l) {
            const auto& lf = sc_.line_faces[l];
            if (lf[0] < 0 || lf[1] < 0) continue;
            int a = fac_[d][static_cast<std::size_t>(lf[0])], b = fac_[d][static_cast<std::size_t>(lf[1])];
            if (a < 0 || b < 0 || a == b) continue;
            if (b < a) std::swap(a, b);
            fronts[{a, b}].push_back(ctx_.clone(sc_.lines[l].get()));
        }
        for (auto& [key, lines] : fronts) {
            geos::Geom merged = ctx_.line_merge(ctx_.collect(std::move(lines), GEOS_MULTILINESTRING).get());
            defs_.push_back(Props{{"a", in_.faction_ids[static_cast<std::size_t>(key.first)]},
                                  {"b", in_.faction_ids[static_cast<std::size_t>(key.second)]}});
            c.items[kFrontlines].push_back(Item{static_cast<int>(defs_.size() - 1), shared(std::move(merged))});
        }
        for (const auto& [props, g] : boundaries_) {
            defs_.push_back(props);
            c.items[kBoundaries].push_back(Item{static_cast<int>(defs_.size() - 1), g});
        }
        std::vector<std::size_t> order;
        for (std::size_t i = 0; i < in_.places.size(); ++i)
            if (place_minzoom(in_.places[i].place->rank, opt_) <= z_) order.push_back(i);
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            const Place& pa = *in_.places[a].place;
            const Place& pb = *in_.places[b].place;
            return std::tie(pa.rank, pa.id) < std::tie(pb.rank, pb.id);
        });
        for (std::size_t i : order) {
            const TilingPlace& tp = in_.places[i];
            Props p{{"name", tp.place->name}, {"kind", tp.place->kind}, {"rank", std::int64_t{tp.place->rank}}};
            if (tp.faction[d] >= 0) p.emplace_back("faction", in_.faction_ids[static_cast<std::size_t>(tp.faction[d])]);
            if (tp.captured[d] >= 0) p.emplace_back("captured", in_.dates[static_cast<std::size_t>(tp.captured[d])]);
            defs_.push_back(std::move(p));
            c.places.push_back(PlaceItem{static_cast<int>(defs_.size() - 1),
                                         {tp.world.first * scale_, tp.world.second * scale_}});
        }
        return c;
    }

    void find_dirty() {
        dirty_.clear();
        const std::size_t d = day_;
        if (d == 0) return;
        for (std::size_t f = 0; f < sc_.faces.size(); ++f)
            if (fac_[d][f] != fac_[d - 1][f] || since_[d][f] != since_[d - 1][f] || chg_[d][f] != chg_[d - 1][f])
                dirty_.push_back(face_box_[f]);
        for (const TilingPlace& tp : in_.places) {
            if (place_minzoom(tp.place->rank, opt_) > z_) continue;
            if (tp.faction[d] == tp.faction[d - 1] && tp.captured[d] == tp.captured[d - 1]) continue;
            const double x = tp.world.first * scale_, y = tp.world.second * scale_;
            dirty_.push_back(geos::Box{x, y, x, y, false});
        }
    }

    bool is_dirty(const geos::Box& rect) const {
        if (day_ == 0 || !opt_.reuse_previous_day) return true;
        for (const auto& b : dirty_)
            if (b.intersects(rect)) return true;
        return false;
    }

    Content clip(const Content& c, const geos::Box& r) {
        Content out;
        for (std::size_t l = 0; l < c.items.size(); ++l)
            for (const Item& it : c.items[l]) {
                const geos::Box b = ctx_.bounds(it.geom->get());
                if (!b.intersects(r)) continue;
                if (b.minx >= r.minx && b.maxx <= r.maxx && b.miny >= r.miny && b.maxy <= r.maxy) {
                    out.items[l].push_back(it);   // wholly inside: share, no copy
                    continue;
                }
                geos::Geom g = clip_rect(ctx_, it.geom->get(), r.minx, r.miny, r.maxx, r.maxy);
                if (!ctx_.is_empty(g.get())) out.items[l].push_back(Item{it.feature, shared(std::move(g))});
            }
        for (const PlaceItem& p : c.places)
            if (p.px.first >= r.minx && p.px.first <= r.maxx && p.px.second >= r.miny && p.px.second <= r.maxy)
                out.places.push_back(p);
        return out;
    }

    geos::Box node_rect(unsigned k, std::uint32_t i, std::uint32_t j) const {
        const double size = static_cast<double>(opt_.extent) * static_cast<double>(1u << (z_ - k));
        const double b = opt_.buffer;
        return geos::Box{i * size - b, j * size - b, (i + 1) * size + b, (j + 1) * size + b, false};
    }

    void descend(unsigned k, std::uint32_t i, std::uint32_t j, Content c) {
        const geos::Box rect = node_rect(k, i, j);
        const std::uint32_t span = 1u << (z_ - k);
        if (!is_dirty(rect)) {
            for (std::uint32_t x = i * span; x < (i + 1) * span; ++x)
                for (auto it = prev_.lower_bound({x, j * span}); it != prev_.end() && it->first.first == x &&
                                                                 it->first.second < (j + 1) * span;
                     ++it) {
                    cur_[it->first] = it->second;
                    ++reused_;
                }
            return;
        }
        if (c.empty()) return;
        if (k == z_ && !is_solid(c, rect)) {
            leaf(i, j, c);
            return;
        }
        if (is_solid(c, rect)) {
            const auto data = solid_tile(c.items[kControl].front().feature);
            for (std::uint32_t x = i * span; x < (i + 1) * span; ++x)
                for (std::uint32_t y = j * span; y < (j + 1) * span; ++y) cur_[{x, y}] = data;
            solid_ += static_cast<std::size_t>(span) * span;
            return;
        }
        for (std::uint32_t dj = 0; dj < 2; ++dj)
            for (std::uint32_t di = 0; di < 2; ++di) {
                const geos::Box child = node_rect(k + 1, 2 * i + di, 2 * j + dj);
                descend(k + 1, 2 * i + di, 2 * j + dj, clip(c, child));
            }
    }

    bool is_solid(const Content& c, const geos::Box& rect) const {
        if (c.items[kControl].size() != 1 || !c.places.empty()) return false;
        for (std::size_t l = kChanges; l < kLayerGeoms; ++l)
            if (!c.items[l].empty()) return false;
        const double area = (rect.maxx - rect.minx) * (rect.maxy - rect.miny);
        return ctx_.planar_area(c.items[kControl].front().geom->get()) >= area * (1 - 1e-12);
    }

    std::shared_ptr<const std::string> solid_tile(int feature) {
        std::string key;
        for (const auto& [k, v] : defs_[static_cast<std::size_t>(feature)]) {
            key += k + '\x1f';
            if (const auto* s = std::get_if<std::string>(&v)) key += *s;
            key += '\x1e';
        }
        auto& slot = solid_cache_[key];
        if (!slot) {
            // The same code path as any tile: the square of tile (0, 0) plus buffer.
            const double b = opt_.buffer, e = opt_.extent;
            Content c;
            c.items[kControl].push_back(Item{feature, shared(ctx_.polygon({{{-b, -b}, {e + b, -b}, {e + b, e + b},
                                                                          {-b, e + b}, {-b, -b}}}))});
            slot = encode(0, 0, c);
        }
        return slot;
    }

    void leaf(std::uint32_t x, std::uint32_t y, const Content& c) {
        auto data = encode(x, y, c);
        if (!data) return;
        cur_[{x, y}] = std::move(data);
        ++encoded_;
    }

    /// Encodes a tile; null if nothing of it reaches inside the tile (content only in the buffer).
    std::shared_ptr<const std::string> encode(std::uint32_t x, std::uint32_t y, const Content& c) {
        TileBox box;
        box.x0 = static_cast<double>(x) * opt_.extent;
        box.y0 = static_cast<double>(y) * opt_.extent;
        box.extent = opt_.extent;
        box.buffer = opt_.buffer;
        const auto e = static_cast<std::int32_t>(opt_.extent);
        bool inside = false;
        auto touch = [&](const std::vector<IPoint>& pts) {
            std::int32_t minx = e, miny = e, maxx = 0, maxy = 0;
            for (const IPoint& p : pts) {
                minx = std::min(minx, p.x); maxx = std::max(maxx, p.x);
                miny = std::min(miny, p.y); maxy = std::max(maxy, p.y);
            }
            if (minx < e && maxx > 0 && miny < e && maxy > 0) inside = true;
        };
        mvt::TileBuilder tb;
        for (std::size_t l = 0; l < kLayerGeoms; ++l) {
            mvt::LayerBuilder& layer = tb.add_layer(kLayerNames[l], opt_.extent);
            for (const Item& it : c.items[l]) {
                mvt::FeatureBuilder fb(layer);
                bool ok;
                if (l == kControl || l == kChanges) {
                    const std::vector<IPolygon> polys = clip_polygons(ctx_, it.geom->get(), box);
                    for (const IPolygon& p : polys) touch(p.exterior);
                    ok = fb.set_polygons(polys);
                } else {
                    const std::vector<ILine> lines = clip_lines(ctx_, it.geom->get(), box);
                    for (const ILine& li : lines) touch(li);
                    ok = fb.set_lines(lines);
                }
                if (!ok) continue;
                for (const auto& [k, v] : defs_[static_cast<std::size_t>(it.feature)]) fb.add_property(k, v);
                fb.commit();
            }
        }
        mvt::LayerBuilder& places = tb.add_layer(kLayerNames[4], opt_.extent);
        for (const PlaceItem& p : c.places) {
            const IPoint pt{static_cast<std::int32_t>(std::lround(p.px.first - box.x0)),
                            static_cast<std::int32_t>(std::lround(p.px.second - box.y0))};
            if (pt.x < -static_cast<std::int32_t>(opt_.buffer) || pt.y < -static_cast<std::int32_t>(opt_.buffer) ||
                pt.x > e + static_cast<std::int32_t>(opt_.buffer) || pt.y > e + static_cast<std::int32_t>(opt_.buffer))
                continue;
            if (pt.x >= 0 && pt.x < e && pt.y >= 0 && pt.y < e) inside = true;
            mvt::FeatureBuilder fb(places);
            fb.set_points({pt});
            for (const auto& [k, v] : defs_[static_cast<std::size_t>(p.feature)]) fb.add_property(k, v);
            fb.commit();
        }
        if (!inside || tb.feature_count() == 0) return nullptr;
        return std::make_shared<const std::string>(tb.serialize());
    }
};

} // namespace

ZoomTiles tile_zoom(const TilingInput& in, unsigned z, const VectorTileOptions& opt) {
    return ZoomTiler(in, z, opt).run();
}

} // namespace tiler
