#include "sources/load.hpp"

#include "core/error.hpp"
#include "sources/csv.hpp"
#include "sources/geojson.hpp"
#include "sources/input_file.hpp"
#include "sources/load_detail.hpp"
#include "sources/text.hpp"
#include "sources/utf8.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

namespace tiler {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kPlaceColumns = {"id", "name", "aliases", "lat", "lon", "kind", "governorate", "rank", "source"};
const std::vector<std::string> kEventColumns = {"date", "seq", "target", "faction", "from", "quote", "note"};

/// Used when sources/ has no attribution.txt.
const char* const kDefaultAttribution =
    "Control: tiler event log from Wikipedia, '2024 Syrian opposition offensives' (CC BY-SA 4.0); boundaries \xC2\xA9 "
    "OCHA; places: Wikipedia Syrian Civil War detailed map module (CC BY-SA 4.0), GeoNames (CC BY 4.0)";

/// `dir/name` as the user would write it (no normalisation: `sources` + `events.csv` -> `sources/events.csv`).
std::string under(const std::string& dir, const std::string& name) { return (fs::path(dir) / name).generic_string(); }

bool is_colour(const std::string& s) {
    return s.size() == 7 && s[0] == '#' && std::all_of(s.begin() + 1, s.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    });
}

/// A non-empty string property, or an InputError naming the file and `where`.
std::string text_property(const nlohmann::json& obj, const char* key, const std::string& file, const std::string& where) {
    const auto it = obj.find(key);
    if (it == obj.end() || !it->is_string() || collapse_text(it->get<std::string>()).empty())
        throw InputError(file, 0, where + ": property '" + key + "' must be a non-empty string");
    return it->get<std::string>();
}

/// Sorted paths of the regular files in `dir` whose names end with `ext`; none if `dir` does not exist.
std::vector<fs::path> files_with_extension(const std::string& dir, const std::string& ext) {
    std::vector<fs::path> out;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return out;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.is_regular_file() && entry.path().extension() == ext) out.push_back(entry.path());
    }
    std::sort(out.begin(), out.end(), [](const fs::path& a, const fs::path& b) {
        return a.filename().string() < b.filename().string();
    });
    return out;
}

geos::Geom load_country(const geos::Context& ctx, const std::string& sources_dir) {
    const std::string file = under(sources_dir, "country.geojson");
    auto features = read_geojson(ctx, file, file);
    if (features.empty()) throw InputError(file, 0, "no features (expected the country's polygon)");
    if (features.size() == 1) return ctx.polygonal(std::move(features.front().geom));
    std::vector<geos::Geom> parts;
    for (auto& f : features) parts.push_back(std::move(f.geom));
    const geos::Geom all = ctx.collect(std::move(parts), GEOS_GEOMETRYCOLLECTION);
    return ctx.polygonal(ctx.unary_union(all.get()));
}

std::vector<Governorate> load_governorates(const geos::Context& ctx, const std::string& sources_dir) {
    const std::string file = under(sources_dir, "governorates.geojson");
    auto features = read_geojson(ctx, file, file);
    if (features.empty()) throw InputError(file, 0, "no features (expected the governorates)");
    std::vector<Governorate> out;
    std::set<std::string> ids, names;
    for (auto& f : features) {
        const std::string where = feature_label(f);
        Governorate g;
        g.id = text_property(f.properties, "id", file, where);
        g.name = text_property(f.properties, "name", file, where);
        g.name_ar = text_property(f.properties, "name_ar", file, where);
        if (!ids.insert(g.id).second) throw InputError(file, 0, where + ": duplicate governorate id '" + g.id + "'");
        if (!names.insert(g.name).second) throw InputError(file, 0, where + ": duplicate governorate name '" + g.name + "'");
        g.geom = std::move(f.geom);
        out.push_back(std::move(g));
    }
    return out;
}

std::vector<Area> load_areas(const geos::Context& ctx, const std::string& sources_dir) {
    std::vector<Area> out;
    for (const auto& path : files_with_extension(under(sources_dir, "areas"), ".geojson")) {
        const std::string file = under(under(sources_dir, "areas"), path.filename().string());
        auto features = read_geojson(ctx, path.string(), file);
        if (features.size() != 1)
            throw InputError(file, 0, "expected exactly one Feature, found " + std::to_string(features.size()));
        GeoFeature& f = features.front();
        const std::string where = feature_label(f);
        Area a;
        a.id = text_property(f.properties, "id", file, where);
        const std::string stem = path.stem().string();
        if (a.id != stem)
            throw InputError(file, 0, where + ": property id '" + a.id + "' differs from the file name '" + stem + "'");
        a.name = text_property(f.properties, "name", file, where);
        a.note = text_property(f.properties, "note", file, where);
        a.file = file;
        a.geom = std::move(f.geom);
        out.push_back(std::move(a));
    }
    return out;
}

/// All seed/*.txt, in file-name order, joined and collapsed (collapse_text()).
std::string load_seed(const std::string& sources_dir) {
    const std::string dir = under(sources_dir, "seed");
    std::string all;
    const auto files = files_with_extension(dir, ".txt");
    if (files.empty()) throw InputError(dir, 0, "no seed article (*.txt): events' quotes cannot be checked");
    for (const auto& path : files) {
        const std::string file = under(dir, path.filename().string());
        const std::string text = read_input_file(path.string(), file);
        require_utf8(text, file);
        all += text;
        all += '\n';
    }
    return collapse_text(all);
}

std::string load_attribution(const std::string& sources_dir) {
    const std::string file = under(sources_dir, "attribution.txt");
    std::error_code ec;
    if (!fs::exists(file, ec)) return kDefaultAttribution;
    std::string text = read_input_file(file, file);
    require_utf8(text, file);
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    if (text.find('\n') != std::string::npos) throw InputError(file, 2, "the attribution must be one line");
    if (collapse_text(text).empty()) throw InputError(file, 1, "empty attribution");
    return text;
}

} // namespace

Styles load_styles(const std::string& styles_dir) {
    const std::string file = under(styles_dir, "factions.json");
    const std::string text = read_input_file(file, file);
    const nlohmann::json doc = parse_json(text, file);
    const auto list = doc.is_object() ? doc.find("factions") : doc.end();
    if (!doc.is_object() || list == doc.end() || !list->is_array())
        throw InputError(file, 0, "expected an object {\"factions\": [...]}");
    if (list->empty()) throw InputError(file, 0, "no factions");
    Styles styles;
    for (const auto& f : *list) {
        const std::string where = "faction " + std::to_string(styles.factions.size() + 1);
        if (!f.is_object()) throw InputError(file, 0, where + ": not an object");
        Faction fa;
        fa.id = text_property(f, "id", file, where);
        const std::string named = where + " ('" + fa.id + "')";
        fa.name = text_property(f, "name", file, named);
        fa.fill = text_property(f, "fill", file, named);
        fa.line = text_property(f, "line", file, named);
        if (!is_colour(fa.fill)) throw InputError(file, 0, named + ": fill '" + fa.fill + "' is not a colour #rrggbb");
        if (!is_colour(fa.line)) throw InputError(file, 0, named + ": line '" + fa.line + "' is not a colour #rrggbb");
        if (styles.find(fa.id)) throw InputError(file, 0, named + ": duplicate faction id '" + fa.id + "'");
        styles.factions.push_back(std::move(fa));
    }
    return styles;
}

Sources load_sources(const geos::Context& ctx, const std::string& sources_dir, const std::string& styles_dir) {
    std::error_code ec;
    if (!fs::is_directory(sources_dir, ec)) throw InputError(sources_dir, 0, "no such sources directory");
    Sources src;
    src.dir = sources_dir;
    src.styles = load_styles(styles_dir);
    src.country = load_country(ctx, sources_dir);
    src.governorates = load_governorates(ctx, sources_dir);

    const std::string places_file = under(sources_dir, "places.csv");
    const geos::Prepared country = ctx.prepare(src.country.get());
    const detail::PlaceChecks place_checks{ctx, country.get(), src.governorates, under(sources_dir, "country.geojson")};
    src.places = detail::parse_places(read_csv(places_file, places_file, kPlaceColumns), places_file, place_checks);

    src.areas = load_areas(ctx, sources_dir);
    src.attribution = load_attribution(sources_dir);

    const std::string events_file = under(sources_dir, "events.csv");
    const CsvTable events = read_csv(events_file, events_file, kEventColumns);
    const detail::EventChecks event_checks{src, load_seed(sources_dir), under(sources_dir, "seed")};
    src.events = detail::parse_events(events, events_file, event_checks);
    src.first = src.events.front().date;
    src.last = src.events.back().date;
    return src;
}

} // namespace tiler
