#include "output/gpkg.hpp"

#include "core/error.hpp"
#include "output/gdal_dataset.hpp"
#include "output/qgis_style.hpp"

#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>

namespace tiler {

namespace {

constexpr int kWgs84 = 4326;

struct GeosFree {
    GEOSContextHandle_t ctx;
    void operator()(unsigned char* p) const noexcept { GEOSFree_r(ctx, p); }
};

/// GEOS -> OGR through WKB (2D); `multi` forces the OGR multi type of the layer.
std::unique_ptr<OGRGeometry> to_ogr(const geos::Context& ctx, const GEOSGeometry* g, OGRwkbGeometryType multi) {
    GEOSWKBWriter* w = GEOSWKBWriter_create_r(ctx.handle());
    if (!w) ctx.fail("GEOSWKBWriter_create");
    GEOSWKBWriter_setOutputDimension_r(ctx.handle(), w, 2);
    std::size_t size = 0;
    std::unique_ptr<unsigned char, GeosFree> wkb(GEOSWKBWriter_write_r(ctx.handle(), w, g, &size), GeosFree{ctx.handle()});
    GEOSWKBWriter_destroy_r(ctx.handle(), w);
    if (!wkb) ctx.fail("GEOSWKBWriter_write");
    OGRGeometry* out = nullptr;
    if (OGRGeometryFactory::createFromWkb(wkb.get(), nullptr, &out, size) != OGRERR_NONE || !out)
        throw GdalError("cannot read GEOS's WKB back into OGR");
    if (multi == wkbMultiPolygon) out = OGRGeometryFactory::forceToMultiPolygon(out);
    else if (multi == wkbMultiLineString) out = OGRGeometryFactory::forceToMultiLineString(out);
    return std::unique_ptr<OGRGeometry>(out);
}

double round_to(double v, double unit) { return std::round(v / unit) * unit; }

std::optional<std::size_t> faction_index(const Styles& styles, const std::string& id) {
    for (std::size_t k = 0; k < styles.factions.size(); ++k)
        if (styles.factions[k].id == id) return k;
    return std::nullopt;
}

class Writer {
public:
    Writer(const geos::Context& ctx, const std::string& file, const Sources& src)
        : ctx_(ctx), src_(src), ds_(GdalDataset::create("GPKG", file)) {}

    void layers(const std::vector<DayMap>& days, const DayProgress& progress) {
        make_control();
        make_changes();
        make_frontlines();
        ds_.begin();
        for (std::size_t i = 0; i < days.size(); ++i) {
            write_day(days[i]);
            if (progress) progress(i + 1, days.size());
        }
        ds_.commit();
        write_events();
        write_places();
        write_styles();
        ds_.close();
    }

private:
    OGRLayer& layer(const std::string& name, OGRwkbGeometryType type, int epsg = kWgs84) {
        return ds_.create_layer(name, type, epsg, {"SPATIAL_INDEX=YES", "GEOMETRY_NAME=geom", "FID=fid"});
    }

    void temporal_fields(OGRLayer& l) {
        ds_.add_field(l, "valid_from", OFTDateTime);
        ds_.add_field(l, "valid_to", OFTDateTime);
    }

    static void set_day(OGRFeature& f, Date d) {
        f.SetField("date", d.str().c_str());
        const Date next = d + 1;
        f.SetField(f.GetFieldIndex("valid_from"), d.year(), static_cast<int>(d.month()), static_cast<int>(d.day()), 0, 0, 0.0F, 100);
        f.SetField(f.GetFieldIndex("valid_to"), next.year(), static_cast<int>(next.month()), static_cast<int>(next.day()), 0, 0, 0.0F, 100);
    }

    void make_control() {
        control_ = &layer("control", wkbMultiPolygon);
        ds_.add_field(*control_, "date", OFTString, 10);
        ds_.add_field(*control_, "faction", OFTString);
        ds_.add_field(*control_, "name", OFTString);
        ds_.add_field(*control_, "area_km2", OFTReal);
        temporal_fields(*control_);
    }

    void make_changes() {
        changes_ = &layer("changes", wkbMultiPolygon);
        ds_.add_field(*changes_, "date", OFTString, 10);
        ds_.add_field(*changes_, "from", OFTString);
        ds_.add_field(*changes_, "to", OFTString);
        ds_.add_field(*changes_, "area_km2", OFTReal);
        ds_.add_field(*changes_, "events", OFTString);
        temporal_fields(*changes_);
    }

    void make_frontlines() {
        frontlines_ = &layer("frontlines", wkbMultiLineString);
        ds_.add_field(*frontlines_, "date", OFTString, 10);
        ds_.add_field(*frontlines_, "a", OFTString);
        ds_.add_field(*frontlines_, "b", OFTString);
        ds_.add_field(*frontlines_, "length_km", OFTReal);
        temporal_fields(*frontlines_);
    }

    std::size_t faction_rank(const std::string& id) const {
        const auto k = faction_index(src_.styles, id);
        return k ? *k : src_.styles.factions.size();
    }

    void write_day(const DayMap& day) {
        for (const Control& c : day.control) {
            OGRFeature f(control_->GetLayerDefn());
            set_day(f, day.date);
            f.SetField("faction", c.faction.c_str());
            const auto k = faction_index(src_.styles, c.faction);
            f.SetField("name", k ? src_.styles.factions[*k].name.c_str() : c.faction.c_str());
            f.SetField("area_km2", round_to(c.area_km2, 1e-3));
            f.SetGeometryDirectly(to_ogr(ctx_, c.geom.get(), wkbMultiPolygon).release());
            ds_.add_feature(*control_, f);
        }
        std::vector<const Change*> changes;
        for (const Change& c : day.changes) changes.push_back(&c);
        std::stable_sort(changes.begin(), changes.end(), [this](const Change* x, const Change* y) {
            return std::make_pair(faction_rank(x->from), faction_rank(x->to)) <
                   std::make_pair(faction_rank(y->from), faction_rank(y->to));
        });
        for (const Change* c : changes) {
            OGRFeature f(changes_->GetLayerDefn());
            set_day(f, day.date);
            f.SetField("from", c->from.c_str());
            f.SetField("to", c->to.c_str());
            f.SetField("area_km2", round_to(c->area_km2, 1e-3));
            std::vector<int> seqs;
            for (std::size_t e : c->events)
                if (e < src_.events.size()) seqs.push_back(src_.events[e].seq);
            std::sort(seqs.begin(), seqs.end());
            std::string list;
            for (int s : seqs) list += (list.empty() ? "" : ",") + std::to_string(s);
            f.SetField("events", list.c_str());
            f.SetGeometryDirectly(to_ogr(ctx_, c->geom.get(), wkbMultiPolygon).release());
            ds_.add_feature(*changes_, f);
        }
        for (const Frontline& l : day.frontlines) {
            OGRFeature f(frontlines_->GetLayerDefn());
            set_day(f, day.date);
            f.SetField("a", l.a.c_str());
            f.SetField("b", l.b.c_str());
            f.SetField("length_km", round_to(l.length_km, 1e-3));
            f.SetGeometryDirectly(to_ogr(ctx_, l.geom.get(), wkbMultiLineString).release());
            ds_.add_feature(*frontlines_, f);
        }
    }

    /// Where an event happened: the place, or a point inside the area / governorate; none for `country`.
    geos::Geom event_point(const Event& e) const {
        switch (e.kind) {
        case TargetKind::Place: {
            const Place& p = src_.places.at(e.index);
            return ctx_.point(p.lon, p.lat);
        }
        case TargetKind::Area: {
            geos::Geom clipped = ctx_.intersection(src_.areas.at(e.index).geom.get(), src_.country.get());
            if (ctx_.is_empty(clipped.get())) return nullptr;
            return ctx_.own(GEOSPointOnSurface_r(ctx_.handle(), clipped.get()), "GEOSPointOnSurface");
        }
        case TargetKind::Governorate:
            return ctx_.own(GEOSPointOnSurface_r(ctx_.handle(), src_.governorates.at(e.index).geom.get()), "GEOSPointOnSurface");
        case TargetKind::Country:
            break;
        }
        return nullptr;
    }

    void write_events() {
        OGRLayer& l = layer("events", wkbPoint);
        ds_.add_field(l, "date", OFTString, 10);
        ds_.add_field(l, "seq", OFTInteger);
        ds_.add_field(l, "target", OFTString);
        ds_.add_field(l, "faction", OFTString);
        ds_.add_field(l, "from", OFTString);
        ds_.add_field(l, "quote", OFTString);
        ds_.add_field(l, "note", OFTString);
        temporal_fields(l);
        ds_.begin();
        for (const Event& e : src_.events) {
            OGRFeature f(l.GetLayerDefn());
            set_day(f, e.date);
            f.SetField("seq", e.seq);
            f.SetField("target", e.target.c_str());
            f.SetField("faction", e.faction.c_str());
            f.SetField("from", e.from.c_str());
            f.SetField("quote", e.quote.c_str());
            f.SetField("note", e.note.c_str());
            if (geos::Geom p = event_point(e)) f.SetGeometryDirectly(to_ogr(ctx_, p.get(), wkbPoint).release());
            ds_.add_feature(l, f);
        }
        ds_.commit();
    }

    void write_places() {
        OGRLayer& l = layer("places", wkbPoint);
        ds_.add_field(l, "id", OFTString);
        ds_.add_field(l, "name", OFTString);
        ds_.add_field(l, "kind", OFTString);
        ds_.add_field(l, "governorate", OFTString);
        ds_.add_field(l, "rank", OFTInteger);
        ds_.add_field(l, "source", OFTString);
        ds_.begin();
        for (const Place& p : src_.places) {
            OGRFeature f(l.GetLayerDefn());
            f.SetField("id", p.id.c_str());
            f.SetField("name", p.name.c_str());
            f.SetField("kind", p.kind.c_str());
            f.SetField("governorate", p.governorate.c_str());
            f.SetField("rank", p.rank);
            f.SetField("source", p.source.c_str());
            f.SetGeometryDirectly(new OGRPoint(p.lon, p.lat));
            ds_.add_feature(l, f);
        }
        ds_.commit();
    }

    /// The `layer_styles` table as QGIS creates it, with the default styles of `control` and `frontlines`.
    void write_styles() {
        OGRLayer& l = ds_.create_layer("layer_styles", wkbNone, 0, {"FID=id"});
        ds_.add_field(l, "f_table_catalog", OFTString, 256);
        ds_.add_field(l, "f_table_schema", OFTString, 256);
        ds_.add_field(l, "f_table_name", OFTString, 256);
        ds_.add_field(l, "f_geometry_column", OFTString, 256);
        ds_.add_field(l, "styleName", OFTString, 30);
        ds_.add_field(l, "styleQML", OFTString);
        ds_.add_field(l, "styleSLD", OFTString);
        ds_.add_field(l, "useAsDefault", OFTInteger, 0, OFSTBoolean);
        ds_.add_field(l, "description", OFTString);
        ds_.add_field(l, "owner", OFTString, 30);
        ds_.add_field(l, "ui", OFTString, 30);
        ds_.add_field(l, "update_time", OFTDateTime);
        const Date last = src_.last;
        struct Row { const char* table; std::string qml; std::string sld; const char* description; };
        const Row rows[] = {
            {"control", control_qml(src_.styles), control_sld(src_.styles), "factions in their colours, one day at a time"},
            {"frontlines", frontlines_qml(), frontlines_sld(), "frontlines, one day at a time"},
        };
        ds_.begin();
        for (const Row& r : rows) {
            OGRFeature f(l.GetLayerDefn());
            f.SetField("f_table_catalog", "");
            f.SetField("f_table_schema", "");
            f.SetField("f_table_name", r.table);
            f.SetField("f_geometry_column", "geom");
            f.SetField("styleName", r.table);
            f.SetField("styleQML", r.qml.c_str());
            f.SetField("styleSLD", r.sld.c_str());
            f.SetField("useAsDefault", 1);
            f.SetField("description", r.description);
            f.SetField("owner", "");
            f.SetField("ui", "");
            f.SetField(f.GetFieldIndex("update_time"), last.year(), static_cast<int>(last.month()),
                       static_cast<int>(last.day()), 0, 0, 0.0F, 100);
            ds_.add_feature(l, f);
        }
        ds_.commit();
    }

    const geos::Context& ctx_;
    const Sources& src_;
    GdalDataset ds_;
    OGRLayer* control_ = nullptr;
    OGRLayer* changes_ = nullptr;
    OGRLayer* frontlines_ = nullptr;
};

} // namespace

std::string gpkg_timestamp(const Sources& src) { return src.last.str() + "T00:00:00.000Z"; }

void write_gpkg(const geos::Context& ctx, const std::string& file, const Sources& src,
                const std::vector<DayMap>& days, const DayProgress& progress) {
    // Reproducible bytes: a fixed "now" for gpkg_contents.last_change, no timestamps elsewhere.
    ScopedGdalConfig config({{"OGR_CURRENT_DATE", gpkg_timestamp(src)},
                             {"OGR_SQLITE_JOURNAL", "MEMORY"}});
    Writer w(ctx, file, src);
    w.layers(days, progress);
}

} // namespace tiler
