#pragma once
// The input data model: what `sources/` and `styles/` hold, loaded and validated.
#include "geos/geos.hpp"
#include "timeline/date.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace tiler {

/// A faction of styles/factions.json. Ids are fixed by DESIGN.md; names and colours are styling.
struct Faction {
    std::string id;
    std::string name;
    std::string fill;   ///< `#rrggbb`
    std::string line;   ///< `#rrggbb`
};

struct Styles {
    std::vector<Faction> factions;   ///< in display order
    /// Index into factions, or nullopt.
    std::optional<std::size_t> find(const std::string& id) const;
};

struct Governorate {
    std::string id;        ///< PCODE, e.g. SY02
    std::string name;      ///< OCHA NAME_EN
    std::string name_ar;
    geos::Geom geom;       ///< lon/lat, snapped to the grid
};

struct Place {
    std::string id;
    std::string name;
    std::vector<std::string> aliases;
    double lat = 0;
    double lon = 0;
    std::string kind;
    std::string governorate;
    int rank = 4;
    std::string source;
    std::size_t line = 0;  ///< line in places.csv
};

struct Area {
    std::string id;
    std::string name;
    std::string note;
    std::string file;      ///< path it was read from
    geos::Geom geom;       ///< lon/lat, valid, snapped to the grid, NOT yet clipped to the country
};

enum class TargetKind { Place, Area, Governorate, Country };

struct Event {
    Date date;
    int seq = 0;
    TargetKind kind = TargetKind::Country;
    std::string target;        ///< as written in events.csv, e.g. `place:Saraqib`
    std::size_t index = 0;     ///< resolved index into places / areas / governorates (unused for Country)
    std::string faction;       ///< new controller
    std::string from;          ///< empty = everyone loses the region
    std::string quote;
    std::string note;
    std::size_t line = 0;      ///< line in events.csv
};

/// Everything `tiler build` reads, validated and cross-checked.
struct Sources {
    std::string dir;
    geos::Geom country;                       ///< lon/lat, snapped to the grid
    std::vector<Governorate> governorates;
    std::vector<Place> places;
    std::vector<Area> areas;
    std::vector<Event> events;                ///< sorted by (date, seq)
    Styles styles;
    Date first;                               ///< baseline day (day 0)
    Date last;
    std::string attribution;                  ///< credits for tiles and maps
};

} // namespace tiler
