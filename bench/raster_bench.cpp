// Raster stage benchmark: our tiler (cairo + libvips, solid/unchanged tile sharing) against GDAL's path
// (ogr2ogr to EPSG:3857, gdal_rasterize to a Web Mercator RGBA GeoTIFF at the max zoom's resolution,
// gdal2tiles.py --xyz), on the same input in one run. Input: the real sources/ and styles/ through
// load_sources + build_timeline (not timed): day 0 (the first day's factions, frontlines, governorate
// and country borders) from scratch, then day 1 reusing day 0.
// Prints wall time, CPU time, tiles/s, peak memory and bytes of both, and the ratio.
//   raster_bench SOURCES_DIR STYLES_DIR WORK_DIR [maxzoom=10] [jobs=2] [--no-gdal]
#include "archive/directory.hpp"
#include "raster/raster_tiles.hpp"
#include "sources/load.hpp"
#include "territory/territory.hpp"
#include "raster/vips_image.hpp"

#include <cpl_conv.h>
#include <gdal.h>
#include <ogr_api.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

using namespace tiler;
namespace fs = std::filesystem;

namespace {

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

double cpu_seconds(int who) {
    rusage ru{};
    getrusage(who, &ru);
    return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
           static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

long peak_rss_kb(int who) {
    rusage ru{};
    getrusage(who, &ru);
    return ru.ru_maxrss;
}

std::uintmax_t dir_bytes(const fs::path& dir, std::size_t& files) {
    std::uintmax_t total = 0;
    files = 0;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file() && e.path().extension() == ".png") {
            total += e.file_size();
            ++files;
        }
    return total;
}

int run(const std::string& cmd) {
    std::cerr << "+ " << cmd << "\n";
    const int rc = std::system(cmd.c_str());
    if (rc != 0) throw std::runtime_error("failed: " + cmd);
    return rc;
}

void write_factions_geojson(const geos::Context& ctx, const DayMap& d, const RasterStyle& style, const std::string& path) {
    std::ofstream f(path);
    f << "{\"type\":\"FeatureCollection\",\"features\":[\n";
    bool first = true;
    for (const Control& c : d.control) {
        char* json = nullptr;
        OGRGeometryH g = nullptr;
        std::string wkt = ctx.to_wkt(c.geom.get(), 7);
        char* p = wkt.data();
        OGR_G_CreateFromWkt(&p, nullptr, &g);
        json = OGR_G_ExportToJson(g);
        const Rgba col = style.fill[style.index(c.faction)];
        f << (first ? "" : ",\n") << "{\"type\":\"Feature\",\"properties\":{\"faction\":\"" << c.faction << "\",\"r\":"
          << int(col.r) << ",\"g\":" << int(col.g) << ",\"b\":" << int(col.b) << "},\"geometry\":" << json << "}";
        first = false;
        CPLFree(json);
        OGR_G_DestroyGeometry(g);
    }
    f << "\n]}\n";
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 4) {
        std::cerr << "usage: raster_bench SOURCES_DIR STYLES_DIR WORK_DIR [maxzoom=10] [jobs=2] [--no-gdal]\n";
        return 2;
    }
    const std::string sources = argv[1];
    const std::string styles_dir = argv[2];
    const fs::path work = argv[3];
    const unsigned maxzoom = argc > 4 ? static_cast<unsigned>(std::atoi(argv[4])) : 10;
    const unsigned jobs = argc > 5 ? static_cast<unsigned>(std::atoi(argv[5])) : 2;
    const bool gdal = !(argc > 6 && std::string(argv[6]) == "--no-gdal");
    GDALAllRegister();
    ensure_vips();
    fs::remove_all(work);
    fs::create_directories(work);

    geos::Context ctx;
    const Sources src = load_sources(ctx, sources, styles_dir);
    const std::vector<DayMap> days = build_timeline(ctx, src);
    if (days.size() < 2) throw std::runtime_error("raster_bench: fewer than 2 days");
    const DayMap& day1 = days[0];
    const DayMap& day2 = days[1];
    const RasterStyle style = raster_style(src.styles);
    const RasterBase base = raster_base(ctx, src.country.get(), src.governorates);

    // --- ours: day 1 from scratch (256 px only, like gdal2tiles), written as a {z}/{x}/{y}.png tree.
    RasterTileOptions opt;
    opt.maxzoom = maxzoom;
    opt.jobs = jobs;
    opt.retina = false;
    auto t0 = std::chrono::steady_clock::now();
    const double cpu0 = cpu_seconds(RUSAGE_SELF);
    RasterTiler tiler(base, style, opt);
    const RasterScene s1 = raster_scene(ctx, day1, style);
    const double scene_s = seconds_since(t0);
    RasterDayTiles ours = tiler.render_day(ctx, s1, raster_tileset_info(base, "day1", "", opt));
    const double render_s = seconds_since(t0) - scene_s;
    write_directory((work / "ours").string(), ours.tiles);
    const double ours_s = seconds_since(t0);
    const double ours_cpu = cpu_seconds(RUSAGE_SELF) - cpu0;
    const long ours_rss = peak_rss_kb(RUSAGE_SELF);
    std::size_t ours_files = 0;
    const auto ours_bytes = dir_bytes(work / "ours", ours_files);

    // --- ours: day 2 (one governorate changed hands) reusing day 1, and @2x as well from scratch.
    t0 = std::chrono::steady_clock::now();
    const RasterScene s2 = raster_scene(ctx, day2, style);
    RasterDayTiles ours2 = tiler.render_day(ctx, s2, raster_tileset_info(base, "day2", "", opt));
    const double day2_s = seconds_since(t0);
    RasterTileOptions opt2x = opt;
    opt2x.retina = true;
    t0 = std::chrono::steady_clock::now();
    RasterTiler tiler2x(base, style, opt2x);
    RasterDayTiles both = tiler2x.render_day(ctx, s1, raster_tileset_info(base, "day1", "", opt2x));
    const double both_s = seconds_since(t0);

    double gdal_s = 0, gdal_cpu = 0;
    long gdal_rss = 0;
    std::size_t gdal_files = 0;
    std::uintmax_t gdal_bytes = 0;
    if (gdal) {
        // --- GDAL: reproject, rasterize at the max zoom's resolution, gdal2tiles.
        write_factions_geojson(ctx, day1, style, (work / "factions.geojson").string());
        const double res = 2 * mercator::kHalfWorld / (256.0 * std::ldexp(1.0, static_cast<int>(maxzoom)));
        t0 = std::chrono::steady_clock::now();
        const std::string w = work.string();
        run("ogr2ogr -q -t_srs EPSG:3857 " + w + "/factions_3857.gpkg " + w + "/factions.geojson");
        run("ogr2ogr -q -t_srs EPSG:3857 -nln gov " + w + "/gov_3857.gpkg " + sources + "/governorates.geojson -nlt MULTILINESTRING -nlt PROMOTE_TO_MULTI");
        run("gdal_rasterize -q -ot Byte -of GTiff -co COMPRESS=NONE -co TILED=YES -init 0 -tr " + std::to_string(res) + " " +
            std::to_string(res) + " -burn 0 -burn 0 -burn 0 -burn 0 " + w + "/factions_3857.gpkg " + w + "/raster.tif" +
            " -te " + [&] {
                double x0, y0, x1, y1;
                mercator::to_meters(base.bounds[0], base.bounds[1], x0, y0);
                mercator::to_meters(base.bounds[2], base.bounds[3], x1, y1);
                return std::to_string(x0) + " " + std::to_string(y0) + " " + std::to_string(x1) + " " + std::to_string(y1);
            }());
        for (const Control& c : day1.control) {
            const Rgba col = style.fill[style.index(c.faction)];
            run("gdal_rasterize -q -b 1 -b 2 -b 3 -b 4 -burn " + std::to_string(col.r) + " -burn " + std::to_string(col.g) + " -burn " +
                std::to_string(col.b) + " -burn 255 -where \"faction='" + c.faction + "'\" " + w + "/factions_3857.gpkg " + w + "/raster.tif");
        }
        run("gdal_rasterize -q -b 1 -b 2 -b 3 -burn 85 -burn 85 -burn 85 " + w + "/gov_3857.gpkg " + w + "/raster.tif");
        run("gdal2tiles.py -q --xyz -z 0-" + std::to_string(maxzoom) + " --processes=" + std::to_string(jobs) +
            " -w none " + w + "/raster.tif " + w + "/gdal");
        gdal_s = seconds_since(t0);
        gdal_cpu = cpu_seconds(RUSAGE_CHILDREN);
        gdal_rss = peak_rss_kb(RUSAGE_CHILDREN);
        gdal_bytes = dir_bytes(work / "gdal", gdal_files);
    }

    auto dbl = [](auto v) { return static_cast<double>(v); };
    std::printf("raster benchmark: real sources, day %s from scratch (%zu factions), then %s with reuse; z0-%u, %u jobs\n",
                day1.date.str().c_str(), day1.control.size(), day2.date.str().c_str(), maxzoom, jobs);
    std::printf("%-34s %8s %8s %7s %9s %11s %8s\n", "", "wall s", "cpu s", "tiles", "tiles/s", "bytes", "peak MB");
    std::printf("%-34s %8.3f %8.3f %7zu %9.1f %11ju %8.1f\n", "ours day 1 (256 px, + write tree)", ours_s, ours_cpu,
                ours_files, dbl(ours_files) / ours_s, static_cast<std::uintmax_t>(ours_bytes), dbl(ours_rss) / 1024.0);
    std::printf("%-34s %8.3f %8s %7zu %9.1f %11zu %8s\n", "ours day 2 (reuse, in memory)", day2_s, "-", ours2.stats.tiles,
                dbl(ours2.stats.tiles) / day2_s, ours2.stats.bytes, "-");
    std::printf("%-34s %8.3f %8s %7zu %9.1f %11zu %8s\n", "ours day 1 256 + @2x (in memory)", both_s, "-", both.stats.tiles * 2,
                dbl(both.stats.tiles * 2) / both_s, both.stats.bytes, "-");
    if (gdal)
        std::printf("%-34s %8.3f %8.3f %7zu %9.1f %11ju %8.1f\n", "GDAL rasterize + gdal2tiles", gdal_s, gdal_cpu, gdal_files,
                    dbl(gdal_files) / gdal_s, static_cast<std::uintmax_t>(gdal_bytes), dbl(gdal_rss) / 1024.0);
    std::printf("ours day 1 split: scene %.3f s, render_day %.3f s, write tree %.3f s\n", scene_s, render_s,
                ours_s - scene_s - render_s);
    std::printf("ours day 1: rendered %zu, solid %zu; day 2: rendered %zu, reused %zu, solid %zu\n", ours.stats.rendered,
                ours.stats.solid, ours2.stats.rendered, ours2.stats.reused, ours2.stats.solid);
    std::printf("(tiles: files written; GDAL also writes the empty tiles around the country, we skip them. peak: whole\n"
                " process, ours including load_sources + build_timeline held in memory; GDAL: largest child.)\n");
    if (gdal)
        std::printf("speed-up (day 1 from scratch): %.1fx wall, %.1fx cpu, %.1fx tiles/s, bytes %.2fx, peak %.2fx; day 2 with reuse: %.1fx wall\n",
                    gdal_s / ours_s, gdal_cpu / ours_cpu, (dbl(ours_files) / ours_s) / (dbl(gdal_files) / gdal_s),
                    dbl(ours_bytes) / dbl(gdal_bytes), dbl(ours_rss) / dbl(gdal_rss), gdal_s / day2_s);
    return 0;
}
