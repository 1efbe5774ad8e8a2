// Throughput of the vector tiles on a realistic coverage (not run by default; no timing asserts):
//   tiler_tests --gtest_also_run_disabled_tests --gtest_filter='*VectorTileThroughput*'
// The coverage: Voronoi cells of sources/places.csv in the OCHA country outline, grouped into factions
// by jagged regions (like the real map), 14 days with a front that moves every day.
#include "tiling/vector_tiles.hpp"

#include "../support/mvt_decoder.hpp"
#include "tiling/mercator.hpp"

#include "territory/voronoi.hpp"
#include "tiling/wkb.hpp"

#include <gdal.h>
#include <ogr_api.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

using namespace tiler;

namespace {

std::vector<std::string> csv_fields(const std::string& line) {
    std::vector<std::string> out(1);
    bool quoted = false;
    for (char c : line) {
        if (c == '"') quoted = !quoted;
        else if (c == ',' && !quoted) out.emplace_back();
        else out.back() += c;
    }
    return out;
}

geos::Geom read_country(const geos::Context& ctx, const std::string& path) {
    GDALAllRegister();
    GDALDatasetH ds = GDALOpenEx(path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
    if (!ds) throw std::runtime_error("cannot open " + path);
    OGRLayerH layer = GDALDatasetGetLayer(ds, 0);
    OGRFeatureH f = OGR_L_GetNextFeature(layer);
    OGRGeometryH g = OGR_F_GetGeometryRef(f);
    std::string wkb(static_cast<std::size_t>(OGR_G_WkbSize(g)), '\0');
    OGR_G_ExportToWkb(g, wkbNDR, reinterpret_cast<unsigned char*>(wkb.data()));
    OGR_F_Destroy(f);
    GDALClose(ds);
    return ctx.snap_to_grid(geos::from_wkb(ctx, wkb).get());
}

/// Faction of a place on day d (0..13): a made-up but map-like layout with a front moving south.
std::string faction_of(double lon, double lat, int d) {
    if (lat > 35.0 + 0.15 * std::sin(lon * 9) && lon < 37.0 && lat > 35.6 - 0.1 * d) return "hts";   // advancing
    if (lon > 39.0 + 0.2 * std::sin(lat * 7) && lat > 35.3) return "sdf";
    if (lat > 36.3 && lon > 36.5 && lon < 38.2) return "sna";
    if (lat < 33.0 && lon > 36.3 && lon < 37.3 && d >= 8) return "southern";
    if (std::hypot(lon - 38.6, lat - 33.5) < 0.5) return "sfa";
    return "government";
}

} // namespace

TEST(VectorTileBench, DISABLED_VectorTileThroughput) {
    geos::Context ctx;
    Sources src;
    src.styles.factions = {{"government", "Government", "", ""}, {"hts", "HTS", "", ""}, {"sna", "SNA", "", ""},
                           {"sdf", "SDF", "", ""},           {"southern", "South", "", ""}, {"sfa", "SFA", "", ""}};
    src.country = read_country(ctx, std::string(TILER_SOURCE_DIR) + "/sources/country.geojson");
    std::ifstream in(std::string(TILER_SOURCE_DIR) + "/sources/places.csv");
    std::string line;
    std::getline(in, line);
    std::vector<std::pair<double, double>> pts;
    while (std::getline(in, line)) {
        const auto f = csv_fields(line);
        if (f.size() < 9) continue;
        Place p;
        p.id = f[0];
        p.name = f[1];
        p.lat = std::stod(f[3]);
        p.lon = std::stod(f[4]);
        p.kind = f[5];
        p.rank = std::stoi(f[7]);
        src.places.push_back(p);
        pts.emplace_back(p.lon, p.lat);
    }
    auto t0 = std::chrono::steady_clock::now();
    const auto cells = voronoi_cells(ctx, pts, src.country.get());
    std::vector<DayMap> days;
    for (int d = 0; d < 14; ++d) {
        std::map<std::string, std::vector<geos::Geom>> parts;
        for (std::size_t i = 0; i < cells.size(); ++i)
            parts[faction_of(pts[i].first, pts[i].second, d)].push_back(ctx.clone(cells[i].get()));
        DayMap day;
        day.date = Date::from_ymd(2024, 11, 26) + d;
        for (const Faction& f : src.styles.factions) {
            auto it = parts.find(f.id);
            if (it == parts.end()) continue;
            geos::Geom all = ctx.collect(std::move(it->second), GEOS_GEOMETRYCOLLECTION);
            Control c;
            c.faction = f.id;
            c.geom = ctx.polygonal(ctx.unary_union(all.get()));
            day.control.push_back(std::move(c));
        }
        days.push_back(std::move(day));
    }
    const double setup = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::vector<Tileset> first;
    for (unsigned jobs : {1u, 2u, 0u}) {
        VectorTileOptions opt;
        opt.jobs = std::max(1u, jobs);
        opt.reuse_previous_day = jobs != 0;   // jobs 0: a run that encodes every tile, to compare bytes
        VectorTileStats stats;
        t0 = std::chrono::steady_clock::now();
        const auto sets = build_vector_tiles(ctx, src, days, opt, &stats);
        const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        std::size_t bytes = 0;
        for (const auto& ts : sets)
            for (const auto& t : ts.tiles) bytes += t.data->size();
        std::cout << "coverage setup " << setup << " s; jobs=" << jobs << ": " << stats.tiles << " tiles (14 days, z0-12) in "
                  << secs << " s = " << stats.tiles / secs << " tiles/s; encoded " << stats.encoded << ", reused "
                  << stats.reused << ", solid " << stats.solid << ", unique buffers " << stats.unique << ", "
                  << bytes / 1e6 << " MB total\n";
        EXPECT_GT(stats.tiles, 14u * 2000u);
        if (jobs == 0) {
            std::size_t differ = 0;
            for (std::size_t d = 0; d < sets.size(); ++d)
                for (std::size_t i = 0; i < sets[d].tiles.size(); ++i)
                    if (*sets[d].tiles[i].data != *first[d].tiles[i].data) ++differ;
            EXPECT_EQ(differ, 0u) << "reused tiles differ from encoding again";
        }
        if (jobs != 1) continue;
        first = sets;
        // Every distinct tile through the strict decoder; tiles inside the country: no gaps or overlaps.
        const geos::Prepared country = ctx.prepare(src.country.get());
        std::set<const std::string*> seen;
        std::size_t violations = 0, inner = 0, gaps = 0;
        for (const auto& ts : sets)
            for (const auto& t : ts.tiles) {
                if (!seen.insert(t.data.get()).second) continue;
                test::DecodeOptions o;
                o.max_buffer = 64;
                const auto dec = test::decode_strict(*t.data, o);
                if (!dec.violations.empty() && violations++ < 5)
                    ADD_FAILURE() << t.id.z << "/" << t.id.x << "/" << t.id.y << ": " << dec.violations.front();
                double minx, miny, maxx, maxy, w, s, e, n;
                mercator::tile_bounds_m(t.id, minx, miny, maxx, maxy);
                const double pad = (maxx - minx) / 64;
                mercator::to_lonlat(minx - pad, miny - pad, w, s);
                mercator::to_lonlat(maxx + pad, maxy + pad, e, n);
                std::ostringstream box;
                box.precision(12);
                box << "POLYGON((" << w << ' ' << s << ',' << e << ' ' << s << ',' << e << ' ' << n << ',' << w << ' ' << n
                    << ',' << w << ' ' << s << "))";
                if (!ctx.contains(country.get(), ctx.from_wkt(box.str()).get())) continue;
                ++inner;
                double sum = 0;
                std::vector<geos::Geom> parts;
                for (const auto& f : dec.layer("control")->features) {
                    parts.push_back(ctx.from_wkt(f.wkt()));
                    sum += ctx.planar_area(parts.back().get());
                }
                geos::Geom all = ctx.collect(std::move(parts), GEOS_GEOMETRYCOLLECTION);
                geos::Geom u = ctx.own(GEOSUnaryUnion_r(ctx.handle(), all.get()), "union");
                if ((sum != 4224.0 * 4224.0 || ctx.planar_area(u.get()) != sum) && gaps++ < 5)
                    ADD_FAILURE() << t.id.z << "/" << t.id.x << "/" << t.id.y << ": control area " << sum << ", union "
                                  << ctx.planar_area(u.get());
            }
        std::cout << seen.size() << " distinct tiles decoded strictly: " << violations << " with violations; " << inner
                  << " inside the country, " << gaps << " with gaps or overlaps\n";
    }
}
