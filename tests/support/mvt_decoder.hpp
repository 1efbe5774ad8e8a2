#pragma once
// An independent, strict Mapbox Vector Tile 2.1 decoder for tests. It parses the protobuf wire format by
// hand (it shares no code with tiler's encoder) and records every deviation from the specification as a
// violation: wire format, layer version/name/extent, duplicate keys or values, tag pairs out of range,
// command ids and counts, MoveTo/LineTo/ClosePath sequences, zero-length LineTo, repeated closing
// points, zero-area rings, ring winding (exterior = positive surveyor's area in y-down tile coordinates,
// interiors negative and right after their exterior), coordinates outside extent + buffer, and GEOS
// validity of every polygon feature.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tiler::test {

struct DecodedFeature {
    bool has_id = false;
    std::uint64_t id = 0;
    int type = 0;                                            ///< 1 point, 2 line, 3 polygon
    std::vector<std::pair<std::string, std::string>> props;  ///< key, value as text (strings quoted)
    /// Points: one part per point; lines: one part per line; polygons: one part per polygon, each a list
    /// of rings (exterior first), rings without their closing point.
    std::vector<std::vector<std::pair<std::int64_t, std::int64_t>>> lines_or_points;
    std::vector<std::vector<std::vector<std::pair<std::int64_t, std::int64_t>>>> polygons;
    std::string wkt() const;                                  ///< geometry as WKT, closing points added
    std::string prop(const std::string& key) const;           ///< value text or "" if absent
};

struct DecodedLayer {
    std::string name;
    std::uint32_t version = 1;
    std::uint32_t extent = 4096;
    std::vector<std::string> keys;
    std::vector<std::string> values;                          ///< as text
    std::vector<DecodedFeature> features;
};

struct DecodeOptions {
    std::int64_t max_buffer = 4096;   ///< coordinates must lie in [-max_buffer, extent + max_buffer]
    bool check_geos = true;           ///< build GEOS polygons and require validity
};

struct DecodedTile {
    std::vector<DecodedLayer> layers;
    std::vector<std::string> violations;
    const DecodedLayer* layer(const std::string& name) const;
    /// Diffable text: one line per layer and per feature (properties then WKT).
    std::string to_text() const;
};

DecodedTile decode_strict(std::string_view bytes, const DecodeOptions& opt = {});

} // namespace tiler::test
