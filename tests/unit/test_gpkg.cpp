#include "output/gpkg.hpp"

#include "core/error.hpp"
#include "output/qgis_style.hpp"

#include <gtest/gtest.h>

#include <gdal.h>
#include <cpl_conv.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

using namespace tiler;
namespace fs = std::filesystem;

namespace {

struct Fixture {
    geos::Context ctx;
    Sources src;
    std::vector<DayMap> days;

    Fixture() {
        src.dir = "in-code";
        src.country = ctx.from_wkt("POLYGON ((36 35, 37 35, 37 36, 36 36, 36 35))");
        src.styles.factions = {{"government", "Syrian government", "#d7301f", "#8c1d12"},
                               {"hts", "HTS & allies", "#4d7c3f", "#2d4a25"},
                               {"sdf", "SDF", "#f2c230", "#a9831a"}};
        Governorate g;
        g.id = "SY02";
        g.name = "East";
        g.name_ar = "شرق";
        g.geom = ctx.from_wkt("POLYGON ((36.5 35, 37 35, 37 36, 36.5 36, 36.5 35))");
        src.governorates.push_back(std::move(g));
        Place p1;
        p1.id = "alpha";
        p1.name = "Alpha";
        p1.lat = 35.75;
        p1.lon = 36.25;
        p1.kind = "city";
        p1.governorate = "West";
        p1.rank = 2;
        p1.source = "geonames";
        Place p2 = p1;
        p2.id = "beta";
        p2.name = "Beta";
        p2.lat = 35.25;
        p2.lon = 36.75;
        p2.kind = "village";
        p2.rank = 4;
        src.places = {p1, p2};
        Area a;
        a.id = "pocket";
        a.name = "Pocket";
        a.note = "drawn for the test";
        a.geom = ctx.from_wkt("POLYGON ((35.5 35.5, 36.5 35.5, 36.5 36.5, 35.5 36.5, 35.5 35.5))");   // sticks out
        src.areas.push_back(std::move(a));
        src.events = {event("2024-11-26", 1, TargetKind::Governorate, "governorate:East", 0, "sdf"),
                      event("2024-11-27", 1, TargetKind::Place, "place:alpha", 0, "hts"),
                      event("2024-11-27", 2, TargetKind::Area, "area:pocket", 0, "hts"),
                      event("2024-11-27", 3, TargetKind::Country, "country", 0, "government")};
        src.events.back().from = "sdf";
        src.events.back().quote = "He said \"nothing\", then left.";
        src.first = *Date::parse("2024-11-26");
        src.last = *Date::parse("2024-11-27");

        DayMap d0;
        d0.date = src.first;
        d0.control.push_back(control("government", "MULTIPOLYGON (((36 35, 36.5 35, 36.5 36, 36 36, 36 35)))", 5000.5));
        d0.control.push_back(control("sdf", "MULTIPOLYGON (((36.5 35, 37 35, 37 36, 36.5 36, 36.5 35)))", 5000.25));
        d0.frontlines.push_back(frontline("government", "sdf", "MULTILINESTRING ((36.5 35, 36.5 36))", 111.2));
        d0.events = {0};
        DayMap d1;
        d1.date = src.last;
        d1.control.push_back(control("government", "MULTIPOLYGON (((36 35, 36.5 35, 36.5 35.5, 36 35.5, 36 35)))", 2500.125));
        d1.control.push_back(control("hts", "MULTIPOLYGON (((36 35.5, 36.5 35.5, 36.5 36, 36 36, 36 35.5)))", 2500.375));
        d1.control.push_back(control("sdf", "MULTIPOLYGON (((36.5 35, 37 35, 37 36, 36.5 36, 36.5 35)))", 5000.25));
        Change ch;
        ch.from = "government";
        ch.to = "hts";
        ch.geom = ctx.from_wkt("MULTIPOLYGON (((36 35.5, 36.5 35.5, 36.5 36, 36 36, 36 35.5)))");
        ch.area_km2 = 2500.375;
        ch.events = {2, 1};
        d1.changes.push_back(std::move(ch));
        d1.frontlines.push_back(frontline("government", "hts", "MULTILINESTRING ((36 35.5, 36.5 35.5))", 45.0));
        d1.frontlines.push_back(frontline("government", "sdf", "MULTILINESTRING ((36.5 35, 36.5 35.5))", 55.6));
        d1.frontlines.push_back(frontline("hts", "sdf", "MULTILINESTRING ((36.5 35.5, 36.5 36))", 55.6));
        d1.events = {1, 2, 3};
        days.push_back(std::move(d0));
        days.push_back(std::move(d1));
    }

    Event event(const char* date, int seq, TargetKind kind, const char* target, std::size_t index, const char* faction) {
        Event e;
        e.date = *Date::parse(date);
        e.seq = seq;
        e.kind = kind;
        e.target = target;
        e.index = index;
        e.faction = faction;
        e.quote = "quote";
        e.note = "note";
        return e;
    }
    Control control(const char* faction, const char* wkt, double km2) {
        Control c;
        c.faction = faction;
        c.geom = ctx.from_wkt(wkt);
        c.area_km2 = km2;
        return c;
    }
    Frontline frontline(const char* a, const char* b, const char* wkt, double km) {
        Frontline f;
        f.a = a;
        f.b = b;
        f.geom = ctx.from_wkt(wkt);
        f.length_km = km;
        return f;
    }
};

class TempFile {
public:
    explicit TempFile(const std::string& name)
        : path_((fs::temp_directory_path() / ("tiler-" + std::to_string(::getpid()) + "-" + name)).string()) {
        fs::remove(path_);
    }
    ~TempFile() { std::error_code ec; fs::remove(path_, ec); }
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

/// Read-only OGR handle (the independent reader).
struct Reader {
    GDALDatasetH ds;
    explicit Reader(const std::string& file) {
        GDALAllRegister();
        const char* drivers[] = {"GPKG", nullptr};
        ds = GDALOpenEx(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr);
    }
    ~Reader() { if (ds) GDALClose(ds); }
    OGRLayerH layer(const char* name) const { return GDALDatasetGetLayerByName(ds, name); }
};

OGRFieldType field_type(OGRLayerH l, const char* name) {
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(l);
    const int i = OGR_FD_GetFieldIndex(defn, name);
    if (i < 0) return OFTMaxType;
    return OGR_Fld_GetType(OGR_FD_GetFieldDefn(defn, i));
}

std::string wkt(OGRFeatureH f) {
    OGRGeometryH g = OGR_F_GetGeometryRef(f);
    if (!g) return "(null)";
    char* text = nullptr;
    OGR_G_ExportToWkt(g, &text);
    std::string s = text;
    CPLFree(text);
    // GDAL 3.6 writes some whole numbers as "36.0": compare in the shortest form.
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '.' && i + 2 < s.size() && s[i + 1] == '0' && (s[i + 2] == ' ' || s[i + 2] == ',' || s[i + 2] == ')')) {
            ++i;   // drop ".0"
            continue;
        }
        out += s[i];
    }
    return out;
}

std::string field(OGRFeatureH f, const char* name) { return OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, name)); }

std::string bytes(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

TEST(Gpkg, LayersFieldsAndCounts) {
    Fixture fx;
    TempFile file("control.gpkg");
    std::vector<std::size_t> progress;
    write_gpkg(fx.ctx, file.path(), fx.src, fx.days, [&](std::size_t done, std::size_t) { progress.push_back(done); });
    EXPECT_EQ(progress, (std::vector<std::size_t>{1, 2}));

    Reader r(file.path());
    ASSERT_NE(r.ds, nullptr);
    struct Expect { const char* name; GIntBig count; OGRwkbGeometryType type; };
    for (const Expect& e : {Expect{"control", 5, wkbMultiPolygon}, Expect{"changes", 1, wkbMultiPolygon},
                            Expect{"frontlines", 4, wkbMultiLineString}, Expect{"events", 4, wkbPoint},
                            Expect{"places", 2, wkbPoint}, Expect{"layer_styles", 2, wkbNone}}) {
        OGRLayerH l = r.layer(e.name);
        ASSERT_NE(l, nullptr) << e.name;
        EXPECT_EQ(OGR_L_GetFeatureCount(l, TRUE), e.count) << e.name;
        EXPECT_EQ(wkbFlatten(OGR_L_GetGeomType(l)), e.type) << e.name;
        if (e.type != wkbNone) {
            OGRSpatialReferenceH srs = OGR_L_GetSpatialRef(l);
            ASSERT_NE(srs, nullptr) << e.name;
            EXPECT_STREQ(OSRGetAuthorityCode(srs, nullptr), "4326") << e.name;
        }
    }
    OGRLayerH control = r.layer("control");
    EXPECT_EQ(field_type(control, "date"), OFTString);
    EXPECT_EQ(field_type(control, "faction"), OFTString);
    EXPECT_EQ(field_type(control, "name"), OFTString);
    EXPECT_EQ(field_type(control, "area_km2"), OFTReal);
    EXPECT_EQ(field_type(control, "valid_from"), OFTDateTime);
    EXPECT_EQ(field_type(control, "valid_to"), OFTDateTime);
    EXPECT_EQ(field_type(r.layer("changes"), "events"), OFTString);
    EXPECT_EQ(field_type(r.layer("frontlines"), "length_km"), OFTReal);
    EXPECT_EQ(field_type(r.layer("events"), "seq"), OFTInteger);
    EXPECT_EQ(field_type(r.layer("places"), "rank"), OFTInteger);
}

TEST(Gpkg, ControlFeaturesInOrder) {
    Fixture fx;
    TempFile file("control-order.gpkg");
    write_gpkg(fx.ctx, file.path(), fx.src, fx.days);
    Reader r(file.path());
    ASSERT_NE(r.ds, nullptr);
    OGRLayerH control = r.layer("control");
    OGR_L_ResetReading(control);
    std::vector<std::string> rows;
    while (OGRFeatureH f = OGR_L_GetNextFeature(control)) {
        rows.push_back(field(f, "date") + " " + field(f, "faction") + " " + field(f, "area_km2"));
        if (rows.size() == 1) {
            EXPECT_EQ(wkt(f), "MULTIPOLYGON (((36 35,36.5 35,36.5 36,36 36,36 35)))");
            EXPECT_EQ(field(f, "name"), "Syrian government");
            int y, m, d, h, mi, tz;
            float s;
            ASSERT_TRUE(OGR_F_GetFieldAsDateTimeEx(f, OGR_F_GetFieldIndex(f, "valid_from"), &y, &m, &d, &h, &mi, &s, &tz));
            EXPECT_EQ(std::vector<int>({y, m, d, h, mi, static_cast<int>(s)}), std::vector<int>({2024, 11, 26, 0, 0, 0}));
            ASSERT_TRUE(OGR_F_GetFieldAsDateTimeEx(f, OGR_F_GetFieldIndex(f, "valid_to"), &y, &m, &d, &h, &mi, &s, &tz));
            EXPECT_EQ(std::vector<int>({y, m, d, h, mi, static_cast<int>(s)}), std::vector<int>({2024, 11, 27, 0, 0, 0}));
        }
        OGR_F_Destroy(f);
    }
    EXPECT_EQ(rows, (std::vector<std::string>{"2024-11-26 government 5000.5", "2024-11-26 sdf 5000.25",
                                              "2024-11-27 government 2500.125", "2024-11-27 hts 2500.375",
                                              "2024-11-27 sdf 5000.25"}));
}

TEST(Gpkg, ChangesFrontlinesEventsPlaces) {
    Fixture fx;
    TempFile file("layers.gpkg");
    write_gpkg(fx.ctx, file.path(), fx.src, fx.days);
    Reader r(file.path());
    ASSERT_NE(r.ds, nullptr);

    OGRFeatureH ch = OGR_L_GetNextFeature(r.layer("changes"));
    ASSERT_NE(ch, nullptr);
    EXPECT_EQ(field(ch, "date") + " " + field(ch, "from") + "->" + field(ch, "to") + " [" + field(ch, "events") + "]",
              "2024-11-27 government->hts [1,2]");
    EXPECT_EQ(wkt(ch), "MULTIPOLYGON (((36 35.5,36.5 35.5,36.5 36,36 36,36 35.5)))");
    OGR_F_Destroy(ch);

    OGRLayerH fl = r.layer("frontlines");
    OGR_L_SetAttributeFilter(fl, "date = '2024-11-27' AND a = 'hts'");
    OGRFeatureH f = OGR_L_GetNextFeature(fl);
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(field(f, "b"), "sdf");
    EXPECT_EQ(wkt(f), "MULTILINESTRING ((36.5 35.5,36.5 36))");
    OGR_F_Destroy(f);

    OGRLayerH ev = r.layer("events");
    std::vector<std::string> events;
    OGR_L_ResetReading(ev);
    while (OGRFeatureH e = OGR_L_GetNextFeature(ev)) {
        events.push_back(field(e, "date") + "#" + field(e, "seq") + " " + field(e, "target") + " " + field(e, "faction") +
                         "<" + field(e, "from"));
        const std::string target = field(e, "target");
        OGRGeometryH g = OGR_F_GetGeometryRef(e);
        if (target == "place:alpha") {
            EXPECT_EQ(wkt(e), "POINT (36.25 35.75)");
        } else if (target == "country") {
            EXPECT_EQ(g, nullptr);
        } else if (target == "area:pocket") {
            // inside the area clipped to the country
            ASSERT_NE(g, nullptr);
            EXPECT_TRUE(OGR_G_GetX(g, 0) >= 36 && OGR_G_GetX(g, 0) <= 36.5 && OGR_G_GetY(g, 0) >= 35.5 && OGR_G_GetY(g, 0) <= 36)
                << wkt(e);
        } else if (target == "governorate:East") {
            ASSERT_NE(g, nullptr);
            EXPECT_TRUE(OGR_G_GetX(g, 0) > 36.5 && OGR_G_GetX(g, 0) < 37) << wkt(e);
        }
        if (target == "country") {
            EXPECT_EQ(field(e, "quote"), "He said \"nothing\", then left.");
        }
        OGR_F_Destroy(e);
    }
    EXPECT_EQ(events, (std::vector<std::string>{"2024-11-26#1 governorate:East sdf<", "2024-11-27#1 place:alpha hts<",
                                                "2024-11-27#2 area:pocket hts<", "2024-11-27#3 country government<sdf"}));

    OGRFeatureH pl = OGR_L_GetNextFeature(r.layer("places"));
    ASSERT_NE(pl, nullptr);
    EXPECT_EQ(field(pl, "id") + " " + field(pl, "name") + " " + field(pl, "kind") + " " + field(pl, "governorate") + " " +
                  field(pl, "rank") + " " + field(pl, "source") + " " + wkt(pl),
              "alpha Alpha city West 2 geonames POINT (36.25 35.75)");
    OGR_F_Destroy(pl);
}

TEST(Gpkg, QgisStyles) {
    Fixture fx;
    TempFile file("styles.gpkg");
    write_gpkg(fx.ctx, file.path(), fx.src, fx.days);
    Reader r(file.path());
    ASSERT_NE(r.ds, nullptr);
    OGRLayerH styles = r.layer("layer_styles");
    ASSERT_NE(styles, nullptr);
    for (const char* column : {"f_table_catalog", "f_table_schema", "f_table_name", "f_geometry_column", "styleName",
                               "styleQML", "styleSLD", "useAsDefault", "description", "owner", "ui", "update_time"})
        EXPECT_GE(OGR_FD_GetFieldIndex(OGR_L_GetLayerDefn(styles), column), 0) << column;
    OGR_L_SetAttributeFilter(styles, "f_table_name = 'control'");
    OGRFeatureH f = OGR_L_GetNextFeature(styles);
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(field(f, "f_geometry_column"), "geom");
    EXPECT_EQ(field(f, "useAsDefault"), "1");
    EXPECT_EQ(field(f, "update_time"), "2024/11/27 00:00:00+00");
    const std::string qml = field(f, "styleQML");
    EXPECT_NE(qml.find("<temporal enabled=\"1\" mode=\"2\" startField=\"valid_from\" endField=\"valid_to\""), std::string::npos);
    EXPECT_NE(qml.find("<renderer-v2 type=\"categorizedSymbol\" attr=\"faction\""), std::string::npos);
    EXPECT_NE(qml.find("value=\"government\" label=\"Syrian government\""), std::string::npos);
    EXPECT_NE(qml.find("label=\"HTS &amp; allies\""), std::string::npos);
    EXPECT_NE(qml.find("name=\"color\" value=\"215,48,31,255\""), std::string::npos);       // #d7301f
    EXPECT_NE(qml.find("name=\"outline_color\" value=\"140,29,18,180\""), std::string::npos);  // #8c1d12, semi-opaque
    EXPECT_NE(qml.find("name=\"color\" value=\"242,194,48,255\""), std::string::npos);      // #f2c230
    EXPECT_NE(field(f, "styleSLD").find("<ogc:Literal>hts</ogc:Literal>"), std::string::npos);
    OGR_F_Destroy(f);
    OGR_L_SetAttributeFilter(styles, "f_table_name = 'frontlines'");
    f = OGR_L_GetNextFeature(styles);
    ASSERT_NE(f, nullptr);
    EXPECT_NE(field(f, "styleQML").find("<temporal enabled=\"1\" mode=\"2\""), std::string::npos);
    OGR_F_Destroy(f);
}

TEST(Gpkg, Deterministic) {
    Fixture fx;
    TempFile a("det-a.gpkg");
    TempFile b("det-b.gpkg");
    write_gpkg(fx.ctx, a.path(), fx.src, fx.days);
    write_gpkg(fx.ctx, b.path(), fx.src, fx.days);
    const std::string ba = bytes(a.path());
    EXPECT_GT(ba.size(), 0U);
    EXPECT_TRUE(ba == bytes(b.path()));
    EXPECT_NE(ba.find("2024-11-27T00:00:00"), std::string::npos);   // gpkg_contents.last_change is the fixed time
}

TEST(Gpkg, ErrorNamesDriverAndFile) {
    Fixture fx;
    try {
        write_gpkg(fx.ctx, "/nonexistent-dir/x/control.gpkg", fx.src, fx.days);
        FAIL() << "no error";
    } catch (const GdalError& e) {
        const std::string msg = e.what();
        EXPECT_NE(msg.find("GPKG"), std::string::npos) << msg;
        EXPECT_NE(msg.find("/nonexistent-dir/x/control.gpkg"), std::string::npos) << msg;
    }
}

TEST(QgisStyle, Colours) {
    const Rgb c = parse_colour("#D7301f");
    EXPECT_EQ(c.r, 215);
    EXPECT_EQ(c.g, 48);
    EXPECT_EQ(c.b, 31);
    EXPECT_THROW(parse_colour("d7301f"), Error);
    EXPECT_THROW(parse_colour("#d7301g"), Error);
    EXPECT_EQ(xml_escape("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
}
