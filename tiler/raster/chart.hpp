#pragma once
// stats.png: km² per faction per day as a stacked area chart, read from stats.csv
// (`date,faction,area_km2,share`, see output/stats_csv.hpp). Areas are drawn like the map (no
// anti-aliasing at 3x, box-shrunk by libvips: no seams between stacked bands); text by libvips (pango).
#include "raster/raster_style.hpp"
#include "sources/model.hpp"

#include <vips/vips8>

#include <string>
#include <vector>

namespace tiler {

struct StatsTable {
    std::vector<std::string> dates;                 ///< ascending, as in the file
    std::vector<std::string> factions;              ///< first-appearance order
    std::vector<std::vector<double>> km2;           ///< [faction][date]
};

/// Parses stats.csv text; `file` names it in errors. Throws InputError(file, line, problem) on a bad header,
/// a malformed row, a date out of order or a missing date x faction.
StatsTable parse_stats_csv(const std::string& text, const std::string& file);

struct ChartOptions {
    int width = 1200;
    int height = 700;
    std::string title = "Territory held per faction (km²)";
    std::string font = "DejaVu Sans";
    int supersample = 3;
};

/// The plot area and value range: pixel x of day i is x0 + i * (x1 - x0) / (days - 1) (or the middle for one
/// day); pixel y of v km² is y1 - v * (y1 - y0) / ymax.
struct ChartLayout {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    double ymax = 0;
    double step = 0;   ///< gridline spacing (km²)
    double x_of(std::size_t day, std::size_t days) const;
    double y_of(double km2) const;
};

ChartLayout chart_layout(const StatsTable& table, const ChartOptions& options);

/// The chart, RGB uchar. Factions stacked bottom-up in `style` order; only factions with territory on some day.
vips::VImage area_chart(const StatsTable& table, const RasterStyle& style, const Styles& styles,
                        const ChartOptions& options);

/// Reads `csv_path` and writes the chart to `png_path`; throws InputError / OutputError.
void write_area_chart(const std::string& csv_path, const std::string& png_path, const RasterStyle& style,
                      const Styles& styles, const ChartOptions& options);

} // namespace tiler
