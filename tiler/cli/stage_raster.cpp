#include "cli/stage_raster.hpp"

#include "core/error.hpp"
#include "core/parallel.hpp"
#include "raster/chart.hpp"
#include "raster/gif.hpp"
#include "raster/overview_map.hpp"
#include "raster/raster_style.hpp"
#include "raster/raster_tiles.hpp"
#include "raster/scene.hpp"
#include "raster/vips_image.hpp"

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace tiler::cli {

namespace {

std::uint64_t file_size(const std::string& path) { return std::filesystem::file_size(path); }

/// Width of the GIF frames (animated_gif scales them down further only if the file would exceed 2 MB).
constexpr int kFrameWidth = 1200;   // the legend and the attribution stay legible (~11 px and up)
/// Places labelled on the overview maps: the cities of rank 1 and 2 (the capital and governorate seats).
constexpr int kLabelRank = 2;

/// The cities the overview maps label (not the sites, bases or districts of the same rank).
std::vector<Place> map_cities(const std::vector<Place>& places) {
    std::vector<Place> out;
    for (const Place& p : places)
        if (p.rank <= kLabelRank && p.kind == "city") out.push_back(p);
    return out;
}

/// A GIF frame: the overview map without its title band (the frame's caption carries the title).
GifFrame gif_frame(const vips::VImage& picture, int header, const std::string& caption) {
    try {
        const vips::VImage map = picture.extract_area(0, header, picture.width(), picture.height() - header);
        return GifFrame{map.resize(double(kFrameWidth) / map.width()).copy_memory(), caption};
    } catch (const vips::VError& e) {
        throw Error("libvips: GIF frame '" + caption + "': " + e.what());
    }
}

/// What the overview maps share.
struct MapsInput {
    const RasterBase& base;
    const RasterStyle& style;
    const std::vector<RasterScene>& scenes;   ///< per day
    std::vector<Place> cities;                ///< the places labelled
    OverviewOptions overview;
    int header = 0;                           ///< title band height (cut from the GIF frames)
};

/// The overview maps of every day (maps/<date>.png) and their GIF frames, `jobs` days at a time, each
/// thread with its own GEOS context. Returns the frames in day order; adds the PNG bytes to `maps_bytes`.
std::vector<GifFrame> write_overview_maps(const StageInput& in, StageOutput& out, const MapsInput& maps,
                                          std::uint64_t& maps_bytes) {
    const std::size_t n = in.days.size();
    std::vector<GifFrame> frames(n);
    std::vector<std::uint64_t> bytes(n, 0);
    std::vector<std::string> files;   // made here: OutputTransaction::path creates the folder
    for (const DayMap& day : in.days) files.push_back(out.tx.path("maps/" + day.date.str() + ".png"));
    std::vector<std::unique_ptr<geos::Context>> contexts(parallel_workers(n, in.options.jobs));
    parallel_for(
        n, in.options.jobs,
        [&](std::size_t i, unsigned worker) {
            if (!contexts[worker]) contexts[worker] = std::make_unique<geos::Context>();
            const std::string date = in.days[i].date.str();
            OverviewInput map;
            map.base = &maps.base;
            map.scene = &maps.scenes[i];
            map.day = &in.days[i];
            map.style = &maps.style;
            map.styles = &in.src.styles;
            map.places = &maps.cities;
            map.title = "Territorial control at the end of " + date;
            map.attribution = in.src.attribution;
            const vips::VImage picture = overview_map(*contexts[worker], map, maps.overview);
            write_png(files[i], picture);
            bytes[i] = file_size(files[i]);
            frames[i] = gif_frame(picture, maps.header, map.title);
        },
        [](unsigned) { vips_thread_shutdown(); });   // frees libvips's buffers of a thread about to end
    for (std::size_t i = 0; i < n; ++i) {
        maps_bytes += bytes[i];
        out.index.add_day_file(in.days[i].date, "maps/" + in.days[i].date.str() + ".png");
    }
    return frames;
}

} // namespace

RasterStageResult write_raster_outputs(const StageInput& in, StageOutput& out) {
    RasterStageResult result;
    const RasterStyle style = raster_style(in.src.styles);
    const RasterBase base = raster_base(in.ctx, in.src.country.get(), in.src.governorates);

    RasterTileOptions tile_options;
    tile_options.minzoom = in.options.raster_minzoom;
    tile_options.maxzoom = in.options.raster_maxzoom;
    tile_options.jobs = in.options.jobs;
    RasterTiler tiler(base, style, tile_options);

    // Tiles: rendered in date order, so each day reuses what did not change since the previous one.
    const std::string raster_dir = out.tx.path("raster");
    RasterWriteOptions write_options;   // --base-url is where the output folder is served
    if (!in.options.base_url.empty()) write_options.dir_url = in.options.base_url + "raster/";
    std::vector<RasterScene> scenes;
    for (std::size_t i = 0; i < in.days.size(); ++i) {
        const DayMap& day = in.days[i];
        const std::string date = day.date.str();
        out.progress.count("raster tiles", i, in.days.size());
        scenes.push_back(raster_scene(in.ctx, day, style));
        const RasterDayTiles tiles =
            tiler.render_day(in.ctx, scenes.back(), raster_tileset_info(base, date, in.src.attribution, tile_options));
        write_raster_day(raster_dir, date, tiles, write_options);
        result.tiles += tiles.stats.tiles;
        result.rendered += tiles.stats.rendered;
        result.solid += tiles.stats.solid;
        result.reused += tiles.stats.reused;
        result.mbtiles_bytes += file_size(raster_dir + "/" + date + ".mbtiles");
        result.pmtiles_bytes += file_size(raster_dir + "/" + date + ".pmtiles");
        for (const char* ext : {".mbtiles", ".pmtiles", ".json"}) out.index.add_day_file(day.date, "raster/" + date + ext);
        out.index.add_day_file(day.date, "raster/" + date + "/");
    }

    out.progress.stage("overview maps");
    MapsInput maps{base, style, scenes, map_cities(in.src.places), OverviewOptions{}, 0};
    maps.overview.max_label_rank = kLabelRank;
    maps.header = overview_layout(base, maps.overview).header;
    const std::vector<GifFrame> frames = write_overview_maps(in, out, maps, result.maps_bytes);

    out.progress.stage("offensive.gif");
    if (!frames.empty()) {
        GifOptions gif;
        gif.width = kFrameWidth;
        write_gif(out.tx.path("offensive.gif"), frames, gif);
        result.gif_bytes = file_size(out.tx.path("offensive.gif"));
        out.index.add_file("offensive.gif");
    }

    out.progress.stage("stats.png");
    write_area_chart(out.tx.path("stats.csv"), out.tx.path("stats.png"), style, in.src.styles, ChartOptions{});
    out.index.add_file("stats.png");
    return result;
}

} // namespace tiler::cli
