#pragma once
// A small synthetic country for the raster tests: a 2°x2° box (lon 36..38, lat 33..35) with two
// governorates (split at lat 34), held by `government` west of a diagonal and `hts` east of it; on the
// second day `sna` takes the north-east corner (lon 37.6..38, lat 34.6..35) from `hts`.
#include "geos/geos.hpp"
#include "raster/raster_style.hpp"
#include "raster/scene.hpp"
#include "sources/model.hpp"
#include "territory/territory.hpp"

#include <string>
#include <vector>

namespace tiler::testing {

inline Styles fixture_styles() {
    Styles s;
    s.factions = {{"government", "Government", "#d7301f", "#8c1d12"},
                  {"hts", "HTS", "#4d7c3f", "#2d4a25"},
                  {"sna", "SNA", "#a6d96a", "#5f8a2e"}};
    return s;
}

struct RasterFixture {
    geos::Context ctx;
    Styles styles = fixture_styles();
    RasterStyle style = raster_style(styles);
    geos::Geom country = ctx.from_wkt("POLYGON((36 33,38 33,38 35,36 35,36 33))");
    std::vector<Governorate> governorates;
    RasterBase base;

    RasterFixture() {
        governorates.push_back(Governorate{"SY01", "South", "", ctx.from_wkt("POLYGON((36 33,38 33,38 34,36 34,36 33))")});
        governorates.push_back(Governorate{"SY02", "North", "", ctx.from_wkt("POLYGON((36 34,38 34,38 35,36 35,36 34))")});
        base = raster_base(ctx, country.get(), governorates);
    }

    Control control(const std::string& faction, const std::string& wkt) const {
        Control c;
        c.faction = faction;
        c.geom = ctx.from_wkt(wkt);
        return c;
    }

    /// day 0: government | hts along the diagonal (37.3 33)-(36.7 35); day 1: sna takes the NE corner.
    DayMap day(int n) const {
        DayMap d;
        d.date = Date::from_ymd(2024, 11, 26) + n;
        d.control.push_back(control("government", "MULTIPOLYGON(((36 33,37.3 33,36.7 35,36 35,36 33)))"));
        if (n == 0) {
            d.control.push_back(control("hts", "MULTIPOLYGON(((37.3 33,38 33,38 35,36.7 35,37.3 33)))"));
        } else {
            d.control.push_back(control("hts", "MULTIPOLYGON(((37.3 33,38 33,38 34.6,37.6 34.6,37.6 35,36.7 35,37.3 33)))"));
            d.control.push_back(control("sna", "MULTIPOLYGON(((37.6 34.6,38 34.6,38 35,37.6 35,37.6 34.6)))"));
            Change c;
            c.from = "hts";
            c.to = "sna";
            c.geom = ctx.from_wkt("MULTIPOLYGON(((37.6 34.6,38 34.6,38 35,37.6 35,37.6 34.6)))");
            d.changes.push_back(std::move(c));
        }
        Frontline f;
        f.a = "government";
        f.b = "hts";
        f.geom = ctx.from_wkt("MULTILINESTRING((37.3 33,36.7 35))");
        d.frontlines.push_back(std::move(f));
        if (n != 0) {
            Frontline g;
            g.a = "hts";
            g.b = "sna";
            g.geom = ctx.from_wkt("MULTILINESTRING((38 34.6,37.6 34.6,37.6 35))");
            d.frontlines.push_back(std::move(g));
        }
        return d;
    }

    /// The faction holding (lon, lat) on day n (GEOS point-in-polygon on the lon/lat geometry).
    std::string faction_at(const DayMap& d, double lon, double lat) const {
        geos::Geom p = ctx.point(lon, lat);
        for (const Control& c : d.control)
            if (ctx.contains(c.geom.get(), p.get())) return c.faction;
        return "";
    }
};

} // namespace tiler::testing
