#include "encode/mvt_builder.hpp"

#include "core/error.hpp"
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wshadow"
#pragma GCC diagnostic ignored "-Wpedantic"
#include "encode/vector_tile.pb.h"
#pragma GCC diagnostic pop

#include <algorithm>

namespace tiler::mvt {

namespace {

/// Appends the parameters of the points from `from` on, relative to the cursor, and moves the cursor.
void put_params(const IPoint* pts, std::size_t n, IPoint& cursor, std::vector<std::uint32_t>& out) {
    for (std::size_t i = 0; i < n; ++i) {
        out.push_back(zigzag(pts[i].x - cursor.x));
        out.push_back(zigzag(pts[i].y - cursor.y));
        cursor = pts[i];
    }
}

/// Drops consecutive repeated points (and, for rings, a closing point equal to the first).
std::vector<IPoint> dedupe(const std::vector<IPoint>& in, bool ring) {
    std::vector<IPoint> out;
    out.reserve(in.size());
    for (const IPoint& p : in)
        if (out.empty() || out.back() != p) out.push_back(p);
    if (ring)
        while (out.size() > 1 && out.back() == out.front()) out.pop_back();
    return out;
}

void put_ring(std::vector<IPoint> r, bool exterior, IPoint& cursor, std::vector<std::uint32_t>& out) {
    const bool positive = twice_signed_area(r) > 0;
    if (positive != exterior) std::reverse(r.begin(), r.end());
    out.push_back(command_integer(Command::MoveTo, 1));
    put_params(r.data(), 1, cursor, out);
    out.push_back(command_integer(Command::LineTo, static_cast<std::uint32_t>(r.size() - 1)));
    put_params(r.data() + 1, r.size() - 1, cursor, out);
    out.push_back(command_integer(Command::ClosePath, 1));
}

} // namespace

bool encode_points(const std::vector<IPoint>& pts, std::vector<std::uint32_t>& out) {
    out.clear();
    if (pts.empty()) return false;
    IPoint cursor;
    out.push_back(command_integer(Command::MoveTo, static_cast<std::uint32_t>(pts.size())));
    put_params(pts.data(), pts.size(), cursor, out);
    return true;
}

bool encode_lines(const std::vector<ILine>& lines, std::vector<std::uint32_t>& out) {
    out.clear();
    IPoint cursor;
    for (const ILine& raw : lines) {
        const std::vector<IPoint> l = dedupe(raw, false);
        if (l.size() < 2) continue;
        out.push_back(command_integer(Command::MoveTo, 1));
        put_params(l.data(), 1, cursor, out);
        out.push_back(command_integer(Command::LineTo, static_cast<std::uint32_t>(l.size() - 1)));
        put_params(l.data() + 1, l.size() - 1, cursor, out);
    }
    return !out.empty();
}

bool encode_polygons(const std::vector<IPolygon>& polys, std::vector<std::uint32_t>& out) {
    out.clear();
    IPoint cursor;
    for (const IPolygon& poly : polys) {
        std::vector<IPoint> ext = dedupe(poly.exterior, true);
        if (ext.size() < 3 || twice_signed_area(ext) == 0) continue;
        put_ring(std::move(ext), true, cursor, out);
        for (const IRing& hole : poly.interiors) {
            std::vector<IPoint> h = dedupe(hole, true);
            if (h.size() < 3 || twice_signed_area(h) == 0) continue;
            put_ring(std::move(h), false, cursor, out);
        }
    }
    return !out.empty();
}

void FeatureBuilder::add_property(std::string key, Value value) {
    for (const auto& [k, v] : props_)
        if (k == key) throw Error("MVT feature in layer '" + layer_.name() + "': property '" + key + "' set twice");
    props_.emplace_back(std::move(key), std::move(value));
}

bool FeatureBuilder::set_points(const std::vector<IPoint>& pts) {
    type_ = GeomType::Point;
    return encode_points(pts, geometry_);
}
bool FeatureBuilder::set_lines(const std::vector<ILine>& lines) {
    type_ = GeomType::LineString;
    return encode_lines(lines, geometry_);
}
bool FeatureBuilder::set_polygons(const std::vector<IPolygon>& polys) {
    type_ = GeomType::Polygon;
    return encode_polygons(polys, geometry_);
}

bool FeatureBuilder::commit() {
    if (geometry_.empty()) {
        rollback();
        return false;
    }
    LayerBuilder::Feature f;
    f.id = id_;
    f.has_id = has_id_;
    f.type = type_;
    f.geometry = std::move(geometry_);
    f.tags.reserve(props_.size() * 2);
    for (const auto& [k, v] : props_) {
        f.tags.push_back(layer_.key_index(k));
        f.tags.push_back(layer_.value_index(v));
    }
    layer_.features_.push_back(std::move(f));
    rollback();
    return true;
}

void FeatureBuilder::rollback() {
    id_ = 0;
    has_id_ = false;
    type_ = GeomType::Unknown;
    geometry_.clear();
    props_.clear();
}

std::uint32_t LayerBuilder::key_index(const std::string& key) {
    auto [it, added] = key_ids_.emplace(key, static_cast<std::uint32_t>(keys_.size()));
    if (added) keys_.push_back(key);
    return it->second;
}

std::uint32_t LayerBuilder::value_index(const Value& value) {
    auto [it, added] = value_ids_.emplace(value, static_cast<std::uint32_t>(values_.size()));
    if (added) values_.push_back(value);
    return it->second;
}

LayerBuilder& TileBuilder::add_layer(const std::string& name, std::uint32_t extent) {
    for (const auto& l : layers_)
        if (l->name() == name) throw Error("MVT layer '" + name + "' added twice");
    layers_.push_back(std::make_unique<LayerBuilder>(name, extent));
    return *layers_.back();
}

std::size_t TileBuilder::feature_count() const {
    std::size_t n = 0;
    for (const auto& l : layers_) n += l->size();
    return n;
}

std::string TileBuilder::serialize() const {
    pb::Tile tile;
    for (const auto& l : layers_) {
        if (l->features_.empty()) continue;
        pb::Tile::Layer* layer = tile.add_layers();
        layer->set_version(2);
        layer->set_name(l->name_);
        layer->set_extent(l->extent_);
        for (const auto& k : l->keys_) layer->add_keys(k);
        for (const auto& v : l->values_) {
            pb::Tile::Value* pv = layer->add_values();
            if (const auto* s = std::get_if<std::string>(&v)) pv->set_string_value(*s);
            else if (const auto* d = std::get_if<double>(&v)) pv->set_double_value(*d);
            else if (const auto* i = std::get_if<std::int64_t>(&v)) pv->set_sint_value(*i);
            else pv->set_bool_value(std::get<bool>(v));
        }
        for (const auto& f : l->features_) {
            pb::Tile::Feature* pf = layer->add_features();
            if (f.has_id) pf->set_id(f.id);
            pf->set_type(static_cast<pb::Tile::GeomType>(f.type));
            for (auto t : f.tags) pf->add_tags(t);
            for (auto g : f.geometry) pf->add_geometry(g);
        }
    }
    std::string out;
    if (!tile.SerializeToString(&out)) throw Error("MVT: cannot serialize tile");
    return out;
}

} // namespace tiler::mvt
