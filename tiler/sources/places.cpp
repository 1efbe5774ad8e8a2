// places.csv: the gazetteer. See sources/README.md for the format.
#include "core/error.hpp"
#include "sources/load_detail.hpp"
#include "sources/suggest.hpp"
#include "sources/text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace tiler::detail {
namespace {

enum Col { kId, kName, kAliases, kLat, kLon, kKind, kGovernorate, kRank, kSource };

const std::vector<std::string> kKinds = {"city", "town", "village", "district", "base", "airport", "site", "feature"};

bool is_slug(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

/// Strict decimal number: optional '-', digits, optional '.' and digits. Nothing else (no spaces, exponents, nan).
bool parse_decimal(const std::string& s, double& out) {
    std::size_t i = s.empty() || s[0] != '-' ? 0 : 1;
    const std::size_t int_start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == int_start) return false;
    if (i < s.size() && s[i] == '.') {
        const std::size_t frac_start = ++i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
        if (i == frac_start) return false;
    }
    if (i != s.size()) return false;
    out = std::strtod(s.c_str(), nullptr);
    return std::isfinite(out);
}

std::string join(const std::vector<std::string>& v) {
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + v[i];
    return out;
}

class RowChecker {
public:
    RowChecker(const std::string& file, const CsvRow& row) : file_(file), row_(row) {}
    [[noreturn]] void fail(const std::string& problem) const { throw InputError(file_, row_.line, problem); }
    const std::string& at(Col c) const { return row_.fields[static_cast<std::size_t>(c)]; }

    double coordinate(Col c, const char* what, double limit) const {
        double v = 0;
        if (!parse_decimal(at(c), v)) fail(std::string("bad ") + what + " '" + at(c) + "' (expected decimal degrees)");
        if (std::fabs(v) > limit) fail(std::string(what) + " " + at(c) + " is out of range (-" + std::to_string(int(limit)) +
                                       ".." + std::to_string(int(limit)) + ")");
        return v;
    }

private:
    const std::string& file_;
    const CsvRow& row_;
};

Place parse_row(const CsvRow& row, const std::string& file, const PlaceChecks& checks) {
    const RowChecker r(file, row);
    Place p;
    p.line = row.line;
    p.id = r.at(kId);
    if (!is_slug(p.id)) r.fail("bad place id '" + p.id + "' (expected [a-z0-9-]+)");
    p.name = r.at(kName);
    if (collapse_text(p.name).empty()) r.fail("empty name for place '" + p.id + "'");
    if (!r.at(kAliases).empty()) {
        const std::string& a = r.at(kAliases);
        std::size_t start = 0;
        for (;;) {
            const std::size_t bar = a.find('|', start);
            std::string alias = a.substr(start, bar == std::string::npos ? std::string::npos : bar - start);
            if (collapse_text(alias).empty()) r.fail("empty alias in '" + a + "' (aliases are '|'-separated)");
            p.aliases.push_back(std::move(alias));
            if (bar == std::string::npos) break;
            start = bar + 1;
        }
    }
    p.lat = r.coordinate(kLat, "latitude", 90);
    p.lon = r.coordinate(kLon, "longitude", 180);
    p.kind = r.at(kKind);
    if (std::find(kKinds.begin(), kKinds.end(), p.kind) == kKinds.end())
        r.fail("unknown kind '" + p.kind + "' (expected one of " + join(kKinds) + ")");
    p.governorate = r.at(kGovernorate);
    const auto& govs = checks.governorates;
    if (std::none_of(govs.begin(), govs.end(), [&](const Governorate& g) { return g.name == p.governorate; })) {
        std::vector<std::string> names;
        for (const auto& g : govs) names.push_back(g.name);
        r.fail("unknown governorate '" + p.governorate + "'" + did_you_mean(p.governorate, names));
    }
    const std::string& rank = r.at(kRank);
    if (rank.size() != 1 || rank[0] < '1' || rank[0] > '5') r.fail("rank '" + rank + "' is not 1..5");
    p.rank = rank[0] - '0';
    p.source = r.at(kSource);
    const bool estimated = p.source.rfind("estimated: ", 0) == 0 && !collapse_text(p.source.substr(11)).empty();
    if (p.source != "wikipedia-module-2017" && p.source != "geonames" && !estimated)
        r.fail("unknown source '" + p.source + "' (expected wikipedia-module-2017, geonames or 'estimated: <how>')");
    const geos::Geom pt = checks.ctx.point(p.lon, p.lat);
    if (!checks.ctx.covers(checks.country, pt.get())) {
        char buf[128];
        std::snprintf(buf, sizeof buf, "lat %s lon %s", r.at(kLat).c_str(), r.at(kLon).c_str());
        r.fail("place '" + p.id + "' at " + buf + " lies outside the country (" + checks.country_file + ")");
    }
    return p;
}

} // namespace

std::vector<Place> parse_places(const CsvTable& table, const std::string& file, const PlaceChecks& checks) {
    std::vector<Place> places;
    places.reserve(table.rows.size());
    std::unordered_map<std::string, std::size_t> first_line;
    for (const auto& row : table.rows) {
        Place p = parse_row(row, file, checks);
        const auto [it, fresh] = first_line.emplace(p.id, p.line);
        if (!fresh)
            throw InputError(file, p.line, "duplicate place id '" + p.id + "' (first at line " + std::to_string(it->second) + ")");
        places.push_back(std::move(p));
    }
    return places;
}

// ---------------------------------------------------------------------------------------------------------- lookup

PlaceIndex::PlaceIndex(const std::vector<Place>& places) : places_(places) {
    auto add = [](std::vector<std::size_t>& v, std::size_t i) {
        if (std::find(v.begin(), v.end(), i) == v.end()) v.push_back(i);
    };
    for (std::size_t i = 0; i < places.size(); ++i) {
        const Place& p = places[i];
        by_id_.emplace(p.id, i);
        add(by_name_[p.name], i);
        add(by_key_[name_key(p.name)], i);
        for (const auto& a : p.aliases) add(by_key_[name_key(a)], i);
    }
}

std::size_t PlaceIndex::resolve(const std::string& x, const std::string& file, std::size_t line) const {
    if (const auto it = by_id_.find(x); it != by_id_.end()) return it->second;
    auto pick = [&](const std::vector<std::size_t>& found) {
        if (found.size() == 1) return found.front();
        std::vector<std::string> ids;
        for (auto i : found) ids.push_back("'" + places_[i].id + "'");
        std::sort(ids.begin(), ids.end());
        throw InputError(file, line, "ambiguous place '" + x + "': it names " + std::to_string(found.size()) +
                                         " places (" + join(ids) + "); use the id");
    };
    if (const auto it = by_name_.find(x); it != by_name_.end()) return pick(it->second);
    if (const auto it = by_key_.find(name_key(x)); it != by_key_.end()) return pick(it->second);
    std::vector<std::string> candidates;
    candidates.reserve(places_.size() * 3);
    for (const auto& p : places_) {
        candidates.push_back(p.name);
        for (const auto& a : p.aliases) candidates.push_back(a);
    }
    for (const auto& p : places_) candidates.push_back(p.id);
    throw InputError(file, line, "unknown place '" + x + "'" + did_you_mean(x, candidates));
}

} // namespace tiler::detail
