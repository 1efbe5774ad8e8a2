#include "core/error.hpp"
#include "sources/load.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

using namespace tiler;
namespace fs = std::filesystem;

namespace {

const std::string kData = TILER_TEST_DATA;

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void spit(const fs::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << text;
}

/// A private copy of the fixture sources_min/ + styles_min/ in a temp dir, to break one thing at a time.
class Copy {
public:
    Copy() {
        std::string tmpl = (fs::temp_directory_path() / "tiler-load-XXXXXX").string();
        if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
        root_ = tmpl;
        fs::copy(kData + "/sources_min", root_ / "sources", fs::copy_options::recursive);
        fs::copy(kData + "/styles_min", root_ / "styles", fs::copy_options::recursive);
    }
    ~Copy() {
        std::error_code ec;
        fs::remove_all(root_, ec);
    }
    Copy(const Copy&) = delete;
    Copy& operator=(const Copy&) = delete;

    std::string sources() const { return (root_ / "sources").string(); }
    std::string styles() const { return (root_ / "styles").string(); }
    /// The name load_sources() gives a file: sources_dir + "/" + name.
    std::string file(const std::string& name) const { return sources() + "/" + name; }

    /// Replaces the first occurrence of `from` (which must be there) in sources/<name>.
    void replace(const std::string& name, const std::string& from, const std::string& to) const {
        std::string text = slurp(file(name));
        const auto at = text.find(from);
        if (at == std::string::npos) throw std::runtime_error("fixture has no '" + from + "' in " + name);
        spit(file(name), text.replace(at, from.size(), to));
    }
    void append(const std::string& name, const std::string& text) const { spit(file(name), slurp(file(name)) + text); }
    void write(const std::string& name, const std::string& text) const { spit(file(name), text); }

    std::optional<InputError> error() const {
        geos::Context ctx;
        try {
            load_sources(ctx, sources(), styles());
        } catch (const InputError& e) {
            return e;
        }
        return std::nullopt;
    }

private:
    fs::path root_;
};

/// Loading `c` fails in sources/<name> at `line` with a problem containing `phrase`.
void expect_error(const Copy& c, const std::string& name, std::size_t line, const std::string& phrase) {
    const auto e = c.error();
    ASSERT_TRUE(e) << "loaded without error";
    EXPECT_EQ(e->file(), c.file(name)) << e->what();
    EXPECT_EQ(e->line(), line) << e->what();
    EXPECT_NE(e->problem().find(phrase), std::string::npos) << "problem: " << e->problem() << "\nwanted: " << phrase;
}

// Lines of the fixture's events.csv: 2-3 Nayrab Airbase (a note on two lines), 4 Kafr Battikh, 5 tall-hadiya-north,
// 6 idlib_pocket, 7 Urm al-Kubra, 8 anjara, 9 aleppo_city, 10 Idleb, 11 SY02, 12 halab.
// Lines of places.csv: 2 aleppo, 3 idlib, 4 saraqib, ... 12 khan-al-asal.

} // namespace

// ------------------------------------------------------------------------------------------------ the good fixture

TEST(LoadSources, LoadsTheFixture) {
    geos::Context ctx;
    const std::string dir = kData + "/sources_min";
    const Sources s = load_sources(ctx, dir, kData + "/styles_min");
    EXPECT_EQ(s.dir, dir);
    EXPECT_EQ(ctx.to_wkt(s.country.get()), "MULTIPOLYGON (((36 36.5, 37 36.5, 37 35.5, 36 35.5, 36 36.5)))");
    ASSERT_EQ(s.governorates.size(), 2u);
    EXPECT_EQ(s.governorates[0].id, "SY07");
    EXPECT_EQ(s.governorates[1].name, "Aleppo");
    EXPECT_EQ(s.governorates[1].name_ar, "\xD8\xAD\xD9\x84\xD8\xA8");
    EXPECT_EQ(ctx.to_wkt(s.governorates[1].geom.get()), "POLYGON ((36.5 36.5, 37 36.5, 37 35.5, 36.5 35.5, 36.5 36.5))");

    ASSERT_EQ(s.places.size(), 11u);
    EXPECT_EQ(s.places[0].id, "aleppo");
    EXPECT_EQ(s.places[0].aliases, (std::vector<std::string>{"Halab", "Haleb"}));
    EXPECT_DOUBLE_EQ(s.places[0].lat, 36.2021);
    EXPECT_DOUBLE_EQ(s.places[0].lon, 36.8343);
    EXPECT_EQ(s.places[0].rank, 2);
    EXPECT_EQ(s.places[0].line, 2u);
    EXPECT_EQ(s.places[4].source, "estimated: between Saraqib and Kafr Batikh, \"on the M5\"");
    EXPECT_EQ(s.places[9].aliases, (std::vector<std::string>{"Aleppo International Airport, military side"}));
    EXPECT_EQ(s.places[10].line, 12u);

    ASSERT_EQ(s.areas.size(), 2u);   // sorted by file name
    EXPECT_EQ(s.areas[0].id, "aleppo_city");
    EXPECT_EQ(s.areas[0].file, dir + "/areas/aleppo_city.geojson");
    EXPECT_EQ(s.areas[1].id, "idlib_pocket");
    EXPECT_EQ(s.areas[1].name, "Idlib pocket");
    EXPECT_NE(s.areas[1].note.find("outside the country"), std::string::npos);
    EXPECT_EQ(ctx.to_wkt(s.areas[1].geom.get()), "POLYGON ((35.9 36.1, 36.45 36.1, 36.45 35.6, 35.9 35.6, 35.9 36.1))");
    EXPECT_NEAR(ctx.planar_area(s.areas[0].geom.get()), 0.15 * 0.1 - 0.02 * 0.02, 1e-12);   // the hole is kept

    ASSERT_EQ(s.styles.factions.size(), 7u);
    EXPECT_EQ(s.first.str(), "2024-11-26");
    EXPECT_EQ(s.last.str(), "2024-11-30");
    EXPECT_EQ(s.attribution.rfind("Control: tiler event log from Wikipedia", 0), 0u);

    // Sorted by (date, seq), resolved.
    ASSERT_EQ(s.events.size(), 10u);
    std::vector<std::string> order;
    for (const auto& e : s.events) order.push_back(e.date.str() + "#" + std::to_string(e.seq) + " " + e.target);
    EXPECT_EQ(order, (std::vector<std::string>{
                         "2024-11-26#1 area:idlib_pocket", "2024-11-26#2 place:tall-hadiya-north",
                         "2024-11-27#1 place:Urm al-Kubra", "2024-11-27#2 place:anjara",
                         "2024-11-28#1 place:Kafr Battikh", "2024-11-28#2 place:Nayrab Airbase",
                         "2024-11-29#1 area:aleppo_city", "2024-11-29#2 governorate:Idleb",
                         "2024-11-30#1 governorate:SY02", "2024-11-30#2 place:  halab "}));
    auto place_of = [&](std::size_t i) {
        EXPECT_EQ(s.events[i].kind, TargetKind::Place);
        return s.places.at(s.events[i].index).id;
    };
    EXPECT_EQ(s.events[0].kind, TargetKind::Area);
    EXPECT_EQ(s.events[0].index, 1u);                    // idlib_pocket
    EXPECT_EQ(place_of(1), "tall-hadiya-north");         // by id
    EXPECT_EQ(place_of(2), "urm-al-kubra");              // by name
    EXPECT_EQ(place_of(4), "kafr-batikh");               // by alias
    EXPECT_EQ(place_of(5), "nayrab-airbase");
    EXPECT_EQ(place_of(9), "aleppo");                    // alias, case and spaces ignored
    EXPECT_EQ(s.events[6].kind, TargetKind::Area);
    EXPECT_EQ(s.events[6].index, 0u);                    // aleppo_city
    EXPECT_EQ(s.events[7].kind, TargetKind::Governorate);
    EXPECT_EQ(s.events[7].index, 0u);                    // Idleb by name
    EXPECT_EQ(s.events[8].kind, TargetKind::Governorate);
    EXPECT_EQ(s.events[8].index, 1u);                    // SY02 = Aleppo
    EXPECT_EQ(s.events[8].from, "sdf");
    EXPECT_EQ(s.events[0].from, "");
    EXPECT_EQ(s.events[5].line, 2u);                     // the first record, spanning lines 2-3
    EXPECT_EQ(s.events[5].quote, "the government called a \"temporary withdrawal\"");
    EXPECT_EQ(s.events[5].note, "the quote has curly quotes in the seed;\na note may span lines");
    EXPECT_EQ(s.events[4].line, 4u);
    EXPECT_EQ(s.events[9].line, 12u);
    EXPECT_EQ(s.events[9].faction, "government");
}

TEST(LoadSources, CountryTargetAndAttributionFile) {
    Copy c;
    c.append("events.csv", "2024-12-01,1,country,government,,rebels took Aleppo city,everything back\n");
    c.write("attribution.txt", "Data: the fixture authors\n");
    geos::Context ctx;
    const Sources s = load_sources(ctx, c.sources(), c.styles());
    EXPECT_EQ(s.events.back().kind, TargetKind::Country);
    EXPECT_EQ(s.last.str(), "2024-12-01");
    EXPECT_EQ(s.attribution, "Data: the fixture authors");
}

TEST(LoadSources, CountryIsTheUnionOfItsFeatures) {
    Copy c;
    c.replace("country.geojson", "[[[36.0,35.5],[37.0,35.5],[37.0,36.5],[36.0,36.5],[36.0,35.5]]]",
              "[[[36.0,35.5],[36.5,35.5],[36.5,36.5],[36.0,36.5],[36.0,35.5]]]}},\n"
              "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
              "[[[36.5,35.5],[37.0,35.5],[37.0,36.5],[36.5,36.5],[36.5,35.5]]]");
    geos::Context ctx;
    const Sources s = load_sources(ctx, c.sources(), c.styles());
    EXPECT_DOUBLE_EQ(ctx.planar_area(s.country.get()), 1.0);
    EXPECT_EQ(ctx.num_geometries(s.country.get()), 1);
}

// ------------------------------------------------------------------------------------------------------- events.csv

TEST(LoadSources, UnknownPlaceSuggestsTheClosestName) {
    Copy c;
    c.replace("events.csv", "place:Kafr Battikh", "place:Kafr Baten");
    expect_error(c, "events.csv", 4, "unknown place 'Kafr Baten' \xE2\x80\x94 did you mean 'Kafr Batikh'?");
}

TEST(LoadSources, AmbiguousPlaceListsTheCandidates) {
    Copy c;
    c.replace("events.csv", "place:anjara", "place:tall hadiya");
    expect_error(c, "events.csv", 8,
                 "ambiguous place 'tall hadiya': it names 2 places ('tall-hadiya-north', 'tall-hadiya-south'); use the id");
}

TEST(LoadSources, MalformedDate) {
    Copy c;
    c.replace("events.csv", "2024-11-27,1", "2024-11-2x,1");
    expect_error(c, "events.csv", 7, "malformed date '2024-11-2x' (expected YYYY-MM-DD)");
}

TEST(LoadSources, ImpossibleDate) {
    Copy c;
    c.replace("events.csv", "2024-11-27,1", "2024-02-30,1");
    expect_error(c, "events.csv", 7, "impossible date '2024-02-30'");
}

TEST(LoadSources, EventOutsideTheDateRange) {
    Copy c;
    c.replace("events.csv", "2024-11-30,2", "2025-12-30,2");
    expect_error(c, "events.csv", 12, "event date 2025-12-30 is outside the range 2024-11-26..2025-11-27");
}

TEST(LoadSources, LastDayOfTheRangeIsAccepted) {
    Copy c;
    c.replace("events.csv", "2024-11-30,2", "2025-11-27,2");
    EXPECT_FALSE(c.error());
}

TEST(LoadSources, UnknownFaction) {
    Copy c;
    c.replace("events.csv", "2024-11-29,1,area:aleppo_city,hts", "2024-11-29,1,area:aleppo_city,rebels");
    expect_error(c, "events.csv", 9, "unknown faction 'rebels' in column faction");
}

TEST(LoadSources, UnknownFromFactionSuggests) {
    Copy c;
    c.replace("events.csv", "governorate:SY02,hts,sdf", "governorate:SY02,hts,sfd");
    expect_error(c, "events.csv", 11, "unknown faction 'sfd' in column from (not in styles/factions.json) \xE2\x80\x94 did you mean");
}

TEST(LoadSources, FromEqualsFaction) {
    Copy c;
    c.replace("events.csv", "governorate:SY02,hts,sdf", "governorate:SY02,sdf,sdf");
    expect_error(c, "events.csv", 11, "from and faction are both 'sdf'");
}

TEST(LoadSources, UnknownArea) {
    Copy c;
    c.replace("events.csv", "area:aleppo_city", "area:aleppo_cty");
    expect_error(c, "events.csv", 9, "unknown area 'aleppo_cty' (no areas/aleppo_cty.geojson) \xE2\x80\x94 did you mean 'aleppo_city'?");
}

TEST(LoadSources, UnknownGovernorate) {
    Copy c;
    c.replace("events.csv", "governorate:Idleb", "governorate:Idlib");
    expect_error(c, "events.csv", 10, "unknown governorate 'Idlib' \xE2\x80\x94 did you mean 'Idleb'?");
}

TEST(LoadSources, BadTargets) {
    {
        Copy c;
        c.replace("events.csv", "governorate:Idleb", "province:Idleb");
        expect_error(c, "events.csv", 10, "unknown target 'province:Idleb'");
    }
    {
        Copy c;
        c.replace("events.csv", "governorate:Idleb", "country:Idleb");
        expect_error(c, "events.csv", 10, "target 'country' takes no argument");
    }
    {
        Copy c;
        c.replace("events.csv", "area:aleppo_city", "area:");
        expect_error(c, "events.csv", 9, "target 'area:' has no argument");
    }
}

TEST(LoadSources, QuoteNotInTheSeed) {
    Copy c;
    c.replace("events.csv", "rebels took Aleppo city,the city square",
              "rebels took Aleppo city after a long and very bloody siege of the old town and its citadel,the city square");
    expect_error(c, "events.csv", 9,
                 "quote not found in the seed article (" + c.file("seed") +
                     "): 'rebels took Aleppo city after a long and very bloody siege o\xE2\x80\xA6'");
}

TEST(LoadSources, EmptyQuoteAndNote) {
    {
        Copy c;
        c.replace("events.csv", "rebels took Aleppo city,the city square", ",the city square");
        expect_error(c, "events.csv", 9, "empty quote");
    }
    {
        Copy c;
        c.replace("events.csv", "rebels took Aleppo city,the city square", "rebels took Aleppo city, ");
        expect_error(c, "events.csv", 9, "empty note");
    }
}

TEST(LoadSources, DuplicateSeqWithinADate) {
    Copy c;
    c.replace("events.csv", "2024-11-28,1", "2024-11-28,2");
    expect_error(c, "events.csv", 4, "duplicate seq 2 on 2024-11-28 (first at line 2)");
}

TEST(LoadSources, SeqNotAPositiveInteger) {
    for (const char* bad : {"0", "-1", "x", "01", "1.5", ""}) {
        Copy c;
        c.replace("events.csv", "2024-11-29,2", std::string("2024-11-29,") + bad);
        expect_error(c, "events.csv", 10, "seq '" + std::string(bad) + "' is not a positive integer");
    }
}

TEST(LoadSources, NoEvents) {
    Copy c;
    c.write("events.csv", "date,seq,target,faction,from,quote,note\n");
    expect_error(c, "events.csv", 0, "no events");
}

TEST(LoadSources, EventsTruncatedInAQuotedField) {
    Copy c;
    c.append("events.csv", "2024-12-01,1,country,government,,\"rebels took Aleppo\n");
    expect_error(c, "events.csv", 13, "truncated row: quoted field");
}

TEST(LoadSources, MissingSeed) {
    Copy c;
    fs::remove(c.file("seed/offensive.txt"));
    expect_error(c, "seed", 0, "no seed article");
}

// ------------------------------------------------------------------------------------------------------- places.csv

TEST(LoadSources, DuplicatePlaceId) {
    Copy c;
    c.append("places.csv", "saraqib,Saraqib again,,35.86,36.45,town,Idleb,3,geonames\n");
    expect_error(c, "places.csv", 13, "duplicate place id 'saraqib' (first at line 4)");
}

TEST(LoadSources, MissingColumn) {
    Copy c;
    c.replace("places.csv", "id,name,aliases,lat", "id,name,lat");
    expect_error(c, "places.csv", 1, "missing column 'aliases'");
}

TEST(LoadSources, ExtraColumn) {
    Copy c;
    c.replace("places.csv", "rank,source", "rank,source,population");
    expect_error(c, "places.csv", 1, "extra column 'population'");
}

TEST(LoadSources, EmptyFile) {
    Copy c;
    c.write("places.csv", "");
    expect_error(c, "places.csv", 0, "empty file");
}

TEST(LoadSources, HeaderMissing) {
    Copy c;
    c.replace("places.csv", "id,name,aliases,lat,lon,kind,governorate,rank,source\n", "");
    expect_error(c, "places.csv", 1, "header missing: the first line is 'aleppo,Aleppo,Halab|Haleb,");
}

TEST(LoadSources, TruncatedRow) {
    Copy c;
    c.replace("places.csv", "saraqib,Saraqib,Sarakib,35.86,36.45,town,Idleb,3,wikipedia-module-2017",
              "saraqib,Saraqib,Sarakib,35.86");
    expect_error(c, "places.csv", 4, "truncated row: 4 fields, expected 9 (missing 'lon', 'kind', 'governorate'");
}

TEST(LoadSources, InvalidUtf8) {
    Copy c;
    c.replace("places.csv", "Kafr Batikh,Kafr", "Kafr B\xE2tikh,Kafr");   // Latin-1 'â'
    expect_error(c, "places.csv", 5, "invalid UTF-8 at byte");
}

TEST(LoadSources, MissingPlacesFile) {
    Copy c;
    fs::remove(c.file("places.csv"));
    expect_error(c, "places.csv", 0, "missing file");
}

TEST(LoadSources, CoordinatesOutsideTheCountry) {
    Copy c;
    c.replace("places.csv", "36.2021,36.8343", "36.2021,37.8343");
    expect_error(c, "places.csv", 2, "place 'aleppo' at lat 36.2021 lon 37.8343 lies outside the country (" +
                                         c.file("country.geojson") + ")");
}

TEST(LoadSources, PlaceOnTheBorderIsInside) {
    Copy c;
    c.replace("places.csv", "36.2021,36.8343", "36.2021,37.0");
    EXPECT_FALSE(c.error());
}

TEST(LoadSources, BadNumbers) {
    {
        Copy c;
        c.replace("places.csv", "35.93,36.33", "north,36.33");
        expect_error(c, "places.csv", 3, "bad latitude 'north' (expected decimal degrees)");
    }
    {
        Copy c;
        c.replace("places.csv", "35.93,36.33", "35.93,36.33e0");
        expect_error(c, "places.csv", 3, "bad longitude '36.33e0'");
    }
    {
        Copy c;
        c.replace("places.csv", "35.93,36.33", "95.93,36.33");
        expect_error(c, "places.csv", 3, "latitude 95.93 is out of range");
    }
}

TEST(LoadSources, BadPlaceFields) {
    struct Case { const char* from; const char* to; std::size_t line; const char* phrase; };
    const Case cases[] = {
        {"idlib,Idlib,Idleb", "Idlib,Idlib,Idleb", 3, "bad place id 'Idlib' (expected [a-z0-9-]+)"},
        {"idlib,Idlib,Idleb", "idlib, ,Idleb", 3, "empty name for place 'idlib'"},
        {"Halab|Haleb", "Halab||Haleb", 2, "empty alias in 'Halab||Haleb'"},
        {"village,Idleb,4,geonames", "hamlet,Idleb,4,geonames", 5, "unknown kind 'hamlet' (expected one of city, town"},
        {"town,Idleb,3", "town,Idlib,3", 4, "unknown governorate 'Idlib' \xE2\x80\x94 did you mean 'Idleb'?"},
        {"town,Idleb,3", "town,Idleb,6", 4, "rank '6' is not 1..5"},
        {"town,Idleb,3", "town,Idleb,0", 4, "rank '0' is not 1..5"},
        {"Aleppo,2,geonames", "Aleppo,2,osm", 2, "unknown source 'osm'"},
        {"Aleppo,2,geonames", "Aleppo,2,estimated: ", 2, "unknown source 'estimated: '"},
    };
    for (const auto& k : cases) {
        SCOPED_TRACE(k.to);
        Copy c;
        c.replace("places.csv", k.from, k.to);
        expect_error(c, "places.csv", k.line, k.phrase);
    }
}

// --------------------------------------------------------------------------------------------- GeoJSON and styles

TEST(LoadSources, InvalidPolygonInAnArea) {
    Copy c;
    // Swap two corners: a bow tie whose edges cross at (36.175, 35.85).
    c.replace("areas/idlib_pocket.geojson", "[[35.9,35.6],[36.45,35.6],[36.45,36.1],[35.9,36.1],[35.9,35.6]]",
              "[[35.9,35.6],[36.45,36.1],[36.45,35.6],[35.9,36.1],[35.9,35.6]]");
    expect_error(c, "areas/idlib_pocket.geojson", 0,
                 "feature 1 (id 'idlib_pocket'): invalid polygon: Self-intersection at lon 36.175000 lat 35.850000");
}

TEST(LoadSources, TruncatedGeoJson) {
    Copy c;
    const std::string text = slurp(c.file("country.geojson"));
    c.write("country.geojson", text.substr(0, text.find("[37.0,36.5]")));   // cut inside line 2
    expect_error(c, "country.geojson", 2, "invalid JSON: parse error at line 2");
}

TEST(LoadSources, AreaShapeErrors) {
    {
        Copy c;
        c.replace("areas/idlib_pocket.geojson", "\"id\":\"idlib_pocket\"", "\"id\":\"pocket\"");
        expect_error(c, "areas/idlib_pocket.geojson", 0, "property id 'pocket' differs from the file name 'idlib_pocket'");
    }
    {
        Copy c;
        c.replace("areas/idlib_pocket.geojson", ",\"note\":\"A square", ",\"comment\":\"A square");
        expect_error(c, "areas/idlib_pocket.geojson", 0, "feature 1 (id 'idlib_pocket'): property 'note' must be a non-empty string");
    }
    {
        Copy c;
        c.write("areas/two.geojson", slurp(c.file("areas/idlib_pocket.geojson")).substr(0, 0) +
                                         "{\"type\":\"FeatureCollection\",\"features\":[]}");
        expect_error(c, "areas/two.geojson", 0, "expected exactly one Feature, found 0");
    }
}

TEST(LoadSources, GovernorateNeedsNames) {
    Copy c;
    c.replace("governorates.geojson", "\"name_ar\":\"\xD8\xAD\xD9\x84\xD8\xA8\"", "\"name_ar\":\"\"");
    expect_error(c, "governorates.geojson", 0, "feature 2 (id 'SY02'): property 'name_ar' must be a non-empty string");
}

TEST(LoadSources, MissingSourcesDirectory) {
    geos::Context ctx;
    try {
        load_sources(ctx, kData + "/no-such-dir", kData + "/styles_min");
        FAIL() << "no error";
    } catch (const InputError& e) {
        EXPECT_EQ(e.file(), kData + "/no-such-dir");
        EXPECT_EQ(e.problem(), "no such sources directory");
    }
}

TEST(LoadSources, AttributionMustBeOneLine) {
    Copy c;
    c.write("attribution.txt", "one\ntwo\n");
    expect_error(c, "attribution.txt", 2, "one line");
}

// ---------------------------------------------------------------------------------------------------------- styles

namespace {
std::optional<InputError> styles_error(const std::string& json) {
    Copy c;
    spit(fs::path(c.styles()) / "factions.json", json);
    try {
        load_styles(c.styles());
    } catch (const InputError& e) {
        EXPECT_EQ(e.file(), c.styles() + "/factions.json");
        return e;
    }
    return std::nullopt;
}
} // namespace

TEST(LoadStyles, ReadsTheFixture) {
    const Styles s = load_styles(kData + "/styles_min");
    ASSERT_EQ(s.factions.size(), 7u);
    EXPECT_EQ(s.factions[0].id, "government");
    EXPECT_EQ(s.factions[3].fill, "#F2C230");
    EXPECT_EQ(s.find("sdf"), 3u);
    EXPECT_FALSE(s.find("rebels"));
}

TEST(LoadStyles, Errors) {
    auto problem = [](const std::string& json) {
        const auto e = styles_error(json);
        return e ? e->problem() : std::string("(accepted)");
    };
    auto f = [](const std::string& id, const std::string& fill) {
        return "{\"id\":\"" + id + "\",\"name\":\"N\",\"fill\":\"" + fill + "\",\"line\":\"#000000\"}";
    };
    EXPECT_EQ(problem("{\"factions\":[" + f("a", "#00ff00") + "," + f("a", "#00ff00") + "]}"),
              "faction 2 ('a'): duplicate faction id 'a'");
    EXPECT_EQ(problem("{\"factions\":[" + f("a", "red") + "]}"), "faction 1 ('a'): fill 'red' is not a colour #rrggbb");
    EXPECT_EQ(problem("{\"factions\":[" + f("a", "#00ff0") + "]}"), "faction 1 ('a'): fill '#00ff0' is not a colour #rrggbb");
    EXPECT_EQ(problem("{\"factions\":[" + f("", "#00ff00") + "]}"), "faction 1: property 'id' must be a non-empty string");
    EXPECT_EQ(problem("{\"factions\":[]}"), "no factions");
    EXPECT_EQ(problem("[]"), "expected an object {\"factions\": [...]}");
    const auto e = styles_error("{\"factions\": [\n" + f("a", "#00ff00") + ",\n");
    ASSERT_TRUE(e);
    EXPECT_EQ(e->line(), 3u);
    EXPECT_NE(e->problem().find("invalid JSON"), std::string::npos);
}

// ---------------------------------------------------------------------------------------------------- real sources

TEST(LoadRealSources, LoadsTheProjectSources) {
    const std::string root = TILER_SOURCE_DIR;
    if (!fs::exists(root + "/sources/events.csv")) GTEST_SKIP() << "sources/events.csv is not there yet";
    // The project's styles/ once it exists; until then the fixture's, which has the same seven faction ids.
    const std::string styles = fs::exists(root + "/styles/factions.json") ? root + "/styles" : kData + "/styles_min";
    geos::Context ctx;
    const Sources s = load_sources(ctx, root + "/sources", styles);
    EXPECT_GT(s.places.size(), 5000u);
    EXPECT_EQ(s.governorates.size(), 14u);
    EXPECT_FALSE(s.areas.empty());
    EXPECT_FALSE(s.events.empty());
    EXPECT_EQ(s.first.str(), "2024-11-26");
    EXPECT_LE(s.first, s.last);
    for (std::size_t i = 1; i < s.events.size(); ++i) {
        const auto& a = s.events[i - 1];
        const auto& b = s.events[i];
        EXPECT_TRUE(a.date < b.date || (a.date == b.date && a.seq < b.seq)) << "line " << b.line;
    }
}
