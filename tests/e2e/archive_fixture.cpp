// Test-only program: writes a small synthetic day in every archive form the project ships, for the
// independent readers of tests/e2e/archives.cmake (sqlite3 CLI, the `pmtiles` npm package, gl-style-validate).
//   archive_fixture <factions.json> <out-dir>
// Layout under <out-dir>:
//   tiles/fixture.{mbtiles,pmtiles,json}, tiles/fixture/{z}/{x}/{y}.mvt, tiles/fixture-leaves.pmtiles
//   (same tiles, forced into many leaf directories), tiles/fixture.style.json (pmtiles:// source, circles),
//   tiles/fixture.labels.style.json (TileJSON source, glyphs + labels)
//   raster/fixture.{mbtiles,pmtiles}, raster/fixture/{z}/{x}/{y}.png + {y}@2x.png
// Tile contents are synthetic (not decodable MVT); PNGs are real images made with libvips.
#include "archive/directory.hpp"
#include "archive/mbtiles.hpp"
#include "archive/pmtiles.hpp"
#include "archive/tilejson.hpp"
#include "core/error.hpp"
#include "style/maplibre_style.hpp"

#include <nlohmann/json.hpp>
#include <vips/vips8>

#include <fstream>
#include <iostream>
#include <map>
#include <memory>

using namespace tiler;

namespace {

constexpr double kBounds[4] = {35.7, 32.3, 42.4, 37.3};

TilesetInfo info(TileFormat f, unsigned maxzoom) {
    TilesetInfo i;
    i.name = "tiler fixture";
    i.description = "synthetic tiles for the archive e2e tests";
    i.attribution = "tiler test fixture";
    i.format = f;
    i.minzoom = 0;
    i.maxzoom = maxzoom;
    std::copy(kBounds, kBounds + 4, i.bounds);
    i.center[0] = 38.5;
    i.center[1] = 35.0;
    i.center[2] = 6;
    i.vector_layers_json =
        R"([{"id":"control","fields":{"faction":"String"},"minzoom":0,"maxzoom":8},)"
        R"({"id":"places","fields":{"name":"String","rank":"Number"},"minzoom":0,"maxzoom":8}])";
    return i;
}

/// Tiles covering the box at every zoom; `content(z, x, y)` picks the bytes (shared buffers where equal).
template <class Content>
Tileset make(TilesetInfo i, Content content) {
    Tileset ts;
    ts.info = std::move(i);
    for (std::uint32_t z = ts.info.minzoom; z <= ts.info.maxzoom; ++z) {
        std::uint32_t x0, y0, x1, y1;
        mercator::tile_range(z, kBounds[0], kBounds[1], kBounds[2], kBounds[3], x0, y0, x1, y1);
        for (std::uint32_t x = x0; x <= x1; ++x)
            for (std::uint32_t y = y0; y <= y1; ++y) ts.tiles.push_back({{z, x, y}, content(z, x, y)});
    }
    return ts;
}

std::shared_ptr<const std::string> png(int size, int colour) {
    static const double rgb[3][3] = {{215, 48, 31}, {77, 124, 63}, {242, 194, 48}};
    vips::VImage img = vips::VImage::black(size, size, vips::VImage::option()->set("bands", 3))
                           .linear(std::vector<double>{1, 1, 1}, std::vector<double>(rgb[colour], rgb[colour] + 3))
                           .cast(VIPS_FORMAT_UCHAR);
    void* buf = nullptr;
    size_t len = 0;
    img.write_to_buffer(".png", &buf, &len);
    auto out = std::make_shared<const std::string>(static_cast<const char*>(buf), len);
    g_free(buf);
    return out;
}

Styles read_styles(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw InputError(path, 0, "cannot open");
    const auto j = nlohmann::json::parse(in);
    Styles s;
    for (const auto& f : j.at("factions"))
        s.factions.push_back({f.at("id"), f.at("name"), f.at("fill"), f.at("line")});
    return s;
}

void run(const std::string& factions, const std::string& out) {
    // Vector: low zooms distinct, from z5 on mostly one "solid" tile (dedup + run lengths).
    auto solid = std::make_shared<const std::string>("synthetic mvt: solid government");
    const Tileset vec = make(info(TileFormat::Mvt, 8), [&](std::uint32_t z, std::uint32_t x, std::uint32_t y) {
        if (z >= 5 && (x + 2 * y) % 4 != 0) return solid;
        return std::make_shared<const std::string>("synthetic mvt " + std::to_string(z) + "/" + std::to_string(x) +
                                                   "/" + std::to_string(y));
    });
    write_mbtiles(out + "/tiles/fixture.mbtiles", vec);
    write_pmtiles(out + "/tiles/fixture.pmtiles", vec);
    PmtilesOptions small;
    small.max_root_entries = 4;
    small.leaf_entries = 6;
    write_pmtiles(out + "/tiles/fixture-leaves.pmtiles", vec, small);
    write_directory(out + "/tiles/fixture", vec);
    TileJsonOptions urls;
    urls.tiles = {"fixture/{z}/{x}/{y}.mvt"};
    write_tilejson(out + "/tiles/fixture.json", vec.info, urls);

    const Styles styles = read_styles(factions);
    MapStyleOptions o;
    o.name = "tiler fixture";
    o.source_url = pmtiles_source_url("fixture.pmtiles");
    o.attribution = vec.info.attribution;
    write_maplibre_style(out + "/tiles/fixture.style.json", styles, o);
    o.source_url = "fixture.json";
    o.glyphs = "fonts/{fontstack}/{range}.pbf";
    write_maplibre_style(out + "/tiles/fixture.labels.style.json", styles, o);

    // Raster: three colours, so most tiles repeat.
    std::map<int, std::shared_ptr<const std::string>> one, two;
    for (int c = 0; c < 3; ++c) {
        one[c] = png(256, c);
        two[c] = png(512, c);
    }
    const auto colour = [](std::uint32_t z, std::uint32_t x, std::uint32_t y) {
        return z < 3 ? 0 : static_cast<int>((x + y) % 3);
    };
    const Tileset r1 = make(info(TileFormat::Png, 7), [&](auto z, auto x, auto y) { return one[colour(z, x, y)]; });
    const Tileset r2 = make(info(TileFormat::Png, 7), [&](auto z, auto x, auto y) { return two[colour(z, x, y)]; });
    write_mbtiles(out + "/raster/fixture.mbtiles", r1);
    write_pmtiles(out + "/raster/fixture.pmtiles", r1);
    write_directory(out + "/raster/fixture", {{&r1, ""}, {&r2, "@2x"}});
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: archive_fixture <factions.json> <out-dir>\n";
        return 2;
    }
    if (VIPS_INIT(argv[0])) {
        std::cerr << "archive_fixture: cannot start libvips\n";
        return 1;
    }
    try {
        run(argv[1], argv[2]);
    } catch (const std::exception& e) {
        std::cerr << "archive_fixture: " << e.what() << "\n";
        return 1;
    }
    vips_shutdown();
    return 0;
}
