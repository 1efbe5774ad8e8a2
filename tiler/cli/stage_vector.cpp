#include "cli/stage_vector.hpp"

#include "archive/directory.hpp"
#include "archive/mbtiles.hpp"
#include "archive/pmtiles.hpp"
#include "archive/tilejson.hpp"
#include "core/parallel.hpp"
#include "style/maplibre_style.hpp"
#include "tiling/vector_tiles.hpp"
#include "viewer/viewer.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <mutex>

namespace tiler::cli {

namespace {

constexpr const char* kFontsDir = "tiles/fonts";

/// The files of one day, relative to the output directory.
struct DayFiles {
    std::string mbtiles, pmtiles, tree, tilejson, style;
};

DayFiles day_files(const std::string& date) {
    return DayFiles{"tiles/" + date + ".mbtiles", "tiles/" + date + ".pmtiles", "tiles/" + date,
                    "tiles/" + date + ".json", "tiles/" + date + ".style.json"};
}

/// Everything one day's writer needs (shared read-only between the writer threads).
struct DayJob {
    const Tileset* tileset = nullptr;
    std::string date;
};

struct WriteContext {
    const OutputTransaction& tx;
    const Styles& styles;
    const Options& options;
    bool glyphs = false;
};

/// Writes one day's archives, TileJSON and style; returns the sizes of the MBTiles and PMTiles files.
std::pair<std::uint64_t, std::uint64_t> write_day(const WriteContext& wc, const DayJob& job) {
    const DayFiles f = day_files(job.date);
    const DayUrls urls = day_urls(job.date, wc.options.base_url);
    const Tileset& ts = *job.tileset;
    write_mbtiles(wc.tx.path(f.mbtiles), ts);
    const PmtilesStats pm = write_pmtiles(wc.tx.path(f.pmtiles), ts);
    if (wc.options.tile_dirs) write_directory(wc.tx.path(f.tree), ts);

    TileJsonOptions tj;
    tj.tiles = {urls.tile_template};
    write_tilejson(wc.tx.path(f.tilejson), ts.info, tj);

    MapStyleOptions so;
    so.name = ts.info.name;
    so.source_url = urls.pmtiles;
    so.attribution = ts.info.attribution;
    so.center[0] = ts.info.center[0];
    so.center[1] = ts.info.center[1];
    so.zoom = ts.info.center[2];
    if (wc.glyphs) {
        so.glyphs = urls.glyphs;
        so.font = kLabelFont;
    }
    write_maplibre_style(wc.tx.path(f.style), wc.styles, so);
    return {std::filesystem::file_size(wc.tx.path(f.mbtiles)), pm.file_size};
}

/// Runs write_day for every job on `threads` threads; rethrows the first failure.
void write_days(const WriteContext& wc, const std::vector<DayJob>& jobs, unsigned threads, StageOutput& out,
                VectorStageResult& result) {
    std::mutex mutex;
    std::size_t done = 0;
    parallel_for(jobs.size(), threads, [&](std::size_t i, unsigned) {
        const auto sizes = write_day(wc, jobs[i]);
        const std::lock_guard<std::mutex> lock(mutex);
        result.mbtiles_bytes += sizes.first;
        result.pmtiles_bytes += sizes.second;
        out.progress.count("vector tiles: archives", ++done, jobs.size());
    });
}

std::vector<std::string> place_names(const Sources& src) {
    std::vector<std::string> names;
    names.reserve(src.places.size());
    for (const Place& p : src.places) names.push_back(p.name);
    return names;
}

ViewerPage viewer_page(const StageInput& in, const std::vector<Tileset>& tilesets) {
    ViewerPage page;
    page.title = "Territorial control " + in.src.first.str() + " – " + in.src.last.str();
    for (const DayMap& d : in.days) page.days.push_back(d.date);
    page.styles = &in.src.styles;
    page.attribution = in.src.attribution;
    if (!tilesets.empty()) {
        const TilesetInfo& info = tilesets.front().info;
        std::copy(std::begin(info.center), std::end(info.center), page.center);
        std::copy(std::begin(info.bounds), std::end(info.bounds), page.bounds);
        page.maxzoom = info.maxzoom;
    }
    return page;
}

} // namespace

DayUrls day_urls(const std::string& date, const std::string& base_url) {
    const std::string tiles = base_url.empty() ? std::string() : base_url + "tiles/";
    return DayUrls{tiles + date + "/{z}/{x}/{y}.mvt", pmtiles_source_url(tiles + date + ".pmtiles"),
                   tiles + "fonts/{fontstack}/{range}.pbf"};
}

VectorStageResult write_vector_outputs(const StageInput& in, StageOutput& out) {
    VectorStageResult result;
    VectorTileOptions vo;
    vo.minzoom = in.options.minzoom;
    vo.maxzoom = in.options.maxzoom;
    vo.jobs = in.options.jobs;
    out.progress.stage("vector tiles: encoding");
    VectorTileStats stats;
    const std::vector<Tileset> tilesets = build_vector_tiles(in.ctx, in.src, in.days, vo, &stats);
    result.tiles = stats.tiles;
    result.unique = stats.unique;

    std::string why;
    const std::optional<ViewerAssets> assets = find_viewer_assets(&why);
    if (!assets)
        std::cerr << "tiler: warning: " << why << "; writing no viewer and no label glyphs "
                  << "(build the `viewer_assets` target, which needs npm, or set " << kViewerAssetsEnv << ")\n";
    WriteContext wc{out.tx, in.src.styles, in.options, assets.has_value()};
    if (assets) {
        out.progress.stage("viewer");
        for (const std::string& f : write_glyphs(out.tx.staging(), kFontsDir, *assets, place_names(in.src)))
            out.index.add_file(f);
        for (const std::string& f : write_viewer(out.tx.staging(), *assets, viewer_page(in, tilesets)))
            out.index.add_file(f);
        result.viewer = true;
    }

    std::vector<DayJob> jobs;
    for (std::size_t i = 0; i < tilesets.size(); ++i) jobs.push_back(DayJob{&tilesets[i], in.days[i].date.str()});
    write_days(wc, jobs, in.options.jobs, out, result);
    for (std::size_t i = 0; i < tilesets.size(); ++i) {
        const DayFiles f = day_files(jobs[i].date);
        for (const std::string* file : {&f.mbtiles, &f.pmtiles, &f.tilejson, &f.style})
            out.index.add_day_file(in.days[i].date, *file);
        if (in.options.tile_dirs) out.index.add_day_file(in.days[i].date, f.tree + "/");
    }
    return result;
}

} // namespace tiler::cli
