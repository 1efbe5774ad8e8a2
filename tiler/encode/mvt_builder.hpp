#pragma once
// A canonical Mapbox Vector Tile 2.1 builder (vtzero-style): TileBuilder owns layers, a FeatureBuilder
// collects one feature's properties and geometry and adds it to its layer on commit() (or drops it on
// rollback()). Keys and values are interned in first-use order of COMMITTED features, so the same
// sequence of calls always gives the same bytes.
//
// Geometry is cleaned while encoding so every feature is spec-valid: repeated points are dropped (no
// zero-length LineTo, no repeated closing point), rings with zero area are dropped, exterior rings are
// written with positive surveyor's area (clockwise on screen, y down) and interior rings with negative
// area, right after their exterior.
#include "tiling/tile_geometry.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace tiler::mvt {

enum class Command : std::uint32_t { MoveTo = 1, LineTo = 2, ClosePath = 7 };
enum class GeomType : std::uint32_t { Unknown = 0, Point = 1, LineString = 2, Polygon = 3 };

inline constexpr std::uint32_t command_integer(Command id, std::uint32_t count) {
    return (static_cast<std::uint32_t>(id) & 0x7u) | (count << 3);
}
inline constexpr std::uint32_t zigzag(std::int32_t n) {
    return (static_cast<std::uint32_t>(n) << 1) ^ static_cast<std::uint32_t>(n >> 31);
}

/// A property value: string, double, signed integer or bool (the MVT value kinds tiler writes).
using Value = std::variant<std::string, double, std::int64_t, bool>;

/// Encodes geometry into command integers. Returns false if nothing is left after cleaning.
bool encode_points(const std::vector<IPoint>& pts, std::vector<std::uint32_t>& out);
bool encode_lines(const std::vector<ILine>& lines, std::vector<std::uint32_t>& out);
bool encode_polygons(const std::vector<IPolygon>& polys, std::vector<std::uint32_t>& out);

class LayerBuilder;

class FeatureBuilder {
public:
    explicit FeatureBuilder(LayerBuilder& layer) : layer_(layer) {}
    FeatureBuilder(const FeatureBuilder&) = delete;
    FeatureBuilder& operator=(const FeatureBuilder&) = delete;

    void set_id(std::uint64_t id) { id_ = id; has_id_ = true; }
    void add_property(std::string key, Value value);
    /// A string literal must not become a bool.
    void add_property(std::string key, const char* value) { add_property(std::move(key), Value(std::string(value))); }
    /// Sets the geometry (replacing any earlier one). Returns false if it is empty after cleaning.
    bool set_points(const std::vector<IPoint>& pts);
    bool set_lines(const std::vector<ILine>& lines);
    bool set_polygons(const std::vector<IPolygon>& polys);

    /// Adds the feature to its layer. A feature without geometry is dropped (returns false).
    bool commit();
    /// Forgets everything given so far.
    void rollback();

private:
    LayerBuilder& layer_;
    std::uint64_t id_ = 0;
    bool has_id_ = false;
    GeomType type_ = GeomType::Unknown;
    std::vector<std::uint32_t> geometry_;
    std::vector<std::pair<std::string, Value>> props_;
};

class LayerBuilder {
public:
    LayerBuilder(std::string name, std::uint32_t extent) : name_(std::move(name)), extent_(extent) {}
    const std::string& name() const { return name_; }
    std::size_t size() const { return features_.size(); }

private:
    friend class FeatureBuilder;
    friend class TileBuilder;
    struct Feature {
        std::uint64_t id = 0;
        bool has_id = false;
        GeomType type = GeomType::Unknown;
        std::vector<std::uint32_t> tags;
        std::vector<std::uint32_t> geometry;
    };
    std::uint32_t key_index(const std::string& key);
    std::uint32_t value_index(const Value& value);

    std::string name_;
    std::uint32_t extent_;
    std::vector<std::string> keys_;
    std::map<std::string, std::uint32_t> key_ids_;
    std::vector<Value> values_;
    std::map<Value, std::uint32_t> value_ids_;
    std::vector<Feature> features_;
};

class TileBuilder {
public:
    /// Adds a layer (names must be unique; layers are written in the order added).
    LayerBuilder& add_layer(const std::string& name, std::uint32_t extent = 4096);
    /// Number of features over all layers.
    std::size_t feature_count() const;
    /// The encoded tile; layers without features are left out.
    std::string serialize() const;

private:
    std::vector<std::unique_ptr<LayerBuilder>> layers_;
};

} // namespace tiler::mvt
