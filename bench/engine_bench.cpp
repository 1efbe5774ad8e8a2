// Times the territory engine on the real country with a synthetic gazetteer and event log:
// 6,000 random places inside the country, 12 baseline areas and ~100 events over 14 days.
// Usage: engine_bench [sources_dir] [places] [events] [scattered|clustered]
// scattered: every capture is a random place anywhere (many enclaves: a pessimistic case);
// clustered: each faction advances from a random start, capturing places near its previous capture.
#include "geos/geos.hpp"
#include "territory/territory.hpp"

#include <chrono>
#include <cmath>
#include <ctime>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>

using namespace tiler;
using Clock = std::chrono::steady_clock;

namespace {

geos::Geom read_geojson(const geos::Context& ctx, const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::stringstream text;
    text << in.rdbuf();
    GEOSGeoJSONReader* r = GEOSGeoJSONReader_create_r(ctx.handle());
    GEOSGeometry* g = GEOSGeoJSONReader_readGeometry_r(ctx.handle(), r, text.str().c_str());
    GEOSGeoJSONReader_destroy_r(ctx.handle(), r);
    // A FeatureCollection reads as a GeometryCollection: union its parts.
    geos::Geom all = ctx.own(g, "GeoJSON read");
    return ctx.polygonal(ctx.unary_union(all.get()));
}

double seconds(Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); }

} // namespace

int main(int argc, char** argv) {
    const std::string dir = argc > 1 ? argv[1] : "sources";
    const int n_places = argc > 2 ? std::stoi(argv[2]) : 6000;
    const int n_events = argc > 3 ? std::stoi(argv[3]) : 100;
    const bool clustered = argc > 4 && std::string(argv[4]) == "clustered";
    geos::Context ctx;
    Sources src;
    src.country = read_geojson(ctx, dir + "/country.geojson");
    for (const char* id : {"government", "hts", "sna", "sdf", "southern", "sfa", "israel"})
        src.styles.factions.push_back({id, id, "#000000", "#000000"});

    std::mt19937_64 rng(20241127);
    const geos::Box b = ctx.bounds(src.country.get());
    std::uniform_real_distribution<double> ux(b.minx, b.maxx), uy(b.miny, b.maxy);
    const geos::Prepared inside = ctx.prepare(src.country.get());
    while (static_cast<int>(src.places.size()) < n_places) {
        Place p;
        p.lon = ux(rng);
        p.lat = uy(rng);
        if (!ctx.contains(inside.get(), ctx.point(p.lon, p.lat).get())) continue;
        p.id = "p" + std::to_string(src.places.size());
        src.places.push_back(p);
    }
    // Baseline zones: discs of 0.2°–0.8° around random places.
    std::uniform_real_distribution<double> radius(0.2, 0.8);
    std::uniform_int_distribution<std::size_t> any_place(0, src.places.size() - 1);
    std::uniform_int_distribution<std::size_t> any_rebel(1, 6);
    const Date first = *Date::parse("2024-11-26");
    src.first = first;
    src.last = first + 13;
    int seq = 0;
    for (int i = 0; i < 12; ++i) {
        const Place& c = src.places[any_place(rng)];
        Area a;
        a.id = "zone" + std::to_string(i);
        auto centre = ctx.point(c.lon, c.lat);
        a.geom = ctx.snap_to_grid(ctx.own(GEOSBuffer_r(ctx.handle(), centre.get(), radius(rng), 16), "buffer").get());
        src.areas.push_back(std::move(a));
        Event e;
        e.date = first;
        e.seq = ++seq;
        e.kind = TargetKind::Area;
        e.index = src.areas.size() - 1;
        e.faction = src.styles.factions[any_rebel(rng)].id;
        src.events.push_back(e);
    }
    // Offensive: captures of single places, a tenth of them reversed later the same day, some with `from`.
    std::uniform_int_distribution<int> day_of(1, 13);
    std::vector<std::vector<Event>> by_day(14);
    std::vector<std::size_t> front(src.styles.factions.size());
    for (auto& f : front) f = any_place(rng);
    auto near = [&](std::size_t from) {   // a random place within 0.3° of place `from`
        for (int tries = 0; tries < 10000; ++tries) {
            const std::size_t k = any_place(rng);
            if (std::abs(src.places[k].lon - src.places[from].lon) < 0.3 &&
                std::abs(src.places[k].lat - src.places[from].lat) < 0.3)
                return k;
        }
        return from;
    };
    for (int i = 0; i < n_events - 12; ++i) {
        Event e;
        e.kind = TargetKind::Place;
        const std::size_t faction = any_rebel(rng);
        e.faction = src.styles.factions[faction].id;
        if (clustered) {
            front[faction] = near(front[faction]);
            e.index = front[faction];
        } else {
            e.index = any_place(rng);
        }
        if (i % 7 == 0) e.from = "government";
        const int d = clustered ? 1 + i * 13 / (n_events - 12) : day_of(rng);
        e.date = first + d;
        by_day[static_cast<std::size_t>(d)].push_back(e);
        if (i % 10 == 0) {
            Event back = e;
            back.faction = "government";
            back.from.clear();
            by_day[static_cast<std::size_t>(d)].push_back(back);
        }
    }
    for (auto& day : by_day) {
        int s = 0;
        for (auto& e : day) {
            e.seq = ++s;
            src.events.push_back(e);
        }
    }

    auto t0 = Clock::now();
    const auto cells = place_cells(ctx, src);
    const double t_cells = seconds(t0);
    t0 = Clock::now();
    const std::clock_t c0 = std::clock();
    const auto days = build_timeline(ctx, src);
    const double t_all = seconds(t0);
    const double cpu_all = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
    std::size_t changes = 0, lines = 0;
    for (const auto& d : days) {
        changes += d.changes.size();
        lines += d.frontlines.size();
    }
    std::printf("places %zu, events %zu, days %zu, changes %zu, frontlines %zu\n", src.places.size(),
                src.events.size(), days.size(), changes, lines);
    std::printf("place_cells %.3f s, build_timeline (cells included) %.3f s wall, %.3f s CPU\n", t_cells, t_all, cpu_all);
    return 0;
}
