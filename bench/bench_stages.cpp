// Times tiler's stages on the real sources/ (no synthetic data). Prints `key value` lines for bench/run.sh.
//   bench_stages engine [--sources DIR] [--styles DIR] [--repeat N]
//       load_sources and build_timeline of the whole range, each repeated N times: median and min wall time,
//       median CPU time (less sensitive to other work on the machine).
//   bench_stages vector [--sources DIR] [--styles DIR] [--out DIR] [--minzoom Z] [--maxzoom Z] [--jobs N]
//       sources + timeline once (not timed here), then the vector stage: build_vector_tiles of all days
//       and write_mbtiles of each day to OUT/<date>.mbtiles (N days at a time, as tiler build does). Reports the stage's wall time, tiles, bytes
//       and the peak RSS during the stage (VmHWM reset just before it through /proc/self/clear_refs).
#include "archive/mbtiles.hpp"
#include "core/parallel.hpp"
#include "sources/load.hpp"
#include "territory/territory.hpp"
#include "tiling/vector_tiles.hpp"

#include <algorithm>
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

using namespace tiler;
using Clock = std::chrono::steady_clock;

namespace {

struct Args {
    std::string mode;
    std::string sources = "sources";
    std::string styles = "styles";
    std::string out = "bench/out/ours";
    int repeat = 5;
    unsigned minzoom = 0;
    unsigned maxzoom = 12;
    unsigned jobs = 1;
};

Args parse(int argc, char** argv) {
    if (argc < 2) throw std::runtime_error("usage: bench_stages engine|vector [--sources DIR] [--styles DIR] ...");
    Args a;
    a.mode = argv[1];
    for (int i = 2; i < argc; ++i) {
        const std::string k = argv[i];
        if (i + 1 >= argc) throw std::runtime_error("missing value after " + k);
        const std::string v = argv[++i];
        if (k == "--sources") a.sources = v;
        else if (k == "--styles") a.styles = v;
        else if (k == "--out") a.out = v;
        else if (k == "--repeat") a.repeat = std::max(1, std::stoi(v));
        else if (k == "--minzoom") a.minzoom = static_cast<unsigned>(std::stoul(v));
        else if (k == "--maxzoom") a.maxzoom = static_cast<unsigned>(std::stoul(v));
        else if (k == "--jobs") a.jobs = static_cast<unsigned>(std::max(1, std::stoi(v)));
        else throw std::runtime_error("unknown option " + k);
    }
    return a;
}

double since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

/// VmHWM / VmRSS of this process in kB (Linux), -1 if unavailable.
long status_kb(const std::string& key) {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.compare(0, key.size() + 1, key + ":") == 0) return std::stol(line.substr(key.size() + 1));
    return -1;
}

bool reset_peak_rss() {
    std::ofstream out("/proc/self/clear_refs");
    out << "5";
    out.flush();
    return static_cast<bool>(out);
}

/// User + system CPU seconds of this process, all threads.
double cpu_seconds() {
    struct rusage ru {};
    getrusage(RUSAGE_SELF, &ru);
    return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
           static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

void report(const char* key, double value) { std::printf("%s %.6g\n", key, value); }

void run_engine(const Args& a) {
    const geos::Context ctx;
    std::vector<double> load_s, timeline_s, load_cpu, timeline_cpu;
    std::size_t n_days = 0, n_events = 0, n_places = 0;
    for (int r = 0; r < a.repeat; ++r) {
        auto t0 = Clock::now();
        double c0 = cpu_seconds();
        const Sources src = load_sources(ctx, a.sources, a.styles);
        load_s.push_back(since(t0));
        load_cpu.push_back(cpu_seconds() - c0);
        t0 = Clock::now();
        c0 = cpu_seconds();
        const std::vector<DayMap> days = build_timeline(ctx, src);
        timeline_s.push_back(since(t0));
        timeline_cpu.push_back(cpu_seconds() - c0);
        n_days = days.size();
        n_events = src.events.size();
        n_places = src.places.size();
    }
    report("engine.repeat", a.repeat);
    report("engine.days", static_cast<double>(n_days));
    report("engine.events", static_cast<double>(n_events));
    report("engine.places", static_cast<double>(n_places));
    report("engine.load_sources.median_s", median(load_s));
    report("engine.load_sources.min_s", *std::min_element(load_s.begin(), load_s.end()));
    report("engine.build_timeline.median_s", median(timeline_s));
    report("engine.build_timeline.min_s", *std::min_element(timeline_s.begin(), timeline_s.end()));
    report("engine.load_sources.cpu_median_s", median(load_cpu));
    report("engine.build_timeline.cpu_median_s", median(timeline_cpu));
    std::vector<double> total(load_s.size()), total_cpu(load_s.size());
    for (std::size_t i = 0; i < total.size(); ++i) {
        total[i] = load_s[i] + timeline_s[i];
        total_cpu[i] = load_cpu[i] + timeline_cpu[i];
    }
    report("engine.total.cpu_median_s", median(total_cpu));
    report("engine.total.median_s", median(total));
    report("engine.total.min_s", *std::min_element(total.begin(), total.end()));
    report("engine.peak_rss_kb", static_cast<double>(status_kb("VmHWM")));
}

void run_vector(const Args& a) {
    const geos::Context ctx;
    const Sources src = load_sources(ctx, a.sources, a.styles);
    const std::vector<DayMap> days = build_timeline(ctx, src);
    std::filesystem::create_directories(a.out);
    const long rss_before = status_kb("VmRSS");
    const bool reset = reset_peak_rss();

    VectorTileOptions opt;
    opt.minzoom = a.minzoom;
    opt.maxzoom = a.maxzoom;
    opt.jobs = a.jobs;
    VectorTileStats stats;
    const double cpu0 = cpu_seconds();
    auto t0 = Clock::now();
    const std::vector<Tileset> sets = build_vector_tiles(ctx, src, days, opt, &stats);
    const double build_s = since(t0);
    t0 = Clock::now();
    // One day per thread at a time, as `tiler build` writes its archives.
    std::vector<double> day_bytes(days.size(), 0);
    parallel_for(days.size(), a.jobs, [&](std::size_t d, unsigned) {
        const std::string path = a.out + "/" + days[d].date.str() + ".mbtiles";
        write_mbtiles(path, sets[d]);
        day_bytes[d] = static_cast<double>(std::filesystem::file_size(path));
    });
    const double write_s = since(t0);
    double bytes = 0;
    for (double b : day_bytes) bytes += b;
    const double cpu_s = cpu_seconds() - cpu0;
    report("vector.days", static_cast<double>(days.size()));
    report("vector.minzoom", a.minzoom);
    report("vector.maxzoom", a.maxzoom);
    report("vector.jobs", a.jobs);
    report("vector.tiles", static_cast<double>(stats.tiles));
    report("vector.encoded", static_cast<double>(stats.encoded));
    report("vector.reused", static_cast<double>(stats.reused));
    report("vector.solid", static_cast<double>(stats.solid));
    report("vector.unique", static_cast<double>(stats.unique));
    report("vector.build_s", build_s);
    report("vector.write_s", write_s);
    report("vector.stage_s", build_s + write_s);
    report("vector.stage_cpu_s", cpu_s);
    report("vector.bytes", bytes);
    report("vector.rss_before_stage_kb", static_cast<double>(rss_before));
    report("vector.stage_peak_rss_kb", reset ? static_cast<double>(status_kb("VmHWM")) : -1.0);
}

} // namespace

int main(int argc, char** argv) {
    try {
        const Args a = parse(argc, argv);
        if (a.mode == "engine") run_engine(a);
        else if (a.mode == "vector") run_vector(a);
        else throw std::runtime_error("unknown mode " + a.mode + " (engine|vector)");
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_stages: %s\n", e.what());
        return 1;
    }
}
