#include "raster/overview_map.hpp"

#include "core/error.hpp"
#include "raster/cairo_canvas.hpp"
#include "raster/vips_image.hpp"
#include "tiling/mercator.hpp"

#include <algorithm>
#include <cmath>

namespace tiler {

namespace {

using vips::VImage;

constexpr Rgba kBackground{0xee, 0xf0, 0xf2, 255};
constexpr Rgba kInk{0x22, 0x22, 0x22, 255};
constexpr int kHeader = 70;
constexpr int kFooter = 90;
constexpr int kPad = 20;

struct Box {
    int x0, y0, x1, y1;
    bool overlaps(const Box& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

void draw_changes(const geos::Context& ctx, Canvas& canvas, const GEOSGeometry* changes, const RasterStyle& style,
                  const View& v) {
    if (!changes || ctx.is_empty(changes)) return;
    cairo_t* cr = canvas.cr();
    cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
    cairo_set_operator(cr, CAIRO_OPERATOR_ATOP);
    cairo_new_path(cr);
    add_polygons(ctx, cr, changes, v);
    cairo_set_source_rgba(cr, 1, 1, 1, 0.45);
    cairo_fill_preserve(cr);
    const double w = style.change.width.at(v.zoom) * v.supersample;
    const double dash[2] = {4 * w, 2 * w};
    cairo_set_dash(cr, dash, 2, 0);
    cairo_set_line_width(cr, w);
    cairo_set_source_rgba(cr, 0, 0, 0, 1);
    cairo_stroke(cr);
    cairo_set_dash(cr, nullptr, 0, 0);
    cairo_set_operator(cr, CAIRO_OPERATOR_OVER);
}

/// City dots; returns their picture positions (same order as `places`, -1 if off the map).
std::vector<std::pair<int, int>> draw_cities(Canvas& canvas, const std::vector<const Place*>& places, const View& v) {
    std::vector<std::pair<int, int>> at;
    cairo_t* cr = canvas.cr();
    cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
    for (const Place* p : places) {
        double wx, wy;
        mercator::to_world(p->lon, p->lat, wx, wy);
        const double x = wx * v.scale - v.x0, y = wy * v.scale - v.y0;
        if (x < 0 || y < 0 || x >= v.width || y >= v.height) {
            at.emplace_back(-1, -1);
            continue;
        }
        at.emplace_back(static_cast<int>(std::lround(x)), static_cast<int>(std::lround(y)));
        cairo_new_path(cr);
        cairo_arc(cr, x * v.supersample, y * v.supersample, 4.5 * v.supersample, 0, 2 * mercator::kPi);
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_fill_preserve(cr);
        cairo_set_source_rgb(cr, kInk.r / 255.0, kInk.g / 255.0, kInk.b / 255.0);
        cairo_set_line_width(cr, 1.5 * v.supersample);
        cairo_stroke(cr);
    }
    return at;
}

/// A text label with a white halo (the text dilated, drawn under it).
VImage halo_label(const std::string& text, const std::string& font) {
    TextStyle ts;
    ts.font = font + " Bold 14";
    const VImage ink = text_image(escape_markup(text), ts);
    const VImage padded = ink.embed(3, 3, ink.width() + 6, ink.height() + 6);
    VImage halo_alpha = padded[3].rank(5, 5, 24);   // 5x5 maximum filter
    VImage halo = halo_alpha.new_from_image({255, 255, 255}).cast(VIPS_FORMAT_UCHAR).bandjoin(halo_alpha);
    return paste(halo, padded, 0, 0);
}

} // namespace

OverviewLayout overview_layout(const RasterBase& base, const OverviewOptions& o) {
    double wx0, wy0, wx1, wy1;
    mercator::to_world(base.bounds[0], base.bounds[3], wx0, wy0);
    mercator::to_world(base.bounds[2], base.bounds[1], wx1, wy1);
    const double mx = (wx1 - wx0) * 0.03, my = (wy1 - wy0) * 0.03;
    OverviewLayout l;
    l.view = fit_view(wx0 - mx, wy0 - my, wx1 + mx, wy1 + my, o.width);
    l.view.supersample = o.supersample;
    l.header = kHeader;
    l.footer = kFooter;
    l.map_x = 0;
    l.map_y = kHeader;
    l.width = o.width;
    l.height = kHeader + l.view.height + kFooter;
    return l;
}

std::vector<std::size_t> factions_present(const DayMap& day, const RasterStyle& style) {
    std::vector<std::size_t> out;
    for (const Control& c : day.control)
        if (c.geom && c.area_km2 >= 0) out.push_back(style.index(c.faction));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

VImage overview_map(const geos::Context& ctx, const OverviewInput& in, const OverviewOptions& o) {
    if (!in.base || !in.scene || !in.day || !in.style || !in.styles) throw Error("overview map: missing input");
    const OverviewLayout l = overview_layout(*in.base, o);
    const View& v = l.view;
    const RasterStyle& style = *in.style;

    // The map: background, fills, what changed, borders and frontlines, city dots.
    Canvas canvas(v.width * v.supersample, v.height * v.supersample);
    cairo_set_source_rgb(canvas.cr(), kBackground.r / 255.0, kBackground.g / 255.0, kBackground.b / 255.0);
    cairo_paint(canvas.cr());
    DrawList fills;
    for (const FillLayer& f : in.scene->fills) fills.fills.emplace_back(f.faction, f.geom.get());
    draw(ctx, canvas, fills, style, v);
    draw_changes(ctx, canvas, in.scene->changes.get(), style, v);
    DrawList lines = draw_list(*in.base, *in.scene);
    lines.fills.clear();
    draw(ctx, canvas, lines, style, v);

    std::vector<const Place*> cities;
    if (in.places)
        for (const Place& p : *in.places)
            if (p.rank <= o.max_label_rank) cities.push_back(&p);
    std::sort(cities.begin(), cities.end(), [](const Place* a, const Place* b) {
        return a->rank != b->rank ? a->rank < b->rank : a->name < b->name;
    });
    const auto dots = draw_cities(canvas, cities, v);
    VImage map = canvas_image(canvas, v.supersample);

    // City labels, most important first, skipping any that would overlap one already placed.
    std::vector<Box> placed;
    for (std::size_t i = 0; i < cities.size(); ++i) {
        if (dots[i].first < 0) continue;
        const VImage label = halo_label(cities[i]->name, o.font);
        const int x = dots[i].first + 6, y = dots[i].second - label.height() / 2;
        const Box b{x, y, x + label.width(), y + label.height()};
        if (b.x1 > v.width || b.y0 < 0 || b.y1 > v.height) continue;
        if (std::any_of(placed.begin(), placed.end(), [&](const Box& p) { return p.overlaps(b); })) continue;
        placed.push_back(b);
        map = paste(map, label, x, y);
    }

    // The picture: header with the title, the map, footer with legend and attribution.
    VImage pic = solid_image(l.width, l.height, Rgba{0xff, 0xff, 0xff, 255});
    pic = paste(pic, map, l.map_x, l.map_y);
    TextStyle title;
    title.font = o.font + " Bold 28";
    title.color = kInk;
    const VImage t = text_image(escape_markup(in.title), title);
    pic = paste(pic, t, kPad, (kHeader - t.height()) / 2);

    int x = kPad;
    int y = kHeader + v.height + 14;
    TextStyle legend;
    legend.font = o.font + " 15";
    legend.color = kInk;
    for (std::size_t f : factions_present(*in.day, style)) {
        const std::string& id = style.faction_ids.at(f);
        const auto idx = in.styles->find(id);
        const std::string name = idx ? in.styles->factions[*idx].name : id;
        const VImage label = text_image(escape_markup(name), legend);
        const int w = 30 + 8 + label.width() + 24;
        if (x + w > l.width - kPad) {
            x = kPad;
            y += 28;
        }
        pic = paste(pic, solid_image(30, 20, style.line[f]), x, y);
        pic = paste(pic, solid_image(26, 16, style.fill[f]), x + 2, y + 2);
        pic = paste(pic, label, x + 38, y + 10 - label.height() / 2);
        x += w;
    }
    if (in.scene->changes && !ctx.is_empty(in.scene->changes.get())) {
        const VImage label = text_image("changed hands this day", legend);
        if (x + 38 + label.width() > l.width - kPad) {
            x = kPad;
            y += 28;
        }
        VImage sw = solid_image(30, 20, Rgba{0, 0, 0, 255});
        sw = paste(sw, solid_image(26, 16, Rgba{0xf2, 0xf2, 0xf2, 255}), 2, 2);
        pic = paste(pic, sw, x, y);
        pic = paste(pic, label, x + 38, y + 10 - label.height() / 2);
    }
    if (!in.attribution.empty()) {
        TextStyle small;
        small.font = o.font + " 11";
        small.color = Rgba{0x55, 0x55, 0x55, 255};
        small.wrap_width = l.width - 2 * kPad;
        const VImage a = text_image(escape_markup(in.attribution), small);
        pic = paste(pic, a, std::max(kPad, l.width - kPad - a.width()), l.height - 8 - a.height());
    }
    try {
        return pic.extract_band(0, VImage::option()->set("n", 3)).copy_memory();
    } catch (const vips::VError& e) {
        throw Error(std::string("libvips: overview map: ") + e.what());
    }
}

void write_overview_map(const std::string& path, const geos::Context& ctx, const OverviewInput& in,
                        const OverviewOptions& options) {
    write_png(path, overview_map(ctx, in, options));
}

} // namespace tiler
