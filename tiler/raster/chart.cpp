#include "raster/chart.hpp"

#include "core/error.hpp"
#include "raster/cairo_canvas.hpp"
#include "raster/vips_image.hpp"
#include "timeline/date.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

namespace tiler {

namespace {

using vips::VImage;

constexpr Rgba kInk{0x22, 0x22, 0x22, 255};
constexpr Rgba kGrid{0xcc, 0xcc, 0xcc, 255};

std::vector<std::string> split(const std::string& line) {
    std::vector<std::string> out;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, ',')) out.push_back(cell);
    if (!line.empty() && line.back() == ',') out.emplace_back();
    return out;
}

double nice_step(double ymax) {
    const double raw = ymax / 6;
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * mag >= raw) return m * mag;
    return 10 * mag;
}

std::string thousands(double v) {
    std::string digits = std::to_string(static_cast<long long>(std::llround(v)));
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

void set_color(cairo_t* cr, Rgba c) { cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, c.a / 255.0); }

} // namespace

StatsTable parse_stats_csv(const std::string& text, const std::string& file) {
    StatsTable t;
    std::map<std::string, std::size_t> faction_index;
    std::map<std::pair<std::size_t, std::size_t>, double> cells;
    std::istringstream in(text);
    std::string line;
    std::size_t n = 0;
    while (std::getline(in, line)) {
        ++n;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (n == 1) {
            if (line.rfind("date,faction,area_km2", 0) != 0)
                throw InputError(file, n, "header '" + line + "' is not 'date,faction,area_km2,share'");
            continue;
        }
        if (line.empty()) continue;
        const auto cols = split(line);
        if (cols.size() < 3) throw InputError(file, n, "expected date,faction,area_km2 in '" + line + "'");
        if (!Date::parse(cols[0])) throw InputError(file, n, "bad date '" + cols[0] + "'");
        if (t.dates.empty() || t.dates.back() != cols[0]) {
            if (!t.dates.empty() && cols[0] < t.dates.back())
                throw InputError(file, n, "date '" + cols[0] + "' out of order");
            t.dates.push_back(cols[0]);
        }
        double v = 0;
        try {
            std::size_t used = 0;
            v = std::stod(cols[2], &used);
            if (used != cols[2].size() || !(v >= 0)) throw std::invalid_argument("");
        } catch (const std::exception&) {
            throw InputError(file, n, "bad area_km2 '" + cols[2] + "'");
        }
        auto [it, added] = faction_index.emplace(cols[1], t.factions.size());
        if (added) t.factions.push_back(cols[1]);
        cells[{it->second, t.dates.size() - 1}] = v;
    }
    if (t.dates.empty()) throw InputError(file, 0, "no rows");
    t.km2.assign(t.factions.size(), std::vector<double>(t.dates.size(), 0));
    for (std::size_t f = 0; f < t.factions.size(); ++f)
        for (std::size_t d = 0; d < t.dates.size(); ++d) {
            auto it = cells.find({f, d});
            if (it == cells.end())
                throw InputError(file, 0, "no row for " + t.dates[d] + " x " + t.factions[f]);
            t.km2[f][d] = it->second;
        }
    return t;
}

double ChartLayout::x_of(std::size_t day, std::size_t days) const {
    if (days < 2) return (x0 + x1) / 2.0;
    return x0 + static_cast<double>(day) * (x1 - x0) / static_cast<double>(days - 1);
}

double ChartLayout::y_of(double km2) const { return y1 - km2 * (y1 - y0) / ymax; }

ChartLayout chart_layout(const StatsTable& t, const ChartOptions& o) {
    double total = 0;
    for (std::size_t d = 0; d < t.dates.size(); ++d) {
        double sum = 0;
        for (const auto& row : t.km2) sum += row[d];
        total = std::max(total, sum);
    }
    ChartLayout l;
    l.step = nice_step(std::max(total, 1.0));
    l.ymax = std::ceil(std::max(total, 1.0) / l.step) * l.step;
    l.x0 = 110;
    l.y0 = 70;
    l.x1 = o.width - 340;   // room for the legend: the longest faction names on one line
    l.y1 = o.height - 70;
    return l;
}

VImage area_chart(const StatsTable& t, const RasterStyle& style, const Styles& styles, const ChartOptions& o) {
    const ChartLayout l = chart_layout(t, o);
    const int ss = o.supersample;
    const std::size_t days = t.dates.size();
    Canvas canvas(o.width * ss, o.height * ss);
    cairo_t* cr = canvas.cr();
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);

    // Gridlines.
    set_color(cr, kGrid);
    cairo_set_line_width(cr, 1.0 * ss);
    for (double v = 0; v <= l.ymax + 1e-9; v += l.step) {
        cairo_move_to(cr, l.x0 * ss, l.y_of(v) * ss);
        cairo_line_to(cr, l.x1 * ss, l.y_of(v) * ss);
    }
    cairo_stroke(cr);

    // Stacked areas, styles order bottom-up.
    std::vector<std::size_t> order;
    for (std::size_t f = 0; f < style.faction_ids.size(); ++f) {
        auto it = std::find(t.factions.begin(), t.factions.end(), style.faction_ids[f]);
        if (it == t.factions.end()) continue;
        const auto& row = t.km2[static_cast<std::size_t>(it - t.factions.begin())];
        if (std::any_of(row.begin(), row.end(), [](double v) { return v > 0; })) order.push_back(f);
    }
    for (const std::string& id : t.factions) style.index(id);   // unknown faction in the CSV: Error
    std::vector<double> base(days, 0);
    for (std::size_t f : order) {
        const auto& row = t.km2[static_cast<std::size_t>(std::find(t.factions.begin(), t.factions.end(), style.faction_ids[f]) - t.factions.begin())];
        std::vector<double> top(days);
        for (std::size_t d = 0; d < days; ++d) top[d] = base[d] + row[d];
        const double half = days < 2 ? (l.x1 - l.x0) / 4.0 : 0;
        cairo_new_path(cr);
        for (std::size_t d = 0; d < days; ++d) {
            const double x = (l.x_of(d, days) - (days < 2 ? half : 0)) * ss;
            if (d == 0) cairo_move_to(cr, x, l.y_of(top[d]) * ss);
            else cairo_line_to(cr, x, l.y_of(top[d]) * ss);
        }
        if (days < 2) cairo_line_to(cr, (l.x_of(0, days) + half) * ss, l.y_of(top[0]) * ss);
        if (days < 2) cairo_line_to(cr, (l.x_of(0, days) + half) * ss, l.y_of(base[0]) * ss);
        for (std::size_t d = days; d-- > 0;)
            cairo_line_to(cr, (l.x_of(d, days) - (days < 2 ? half : 0)) * ss, l.y_of(base[d]) * ss);
        cairo_close_path(cr);
        set_color(cr, style.fill[f]);
        cairo_fill(cr);
        base = top;
    }
    // Axes.
    set_color(cr, kInk);
    cairo_set_line_width(cr, 2.0 * ss);
    cairo_move_to(cr, l.x0 * ss, l.y0 * ss);
    cairo_line_to(cr, l.x0 * ss, l.y1 * ss);
    cairo_line_to(cr, l.x1 * ss, l.y1 * ss);
    cairo_stroke(cr);
    VImage img = canvas_image(canvas, ss);

    TextStyle ts;
    ts.font = o.font + " 13";
    ts.color = kInk;
    for (double v = 0; v <= l.ymax + 1e-9; v += l.step) {
        const VImage lab = text_image(thousands(v), ts);
        img = paste(img, lab, l.x0 - 10 - lab.width(), static_cast<int>(l.y_of(v)) - lab.height() / 2);
    }
    const std::size_t every = std::max<std::size_t>(1, (days + 13) / 14);
    for (std::size_t d = 0; d < days; d += every) {
        const VImage lab = text_image(t.dates[d].substr(5), ts);
        img = paste(img, lab, static_cast<int>(l.x_of(d, days)) - lab.width() / 2, l.y1 + 10);
    }
    TextStyle title = ts;
    title.font = o.font + " Bold 20";
    const VImage tt = text_image(escape_markup(o.title), title);
    img = paste(img, tt, l.x0, (l.y0 - tt.height()) / 2);
    // Legend, top of the stack first.
    int y = l.y0;
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        const auto idx = styles.find(style.faction_ids[*it]);
        const std::string name = idx ? styles.factions[*idx].name : style.faction_ids[*it];
        TextStyle ls = ts;
        ls.wrap_width = o.width - (l.x1 + 50) - 10;
        const VImage lab = text_image(escape_markup(name), ls);
        img = paste(img, solid_image(22, 16, style.fill[*it]), l.x1 + 20, y);
        img = paste(img, lab, l.x1 + 50, y);
        y += std::max(lab.height(), 16) + 12;
    }
    try {
        return img.extract_band(0, VImage::option()->set("n", 3)).copy_memory();
    } catch (const vips::VError& e) {
        throw Error(std::string("libvips: chart: ") + e.what());
    }
}

void write_area_chart(const std::string& csv_path, const std::string& png_path, const RasterStyle& style,
                      const Styles& styles, const ChartOptions& options) {
    std::ifstream f(csv_path, std::ios::binary);
    if (!f) throw InputError(csv_path, 0, "cannot open");
    const std::string text((std::istreambuf_iterator<char>(f)), {});
    write_png(png_path, area_chart(parse_stats_csv(text, csv_path), style, styles, options));
}

} // namespace tiler
