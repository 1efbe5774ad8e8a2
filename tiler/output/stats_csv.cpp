#include "output/stats_csv.hpp"

#include "core/error.hpp"
#include "output/text_file.hpp"

#include <cstdio>

namespace tiler {

namespace {

std::string fixed(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    std::string s = buf;
    if (s.size() > 1 && s[0] == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);   // no "-0.000"
    return s;
}

/// CSV field: quoted if it holds a comma, a quote or a line break (RFC 4180).
std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) out += (c == '"') ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

} // namespace

std::string stats_csv(const Styles& styles, const std::vector<DayMap>& days) {
    std::string out = "date,faction,area_km2,share\n";
    for (const DayMap& day : days) {
        double total = 0;
        for (const Control& c : day.control) total += c.area_km2;
        for (const Faction& f : styles.factions) {
            double area = 0;
            for (const Control& c : day.control)
                if (c.faction == f.id) area += c.area_km2;
            const double share = total > 0 ? area / total : 0.0;
            out += day.date.str() + "," + csv_field(f.id) + "," + fixed(area, 3) + "," + fixed(share, 4) + "\n";
        }
    }
    return out;
}

void write_stats_csv(const std::string& file, const Styles& styles, const std::vector<DayMap>& days) {
    write_text_file(file, stats_csv(styles, days));
}

} // namespace tiler
