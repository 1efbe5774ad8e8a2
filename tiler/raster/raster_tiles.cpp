#include "raster/raster_tiles.hpp"

#include "archive/directory.hpp"
#include "archive/mbtiles.hpp"
#include "archive/pmtiles.hpp"
#include "archive/tilejson.hpp"
#include "core/error.hpp"
#include "core/parallel.hpp"
#include "raster/cairo_canvas.hpp"
#include "raster/render_tile.hpp"
#include "raster/vips_image.hpp"
#include "tiling/clip.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <vector>

namespace tiler {

namespace {

using mercator::TileId;

/// Layers of one tile (or of the whole day): non-owning views plus the clipped geometry they point to.
struct Layers {
    std::vector<std::pair<std::size_t, const GEOSGeometry*>> fills;
    const GEOSGeometry* governorates = nullptr;
    const GEOSGeometry* frontlines = nullptr;
    const GEOSGeometry* country = nullptr;
    std::vector<geos::Geom> owned;

    DrawList draw_list() const {
        DrawList d;
        d.fills = fills;
        d.governorates = governorates;
        d.frontlines = frontlines;
        d.country = country;
        return d;
    }
    bool has_lines() const { return governorates || frontlines || country; }
};

struct Rect {
    double minx, miny, maxx, maxy;
};

Rect tile_rect(TileId t, double margin_px) {
    const double size = std::ldexp(1.0, -static_cast<int>(t.z));
    const double m = size * margin_px / 256.0;
    return Rect{t.x * size - m, t.y * size - m, (t.x + 1) * size + m, (t.y + 1) * size + m};
}

bool nonempty(const geos::Context& ctx, const GEOSGeometry* g) { return g && !ctx.is_empty(g); }

const GEOSGeometry* clip_into(const geos::Context& ctx, const GEOSGeometry* g, const Rect& r, Layers& out) {
    if (!nonempty(ctx, g)) return nullptr;
    geos::Geom c = clip_rect(ctx, g, r.minx, r.miny, r.maxx, r.maxy);
    if (ctx.is_empty(c.get())) return nullptr;
    out.owned.push_back(std::move(c));
    return out.owned.back().get();
}

Layers clip_layers(const geos::Context& ctx, const Layers& in, const Rect& r) {
    Layers out;
    for (const auto& [faction, g] : in.fills)
        if (const GEOSGeometry* c = clip_into(ctx, g, r, out)) out.fills.emplace_back(faction, c);
    if (out.fills.empty()) return out;   // outside the country: lines there are not drawn either
    out.governorates = clip_into(ctx, in.governorates, r, out);
    out.frontlines = clip_into(ctx, in.frontlines, r, out);
    out.country = clip_into(ctx, in.country, r, out);
    return out;
}

/// The faction covering the whole rectangle with nothing drawn over it, if any.
std::optional<std::size_t> solid_faction(const geos::Context& ctx, const Layers& l, const Rect& r) {
    if (l.fills.size() != 1 || l.has_lines()) return std::nullopt;
    double area = 0;
    if (!GEOSArea_r(ctx.handle(), l.fills[0].second, &area)) ctx.fail("area");
    const double full = (r.maxx - r.minx) * (r.maxy - r.miny);
    if (area < full * (1 - 1e-9)) return std::nullopt;
    return l.fills[0].first;
}

struct WkbWriterDeleter {
    GEOSContextHandle_t ctx;
    void operator()(GEOSWKBWriter* w) const noexcept { if (w) GEOSWKBWriter_destroy_r(ctx, w); }
};

void append_wkb(const geos::Context& ctx, GEOSWKBWriter* w, char tag, const GEOSGeometry* g, std::string& key) {
    key += tag;
    if (!g) return;
    std::size_t n = 0;
    unsigned char* buf = GEOSWKBWriter_write_r(ctx.handle(), w, g, &n);
    if (!buf) ctx.fail("WKB write");
    key.append(std::to_string(n)).append(":");
    key.append(reinterpret_cast<const char*>(buf), n);
    GEOSFree_r(ctx.handle(), buf);
}

std::vector<TileId> tiles_at(unsigned z, const double b[4]) {
    std::uint32_t x0, y0, x1, y1;
    mercator::tile_range(z, b[0], b[1], b[2], b[3], x0, y0, x1, y1);
    std::vector<TileId> out;
    for (std::uint32_t x = x0; x <= x1; ++x)
        for (std::uint32_t y = y0; y <= y1; ++y) out.push_back(TileId{z, x, y});
    return out;
}

struct Task {
    TileId tile;
    bool recurse = false;
};

} // namespace

/// One thread's share of a day: its own GEOS context, canvases and output.
class RasterWorker {
public:
    RasterWorker(RasterTiler& tiler, const Layers& day) : t_(tiler), day_(day) {}

    void run(const Task& task) { visit(task.tile, day_, task.recurse); }

    std::vector<std::pair<TileId, RasterTiler::Entry>> out;
    RasterTileStats stats;

private:
    void emit(TileId id, RasterTiler::Entry e) {
        if (id.z >= t_.options_.minzoom) out.emplace_back(id, std::move(e));
    }

    void visit(TileId id, const Layers& parent, bool recurse) {
        const Rect r = tile_rect(id, t_.options_.margin_px);
        Layers l = clip_layers(ctx_, parent, r);
        if (l.fills.empty()) return;
        if (auto f = solid_faction(ctx_, l, r)) {
            emit_solid(id, *f, recurse ? t_.options_.maxzoom : id.z);
            return;
        }
        std::string key = make_key(l);
        auto prev = t_.previous_.find(id);
        if (prev != t_.previous_.end() && prev->second.key == key) {
            reuse(id, recurse ? t_.options_.maxzoom : id.z);
            return;
        }
        if (id.z >= t_.options_.minzoom) {
            RasterTiler::Entry e = encode(l, id);
            e.key = std::move(key);
            emit(id, std::move(e));
            ++stats.rendered;
        }
        if (!recurse || id.z >= t_.options_.maxzoom) return;
        for (std::uint32_t dy = 0; dy < 2; ++dy)
            for (std::uint32_t dx = 0; dx < 2; ++dx) visit(TileId{id.z + 1, id.x * 2 + dx, id.y * 2 + dy}, l, true);
    }

    /// Draws the tile anti-aliased at 1x (256 px, and again at 512 px for @2x) and encodes it.
    RasterTiler::Entry encode(const Layers& l, TileId id) {
        RasterTiler::Entry e;
        const DrawList list = l.draw_list();
        e.png = std::make_shared<const std::string>(encode_at(list, id, 256, canvas_));
        if (t_.options_.retina) e.png2x = std::make_shared<const std::string>(encode_at(list, id, 512, canvas2x_));
        return e;
    }

    std::string encode_at(const DrawList& list, TileId id, int px, std::unique_ptr<TileCanvas>& canvas) {
        const View v = tile_view(id, px);
        if (!canvas) canvas = std::make_unique<TileCanvas>(v.width, v.height);
        draw_aa(ctx_, *canvas, list, t_.style_, v);
        return png_bytes(coverage_image(canvas->colour, canvas->coverage), tile_png_options());
    }

    std::string make_key(const Layers& l) {
        if (!wkb_) {
            wkb_.reset(GEOSWKBWriter_create_r(ctx_.handle()));
            wkb_.get_deleter().ctx = ctx_.handle();
            if (!wkb_) ctx_.fail("WKB writer");
        }
        std::string key;
        for (const auto& [faction, g] : l.fills) {
            key += "F" + std::to_string(faction);
            append_wkb(ctx_, wkb_.get(), 'P', g, key);
        }
        append_wkb(ctx_, wkb_.get(), 'G', l.governorates, key);
        append_wkb(ctx_, wkb_.get(), 'L', l.frontlines, key);
        append_wkb(ctx_, wkb_.get(), 'C', l.country, key);
        return key;
    }

    /// `id` and its descendants down to `last_zoom`, all one faction's colour.
    void emit_solid(TileId id, std::size_t faction, unsigned last_zoom) {
        auto buffers = t_.solid(faction);
        for (unsigned z = id.z; z <= last_zoom; ++z) {
            const unsigned dz = z - id.z;
            const std::uint32_t n = 1u << dz;
            if (z < t_.options_.minzoom) continue;
            for (std::uint32_t x = id.x << dz; x < (id.x << dz) + n; ++x)
                for (std::uint32_t y = id.y << dz; y < (id.y << dz) + n; ++y) {
                    emit(TileId{z, x, y}, RasterTiler::Entry{std::string(), buffers.first, buffers.second});
                    ++stats.solid;
                }
        }
    }

    /// `id` and its descendants down to `last_zoom` as the previous day had them.
    void reuse(TileId id, unsigned last_zoom) {
        for (unsigned z = id.z; z <= last_zoom; ++z) {
            const unsigned dz = z - id.z;
            const std::uint32_t x0 = id.x << dz, x1 = (id.x + 1) << dz, y0 = id.y << dz, y1 = (id.y + 1) << dz;
            for (auto it = t_.previous_.lower_bound(TileId{z, x0, y0});
                 it != t_.previous_.end() && it->first.z == z && it->first.x < x1; ++it) {
                if (it->first.y < y0 || it->first.y >= y1) continue;
                emit(it->first, it->second);
                ++stats.reused;
            }
        }
    }

    RasterTiler& t_;
    const Layers& day_;
    geos::Context ctx_;
    std::unique_ptr<TileCanvas> canvas_, canvas2x_;
    std::unique_ptr<GEOSWKBWriter, WkbWriterDeleter> wkb_{nullptr, WkbWriterDeleter{nullptr}};
};

RasterTiler::RasterTiler(const RasterBase& base, const RasterStyle& style, RasterTileOptions options)
    : base_(base), style_(style), options_(options) {
    if (options_.minzoom > options_.maxzoom) throw UsageError("raster: minzoom > maxzoom");
    if (options_.maxzoom > 20) throw UsageError("raster: maxzoom above 20");
    if (options_.jobs == 0) options_.jobs = 1;
    ensure_vips();
}

std::pair<std::shared_ptr<const std::string>, std::shared_ptr<const std::string>> RasterTiler::solid(std::size_t faction) {
    std::lock_guard<std::mutex> lock(solid_mutex_);
    auto it = solid_.find(faction);
    if (it != solid_.end()) return it->second;
    auto one = std::make_shared<const std::string>(png_bytes(solid_image(256, 256, style_.fill.at(faction)), tile_png_options()));
    std::shared_ptr<const std::string> two;
    if (options_.retina) two = std::make_shared<const std::string>(png_bytes(solid_image(512, 512, style_.fill.at(faction)), tile_png_options()));
    return solid_[faction] = {one, two};
}

RasterDayTiles RasterTiler::render_day(const geos::Context& ctx, const RasterScene& scene, const TilesetInfo& info) {
    (void)ctx;
    Layers day;
    for (const FillLayer& f : scene.fills) day.fills.emplace_back(f.faction, f.geom.get());
    day.governorates = base_.governorate_lines.get();
    day.frontlines = scene.frontlines.get();
    day.country = base_.country_line.get();

    // Subtrees from z7 down (the bulk of the work, in uneven pieces) first, then the single tiles above
    // them, which fill the gaps while the last subtrees finish.
    const unsigned split = std::min(options_.maxzoom, 7u);
    std::vector<Task> tasks;
    for (TileId t : tiles_at(split, base_.bounds)) tasks.push_back(Task{t, true});
    for (unsigned z = options_.minzoom; z < split; ++z)
        for (TileId t : tiles_at(z, base_.bounds)) tasks.push_back(Task{t, false});

    std::vector<std::unique_ptr<RasterWorker>> workers;
    for (unsigned i = 0; i < parallel_workers(tasks.size(), options_.jobs); ++i)
        workers.push_back(std::make_unique<RasterWorker>(*this, day));
    parallel_for(
        tasks.size(), options_.jobs, [&](std::size_t k, unsigned worker) { workers[worker]->run(tasks[k]); },
        [](unsigned) { vips_thread_shutdown(); });

    TileMap current;
    RasterDayTiles result;
    for (auto& w : workers) {
        for (auto& [id, e] : w->out) current[id] = std::move(e);
        result.stats.rendered += w->stats.rendered;
        result.stats.solid += w->stats.solid;
        result.stats.reused += w->stats.reused;
    }
    result.tiles.info = info;
    result.tiles2x.info = info;
    std::set<const std::string*> distinct;
    for (const auto& [id, e] : current) {
        result.tiles.tiles.push_back(Tile{id, e.png});
        if (distinct.insert(e.png.get()).second) result.stats.bytes += e.png->size();
        if (e.png2x) {
            result.tiles2x.tiles.push_back(Tile{id, e.png2x});
            if (distinct.insert(e.png2x.get()).second) result.stats.bytes += e.png2x->size();
        }
    }
    result.stats.tiles = result.tiles.tiles.size();
    previous_ = std::move(current);
    return result;
}

TilesetInfo raster_tileset_info(const RasterBase& base, const std::string& date, const std::string& attribution,
                                const RasterTileOptions& options) {
    TilesetInfo info;
    info.name = "Territorial control " + date;
    info.description = "Control of territory at the end of " + date + ": faction fills, frontlines, borders (PNG)";
    info.attribution = attribution;
    info.format = TileFormat::Png;
    info.minzoom = options.minzoom;
    info.maxzoom = options.maxzoom;
    for (int i = 0; i < 4; ++i) info.bounds[i] = base.bounds[i];
    info.center[0] = (base.bounds[0] + base.bounds[2]) / 2;
    info.center[1] = (base.bounds[1] + base.bounds[3]) / 2;
    info.center[2] = std::clamp(6u, options.minzoom, options.maxzoom);
    return info;
}

void write_raster_day(const std::string& raster_dir, const std::string& date, const RasterDayTiles& day,
                      const RasterWriteOptions& options) {
    std::vector<DirectoryPart> parts{{&day.tiles, ""}};
    if (!day.tiles2x.tiles.empty()) parts.push_back({&day.tiles2x, "@2x"});
    write_directory(raster_dir + "/" + date, parts);
    write_mbtiles(raster_dir + "/" + date + ".mbtiles", day.tiles);
    write_pmtiles(raster_dir + "/" + date + ".pmtiles", day.tiles);
    TileJsonOptions tj;
    tj.tiles = {options.dir_url + date + "/{z}/{x}/{y}.png"};
    write_tilejson(raster_dir + "/" + date + ".json", day.tiles.info, tj);
}

} // namespace tiler
