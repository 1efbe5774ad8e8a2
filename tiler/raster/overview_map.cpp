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
constexpr int kFooter = 100;
constexpr int kPad = 20;

struct Box {
    int x0, y0, x1, y1;
    bool overlaps(const Box& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

/// White diagonal stripes (2 px wide every 10 px of output) over the whole canvas, within the current clip.
void hatch(cairo_t* cr, int width, int height, int supersample) {
    const double step = 10.0 * supersample;
    cairo_save(cr);
    cairo_new_path(cr);
    for (double d = -double(height); d < width; d += step) {
        cairo_move_to(cr, d, height);
        cairo_line_to(cr, d + height, 0);
    }
    cairo_set_line_width(cr, 2.0 * supersample);
    cairo_set_source_rgba(cr, 1, 1, 1, 0.7);
    cairo_stroke(cr);
    cairo_restore(cr);
}

/// The legend swatch of what changed hands: neutral grey, hatched, dashed outline.
VImage change_swatch(int width, int height, int supersample) {
    Canvas canvas(width * supersample, height * supersample);
    cairo_t* cr = canvas.cr();
    cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
    cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
    cairo_paint(cr);
    hatch(cr, canvas.width(), canvas.height(), supersample);
    const double w = 2.0 * supersample;
    const double dash[2] = {4 * w, 2 * w};
    cairo_set_dash(cr, dash, 2, 0);
    cairo_set_line_width(cr, w);
    cairo_rectangle(cr, w / 2, w / 2, canvas.width() - w, canvas.height() - w);
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_stroke(cr);
    return canvas_image(canvas, supersample);
}

void draw_changes(const geos::Context& ctx, Canvas& canvas, const GEOSGeometry* changes, const RasterStyle& style,
                  const View& v) {
    if (!changes || ctx.is_empty(changes)) return;
    cairo_t* cr = canvas.cr();
    cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
    cairo_set_operator(cr, CAIRO_OPERATOR_ATOP);
    cairo_new_path(cr);
    add_polygons(ctx, cr, changes, v);
    // A light veil plus white diagonal hatching: clearly marked, yet the new holder's colour stays
    // recognisable (a plain veil turns dark colours into lighter ones that read as another faction).
    cairo_set_source_rgba(cr, 1, 1, 1, 0.12);
    cairo_fill_preserve(cr);
    cairo_save(cr);
    cairo_clip(cr);
    hatch(cr, canvas.width(), canvas.height(), v.supersample);
    cairo_restore(cr);   // drops the clip (the path is not part of the saved state: add it again)
    cairo_new_path(cr);
    add_polygons(ctx, cr, changes, v);
    const double w = style.change.width.at(v.zoom) * v.supersample;
    const double dash[2] = {4 * w, 2 * w};
    cairo_set_dash(cr, dash, 2, 0);
    cairo_set_line_width(cr, w);
    cairo_set_source_rgba(cr, 0, 0, 0, 1);
    cairo_stroke(cr);
    cairo_set_dash(cr, nullptr, 0, 0);
    cairo_set_operator(cr, CAIRO_OPERATOR_OVER);
}

/// City dots (white, outlined) at the places' positions.
void draw_cities(Canvas& canvas, const std::vector<const Place*>& places, const View& v) {
    cairo_t* cr = canvas.cr();
    cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
    for (const Place* p : places) {
        double wx, wy;
        mercator::to_world(p->lon, p->lat, wx, wy);
        const double x = wx * v.scale - v.x0, y = wy * v.scale - v.y0;
        cairo_new_path(cr);
        cairo_arc(cr, x * v.supersample, y * v.supersample, 4.5 * v.supersample, 0, 2 * mercator::kPi);
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_fill_preserve(cr);
        cairo_set_source_rgb(cr, kInk.r / 255.0, kInk.g / 255.0, kInk.b / 255.0);
        cairo_set_line_width(cr, 1.5 * v.supersample);
        cairo_stroke(cr);
    }
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
    // City labels, most important first: right of the dot, else left of it; a city whose label would
    // overlap a label or dot already placed is left out entirely (no dot without a name).
    struct Label {
        VImage image;
        int x, y;
    };
    std::vector<Label> labels;
    std::vector<const Place*> shown;
    std::vector<Box> placed;
    for (const Place* c : cities) {
        double wx, wy;
        mercator::to_world(c->lon, c->lat, wx, wy);
        const int px = static_cast<int>(std::lround(wx * v.scale - v.x0));
        const int py = static_cast<int>(std::lround(wy * v.scale - v.y0));
        const Box dot{px - 6, py - 6, px + 7, py + 7};
        const VImage label = halo_label(c->name, o.font);
        const int y = py - label.height() / 2;
        for (const int x : {px + 6, px - 6 - label.width()}) {
            const Box b{x, y, x + label.width(), y + label.height()};
            if (b.x0 < 0 || b.x1 > v.width || b.y0 < 0 || b.y1 > v.height) continue;
            const auto hits = [&](const Box& p) { return p.overlaps(b) || p.overlaps(dot); };
            if (std::any_of(placed.begin(), placed.end(), hits)) continue;
            placed.push_back(b);
            placed.push_back(dot);
            labels.push_back(Label{label, x, y});
            shown.push_back(c);
            break;
        }
    }
    draw_cities(canvas, shown, v);
    VImage map = canvas_image(canvas, v.supersample);
    for (const Label& label : labels) map = paste(map, label.image, label.x, label.y);

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
        pic = paste(pic, change_swatch(30, 20, v.supersample), x, y);
        pic = paste(pic, label, x + 38, y + 10 - label.height() / 2);
    }
    if (!in.attribution.empty()) {
        TextStyle small;
        small.font = o.font + " 14";   // ~11 px once the GIF scales the map to 1200 px
        small.color = Rgba{0x55, 0x55, 0x55, 255};
        small.wrap_width = l.width - 2 * kPad;
        const VImage a = text_image(escape_markup(in.attribution), small);
        // At the bottom, but never over the legend's last row (many factions or a long attribution that
        // wraps): then the picture grows.
        const int top = std::max(y + 28, l.height - 8 - a.height());
        if (top + a.height() + 8 > pic.height()) {
            pic = pic.embed(0, 0, pic.width(), top + a.height() + 8,
                            VImage::option()->set("extend", VIPS_EXTEND_BACKGROUND)->set("background", std::vector<double>{255, 255, 255, 255}));
        }
        pic = paste(pic, a, std::max(kPad, l.width - kPad - a.width()), top);
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
