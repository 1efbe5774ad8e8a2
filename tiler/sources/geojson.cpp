#include "sources/geojson.hpp"

#include "core/error.hpp"
#include "sources/input_file.hpp"
#include "sources/utf8.hpp"

#include <cmath>
#include <utility>

namespace tiler {
namespace {

using Ring = std::vector<std::pair<double, double>>;

std::string label(std::size_t number, const nlohmann::json& props) {
    std::string s = "feature " + std::to_string(number);
    const auto it = props.find("id");
    if (it != props.end() && it->is_string()) s += " (id '" + it->get<std::string>() + "')";
    return s;
}

class FeatureReader {
public:
    FeatureReader(const geos::Context& ctx, const std::string& file, std::string where)
        : ctx_(ctx), file_(file), where_(std::move(where)) {}

    [[noreturn]] void fail(const std::string& problem) const { throw InputError(file_, 0, where_ + ": " + problem); }

    Ring ring(const nlohmann::json& j) const {
        if (!j.is_array()) fail("a ring is not an array of positions");
        Ring r;
        for (const auto& p : j) {
            if (!p.is_array() || p.size() < 2 || !p[0].is_number() || !p[1].is_number())
                fail("a position is not [lon, lat]: " + p.dump().substr(0, 60));
            const double x = p[0].get<double>(), y = p[1].get<double>();
            if (!std::isfinite(x) || !std::isfinite(y) || std::fabs(x) > 180 || std::fabs(y) > 90)
                fail("position " + p.dump() + " is not a lon/lat coordinate");
            r.emplace_back(x, y);
        }
        if (r.size() < 4) fail("a ring has " + std::to_string(r.size()) + " positions, at least 4 are needed");
        if (r.front() != r.back()) fail("a ring is not closed (its first and last positions differ)");
        return r;
    }

    geos::Geom polygon(const nlohmann::json& coords) const {
        if (!coords.is_array() || coords.empty()) fail("a polygon has no rings");
        std::vector<Ring> rings;
        for (const auto& r : coords) rings.push_back(ring(r));
        return ctx_.polygon(rings);
    }

    geos::Geom geometry(const nlohmann::json& g) const {
        if (!g.is_object()) fail("no geometry");
        const auto type = g.value("type", std::string());
        const auto coords = g.find("coordinates");
        if (type != "Polygon" && type != "MultiPolygon")
            fail("geometry type '" + type + "', expected Polygon or MultiPolygon");
        if (coords == g.end()) fail("the geometry has no coordinates");
        if (type == "Polygon") return polygon(*coords);
        if (!coords->is_array() || coords->empty()) fail("an empty MultiPolygon");
        std::vector<geos::Geom> parts;
        for (const auto& p : *coords) parts.push_back(polygon(p));
        return ctx_.collect(std::move(parts), GEOS_MULTIPOLYGON);
    }

    geos::Geom valid_snapped(geos::Geom g) const {
        const std::string reason = ctx_.invalid_reason(g.get());
        if (!reason.empty()) fail("invalid polygon: " + reason);
        geos::Geom snapped = ctx_.snap_to_grid(g.get());
        if (ctx_.is_empty(snapped.get())) fail("the polygon collapses on the grid of " + std::to_string(geos::kGrid) + "°");
        return snapped;
    }

private:
    const geos::Context& ctx_;
    const std::string& file_;
    std::string where_;
};

} // namespace

nlohmann::json parse_json(std::string_view text, const std::string& file) {
    try {
        return nlohmann::json::parse(text.begin(), text.end());
    } catch (const nlohmann::json::parse_error& e) {
        std::string msg = e.what();
        const auto close = msg.find("] ");
        if (msg.rfind("[json.exception", 0) == 0 && close != std::string::npos) msg = msg.substr(close + 2);
        const std::size_t offset = e.byte == 0 ? 0 : e.byte - 1;
        throw InputError(file, line_of_offset(text, offset), "invalid JSON: " + msg);
    }
}

std::string feature_label(const GeoFeature& f) { return label(f.number, f.properties); }

std::vector<GeoFeature> parse_geojson(const geos::Context& ctx, std::string_view text, const std::string& file) {
    const nlohmann::json doc = parse_json(text, file);
    if (!doc.is_object() || doc.value("type", std::string()) != "FeatureCollection")
        throw InputError(file, 0, "expected a GeoJSON FeatureCollection");
    const auto features = doc.find("features");
    if (features == doc.end() || !features->is_array())
        throw InputError(file, 0, "the FeatureCollection has no 'features' array");
    std::vector<GeoFeature> out;
    for (const auto& f : *features) {
        GeoFeature gf;
        gf.number = out.size() + 1;
        if (!f.is_object() || f.value("type", std::string()) != "Feature")
            throw InputError(file, 0, "feature " + std::to_string(gf.number) + ": not a GeoJSON Feature");
        const auto props = f.find("properties");
        gf.properties = props != f.end() && props->is_object() ? *props : nlohmann::json::object();
        const FeatureReader reader(ctx, file, label(gf.number, gf.properties));
        const auto geom = f.find("geometry");
        if (geom == f.end() || geom->is_null()) reader.fail("no geometry");
        gf.geom = reader.valid_snapped(reader.geometry(*geom));
        out.push_back(std::move(gf));
    }
    return out;
}

std::vector<GeoFeature> read_geojson(const geos::Context& ctx, const std::string& path, const std::string& file) {
    return parse_geojson(ctx, read_input_file(path, file), file);
}

} // namespace tiler
