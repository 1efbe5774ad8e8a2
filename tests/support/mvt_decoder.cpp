#include "mvt_decoder.hpp"

#include "geos/geos.hpp"

#include <cmath>
#include <cstring>
#include <set>
#include <sstream>

namespace tiler::test {

namespace {

using Pt = std::pair<std::int64_t, std::int64_t>;

/// A bounds-checked protobuf wire reader.
class Wire {
public:
    Wire(std::string_view data, std::vector<std::string>& errors, std::string where)
        : p_(data.data()), end_(data.data() + data.size()), errors_(errors), where_(std::move(where)) {}
    bool done() const { return p_ >= end_ || failed_; }
    bool failed() const { return failed_; }

    bool varint(std::uint64_t& v) {
        v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (p_ >= end_) return fail("truncated varint");
            const auto b = static_cast<unsigned char>(*p_++);
            v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
            if (!(b & 0x80)) return true;
        }
        return fail("varint longer than 10 bytes");
    }
    bool key(std::uint32_t& field, std::uint32_t& type) {
        std::uint64_t k;
        if (!varint(k)) return false;
        field = static_cast<std::uint32_t>(k >> 3);
        type = static_cast<std::uint32_t>(k & 7);
        if (field == 0) return fail("field number 0");
        return true;
    }
    bool bytes(std::string_view& out) {
        std::uint64_t n;
        if (!varint(n)) return false;
        if (n > static_cast<std::uint64_t>(end_ - p_)) return fail("length-delimited field past the end");
        out = std::string_view(p_, static_cast<std::size_t>(n));
        p_ += n;
        return true;
    }
    bool fixed(std::size_t n, std::uint64_t& out) {
        if (static_cast<std::size_t>(end_ - p_) < n) return fail("truncated fixed-width field");
        out = 0;
        std::memcpy(&out, p_, n);   // little-endian host
        p_ += n;
        return true;
    }
    bool skip(std::uint32_t type) {
        std::uint64_t v;
        std::string_view s;
        switch (type) {
        case 0: return varint(v);
        case 1: return fixed(8, v);
        case 2: return bytes(s);
        case 5: return fixed(4, v);
        default: return fail("unknown wire type " + std::to_string(type));
        }
    }
    bool fail(const std::string& what) {
        errors_.push_back(where_ + ": " + what);
        failed_ = true;
        p_ = end_;
        return false;
    }

private:
    const char* p_;
    const char* end_;
    std::vector<std::string>& errors_;
    std::string where_;
    bool failed_ = false;
};

/// Packed (or single unpacked) uint32 values of a repeated field.
bool read_repeated(Wire& w, std::uint32_t type, std::vector<std::uint32_t>& out) {
    if (type == 0) {
        std::uint64_t v;
        if (!w.varint(v)) return false;
        out.push_back(static_cast<std::uint32_t>(v));
        return true;
    }
    if (type != 2) return w.fail("repeated uint32 field with wire type " + std::to_string(type));
    std::string_view s;
    if (!w.bytes(s)) return false;
    std::vector<std::string> sub_errors;
    Wire inner(s, sub_errors, "packed");
    while (!inner.done()) {
        std::uint64_t v;
        if (!inner.varint(v)) break;
        if (v > 0xffffffffu) return w.fail("packed value exceeds uint32");
        out.push_back(static_cast<std::uint32_t>(v));
    }
    if (!sub_errors.empty()) return w.fail(sub_errors.front());
    return true;
}

std::string quote(std::string_view s) { return "\"" + std::string(s) + "\""; }

std::string format_double(double d) {
    std::ostringstream os;
    os.precision(17);
    os << d;
    return os.str();
}

std::string decode_value(std::string_view data, std::vector<std::string>& errors, const std::string& where) {
    Wire w(data, errors, where);
    std::string text;
    int fields = 0;
    while (!w.done()) {
        std::uint32_t f, t;
        if (!w.key(f, t)) break;
        std::uint64_t v = 0;
        std::string_view s;
        ++fields;
        if (f == 1 && t == 2 && w.bytes(s)) text = quote(s);
        else if (f == 2 && t == 5 && w.fixed(4, v)) {
            float x;
            const auto u = static_cast<std::uint32_t>(v);
            std::memcpy(&x, &u, 4);
            text = "float:" + format_double(x);
        } else if (f == 3 && t == 1 && w.fixed(8, v)) {
            double x;
            std::memcpy(&x, &v, 8);
            text = format_double(x);
        } else if (f == 4 && t == 0 && w.varint(v)) text = "int:" + std::to_string(static_cast<std::int64_t>(v));
        else if (f == 5 && t == 0 && w.varint(v)) text = "uint:" + std::to_string(v);
        else if (f == 6 && t == 0 && w.varint(v))
            text = std::to_string(static_cast<std::int64_t>((v >> 1) ^ (~(v & 1) + 1)));
        else if (f == 7 && t == 0 && w.varint(v)) {
            if (v > 1) errors.push_back(where + ": bool value " + std::to_string(v));
            text = v ? "true" : "false";
        } else if (!w.failed()) {
            w.fail("unexpected field " + std::to_string(f) + " (wire type " + std::to_string(t) + ") in a value");
        }
    }
    if (fields != 1) errors.push_back(where + ": value with " + std::to_string(fields) + " fields (must be exactly 1)");
    return text;
}

std::int64_t unzig(std::uint32_t v) { return static_cast<std::int64_t>(v >> 1) ^ -static_cast<std::int64_t>(v & 1); }

std::int64_t twice_area(const std::vector<Pt>& r) {
    std::int64_t s = 0;
    for (std::size_t i = 0; i < r.size(); ++i) {
        const Pt& a = r[i];
        const Pt& b = r[(i + 1) % r.size()];
        s += a.first * b.second - b.first * a.second;
    }
    return s;
}

struct GeomCheck {
    const DecodeOptions& opt;
    std::uint32_t extent;
    std::vector<std::string>& errors;
    std::string where;

    void coordinate(const Pt& p) {
        const std::int64_t lo = -opt.max_buffer, hi = static_cast<std::int64_t>(extent) + opt.max_buffer;
        if (p.first < lo || p.first > hi || p.second < lo || p.second > hi)
            errors.push_back(where + ": coordinate (" + std::to_string(p.first) + " " + std::to_string(p.second) +
                             ") outside the extent plus buffer");
    }

    void decode(const std::vector<std::uint32_t>& g, DecodedFeature& f) {
        std::size_t i = 0;
        Pt cursor{0, 0};
        auto params = [&](std::uint32_t count, std::vector<Pt>& out, bool lineto) {
            for (std::uint32_t k = 0; k < count; ++k) {
                if (i + 1 >= g.size()) {
                    errors.push_back(where + ": command count " + std::to_string(count) + " runs past the geometry");
                    return false;
                }
                const std::int64_t dx = unzig(g[i]), dy = unzig(g[i + 1]);
                i += 2;
                if (lineto && dx == 0 && dy == 0) errors.push_back(where + ": zero-length LineTo");
                cursor = {cursor.first + dx, cursor.second + dy};
                coordinate(cursor);
                out.push_back(cursor);
            }
            return true;
        };
        auto command = [&](std::uint32_t& id, std::uint32_t& count) {
            if (i >= g.size()) return false;
            id = g[i] & 7;
            count = g[i] >> 3;
            ++i;
            return true;
        };
        if (g.empty()) errors.push_back(where + ": empty geometry");
        std::vector<std::vector<Pt>> rings;
        while (i < g.size()) {
            std::uint32_t id, count;
            command(id, count);
            if (id != 1) {
                errors.push_back(where + ": expected MoveTo, got command " + std::to_string(id));
                return;
            }
            if (f.type == 1) {
                if (count == 0) errors.push_back(where + ": MoveTo with count 0");
                std::vector<Pt> pts;
                if (!params(count, pts, false)) return;
                for (const Pt& p : pts) f.lines_or_points.push_back({p});
                if (i != g.size()) errors.push_back(where + ": point geometry with more than one MoveTo");
                return;
            }
            if (count != 1) errors.push_back(where + ": MoveTo count " + std::to_string(count) + " in a line or polygon");
            std::vector<Pt> pts;
            if (!params(count, pts, false)) return;
            if (!command(id, count) || id != 2) {
                errors.push_back(where + ": MoveTo not followed by LineTo");
                return;
            }
            if (count == 0) errors.push_back(where + ": LineTo with count 0");
            if (!params(count, pts, true)) return;
            if (f.type == 2) {
                f.lines_or_points.push_back(pts);
                continue;
            }
            if (!command(id, count) || id != 7 || count != 1) {
                errors.push_back(where + ": polygon ring not ended by ClosePath(1)");
                return;
            }
            if (pts.size() < 3) errors.push_back(where + ": ring with fewer than 3 points");
            if (pts.size() > 1 && pts.back() == pts.front()) errors.push_back(where + ": repeated closing point");
            rings.push_back(pts);
        }
        if (f.type != 3) return;
        for (auto& r : rings) {
            const std::int64_t a = twice_area(r);
            if (a == 0) {
                errors.push_back(where + ": zero-area ring");
                continue;
            }
            if (a > 0) f.polygons.push_back({r});
            else if (f.polygons.empty()) errors.push_back(where + ": first ring is not exterior (negative area)");
            else f.polygons.back().push_back(r);
        }
    }
};

void check_polygons_geos(const DecodedFeature& f, std::vector<std::string>& errors, const std::string& where) {
    geos::Context ctx;
    std::vector<geos::Geom> polys;
    for (const auto& poly : f.polygons) {
        std::vector<std::vector<std::pair<double, double>>> rings;
        for (const auto& r : poly) {
            if (r.size() < 3) return;
            std::vector<std::pair<double, double>> ring;
            for (const auto& p : r) ring.emplace_back(static_cast<double>(p.first), static_cast<double>(p.second));
            ring.push_back(ring.front());
            rings.push_back(std::move(ring));
        }
        try {
            polys.push_back(ctx.polygon(rings));
        } catch (const std::exception& e) {
            errors.push_back(where + ": GEOS cannot build polygon: " + e.what());
            return;
        }
        const std::string reason = ctx.invalid_reason(polys.back().get());
        if (!reason.empty()) errors.push_back(where + ": invalid polygon: " + reason);
    }
    if (polys.size() > 1) {
        geos::Geom mp = ctx.collect(std::move(polys), GEOS_MULTIPOLYGON);
        const std::string reason = ctx.invalid_reason(mp.get());
        if (!reason.empty()) errors.push_back(where + ": invalid multipolygon: " + reason);
    }
}

DecodedLayer decode_layer(std::string_view data, const DecodeOptions& opt, std::vector<std::string>& errors,
                          std::size_t index) {
    DecodedLayer layer;
    std::string where = "layer #" + std::to_string(index);
    Wire w(data, errors, where);
    std::vector<std::string_view> features;
    bool has_version = false, has_name = false;
    while (!w.done()) {
        std::uint32_t f, t;
        if (!w.key(f, t)) break;
        std::uint64_t v;
        std::string_view s;
        if (f == 15 && t == 0 && w.varint(v)) { layer.version = static_cast<std::uint32_t>(v); has_version = true; }
        else if (f == 1 && t == 2 && w.bytes(s)) { layer.name = std::string(s); has_name = true; }
        else if (f == 2 && t == 2 && w.bytes(s)) features.push_back(s);
        else if (f == 3 && t == 2 && w.bytes(s)) layer.keys.emplace_back(s);
        else if (f == 4 && t == 2 && w.bytes(s))
            layer.values.push_back(decode_value(s, errors, where + " value #" + std::to_string(layer.values.size())));
        else if (f == 5 && t == 0 && w.varint(v)) layer.extent = static_cast<std::uint32_t>(v);
        else if (!w.failed()) w.fail("unexpected field " + std::to_string(f) + " in a layer");
    }
    if (has_name) where = "layer '" + layer.name + "'";
    if (!has_version || layer.version != 2) errors.push_back(where + ": version is not 2");
    if (!has_name || layer.name.empty()) errors.push_back(where + ": missing name");
    if (layer.extent == 0) errors.push_back(where + ": extent 0");
    if (std::set<std::string>(layer.keys.begin(), layer.keys.end()).size() != layer.keys.size())
        errors.push_back(where + ": duplicate keys");
    if (std::set<std::string>(layer.values.begin(), layer.values.end()).size() != layer.values.size())
        errors.push_back(where + ": duplicate values");
    if (features.empty()) errors.push_back(where + ": layer without features");

    for (std::size_t k = 0; k < features.size(); ++k) {
        const std::string fwhere = where + " feature #" + std::to_string(k);
        DecodedFeature feat;
        std::vector<std::uint32_t> tags, geometry;
        Wire fw(features[k], errors, fwhere);
        bool has_type = false;
        while (!fw.done()) {
            std::uint32_t f, t;
            if (!fw.key(f, t)) break;
            std::uint64_t v;
            if (f == 1 && t == 0 && fw.varint(v)) { feat.id = v; feat.has_id = true; }
            else if (f == 2) read_repeated(fw, t, tags);
            else if (f == 3 && t == 0 && fw.varint(v)) { feat.type = static_cast<int>(v); has_type = true; }
            else if (f == 4) read_repeated(fw, t, geometry);
            else if (!fw.failed()) fw.fail("unexpected field " + std::to_string(f) + " in a feature");
        }
        if (!has_type || feat.type < 1 || feat.type > 3) errors.push_back(fwhere + ": geometry type missing or UNKNOWN");
        if (tags.size() % 2) errors.push_back(fwhere + ": odd number of tags");
        std::set<std::uint32_t> seen_keys;
        for (std::size_t t = 0; t + 1 < tags.size(); t += 2) {
            if (tags[t] >= layer.keys.size() || tags[t + 1] >= layer.values.size()) {
                errors.push_back(fwhere + ": tag index out of range");
                continue;
            }
            if (!seen_keys.insert(tags[t]).second) errors.push_back(fwhere + ": key '" + layer.keys[tags[t]] + "' twice");
            feat.props.emplace_back(layer.keys[tags[t]], layer.values[tags[t + 1]]);
        }
        GeomCheck check{opt, layer.extent, errors, fwhere};
        if (feat.type >= 1 && feat.type <= 3) check.decode(geometry, feat);
        if (feat.type == 3 && opt.check_geos) check_polygons_geos(feat, errors, fwhere);
        layer.features.push_back(std::move(feat));
    }
    return layer;
}

void ring_text(std::ostringstream& os, const std::vector<Pt>& r) {
    os << '(';
    for (std::size_t i = 0; i <= r.size(); ++i) {
        const Pt& p = r[i % r.size()];
        os << (i ? ", " : "") << p.first << ' ' << p.second;
    }
    os << ')';
}

} // namespace

std::string DecodedFeature::prop(const std::string& key) const {
    for (const auto& [k, v] : props)
        if (k == key) return v;
    return "";
}

std::string DecodedFeature::wkt() const {
    std::ostringstream os;
    if (type == 3) {
        const bool multi = polygons.size() != 1;
        os << (multi ? "MULTIPOLYGON (" : "POLYGON ");
        for (std::size_t p = 0; p < polygons.size(); ++p) {
            os << (p ? ", (" : "(");
            for (std::size_t r = 0; r < polygons[p].size(); ++r) {
                if (r) os << ", ";
                ring_text(os, polygons[p][r]);
            }
            os << ')';
        }
        if (multi) os << ')';
    } else if (type == 2) {
        const bool multi = lines_or_points.size() != 1;
        os << (multi ? "MULTILINESTRING (" : "LINESTRING ");
        for (std::size_t l = 0; l < lines_or_points.size(); ++l) {
            os << (l ? ", (" : "(");
            for (std::size_t i = 0; i < lines_or_points[l].size(); ++i)
                os << (i ? ", " : "") << lines_or_points[l][i].first << ' ' << lines_or_points[l][i].second;
            os << ')';
        }
        if (multi) os << ')';
    } else if (type == 1) {
        const bool multi = lines_or_points.size() != 1;
        os << (multi ? "MULTIPOINT (" : "POINT (");
        for (std::size_t i = 0; i < lines_or_points.size(); ++i)
            os << (i ? ", " : "") << lines_or_points[i][0].first << ' ' << lines_or_points[i][0].second;
        os << ')';
    }
    return os.str();
}

const DecodedLayer* DecodedTile::layer(const std::string& name) const {
    for (const auto& l : layers)
        if (l.name == name) return &l;
    return nullptr;
}

std::string DecodedTile::to_text() const {
    std::ostringstream os;
    for (const auto& l : layers) {
        os << "layer " << l.name << " version=" << l.version << " extent=" << l.extent << " features=" << l.features.size()
           << '\n';
        for (const auto& f : l.features) {
            os << "  {";
            for (std::size_t i = 0; i < f.props.size(); ++i) os << (i ? ", " : "") << f.props[i].first << '=' << f.props[i].second;
            os << "} " << f.wkt() << '\n';
        }
    }
    for (const auto& v : violations) os << "VIOLATION " << v << '\n';
    return os.str();
}

DecodedTile decode_strict(std::string_view bytes, const DecodeOptions& opt) {
    DecodedTile tile;
    Wire w(bytes, tile.violations, "tile");
    std::set<std::string> names;
    while (!w.done()) {
        std::uint32_t f, t;
        if (!w.key(f, t)) break;
        std::string_view s;
        if (f == 3 && t == 2 && w.bytes(s)) {
            tile.layers.push_back(decode_layer(s, opt, tile.violations, tile.layers.size()));
            if (!names.insert(tile.layers.back().name).second)
                tile.violations.push_back("tile: layer name '" + tile.layers.back().name + "' twice");
        } else if (!w.failed()) {
            w.fail("unexpected field " + std::to_string(f) + " in a tile");
        }
    }
    return tile;
}

} // namespace tiler::test
