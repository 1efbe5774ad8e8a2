#include "cli/cmd_build.hpp"

#include "cli/progress.hpp"
#include "cli/stage_raster.hpp"
#include "cli/stage_vector.hpp"
#include "output/gpkg.hpp"
#include "output/index_json.hpp"
#include "output/staging.hpp"
#include "output/stats_csv.hpp"
#include "output/text_file.hpp"
#include "sources/load.hpp"
#include "territory/slivers.hpp"
#include "territory/territory.hpp"

#include <chrono>
#include <cstdio>
#include <iostream>

namespace tiler::cli {

namespace {

void print_summary(const Options& options, const Sources& src, const std::vector<DayMap>& days, double seconds) {
    std::printf("%zu days (%s .. %s) -> %s\n", days.size(), src.first.str().c_str(), src.last.str().c_str(),
                options.out.c_str());
    if (!days.empty()) {
        const DayMap& last = days.back();
        std::printf("territory on %s:\n", last.date.str().c_str());
        for (const Faction& f : src.styles.factions) {
            double area = 0;
            for (const Control& c : last.control)
                if (c.faction == f.id) area += c.area_km2;
            std::printf("  %-10s %12.1f km2\n", f.id.c_str(), area);
        }
    }
    std::printf("done in %.1f s\n", seconds);
    std::fflush(stdout);
}

} // namespace

int cmd_build(const Options& options) {
    const auto start = std::chrono::steady_clock::now();
    Progress progress(!options.quiet);
    const geos::Context ctx;

    progress.stage("loading sources");
    const Sources src = load_sources(ctx, options.sources, options.styles);   // bad input: nothing touched yet
    progress.stage("building the timeline");
    const std::vector<DayMap> days = build_timeline(ctx, src);
    progress.stage("looking for slivers");
    const std::vector<Sliver> slivers = find_slivers(ctx, src, days);   // warnings only: the build goes on
    progress.clear();
    for (const Sliver& s : slivers) std::cerr << "tiler: warning: " << describe(s) << "\n";

    OutputTransaction tx(options.out);
    OutputIndex index(src.first, src.last);
    write_gpkg(ctx, tx.path("control.gpkg"), src, days,
               [&progress](std::size_t done, std::size_t total) { progress.count("control.gpkg", done, total); });
    index.add_file("control.gpkg");
    progress.stage("stats.csv");
    write_stats_csv(tx.path("stats.csv"), src.styles, days);
    index.add_file("stats.csv");
    StageOutput stage_out{tx, index, progress};
    const VectorStageResult vector = write_vector_outputs(StageInput{ctx, src, days, options}, stage_out);
    const RasterStageResult raster =
        options.raster ? write_raster_outputs(StageInput{ctx, src, days, options}, stage_out) : RasterStageResult{};
    write_text_file(tx.path("index.json"), index.json());
    progress.stage("replacing " + options.out);
    tx.commit();
    progress.clear();

    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
    if (!options.quiet) {
        std::printf("vector tiles: %zu (%zu distinct), MBTiles %.1f MB, PMTiles %.1f MB%s\n", vector.tiles, vector.unique,
                    static_cast<double>(vector.mbtiles_bytes) / 1e6, static_cast<double>(vector.pmtiles_bytes) / 1e6,
                    vector.viewer ? ", viewer/index.html" : ", no viewer");
        if (options.raster)
            std::printf("raster tiles: %zu + %zu @2x (%zu rendered, %zu solid, %zu unchanged from the day before), "
                        "MBTiles %.1f MB, PMTiles %.1f MB; maps %.1f MB, offensive.gif %.2f MB\n",
                        raster.tiles, raster.tiles, raster.rendered, raster.solid, raster.reused,
                        static_cast<double>(raster.mbtiles_bytes) / 1e6, static_cast<double>(raster.pmtiles_bytes) / 1e6,
                        static_cast<double>(raster.maps_bytes) / 1e6, static_cast<double>(raster.gif_bytes) / 1e6);
        print_summary(options, src, days, elapsed.count());
    }
    return 0;
}

} // namespace tiler::cli
