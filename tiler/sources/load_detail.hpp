#pragma once
// Internal parts of load_sources() (tested through tiler/sources/load.hpp): the places gazetteer and the event log.
#include "sources/csv.hpp"
#include "sources/model.hpp"

#include <string>
#include <unordered_map>
#include <vector>

namespace tiler::detail {

/// What a places.csv row is checked against.
struct PlaceChecks {
    const geos::Context& ctx;
    const GEOSPreparedGeometry* country;          ///< prepared country polygon
    const std::vector<Governorate>& governorates;
    std::string country_file;                     ///< named in "outside the country" errors
};

/// Validates places.csv rows (already shape-checked by the CSV reader). `file` names errors.
std::vector<Place> parse_places(const CsvTable& table, const std::string& file, const PlaceChecks& checks);

/// Looks up `place:<x>` targets: exact id, then exact name, then name or alias under name_key().
class PlaceIndex {
public:
    explicit PlaceIndex(const std::vector<Place>& places);
    /// The place's index; InputError(file, line, ...) if unknown (with suggestions) or ambiguous (listing ids).
    std::size_t resolve(const std::string& x, const std::string& file, std::size_t line) const;

private:
    const std::vector<Place>& places_;
    std::unordered_map<std::string, std::size_t> by_id_;
    std::unordered_map<std::string, std::vector<std::size_t>> by_name_;
    std::unordered_map<std::string, std::vector<std::size_t>> by_key_;   ///< names and aliases, name_key()
};

/// Everything an event row is checked against: `src` has places, areas, governorates and styles loaded.
struct EventChecks {
    const Sources& src;
    std::string seed;          ///< all seed text, through collapse_text()
    std::string seed_file;     ///< named in "quote not found" errors
};

/// Latest event date accepted, in days after the baseline (see events.cpp).
inline constexpr int kMaxDaysAfterBaseline = 366;

/// Validates, resolves and sorts the events of events.csv by (date, seq). `file` names errors.
std::vector<Event> parse_events(const CsvTable& table, const std::string& file, const EventChecks& checks);

} // namespace tiler::detail
